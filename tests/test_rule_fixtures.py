"""Every finding code has a fixture; each fixture gives exactly the findings
its `<!-- expect: CODE -->` markers say, on those lines, and none on `<!-- ok -->`
lines. See tests/rule_fixtures.py for the fixture format."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import difflib  # noqa: E402

from rule_fixtures import all_fixtures, load, metadata_lines, write_site  # noqa: E402

from conftest import build_site  # noqa: E402
from lscb_checks.registry import load_all_rules  # noqa: E402


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.stem)
def test_fixture_gives_exactly_the_expected_findings(path, tmp_path, monkeypatch):
    fixture = load(path)
    assert any(code == fixture.code for _line, code in fixture.expected), (
        f"{path.name} has no line marked <!-- expect: {fixture.code} -->"
    )
    assert fixture.ok_lines or fixture.quiet, (
        f"{path.name} has no line marked <!-- ok --> and no quiet twin (a case where the check stays quiet)"
    )
    for name, value in fixture.env.items():
        monkeypatch.setenv(name, value)
    content = tmp_path / "content"
    placed = write_site(fixture, content)
    if fixture.register:
        from register_helpers import write_register

        write_register(content, fixture.place, fixture.register)
    site = build_site(content, tmp_path / "output", **fixture.settings)

    found = {
        (f.line, f.code) for f in site.result.findings if not f.waived and Path(f.path).resolve() == placed.resolve()
    }
    assert found == fixture.expected, (
        f"{path.name}: expected {sorted(fixture.expected)}, got {sorted(found)}\n{site.messages()}"
    )
    for relative in fixture.quiet:
        twin = (content / relative).resolve()
        loud = [
            f.as_text()
            for f in site.result.findings
            if f.code == fixture.code and not f.waived and Path(f.path).resolve() == twin
        ]
        assert not loud, f"{path.name}: the quiet twin {relative} gave {loud}"
    # An error Pelican logged is reported as BLD005, and only there.
    assert not site.result.errors or len(site.result.errors) == len(
        [f for f in site.result.findings if f.code == "BLD005"]
    ), site.messages()
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


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.stem)
def test_each_quiet_case_sits_where_the_rule_could_fire(path):
    """A quiet case proves something only where the rule is active: an `ok`
    line in the same part of the file (metadata or body) as a line that
    fires, or a quiet twin of the same page type (the same folder) that
    differs from the firing file in at most three lines."""
    fixture = load(path)
    firing = sorted(line for line, code in fixture.expected if code == fixture.code)
    header = metadata_lines(fixture.text)
    # A firing blank line is the one that ends the metadata: it belongs to both parts.
    parts = {
        part
        for line in firing
        for part in ((True, False) if not fixture.text.splitlines()[line - 1].strip() else (line <= header,))
    }
    if firing and set(firing) == {1}:
        # The rule reports the file as a whole: no other line of it can show it quiet.
        assert not fixture.ok_lines, f"{path.name}: {fixture.code} reports the whole file; use a quiet twin"
        assert fixture.quiet, f"{path.name}: {fixture.code} reports the whole file and needs a quiet twin"
    for line in sorted(fixture.ok_lines):
        assert (line <= header) in parts, (
            f"{path.name}: line {line} is marked ok in the {'metadata' if line <= header else 'body'}, "
            f"where {fixture.code} never fires in this fixture"
        )
    place = Path(fixture.place)
    for relative, text in fixture.quiet.items():
        twin = Path(relative)
        assert twin.parent == place.parent, (
            f"{path.name}: the quiet twin {relative} is not a page of the same type as {fixture.place}"
        )
        changed = [d for d in difflib.ndiff(fixture.text.splitlines(), text.splitlines()) if d[:1] in "+-"]
        assert len(changed) <= 6, (
            f"{path.name}: the quiet twin {relative} differs from the fixture in more than three lines"
        )
