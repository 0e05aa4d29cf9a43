"""The seven sections of a 7-minute briefing (BRF001).

The headings are the board's, set in BRIEFING_SECTIONS in pelicanconf.py
(lscb_content.briefings has the defaults). Each must be a heading of the
briefing, written as the setting writes it (case, a closing colon or
question mark and spacing do not count). Checked for every briefing, drafts
and briefings kept out by the review gate included: the source is public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content.briefings import BRIEFINGS, briefing_sections
from lscb_core.findings import Finding, cut_words
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class BriefingSectionMissing(Rule):
    """Flags a 7-minute briefing without a heading for one of the board's
    seven sections (BRIEFING_SECTIONS in pelicanconf.py; by default
    Background, Why it matters, What we found, What it means for practice,
    What to do, Questions for reflection, Find out more). Missing sections are
    reported at the line where they belong, one finding for the sections
    that belong at the same place (the hint lists every heading to add).

    ## Why it matters
    Teams read a briefing in seven minutes because every briefing has the
    same seven parts in the same place. A briefing without "Questions for
    reflection" leaves the meeting with nothing to discuss.

    ## Example
        ## Background
        ## What we found
        ## What to do

    ## Use instead
    Give each of the seven sections its own `##` heading, written as the
    setting writes it:
        ## Background
        ## Why it matters
        ## What we found
        ## What it means for practice
        ## What to do
        ## Questions for reflection
        ## Find out more

    ## Known limitations
    Only the headings are read: a heading with nothing under it passes.
    """

    code = "BRF001"
    name = "briefing-section-missing"
    waiver = Waiver.FILE


def _key(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split()).rstrip(":?.").strip().casefold()


def headings(source) -> list[tuple[int, str]]:
    """(line, text) of each Markdown heading of the body, fences skipped."""
    found, fenced = [], False
    for number, line in enumerate(source.text.splitlines(), start=1):
        if number < source.body_start:
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _ATX.match(line)
        if match:
            found.append((number, match.group(2)))
    return found


def check(site) -> Iterable[Finding]:
    sections = briefing_sections(site.settings)
    for item in site.of_type(BRIEFINGS):
        yield from check_item(item, sections)


def check_item(item, sections) -> Iterable[Finding]:
    present = {_key(text): line for line, text in headings(item.source)}
    last_line = max(1, len(item.source.text.splitlines()))
    # The missing sections by where they belong (before the next section that
    # is there, or at the end), in the board's order: one finding per place.
    places: dict[int, list[str]] = {}
    for index, name in enumerate(sections):
        if _key(name) in present:
            continue
        following = [present[_key(later)] for later in sections[index + 1 :] if _key(later) in present]
        places.setdefault(following[0] if following else -1, []).append(cut_words(name, 48))
    for line, names in places.items():
        listed = _listed(names)
        yield BriefingSectionMissing.at(
            item.path,
            line if line > 0 else last_line,
            # The headings are the board's settings, not the page's content.
            say("briefing has no {sections} {names}", sections=known(_plural(names)), names=known(listed)),
            say(
                "add {headings} {where}; the seven headings are BRIEFING_SECTIONS in pelicanconf.py",
                headings=known(", ".join(f"'## {name}'" for name in names)),
                where=known("above this line" if line > 0 else "at the end"),
            ),
            term=names[0],
        )


def _plural(names: list[str]) -> str:
    return "section" if len(names) == 1 else "sections"


def _listed(names: list[str]) -> str:
    """'A', 'A' and 'B', or 'A' and 3 more (the hint names them all)."""
    quoted = [f"'{name}'" for name in names]
    if len(quoted) > 2:
        return f"{quoted[0]} and {len(quoted) - 1} more"
    return " and ".join(quoted)
