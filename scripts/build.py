#!/usr/bin/env python3
"""Build the site atomically: the output folder changes only when the build passes.

Usage: scripts/build.py --settings pelicanconf.py --output output
"""
import sys

from lscb_core.build import main

if __name__ == "__main__":
    sys.exit(main())
