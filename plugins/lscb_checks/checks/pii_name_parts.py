"""Part of a person's name in a case review: a forename standing alone
(PII011) and a family's surname alone (PII012).

A full name is PII001 (lscb_checks.checks.pii_names). In a review, a
forename on its own identifies a child as surely, in the Title and Summary
above all, which listings, feeds and the search index repeat: "Zebedee: a
local child safeguarding practice review", "Zebedee's school", "the Quinlan
family". Declared pseudonyms ("Sophie", "Dawn"), credits (the `Credits`
field) and the board's public people (allowlist entries with a role) are not
reported, nor is text the allowlist names.

A forename that is also an ordinary word ("Hope", "Will", "May", "Mark",
or any word the review writes in lower case somewhere) is reported only
with evidence that it names a person: a capital in the middle of a sentence
after a word in lower case ("told Will"), a possessive ("Hope's school"), or
a verb of a person after it ("Will said"). A forename inside a capitalised
phrase ("Queen Victoria", "Grace Academy", "Victoria Station") is the name
of a place or organisation, not reported here (PII001 and PII010 read those).
"""

from __future__ import annotations

import re

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, Words, scan
from ..text import name_forms
from ..text.forenames import fold, forenames
from ..text.full_names import _base, _compound_forename, _titlecase
from ..text.name_words import (
    AFTER_NAME,
    AFTER_NAME_LOWER,
    MONTHS,
    NOT_FAMILY_NAMES,
    NOT_SURNAMES,
    ORDINARY_WORDS,
    PARTICLES,
    PEOPLES,
    PLACE_FORENAMES,
    PLACE_PREFIXES,
    TITLES,
)
from ..text.wordlists import is_place, surnames
from . import pii_names

# Verbs that say the word before them is a person: "Will said".
_PERSON_VERB = re.compile(
    r"[ \t\u00a0]+(?:said|says|told|tells|asked|asks|explained|explains|described|describes|disclosed"
    r"|discloses|reported|recalled|remembered|wanted|wants|felt|feels|liked|likes|loved|loves|lived"
    r"|lives|attended|attends|went|goes|moved|stayed|stays|cried|laughed|spoke|speaks|talked|talks"
    r"|wrote|writes|died|refused|agreed|thought|thinks|knew|knows|saw|sees|visited|played|plays"
    r"|slept|sleeps|was[ \t\u00a0]+born|had[ \t\u00a0]+been[ \t\u00a0]+born)\b"
)
# What comes before a word that starts a sentence: the start of a line, a
# list marker, a heading or quote marker, a table cell, a numbered
# paragraph ("1.2"), or the end of a sentence or a colon; an opening quote
# or bracket, or emphasis, may follow.
_SENTENCE_START = re.compile(
    r"(?:^[ \t\u00a0>#*+\-|]*(?:\d+(?:\.\d+)*[.)]?[ \t\u00a0]+)?|[.!?:;|][\"”’')\]*_]*[ \t\u00a0]+)"
    r"[\"“‘'(\[*_ \t\u00a0]*$"
)
_LINE_START = re.compile(r"[^\n]*$")
# Words that start a sentence before a name: "After Zebedee moved...".
# (NOT_SURNAMES has the others: "When", "And", "The".)
_OPENERS = frozenset(
    """
after before then although because while since once until unless though whether both only even
meanwhile later today yesterday during without like unlike dear about helping supporting asked
despite following perhaps instead
""".split()
)
# Lower-case words after a name that make it the name of a thing named after
# somebody: "the Fraser guidelines", "the Jay report", "a Moses basket".
_THING_AFTER = AFTER_NAME_LOWER | frozenset(
    """
report reports review reviews inquiry guidelines guidance principles principle ruling judgment
test criteria competence scale model method checklist tool basket syndrome disease law laws act
""".split()
)
# After a possessive: the title of a law, a condition or a place ("Sarah's
# Law", "St Mary's Hospital"), not a person's thing.
_AFTER_POSSESSIVE = AFTER_NAME | frozenset("law laws syndrome disease day principle test".split())
# A family's surname alone: "the Quinlan family", "the Quinlan household",
# "Both Quinlan children": the word for the family first, then the name
# before it.
_FAMILY = re.compile(
    r"[ \t\u00a0](?:famil(?:y|ies)|family['’]s|household|household['’]s|home|children|siblings|parents)\b"
)
_FAMILY_NAME = re.compile(r"(?<![^\W\d_'’\-])(?P<name>[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)[ \t\u00a0]*$")
_THE_BEFORE = re.compile(r"(?<![^\W\d_])[Tt]he[ \t\u00a0]+$")
# After a surname, what says that it is the author of published work: an
# initial ("Munro, E.", "Brandon, M., ...", "Ferguson H (2017)") or a year
# ("Munro (2011)", "Howard-Jones (2014)").
_AUTHOR_INITIALS = re.compile(
    r"(?:,[ \t\u00a0]*|[ \t\u00a0]+)(?:[A-Z]\.[ \t\u00a0]*){1,3}(?:[,(;&]|and\b|et\b|(?:19|20)\d\d|$)"
    r"|[ \t\u00a0]+[A-Z](?:,|[ \t\u00a0]+(?:\(|et\b|and\b|&|(?:19|20)\d\d))",
    re.MULTILINE,
)
_INITIAL_BEFORE = re.compile(r"(?:\.[ \t\u00a0]*|[ \t\u00a0]+)$")


