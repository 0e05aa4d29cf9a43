"""HTML005: HTML written in a page whose words a reader may not be shown (or
not where they stand) is refused at the line that writes it; the elements a
browser shows in place, a details a reader can open, the word "hidden" in
prose, an example in code and the site's own markup stay quiet."""

from __future__ import annotations

import pytest

from conftest import ScenarioSite


def _findings(tmp_path, name: str, body: str, summary: str = "A record."):
    scenario = ScenarioSite(tmp_path / name)
    scenario.write("pages/a-record.md", f"Title: A record\nSummary: {summary}\n\nThe plan was agreed.\n\n{body}\n")
    site = scenario.build()
    return site, [f for f in site.result.findings if f.code == "HTML005"]


_NOT_SHOWN = [
    ("hidden-block", "<div hidden>Notes for the panel.</div>", "hidden or popover"),
    ("hidden-inline", "The plan <span HIDDEN>(draft)</span> was shared.", "hidden or popover"),
    ("popover", "The plan <span popover>(draft)</span> was shared.", "hidden or popover"),
    (
        "table-text",
        "<table><tr><th>Year</th></tr><tr><td>2024</td></tr>Notes for the panel.</table>",
        "outside its cells",
    ),
    ("template", "<template>Notes for the panel.</template>", "<template>"),
    ("dialog", "<dialog>Notes for the panel.</dialog>", "<dialog>"),
    ("open-dialog", "<div><dialog open>Notes for the panel.</dialog></div>", "<dialog>"),
    ("ruby-parenthesis", "<ruby>Zeb<rp>Notes</rp></ruby> was told.", "<rp>"),
    ("unknown", "The plan <item></item>was shared.", "<item>"),
    ("noscript", "<noscript>Notes for the panel.</noscript>", "<noscript>"),
    ("select", "<select><option>Yes</option><option>Notes for the panel</option></select>", "<select>"),
    ("video", "<video>Notes for the panel.</video>", "<video>"),
    ("iframe", "<iframe>Notes for the panel.</iframe>", "<iframe>"),
]


@pytest.mark.parametrize(("name", "body", "said"), _NOT_SHOWN, ids=[n[0] for n in _NOT_SHOWN])
def test_words_a_reader_is_not_shown_are_refused_at_their_line(tmp_path, name, body, said):
    site, found = _findings(tmp_path, name, body)
    assert not site.ok
    assert [f.line for f in found] == [6], site.messages()
    assert said in str(found[0].message) and found[0].path.endswith("pages/a-record.md")


def test_hidden_words_in_a_summary_are_refused_at_the_summary(tmp_path):
    site, found = _findings(tmp_path, "summary", "Nothing else.", summary="A <span hidden>secret</span> record.")
    assert [f.line for f in found] == [2], site.messages()


_SHOWN = [
    ("details", "<details><summary>More about the plan</summary>It was agreed in May.</details>"),
    ("ruby", "<ruby>漢<rt>kan</rt></ruby> is read with its reading above it."),
    ("table", "<table><tr><th>Year</th><td>2024</td></tr></table>"),
    ("prose", "Nothing was hidden from the family. A template letter was used."),
    ("code", "Do not write `<div hidden>` in a page."),
]


@pytest.mark.parametrize(("name", "body"), _SHOWN, ids=[s[0] for s in _SHOWN])
def test_words_a_reader_can_see_stay_quiet(tmp_path, name, body):
    site, found = _findings(tmp_path, name, body)
    assert found == [] and site.ok, site.messages()
