"""`make explain CODE=...` (lscb explain) prints one code's section of
docs/checks.md and rejects unknown codes; every rule's name is its own."""

from __future__ import annotations

import subprocess
import sys

from lscb_checks.registry import load_all_rules

RULES = load_all_rules()


def test_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_explain_prints_one_code_and_rejects_unknown_ones():
    ok = subprocess.run([sys.executable, "-m", "lscb_cli", "explain", "ver002"], capture_output=True, text=True)
    assert ok.returncode == 0
    assert ok.stdout.startswith("### VER002 version-of-dangling")
    assert "**Use instead**" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "lscb_cli", "explain", "VER999"], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "No finding code 'VER999'" in bad.stderr
