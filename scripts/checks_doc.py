#!/usr/bin/env python3
"""Write docs/checks.md from the rules' docstrings: the same as `lscb checks-doc` (make checks-doc)."""

import sys

from lscb_cli.checks_doc import main

if __name__ == "__main__":
    sys.exit(main())
