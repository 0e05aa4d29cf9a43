"""The file `make new` (lscb new) writes: a new page, ready to edit.

Its header is derived from the metadata schema (lscb_content.schema), so it
has every required field of its type, in the schema's order, whatever the
schema says today. Each field gets a value that passes the checks in a
preview build: the editor's title, today's date, the schema's example, or,
for a case review's publication record, the value that keeps the review
unpublished until the board decides. A case review also gets an empty
`Credits:` line, for the people the report names for their work on it.

Every new file is `Status: draft`, so that nothing written here (placeholder
text included) can be published before the editor has finished it. A new
case review is kept off the site three times over: `Status: draft`,
`Publication_decision: withhold` and `Criminal_proceedings: ongoing`; the
publication gate (lscb_reviews.verdict) blocks it for each of them, so
removing one line by mistake publishes nothing. Its decision date and
decision maker are left empty: no decision has been made, and once the
review is no longer a draft REV004 and REV005 stop the build until they are
written.

A field with an example in the schema (`Owner`, a review's `Themes`) gets a
line of starter text ("Write the themes here."), not the example: an
example left in a finished page looks like a real value. Starter text
(lscb_content.starters) left in a page that is no longer a draft is NEW001
(a warning in a preview, an error when publishing).

Markdown headers cannot hold comments, so the editor is guided by the body:
the headings the checks expect for the type (the annual report sections of
ANNUAL_REPORT_SECTIONS, AR001; the review's findings, recommendations and
board's response, REV009), each with a line saying what to write, and by
the list of fields to fill in that `lscb new` prints.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from lscb_checks.checks.review_pseudonyms import SHAPE
from lscb_content import schema
from lscb_content.starters import (
    BODIES,
    BRIEFING_TEXT,
    PAGE_TEXT,
    SECTION_TEXT,
    STARTER_VALUES,
    SUMMARY,
    TRANSLATION_TEXT,
)
from lscb_content.types import CONTENT_TYPES, VERSION_AUDIENCES

# Every kind of page `lscb new` can start, in the order of its menu:
# the content types, then standard pages.
KINDS: dict[str, str] = {key: t.singular for key, t in CONTENT_TYPES.items()}
KINDS["pages"] = "standard page"
KINDS["translations"] = "translation"  # a key page in another language (lscb_content.translations)
VERSION_TYPES = tuple(VERSION_AUDIENCES)
# A case review's publication record: the values that keep it unpublished
# until the board has decided (see the module docstring).
REVIEW_RECORD = {
    "Publication_decision": "withhold",
    "Decision_date": "",
    "Decision_by": "",
    "Sibling_risk_assessed": "no",
    "Criminal_proceedings": "ongoing",
}
# Optional fields a new page gets, empty: a case review's credits (the
# author and chairs, `Name (role); Name (role)`), which the editor fills in.
# An event's booking page (https://...), when it has one.
# A 7-minute briefing's review or theme, and its pseudonyms (the review's
# file name, when the title names a review's pseudonym: lscb_cli.new).
OPTIONAL_FIELDS = {"reviews": ("Credits",), "events": ("Booking",), "briefings": ("Review", "Theme", "Pseudonyms")}
# The record, and the optional embargo, that the reminder explains.
DECISION_FIELDS = (
    "Publication_decision",
    "Decision_date",
    "Decision_by",
    "Sibling_risk_assessed",
    "Criminal_proceedings",
    "Publish_after",
)


def slugify(text: str) -> str:
    """A file name from a title, as docs/editing.md asks: lower case letters,
    numbers and hyphens ("Children's services" -> "childrens-services")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’]", "", ascii_text.casefold())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def reporting_year(today: dt.date) -> str:
    """The last complete April-to-March year, the one a report covers: 2025-26."""
    end = today.year if today.month >= 4 else today.year - 1
    return f"{end - 1}-{end % 100:02d}"


def pseudonyms_in(text: str) -> list[str]:
    """Pseudonym-shaped names ("Child L", "School A") in `text`, in order."""
    found: list[str] = []
    for match in SHAPE.finditer(text):
        name = " ".join(match.group(0).split())
        if name not in found:
            found.append(name)
    return found


def is_pseudonym(name: str) -> bool:
    return SHAPE.fullmatch(" ".join(name.split())) is not None