class PersonForename(Rule):
    """Flags a forename standing alone in a case review ("Zebedee: a local
    child safeguarding practice review", "How agencies helped Zebedee",
    "Zebedee's school") that is not a declared pseudonym, a credit or one
    of the board's public people. A forename that is also an ordinary word
    ("Hope", "Will", "May", or a word the review writes in lower case
    elsewhere) is flagged only with evidence that it names a person: a
    capital in the middle of a sentence ("told Will"), a possessive
    ("Hope's school") or a verb of a person after it ("Will said"). Every
    text of the review is read: its Markdown source with metadata, and the
    text of its PDFs.

    The last look at the built site applies the same check to each
    published review's page.

    ## Why it matters
    A forename is often all a neighbour, a classmate or a journalist needs,
    with the review's events, to know the child. The Title and Summary go
    to listings, feeds and the search index.

    ## Example
        Title: Zebedee: local child safeguarding practice review

    ## Use instead
        Title: Child Z: local child safeguarding practice review

    Declare a name the family chose for the review in `Pseudonyms`, the
    report's authors and chairs in `Credits`, and the board's public people
    in redaction-allowlist.toml with their role.

    ## Known limitations
    A forename the list does not know is missed (see PII001), and so is an
    ordinary word at the start of a sentence without a possessive or a verb
    after it ("Hope was four"), and a forename that is also a month, a
    place, a people, a language or a faith ("May", "Chester", "Russian",
    "Christian") without a possessive or a verb after it. A forename inside a capitalised phrase
    ("Queen Victoria", "Victoria Station", a heading in Title Case) or
    before a surname-shaped word (PII001's) is not flagged here, nor is
    one after an initial ("E. Munro", "J. Singh": PII001 reads those), one
    in the name of a town ("Newcastle upon Tyne", "Burton upon Trent"), or
    the author of published work: before an initial ("Munro, E.", "Brandon,
    M., ...", "Ferguson H (2017)"), or, for a word that is also a family
    name, before a year ("Munro (2011)", "Howard-Jones (2014)"), so a child
    named "Brandon (2011)" is missed. A place named like a forename ("moved
    to Chester") can be flagged: add it to the allowlist. File names and the
    metadata of images are not read for this.
    """

    code = "PII011"
    name = "person-forename"
    waiver = Waiver.APPROVED


