"""Every finding code has a fixture; each fixture gives exactly the findings
its `<!-- expect: CODE -->` markers say, on those lines, and none on `<!-- ok -->`
lines. See tests/rule_fixtures.py for the fixture format."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import build_site  # noqa: E402
from rule_fixtures import all_fixtures, load, write_site  # noqa: E402

from lscb_checks.registry import load_all_rules  # noqa: E402


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.stem)
def test_fixture_gives_exactly_the_expected_findings(path, tmp_path, monkeypatch):
    fixture = load(path)
    assert any(code == fixture.code for _line, code in fixture.expected), (
        f"{path.name} has no line marked <!-- expect: {fixture.code} -->")
    assert fixture.ok_lines, f"{path.name} has no line marked <!-- ok --> (a case where the check stays quiet)"
    for name, value in fixture.env.items():
        monkeypatch.setenv(name, value)
    content = tmp_path / "content"
    placed = write_site(fixture, content)
    if fixture.register:
        from register_helpers import write_register
        write_register(content, fixture.place, fixture.register)
    site = build_site(content, tmp_path / "output", **fixture.settings)

    found = {
        (f.line, f.code) for f in site.result.findings
        if not f.waived and Path(f.path).resolve() == placed.resolve()
    }
    assert found == fixture.expected, (
        f"{path.name}: expected {sorted(fixture.expected)}, got {sorted(found)}\n{site.messages()}")
    # An error Pelican logged is reported as BLD005, and only there.
    assert not site.result.errors or len(site.result.errors) == len(
        [f for f in site.result.findings if f.code == "BLD005"]), site.messages()
    assert not site.result.errors or fixture.code == "BLD005", site.messages()
    for f in site.result.findings:
        assert len(f.message) < 80, f"{f.code} message is {len(f.message)} characters: {f.message}"
        assert f.hint and "\n" not in f.hint, f"{f.code} needs a one-line hint"


def test_every_rule_has_a_fixture():
    codes = set(load_all_rules())
    have = {path.stem for path in all_fixtures()}
    missing = sorted(codes - have)
    assert not missing, f"rules without a fixture in tests/fixtures/rules/: {missing}"
    unknown = sorted(have - codes)
    assert not unknown, f"fixtures for codes that no rule declares: {unknown}"
