"""docs/checks.md documents every code, from the rules' own docstrings, and is
never stale. These check the documentation, not what a build does: they carry
the `docs` marker, and the end of a run counts them apart from behaviour tests
(`pytest -m "not docs"` runs only behaviour tests). make explain and the
registry's names are tested in test_explain.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lscb_checks.docs import missing_sections, render
from lscb_checks.registry import load_all_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_all_rules()

pytestmark = pytest.mark.docs


def test_docs_checks_md_is_up_to_date():
    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == render(), "docs/checks.md is stale: run `make checks-doc` and commit it"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_fully_documented(code):
    rule = RULES[code]
    assert not missing_sections(rule), f"{code} docstring lacks: {missing_sections(rule)}"
    assert re.fullmatch(r"[A-Z][A-Z0-9]{1,4}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name), f"{code} name must be kebab-case"
