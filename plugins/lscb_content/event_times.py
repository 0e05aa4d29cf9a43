"""When an event happens: its `Start` and `End` as the board wrote them,
read in the board's time zone (the TIMEZONE setting), and said in words.

A value is one of:

* a date, `2027-02-03`: the event lasts the whole day (a whole-day event
  has no time at either end);
* a date and a time in the board's zone, `2027-02-03 09:30` (or with a T,
  or with seconds);
* a date and a time with its offset from UTC, `2027-02-03T09:30+00:00` or
  `2027-02-03T09:30Z`, shown to readers in the board's zone.

An event is past from the day after its End, in the board's zone: an event
ending on 3 February is listed as upcoming all of that day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# What editors may write: a date, then optionally a time, then optionally an
# offset. Anything else ("3 Feb 2027", "2027-02-03 9.30am") is refused.
_WHEN = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
DEFAULT_ZONE = "Europe/London"


def zone_of(settings) -> ZoneInfo:
    """The board's time zone (TIMEZONE), Europe/London when it is not one."""
    name = (settings or {}).get("TIMEZONE") or DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def problem(text: str) -> str | None:
    """What is wrong with a Start or End as written (a message part), or None."""
    text = " ".join(str(text).split())
    if not _WHEN.match(text):
        return "is not written as YYYY-MM-DD or YYYY-MM-DD HH:MM"
    try:
        read(text, ZoneInfo("UTC"))
    except ValueError:
        return "is not a real date and time"
    return None


def read(text: str, zone: ZoneInfo) -> dt.date | dt.datetime:
    """A date (whole day) or a datetime in `zone`. Raises ValueError."""
    text = " ".join(str(text).split())
    if not _WHEN.match(text):
        raise ValueError(f"{text!r} is not a date and time")
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


@dataclass(frozen=True)
class EventTimes:
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime

    @property
    def whole_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def start_day(self) -> dt.date:
        return _day(self.start)

    @property
    def end_day(self) -> dt.date:
        return _day(self.end)

    def is_past(self, today: dt.date) -> bool:
        """Past from the day after its End."""
        return today > self.end_day

    def sort_key(self) -> tuple:
        """Soonest first: by start (a whole-day event before timed events
        of the same day), then by end."""
        return (_moment(self.start), _moment(self.end))

    # In words, as the site shows them.
    def start_iso(self) -> str:
        return self.start.isoformat()

    def end_iso(self) -> str:
        return self.end.isoformat()

    def start_words(self) -> str:
        if self.whole_day:
            return day_words(self.start)
        return f"{day_words(self.start_day)}, {time_words(self.start)}"

    def end_words(self) -> str:
        """The end, without its day when it is the start's day: "12:30pm"."""
        if self.whole_day:
            return day_words(self.end)
        if self.end_day == self.start_day:
            return time_words(self.end)
        return f"{day_words(self.end_day)}, {time_words(self.end)}"

    def has_end_words(self) -> bool:
        """Whether the end is said at all (a one-day whole-day event: no)."""
        return not (self.whole_day and self.end_day == self.start_day)

    def words(self) -> str:
        """ "Wednesday 3 February 2027, 9:30am to 12:30pm"."""
        if not self.has_end_words():
            return self.start_words()
        return f"{self.start_words()} to {self.end_words()}"


def event_times(start_text, end_text, zone: ZoneInfo) -> EventTimes | None:
    """The times of an event, or None when either cannot be read, or End is
    before Start, or one has a time and the other not (META004, META009)."""
    try:
        start, end = read(start_text, zone), read(end_text, zone)
    except (ValueError, TypeError):
        return None
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        return None
    if _moment(end) < _moment(start):
        return None
    return EventTimes(start, end)


def day_words(day: dt.date) -> str:
    """Wednesday 3 February 2027"""
    return f"{day:%A} {day.day} {day:%B %Y}"


def time_words(moment: dt.datetime) -> str:
    """9:30am, 2pm, midday, midnight (GOV.UK style)."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{suffix}"


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _moment(value: dt.date | dt.datetime) -> tuple:
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC).replace(tzinfo=None), 1)
    return (dt.datetime.combine(value, dt.time()), 0)
