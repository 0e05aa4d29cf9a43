"""Guidance past its review date.

Guidance carries a `Review_date`: the day by which its owner must check it is
still right. Once that day has passed the page may give professionals out of
date procedures. Previews (draft mode) warn; publishing stops until the page
is reviewed and given a new date. A version for young people or children is
checked too when it has its own `Review_date`. A missing or malformed date is
the metadata schema's finding, not this one. An earlier version of a page
(docs/editing.md, Earlier versions of guidance) is not checked: it is a
record of what the page said until it was replaced.
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_core.dates import as_date, today
from lscb_core.findings import Finding, Severity
from lscb_core.quote import known, say
from lscb_core.rules import Mode, Rule, Waiver

TYPES = ("guidance", "young-people", "children")


class GuidanceReviewOverdue(Rule):
    """Flags a guidance page (or a version of one) whose `Review_date` has
    passed. The build's idea of today can be changed with LSCB_TODAY, to see
    which pages will be overdue on a later day.

    ## Why it matters
    Procedures change: thresholds, phone numbers, the law and statutory
    guidance. Professionals follow the website in good faith; a page nobody
    has checked for its review period may send them the wrong way.

    ## Example
        Review_date: 2026-09-01
    on a page built on 23 November 2026.

    ## Use instead
    Ask the page's `Owner` to check it, make any changes, and set the next
    review date, usually a year or two on:
        Review_date: 2027-09-01
    If the review is under way but not finished, say so in the metadata:
    `Waive: DATE001: review in progress, agreed by the Policy and Procedures
    Subgroup on 2026-11-10`, and remove the waiver when it is done.

    ## Known limitations
    The check cannot tell whether anyone actually read the page before
    moving the date on. It does not warn before the date arrives.
    """

    code = "DATE001"
    name = "guidance-review-overdue"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.FILE


def _long(day) -> str:
    return f"{day.day} {day:%B %Y}"


def check(site) -> Iterable[Finding]:
    now = today(site.settings)
    for item in site.of_type(*TYPES):
        if site.mode is Mode.PUBLISH and item.state == "draft":
            continue
        if getattr(item.obj, "is_earlier_version", False):
            continue  # a record of what the page said until it was replaced
        field = item.source.field("Review_date")
        if field is None:
            continue
        try:
            due = as_date(field.value)
        except ValueError:
            continue  # the metadata schema reports it
        if due >= now:
            continue
        days = (now - due).days
        owner = item.source.field("Owner")
        yield GuidanceReviewOverdue.at(
            item.path,
            field.line,
            say(
                "review date {due} has passed ({days} {unit} ago)",
                due=known(_long(due)),
                days=days,
                unit=known("day" if days == 1 else "days"),
            ),
            # The owner is what the page says: masked like any value.
            say(
                "ask the page's owner ({owner}) to check it, then set Review_date to the next review date",
                owner=owner.value,
            )
            if owner and owner.value
            else "ask the page's owner to check it, then set Review_date to the next review date",
            col=field.value_col,
        )
