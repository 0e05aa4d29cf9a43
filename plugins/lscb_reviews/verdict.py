"""Decide, for one review, whether it is published, kept out, or retired.

A review reaches readers only when every field says it may. Anything missing
or unclear keeps it out: publishing by mistake can identify a child, keeping
out by mistake only delays a publication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lscb_core.dates import add_months, as_date
from lscb_core.quote import Message, known, say

# Values the schema allows (lscb_content.schema): printed as they are.
_STATUSES = ("draft", "hidden", "published")
_DECISIONS = ("publish", "withhold")


@dataclass(frozen=True)
class Verdict:
    kind: str  # "publish", "block" or "retire"
    reason: Message | str = ""  # rendered with lscb_core.quote: it quotes the review
    live_from: dt.date | None = None  # first day the review is public


def _field(article, name: str) -> str:
    value = getattr(article, name, None)
    return str(value).strip().lower() if value is not None else ""


def _due(live_from: dt.date, today: dt.date) -> str:
    """When an embargoed review becomes due: "goes live in 43 days"."""
    days = (live_from - today).days
    return "goes live tomorrow" if days == 1 else f"goes live in {days} days"


def decide(article, today: dt.date, retention_months: int | None) -> Verdict:
    """Raises ValueError (naming the field) when a date cannot be read."""
    status = article.status
    if status != "published":
        return Verdict("block", say("Status is {status}", status=known(status) if status in _STATUSES else status))

    decision = _field(article, "publication_decision")
    if decision != "publish":
        if not decision:
            return Verdict("block", "it has no Publication_decision")
        return Verdict(
            "block",
            say("Publication_decision is {decision}", decision=known(decision) if decision in _DECISIONS else decision),
        )

    if _field(article, "criminal_proceedings") == "ongoing":
        return Verdict("block", "Criminal_proceedings is ongoing")

    published = as_date(article.date)
    live_from = published
    embargo = getattr(article, "publish_after", None)
    if embargo:
        try:
            live_from = max(live_from, as_date(embargo))
        except ValueError as error:
            raise ValueError(f"Publish_after: {error}") from None
    if live_from > today:
        return Verdict(
            "block",
            say("embargoed until {day}, {due}", day=known(live_from.isoformat()), due=known(_due(live_from, today))),
            live_from,
        )

    if retention_months and add_months(live_from, retention_months) <= today:
        return Verdict("retire", say("older than {months} months", months=retention_months), live_from)
    return Verdict("publish", live_from=live_from)
