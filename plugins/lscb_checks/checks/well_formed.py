"""Every built page is well-formed HTML: no block inside a paragraph, no
element left open, no end tag with nothing to close.

Markdown copies HTML written in a page to the output as it is, so a `<div>`
never closed, or a `<table>` on a line of a paragraph, reaches the built page
and a browser repairs it its own way: the rest of the page disappears inside
the div, or the paragraph is cut in two. Each built page is walked once
(lscb_checks.html_structure: one regular expression and a stack, a fraction
of a millisecond a page). On a page with a problem, the item's rendered
body is walked too: a problem in it is reported at the line of the Markdown
that wrote the tag. Each item's Summary (shown on its page and on list
pages) is walked too, and reported at its field. Any other problem, in the
theme, is reported on the built page, once, with the number of pages that
share it.
"""

from __future__ import annotations

import dataclasses
import posixpath

from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from ..html_structure import HTML_ELEMENTS, Problem, problems
from ..locate import tag_position


class BlockInParagraph(Rule):
    """Flags a block of HTML (a `<div>`, a `<table>`, a list, a heading)
    written inside a paragraph: on a line of its own text, or in a
    paragraph written as `<p>...</p>`.

    ## Why it matters
    A browser ends the paragraph where the block starts, and turns what is
    left of it and its `</p>` into a new, empty paragraph. The page reads in
    the wrong order for a screen reader, the paragraph's number and styles
    stop half-way, and the HTML is invalid (WCAG 4.1.1).

    ## Example
        The figures for the year: <table><tr><th>Referrals</th></tr></table>

    ## Use instead
    Leave a blank line before and after a block of HTML, and start it at the
    beginning of its line:

        The figures for the year:

        <table><tr><th>Referrals</th></tr></table>

    ## Known limitations
    Only the first problem of a paragraph is reported. A problem in the
    theme is reported on the built page (output/...).
    """

    code = "HTML001"
    name = "block-in-paragraph"
    stage = "output"
    waiver = Waiver.LINE


class UnclosedElement(Rule):
    """Flags an HTML element with no end tag: a `<div>` never closed, or an
    `<em>` still open when its paragraph ends. Elements whose end tag HTML
    lets you leave out (`<p>`, `<li>`, `<td>`...) are not flagged.

    ## Why it matters
    A browser closes the element where it guesses: a `<div>` never closed
    takes in everything after it, the footer included, so the page's layout
    and its landmarks break, and the HTML is invalid (WCAG 4.1.1).

    ## Example
        <div class="callout">
        Call 999 in an emergency.

    ## Use instead
        <div class="callout">
        Call 999 in an emergency.
        </div>

    ## Known limitations
    Tags closed in the wrong order (`<b><i>text</b></i>`) are reported as an
    unclosed `<i>` and a stray `</i>` (HTML003). Inside `<svg>` and `<math>`
    only the `<svg>` or `<math>` itself is checked.
    """

    code = "HTML002"
    name = "unclosed-element"
    stage = "output"
    waiver = Waiver.LINE


class StrayEndTag(Rule):
    """Flags an end tag that closes nothing: a `</div>` once too often, or a
    `</p>` or `</br>` with no element to end.

    ## Why it matters
    A browser drops it, or makes an element of it (`</p>` becomes an empty
    paragraph, `</br>` a line break): usually a sign that the HTML around it
    is not what the author meant, and the page is invalid (WCAG 4.1.1).

    ## Example
        <div class="callout">
        Call 999 in an emergency.
        </div>
        </div>

    ## Use instead
    Remove the extra end tag, or add the start tag it was meant to close.

    ## Known limitations
    An end tag inside a table cell for an element opened outside the table
    is stray, as browsers treat it.
    """

    code = "HTML003"
    name = "stray-end-tag"
    stage = "output"
    waiver = Waiver.LINE


_RULES = {"block-in-paragraph": BlockInParagraph, "unclosed": UnclosedElement, "stray-end": StrayEndTag}


