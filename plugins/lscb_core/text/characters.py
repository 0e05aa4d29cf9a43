"""The fold of one character, as lscb_core.text.normalise compares text:
ignorable and format characters, case, compatibility forms, accents and
look-alike letters (the module docstring of lscb_core.text.normalise says
which character becomes what)."""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = "'\u2019\u02bc\u2018"
# Default_Ignorable_Code_Point (Unicode 15.1 DerivedCoreProperties) and the
# format characters (Cf) outside it, as ranges for a character class.
# tests/test_normalise.py checks it against unicodedata.
_IGNORABLE = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160"
    "\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_IGNORABLE_CHAR = re.compile(f"[{_IGNORABLE}]")
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


# The Arabic tatweel (kashida) only stretches the joint between two letters:
# "عائـشہ" is "عائشہ" drawn wider. A letter by its category (Lm), read as nothing.
_TATWEEL = "\u0640"


def ignorable(char: str) -> bool:
    """A default-ignorable code point, a format (Cf) character or the tatweel."""
    return bool(_IGNORABLE_CHAR.match(char)) or unicodedata.category(char) == "Cf" or char == _TATWEEL


def ascii_digit(char: str) -> str | None:
    """The ASCII digit a decimal digit of another script stands for (Arabic-Indic
    "٠٧٧٠٠", Devanagari "०"...), so that a phone number or a date reads the same
    in any script; None for any other character."""
    return str(unicodedata.decimal(char)) if not char.isascii() and char.isdecimal() else None


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if ignorable(char):
        return ""
    if ascii_digit(char):
        return ascii_digit(char)
    folded = _accentless(char)
    if folded.isascii():
        return folded  # as before look-alikes were read: registers keep matching
    out = []
    for part in unicodedata.normalize("NFKC", char):
        latin = _latin(part) if part.isalpha() and not part.isascii() else None
        out.append(latin.lower() if latin else _accentless(part))
    return "".join(out)


def _accentless(text: str) -> str:
    """Compatibility forms unfolded, case folded, combining marks removed."""
    text = _strip_marks(unicodedata.normalize("NFKD", text)).casefold()
    return _strip_marks(unicodedata.normalize("NFKD", text))


def _strip_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c) and not ignorable(c))


# --- Look-alike letters ----------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _latin(char: str) -> str | None:
    """The ASCII letters a non-ASCII letter looks like, in its case, or None.
    Only for letters that _accentless() does not already make ASCII."""
    if _accentless(char).isascii():
        return None
    found = _look_alike(char)
    if found is None and char.islower() and len(char.upper()) == 1:
        found = _look_alike(char.upper())  # Cyrillic к: the small form of К
    if found is None and char.isupper() and len(char.casefold()) == 1:
        found = _look_alike(char.casefold())
    if found is None:
        return None
    return found.upper() if char.isupper() else found.lower() if char.islower() else found


@functools.lru_cache(maxsize=4096)
def _look_alike(char: str) -> str | None:
    """From the confusables data: the ASCII letters among what `char` (or its
    letter without accents) is confusable with, directly or through its
    prototype; those in the same case as `char` first, then the prototype."""
    data = _confusables()
    if char not in data:
        base = unicodedata.normalize("NFD", char)[:1]
        if base == char or base not in data:
            return None
        char = base
    found = []
    for entry in data[char]:
        target = entry["c"]
        found.append((1, target))
        if len(target) == 1:
            found.extend((2, other["c"]) for other in data.get(target, ()) if other["c"] != char)
    ranked = []
    for hop, target in found:
        letters = _strip_marks(unicodedata.normalize("NFD", target))
        if letters and letters.isascii() and letters.isalpha():
            same_case = letters.isupper() == char.isupper() and letters.islower() == char.islower()
            ranked.append((not same_case, hop, len(letters), letters))
    return min(ranked)[3] if ranked else None


@functools.lru_cache(maxsize=1)
def _confusables() -> dict:
    """Unicode's confusables (TR39), as shipped by confusable-homoglyphs:
    each character with the characters it is confusable with, both ways.
    Loaded on the first letter that needs it (about 50 ms)."""
    from confusable_homoglyphs.confusables import confusables_data

    return confusables_data
