"""Names whose family name is in no list, written without the capitals that
are evidence of a name: "met tobias fenwrighte at home", "FENWRIGHTE
Tobias", "@tobias_fenwrighte".

In title case ("Tobias Fenwrighte") the capitals are the evidence, and the
full-name check (PII001) reads the name. In lower case or capitals, the other
readers (lscb_checks.text.name_forms) take their evidence from the family-name
list; a family that the list lacks gives none. Accepting any unknown word after
a forename would read paths, font names and post-nominals as people, so here
the evidence is the unknown word's shape together with one of:

- a person in the same sentence: "met", "visited", "mother", "she", "aged"
  and the like (PERSON_WORDS), for a forename and an unknown word in the
  same case ("met tobias fenwrighte", "SAW TOBIAS FENWRIGHTE");
- the police records' order, the family name in capitals and the forename in
  title case ("FENWRIGHTE Tobias"), also with a person in the sentence;
- a handle, where "@" says a person or an account follows and "_" or "."
  separates the words ("@tobias_fenwrighte").

The forename must be one of the main list that is not an everyday word; the
unknown word must be in no list (family names, forenames, everyday and
ordinary words, places), four letters or more, with a vowel and no run of
four consonants ("NSPCC", "CAMHS" are not family names).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .forenames import fold
from .wordlists import everyday_words, surnames, wide_forenames

# Words that say the sentence is about a person.
PERSON_WORDS = frozenset("""
met meet meets meeting visited visit visits saw seen sees spoke speak speaks told tell tells said says say
asked asks aged age born dob lived lives living stayed stays moved attended attends attending referred
mother father mum dad mam parent parents sibling siblings brother sister son daughter child baby infant
grandmother grandfather grandparent nan uncle aunt cousin partner stepfather stepmother boyfriend girlfriend
husband wife carer foster guardian pupil student he she his her him himself herself hers
family referral referrals disclosed reported discharged admitted
""".split())
_WORD = re.compile(r"[A-Za-z]{2,}")
_SENTENCE_END = re.compile(r"[.!?;:\n|]")
_VOWEL = re.compile(r"[aeiouy]")
_FOUR_CONSONANTS = re.compile(r"[^aeiouy]{4}")
_GAP = r"[ \t\u00a0]+"
_BEFORE = re.compile(r"(?<![^\W\d_'’\-])([A-Za-z]{2,})" + _GAP + "$")
_AFTER = re.compile(_GAP + r"([A-Za-z]{2,})(?![^\W\d_'’\-])")
_HANDLE = re.compile(r"(?<![\w@#/&.])@([A-Za-z]{2,})[_.]([A-Za-z]{4,})(?![A-Za-z])")
_WINDOW = 80


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    from .name_forms import ordinary_words

    return everyday_words() | surnames() | wide_forenames() | ordinary_words()


def unknown_word(word: str, names: frozenset[str]) -> bool:
    """A word in no list, shaped as a family name can be."""
    key = word.lower()
    return (4 <= len(key) <= 20 and key.isascii() and key.isalpha() and key not in _known()
            and key not in names and bool(_VOWEL.search(key)) and not _FOUR_CONSONANTS.search(key))


def _forename(word: str, names: frozenset[str]) -> bool:
    from .name_forms import ordinary_words

    key = word.lower()
    return key in names and key not in ordinary_words()


def _case(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    return "title" if word[:1].isupper() and word[1:].islower() else ""


def person_near(text: str, start: int, end: int, begin: int = 0, stop: int | None = None) -> bool:
    """Whether the sentence around text[start:end] speaks of a person."""
    stop = len(text) if stop is None else stop
    left = max(begin, start - _WINDOW)
    cut = None
    for cut in _SENTENCE_END.finditer(text, left, start):
        pass
    if cut:
        left = cut.end()
    right = min(stop, end + _WINDOW)
    after = _SENTENCE_END.search(text, end, right)
    if after:
        right = after.start()
    return any(word.lower() in PERSON_WORDS for word in _WORD.findall(text, left, start)) \
        or any(word.lower() in PERSON_WORDS for word in _WORD.findall(text, end, right))


def _organisation_after(text: str, end: int, stop: int) -> bool:
    from .name_forms import _organisation_after as after

    return after(text, end, stop)


def unlisted(text: str, begin: int, stop: int, names: frozenset[str],
             words: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, term, what) for each name found; `words` are the
    alphabetic words of the text (lscb_checks.text.name_forms.Look)."""
    unknown = [word for word in words if _case(word) in ("lower", "upper") and unknown_word(word, names)]
    for written in unknown:
        kind = _case(written)
        for match in re.finditer(r"(?<![^\W\d_'’\-])" + written + r"(?![^\W\d_'’\-])", text[:stop]):
            here = match.start()
            if here < begin:
                continue
            before = _BEFORE.search(text, max(begin, here - 30), here)
            if before and _case(before.group(1)) == kind and _forename(before.group(1), names) \
                    and person_near(text, before.start(1), match.end(), begin, stop) \
                    and not _organisation_after(text, match.end(), stop):
                yield before.start(1), match.end(), f"{before.group(1).title()} {written.title()}", "full name"
                continue
            after = _AFTER.match(text, match.end(), stop)
            if after and kind == "upper" and _case(after.group(1)) in ("upper", "title") \
                    and _forename(after.group(1), names) and person_near(text, here, after.end(), begin, stop) \
                    and not _organisation_after(text, after.end(), stop):
                yield here, after.end(), f"{after.group(1).title()} {written.title()}", "full name"
    if "@" in text:
        for handle in _HANDLE.finditer(text, begin, stop):
            first, second = handle.group(1), handle.group(2)
            if _forename(first, names) and unknown_word(second, names) \
                    and not _organisation_after(text, handle.end(), stop):
                yield handle.start(), handle.end(), f"{first.title()} {second.title()}", "full name"
