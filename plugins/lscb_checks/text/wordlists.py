"""The word lists the name checks read: family names, forenames that count
only before a family name, and everyday English words.

They are committed under lscb_checks/data/ (written by
scripts/derive-word-lists, whose docstring says where each comes from), so
that what counts as a name can be reviewed in the repository and changes only
with a commit. Each is read once per process (about 30 ms for all three).
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def _read(name: str) -> frozenset[str]:
    with open(DATA / name, encoding="utf-8") as handle:
        return frozenset(line.rstrip("\n") for line in handle if line[:1] not in ("#", "\n", ""))


def surnames() -> frozenset[str]:
    """Family names, folded (lscb_core.text.normalise.fold)."""
    return _read("surnames.txt")


def wide_forenames() -> frozenset[str]:
    """Forenames, folded, that are a forename only before a family name that
    is not an everyday word ("Yusra Haddad")."""
    return _read("forenames-wide.txt")


def everyday_words() -> frozenset[str]:
    """Everyday English words in lower case (names that are common in
    English text, such as "john" or "smith", among them)."""
    return _read("english-words.txt")


def places() -> frozenset[str]:
    """Towns and villages of the UK and Ireland named in two words or more,
    folded, words separated by one space ("milton keynes")."""
    return _read("places.txt")


def is_place(term: str) -> bool:
    """Whether a name found in the text is a place: "Melton Mowbray"."""
    from lscb_core.text.normalise import words

    return " ".join(words(term)) in places()
