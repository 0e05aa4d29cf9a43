#!/usr/bin/env python3
"""Explain one finding code: the same as `lscb explain CODE` (make explain CODE=...).

Usage: scripts/explain.py PII001
"""

import sys

from lscb_cli.explain import main

if __name__ == "__main__":
    sys.exit(main())
