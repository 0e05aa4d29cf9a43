"""Explain one finding code: what it checks, why, an example, what to do.

Usage: lscb explain PII001      (or: make explain CODE=PII001)
"""

from __future__ import annotations

import sys

from lscb_checks.docs import explain
from lscb_checks.registry import load_all_rules


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    text = explain(argv[0])
    if text is None:
        codes = ", ".join(sorted(load_all_rules()))
        print(f"No finding code {argv[0]!r}. The codes are: {codes}", file=sys.stderr)
        return 1
    print(text)
    return 0
