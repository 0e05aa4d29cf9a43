"""A person's full name read from a capitalised word: where it ends, or
None when it is not a name (lscb_checks.checks.pii_names, PII001).

_name_at reads the words after a forename or a title: a middle initial, a
particle ("Maria da Silva"), a nickname in quotes (Jayden "JJ" Holloway),
then a capitalised surname that is not a role, an organisation, a place, a
document or a time (lscb_checks.text.name_words); a name in capitals
("JANE SMITH") only alone in capitals; not a place or institution named
after somebody ("Mary Seacole House"), an address ("27 Mill Lane") or a
date ("in June May 2024").
"""

from __future__ import annotations

import re

from ..review_scan import Context, Words
from .forenames import fold
from .name_words import (
    _AMBIGUOUS_AFTER,
    AFTER_NAME,
    AFTER_NAME_LOWER,
    AMBIGUOUS_SURNAMES,
    MONTHS,
    NOT_SURNAMES,
    PARTICLES,
    PLACE_PREFIXES,
    TITLES,
    WORD_FORENAMES,
)

_INITIAL_GAP = re.compile(r"\.?[ \t\u00a0]+|\.")
_HOUSE_NUMBER = re.compile(r"(?<![\w.,/:-])\d{1,4}[A-Za-z]?,?[ \t\u00a0]+$")
_CAMEL_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|O')[A-Z]")
_DATE_AFTER = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*(?:\d|of\b)")  # never after a blank line, as a name
_DIGIT_AFTER = re.compile(r"[ \t\u00a0]*\d")
_LOWER_PREFIX = re.compile(r"^(?:al|el|ul|ad|ben)-(?=[A-Z])")
# A nickname in quotes between a forename and a surname: Jayden "JJ" Holloway.
_NICKNAME_OPEN = re.compile(r"[ \t\u00a0]+[\"“‘'(]")
_NICKNAME_CLOSE = re.compile(r"[\"”’')][ \t\u00a0]+")


def _titlecase(token: str) -> bool:
    token = _LOWER_PREFIX.sub("", token)
    if len(token) < 2 or not token[0].isupper() or token.isupper():
        return False
    for part in re.split(r"['’\-]", token):
        if not part:
            continue
        if not part[0].isupper() and part not in ("s",):
            return False
        if any(c.isupper() for c in part[1:]) and not _CAMEL_PREFIX.match(part):
            return False
    return True


def _is_initial(token: str) -> bool:
    return len(token) == 1 and token.isupper()


def _base(token: str) -> tuple[str, bool]:
    """The token without a possessive 's, and whether it had one."""
    if len(token) > 3 and token[-2:] in ("'s", "’s"):
        return token[:-2], True
    return token, False


def _is_forename(token: str, names: frozenset[str]) -> bool:
    folded = fold(token)
    return (folded in names or _compound_forename(folded, names)) and _titlecase(token)


def _is_surname(token: str, next_text: str, context: Context) -> bool:
    if not _titlecase(token):
        return False
    folded = fold(token)
    if folded in MONTHS:
        # "Theresa May" is a name; "in June May 2024" is a date.
        return not _DATE_AFTER.match(next_text)
    head = folded.split("-")[0]
    if folded in NOT_SURNAMES or head in NOT_SURNAMES or folded in TITLES:  # "Det Sgt"
        return False
    return not context.redaction.is_pseudonym(context.item, token)


def _compound_forename(key: str, names: frozenset[str]) -> bool:
    return "-" in key and all(part in names for part in key.split("-"))


def _index_at(words: Words, offset: int) -> int:
    return next(index for index, (start, _end) in enumerate(words.spans) if start == offset)


def _name_at(words: Words, index: int, context: Context, title: bool) -> tuple[int, int] | None:
    """(start, end) of the name starting at words[index], or None."""
    token = words.word(index)
    if token.isupper() and len(token) > 1 and not title:
        return _capitals_name(words, index, context)  # "JANE SMITH"
    if not (_titlecase(token) or title) or _base(token)[1]:  # "Sarah's Law", "Clare's Law": not a name
        return None
    if (
        title
        and index + 1 < len(words)
        and words.joined(index, index + 1)
        and _is_forename(words.word(index + 1), context.forenames)
        and _last_surname(words, index + 1, context, False) is not None
    ):
        return None  # "Dr Jane Smith": the name starts at the forename
    if index > 0 and words.joined(index - 1, index) and fold(words.word(index - 1)) in PLACE_PREFIXES:
        return None  # "St Mary", "Queen Elizabeth"
    start = words.spans[index][0]
    if _HOUSE_NUMBER.search(words.text, max(0, start - 12), start):
        return None  # "27 Mill Lane": an address (PII003)
    last = _last_surname(words, index, context, title)
    if last is None:
        return None
    return start, words.spans[last][0] + len(_base(words.word(last))[0])


