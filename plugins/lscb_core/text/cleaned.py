"""Clean text for detectors that need case (the name detector finds "Jane
Smith" by its capitals): see clean() and the module docstring of
lscb_core.text.normalise."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from .characters import _accentless, _latin, ascii_digit, ignorable


class Cleaned:
    """`text` with case kept, ignorable and format characters removed,
    letters and digits in NFKC form and look-alike letters replaced by
    Latin ones; start() and end() map its offsets back to the original."""

    __slots__ = ("text", "_starts", "_pieces")

    def __init__(self, text: str, pieces: list[tuple[int, int, int, int]] | None = None):
        self.text = text
        # (clean start, clean end, original start, original end) of each change.
        self._pieces = pieces or []
        self._starts = [piece[0] for piece in self._pieces]

    @property
    def changed(self) -> bool:
        return bool(self._pieces)

    def start(self, index: int) -> int:
        """Offset in the original of the clean character at `index`."""
        at = bisect.bisect_right(self._starts, index) - 1
        if at < 0:
            return index
        clean_start, clean_end, start, end = self._pieces[at]
        if index < clean_end:
            return start
        return end + index - clean_end

    def end(self, index: int) -> int:
        """Offset in the original just after the clean character at index - 1."""
        if index <= 0:
            return self.start(index)
        last = index - 1
        at = bisect.bisect_right(self._starts, last) - 1
        if at >= 0 and last < self._pieces[at][1]:
            return self._pieces[at][3]
        return self.start(last) + 1


# What clean() reads: runs of characters outside ASCII, and the ASCII spaces
# the detectors' patterns do not know (a vertical tab, a form feed, a carriage
# return with no line feed after it).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+|[\x0b\x0c]|\r(?!\n)")
_ODD_ASCII_SPACE = re.compile(r"[\x0b\x0c]|\r(?!\n)")
# The same runs in a text without those ASCII spaces: one class, which the
# engine scans faster than three alternatives.
_ONLY_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Spaces a reader sees as a space or a line break, read as " " and "\n": the
# detectors' patterns join words with spaces, tabs and no-break spaces, and a
# thin space (U+2009) or a narrow no-break space (U+202F) between two words of
# a name or a postcode hid it from them. A browser shows a form feed as a
# space, and reads a lone carriage return as a line break. The no-break space
# stays as it is: the patterns read it. The braille blank is drawn as a
# blank the width of a letter (red team round 15: "Zebedee\u2800Quinlan" is
# shown as a name): read as a space, not as a letter.
_AS_SPACE = frozenset("\x0b\x0c\u2800")
_AS_LINE_BREAK = frozenset("\r\x85\u2028\u2029")


def clean(text: str) -> Cleaned:
    """The clean copy of `text` (see Cleaned); plain ASCII text is itself."""
    # (A search of each character with `in` is a scan in C, far quicker than
    # a pattern: most texts have none of them.)
    odd = ("\x0b" in text or "\x0c" in text or "\r" in text) and _ODD_ASCII_SPACE.search(text) is not None
    if not odd and text.isascii():
        return Cleaned(text)
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    position = 0  # in the original: copied up to here
    length = 0  # of the clean text so far
    for run in (_NON_ASCII_RUN if odd else _ONLY_NON_ASCII_RUN).finditer(text):
        begin, stop = run.span()
        if not _is_mark(text[begin]) and _unchanged(run.group()):
            continue  # most runs: a no-break space, a curly quote, a dash
        if begin - 1 >= position and _is_mark(text[begin]):
            begin -= 1  # "e" and a combining accent are one letter
        clusters = _clusters(text, begin, stop)
        for start, end in clusters:
            cluster = text[start:end]
            replaced = _settled(cluster)
            if replaced == cluster:
                continue
            out.append(text[position:start])
            length += start - position
            out.append(replaced)
            pieces.append((length, length + len(replaced), start, end))
            length += len(replaced)
            position = end
    if not pieces:
        return Cleaned(text)
    out.append(text[position:])
    return Cleaned("".join(out), pieces)


def _clusters(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of each character with the combining marks after it."""
    found: list[tuple[int, int]] = []
    for index in range(begin, stop):
        if found and _is_mark(text[index]) and found[-1][1] == index:
            found[-1] = (found[-1][0], index + 1)
        else:
            found.append((index, index + 1))
    return found


@functools.lru_cache(maxsize=8192)
def _unchanged(run: str) -> bool:
    """Whether a run of characters (not starting with a mark) is its own clean form."""
    return all(_settled(run[start:end]) == run[start:end] for start, end in _clusters(run, 0, len(run)))


@functools.lru_cache(maxsize=4096)
def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


@functools.lru_cache(maxsize=8192)
def _settled(cluster: str) -> str:
    """The clean form of one character and its marks, cleaned again until
    nothing changes: "Ð" and an acute accent become "D" and the accent, which
    is cleaned again to "D". So clean() of a clean text is that text, and a
    text cleaned once (the final gate's blocks) reads as one cleaned twice."""
    replaced = _clean_cluster(cluster)
    for _ in range(4):
        if replaced == cluster:
            break
        cluster, replaced = replaced, clean(replaced).text
    return replaced


@functools.lru_cache(maxsize=8192)
def _clean_cluster(cluster: str) -> str:
    first = cluster[0]
    if first in _AS_LINE_BREAK:
        return "\n"
    if first in _AS_SPACE or (first != "\u00a0" and unicodedata.category(first) == "Zs"):
        return " "
    kept = "".join(char for char in cluster if not ignorable(char))
    if not kept or unicodedata.category(kept[0])[0] not in "LNM":
        return kept  # punctuation, symbols and spaces are left as they are
    composed = unicodedata.normalize("NFKC", kept)
    if composed[0].isalpha() and _accentless(composed[0]).isascii():
        # A Latin letter keeps the accents that compose with it ("ë") and
        # loses any other mark: "Ze\u0332bedee" (a low line under the "e")
        # reads as "Zebedee", as it does to anyone who looks at it.
        composed = composed[0] + "".join(char for char in composed[1:] if not _is_mark(char))
    out = []
    for char in composed:
        latin = _latin(char) if char.isalpha() and not char.isascii() else ascii_digit(char)
        out.append(latin or char)
    return "".join(out)
