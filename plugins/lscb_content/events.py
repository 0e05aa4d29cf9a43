"""Training and events (content/events/): what each event page and listing
needs to know about an event, and which events are past.

An event is past from the day after its End, judged by the build's date
(lscb_core.dates.today, which honours LSCB_TODAY): the daily scheduled
build moves it from /events/ to /events/past/ with nothing for an editor
to do. The listings are written by lscb_content.listings (upcoming, at
/events/) and lscb_content.event_pages (past, and the iCalendar files).
"""

from __future__ import annotations

from lscb_core.dates import today

from .event_times import event_times, zone_of

EVENTS = "events"
ONLINE = "online"
CANCELLED = "cancelled"
# Where the calendar of every event is written: the "Get updates" page and
# calendar programs subscribe to this address, so it never changes.
CALENDAR_SAVE_AS = "events/calendar.ics"
PAST_URL = "events/past/"
# Names the section uses itself: an event file named past.md or calendar.md
# gets "-event" after its name (events/past-event/), so it never takes the
# place of the past events or of the calendar.
RESERVED_SLUGS = ("past", "calendar")


def describe_event(instance) -> None:
    """Give an event (an Article of content/events/) what templates use:
    its times, whether it is online, cancelled or past, and its .ics."""
    meta = instance.metadata
    if instance.slug in RESERVED_SLUGS:
        instance.slug = f"{instance.slug}-event"
    zone = zone_of(instance.settings)
    instance.event_times = event_times(meta.get("start", ""), meta.get("end", ""), zone)
    status = " ".join(str(meta.get("event_status", "") or "scheduled").split()).casefold()
    instance.cancelled = status == CANCELLED
    location = " ".join(str(meta.get("location", "")).split())
    instance.online = location.casefold() == ONLINE
    instance.place = "Online" if instance.online else location
    times = instance.event_times
    instance.past = times is not None and times.is_past(today(instance.settings))
    # A draft has no calendar file: drafts are previews, never subscribed to.
    instance.ics_url = "" if instance.status == "draft" else f"{EVENTS}/{instance.slug}.ics"
    # The booking link is offered only while the event can be booked.
    booking = str(meta.get("booking", "") or "").strip()
    instance.booking_url = booking if booking and not instance.cancelled and not instance.past else ""


def upcoming_and_past(events: list) -> tuple[list, list]:
    """Upcoming events soonest first, and past ones newest first."""
    upcoming = [e for e in events if not e.past]
    past = [e for e in events if e.past]
    upcoming.sort(key=_order)
    past.sort(key=_order, reverse=True)
    return upcoming, past


def _order(event):
    times = event.event_times
    # An event whose times cannot be read is listed last (its finding stops
    # the build in any case).
    return (0, times.sort_key(), event.title) if times else (1, (), event.title)
