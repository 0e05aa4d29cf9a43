"""The files of the events section besides its listing of upcoming events
(lscb_content.listings): the archive of past events (events/past/), each
event's iCalendar file (events/<slug>.ics) and the calendar of every
event (events/calendar.ics)."""

from __future__ import annotations

import os

from pelican.generators import Generator

from .event_calendar import calendar_of
from .events import CALENDAR_SAVE_AS, EVENTS, PAST_URL, upcoming_and_past
from .types import CONTENT_TYPES


class EventPagesGenerator(Generator):
    def generate_context(self):
        events = [a for a in self.context.get("articles", []) if _is_event(a)]
        self.upcoming, self.past = upcoming_and_past(events)
        # Hidden events are published but not listed: each keeps its own file.
        self.hidden = [a for a in self.context.get("hidden_articles", []) if _is_event(a)]
        self.context["upcoming_events"] = self.upcoming
        self.context["past_events"] = self.past

    def generate_output(self, writer):
        content_type = CONTENT_TYPES[EVENTS]
        writer.write_file(
            f"{PAST_URL}index.html",
            self.get_template(content_type.list_template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=PAST_URL,
            content_type=content_type,
            items=self.past,
            past_listing=True,
            listing_heading="Past training and events",
            listing_lede="Training and events that have already taken place.",
            page_name=EVENTS,
        )
        name = f"{self.settings.get('SITENAME', '')}: training and events".lstrip(": ")
        for event in [*self.upcoming, *self.past, *self.hidden]:
            if event.event_times is not None and event.ics_url:
                self._write(event.ics_url, calendar_of([event], self.settings, event.title))
        self._write(CALENDAR_SAVE_AS, calendar_of([*self.upcoming, *self.past], self.settings, name))

    def _write(self, relative: str, data: bytes) -> None:
        path = os.path.join(self.output_path, *relative.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)


def _is_event(article) -> bool:
    content_type = getattr(article, "content_type", None)
    return content_type is not None and content_type.key == EVENTS


def get_generators(pelican):
    return EventPagesGenerator
