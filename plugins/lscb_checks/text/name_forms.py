"""People's names written other than "Jane Smith": in capitals or lower
case or each word in its own case, surname first (with a comma or not, or
before one initial: "QUINLAN Z"), in two cells of a table, as an initial
and a surname, after a title with a full stop, joined by a
hyphen, run together in a handle or hashtag or joined in a user name or a
web address, or with a forename the main forename list does not hold.

The full-name check (lscb_checks.checks.pii_names, PII001) finds a name by
its capitals: a known forename followed by a capitalised surname. Written
otherwise, the capitals say nothing, so the evidence has to come from the
words themselves: a forename from the list followed by a family name from
lscb_checks/data/surnames.txt that is not an everyday English word
(lscb_checks/data/english-words.txt): "zebedee quinlan" and "THE REVIEWER
MET ZEBEDEE QUINLAN" are names; "cyan links", "WILL CAUSE" and, missed for
the same reason, "jane smith" in lower case are not.

Each function gives (start, end, term, what) for the names it finds, with
`term` the name as words ("Zebedee Quinlan") for the allowlist, the declared
pseudonyms and the message. Names written surname first are read by
lscb_checks.text.surname_first, names run together in a handle, a user name
or an address by lscb_checks.text.run_together, with the words and tests
of this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .everyday import easy_words
from .forenames import NOT_FORENAMES, fold
from .wordlists import everyday_words, surnames, wide_forenames

# Titles that are read before a surname in any case: "MRS QUINLAN", "mrs quinlan".
CASE_BLIND_TITLES = frozenset("mr mrs ms mx miss dr".split())
# Words that name a person before a surname only when the surname is a family
# name that is not an everyday word: "Baby Quinlan" (a maternity ward's
# label), "Master Quinlan", "Lady Quinlan"; not "Baby Steps", "Master Plan".
WEAK_TITLES = frozenset("baby master lady".split())
_WORDS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_OR_HYPHEN = re.compile(r"[^\W\d_]|-")
# Between a forename and a surname: spaces, a line break, or the edge of a
# table cell ("| ZEBEDEE | QUINLAN |"); after a title, a full stop too.
# The word after it is any run of letters ("QUINLÁN"), as case_blind reads
# it from the surname: both ways must find the same names.
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]*\|[ \t\u00a0]*)"
_NEXT = re.compile(_GAP + r"([^\W\d_]{2,})(?![^\W\d_\-])")
_NEXT_AFTER_TITLE = re.compile(r"\.?" + _GAP + r"([^\W\d_]{2,})(?![^\W\d_\-])")
_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z]+)")
# After an initial and a surname, a reference to somebody's published work:
# "M. Brandon et al.", "E. Munro (2011)", "E. Munro, *Effective Child
# Protection*", "E. Munro, 2011"; not the years of a life, "(2017 to 2023)".
_YEAR = r"(?:19|20)\d\d[a-z]?"
_CITATION_AFTER = re.compile(
    r"[ \t\u00a0]*(?:et\.?[ \t\u00a0]+al\b|\((?:eds?\.?\)|[ \t\u00a0]*" + _YEAR + r"[ \t\u00a0]*[,;:)])"
    r"|,?[ \t\u00a0]+" + _YEAR + r"\b(?![ \t\u00a0]*(?:to|-|–|—)[ \t\u00a0]*\d)|[,:][ \t\u00a0]*[*_\"“‘'])"
)
# An initial: a letter, then a full stop or a space or both, up to three
# times ("Z. Quinlan", "Z Quinlan", "Z.Quinlan", "z quinlan", "Z. J. Quinlan").
# "A" and "I" without a full stop are words.
_INITIALS = re.compile(r"(?:[A-Za-z](?:\.[ \t\u00a0]*|[ \t\u00a0]+)){0,2}[A-Za-z](?:\.[ \t\u00a0]*|[ \t\u00a0]+)")
_SURNAME_AT = re.compile(r"[A-Za-z][A-Za-z]+(?:['’\-][A-Za-z]+)*")
# Words before an initial that make it a label: "Child Z", "SIBLING Q", "Appendix B".
_LABELS = frozenset(
    """
