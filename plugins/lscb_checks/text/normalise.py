"""Words of a text in a form that does not depend on how they were typed.

`Jane Smith`, `JANE SMITH`, `Jane  Smith's`, `jane-smith`, `Jáne\\nSmith`,
`Jane%20Smith` and `Jane&nbsp;Smith` all give the tokens `jane smith`. The
redaction register stores its terms in this form, and the check compares
every run of words of a review in this form, so a term matches however the
text happens to spell it:

* case is folded and diacritics are stripped (NFKD): `Zoë` is `zoe`;
* apostrophes (' ’ ʼ ‘) are removed and a possessive 's is dropped:
  `O'Brien` is `obrien`, `Smith's` is `smith`;
* hyphens, dashes, slashes, underscores and all other punctuation break
  words; line breaks and repeated spaces are just a break;
* invisible characters (soft hyphens, zero-width spaces) are ignored;
* percent-escapes (`%20`) and HTML entities (`&amp;`) are read as the
  characters they stand for;
* a token of digits only loses its leading zeros: `03` is `3`.

Every token keeps the offsets of its first and last character in the
original text, so a match maps back to line and column.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import NamedTuple
from urllib.parse import unquote

_APOSTROPHES = "'\u2019\u02bc\u2018"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_ESCAPE = r"%[0-9A-Fa-f]{2}|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# A run of word characters, apostrophes, invisible characters and escapes:
# each run is normalised and split again into tokens.
_RUN = re.compile(rf"(?:[^\W_]|[{_APOSTROPHES}{_INVISIBLE}{_MARKS}]|{_ESCAPE})+")
_ESCAPES = re.compile(rf"(?:%[0-9A-Fa-f]{{2}})+|{_ESCAPE}")
# Inside one normalised run: words, with apostrophes inside or around them.
_PIECE = re.compile(rf"[^\W_{_APOSTROPHES}]+(?:[{_APOSTROPHES}]+[^\W_{_APOSTROPHES}]+)*[{_APOSTROPHES}]*")
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")
_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]")


class Token(NamedTuple):
    text: str  # normalised
    start: int  # offset of the first character in the original text
    end: int  # offset just after the last character


def tokens(text: str) -> list[Token]:
    """The normalised tokens of `text`, with their offsets in `text`."""
    simple = _simple(text)
    if simple is not None:
        found = []
        for match in _ASCII_WORD.finditer(simple):
            word = match.group()
            start, end = match.span()
            if "'" in word:
                if word.endswith("'s") and len(word) > 2:
                    end -= 2
                word = _fix(word)
            elif word[0] == "0" and word.isdigit():
                word = word.lstrip("0") or "0"
            found.append(Token(word, start, end))
        return found
    return _tokens_by_run(text)


def _tokens_by_run(text: str) -> list[Token]:
    """The general case: each run of word characters normalised on its own."""
    found: list[Token] = []
    for run in _RUN.finditer(text):
        raw = run.group()
        if raw.isascii() and "%" not in raw and "&" not in raw:
            _split(raw.lower(), None, run.start(), found)
        else:
            chars, offsets = _normalise_run(raw, run.start())
            _split(chars, offsets, run.start(), found)
    return found


def words(text: str) -> list[str]:
    """The normalised tokens of `text` without their offsets: the same as
    [t.text for t in tokens(text)], several times faster on plain text."""
    simple = _simple(text)
    if simple is None:
        return [token.text for token in tokens(text)]
    return [word if word.isalnum() and word[0] != "0" else _fix(word)
            for word in _ASCII_WORD.findall(simple)]


def normalise(text: str) -> str:
    """The normalised words of `text`, separated by single spaces."""
    return " ".join(words(text))


# Plain text (ASCII once curly apostrophes, and punctuation, symbols and
# spaces outside ASCII, are replaced one for one) is split with one regular
# expression. Text with other letters (é) takes the general path.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9']*)?")
_HAS_ESCAPE = re.compile(_ESCAPE)


def _simple(text: str) -> str | None:
    """`text` lower-cased, same length, when the fast path applies; else None."""
    if not text.isascii():
        text = _NON_ASCII.sub(_one_for_one, text)
        if not text.isascii():
            return None
    if ("%" in text or "&" in text) and _HAS_ESCAPE.search(text):
        return None
    return text.lower()


@functools.lru_cache(maxsize=1024)
def _one_for_one_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    if unicodedata.category(char)[0] in "PSZ" and char not in _INVISIBLE:
        return " "  # a break in the general path too
    return char


def _one_for_one(match: re.Match) -> str:
    return _one_for_one_char(match.group())


def _fix(word: str) -> str:
    """Apostrophes, a possessive 's and leading zeros of a plain ASCII word."""
    if "'" in word:
        if word.endswith("'s") and len(word) > 2:
            word = word[:-2]
        word = word.replace("'", "")
    if word[0] == "0" and word.isdigit():
        word = word.lstrip("0") or "0"
    return word


def _split(chars: str, offsets: list[tuple[int, int]] | None, base: int, found: list[Token]) -> None:
    for piece in _PIECE.finditer(chars):
        word = piece.group()
        end = piece.end()
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            word = word[: possessive.start()]
            end = piece.start() + len(word)
        word = _APOSTROPHE.sub("", word)
        if not word:
            continue
        if word.isdigit():
            word = word.lstrip("0") or "0"
        if offsets is None:
            found.append(Token(word, base + piece.start(), base + end))
        else:
            found.append(Token(word, offsets[piece.start()][0], offsets[end - 1][1]))


def _normalise_run(raw: str, base: int) -> tuple[str, list[tuple[int, int]]]:
    """Normalise a run character by character, keeping for each output
    character the (start, end) offsets of the input it came from."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0

    def emit(text: str, start: int, end: int) -> None:
        for char in text:
            for folded in _fold_char(char):
                out.append(folded)
                offsets.append((start, end))

    for escape in _ESCAPES.finditer(raw):
        for index in range(position, escape.start()):
            emit(raw[index], base + index, base + index + 1)
        emit(_unescape(escape.group()), base + escape.start(), base + escape.end())
        position = escape.end()
    for index in range(position, len(raw)):
        emit(raw[index], base + index, base + index + 1)
    return "".join(out), offsets


def _unescape(text: str) -> str:
    if text.startswith("%"):
        return unquote(text, errors="replace")
    return html.unescape(text)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    text = _strip_marks(unicodedata.normalize("NFKD", char)).casefold()
    return _strip_marks(unicodedata.normalize("NFKD", text))


def _strip_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c) and c not in _INVISIBLE)
