"""Messages never echo an identifier (lscb_core.quote).

Every rule's fixture (tests/fixtures/rules/) is built again with a child's
name planted in what its message quotes: the review's own file is named after
the child (`reviews/zebedee-quinlan.md`), so are the files it links (the
pseudonym's slug `child-q` becomes `zebedee-quinlan` in every file name,
link and address), and the values the rule prints (PLANTS) hold the name.
scripts/build.py --check runs once as a process of its own
(tests/script_runs.py), printing its text report and writing the JSON and
GitHub annotations reports (--report), and nothing
it prints or writes may hold the name, however it is written
(tests/leak_search.py reads "zebedee-quinlan", "ZebedeeQuinlan"...), while
the rule's own finding is still reported, so each message was printed.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import contains  # noqa: E402
from leak_sites import printed_by_the_build  # noqa: E402
from rule_fixtures import all_fixtures, load, write_site  # noqa: E402

from conftest import add_standard_pages  # noqa: E402
from lscb_core.quote import mask_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAME = "Zebedee Quinlan"
SLUG = "zebedee-quinlan"
FORMATS = ("text", "json", "github")

# What each rule quotes from a review, replaced with the name (old -> new, in
# the fixture's text). Rules that quote nothing, or only file names (planted
# by the renaming), need no entry.
PLANTS: dict[str, list[tuple[str, str]]] = {
    "META003": [("Review_type: serious", f"Review_type: {NAME}")],
    "REV002": [("Publish_after: next March", f"Publish_after: {NAME}")],
    "REV006": [("Sibling_risk_assessed: no", f"Sibling_risk_assessed: {NAME}")],
    # DOC001 on an annual report: its "did you mean" is a review's file.
    "DOC001": [
        (
            "Document: annual-reports/documents/annual-report-2025-26.pdf",
            "Document: reviews/documents/zebedee-qiunlan-report.pdf",
        )
    ],
    "PII001": [("Kyle Brennan", NAME)],
}
# Files added to a fixture so that a suggestion names the child.
EXTRA_FILES = {"DOC001": {f"reviews/documents/{SLUG}-report.pdf": "pdf_plain"}}


def _renamed(text: str) -> str:
    return text.replace("child-q", SLUG)


# REV003 runs on the built site: the renamed review's REV011 (its address is
# not its pseudonym) stops the build before it. Its address is masked by
# mask_path (see the last test).
NOT_RENAMED = {"REV003"}


def planted(path: Path):
    fixture = load(path)
    if fixture.code in NOT_RENAMED:
        return fixture
    text = fixture.text
    for old, new in PLANTS.get(fixture.code, []):
        assert old in text, f"{path.name}: {old!r} is not in the fixture"
        text = text.replace(old, new)
    return dataclasses.replace(
        fixture,
        place=_renamed(fixture.place),
        text=_renamed(text),
        files={**{_renamed(k): v for k, v in fixture.files.items()}, **EXTRA_FILES.get(fixture.code, {})},
        writes={_renamed(k): _renamed(v) for k, v in fixture.writes.items()},
        # A link's own name is outside reviews/: printed as it is, by design.
        symlinks={k: _renamed(v) for k, v in fixture.symlinks.items()},
    )


def _settings_file(folder: Path, overrides: dict) -> Path:
    """The project's settings with the fixture's overrides, paths made absolute."""
    lines = [
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n",
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n",
    ]
    lines += [f"{key} = {value!r}\n" for key, value in overrides.items()]
    settings = folder / "settings.py"
    settings.write_text("".join(lines), encoding="utf-8")
    return settings


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.stem)
def test_no_format_prints_the_identifier_planted_in_a_fixture(path, tmp_path, monkeypatch):
    fixture = planted(path)
    for name, value in fixture.env.items():
        monkeypatch.setenv(name, value)
    content = tmp_path / "content"
    placed = write_site(fixture, content)
    if fixture.register:
        from register_helpers import write_register

        write_register(content, fixture.place, fixture.register)
    add_standard_pages(content)
    settings = _settings_file(tmp_path, fixture.settings) if fixture.settings else ROOT / "pelicanconf.py"
    out = printed_by_the_build(content, tmp_path / "output", settings, fixture.env)

    for form, text in out.items():
        assert not contains(text, NAME), f"{path.name}: --format {form} prints {NAME!r}:\n{text}"
    report, _end = json.JSONDecoder().raw_decode(out["json"][out["json"].index("{") :])
    codes = {finding["code"] for finding in report["findings"]}
    assert fixture.code in codes, f"{path.name}: {fixture.code} was not reported:\n{out['text']}"
    shown = mask_path(f"content/{fixture.place}")
    if SLUG in fixture.place and any(finding["path"].endswith(shown) for finding in report["findings"]):
        # A finding about the review named after the child names it masked, in every format.
        for form in FORMATS:
            assert shown in out[form], f"{path.name}: --format {form} does not name {shown}:\n{out[form]}"
    assert placed.exists()


def test_a_path_under_reviews_is_masked_but_pseudonyms_and_file_words_stay():
    assert mask_path("content/reviews/zebedee-quinlan.md") == "content/reviews/z******-q******.md"
    assert mask_path("content/reviews/child-q.md") == "content/reviews/child-q.md"
    assert (
        mask_path("content/reviews/documents/child-q-overview-report.pdf")
        == "content/reviews/documents/child-q-overview-report.pdf"
    )
    assert mask_path("content/guidance/neglect.md") == "content/guidance/neglect.md"
    assert mask_path("/reviews/zebedee-quinlan/") == "/reviews/z******-q******/"


def test_a_message_built_from_a_value_is_refused_and_a_quoted_value_is_masked_in_a_review(tmp_path):
    import lscb_checks.registry  # noqa: F401  declares every rule, whatever ran before in this process
    from lscb_core.quote import file, known, say
    from lscb_core.rules import RULES

    rule = RULES["META003"]
    review = tmp_path / "content" / "reviews" / f"{SLUG}.md"
    review.parent.mkdir(parents=True)
    review.write_text("Title: Child Q\nPseudonyms: Child Q, School B\n\nText.\n", encoding="utf-8")
    written = NAME
    with pytest.raises(TypeError, match="literal"):
        rule.at(str(review), 1, f"Review_type '{written}' is not allowed", "write one of: scr")
    finding = rule.at(
        str(review),
        1,
        say("{field} '{value}' is not allowed", field=known("Review_type"), value=f"{NAME} and School B"),
        say("did you mean {close}?", close=file(f"reviews/documents/{SLUG}.pdf")),
    )
    assert finding.message == "Review_type 'Z****** Q****** a** School B' is not allowed"
    assert finding.hint == "did you mean reviews/documents/z******-q******.pdf?"
    guidance = tmp_path / "content" / "guidance" / "neglect.md"
    guidance.parent.mkdir(parents=True)
    guidance.write_text("Title: Neglect\n\nText.\n", encoding="utf-8")
    shown = rule.at(str(guidance), 1, say("Type '{value}' is not allowed", value="guidence"), "write guidance")
    assert shown.message == "Type 'guidence' is not allowed"  # another page's value is shown