child children sibling siblings baby infant school family case appendix annex chapter section part table
figure page person young adult mother father parent carer unit ward room plan option stage level phase
step type grade class key tier group area site house flat year practitioner worker agency
""".split()
)
# A name followed by an agency in brackets is a panel member: "J. Singh (Police)".
_AGENCY_AFTER = re.compile(r"[ \t\u00a0]*\(([A-Z][^()\n]{1,60})\)")
_AGENCY_WORDS = frozenset(
    """
police constabulary health education nhs icb ccg council school schools social care probation housing
children's childrens adult adults services service hospital trust gp health-visiting cafcass ofsted
local authority safeguarding partnership chair panel nursing midwifery paediatrics
""".split()
)
# "QUINLAN, ZEBEDEE": a surname, a comma, a forename (police records).
_SURNAME_FIRST = re.compile(r"([A-Za-z][A-Za-z'’\-]+),[ \t\u00a0]*([A-Za-z]{2,})(?![^\W\d_\-])")


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Words that are never read as a forename or a surname where the
    capitals give no evidence: the Dale-Chall easy words (textstat), the
    words the forename list drops, and the names checks' own word lists."""
    from . import name_words

    return (
        easy_words()
        | NOT_FORENAMES
        | name_words.NOT_SURNAMES
        | name_words.WORD_FORENAMES
        | name_words.MONTHS
        | name_words.AFTER_NAME
        | name_words.TITLES
    )


def _is_surname(folded: str) -> bool:
    return folded in surnames() and folded not in ordinary_words()


def _strong(folded: str) -> bool:
    """A family name that is not an everyday word (the evidence rule)."""
    return _is_surname(folded) and folded not in everyday_words()


def _pair(forename: str, surname: str, names: frozenset[str]) -> bool:
    """Whether two words, in any case, are a forename and a surname."""
    first, second = fold(forename), fold(surname)
    return _forename(first, names) and _strong(second)


def _forename(key: str, names: frozenset[str]) -> bool:
    """A folded word that is a forename where the capitals give no evidence:
    from the main list or the wide one ("yusra"), never an ordinary word.
    The family name after it is the evidence (see _strong)."""
    return (key in names or key in wide_forenames()) and key not in ordinary_words()


def _titled(title: str, surname: str) -> bool:
    key = fold(title)
    return (key in CASE_BLIND_TITLES or key in WEAK_TITLES) and _strong(fold(surname))