class FamilySurname(Rule):
    """Flags a family's surname written alone in a case review: "the
    Quinlan family", "the Quinlan household", "the Quinlan children", and,
    without "the", "Both Quinlan children".

    The last look at the built site applies the same check to each
    published review's page.

    ## Why it matters
    A surname with the events of a review is enough to find the family.

    ## Example
        Police had visited the Quinlan family twice.

    ## Use instead
        Police had visited the family twice.

    ## Known limitations
    Only "<Surname> family" (household, home, children, siblings, parents)
    is read; "the Quinlans" and "Mr Quinlan's" (PII001) are not. Without
    "the" just before it ("Both Quinlan children"), only a family name that
    is neither an everyday word nor a forename counts ("Both Brown
    children" is missed).
    Words for where a family comes from or its faith ("the Polish family",
    "the Muslim family"), the board's area (LSCB_AREA_NAMES), declared
    pseudonyms, credits and public people are not flagged.
    """

    code = "PII012"
    name = "family-surname"
    waiver = Waiver.APPROVED


FORENAME_HINT = "use the pseudonym; declare credits in Credits, pseudonyms in Pseudonyms"
FAMILY_HINT = 'write "the family", or the family\'s pseudonym, e.g. "Family W"'


def check(site):
    if site.of_type(*REVIEW_TEXT_TYPES):
        yield from scan(site, detect, forenames(site.settings))


def in_review(context: Context) -> bool:
    item = context.item
    return item is not None and getattr(item, "type_key", "") in REVIEW_TEXT_TYPES


def detect(span, context: Context):
    if (
        not in_review(context)
        or span.where.endswith("file name")
        or (" metadata " in span.where and not span.where.lower().split(" metadata ")[0].endswith(".pdf"))
    ):
        return
    yield from _forenames(span, context)
    yield from _families(span.text, context)


def _forenames(span, context: Context):
    text = span.text
    names = context.forenames
    red = context.redaction
    people = red.people(context.item)
    lower = red.lower_words(context.item)
    header_end = _header_end(span)
    areas = _areas(red.settings)
    full_names = None  # PII001's names in the span, found when first needed
    for match in _CAPITAL_WORD.finditer(text):
        word = match.group(0)
        base, possessive = _base(word)
        key = fold(base)
        if key not in names and not _compound_forename(key, names):
            continue
        if not _titlecase(base) or key in TITLES:
            continue
        if (
            match.start() < header_end
            and text.startswith(":", match.end())
            and (match.start() == 0 or text[match.start() - 1] == "\n")
        ):
            continue  # the name of a header field
        if red.in_pseudonym(context.item, base) or people.has_word(base):
            continue
        offset = max(0, match.start() - 60)
        words = Words(text[offset : match.end() + 60])
        index = next((i for i, (start, _end) in enumerate(words.spans) if start == match.start() - offset), None)
        if index is None or not _alone(words, index, possessive):
            continue
        if _author(text, match.end(), key) or _in_place(words, index):
            continue  # "Munro, E. (2011)", "Howard-Jones (2014)", "Newcastle upon Tyne"
        if full_names is None:
            full_names = [(hit.start, hit.end) for hit in pii_names.detect(span, context)]
        if any(start <= match.start() < end for start, end in full_names):
            continue  # part of a full name: PII001
        proper = key in MONTHS or key in PLACE_FORENAMES or key in PEOPLES or key in areas
        ordinary = proper or key in ORDINARY_WORDS or key in lower
        if ordinary and not _evidence(text, match, words, index, possessive, proper):
            continue
        end = match.start() + len(base)
        yield Hit(PersonForename, match.start(), end, "forename", FORENAME_HINT, term=base)


