"""The publication record of every case review that is meant to be public.

Checked for each review with Status published (the default), whatever the
publication gate decided: a review withheld, embargoed or waiting for
criminal proceedings still needs a proper record of who decided what and
when. A draft or hidden review is work in progress and is not checked here.

`Publication_decision: withhold` needs no sibling risk assessment: the review
is never published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lscb_content import schema
from lscb_core.dates import as_date
from lscb_core.findings import Finding
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver


class ReviewDecisionMissing(Rule):
    """Flags a case review without a `Publication_decision`.

    ## Why it matters
    Publishing a review is a decision for the board, recorded in the review.
    Without it the review is kept off the site; the build says so, so that
    the decision is made and written down rather than the review silently
    never appearing.

    ## Example
    A review with `Decision_date` and `Decision_by` but no
    `Publication_decision` line.

    ## Use instead
        Publication_decision: publish

    or `withhold` when the board decided not to publish it.

    ## Known limitations
    A draft or hidden review is not checked until its Status is removed.
    """

    code = "REV001"
    name = "review-decision-missing"
    waiver = Waiver.NEVER


class DecisionDateMissingOrLate(Rule):
    """Flags a case review whose `Decision_date` is missing, or later than its
    publication `Date`.

    ## Why it matters
    A review must not go live before the board decided it may. A decision
    dated after publication means one of the dates is wrong, or the review
    was published before anyone decided.

    ## Example
        Date: 2026-01-15
        Decision_date: 2026-02-01

    ## Use instead
        Date: 2026-02-15
        Decision_date: 2026-02-01

    ## Known limitations
    A `Decision_date` that is not a date is META004. The check cannot know
    whether the decision was really made on that day.
    """

    code = "REV004"
    name = "decision-date-missing-or-late"
    waiver = Waiver.NEVER


class DecisionByMissing(Rule):
    """Flags a case review that does not say who made the publication
    decision (`Decision_by`).

    ## Why it matters
    Publishing a review is accountable: readers, inspectors and the family
    may ask who decided. The record names the role that decided.

    ## Example
    A review with `Publication_decision: publish` and no `Decision_by`.

    ## Use instead
        Decision_by: Independent Chair

    ## Known limitations
    Any text is accepted; the check cannot tell a role from a person's name.
    """

    code = "REV005"
    name = "decision-maker-missing"
    waiver = Waiver.NEVER


class SiblingRiskNotAssessed(Rule):
    """Flags a case review meant for publication without
    `Sibling_risk_assessed: yes`.

    ## Why it matters
    Brothers and sisters of the child live on after a review is published.
    Statutory guidance expects the risk to them to be assessed before
    publication; the record confirms it was.

    ## Example
        Sibling_risk_assessed: no

    ## Use instead
    Assess the risk first, then write:

        Sibling_risk_assessed: yes

    ## Known limitations
    Not required when `Publication_decision` is `withhold`. The check trusts
    the record; it cannot tell whether the assessment was good.
    """

    code = "REV006"
    name = "sibling-risk-not-assessed"
    waiver = Waiver.NEVER


_HEADER_LINE = re.compile(r"^(?P<name>[A-Za-z][\w '’.-]{0,40}?)\s*:\s?(?P<value>.*)$")


@dataclass(frozen=True)
class HeaderValue:
    text: str
    line: int
    col: int


def header_value(item, name: str) -> HeaderValue | None:
    """The value of field `name` as the editor wrote it, even misspelt
    ("publication decision: publish"): META001 reports the spelling, so the
    record is judged once, on what the editor meant. The publication gate
    reads only the exact name, so a misspelt field still keeps a review out.
    """
    wanted = schema.squash(name)
    value = None
    for number, line in enumerate(item.source.lines, start=1):
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        if match:
            if value is not None:
                break  # the field and its continuation lines are read
            if schema.squash(match.group("name")) == wanted:
                value = HeaderValue(match.group("value").strip(), number, match.start("value") + 1)
        elif value is not None and line[:1].isspace():
            value = HeaderValue(f"{value.text} {line.strip()}".strip(), value.line, value.col)
    return value


def meta_text(item, name: str) -> str:
    """The text of a field of the review's header, "" when it is absent."""
    value = header_value(item, name)
    return value.text if value else ""


def has_publication_record(item) -> bool:
    """Whether a review should carry a full publication record: Status
    published, whatever the gate decided."""
    return getattr(item.obj, "status", "") == "published"


def meant_for_publication(item) -> bool:
    """A review with a publication record that the board did not withhold."""
    return has_publication_record(item) and meta_text(item, "publication_decision").casefold() != "withhold"


def _where(item, name: str) -> tuple[int, int]:
    value = header_value(item, name)
    return (value.line, value.col) if value else (1, 1)


def check(site) -> Iterable[Finding]:
    for item in site.of_type("reviews"):
        if has_publication_record(item):
            yield from check_review(item)


def check_review(item) -> Iterable[Finding]:
    path = item.path
    decision = meta_text(item, "publication_decision")
    if not decision:
        line, col = _where(item, "publication_decision")
        yield ReviewDecisionMissing.at(
            path,
            line,
            "no Publication_decision: the review is kept off the site",
            "add 'Publication_decision: publish' (or withhold), with Decision_date and Decision_by",
            col=col,
        )

    yield from _decision_date(item)

    if not meta_text(item, "decision_by"):
        line, col = _where(item, "decision_by")
        yield DecisionByMissing.at(
            path,
            line,
            "Decision_by is missing: who decided to publish?",
            "add the role that decided, e.g. 'Decision_by: Independent Chair'",
            col=col,
        )

    if decision.casefold() != "withhold":
        assessed = meta_text(item, "sibling_risk_assessed")
        if assessed.casefold() != "yes":
            line, col = _where(item, "sibling_risk_assessed")
            yield SiblingRiskNotAssessed.at(
                path,
                line,
                say(
                    "Sibling_risk_assessed is '{value}', not yes",
                    value=known(assessed) if assessed.casefold() == "no" else assessed[:12],
                )
                if assessed
                else "Sibling_risk_assessed is missing",
                "assess the risk to the child's siblings, then write 'Sibling_risk_assessed: yes'",
                col=col,
            )


def _decision_date(item) -> Iterable[Finding]:
    path = item.path
    written = meta_text(item, "decision_date")
    line, col = _where(item, "decision_date")
    if not written:
        yield DecisionDateMissingOrLate.at(
            path,
            line,
            "Decision_date is missing: when was publication decided?",
            "add the date of the decision, e.g. 'Decision_date: 2026-03-31'",
            col=col,
        )
        return
    published = getattr(item.obj, "date", None)
    try:
        decided = as_date(written)
    except ValueError:
        return  # META004 reports a date that cannot be read
    if published is None:
        return  # META002 reports a missing Date
    published = as_date(published)
    if decided > published:
        yield DecisionDateMissingOrLate.at(
            path,
            line,
            say(
                "Decision_date {decided} is after Date {published}",
                decided=known(decided.isoformat()),
                published=known(published.isoformat()),
            ),
            "the decision comes before publication: correct Decision_date or Date",
            col=col,
        )
