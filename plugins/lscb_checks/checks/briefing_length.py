"""A 7-minute briefing short enough for one side of A4 (BRF002).

The budget is BRIEFING_WORD_LIMIT in pelicanconf.py (lscb_content.briefings
has the default): the words of the Summary and of the body, as an editor
counts them (link addresses and markup left out). The print stylesheet
(theme/static/css/print.css) lays a briefing out so that the budget fits
one page; tests/browser/test_briefing_print.py measures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content.briefings import BRIEFINGS, word_limit
from lscb_core.findings import Finding, Severity
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver

_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|\{[^}]*\}")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class BriefingTooLong(Rule):
    """Flags a 7-minute briefing with more words than fit on one side of A4
    (BRIEFING_WORD_LIMIT in pelicanconf.py, 550 by default), at the line
    where the budget runs out.

    ## Why it matters
    A briefing is printed and read in a team meeting in seven minutes. One
    that runs onto a second page is not read to the end, and the questions
    for reflection, which come last, are the part that is lost.

    ## Example
    A briefing whose "What we found" copies every finding of the review in
    full.

    ## Use instead
    A few sentences or bullet points for each section, and a link to the
    review for the detail ("Find out more").

    ## Waiving
    A briefing the board has measured on paper may waive it for the file:
    `Waive: BRF002: prints on one side, checked by the business unit`.

    ## Known limitations
    Words are counted, not measured: a long table or many short bullet
    points can take more room than their words suggest.
    """

    code = "BRF002"
    name = "briefing-too-long"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.FILE


def count_words(text: str) -> int:
    return len(_WORD.findall(_MARKUP.sub(" ", text)))


def check(site) -> Iterable[Finding]:
    limit = word_limit(site.settings)
    for item in site.of_type(BRIEFINGS):
        found = check_item(item, limit)
        if found is not None:
            yield found


def check_item(item, limit: int) -> Finding | None:
    source = item.source
    summary = source.field("Summary")
    total = count_words(summary.value) if summary else 0
    over_at = None
    for number, line in enumerate(source.text.splitlines(), start=1):
        if number < source.body_start:
            continue
        total += count_words(line)
        if over_at is None and total > limit:
            over_at = number
    if over_at is None:
        return None
    return BriefingTooLong.at(
        item.path,
        over_at,
        say("briefing has {total} words; one side of A4 holds {limit}", total=total, limit=limit),
        say("cut {extra} words: a few lines a section, the detail left to the review", extra=total - limit),
    )