_CAPITAL_WORD = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’\-])[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*")


def _header_end(span) -> int:
    """Offset where the body of a Markdown source starts (0 for other text)."""
    if span.source is None or span.source.body_start <= 1:
        return 0
    lines = span.text.split("\n")
    return sum(len(line) + 1 for line in lines[: span.source.body_start - 1])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _starts_sentence(words: Words, index: int) -> bool:
    start = words.spans[index][0]
    line = _LINE_START.search(words.text, 0, start).group(0)
    return bool(_SENTENCE_START.search(line))


def _alone(words: Words, index: int, possessive: bool) -> bool:
    """Whether the forename at words[index] stands alone: not inside a
    capitalised phrase ("Queen Victoria", "Grace Academy") or before a word
    that makes it a service ("the Hope project")."""
    following = index + 1
    if following < len(words) and words.joined(index, following):
        after = words.word(following)
        if possessive:
            if _capitalised(after) and fold(_base(after)[0]) in _AFTER_POSSESSIVE:
                return False  # "Sarah's Law", "St Mary's Hospital"
        elif _capitalised(after) or fold(after) in _THING_AFTER:
            return False  # a full name (PII001), a place, "the Hope project", "the Jay report"
    if (
        index > 0
        and len(words.word(index - 1)) == 1
        and words.word(index - 1).isupper()
        and _INITIAL_BEFORE.fullmatch(words.gap(index - 1, index))
    ):
        return False  # "E. Munro", "J. Singh (Police)": an initial and a surname (PII001)
    if index > 0 and words.joined(index - 1, index):
        before = words.word(index - 1)
        folded = fold(before)
        if folded in TITLES or folded in PLACE_PREFIXES or before in PARTICLES:
            return False  # "Dr Tobias" (PII001), "St Mary", "Queen Victoria", "da Silva"
        if (
            _capitalised(before)
            and before[-2:] not in ("'s", "’s")
            and not (_starts_sentence(words, index - 1) and (folded in NOT_SURNAMES or folded in _OPENERS))
        ):
            return False  # "Lady Margaret", "Helped Zebedee" in a heading in Title Case
    return True


def _author(text: str, end: int, key: str) -> bool:
    """Whether the word ending at `end` names the author of published work:
    an initial after it ("Munro, E.", "Ferguson H (2017)"), or, for a family
    name, a year ("Munro (2011)", "Howard-Jones (2014)")."""
    if _AUTHOR_INITIALS.match(text, end):
        return True
    return key.split("-")[-1] in surnames() and bool(name_forms.citation_after(text, end))


def _in_place(words: Words, index: int) -> bool:
    """Whether the word at words[index] is part of the name of a town of
    two to four words: "Newcastle upon Tyne", "Burton upon Trent"."""
    for first in range(max(0, index - 3), index + 1):
        for last in range(max(index, first + 1), min(len(words), first + 4)):
            if all(words.joined(at, at + 1) for at in range(first, last)) and is_place(
                " ".join(words.word(at) for at in range(first, last + 1))
            ):
                return True
    return False


def _areas(settings) -> frozenset[str]:
    return frozenset(fold(str(name)) for name in settings.get("LSCB_AREA_NAMES") or ())


def _evidence(text: str, match: re.Match, words: Words, index: int, possessive: bool, proper: bool) -> bool:
    """Whether an ordinary word that is also a forename names a person here."""
    if possessive:
        return True  # "Hope's school"
    if _PERSON_VERB.match(text, match.end()):
        return True  # "Will said"
    if proper:
        return False  # a month or a place: always written with a capital
    if _starts_sentence(words, index):
        return False
    if index > 0 and words.joined(index - 1, index) and _capitalised(words.word(index - 1)):
        return False
    return True  # "told Will", "Mother, Will and Sibling 1"


def _families(text: str, context: Context):
    red = context.redaction
    people = red.people(context.item)
    areas = _areas(red.settings)
    for family in _FAMILY.finditer(text):
        match = _FAMILY_NAME.search(text, max(0, family.start() - 40), family.start() + 1)
        if not match:
            continue
        name = match.group("name")
        key = fold(name)
        if (
            key in NOT_SURNAMES
            or key in NOT_FAMILY_NAMES
            or key in areas
            or key in TITLES
            or red.is_pseudonym(context.item, name)
            or people.has_word(name)
        ):
            continue
        if not _THE_BEFORE.search(text, max(0, match.start() - 10), match.start()) and not name_forms.strong_surname(
            name, context.forenames
        ):
            continue  # without "the", only a family name that is not a word: "Both Quinlan children"
        yield Hit(FamilySurname, match.start("name"), match.end("name"), "surname", FAMILY_HINT, term=name)