def _case(word: str) -> str:
    """ "lower", "upper", "title" or "" (mixed, "McQuinlan") for a word."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper" if len(word) > 1 else "title"
    return "title" if word[1:].islower() else ""


class Look:
    """A first look at a text, mostly in C: its words, each once, and those
    of them that are family names and not everyday words."""

    def __init__(self, text: str, begin: int = 0, stop: int | None = None):
        stop = len(text) if stop is None else stop
        self.pieces = set((text[begin:stop] if begin or stop < len(text) else text).split())
        self.words = {piece for piece in self.pieces if piece.isalpha()}
        self.words.update(word for piece in self.pieces if not piece.isalpha() for word in _WORDS.findall(piece))
        folded = {word: word.lower() if word.isascii() else fold(word) for word in self.words}
        strong = (set(folded.values()) & surnames()) - ordinary_words() - everyday_words()
        self.strong = {word for word, key in folded.items() if key in strong}


def _organisation_after(text: str, end: int, stop: int) -> bool:
    """Whether a word such as Foundation, School or Trust follows a name:
    "THE LUCY FAITHFULL FOUNDATION", "lucy faithfull foundation"."""
    from .name_words import AFTER_NAME

    after = _AFTER.match(text, end, stop)
    return bool(after) and fold(after.group(1)) in AFTER_NAME


def case_blind(
    text: str, begin: int, stop: int, names: frozenset[str], look: Look | None = None
) -> Iterator[tuple[int, int, str, str]]:
    """Names whose capitals give no evidence, each word in any case: "zebedee
    quinlan", "ZEBEDEE QUINLAN" in a line of capitals, "ZEBEDEE Quinlan",
    "zebedee Quinlan", "Zebedee QUINLAN", in two cells of a table ("|
    ZEBEDEE | QUINLAN |"); a title and a surname, "mrs quinlan", "MRS.
    QUINLAN", "Baby Quinlan". (Both words in title case are PII001's.)"""
    look = look or Look(text, begin, stop)
    # The surname decides: without a family name that is not an everyday
    # word, there is nothing to read.
    if not look.strong:
        return
    starts_of = _starts(names)
    # Sorted: a set's order changes from run to run, and where two names
    # overlap the first found is kept.
    found = [(written, _case(written)) for written in sorted(look.words) if written.lower() in starts_of]
    # A forename in title case before a surname in lower case or capitals,
    # "Zebedee QUINLAN": read from the forename or from the surname,
    # whichever the text has fewer of.
    plain = [written for written in look.strong if _case(written) in ("lower", "upper")]
    titled = [written for written, kind in found if kind == "title" and written.lower() not in WEAK_TITLES]
    # Which way is taken depends on the whole text, so both find the same
    # names (the final gate skips a block it read clean in other company).
    from_forename = bool(plain) and len(titled) <= len(plain)
    for written, kind in found:
        key = written.lower()
        weak = key in WEAK_TITLES
        if not kind or (kind == "title" and not weak and not from_forename):
            continue
        title = key in CASE_BLIND_TITLES or weak
        next_word = _NEXT_AFTER_TITLE if title else _NEXT
        # The word, then what is before it: the regular expression engine
        # then skips fast to the word.
        for match in re.finditer(written + r"(?![^\W\d_\-])", text[:stop]):
            here = match.start()
            if here < begin or here and _LETTER.match(text, here - 1):
                continue  # part of a longer word
            following = next_word.match(text, match.end(), stop)
            if not following:
                continue
            second = following.group(1)
            if not _case(second) or (kind == "title" and not weak and _case(second) == "title"):
                continue  # "Zebedee Quinlan": PII001's
            if not (_titled(key, second) if title else _pair(key, second, names)):
                continue
            if _organisation_after(text, following.end(), stop):
                continue  # "THE LUCY FAITHFULL FOUNDATION"
            yield (here, following.end(), f"{key.title()} {second.title()}", "name" if title else "full name")
    # A forename in title case before a surname in lower case or capitals,
    # "Zebedee QUINLAN": from the surname, of which there are few.
    for written in plain if titled and not from_forename else ():
        for match in re.finditer(written + r"(?![^\W\d_\-])", text[:stop]):
            here = match.start()
            if here <= begin or _LETTER.match(text, here - 1):
                continue
            before = _TITLE_CASE_BEFORE.search(text, max(begin, here - 40), here)
            if not before:
                continue
            forename = before.group(1)
            key = forename.lower()
            title = key in CASE_BLIND_TITLES or key in WEAK_TITLES
            if (
                key not in starts_of
                or (before.group(2) and not title)
                or not (_titled(key, written) if title else _pair(key, written, names))
                or _organisation_after(text, match.end(), stop)
            ):
                continue
            yield (before.start(1), match.end(), f"{key.title()} {written.title()}", "name" if title else "full name")


_TITLE_CASE_BEFORE = re.compile(r"(?<![^\W\d_'’\-])([A-Z][a-z]+)(\.?)" + _GAP + "$")


@functools.lru_cache(maxsize=4)
def _starts(names: frozenset[str]) -> frozenset[str]:
    """Words that can start a name in lower case or capitals."""
    return (
        frozenset(
            name
            for name in names | wide_forenames()
            if name.isalpha() and name.isascii() and name not in ordinary_words()
        )
        | CASE_BLIND_TITLES
        | WEAK_TITLES
    )


def initials(text: str, begin: int, stop: int, look: Look | None = None) -> Iterator[tuple[int, int, str, str]]:
    """An initial and a family name that is not an everyday word, in any
    case and with or without a full stop or a space: "Z. Quinlan", "Z
    Quinlan", "Z.Quinlan", "Z. QUINLAN", "z quinlan", "Z. J. Quinlan"; not a
    label ("Child Z Quinlan"), a reference to published work ("E. Munro
    (2011)", "M. Brandon et al.") or a panel member with an agency in
    brackets ("J. Singh (Police)")."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    letters = {word for word in look.words if len(word) == 1 and word.isascii()}
    if not letters:
        return
    # "a" and "I" are words: initials only with a full stop.
    pattern = "[" + "".join(sorted(letters - set("aAiI"))) + "]" if letters - set("aAiI") else ""
    if letters & set("aAiI"):
        pattern = "|".join(filter(None, (pattern, "[" + "".join(sorted(letters & set("aAiI"))) + r"](?=\.)")))
    # From a space or an opening mark: the engine skips fast to those.
    start_at = re.compile(r"[\s(\[{\"'“‘*_|>](" + pattern + r")(?=[. \t\u00a0])")
    first = re.compile("(" + pattern + r")(?=[. \t\u00a0])").match(text, begin, stop)
    for initial in ((first,) if first else ()) + tuple(start_at.finditer(text, begin, stop)):
        here = initial.start(1)
        if here > begin and text[here - 1] in "'’" and _LETTER.match(text, here - 2):
            continue  # "child's"
        run = _INITIALS.match(text, here, stop)
        if not run:
            continue
        surname = _SURNAME_AT.match(text, run.end(), stop)
        if not surname:
            continue
        word = surname.group(0)
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        if word not in look.strong:
            continue
        if any(piece.lower() in ("a", "i") and not dot for piece, dot in _INITIAL_PARTS.findall(run.group(0))[1:]):
            continue  # "Z a Quinlan"
        end = run.end() + len(word)
        if _CITATION_AFTER.match(text, end, stop) or _organisation_after(text, end, stop):
            continue
        agency = _AGENCY_AFTER.match(text, end, stop)
        if agency and any(fold(part) in _AGENCY_WORDS for part in _AGENCY_PART.findall(agency.group(1))):
            continue  # "J. Singh (Police)": a panel member
        start = here
        previous = _PREVIOUS_WORD.search(text, max(begin, here - 30), here)
        if previous:
            before = previous.group(1)
            key = fold(before)
            if key in _LABELS:
                continue  # "Child Z. Quinlan", "Sibling Q Quinlan": a pseudonym label
            if key in CASE_BLIND_TITLES or key in WEAK_TITLES or _is_title(before):
                start = previous.start(1)  # "MR Z QUINLAN", "Dr Z. Quinlan": the title too
        yield start, end, " ".join(text[here:end].split()), "name"


_INITIAL_PARTS = re.compile(r"([A-Za-z])(\.?)")
_AGENCY_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")


def _is_title(word: str) -> bool:
    from .name_words import TITLES

    return fold(word) in TITLES


def hyphen_joined(word: str, names: frozenset[str]) -> bool:
    """ "Zebedee-Quinlan": a forename and a surname joined by a hyphen (not
    a double forename such as "Anne-Marie", nor a double surname)."""
    parts = re.split(r"[\-‐‑]", word)
    if len(parts) != 2:
        return False
    first, second = fold(parts[0]), fold(parts[1])
    if first not in names:
        return False
    return first in names and second not in names and _is_surname(second) and second not in everyday_words()


def citation_after(text: str, end: int) -> bool:
    """Whether what follows a name at `end` makes it a reference to
    published work: "et al.", "(2011)", ", 2011", ", *Title*"."""
    return bool(_CITATION_AFTER.match(text, end))


def possible_forename(word: str) -> bool:
    """A capitalised word that can be a forename before a family name that
    is not an everyday word: a secondary forename (see secondary_forename),
    or a word that is neither an everyday nor an ordinary word ("Zeb
    Quinlan", a short form no list holds)."""
    folded = word if word.islower() and word.isascii() else fold(word)
    return folded in secondary_forenames() or (
        len(folded) > 1 and folded.isalpha() and folded not in everyday_words() and folded not in ordinary_words()
    )


def secondary_forename(word: str) -> bool:
    """A forename that counts only before a surname that is not an everyday
    word: one the main list leaves out ("Yusra") or that is also an
    ordinary word ("River", "Hope")."""
    return fold(word) in secondary_forenames()


@functools.lru_cache(maxsize=1)
def secondary_forenames() -> frozenset[str]:
    """Folded forenames that count only before a surname that is not an
    everyday word (see secondary_forename)."""
    from . import name_words

    return wide_forenames() | name_words.WORD_FORENAMES


def strong_surname(word: str, names: frozenset[str]) -> bool:
    """A family name that is neither an everyday word nor a forename."""
    folded = fold(word)
    return _is_surname(folded) and folded not in everyday_words() and folded not in names
