"""What a new page holds before its editor writes it (`make new`, the
scaffold in lscb_cli.scaffold): a line of instructions for each field the
editor must write and under each heading of its body.

Starter text is never meant for readers. NEW001 (lscb_checks.checks.
starter_text) finds any of it left in a page that is no longer a draft, by
the first sentence of each instruction (starter_phrases).
"""

from __future__ import annotations

SUMMARY = "Write one or two sentences here. They are shown in listings."
# What a new page holds for a field with an example in the schema, instead of
# the example itself: "Policy and Procedures Subgroup" or "Neglect,
# Information sharing" left in a page could not be told from a real value,
# starter text can (NEW001). Any other field with an example gets it.
STARTER_VALUES = {
    "Owner": "Write the team or role here.",
    "Themes": "Write the themes here.",
    "Location": "Write online, or the address of the venue, here.",
    "Audience": "Write who the event is for here.",
    "Cost": "Write the cost here, or Free.",
}
# The body of an annual report (one heading per section it must have) and of
# a standard page.
SECTION_TEXT = "Write this section here."
BRIEFING_TEXT = "Write a few lines here: the whole briefing fits on one side of A4."
PAGE_TEXT = "Write the text of the page here."
# A translation (content/translations/): the English page's text, in the language.
TRANSLATION_TEXT = "Write the translation of the English page here. Keep every phone number as it is."
# The headings the checks expect for each type, each with what to write.
BODIES = {
    "guidance": [
        ("When to use this guidance", "Write here who this guidance is for and when to use it."),
        ("What to do", "Write the steps here. Each paragraph is numbered for you."),
        ("What happens next", "Write here what happens after the steps are done."),
    ],
    "young-people": [
        ("What this page is about", "Write short sentences here. Use words the reader knows."),
        ("Who can help", "Say who the reader can talk to, and how."),
    ],
    "children": [
        ("What this page is about", "Write short sentences here. Use easy words."),
        ("Who can help", "Say who the child can talk to."),
    ],
    "events": [
        ("What the event covers", "Write here what the event covers and what people will learn."),
        ("How to take part", "Say how to book, and how to join online or get to the venue."),
    ],
    # A 7-minute briefing: the default BRIEFING_SECTIONS
    # (lscb_content.briefings); a board's own heading gets BRIEFING_TEXT.
    "briefings": [
        ("Background", "Write here, in two or three sentences, what happened. Use only the names in Pseudonyms."),
        ("Why it matters", "Say why this matters to practitioners in the area."),
        ("What we found", "Write the main findings here, a line or a bullet point each."),
        ("What it means for practice", "Say what the findings mean for everyday work with children and families."),
        ("What to do", "List what practitioners should do differently, one a line."),
        ("Questions for reflection", "Write three or four questions for the team to discuss."),
        ("Find out more", "Say where to read the review, the guidance and the training."),
    ],
    "reviews": [
        ("Findings", "Write the findings here. Use only the names in Pseudonyms."),
        ("Recommendations", "Write the recommendations here, one a line."),
        ("The board's response", "Say what the board has done about each recommendation."),
    ],
}


def starter_phrases() -> tuple[str, ...]:
    """The first sentence of every instruction a new page holds ("Write the
    steps here."), in the header and in the body: text nobody writes for
    readers, which NEW001 finds wherever it is left."""
    texts = [SUMMARY, *STARTER_VALUES.values(), SECTION_TEXT, BRIEFING_TEXT, PAGE_TEXT, TRANSLATION_TEXT]
    texts += [text for blocks in BODIES.values() for _heading, text in blocks]
    phrases: list[str] = []
    for text in texts:
        first = text.split(". ", 1)[0].rstrip(".")
        if first not in phrases:
            phrases.append(first)
    return tuple(phrases)
