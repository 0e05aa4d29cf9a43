"""The "Get updates" page (get-updates/): everything a reader can follow.

Professionals want to hear when a procedure changes without checking the
site every week. The page lists, for what the site publishes today:

* the feed of everything new or changed (FEED_ALL_ATOM), and a feed per
  section that has something published (CATEGORY_FEED_ATOM), each with a
  plain explanation of what a feed is and how to use one;
* the calendar of training and events, when the site lists any events
  (events/calendar.ics, which calendar programs can subscribe to);
* the board's mailing list, when MAILING_LIST_URL is set: a plain link to
  the provider's sign-up page. Nothing is loaded from the provider's site
  (no form, script or image of theirs), so the page sets no cookie and makes
  no request elsewhere (CFG003 checks the address is https).

A section with nothing published has no feed (Pelican writes none), so it is
not listed: the page never links to a missing file.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelican.generators import Generator

from .types import CONTENT_TYPES

SAVE_AS = "get-updates/index.html"
URL = "get-updates/"
CALENDAR = "events/calendar.ics"


@dataclass(frozen=True)
class Followable:
    name: str  # "Guidance for professionals"
    url: str  # under the site's address: "feeds/guidance.atom.xml"
    about: str  # one sentence: what comes through it


def followables(articles, settings) -> tuple[list[Followable], Followable | None]:
    """(the feeds, the events calendar or None) for what is published."""
    feeds = []
    everything = settings.get("FEED_ALL_ATOM")
    if everything:
        feeds.append(Followable("Everything new or changed", everything, "Every page published or updated."))
    per_section = settings.get("CATEGORY_FEED_ATOM")
    published = {getattr(getattr(item, "content_type", None), "key", None) for item in articles}
    if per_section:
        for key, content_type in CONTENT_TYPES.items():
            if key in published:
                feeds.append(Followable(content_type.name, per_section.format(slug=key), content_type.description))
    calendar = None
    if "events" in published:
        calendar = Followable("Training and events", CALENDAR, "Every event, with its date, time and place.")
    return feeds, calendar


class FollowGenerator(Generator):
    """Writes get-updates/index.html from what is being published."""

    def generate_context(self):
        self.feeds, self.calendar = followables(self.context.get("articles", []), self.settings)

    def generate_output(self, writer):
        writer.write_file(
            SAVE_AS,
            self.get_template("get_updates"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=URL,
            feeds=self.feeds,
            calendar=self.calendar,
            mailing_list=str(self.settings.get("MAILING_LIST_URL") or "").strip(),
            page_name=URL.rstrip("/"),
        )


def get_generators(pelican):
    return FollowGenerator
