"""The amendments to the guidance, one page per quarter, as the publishers
of procedures manuals list them: every version of every guidance page that
took effect in the quarter (the page, the day, its `Change_note`, a link to
the version), at guidance/amendments/2026-q3/, and a list of the quarters at
guidance/amendments/.

Built when the pages are written, after lscb_checks has left out the
earlier versions that fail today's checks (lscb_checks.earlier_versions):
a version that is not published is not listed either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from pelican.generators import Generator

from lscb_core.articles import is_of_type
from lscb_core.dates import as_date

URL = "guidance/amendments/"


@dataclass(frozen=True)
class Change:
    page: object  # the current guidance page
    version: object  # the page itself, or an earlier version
    day: dt.date
    note: str
    current: bool
    new: bool  # the page's first version


@dataclass(frozen=True)
class Quarter:
    key: str  # "2026-q3"
    label: str  # "July to September 2026"
    changes: tuple[Change, ...]

    @property
    def url(self) -> str:
        return f"{URL}{self.key}/"


_MONTHS = ("January", "April", "July", "October")
_LAST = ("March", "June", "September", "December")


def quarter_of(day: dt.date) -> tuple[str, str]:
    index = (day.month - 1) // 3
    return f"{day.year}-q{index + 1}", f"{_MONTHS[index]} to {_LAST[index]} {day.year}"


def _note(item) -> str:
    return str(getattr(item, "change_note", "") or "").strip()


def changes_of(page) -> list[Change]:
    """The page's versions as changes, oldest first. A page whose first
    version is not in the history (a site without it, or a page older than
    its repository) still has its first publication, on its `Date`, without
    a version to link to."""
    first_day = as_date(page.date)
    earlier = list(reversed(getattr(page, "earlier_versions", [])))
    found = [Change(page, v, v.took_effect, _note(v), False, v.took_effect <= first_day) for v in earlier]
    modified = getattr(page, "modified", None)
    day = as_date(modified or page.date)
    found.append(Change(page, page, day, _note(page) if modified else "", True, day <= first_day))
    if not found[0].new:
        found.insert(0, Change(page, None, first_day, "", False, True))
    return found


def quarters(pages) -> list[Quarter]:
    """Every quarter with a change, newest first, each with its changes newest first."""
    changes = sorted(
        (change for page in pages for change in changes_of(page)),
        key=lambda c: (c.day, c.page.title.lower()),
        reverse=True,
    )
    found = []
    for key, group in groupby(changes, key=lambda c: quarter_of(c.day)[0]):
        items = tuple(group)
        found.append(Quarter(key, quarter_of(items[0].day)[1], items))
    return found


class AmendmentsGenerator(Generator):
    def generate_context(self):
        pass  # the earlier versions are known only once every page is read and checked

    def generate_output(self, writer):
        pages = [a for a in self.context.get("articles", []) if is_of_type(a, "guidance")]
        found = quarters(pages)
        common = {"relative_urls": self.settings["RELATIVE_URLS"], "page_name": "guidance"}
        writer.write_file(
            f"{URL}index.html", self.get_template("amendments_index"), self.context, url=URL, quarters=found, **common
        )
        for quarter in found:
            writer.write_file(
                f"{quarter.url}index.html",
                self.get_template("amendments"),
                self.context,
                url=quarter.url,
                quarter=quarter,
                **common,
            )


def get_generators(pelican):
    return AmendmentsGenerator
