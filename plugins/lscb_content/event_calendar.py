"""iCalendar files of the events: one per event (events/<slug>.ics) and one
of every event, upcoming and past (events/calendar.ics), which calendar
programs subscribe to. Written with the `icalendar` library.

Each file holds only what the event's page shows: its title, summary,
start and end, place, status and the page's address. Never the booking
link (a past or cancelled event's page does not show it). Times are in the
board's time zone (TIMEZONE), with its VTIMEZONE; a whole-day event is a
date (DTEND the day after its last day, as RFC 5545 wants). The UID is the
event page's address, so it stays the same from build to build and a
subscribed calendar updates the event instead of adding it again.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import icalendar

_TAG = re.compile(r"<[^>]+>")


def site_address(settings) -> str:
    """The site's address for the links in the files: SITEURL when it is a
    web address (the live site), else the preview's FEED_DOMAIN."""
    for name in ("SITEURL", "FEED_DOMAIN"):
        value = str(settings.get(name) or "").rstrip("/")
        if value.startswith(("https://", "http://")):
            return value
    return ""


def calendar_of(events: list, settings, name: str) -> bytes:
    """The iCalendar text of these events."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.get('SITENAME', 'Board')}//Training and events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    address = site_address(settings)
    years = []
    for event in events:
        times = event.event_times
        if times is None:
            continue
        calendar.add_component(_vevent(event, times, address))
        years += [times.start_day.year, times.end_day.year]
    if years:
        # The time zone's rules for the years the events span, not 1970-2038.
        calendar.add_missing_timezones(first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1))
    return calendar.to_ical()


def _vevent(event, times, address: str) -> icalendar.Event:
    page = f"{address}/{event.url}"
    vevent = icalendar.Event()
    vevent.add("uid", page)
    vevent.add("dtstamp", _stamp(event))
    if times.whole_day:
        vevent.add("dtstart", times.start)
        vevent.add("dtend", times.end + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", times.start)
        vevent.add("dtend", times.end)
    vevent.add("summary", plain(event.title))
    summary = plain(event.metadata.get("summary", ""))
    if summary:
        vevent.add("description", summary)
    vevent.add("location", event.place)
    vevent.add("url", page)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return vevent


def _stamp(event) -> dt.datetime:
    """The file's date (Modified, else Date), in UTC."""
    stamp = getattr(event, "modified", None) or event.date
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


def plain(text) -> str:
    """Text from a field as HTML (the summary): no tags, no entities, one line."""
    return " ".join(html.unescape(_TAG.sub("", str(text))).split())
