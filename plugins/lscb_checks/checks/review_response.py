"""A published case review carries the board's response to its recommendations.

Checked for reviews with Status published that the board did not withhold
(a withheld review is never read, so it needs no response), and that are not
retired (only an "available on request" notice remains of those).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.rules import Rule, Waiver

from .review_decision import meant_for_publication

# "The board's response", "Board response and action plan", "Response to the
# recommendations", "Our response to the review's recommendations".
_RESPONSE = re.compile(
    r"\bboard[’']?s?\b.*\brespon[sd]|\brespon[sd]\w*\b.*\b(?:board|recommendations?)\b",
    re.IGNORECASE,
)
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class BoardResponseMissing(Rule):
    """Flags a case review without a section for the board's response to its
    recommendations, or with that section empty.

    ## Why it matters
    A review is published so that agencies learn from it. Readers, and the
    family, need to see what the board has done about each recommendation,
    not only what went wrong.

    ## Example
    A review with `## Findings` and `## Recommendations` and nothing after.

    ## Use instead
        ## The board's response

        | Recommendation | Action | Lead | Status |
        | --- | --- | --- | --- |
        | 1 | New information sharing procedure agreed | Policy and Procedures Subgroup | Done |

    ## Known limitations
    The section is recognised by its heading: it must mention the board's
    response, or the response to the recommendations. The check does not
    compare the response with each recommendation.
    """

    code = "REV009"
    name = "board-response-missing"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    for item in site.of_type("reviews"):
        if item.state != "retired" and meant_for_publication(item):
            yield from check_review(item)


def check_review(item) -> Iterable[Finding]:
    if not any(_RESPONSE.search(heading.text) for heading in item.parsed.headings):
        yield BoardResponseMissing.at(
            item.path,
            1,
            "no section with the board's response to the recommendations",
            "add '## The board's response' saying what was done about each recommendation",
        )
        return
    empty = _empty_response_line(item.source.lines, item.source.body_start)
    if empty:
        yield BoardResponseMissing.at(
            item.path,
            empty,
            "the board's response section is empty",
            "say what the board has done about each recommendation, e.g. in a table",
        )


def _empty_response_line(lines: list[str], body_start: int) -> int:
    """Line of a response heading in the Markdown followed by no text before
    the next heading of the same or a higher level; 0 if there is none."""
    fenced = False
    heading_line, level, has_text = 0, 0, False
    for number, line in enumerate(lines[body_start - 1 :], start=body_start):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _ATX.match(line)
        if match and heading_line and len(match.group(1)) <= level:
            if not has_text:
                return heading_line
            heading_line = 0
        if match and _RESPONSE.search(match.group(2)):
            heading_line, level, has_text = number, len(match.group(1)), False
        elif heading_line and line.strip() and not line.lstrip().startswith("<!--"):
            has_text = True
    return heading_line if heading_line and not has_text else 0
