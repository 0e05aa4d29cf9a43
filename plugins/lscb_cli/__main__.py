"""`python -m lscb_cli ...`: the same as the `lscb` command."""

import sys

from . import main

sys.exit(main())
