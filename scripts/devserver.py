#!/usr/bin/env python3
"""Live preview for editors: serve the site on 127.0.0.1 and rebuild it, with
every check, each time a file is saved. Findings are printed here and shown
on the open page; a failed build leaves the last good preview in place.

Usage: scripts/devserver.py [--settings pelicanconf.py] [--port 8000]
"""
import sys

import lscb_checks.registry  # noqa: F401  declares every rule: BLD005 even when the settings cannot be read
from lscb_core.devserver import main

if __name__ == "__main__":
    sys.exit(main())
