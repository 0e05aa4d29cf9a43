#!/usr/bin/env python3
"""Write docs/checks.md from the rules' docstrings (`make checks-doc`)."""
import sys
from pathlib import Path

from lscb_checks.docs import render

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    target = ROOT / "docs" / "checks.md"
    target.write_text(render(), encoding="utf-8")
    print(f"Wrote {target.relative_to(ROOT)}", file=sys.stderr)
