"""A pseudonym is a label or an invented forename, never a person's full name.

Every check trusts what a review declares in its `Pseudonyms` field: a
declared name is not reported wherever the review writes it. So a real name
listed there ("Child Q, Mother, Zebedee Quinlan") would be published
unchecked. A pseudonym shaped like a full name is refused where it is
declared, with the same forenames and the same reading of a surname as the
full-name check (lscb_checks.checks.pii_names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver

from ..allowlist import Context, Words, redaction
from ..text.forenames import fold, forenames
from .pii_names import _CAPITAL_TITLES, TITLES, _name_at

_ENTRY = re.compile(r"[^,\s][^,]*")


class PseudonymFullName(Rule):
    """Flags a pseudonym in a case review's `Pseudonyms` field that has the
    shape of a person's full name: a known forename followed by a
    capitalised surname ("Zebedee Quinlan"), or a title and a surname ("Mrs
    Quinlan"), read as the full-name check (PII001) reads them. Labels
    ("Child Q", "Sibling 1", "School A"), roles ("Mother", "Maternal
    Grandmother", "Health Visitor 2") and single forenames ("Sam", "Ellie")
    are not reported.

    ## Why it matters
    A declared pseudonym is trusted by every check: the review can then
    print that name anywhere, in its text, its summary, its files. A real
    full name listed as a pseudonym, by mistake or to silence a finding,
    would be published with nothing to stop it.

    ## Example
        Pseudonyms: Child Q, Mother, Sibling 1, Zebedee Quinlan

    ## Use instead
        Pseudonyms: Child Q, Mother, Sibling 1, Sam

    A pseudonym is a label ("Child Q", "Adult A") or a single invented
    forename ("Sam"). An approved exception (an invented full name the board
    has agreed to) is a waiver quoting it, with who approved it:

        Waive: REV013 "Sam Holt" in Pseudonyms: invented; approved by Head of Safeguarding

    ## Known limitations
    A forename the forename list does not know, or a surname that is also a
    word for a role, a place or an organisation ("Jane Park"), is missed, as
    PII001 misses it; so is a full name written in lower case. A name
    declared on its own ("Quinlan") is not reported here.
    """

    code = "REV013"
    name = "pseudonym-full-name"
    waiver = Waiver.APPROVED


HINT = 'use a label or one made-up forename ("Child Q", "Sam"), or an approved waiver'


def check(site) -> Iterable[Finding]:
    reviews = site.of_type("reviews")
    if not reviews:
        return
    names = forenames(site.settings)
    red = redaction(site)
    for item in reviews:
        context = Context(item, red, names)
        for number, (line, col, pseudonym) in enumerate(_entries(item), start=1):
            if full_name(pseudonym, context):
                yield PseudonymFullName.at(
                    item.path, line, say("Pseudonyms entry {number} has the shape of a full name", number=number),
                    HINT, col=col, term=pseudonym)


def _entries(item):
    """(line, column, pseudonym) of each name the `Pseudonyms` field lists,
    on its first line or its continuation lines."""
    field = item.source.field("Pseudonyms")
    if field is None:
        return
    lines = item.source.lines
    for number in range(field.line, field.end_line + 1):
        text = lines[number - 1]
        start = field.value_col - 1 if number == field.line else 0
        for match in _ENTRY.finditer(text, start):
            yield number, match.start() + 1, match.group(0).strip()


def full_name(pseudonym: str, context: Context) -> bool:
    """Whether the pseudonym is a forename and a surname, or a title and a
    surname, as PII001 reads a name in the text."""
    words = Words(pseudonym)
    for index in range(len(words)):
        word = words.word(index)
        key = fold(word)
        title = key in TITLES and (key not in _CAPITAL_TITLES or word.isupper())
        if not title and key not in context.forenames:
            continue
        if _name_at(words, index, context, title) is not None:
            return True
    return False
