#!/usr/bin/env python3
"""Build the site atomically: the output folder changes only when the build passes.

Usage: scripts/build.py --settings pelicanconf.py --output output
The same as `lscb build` (lscb_cli.build), kept for the pre-commit hook and
the commands in the docs.
"""

import sys

from lscb_cli.build import main

if __name__ == "__main__":
    sys.exit(main(prog="build.py"))
