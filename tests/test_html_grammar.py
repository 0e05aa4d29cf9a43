"""Every reader of HTML reads a tag where a browser does (lscb_core.html_grammar).

Before, each reader spelled a tag its own way, and the final gate took a
custom element whose name starts with "script" or "style" (`<script-x>`,
which a browser shows) for a script: a child's full name inside one was
published from an ordinary page with a passing build. The same for an end
tag a browser accepts (`</script foo>` ends a script), a no-break space
after a name (no browser ends a name there), an attribute after a slash
(`<img/alt="...">` has an alt)."""

from __future__ import annotations

import pytest
from test_published_gate import everything_published

from lscb_checks import quick
from lscb_checks.html_structure import problems
from lscb_checks.published.markup import read_markup
from lscb_core.html_model import parse_html

NAME = "Zebedee Quinlan"


def _page(scenario, body: str):
    scenario.write("pages/a-record.md", f"Title: A record\nSummary: A record.\n\nThe record was shared.\n\n{body}\n")
    return scenario.build()


@pytest.mark.parametrize(
    "written",
    [
        f"<script-x>{NAME} was known to the school.</script-x>",
        f"<p><style-box>{NAME}</style-box> was known to the school.</p>",
        f"<p><template-x>{NAME}</template-x> was known to the school.</p>",
    ],
    ids=["script-x", "style-box", "template-x"],
)
def test_a_name_in_a_custom_element_named_like_a_script_is_refused(scenario, written):
    site = _page(scenario, written)
    assert not site.ok
    # The name is found, and the element is refused as one a reader may not be shown (HTML005).
    codes = [f.code for f in site.result.findings if f.path.endswith("a-record.md")]
    assert sorted(set(codes)) == ["HTML005", "PII001"], site.messages()
    assert NAME not in everything_published(scenario.output)


def test_a_real_script_and_style_are_still_read_as_code(scenario):
    """The quiet case: a script's and a style's text is code, not words a
    reader sees: both are refused only as HTML a page may not hold (HTML005
    for the script, HTML004 for the style), their text not read as words."""
    site = _page(scenario, "<script>var shown = 1;</script>\n\n<style>p { color: black; }</style>")
    assert site.codes() == ["HTML004", "HTML005"], site.messages()


@pytest.mark.parametrize(
    "markup",
    [
        f"<p><script-x>{NAME}</script-x></p>",
        f"<p><script>var a;</script foo>{NAME} was known.</p>",
        f"<p><script>var a;</script\n>{NAME} was known.</p>",
        f"<p><script\u00a0x>{NAME}</script\u00a0x></p>",
        f"<p><sCrIpT-x>{NAME}</sCrIpT-x></p>",
    ],
    ids=["custom-element", "end-tag-with-attribute", "end-tag-with-line-break", "no-break-space", "mixed-case"],
)
def test_the_gate_reads_the_text_a_browser_shows(markup):
    assert NAME in " ".join(read_markup(markup).text.split())


def test_a_script_the_browser_hides_is_not_read_as_text():
    extract = read_markup(f"<p>Shown.</p><SCRIPT type='x'>var a = '{NAME}';</SCRIPT ><p>After.</p>")
    assert NAME not in extract.text and "After." in extract.text
    assert any(piece.kind == "script" and NAME in piece.text for piece in extract.loose)


def test_an_attribute_after_a_slash_is_read():
    """`<img/alt="...">`: a browser reads the slash as space before an
    attribute; the gate read no attribute at all."""
    extract = read_markup(f'<p><img/alt="{NAME}" src="a.png"></p>')
    assert any(NAME in piece.text for piece in extract.pieces)


@pytest.mark.parametrize("tag", ["script-x", "style-box"])
def test_every_reader_agrees_that_a_custom_element_is_shown(tag):
    markup = f"<p>Before <{tag}>{NAME}</{tag}> after.</p><p>End.</p>"
    assert NAME in quick.visible(markup)
    assert NAME in parse_html(markup).text
    assert problems(markup) == []  # its end tag closes it; nothing left open
    assert NAME in read_markup(markup).text


def test_the_structure_check_ends_a_script_where_a_browser_does():
    assert problems("<div><script>var a;</script foo></div>") == []
    assert [p.kind for p in problems("<div><script>var a;</div>")] == ["unclosed", "unclosed"]
