"""A date of birth written after another language's word for "born", on a
page translated into that language (lscb_checks.checks.pii_dob reads the
English words): "urodzona 14.03.2015" (Polish), "Născută la 14 martie
2015" (Romanian), "Nascida a 14/03/2015" (Portuguese), "dhalatay
14/03/2015" (Somali).

The words are those of the languages boards translate key pages into most
(lscb_content.languages); the date is a date in figures, or a day, a word
(the month in that language) and a year, within a few words after the word,
in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "born" (and "date of birth") in other languages, as written after a name.
_BORN = re.compile(
    r"(?i)(?<![^\W\d_])(?:"
    r"urodzon[aey]|urodzi[łl][aoy]?|data\s+urodzenia"  # Polish
    r"|n[ăa]scut[ăa]?|data\s+na[șşs]terii"  # Romanian
    r"|nascid[oa]s?|data\s+de\s+nascimento|nacid[oa]s?|fecha\s+de\s+nacimiento"  # Portuguese, Spanish
    r"|dhalatay|dhashay|taariikhda\s+dhalashada"  # Somali
    r"|gimęs|gimusi|gimimo\s+data"  # Lithuanian
    r"|dzimis|dzimusi|dzimšanas\s+datums"  # Latvian
    r"|doğdu|doğum\s+tarihi|doğumlu"  # Turkish
    r"|lindur|datëlindja"  # Albanian
    r"|né[e]?\s+le|date\s+de\s+naissance"  # French
    r"|geboren|geburtsdatum"  # German
    r"|nat[oa]\s+il|data\s+di\s+nascita"  # Italian
    r"|народил(?:ся|ась)|дата\s+народження|родил(?:ся|ась)|дата\s+рождения"  # Ukrainian, Russian
    r"|پیدا\s+ہو|تاریخ\s+پیدائش|ولد|ولدت|تاريخ\s+الميلاد"  # Urdu, Arabic
    r")(?![^\W\d_])"
)
# A date in figures, or a day, a word (the month in that language) and a year.
# It starts with a digit, so that the search skips fast to one; the character
# before it must not be a digit (births()).
_DATE = re.compile(
    r"\d(?:\d?[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})|\d{3}[./\-]\d{1,2}[./\-]\d{1,2}"
    r"|\d?\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4})(?!\d)"
)
# A word for "born", then at most 25 characters of the same sentence, up to the date.
_BORN_BEFORE = re.compile(_BORN.pattern + r"[^.!?\n]{0,25}$")
_REACH = 80


def births(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date written after a word for "born". The dates
    are found first (a regular expression that starts with a digit skips
    fast through text): the words are looked for only just before one."""
    for date in _DATE.finditer(text):
        if date.start() and text[date.start() - 1].isdigit():
            continue
        if _BORN_BEFORE.search(text, max(0, date.start() - _REACH), date.start()):
            yield date.start(), date.end()