def _last_surname(words: Words, index: int, context: Context, title: bool) -> int | None:
    """Index of the last word of the name that starts at words[index], or
    None when no surname follows."""
    position = index
    last = None
    nickname = None
    while position + 1 < len(words) and (last is None or last - index < 4):
        following = position + 1
        candidate = words.word(following)
        between = words.gap(position, following)
        has_next = following + 1 < len(words)
        # Jayden "JJ" Holloway: a nickname in quotes after the forename.
        if (
            position == index
            and not title
            and has_next
            and _NICKNAME_OPEN.fullmatch(between)
            and candidate[:1].isupper()
            and _NICKNAME_CLOSE.fullmatch(words.gap(following, following + 1))
        ):
            position = nickname = following
            continue
        # "Dr. Smith", "Jane A. Smith": a full stop after a title or an initial.
        abbreviated = (title and position == index) or _is_initial(words.word(position))
        if not (
            words.joined(position, following)
            or (abbreviated and _INITIAL_GAP.fullmatch(between))
            or position == nickname
        ):
            break
        # A middle initial, "Jane A. Smith", or a particle, "Maria da Silva".
        if (
            has_next
            and position == index
            and _is_initial(candidate)
            and _INITIAL_GAP.fullmatch(words.gap(following, following + 1))
        ):
            position = following
            continue
        if has_next and candidate in PARTICLES and words.joined(following, following + 1):
            position = following
            continue
        base, possessive = _base(candidate)
        after = words.after(following)
        if last is not None and fold(base) in AFTER_NAME and base[0].isupper():
            return None  # "Florence Nightingale Wing": a place named after somebody
        if last is None and not title and fold(base) in AMBIGUOUS_SURNAMES:
            if _ambiguous_surname(words, index, following, possessive, context):
                last = following
            break
        if not _is_surname(base, after, context):
            break
        if "\n" in between and after.lstrip(" \t").startswith(":"):
            break  # a metadata field on the next line
        last = position = following
        if possessive:
            break
    if last is None:
        return None
    # "Mary Seacole House": a place or institution named after somebody.
    following = last + 1
    if following < len(words) and not _base(words.word(last))[1] and words.joined(last, following):
        after = words.word(following)
        if fold(after) in (AFTER_NAME if after[0].isupper() else AFTER_NAME_LOWER):
            return None  # "the Marie Curie nurse", "Sue Ryder services"
    return last


def _ambiguous_surname(words: Words, index: int, following: int, possessive: bool, context: Context) -> bool:
    """Whether "Child", "Church", "Lodge" or "Nurse" after the forename at
    words[index] is its surname: "Leanne Child", but not "Grace Church",
    "Mark Child L's", "Leanne Lodge care home" or "the Rose Lodge"."""
    if fold(words.word(index)) in WORD_FORENAMES:
        return False
    if index > 0 and words.joined(index - 1, index) and fold(words.word(index - 1)) in ("the", "a", "an"):
        return False
    if possessive:
        return True
    if _DIGIT_AFTER.match(words.after(following)):
        return False  # "Child 2"
    nxt = following + 1
    if nxt < len(words) and words.joined(following, nxt):
        word = words.word(nxt)
        if word[0].isupper() or fold(word) in _AMBIGUOUS_AFTER:
            return False  # "Child L", "Church Hall", "Nurse Practitioner", "Lodge care home"
    return not context.redaction.is_pseudonym(context.item, words.word(following))


def _capitals_name(words: Words, index: int, context: Context) -> tuple[int, int] | None:
    """(start, end) of a name written in capitals, "JANE SMITH": a known
    forename of four letters or more and a surname, the two alone in
    capitals (not part of a heading or a list of acronyms)."""
    forename = words.word(index)
    following = index + 1
    if len(forename) < 4 or following >= len(words) or not words.joined(index, following):
        return None
    if fold(forename) not in context.forenames or fold(forename) in MONTHS:
        return None
    if index > 0 and _capitals_word(words, index - 1) and words.joined(index - 1, index):
        return None
    base, possessive = _base(words.word(following))
    if possessive and base[-1:] == "'":
        base = base[:-1]
    folded = fold(base)
    if (
        len(base) < 3
        or not base.isupper()
        or not re.search(r"[AEIOUY]", base)
        or folded in NOT_SURNAMES
        or folded in AFTER_NAME
        or folded in MONTHS
        or folded in TITLES
    ):
        return None
    if (
        following + 1 < len(words)
        and words.joined(following, following + 1)
        and (_capitals_word(words, following + 1) or fold(words.word(following + 1)) in AFTER_NAME)
    ):
        return None  # "JANE SMITH MBE", "ANNA FREUD Centre"
    if context.redaction.is_pseudonym(context.item, f"{forename} {base}"):
        return None
    start = words.spans[index][0]
    return start, words.spans[following][0] + len(base)


def _capitals_word(words: Words, index: int) -> bool:
    word = words.word(index)
    return len(word) > 1 and word.isupper()
