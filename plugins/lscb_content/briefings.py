"""7-minute briefings (content/briefings/): the one-page summary of a
review's or an audit's learning that teams discuss in a meeting.

The board sets the seven section headings (BRIEFING_SECTIONS) and the most
words a briefing may have to fit on one side of A4 (BRIEFING_WORD_LIMIT) in
pelicanconf.py; these are the defaults. lscb_checks checks both (BRF001,
BRF002); lscb_reviews.briefings takes a briefing through the review gate.
"""

from __future__ import annotations

BRIEFINGS = "briefings"

DEFAULT_SECTIONS = (
    "Background",
    "Why it matters",
    "What we found",
    "What it means for practice",
    "What to do",
    "Questions for reflection",
    "Find out more",
)
# Measured: the demo's briefings at this length print on one side of A4
# (tests/browser/test_briefing_print.py).
DEFAULT_WORD_LIMIT = 550


def briefing_sections(settings) -> tuple[str, ...]:
    """The board's seven headings, or the defaults."""
    return tuple(str(name).strip() for name in (settings.get("BRIEFING_SECTIONS") or DEFAULT_SECTIONS))


def word_limit(settings) -> int:
    return int(settings.get("BRIEFING_WORD_LIMIT") or DEFAULT_WORD_LIMIT)
