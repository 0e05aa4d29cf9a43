"""One way to compare text: the words of a text in a form that does not
depend on how they were typed, or on which look-alike characters were used.

Every check that compares text compares it in this form: the redaction
register (RED001), the allowlist, the board's details, declared pseudonyms
and forenames (PII001-PII013), and the quoted text of waivers. Two matchers
that fold text differently would be two gates with a gap between them.

`Jane Smith`, `JANE SMITH`, `Jane  Smith's`, `jane-smith`, `Jáne\\nSmith`,
`Jane%20Smith`, `Jane&nbsp;Smith`, `Ｊａｎｅ Smith`, `Ja\\u200bne Smith` and
`Jаne Smith` (with a Cyrillic а) all give the tokens `jane smith`:

* compatibility forms are unfolded (Unicode NFKC): full-width `Ｋ` is `K`,
  the ligature `ﬁ` is `fi`, `ſ` is `s`;
* case is folded and diacritics are stripped: `Zoë` is `zoe`, `Siobhán`
  is `siobhan`;
* every default-ignorable code point (Unicode's Default_Ignorable_Code_Point:
  soft hyphen, zero-width spaces and joiners, word joiner, variation
  selectors, tag characters, bidi controls, Hangul fillers...) and every
  format (Cf) character is removed, so a word split by one is one word:
  `Kay\\u00adden` is `kayden`;
* a letter that still is not ASCII after that, and that looks like a Latin
  letter, is read as that letter (the Unicode TR39 confusables data, from the
  `confusable-homoglyphs` package): Cyrillic `а е о р с у х і` and Greek
  `ο ν ρ` are `a e o p c y x i` and `o v p`, `К` and `к` are `k`, `ø` is
  `o`, `ł` is `l`, `ı` is `i`, `æ` is `ae`. Each letter is read as written:
  a capital that looks like `I` (Cyrillic `І`, Greek `Ι`) is `i`, where the
  TR39 skeleton would say `l`; a letter with no Latin look-alike of its own
  takes that of its other case (Cyrillic `к` looks like a small `K`, `н` a
  small `H`). Letters with no Latin look-alike in either case (`ж`, `λ`,
  Arabic, Chinese...) stay as they are, case-folded. Text in Greek or
  Cyrillic is read the same way ("Москва" is `mockba`): it is compared
  consistently, but a Greek letter whose two cases look like two different
  Latin letters (`ν` v, `Ν` N) matches only in the case it is written in. ASCII text never goes through this table (the skeleton
  would turn `m` into `rn` and `I` into `l`), and no character that this
  module already turned into ASCII before (`é`) changes: registers made
  before keep matching;
* apostrophes (' ’ ʼ ‘) are removed and a possessive 's is dropped:
  `O'Brien` is `obrien`, `Smith's` is `smith`;
* hyphens, dashes, slashes, underscores and all other punctuation break
  words; line breaks and repeated spaces are just a break;
* percent-escapes (`%20`) and HTML entities (`&amp;`) are read as the
  characters they stand for;
* a token of digits only loses its leading zeros: `03` is `3`.

Every token keeps the offsets of its first and last character in the
original text, so a match maps back to line and column.

Text that is plain ASCII once curly apostrophes and punctuation are
replaced (nearly every page) is split by one regular expression and never
looks at the tables above.

Detectors that need the capitals (the name detector finds "Jane Smith" by
its capitals) read `clean(text)` instead: the same text with case kept,
ignorable and format characters removed, letters and digits in NFKC form
(decomposed accents composed again) and look-alike letters replaced by the
Latin letter in the same case, with a map from every offset of the clean
text back to the original, so findings still name the right line and
column (lscb_core.text.cleaned). lscb_checks.review_scan.scan gives every PII
detector the clean text.

`fold(word)` is the per-character fold without splitting into words (a
forename keeps its hyphen), and `fold_text(text)` the same one character
for one, for regular expressions whose offsets must stay those of `text`.

`legacy_tokens` and `legacy_words` are the rules before look-alike letters
and all ignorable characters were handled, for redaction registers of
format version 1 (lscb_checks.text.register).

The character-by-character fold and the look-alike letters are in
lscb_core.text.characters.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import NamedTuple
from urllib.parse import unquote

from .characters import _APOSTROPHES, _IGNORABLE, _MARKS, _fold_char

_ESCAPE = r"%[0-9A-Fa-f]{2}|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# A run of word characters, apostrophes, ignorable characters and escapes:
# each run is normalised and split again into tokens.
_RUN = re.compile(rf"(?:[^\W_]|[{_APOSTROPHES}{_IGNORABLE}{_MARKS}]|{_ESCAPE})+")
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


def _tokens_by_run(text: str, legacy: bool = False) -> list[Token]:
    """The general case: each run of word characters normalised on its own."""
    run_pattern, fold_char = (_LEGACY_RUN, _legacy_fold_char) if legacy else (_RUN, _fold_char)
    found: list[Token] = []
    for run in run_pattern.finditer(text):
        raw = run.group()
        if raw.isascii() and "%" not in raw and "&" not in raw:
            _split(raw.lower(), None, run.start(), found)
        else:
            chars, offsets = _normalise_run(raw, run.start(), fold_char)
            _split(chars, offsets, run.start(), found)
    return found


def words(text: str) -> list[str]:
    """The normalised tokens of `text` without their offsets: the same as
    [t.text for t in tokens(text)], several times faster on plain text."""
    simple = _simple(text)
    if simple is None:
        return [token.text for token in tokens(text)]
    return [word if word.isalnum() and word[0] != "0" else _fix(word) for word in _ASCII_WORD.findall(simple)]


def normalise(text: str) -> str:
    """The normalised words of `text`, separated by single spaces."""
    return " ".join(words(text))


def fold(text: str) -> str:
    """`text` folded character by character (case, width, accents, look-alike
    letters, ignorable characters), without splitting it into words: a
    hyphen or an apostrophe (’ becomes ') stays."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text.replace("’", "'"))


def fold_text(text: str) -> str:
    """fold(), one character for one, so offsets stay those of `text`: a
    character that folds to nothing or to several stays itself (lower case).
    Meant for clean(text).text, where ignorable characters are gone."""
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        folded = _fold_char(char)
        out.append(folded if len(folded) == 1 else char.lower() if len(char.lower()) == 1 else char)
    return "".join(out).replace("’", "'")


# --- The fast path -----------------------------------------------------------

# Plain text (ASCII once curly apostrophes, and punctuation, symbols and
# spaces outside ASCII, are replaced one for one) is split with one regular
# expression. Text with other characters (é, а, U+200B) takes the general path.
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
    if unicodedata.category(char)[0] in "PSZ":  # no ignorable character is P, S or Z
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


# --- The general path ----------------------------------------------------------


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


def _normalise_run(raw: str, base: int, fold_char) -> tuple[str, list[tuple[int, int]]]:
    """Normalise a run character by character, keeping for each output
    character the (start, end) offsets of the input it came from."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0

    def emit(text: str, start: int, end: int) -> None:
        for char in text:
            for folded in fold_char(char):
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


# --- Registers of format version 1 ---------------------------------------------------

# Before look-alike letters and all ignorable characters were handled, only
# these characters were ignored, and other format characters broke words.
_LEGACY_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LEGACY_RUN = re.compile(rf"(?:[^\W_]|[{_APOSTROPHES}{_LEGACY_INVISIBLE}{_MARKS}]|{_ESCAPE})+")


def legacy_tokens(text: str) -> list[Token]:
    """tokens() as they were for registers of format version 1."""
    if _simple(text) is not None:
        return tokens(text)
    return _tokens_by_run(text, legacy=True)


def legacy_words(text: str) -> list[str]:
    if _simple(text) is not None:
        return words(text)
    return [token.text for token in legacy_tokens(text)]


@functools.lru_cache(maxsize=4096)
def _legacy_fold_char(char: str) -> str:
    if char in _LEGACY_INVISIBLE:
        return ""
    text = _legacy_strip(unicodedata.normalize("NFKD", char)).casefold()
    return _legacy_strip(unicodedata.normalize("NFKD", text))


def _legacy_strip(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c) and c not in _LEGACY_INVISIBLE)
