"""People's names written other than "Jane Smith": in capitals or lower
case, as an initial and a surname, joined by a hyphen or run together in a
handle or hashtag, or with a forename the main forename list does not hold.

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
pseudonyms and the message.
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
_WORDS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_OR_HYPHEN = re.compile(r"[^\W\d_]|-")
_NEXT_LOWER = re.compile(r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)([a-z]{2,})(?![^\W\d_\-])")
_NEXT_UPPER = re.compile(r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)([A-Z]{2,})(?![^\W\d_\-])")
_HANDLE = re.compile(r"[@#]([^\W\d_][\w.]{3,})")
_BEFORE_HANDLE = re.compile(r"[\w@#/&]")
_CAMEL = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# After an initial and a surname, a reference to somebody's published work:
# "M. Brandon et al.", "E. Munro (2011)", "Munro, E." is not read at all.
_CITATION_AFTER = re.compile(r"[ \t\u00a0]*(?:et\.?[ \t\u00a0]+al\b|\(\s*(?:19|20)\d\d|,?[ \t\u00a0]+(?:19|20)\d\d\b)")
_INITIALS = re.compile(r"(?:[A-Z]\.[ \t\u00a0]*){0,2}[A-Z]\.[ \t\u00a0]+(?=[A-Z])")


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Words that are never read as a forename or a surname where the
    capitals give no evidence: the Dale-Chall easy words (textstat), the
    words the forename list drops, and the names checks' own word lists."""
    from ..checks import pii_names

    return (easy_words() | NOT_FORENAMES | pii_names.NOT_SURNAMES
            | pii_names.WORD_FORENAMES | pii_names.MONTHS | pii_names.AFTER_NAME | pii_names.TITLES)


def _is_surname(folded: str) -> bool:
    return folded in surnames() and folded not in ordinary_words()


def _pair(forename: str, surname: str, names: frozenset[str]) -> bool:
    """Whether two words in one case are a forename and a surname."""
    first, second = fold(forename), fold(surname)
    return (first in names and first not in ordinary_words() and _is_surname(second)
            and second not in everyday_words())


def _titled(title: str, surname: str) -> bool:
    second = fold(surname)
    return fold(title) in CASE_BLIND_TITLES and _is_surname(second) and second not in everyday_words()


def case_blind(text: str, begin: int, stop: int, names: frozenset[str]) -> Iterator[tuple[int, int, str, str]]:
    """Names in lower case or in capitals: "zebedee quinlan", "ZEBEDEE
    QUINLAN" in a line of capitals, "mrs quinlan", "MRS QUINLAN"."""
    # A first look, in one pass of C: the words of the text, each once.
    pieces = set((text[begin:stop] if begin or stop < len(text) else text).split())
    runs = {word for piece in pieces for word in _WORDS.findall(piece) if word.islower() or word.isupper()}
    if not runs:
        return
    starts_of = _starts(names)
    for lower, next_word in ((True, _NEXT_LOWER), (False, _NEXT_UPPER)):
        starts = {word if lower else word.lower() for word in runs if word.islower() == lower} & starts_of
        if not starts:
            continue
        for start in starts:
            written = start if lower else start.upper()
            # The word, then what is before it: the regular expression
            # engine then skips fast to the word.
            for match in re.finditer(written + r"(?![^\W\d_\-])", text[:stop]):
                here = match.start()
                if here < begin or here and _LETTER.match(text, here - 1):
                    continue  # part of a longer word
                following = next_word.match(text, here + len(written), stop)
                if not following:
                    continue
                second = following.group(1)
                title = start in CASE_BLIND_TITLES
                if not (_titled(start, second) if title else _pair(start, second, names)):
                    continue
                yield (here, following.end(), f"{start.title()} {second.title()}",
                       "name" if title else "full name")


@functools.lru_cache(maxsize=4)
def _starts(names: frozenset[str]) -> frozenset[str]:
    """Words that can start a name in lower case or capitals."""
    return frozenset(name for name in names if name.isalpha() and name.isascii()
                     and name not in ordinary_words()) | CASE_BLIND_TITLES


def run_together(text: str, begin: int, stop: int, names: frozenset[str]) -> Iterator[tuple[int, int, str, str]]:
    """A name run together in a handle or a hashtag: "@ZebedeeQuinlan2017",
    "#zebedeequinlan", "@zebedee_quinlan"."""
    if "@" not in text and "#" not in text:
        return
    for handle in _HANDLE.finditer(text, begin, stop):
        if handle.start() and _BEFORE_HANDLE.match(text, handle.start() - 1):
            continue  # an email address, or a "#" inside an address
        body = handle.group(1)
        term = split_name(body, names)
        if term:
            yield handle.start(), handle.end(), term, "full name"


def split_name(run: str, names: frozenset[str]) -> str | None:
    """ "Zebedee Quinlan" when `run` is a forename and a surname run
    together ("ZebedeeQuinlan", "zebedee_quinlan", "zebedeequinlan2017"),
    else None."""
    parts = [part for piece in re.split(r"[\W_\d]+", run) for part in _CAMEL.findall(piece)]
    for first, second in zip(parts, parts[1:]):
        if _pair(first, second, names):
            return f"{first.title()} {second.title()}"
    for part in parts:
        folded = part.lower()
        for cut in range(3, len(folded) - 2):
            if _pair(folded[:cut], folded[cut:], names):
                return f"{folded[:cut].title()} {folded[cut:].title()}"
    return None


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


def initial_surname(text: str, start: int, stop: int) -> int | None:
    """End of "Z. Quinlan" or "J. R. Quinlan" starting at `start` (an
    initial), when the surname is a family name that is not an everyday
    word and the whole is not a reference to published work."""
    initials = _INITIALS.match(text, start, stop)
    if not initials:
        return None
    surname = re.match(r"[A-Z][a-z]+(?:['’\-][A-Za-z]+)*", text[initials.end():stop])
    if not surname:
        return None
    word = surname.group(0)
    if word[-2:] in ("'s", "’s"):
        word = word[:-2]
    folded = fold(word)
    if not _is_surname(folded) or folded in everyday_words():
        return None
    end = initials.end() + len(word)
    if _CITATION_AFTER.match(text, end):
        return None
    return end


def secondary_forename(word: str) -> bool:
    """A forename that counts only before a surname that is not an everyday
    word: one the main list leaves out ("Yusra") or that is also an
    ordinary word ("River", "Hope")."""
    return fold(word) in secondary_forenames()


@functools.lru_cache(maxsize=1)
def secondary_forenames() -> frozenset[str]:
    """Folded forenames that count only before a surname that is not an
    everyday word (see secondary_forename)."""
    from ..checks import pii_names

    return wide_forenames() | pii_names.WORD_FORENAMES


def strong_surname(word: str, names: frozenset[str]) -> bool:
    """A family name that is neither an everyday word nor a forename."""
    folded = fold(word)
    return _is_surname(folded) and folded not in everyday_words() and folded not in names
