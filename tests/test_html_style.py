"""HTML004: a page that sets its own look (a style attribute, a <style>
element, a class of the theme's written in Markdown) is refused, at the line
that wrote it; a page styled only by the theme, and words that only mention
a style, stay quiet."""

from __future__ import annotations

import pytest

from conftest import ScenarioSite


def _page(body: str, summary: str = "A record.") -> str:
    return f"Title: A record\nSummary: {summary}\n\n{body}\n"


def _findings(tmp_path, name: str, body: str, summary: str = "A record."):
    scenario = ScenarioSite(tmp_path / name)
    scenario.write("pages/a-record.md", _page(body, summary))
    site = scenario.build()
    return site, [f for f in site.result.findings if f.code == "HTML004"]


_STYLED = [
    # (name, body, line of the finding in the file: header 2 lines, a blank, then the body)
    ("attribute", 'The plan was agreed.\n\n<p style="color: grey">Updated in May.</p>', 6),
    ("attribute-after-slash", "The plan was agreed.\n\n<p/style='color:grey'>Updated in May.</p>", 6),
    ("upper-case", 'The plan was agreed.\n\n<P STYLE="color:grey">Updated in May.</P>', 6),
    ("element", "The plan was agreed.\n\n<style>p { color: grey }</style>\n\nUpdated in May.", 6),
    ("attr-list", 'The plan was agreed.\n\nUpdated in May.\n{: style="color: grey" }', 7),
    ("inline", 'The plan was <span style="padding-left:1em">agreed</span> in May.', 4),
    # A colour of its own, which no security policy switches off.
    ("font-colour", 'The plan was agreed.\n\n<font color="white">Updated in May.</font>', 6),
    ("bgcolor", 'The plan was agreed.\n\n<p bgcolor="#fff">Updated in May.</p>', 6),
    # A tag written over two lines, and one after a backslash-escaped backtick.
    ("two-lines", 'The plan was agreed.\n\n<p\nstyle="color:grey">Updated in May.</p>', 6),
]


@pytest.mark.parametrize(("name", "body", "line"), _STYLED, ids=[s[0] for s in _STYLED])
def test_a_style_written_in_a_page_is_refused_at_its_line(tmp_path, name, body, line):
    site, found = _findings(tmp_path, name, body)
    assert not site.ok, site.messages()
    assert [(f.line, f.path.endswith("pages/a-record.md")) for f in found] == [(line, True)], site.messages()
    assert "take it out" in found[0].hint


def test_a_style_in_a_summary_is_refused_at_the_summary(tmp_path):
    site, found = _findings(
        tmp_path, "summary", "The plan was agreed.", summary='A <span style="color:transparent">page</span> record.'
    )
    assert not site.ok
    assert [f.line for f in found] == [2], site.messages()


def test_a_class_of_the_themes_written_in_a_page_is_refused(tmp_path):
    site, found = _findings(
        tmp_path, "theme-class", 'The family lives at <span class="visually-hidden">page</span> the address.'
    )
    assert not site.ok
    assert [f.line for f in found] == [4], site.messages()
    assert "visually-hidden" in str(found[0].message)
    site, found = _findings(tmp_path, "attr-list-class", "The plan was agreed.\n{: .visually-hidden }")
    assert [f.line for f in found] == [5], site.messages()
    # A ">" inside an earlier attribute's value does not end the tag.
    site, found = _findings(tmp_path, "quoted", "The family lives at <span title='>' class=visually-hidden>x</span>.")
    assert [f.line for f in found] == [4], site.messages()


QUIET = [
    # Mentioned in code, escaped, or in prose: no style is set.
    ("code-span", 'Never write `<p style="color:red">` in a page.'),
    ("code-block", 'An example:\n\n    <p style="color:red">No.</p>\n    <p class="visually-hidden">No.</p>'),
    ("escaped", 'Never write &lt;p style="color:red"&gt; in a page.'),
    ("prose", "The style = the way something looks. A class of pupils."),
    # A class the theme does not define changes nothing.
    ("own-class", '<p class="board-note">The plan was agreed.</p>'),
    # Markdown's own alignment becomes a class of the theme's, not a style.
    ("aligned-table", "| Year | Referrals |\n| --- | ---: |\n| 2024 | 120 |"),
]


@pytest.mark.parametrize(("name", "body"), QUIET, ids=[q[0] for q in QUIET])
def test_a_page_styled_by_the_theme_only_stays_quiet(tmp_path, name, body):
    site, found = _findings(tmp_path, name, body)
    assert found == [], site.messages()
    assert site.ok, site.messages()