@dataclass
class Scaffold:
    """A new page of one type: its header fields and its body."""

    type_key: str
    title: str
    today: dt.date
    version_of: str = ""  # for versions: guidance/x.md
    translation_of: str = ""  # for translations: pages/x.md
    lang: str = ""  # for translations: pl
    child: str = ""  # for reviews: the child's pseudonym
    sections: list[tuple[str, str]] = field(default_factory=list)  # annual report: (name, words)
    briefing_sections: tuple[str, ...] = ()  # a briefing: the board's BRIEFING_SECTIONS
    review: str = ""  # a briefing: the file name of the review it comes from
    values: dict[str, str] = field(init=False)
    placeholders: list[str] = field(init=False)  # fields the editor must write or check

    def __post_init__(self):
        self.values, self.placeholders = {}, []
        for spec in schema.TYPES[self.type_key]:
            if spec.required:
                value, placeholder = self._value(spec)
                self.values[spec.name] = value
                if placeholder:
                    self.placeholders.append(spec.name)
            elif spec.name in OPTIONAL_FIELDS.get(self.type_key, ()):
                self.values[spec.name] = self._optional(spec.name)  # often empty until the editor writes it
                self.placeholders.append(spec.name)
        self.values["Status"] = "draft"

    def _value(self, spec: schema.Field) -> tuple[str, bool]:
        """(value, whether the editor must still write or check it)."""
        name = spec.name
        if name == "Title":
            return self.title, False
        if name == "Date":
            return self.today.isoformat(), False
        if name == "Version_of":
            return self.version_of, False
        if name == "Translation_of":
            return self.translation_of, False
        if name == "Lang" and self.type_key == "translations":
            return self.lang, False
        if name == "Summary":
            return SUMMARY, True
        if self.type_key == "reviews":
            if name == "Child":
                return self.child, False
            if name == "Pseudonyms":
                names = [self.child] + [n for n in pseudonyms_in(self.title) if n != self.child]
                return ", ".join(names), True
            if name == "Review_type":
                return _review_type(self.title), True
            if name in REVIEW_RECORD:
                return REVIEW_RECORD[name], True
        if name == "Reporting_year":
            return reporting_year(self.today), True
        if name == "Review_date":
            return _a_year_after(self.today).isoformat(), True
        if spec.type == schema.WHEN:
            # Four weeks ahead, a morning: the editor writes the real times.
            day = (self.today + dt.timedelta(days=28)).isoformat()
            return (f"{day} 09:30" if name == "Start" else f"{day} 12:30"), True
        # Any other required field, including one added to the schema later.
        if name in STARTER_VALUES:
            return STARTER_VALUES[name], True
        if spec.example:
            return spec.example, True
        if spec.type == schema.DATE:
            return self.today.isoformat(), True
        if spec.allowed:
            return spec.allowed[0], True
        return "...", True

    def _optional(self, name: str) -> str:
        if self.type_key == "briefings" and name == "Review":
            return self.review
        if self.type_key == "briefings" and name == "Pseudonyms":
            return ", ".join(pseudonyms_in(self.title))
        return ""

    def body(self) -> str:
        if self.type_key == "annual-reports":
            blocks = [(name, SECTION_TEXT) for name, _words in self.sections]
        elif self.type_key == "briefings" and self.briefing_sections:
            known = dict(BODIES["briefings"])
            blocks = [(name, known.get(name, BRIEFING_TEXT)) for name in self.briefing_sections]
        elif self.type_key == "pages":
            return PAGE_TEXT + "\n"
        elif self.type_key == "translations":
            return TRANSLATION_TEXT + "\n"
        else:
            blocks = BODIES[self.type_key]
        return "\n".join(f"## {heading}\n\n{text}\n" for heading, text in blocks)

    def text(self) -> str:
        header = "\n".join(f"{name}: {value}".rstrip() for name, value in self.values.items())
        return f"{header}\n\n{self.body()}"


def _review_type(title: str) -> str:
    """The type a review's title names; a local child safeguarding practice
    review, the kind boards commission now, when it names none."""
    words = slugify(title)
    if "rapid-review" in words:
        return "rapid-review"
    if "serious-case-review" in words:
        return "scr"
    return "lcspr"


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
