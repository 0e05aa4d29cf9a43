"""Write docs/checks.md from the rules' docstrings (`make checks-doc`)."""

from __future__ import annotations

import sys

from lscb_checks.docs import render

from .project import ROOT


def main(argv: list[str] | None = None) -> int:
    target = ROOT / "docs" / "checks.md"
    target.write_text(render(), encoding="utf-8")
    print(f"Wrote {target.relative_to(ROOT)}", file=sys.stderr)
    return 0
