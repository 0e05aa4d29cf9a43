"""The site's content types: one folder under content/ each.

The folder a file sits in decides its type, its template, its listing page and
its URL; editors never set a category or a template by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

# The values of `Status` (docs/editing.md): none (or "published") for a
# published page, "draft" for one that is not published, "hidden" for one
# that is published but not listed. Pelican's "skip" is not one of them.
STATUSES = ("published", "draft", "hidden")


@dataclass(frozen=True)
class ContentType:
    key: str  # folder under content/, and the listing page's URL
    name: str  # heading of the listing page and navigation label
    singular: str  # "a guidance page", used in messages
    template: str  # template of one item
    list_template: str  # template of the listing page
    audience: str  # professionals, young-people, children or everyone
    description: str  # one sentence under the listing heading


CONTENT_TYPES: dict[str, ContentType] = {
    t.key: t
    for t in (
        ContentType(
            "guidance",
            "Guidance for professionals",
            "guidance page",
            "guidance",
            "item_list",
            "professionals",
            "Procedures and guidance for everyone who works with children in Northshire.",
        ),
        ContentType(
            "young-people",
            "For young people",
            "young people's page",
            "young_people",
            "item_list",
            "young-people",
            "Staying safe, your rights, and where to get help.",
        ),
        ContentType(
            "children",
            "For children",
            "children's page",
            "children",
            "item_list",
            "children",
            "How to stay safe, and who can help you.",
        ),
        ContentType(
            "annual-reports",
            "Annual reports",
            "annual report",
            "annual_report",
            "item_list",
            "everyone",
            "Each year the board reports on how well children in Northshire are kept safe.",
        ),
        ContentType(
            "reviews",
            "Case reviews",
            "case review",
            "review",
            "review_list",
            "professionals",
            "Serious case reviews and local child safeguarding practice reviews, "
            "anonymised, with what the board has done about their findings.",
        ),
        ContentType(
            "events",
            "Training and events",
            "event",
            "event",
            "event_list",
            "professionals",
            "Training, briefings and conferences for everyone who works with children in Northshire.",
        ),
        ContentType(
            "briefings",
            "7-minute briefings",
            "7-minute briefing",
            "briefing",
            "item_list",
            "professionals",
            "One-page summaries of the learning from case reviews and audits, for teams to discuss in a meeting.",
        ),
    )
}

# Versions of a guidance page for other readers: folder -> audience label.
VERSION_AUDIENCES = {"young-people": "young people", "children": "children"}

# A section's own index page: content/children/index.md (and young-people/)
# gives the listing page its title, its opening sentence (Summary) and the
# words above the list, written for the section's readers. It is not a page
# of its own: it is not listed, and it is written only as the listing.
SECTION_INTRO_NAME = "index.md"
SECTION_INTRO_TYPES = ("children", "young-people")


def is_section_intro(relative_source_path: str) -> bool:
    """Whether a file is a section's index page (content/children/index.md)."""
    parts = relative_source_path.replace("\\", "/").split("/")
    return len(parts) == 2 and parts[0] in SECTION_INTRO_TYPES and parts[1] == SECTION_INTRO_NAME


def type_for_path(relative_source_path: str) -> ContentType | None:
    """The content type of a file, from its first folder under content/."""
    top = relative_source_path.replace("\\", "/").split("/", 1)[0]
    return CONTENT_TYPES.get(top)
