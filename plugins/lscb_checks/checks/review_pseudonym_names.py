"""A pseudonym is a label or an invented forename, never a person's name.

Every check trusts what a review declares in its `Pseudonyms` field: a
declared name is not reported wherever the review writes it. So a real name
listed there ("Child Q, Mother, Zebedee Quinlan") would be published
unchecked. Each entry is judged on its own, with no declared pseudonym
trusted (an entry must not vouch for itself):

- by its folded words, whatever its case, hyphens, initials or full stops
  ("zebedee quinlan", "ZEBEDEE QUINLAN", "Zebedee-Quinlan", "Z. Quinlan"):
  a family name (lscb_checks/data/surnames.txt, not an everyday word and
  not a forename) anywhere in it, or a forename, an initial, a title or a
  word that is not an everyday one before a family name;
- as the full-name check (lscb_checks.checks.pii_names, PII001) reads a name
  written in title case ("Sam Holt").

And two entries declared alone ("Zebedee", "Ruby") are refused where the
review writes them next to each other as one name ("Zebedee Ruby").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.findings import Finding
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver
from lscb_core.text.normalise import fold_text

from ..redaction import redaction
from ..review_scan import Context, Words
from ..text.forenames import fold, forenames
from ..text.full_names import _name_at
from ..text.name_forms import ordinary_words
from ..text.name_words import _CAPITAL_TITLES, TITLES
from ..text.wordlists import everyday_words, surnames, wide_forenames

_ENTRY = re.compile(r"[^,\s][^,]*")
# The words of an entry: letters, with an apostrophe inside ("O'Brien");
# hyphens, full stops and spaces all separate ("Z.Quinlan", "Zebedee-Quinlan").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Titles read before a family name in a declared entry, in any case.
_TITLES = TITLES | frozenset("baby master lady lord sir dame rev revd".split())
# Between two entries written as one name: spaces, a hyphen, one line break.
_JOIN = r"(?:[ \t\u00a0]*[-‐‑][ \t\u00a0]*|[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)"


class PseudonymFullName(Rule):
    """Flags a pseudonym in a case review's `Pseudonyms` field that is, or
    holds, a person's name, whatever its case, hyphens, initials or full
    stops: a family name ("Quinlan", "ZEBEDEE QUINLAN"), a forename and a
    family name ("zebedee quinlan", "Zebedee-Quinlan"), an initial and a
    family name ("Z. Quinlan"), a title and a family name ("Mrs Quinlan",
    "Baby Quinlan"), or a forename and a capitalised surname as the
    full-name check (PII001) reads them ("Sam Holt"). Also two pseudonyms
    declared one by one that the review writes next to each other as one
    name ("Zebedee, Quinlan" declared, "Zebedee Quinlan" written). Labels
    ("Child Q", "Sibling 1", "School A"), roles ("Mother", "Maternal
    Grandmother", "Health Visitor 2") and single forenames ("Sam", "Ellie")
    are not reported.

    ## Why it matters
    A declared pseudonym is trusted by every check: the review can then
    print that name anywhere, in its text, its summary, its files. A real
    name listed as a pseudonym, whole or in parts, by mistake or to silence
    a finding, would be published with nothing to stop it.

    ## Example
        Pseudonyms: Child Q, Mother, Sibling 1, Zebedee Quinlan
        Pseudonyms: Child Q, Mother, Z. Quinlan
        Pseudonyms: Child Q, Mother, Zebedee, Quinlan

    ## Use instead
        Pseudonyms: Child Q, Mother, Sibling 1, Sam

    A pseudonym is a label ("Child Q", "Adult A") or a single invented
    forename ("Sam"). An approved exception (an invented full name the board
    has agreed to) is a waiver quoting it, with who approved it:

        Waive: REV013 "Sam Holt" in Pseudonyms: invented; approved by Head of Safeguarding

    ## Known limitations
    A family name is one of lscb_checks/data/surnames.txt that is neither an
    everyday English word nor a forename: "Jane Park" and "Ruby Hale"
    written in lower case or capitals, or "Hale" declared alone, are missed
    here (in title case, "Ruby Hale" is read as PII001 reads it). Two
    entries declared one by one are refused only where the review's own
    Markdown writes them side by side, not in its PDF or other files.
    """

    code = "REV013"
    name = "pseudonym-full-name"
    waiver = Waiver.APPROVED


FULL_NAME, FAMILY_NAME = "full name", "family name"
HINT = 'use a label or one made-up forename ("Child Q", "Sam"), or an approved waiver'


def check(site) -> Iterable[Finding]:
    reviews = site.of_type(*REVIEW_TEXT_TYPES)
    if not reviews:
        return
    names = forenames(site.settings)
    untrusting = redaction(site).without_pseudonyms()
    for item in reviews:
        context = Context(item, untrusting, names)
        entries = list(_entries(item))
        refused = set()
        for number, (line, col, pseudonym) in enumerate(entries, start=1):
            what = judge(pseudonym, context)
            if what:
                refused.add(number)
                message = (
                    say("Pseudonyms entry {number} holds a family name", number=number)
                    if what == FAMILY_NAME
                    else say("Pseudonyms entry {number} has the shape of a full name", number=number)
                )
                yield PseudonymFullName.at(item.path, line, message, HINT, col=col, term=pseudonym)
        for first, second in written_together(item, entries, names):
            if second in refused or first in refused:
                continue
            line, col, pseudonym = entries[second - 1]
            yield PseudonymFullName.at(
                item.path,
                line,
                say("Pseudonyms entries {first} and {second} are written as a name", first=first, second=second),
                HINT,
                col=col,
                term=f"{entries[first - 1][2]} {pseudonym}",
            )


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


def judge(pseudonym: str, context: Context) -> str | None:
    """What makes the entry a person's name (FULL_NAME, FAMILY_NAME), or
    None for a label, a role or a single forename."""
    words = [fold(word) for word in _WORD.findall(pseudonym)]
    for first, second in zip(words, words[1:]):
        if family_name(second) and _before_family_name(first, context.forenames):
            return FULL_NAME
    if any(family_name(word) and word not in context.forenames and word not in wide_forenames() for word in words):
        return FAMILY_NAME
    if full_name(pseudonym, context):
        return FULL_NAME
    return None


def family_name(folded: str) -> bool:
    """A family name that is not an everyday word: "quinlan", not "park"."""
    return folded in surnames() and folded not in everyday_words() and folded not in ordinary_words()


def _before_family_name(folded: str, names: frozenset[str]) -> bool:
    """Whether a word before a family name makes the two a name: an initial,
    a title, a forename, or any word that is not an everyday one ("Zeb")."""
    if len(folded) == 1 or folded in _TITLES or folded in names or folded in wide_forenames():
        return True
    return folded.isalpha() and folded not in everyday_words() and folded not in ordinary_words()


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


def written_together(item, entries, names: frozenset[str]) -> Iterable[tuple[int, int]]:
    """(first, second): numbers of two one-word entries the review's text
    writes next to each other, in that order, as a name ("Zebedee Quinlan"
    with "Zebedee" and "Quinlan" declared), in any case."""
    single = [
        (number, fold(pseudonym))
        for number, (_line, _col, pseudonym) in enumerate(entries, start=1)
        if re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)*", pseudonym)
    ]
    starts = [
        (number, word)
        for number, word in single
        if word in names or word in wide_forenames() or word not in everyday_words()
    ]
    ends = [(number, word) for number, word in single if word not in ordinary_words()]
    if not starts or not ends:
        return
    field = item.source.field("Pseudonyms")
    lines = item.source.lines
    text = "\n".join(
        line for number, line in enumerate(lines, start=1) if not field or not field.line <= number <= field.end_line
    )
    folded = fold_text(text)
    for first, start in starts:
        for second, end in ends:
            if first == second:
                continue
            pattern = rf"(?<![^\W\d_]){re.escape(start)}{_JOIN}{re.escape(end)}(?![^\W\d_])"
            if re.search(pattern, folded):
                yield first, second