# The same limitation for the three rules: how much of each page is walked.
for _rule in (BlockInParagraph, UnclosedElement, StrayEndTag):
    _rule.__doc__ = (
        _rule.__doc__.rstrip()
        + "\n"
        + """
    Every page's `<main>` (the content) is read; the rest of the page, which
    the theme writes, is read whole on the first page of each template and
    on any page whose content has a problem, so a theme problem that shows
    only with some pages' data is found only there.
    """
    )


def check_output(output):
    reported_items: set[str] = set()
    summaries = _summary_problems(output.site)
    explained = {(problem.kind, problem.tag) for _item, found in summaries for problem in found}
    for item, found in summaries:
        line = item.source.field_line("Summary")
        for problem in found:
            yield _finding(problem, item.path, line, 1, on_page=False)
    theme: dict[tuple, list] = {}  # (kind, tag, page line) -> [finding, number of pages]
    walked_whole: set[str] = set()  # templates whose pages have been walked whole once
    for rel in sorted(output.pages):
        page = output.pages[rel]
        found = _page_problems(page, walked_whole)
        if not found:
            continue
        item = page.item
        if item is not None:
            in_body = problems(item.html)
            if in_body:
                if item.path not in reported_items:
                    reported_items.add(item.path)
                    yield from _in_markdown(item, in_body)
                continue
        for problem in found:
            if (problem.kind, problem.tag) in explained:
                continue  # a Summary's, shown on this page: reported at the Summary
            key = (problem.kind, problem.tag, problem.line)
            if key in theme:
                theme[key][1] += 1
            else:
                theme[key] = [_finding(problem, posixpath.join("output", rel), problem.line, 1, on_page=True), 1]
    for finding, pages in theme.values():
        if pages > 1:
            extra = f" (and {pages - 1} more pages)"
            finding = dataclasses.replace(finding, message=finding.message[: 78 - len(extra)] + extra)
        yield finding


def _page_problems(page, walked_whole: set[str]) -> list[Problem]:
    """The page's problems. Every page's <main> (its own content) is walked;
    the rest of the page, written by the theme the same way on every page of
    a template, is walked whole on the first page of each template and on
    any page whose <main> has a problem. A <main> that is well formed is a
    closed element, so it cannot change how the rest of the page reads."""
    markup = page.read()
    template = getattr(page.item.obj, "template", "") if page.item is not None else ""
    start, end = markup.find("<main"), markup.rfind("</main>")
    if not template or start < 0 or end < start or template not in walked_whole:
        if template and start >= 0:
            walked_whole.add(template)
        return problems(markup)
    if problems(markup[start : end + len("</main>")]):
        return problems(markup)
    return []


def _summary_problems(site) -> list[tuple[object, list[Problem]]]:
    """(item, problems) for each public item whose Summary, as the list
    pages and its own page show it, is not well formed."""
    found = []
    for item in site.items:
        summary = item.metadata.get("summary") if item.is_public else None
        if isinstance(summary, str) and "<" in summary:
            in_summary = problems(summary)
            if in_summary:
                found.append((item, in_summary))
    return found


def _in_markdown(item, found: list[Problem]):
    html = item.html
    for problem in found:
        written = html[problem.start : problem.end]
        nth = html.count(written, 0, problem.start)
        line, col = tag_position(item.source, written, nth, problem.tag)
        yield _finding(problem, item.path, line, col, on_page=False)


def _finding(problem: Problem, path: str, line: int, col: int, on_page: bool):
    rule = _RULES[problem.kind]
    # A standard element's name is the check's own vocabulary; any other
    # name was written in the content, and is masked in a review's finding.
    tag = known(problem.tag) if problem.tag in HTML_ELEMENTS else problem.tag[:20]
    where = "the theme writes this: fix it in theme/templates" if on_page else ""
    if problem.kind == "block-in-paragraph":
        message = say("<{tag}> is inside a paragraph: browsers split it", tag=tag)
        hint = where or "leave a blank line before and after the block, at the start of its line"
    elif problem.kind == "unclosed":
        message = say("<{tag}> is never closed", tag=tag)
        hint = where or say("add </{tag}> where the element ends", tag=tag)
    else:
        message = say("</{tag}> closes nothing", tag=tag)
        hint = where or say("remove it, or add the <{tag}> it was meant to close", tag=tag)
    return rule.at(path, line, message, hint, col=col)
