"""The "Latest updates" page: what was published or changed across the site,
newest first, from each page's `Date` and `Modified` fields.

Procedures manuals keep such a page so that professionals can see at a glance
which procedures changed since they last looked. Only what the site publishes
and lists is on it: drafts, hidden pages, retired reviews and every review the
publication gate kept out are never in Pelican's `articles` and `pages`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from pelican.generators import Generator

from lscb_core.dates import add_months, as_date, today

SAVE_AS = "updates/index.html"
URL = "updates/"
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Update:
    item: object  # a Pelican article or page
    day: dt.date
    updated: bool  # True: changed (Modified); False: first published (Date)
    kind: str  # "Guidance for professionals", "Annual reports", "Pages"...

    @property
    def note(self) -> str:
        return str(getattr(self.item, "change_note", "") or "").strip()


@dataclass(frozen=True)
class Month:
    label: str  # "November 2026"
    slug: str  # "2026-11", the heading's id
    updates: tuple[Update, ...]


def _update(item, kind: str) -> Update | None:
    modified, date = getattr(item, "modified", None), getattr(item, "date", None)
    # Pages without a Date get Pelican's default date only when DEFAULT_DATE
    # is set; here a page with neither field has no history to show.
    if modified:
        return Update(item, as_date(modified), True, kind)
    if date and "date" in getattr(item, "metadata", {}):
        return Update(item, as_date(date), False, kind)
    return None


def recent_updates(articles, pages, since: dt.date, until: dt.date) -> list[Update]:
    """Updates between `since` and `until` (inclusive), newest first."""
    found = []
    for item in articles:
        content_type = getattr(item, "content_type", None)
        found.append(_update(item, content_type.name if content_type else "Pages"))
    for item in pages:
        found.append(_update(item, "Pages"))
    kept = [u for u in found if u is not None and since <= u.day <= until]
    return sorted(kept, key=lambda u: (u.day, u.item.title.lower()), reverse=True)


def by_month(updates: list[Update]) -> list[Month]:
    return [
        Month(f"{day:%B %Y}", f"{day:%Y-%m}", tuple(group))
        for day, group in groupby(updates, key=lambda u: u.day.replace(day=1))
    ]


class UpdatesGenerator(Generator):
    """Writes updates/index.html from the articles and pages being published."""

    def generate_context(self):
        until = today(self.settings)
        months = int(self.settings.get("UPDATES_MONTHS", DEFAULT_MONTHS))
        since = add_months(until, -months)
        self.updates = recent_updates(self.context.get("articles", []), self.context.get("pages", []), since, until)
        self.context["latest_updates"] = self.updates
        self.months = months

    def generate_output(self, writer):
        writer.write_file(
            SAVE_AS,
            self.get_template("updates"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=URL,
            months=by_month(self.updates),
            months_shown=self.months,
            page_name=URL.rstrip("/"),
        )


def get_generators(pelican):
    return UpdatesGenerator
