"""docs/checks.md documents every code, from the rules' own docstrings, and is
never stale; scripts/explain.py prints one code's section."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lscb_checks.docs import missing_sections, render
from lscb_checks.registry import load_all_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_all_rules()


def test_docs_checks_md_is_up_to_date():
    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == render(), "docs/checks.md is stale: run `make checks-doc` and commit it"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_fully_documented(code):
    rule = RULES[code]
    assert not missing_sections(rule), f"{code} docstring lacks: {missing_sections(rule)}"
    assert re.fullmatch(r"[A-Z][A-Z0-9]{1,4}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name), f"{code} name must be kebab-case"


def test_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_explain_prints_one_code_and_rejects_unknown_ones():
    ok = subprocess.run([sys.executable, str(ROOT / "scripts" / "explain.py"), "ver002"],
                        capture_output=True, text=True)
    assert ok.returncode == 0
    assert ok.stdout.startswith("### VER002 version-of-dangling")
    assert "**Use instead**" in ok.stdout
    bad = subprocess.run([sys.executable, str(ROOT / "scripts" / "explain.py"), "VER999"],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert "No finding code 'VER999'" in bad.stderr
