"""The structural walk of HTML (lscb_checks.html_structure) and the checks
that report what it finds on the built site (HTML001-HTML003)."""

from __future__ import annotations

import pytest

from lscb_checks.html_structure import problems


def _found(markup: str) -> list[tuple[str, str, int]]:
    return [(problem.kind, problem.tag, problem.line) for problem in problems(markup)]


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Text with <em>emphasis</em> and a<br>break.</p>",
        # End tags HTML lets you leave out.
        "<ul><li>one<li>two</ul><dl><dt>a<dd>b<dt>c<dd>d</dl>",
        "<table><thead><tr><th>A<th>B<tbody><tr><td>1<td>2<tr><td>3<td>4</table>",
        "<p>A paragraph never closed<div>then a block</div>",
        "<div><p>closed by its parent</div>",
        "<select><option>a<option>b<optgroup label=x><option>c</select>",
        # What is not markup: comments, scripts, styles, the doctype.
        "<!DOCTYPE html><html><head><title>a < b</title><style>p > a {}</style></head>"
        "<body><!-- <div> --><script>if (a < b) { x = '</div>'; }</script><p>x</p></body></html>",
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><g><circle r="1"/></g></svg>',
        "<textarea><p></textarea>",
        '<a href="/x" title="a > b">link</a>',
        # Python-Markdown's own output for raw HTML blocks and md_in_html.
        '<div class="note">\nA raw block.\n</div>\n\n<table><tr><td>1</td></tr></table>\n',
    ],
)
def test_well_formed_markup_has_no_problems(markup):
    assert _found(markup) == []


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("<p>1.\n<div>x</div>\n</p>", [("block-in-paragraph", "div", 2)]),
        (
            '<p class="numbered"><span>5.</span> <table><tr><td>x</td></tr></table>\n</p>',
            [("block-in-paragraph", "table", 1)],
        ),
        ("<p>Intro\n<ul><li>a</li></ul>\nmore</p>", [("block-in-paragraph", "ul", 2)]),
        ("<main>\n<div class=callout>\n<p>x</p>\n</main>", [("unclosed", "div", 2)]),
        ("<p>x</p>\n<div>", [("unclosed", "div", 2)]),
        ("<p>Some <em>emphasis</p>", [("unclosed", "em", 1)]),
        ("<h2>A heading\n<h3>inside</h3>", [("unclosed", "h2", 1)]),
        ("<p>x</p>\n<script>var a = 1;", [("unclosed", "script", 2)]),
        ("<svg><path/>", [("unclosed", "svg", 1)]),
        ("<div>x</div>\n</div>", [("stray-end", "div", 2)]),
        ("<p>x</br></p>", [("stray-end", "br", 1)]),
        ("<p>x</p></p>", [("stray-end", "p", 1)]),
        ("<div><table><tr><td></div></td></tr></table></div>", [("stray-end", "div", 1)]),
    ],
)
def test_malformed_markup_is_reported_where_it_is(markup, expected):
    assert _found(markup) == expected


def test_the_walk_takes_time_in_proportion_to_the_page():
    import time

    def seconds(copies: int) -> float:
        markup = '<div class="x"><p>Words <em>and</em> <a href="/y">links</a>.</p></div>\n' * copies
        started = time.perf_counter()
        assert problems(markup) == []
        return time.perf_counter() - started

    seconds(1000)
    small, large = min(seconds(2000) for _ in range(3)), min(seconds(20000) for _ in range(3))
    assert large < small * 20  # ten times the page: at most twice the time a character


def test_a_summary_that_is_not_well_formed_is_reported_at_its_field(scenario):
    from conftest import guidance_markdown

    page = scenario.write(
        "guidance/referral.md",
        guidance_markdown("Making a referral", "Call the front door.", Summary="How to refer <em>quickly."),
    )
    site = scenario.build()
    assert [(f.path, f.line, f.code) for f in site.result.findings] == [(str(page), 5, "HTML002")], site.messages()


def test_a_finding_in_the_markdown_is_waived_on_its_line(scenario):
    page = scenario.write(
        "pages/training.md",
        """\
        Title: Training

        ## Courses

        Write to us.</br> We answer. <!-- waive HTML003: shown to the test -->

        Call us.</br> We answer.
        """,
    )
    site = scenario.build()
    assert [(f.line, f.code, bool(f.waived)) for f in site.result.findings if f.path == str(page)] == [
        (5, "HTML003", True),
        (7, "HTML003", False),
    ], site.messages()
