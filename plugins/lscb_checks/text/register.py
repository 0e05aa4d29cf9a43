"""The redaction register: what a review must never publish, kept as keyed
hashes so the repository never holds the identifiers themselves.

For each review, content/reviews/redaction/<review file name>.json lists
the real names, nicknames, addresses, schools and dates of birth of the
people in it. Each term is normalised (lscb_core.text.normalise) and
stored only as HMAC-SHA256 with the board's secret key, read from the
environment variable LSCB_REDACTION_KEY. Without the key a register says
nothing: not the terms, not how many words each has. A key check value
(the HMAC of a fixed label) tells a wrong key from a right one.

Each term gives exactly three entries, so the register does not show which
terms are one word and which are several, or which share a first word:

* the HMAC of its words separated by spaces (`s:jane smith`);
* the HMAC of its first word (`f:jane`), so that only runs of words that
  start with a registered first word are hashed whole: the check hashes
  each distinct word of the site once, not every run of words; when another
  term already gave that first word, a filler entry that never matches;
* for a term of two or more words that all have letters, the HMAC of its
  words run together (`j:janesmith`), matched against every single word of
  the text, so `JaneSmith.pdf` is found; for other terms a filler entry.

`max_words` (the longest run compared) is at least MIN_WORDS, so it says
nothing about terms shorter than that. A date of birth is also registered in the ways it is commonly
written (3 May 2015, 03/05/2015, 2015-05-03, May 3 2015, 3rd May 2015...).

Registers are changed only by scripts/redaction-register; the check is
lscb_checks.checks.redaction_register.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lscb_core.quote import Message, known, render, say
from lscb_core.text.normalise import normalise

# register_path is read here by scripts/new and scripts/redaction-register.
from lscb_reviews.register_files import register_path  # noqa: F401

FORMAT = "lscb-redaction-register"
# 2: terms normalised with look-alike letters and all ignorable characters
# (lscb_core.text.normalise). A register of version 1 is still read, and
# the text is also compared as version 1 normalised it: it may hold terms
# with letters such as ł or ø that are normalised differently now. Terms
# added to it later are normalised the new way; it stays version 1.
VERSION = 2
VERSIONS = (1, 2)
KEY_VARIABLE = "LSCB_REDACTION_KEY"
MIN_WORDS = 8  # runs of up to this many words are always compared
MAX_TERM_WORDS = 32
_KEY_CHECK_LABEL = b"k:lscb redaction register key check"
_HEX = re.compile(r"^[0-9a-f]{64}$")

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3]: number for name, number in list(_MONTH_NUMBERS.items())})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAYS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
}
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


class RegisterError(Exception):
    """A register that cannot be used; the message never contains a term or the key.
    `why` is the message for a finding (lscb_core.quote): what it quotes is masked."""

    def __init__(self, why):
        self.why = why if isinstance(why, Message) else say("{why}", why=known(why))
        super().__init__(render(self.why))


def key_from_env(environ=None) -> bytes | None:
    """The key from LSCB_REDACTION_KEY, or None when it is unset or empty."""
    value = (os.environ if environ is None else environ).get(KEY_VARIABLE, "").strip()
    return value.encode("utf-8") if value else None


class Hasher:
    """HMAC-SHA256 with one key, prepared once (about 1 µs a phrase)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes):
        if not key:
            raise ValueError("empty key")
        if len(key) > 64:
            key = hashlib.sha256(key).digest()
        key = key.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def digest(self, message: bytes) -> bytes:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def key_check(self) -> bytes:
        return self.digest(_KEY_CHECK_LABEL)

    def phrase(self, words: str) -> bytes:
        """Entry for normalised words separated by single spaces."""
        return self.digest(b"s:" + words.encode("utf-8"))

    def joined(self, word: str) -> bytes:
        """Entry for the words of a term run together."""
        return self.digest(b"j:" + word.encode("utf-8"))

    def first(self, word: str) -> bytes:
        """Entry for the first word of a term."""
        return self.digest(b"f:" + word.encode("utf-8"))

    def entries(self, words: str, present: set[bytes]) -> tuple[bytes, bytes, bytes]:
        """The three entries of a normalised term, given the entries already
        in the register (a first word already there gets a filler)."""
        parts = words.split(" ")
        if len(parts) > 1 and all(any(c.isalpha() for c in part) for part in parts):
            joined = self.joined("".join(parts))
        else:
            joined = self.digest(b"d:" + words.encode("utf-8"))  # never matches
        first = self.first(parts[0])
        if first in present:
            first = self.digest(b"e:" + words.encode("utf-8"))  # never matches
        return self.phrase(words), first, joined


