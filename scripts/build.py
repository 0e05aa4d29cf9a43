#!/usr/bin/env python3
"""Build the site atomically: the output folder changes only when the build passes.

Usage: scripts/build.py --settings pelicanconf.py --output output
"""
import sys

import lscb_checks.registry  # noqa: F401  declares every rule: BLD005 even when the settings cannot be read
from lscb_core.build import main

if __name__ == "__main__":
    sys.exit(main())
