"""Headings of each content body: no level-1 heading, no skipped level.

The page title (from `Title`) is the page's only level-1 heading; the body
starts at level 2 (`##`) and goes down one level at a time.
"""

from __future__ import annotations

from lscb_core.quote import known, say
from lscb_core.rules import Rule

from .. import quick
from ..locate import heading_position, source_headings


class HeadingLevelSkipped(Rule):
    """Flags a heading that skips a level: a `####` straight after a `##`, or
    a body whose first heading is not `##`.

    ## Why it matters
    People using screen readers move around a page by its headings and use
    their levels to understand how sections fit together. A skipped level
    suggests a section is missing (WCAG 1.3.1, Info and Relationships).

    ## Example
        ## What happens next
        #### If the child is in danger

    ## Use instead
        ## What happens next
        ### If the child is in danger

    ## Known limitations
    Headings written in raw HTML inside the Markdown are checked too, but
    their line is found by their text, so it can point at an earlier heading
    with the same text.
    """

    code = "A11Y003"
    name = "heading-level-skipped"


class HeadingH1InContent(Rule):
    """Flags a level-1 heading (`# Heading`) in the body of a page.

    ## Why it matters
    The page title is already the level-1 heading. A second one makes the
    page look like two pages to people who navigate by headings, and search
    engines may take it for the title.

    ## Example
        # Making a referral

    ## Use instead
    Leave the title to the `Title` field, and start the body's headings at
    `##`.

    ## Known limitations
    None.
    """

    code = "A11Y004"
    name = "heading-h1-in-content"


def _well_ordered(levels: list[int]) -> bool:
    previous = 1
    for level in levels:
        if level == 1 or level > previous + 1:
            return False
        previous = level
    return True


def check(site):
    for item in site.items:
        if _well_ordered(quick.heading_levels(item.html)):
            continue
        headings = item.parsed.headings
        written = None
        previous = 1  # the page title
        for index, heading in enumerate(headings):
            level = heading.level
            if level == 1 or level > previous + 1:
                if written is None:
                    written = source_headings(item.source)
                line, col = heading_position(item.source, written, index, heading.text)
                if level == 1:
                    yield HeadingH1InContent.at(
                        item.path,
                        line,
                        "level-1 heading in the page body; the title is the only one",
                        "use ## for the body's main headings; the Title field is the page heading",
                        col=col,
                    )
                else:
                    wanted = "#" * (previous + 1)
                    yield HeadingLevelSkipped.at(
                        item.path,
                        line,
                        say("heading skips from level {previous} to level {level}", previous=previous, level=level),
                        say(
                            "make it a level {wanted_level} heading ({wanted}), or add the missing level above it",
                            wanted_level=previous + 1,
                            wanted=known(wanted),
                        ),
                        col=col,
                    )
            previous = level