@dataclass
class Register:
    path: Path
    key_check: bytes
    max_words: int = MIN_WORDS
    entries: set[bytes] = field(default_factory=set)
    version: int = VERSION

    def key_matches(self, hasher: Hasher) -> bool:
        return hmac.compare_digest(self.key_check, hasher.key_check())

    def as_json(self) -> str:
        data = {
            "format": FORMAT,
            "version": self.version,
            "about": (
                "Identifiers that must never be published with this review, as keyed "
                "hashes. Change it only with scripts/redaction-register: see "
                "docs/publishing-reviews.md."
            ),
            "hash": "HMAC-SHA256",
            "key_check": self.key_check.hex(),
            "max_words": self.max_words,
            "entries": sorted(entry.hex() for entry in self.entries),
        }
        return json.dumps(data, indent=2) + "\n"


def load(path: str | os.PathLike) -> Register:
    """Read a register; RegisterError says in plain words what is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RegisterError(
            say("cannot be opened ({why})", why=known(error.strerror or type(error).__name__))
        ) from None
    except UnicodeDecodeError:
        raise RegisterError("is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise RegisterError(say("is not valid JSON (line {line})", line=error.lineno)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RegisterError("is not a redaction register")
    if data.get("version") not in VERSIONS or isinstance(data.get("version"), bool):
        raise RegisterError(
            say("has format version {found}, not {version}", found=str(data.get("version"))[:8], version=VERSION)
        )
    key_check = data.get("key_check")
    entries = data.get("entries")
    max_words = data.get("max_words")
    if not (isinstance(key_check, str) and _HEX.match(key_check)):
        raise RegisterError("has no valid key_check")
    if not (isinstance(entries, list) and all(isinstance(e, str) and _HEX.match(e) for e in entries)):
        raise RegisterError("has entries that are not hashes")
    if not (isinstance(max_words, int) and not isinstance(max_words, bool) and 1 <= max_words <= MAX_TERM_WORDS):
        raise RegisterError("has no valid max_words")
    return Register(
        path,
        bytes.fromhex(key_check),
        max(max_words, MIN_WORDS),
        {bytes.fromhex(entry) for entry in entries},
        data["version"],
    )


def save(register: Register) -> None:
    """Write the register atomically (a half-written register is never left)."""
    register.path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".register-", suffix=".tmp", dir=register.path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(register.as_json())
        os.replace(temporary, register.path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@dataclass
class Added:
    added: int = 0  # new terms
    already: int = 0  # terms that were in the register
    skipped: int = 0  # lines with no words, one letter only, or too many words
    entries: int = 0  # entries in the register afterwards


def add_terms(path: str | os.PathLike, key: bytes, terms: Iterable[str]) -> Added:
    """Add terms to the register at `path`, creating it if needed.

    Raises RegisterError when the register exists but cannot be read or was
    made with another key. Nothing about a term is returned or logged."""
    path = Path(path)
    hasher = Hasher(key)
    if path.exists():
        register = load(path)
        if not register.key_matches(hasher):
            raise RegisterError("was made with another key")
    else:
        register = Register(path, hasher.key_check())
    result = Added()
    for term in terms:
        words = normalise(term)
        if len(words.replace(" ", "")) < 2 or len(words.split(" ")) > MAX_TERM_WORDS:
            result.skipped += 1
            continue
        new = False
        for form in [words, *date_forms(words)]:
            if hasher.phrase(form) in register.entries:
                continue
            register.entries.update(hasher.entries(form, register.entries))
            register.max_words = max(register.max_words, len(form.split(" ")))
            new = True
        if new:
            result.added += 1
        else:
            result.already += 1
    if result.added:
        save(register)
    result.entries = len(register.entries)
    return result


@dataclass
class Removed:
    removed: int = 0  # terms taken out
    absent: int = 0  # terms that were not in the register
    skipped: int = 0  # lines with no words, one letter only, or too many words
    entries: int = 0  # entries in the register afterwards


def remove_terms(path: str | os.PathLike, key: bytes, terms: Iterable[str]) -> Removed:
    """Take terms out of the register at `path`: a term typed as it was
    added is no longer matched (its date forms neither); other terms that
    start with the same word still are. A term's first-word entry may be
    shared with other terms, so it stays (it matches nothing on its own).

    Raises RegisterError when the register cannot be read or was made with
    another key. Nothing about a term is returned or logged."""
    path = Path(path)
    hasher = Hasher(key)
    register = load(path)
    if not register.key_matches(hasher):
        raise RegisterError("was made with another key")
    result = Removed()
    for term in terms:
        words = normalise(term)
        if len(words.replace(" ", "")) < 2 or len(words.split(" ")) > MAX_TERM_WORDS:
            result.skipped += 1
            continue
        gone = False
        for form in [words, *date_forms(words)]:
            phrase, _first, joined = hasher.entries(form, set())
            if phrase in register.entries:
                register.entries.discard(phrase)
                register.entries.discard(joined)
                gone = True
        if gone:
            result.removed += 1
        else:
            result.absent += 1
    if result.removed:
        save(register)
    result.entries = len(register.entries)
    return result


def parse_date(words: str) -> dt.date | None:
    """The date a normalised term writes, in the ways dates are written in
    England (day before month), or None."""
    parts = [w for w in words.split(" ") if w and w not in _WEEKDAYS and w != "of"]
    if len(parts) != 3:
        return None
    try:
        if all(p.isdigit() for p in parts):
            if len(parts[0]) == 4:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            if len(parts[2]) == 4:
                return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
            return None
        if not (parts[2].isdigit() and len(parts[2]) == 4):
            return None
        first, second = parts[0], parts[1]
        if first in _MONTH_NUMBERS and _DAY.match(second):
            month, day = _MONTH_NUMBERS[first], int(_DAY.match(second).group(1))
        elif second in _MONTH_NUMBERS and _DAY.match(first):
            month, day = _MONTH_NUMBERS[second], int(_DAY.match(first).group(1))
        else:
            return None
        return dt.date(int(parts[2]), month, day)
    except ValueError:
        return None


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_forms(words: str) -> list[str]:
    """Other common ways of writing the date in `words` (normalised), or []."""
    day = parse_date(words)
    if day is None:
        return []
    d, m, y = day.day, day.month, day.year
    full = _MONTHS[m - 1]
    names = {full, full[:3]} | ({"sept"} if m == 9 else set())
    yy = y % 100  # "3/5/15", "03.05.15": a two-digit year
    forms = {
        f"{d} {m} {y}",
        f"{y} {m} {d}",
        f"{d:02d}{m:02d}{y}",
        f"{y}{m:02d}{d:02d}",
        f"{d} {m} {yy}",
        f"{d:02d}{m:02d}{yy:02d}",
    }
    for name in names:
        forms |= {
            f"{d} {name} {y}",
            f"{_ordinal(d)} {name} {y}",
            f"{_ordinal(d)} of {name} {y}",
            f"{name} {d} {y}",
            f"{name} {_ordinal(d)} {y}",
        }
    return sorted(normalise(form) for form in forms if normalise(form) != words)
