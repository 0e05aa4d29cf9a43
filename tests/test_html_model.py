"""The quick reading of Markdown's HTML (html_model._simple) against
html.parser's: the same headings, images, links, tables, ids, text and
resources, on the same lines, for every document it reads; anything else is
left to html.parser."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from lscb_core.html_model import _Collector, _simple, parse_html

ROOT = Path(__file__).resolve().parent.parent

# Each one either read quickly with the same result, or left to html.parser.
FRAGMENTS = [
    "<p>a &amp b &lt;c&gt; &#x1F600; &eacute;</p>",
    '<P CLASS="X">Hi<BR/>there</P>',
    '<a href="x"/>left open',
    '<p\n  id="a"\n>x</p\n>\n<h2 id="b">B</h2>\n<h3\nid="c">C</h3>',
    '<img alt="" src="a.png">',
    '<img alt src="a.png">',
    '<a title=\'q "x"\' href="/">Go &gt; on <img alt="icon" src="i.png"></a>',
    "text & more &#60; &lt",
    "<p>a < b</p>",
    "<p>x<!-- c --></p>",
    "<script>a<b</script><p>t</p>",
    "<a href=x>unquoted</a>",
    "<h1>T</h1>\r\n<p>x</p>",
    "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    "<template><p>x</p></template><p>y</p>",
    '<my-el data-x="1">t</my-el>',
    '<a  href = "x" >y</a >',
    "</p>",
    '<p title="a>b">c</p>',
    '<div id="a&amp;b">x</div>',
    "<br / >",
    '<a href="x"title="y">z</a>',
    "<p>\n\n</p>",
    "",
    "plain",
    "<title>x</title>",
    "<textarea>a<b</textarea>",
    "<style>p{}</style>",
    "<!DOCTYPE html><p>x</p>",
    '<link rel="stylesheet" href="/s.css"><iframe src="/f"></iframe><video src="/v.mp4"></video>',
]


def _same(html: str) -> bool | None:
    """True: read quickly, with html.parser's result; None: left to it."""
    quick = _simple(html)
    full = _Collector()
    full.feed(html)
    full.close()
    if quick is None:
        return None
    quick.close()
    assert quick.parsed == full.parsed, html
    assert parse_html(html) == full.parsed
    return True


@pytest.mark.parametrize("html", FRAGMENTS)
def test_a_fragment_reads_as_html_parser_reads_it(html):
    _same(html)


def test_markdowns_html_is_read_quickly_and_the_same():
    extensions = ["tables", "footnotes", "toc", "attr_list"]
    documents = [
        markdown.markdown(path.read_text(encoding="utf-8"), extensions=extensions)
        for path in sorted((ROOT / "content").rglob("*.md"))
    ]
    assert len(documents) > 10
    outcomes = [_same(html) for html in documents]
    assert outcomes.count(True) > len(documents) // 2  # the quick reading is used


def test_what_is_not_markdowns_kind_is_left_to_html_parser():
    for html in (
        "<p>x<!-- c --></p>",
        "<script>a<b</script>",
        "<a href=x>y</a>",
        "<p>a < b</p>",
        "<textarea>a<b</textarea>",
        "<!DOCTYPE html><p>x</p>",
    ):
        assert _simple(html) is None, html
