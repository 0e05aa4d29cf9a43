"""An event's Start and End that cannot both be true (META009): End
before Start, or one written with a time and the other without. Each value
on its own is checked by lscb_checks.checks.metadata_values (META004)."""

from __future__ import annotations

from collections.abc import Iterable

from lscb_content.event_times import read, zone_of
from lscb_content.events import EVENTS
from lscb_core.findings import Finding
from lscb_core.rules import Rule, Waiver


class EventEndBeforeStart(Rule):
    """Flags an event whose `End` is before its `Start`, or whose `Start`
    and `End` are not written the same way: one with a time and the other
    a date alone.

    ## Why it matters
    The event page and the calendar files would show an event that ends
    before it starts, which calendar programs refuse or show wrongly, and
    the event would move to the past events on the wrong day: an event is
    past from the day after its `End`.

    ## Example
        Start: 2027-02-03 09:30
        End: 2027-02-03 08:30

    ## Use instead
        Start: 2027-02-03 09:30
        End: 2027-02-03 12:30

    A whole-day event gives dates alone: `Start: 2027-02-03` and
    `End: 2027-02-04` for two days.

    ## Known limitations
    Only the order is checked: an event lasting a year is accepted.
    """

    code = "META009"
    name = "event-end-before-start"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    zone = zone_of(site.settings)
    for item in site.items:
        if item.type_key == EVENTS:
            yield from check_item(item, zone)


def check_item(item, zone) -> Iterable[Finding]:
    start_field, end_field = item.source.field("Start"), item.source.field("End")
    if start_field is None or end_field is None:
        return  # META002
    try:
        start, end = read(start_field.value, zone), read(end_field.value, zone)
    except (ValueError, TypeError):
        return  # META004
    timed_start, timed_end = hasattr(start, "hour"), hasattr(end, "hour")
    if timed_start != timed_end:
        yield EventEndBeforeStart.at(
            item.path,
            end_field.line,
            "End has no time but Start has one" if timed_start else "Start has no time but End has one",
            "write both as YYYY-MM-DD HH:MM, or both as YYYY-MM-DD for whole days",
            col=end_field.value_col,
        )
        return
    if end < start:
        yield EventEndBeforeStart.at(
            item.path,
            end_field.line,
            "End is before Start: the event would end before it begins",
            "check the date and time of End; it must be the same as Start or later",
            col=end_field.value_col,
        )
