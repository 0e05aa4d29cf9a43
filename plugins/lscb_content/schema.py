"""The fields each kind of page may have in its header: the metadata schema.

One table per content type, in the order and with the words of the field
tables in docs/editing.md (which editors read): Name, Type, Required, Allowed
values, Description. The fields Pelican itself reads, and `Waive`, are known
to every type (COMMON); a type's own table overrides a common field, for
example to make `Date` required.

Types:
    text    any text on one line
    date    YYYY-MM-DD (a time after it, "2026-03-31 09:00", is accepted)
    path    a file from the content/ folder, e.g. guidance/roles-of-agencies.md
    list    comma-separated, e.g. "Neglect, Information sharing"
    yes/no  yes or no
    choice  one of the Allowed values
    credits `Name (role); Name (role)`, e.g. "Dr A. Reviewer (independent author)"
    when    a date (a whole day), or a date and time in the board's time zone
            (TIMEZONE), or with its offset from UTC: 2027-02-03, 2027-02-03 09:30,
            2027-02-03T09:30+00:00 (lscb_content.event_times)
    https   a web address starting https://

Values are compared without regard to case ("Publish" is "publish"), as the
publication gate reads them. A field whose presence or value another, more
specific rule already checks names that rule (`missing_by`, `value_by`), so
that one mistake gives one finding: `Version_of` missing is VER001, a review
without `Publication_decision` is REV001.

Deliberately unknown: `Author`/`Authors`, `Tags`, `Category` and `Lang`
(except in a translation, whose `Lang` is its language). The
site has no author or tag pages, the folder decides the category, and a
person's name in `Author` would be published on a safeguarding site; the
board names roles instead (`Owner`, `Approved_by`, `Decision_by`). A case
review names the people it credits, each with a role, in `Credits`
(`Author` suggests it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from lscb_content.types import STATUSES as _STATUSES

TEXT, DATE, PATH, LIST, YES_NO, CHOICE = "text", "date", "path", "list", "yes/no", "choice"
CREDITS = "credits"
WHEN, HTTPS = "when", "https"


@dataclass(frozen=True)
class Field:
    name: str  # exactly as editors must write it
    type: str
    required: bool
    description: str
    allowed: tuple[str, ...] = ()  # for choice and yes/no: the values accepted
    repeatable: bool = False
    missing_by: str = ""  # code of the rule that reports it missing instead of META002
    value_by: str = ""  # code of the rule that judges its value instead of META003
    example: str = ""  # a value to show in a hint

    @property
    def sample(self) -> str:
        return self.example or ("/".join(self.allowed) if self.allowed else "...")


F = Field  # keeps the tables below one row per field


STATUSES = _STATUSES  # lscb_content.types: the reader reads any other as a draft

# Known to every type. A type's own table overrides these.
COMMON = (
    F("Title", TEXT, True, "The title of the page."),
    F("Date", DATE, False, "When the page was first published."),
    F("Modified", DATE, False, "When the page was last updated."),
    F(
        "Change_note",
        TEXT,
        False,
        "What changed in the last update, in one sentence; shown on the updates page.",
        example="Section 3 now gives the new out-of-hours number.",
    ),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
    F("Summary", TEXT, False, "One or two sentences, shown in listings."),
    F("Slug", TEXT, False, "The last part of the web address, instead of the file name."),
    F("Template", TEXT, False, "A special layout."),
    F("Save_as", PATH, False, "Where the page is written; only for special pages such as 404.html."),
    F("URL", PATH, False, "The page's address; only for special pages such as 404.html."),
    F(
        "Waive",
        TEXT,
        False,
        "Accepts a finding for the whole file, with the reason: see docs/checks.md.",
        repeatable=True,
    ),
)

GUIDANCE = (
    F("Title", TEXT, True, "The title of the page, in sentence case."),
    F("Date", DATE, True, "When the page was first published."),
    F("Modified", DATE, False, "When the page was last updated."),
    F(
        "Owner",
        TEXT,
        True,
        "The team or role responsible for the page. Not a person's name.",
        example="Policy and Procedures Subgroup",
    ),
    F("Review_date", DATE, True, "When the page must next be reviewed.", example="2027-03-31"),
    F("Summary", TEXT, True, "One or two sentences, shown in listings."),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

VERSION = (
    F("Title", TEXT, True, "The title, in words the reader will understand."),
    F("Date", DATE, True, "When the version was first published."),
    F(
        "Version_of",
        PATH,
        True,
        "The guidance file it adapts, e.g. guidance/roles-of-agencies.md.",
        missing_by="VER001",
    ),  # VER002 checks that the file exists
    F("Summary", TEXT, True, "One or two sentences, shown in listings."),
    F("Modified", DATE, False, "When the version was last updated."),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

ANNUAL_REPORT = (
    F("Title", TEXT, True, 'For example "Annual report 2024 to 2025".'),
    F("Date", DATE, True, "The date the report is published."),
    F("Reporting_year", TEXT, True, "The year the report covers, for example 2024-25.", example="2024-25"),
    F("Summary", TEXT, True, "One or two sentences, shown in listings."),
    F("Approved_by", TEXT, False, 'The role that approved the report, for example "Independent Chair".'),
    F("Document", PATH, False, "The full report as a PDF, from the content/ folder."),  # DOC001: exists
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

REVIEW = (
    F("Title", TEXT, True, 'For example "Child L: local child safeguarding practice review".'),
    F("Date", DATE, True, "The publication date."),
    F("Review_type", CHOICE, True, "scr, lcspr or rapid-review.", allowed=("scr", "lcspr", "rapid-review")),
    F("Child", TEXT, True, "The child's pseudonym, for example Child L.", example="Child L"),
    F("Pseudonyms", LIST, True, "Every pseudonym and role used anywhere in the review.", missing_by="REV007"),
    F(
        "Publication_decision",
        CHOICE,
        True,
        "withhold means the review is never published.",
        allowed=("publish", "withhold"),
        missing_by="REV001",
    ),
    F("Decision_date", DATE, True, "When the publication decision was made; not after Date.", missing_by="REV004"),
    F("Decision_by", TEXT, True, "The role that made the decision. Not a person's name.", missing_by="REV005"),
    F(
        "Sibling_risk_assessed",
        YES_NO,
        True,
        "Confirms the risk to surviving siblings was assessed.",
        allowed=("yes",),
        missing_by="REV006",
        value_by="REV006",
    ),
    F(
        "Criminal_proceedings",
        CHOICE,
        True,
        "ongoing stops the review being published.",
        allowed=("none", "concluded", "ongoing"),
    ),
    F(
        "Themes",
        LIST,
        True,
        "The subjects of the review; each theme gets a page.",
        example="Neglect, Information sharing",
    ),
    F("Summary", TEXT, True, "One or two sentences, shown in listings."),
    F(
        "Credits",
        CREDITS,
        False,
        "The people the report names for their work on it, each as the report "
        "prints the name, with the role in brackets, separated by semicolons; shown on the review page. "
        "These names are accepted anywhere in the review and its attachments.",
        example="<name> (independent author); <name> (board chair)",
    ),
    F("Publish_after", DATE, False, "An embargo: the review is not published before this date."),
    F("Document", PATH, False, "The full report as a PDF, from the content/ folder."),  # DOC001: exists
    F("Status", CHOICE, False, "A draft or hidden review is not published.", allowed=STATUSES),
)

# The values of an event's `Event_status`: a scheduled event is listed with
# its booking link, a cancelled one says so and has none.
EVENT_STATUSES = ("scheduled", "cancelled")

EVENT = (
    F("Title", TEXT, True, 'The name of the event, for example "Neglect: multi-agency training".'),
    F("Date", DATE, True, "When the event was first published on the site."),
    F(
        "Start",
        WHEN,
        True,
        "When it starts: a date and time, or a date alone for a whole-day event.",
        example="2027-02-03 09:30",
    ),
    F(
        "End",
        WHEN,
        True,
        "When it ends, written like Start (with a time if Start has one).",
        example="2027-02-03 12:30",
    ),
    F(
        "Location",
        TEXT,
        True,
        "online, or the address of a public venue. Never a person's home.",
        example="online",
    ),
    F(
        "Audience",
        TEXT,
        True,
        "Who the event is for.",
        example="Designated safeguarding leads in schools",
    ),
    F("Cost", TEXT, True, 'What it costs, for example "Free" or "£40 for partner agencies".', example="Free"),
    F("Summary", TEXT, True, "One or two sentences, shown in the list of events and in calendars."),
    F("Booking", HTTPS, False, "The web address of the booking page, starting https://."),
    F(
        "Event_status",
        CHOICE,
        False,
        "scheduled (the default) or cancelled.",
        allowed=EVENT_STATUSES,
    ),
    F("Modified", DATE, False, "When the event's details were last changed."),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

# A 7-minute briefing (content/briefings/, lscb_content.briefings): names the
# review (Review) or the review theme (Theme) its learning comes from.
BRIEFING = (
    F("Title", TEXT, True, 'The name of the briefing, for example "7-minute briefing: Child L".'),
    F("Date", DATE, True, "When the briefing was first published."),
    F("Summary", TEXT, True, "One or two sentences, shown in listings."),
    F(
        "Review",
        TEXT,
        False,
        "The review it comes from: its file name without .md (or give Theme).",
        value_by="BRF003",
        example="child-l",
    ),
    F("Theme", TEXT, False, "The review theme it comes from, one of LSCB_THEMES (or give Review).", example="Neglect"),
    F("Pseudonyms", LIST, False, "Every pseudonym and role the briefing uses, as in its review."),
    F("Modified", DATE, False, "When the briefing was last changed."),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

PAGE = (
    F("Title", TEXT, True, "The title of the page."),
    F("Summary", TEXT, False, "A sentence shown under the title."),
    F("Template", TEXT, False, "A special layout, e.g. report_concern for the report a concern page."),
    F(
        "Status",
        CHOICE,
        False,
        "A hidden page is published but not listed. A draft is not published.",
        allowed=STATUSES,
    ),
    F("Save_as", PATH, False, "Only for special pages, such as 404.html."),
    F("URL", PATH, False, "Only for special pages, such as 404.html."),
)

# A key page in another language (content/translations/; lscb_content.translations).
TRANSLATION = (
    F("Title", TEXT, True, "The title of the page, in the page's language."),
    F(
        "Translation_of",
        PATH,
        True,
        "The English page it translates, e.g. pages/report-a-concern.md.",
        missing_by="TRN001",
        value_by="TRN002",
        example="pages/report-a-concern.md",
    ),
    F(
        "Lang",
        TEXT,
        True,
        "The language, as a code: pl, ur, pa-Arab.",
        missing_by="TRN003",
        value_by="TRN003",
        example="pl",
    ),
    F("Summary", TEXT, False, "A sentence shown under the title, in the page's language."),
    F("Date", DATE, False, "When the translation was first published."),
    F("Modified", DATE, False, "When the translation was last updated."),
    F(
        "Status",
        CHOICE,
        False,
        "A draft is not published; a hidden page is published but not listed.",
        allowed=STATUSES,
    ),
)

TYPES: dict[str, tuple[Field, ...]] = {
    "guidance": GUIDANCE,
    "young-people": VERSION,
    "children": VERSION,
    "annual-reports": ANNUAL_REPORT,
    "reviews": REVIEW,
    "events": EVENT,
    "briefings": BRIEFING,
    "pages": PAGE,
    "translations": TRANSLATION,
}


@functools.cache
def fields_of(type_key: str) -> Mapping[str, Field]:
    """Every field a page of this type may have, by name; its own table first."""
    own = TYPES.get(type_key, PAGE)
    merged = {field.name: field for field in own}
    for field in COMMON:
        merged.setdefault(field.name, field)
    return MappingProxyType(merged)


def squash(name: str) -> str:
    """Compare names the way editors get them wrong: case, spaces, - and _."""
    return re.sub(r"[\s_\-]+", "", name).casefold()
