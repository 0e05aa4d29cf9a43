"""A person's name written surname first, as records and chronologies
write them: with a comma ("QUINLAN, ZEBEDEE"), before one initial
("QUINLAN Z", "Quinlan, Z.") or before a forename with no comma ("QUINLAN
Zebedee"), in any case; the surname a family name that is neither an
everyday word nor a forename (lscb_checks.text.name_forms), and not a
reference to published work ("Munro, Eileen (2011)", "Ferguson H (2017)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .forenames import fold
from .name_forms import (
    _AGENCY_AFTER,
    _AGENCY_PART,
    _AGENCY_WORDS,
    _CITATION_AFTER,
    _LABELS,
    _LETTER_OR_HYPHEN,
    _NEXT,
    _PREVIOUS_WORD,
    _TITLE_CASE_BEFORE,
    Look,
    _case,
    _forename,
    _organisation_after,
    _strong,
    strong_surname,
)
from .wordlists import everyday_words, surnames


def surname_first(text: str, begin: int, stop: int, names: frozenset[str]) -> Iterator[tuple[int, int, str, str]]:
    """A surname, a comma and a forename, as police records write them:
    "QUINLAN, ZEBEDEE", "Quinlan, Zebedee"; the surname a family name that
    is neither an everyday word nor a forename, and not a reference to
    published work ("Munro, Eileen (2011)")."""
    for comma in _COMMA_WORD.finditer(text, begin, stop):
        forename = comma.group(1)
        key = forename.lower()
        if not _forename(key, names) or not _case(forename):
            continue
        before = _WORD_BEFORE_COMMA.search(text, max(begin, comma.start() - 40), comma.start())
        if not before:
            continue
        surname = before.group(1)
        if not _case(surname) or not strong_surname(surname, names):
            continue
        end = comma.end()
        if (
            _CITATION_AFTER.match(text, end, stop)
            or _MIDDLE_INITIAL.match(text, end, stop)
            or _organisation_after(text, end, stop)
        ):
            continue
        if forename[0].isupper() and not forename.isupper() and _LIST_NAME_AFTER.match(text, end, stop):
            continue  # "Dr Arkwright, Alan Whitcombe and ...": a list of people, the comma between two
        if _TITLE_BEFORE.search(text, max(begin, before.start(1) - 12), before.start(1)):
            continue  # "Dr Arkwright, Alan ...": a title and a surname, then a list
        yield before.start(1), end, f"{forename.title()} {surname.title()}", "full name"


_COMMA_WORD = re.compile(r",[ \t\u00a0]*([A-Za-z]{2,})(?![^\W\d_\-])")
_WORD_BEFORE_COMMA = re.compile(r"(?<![^\W\d_'’\-])([A-Za-z]{2,})$")
_MIDDLE_INITIAL = re.compile(r"[ \t\u00a0]*[A-Z]\.")
_LIST_NAME_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Cllr|MR|MRS|MS|DR)\.?[ \t\u00a0]+$")


# After a family name: one initial, with or without a comma or a full stop
# ("QUINLAN Z", "Quinlan, Z", "QUINLAN, Z."), then no letter.
_INITIAL_AFTER = re.compile(r"(,?[ \t\u00a0]+)([A-Za-z])(\.?)(?![^\W\d_'’\-])")
# Another author and initial next to a name in a reference list: "Brandon M,
# Sidebotham P (2020)", "Brandon, M., Sidebotham, P. et al.".
_AUTHOR_NEXT = re.compile(
    r"[ \t\u00a0]*[,;&][ \t\u00a0]*(?:and[ \t\u00a0]+|&[ \t\u00a0]*)?"
    r"([A-Z][A-Za-z'’\-]+),?[ \t\u00a0]+[A-Z](?:\.|(?![^\W\d_]))"
)
_AUTHOR_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]\.?[ \t\u00a0]*[,;&][ \t\u00a0]*(?:and[ \t\u00a0]+|&[ \t\u00a0]*)?$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z][a-z]+)")
# After a family name, a forename with no comma: "QUINLAN Zebedee", "quinlan zebedee".
_FORENAME_AFTER = re.compile(r"[ \t\u00a0]+([A-Za-z]{2,})(?![^\W\d_\-])")


def _surname_at(text: str, begin: int, stop: int, look: Look, names: frozenset[str]) -> Iterator[re.Match]:
    """Each family name that is neither an everyday word nor a forename, as a
    whole word, in the text."""
    for written in look.strong:
        if not _case(written) or not strong_surname(written, names):
            continue
        for match in re.finditer(re.escape(written) + r"(?![^\W\d_'’\-])", text[:stop]):
            here = match.start()
            if here < begin or (here and _LETTER_OR_HYPHEN.match(text, here - 1)):
                continue
            yield match


def surname_initial(
    text: str, begin: int, stop: int, names: frozenset[str], look: Look | None = None
) -> Iterator[tuple[int, int, str, str]]:
    """A family name that is neither an everyday word nor a forename, then
    one initial, as records and chronologies write them: "QUINLAN Z",
    "Quinlan, Z", "QUINLAN, Z."; not a reference to published work
    ("Ferguson H (2017)", "Sidebotham, P. et al.", "Brandon M, Sidebotham P
    (2020)") nor a panel member with an agency in brackets."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    for surname in _surname_at(text, begin, stop, look, names):
        after = _INITIAL_AFTER.match(text, surname.end(), stop)
        if not after:
            continue
        letter, dot = after.group(2), after.group(3)
        if letter in "aAiI" and not dot:
            continue  # "Quinlan a", "QUINLAN I": words
        end = after.end()
        if _CITATION_AFTER.match(text, end, stop) or _organisation_after(text, end, stop):
            continue
        author = _AUTHOR_NEXT.match(text, end, stop)
        if author and fold(author.group(1)) not in _LABELS:
            continue  # "Brandon M, Sidebotham P (2020)"
        if _AUTHOR_BEFORE.search(text, max(begin, surname.start() - 12), surname.start()):
            continue
        agency = _AGENCY_AFTER.match(text, end, stop)
        if agency and any(fold(part) in _AGENCY_WORDS for part in _AGENCY_PART.findall(agency.group(1))):
            continue  # "Singh J (Police)": a panel member
        following = _WORD_AFTER.match(text, end, stop)
        if following and not dot and _case(following.group(1)) == "title" and fold(following.group(1)) in surnames():
            continue  # "Ward B Green": an initial between two words
        previous = _PREVIOUS_WORD.search(text, max(begin, surname.start() - 30), surname.start())
        if previous and fold(previous.group(1)) in _LABELS:
            continue  # "Child Quinlan Z"
        yield surname.start(), end, " ".join(text[surname.start() : end].split()), "name"


def surname_forename(
    text: str, begin: int, stop: int, names: frozenset[str], look: Look | None = None
) -> Iterator[tuple[int, int, str, str]]:
    """A family name that is neither an everyday word nor a forename, then a
    forename with no comma, in any case: "QUINLAN Zebedee", "Quinlan
    Zebedee", "QUINLAN ZEBEDEE", "quinlan zebedee"."""
    look = look or Look(text, begin, stop)
    if not look.strong:
        return
    for surname in _surname_at(text, begin, stop, look, names):
        after = _FORENAME_AFTER.match(text, surname.end(), stop)
        if not after:
            continue
        forename = after.group(1)
        key = forename.lower()
        if not _forename(key, names) or not _case(forename):
            continue
        cases = (_case(surname.group(0)), _case(forename))
        if cases not in (("upper", "upper"), ("upper", "title"), ("title", "title"), ("lower", "lower")):
            continue
        if cases == ("title", "title") and fold(forename) in everyday_words():
            continue  # "Treacher Collins syndrome": two family names, an eponym
        end = after.end()
        if (
            _CITATION_AFTER.match(text, end, stop)
            or _MIDDLE_INITIAL.match(text, end, stop)
            or _organisation_after(text, end, stop)
        ):
            continue
        following = _NEXT.match(text, end, stop)
        if following and _case(following.group(1)) == cases[1] and _strong(fold(following.group(1))):
            continue  # "Quinlan Zebedee Smith": read forename first
        previous = _TITLE_CASE_BEFORE.search(text, max(begin, surname.start() - 40), surname.start())
        if previous and (fold(previous.group(1)) in names or fold(previous.group(1)) in _LABELS):
            continue  # "Ali Quinlan Zebedee", "Child Quinlan"
        yield (surname.start(), end, f"{forename.title()} {surname.group(0).title()}", "full name")
