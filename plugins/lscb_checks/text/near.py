"""Run a costly pattern only near the places where it can match.

Python's regular expressions try a pattern at every position of the text,
and a pattern that starts with a look-behind or with alternatives (a street
address: "Flat 3", "No. 12", "12"...) cannot skip ahead to a likely place:
over a page of prose, most of a detector's time goes on places where no
match can start. But each such pattern needs something cheap to find: every
street address has a house number, every full date a digit.

`finditer_near(pattern, text, anchor, before, after)` gives exactly what
`pattern.finditer(text)` gives, provided that every match of `pattern`
contains a match of `anchor` (a pattern the engine finds quickly, such as a
digit) and lies within `before` words (runs of characters other than
whitespace) before the word where that anchor starts and `after` words after
the word where it ends. The text is searched for anchors, and `pattern` is
run only over the words around each of them, as finditer would run it:
look-behinds see the text before a window (a window is never cut out of the
text), and every window reaches GUARD words past the furthest a match can
end, so a look-ahead sees what it would see in the whole text. A match seen
ending in those last words (longer than `after` allows, and so perhaps cut
short by the window) has its window widened and read again. Matches do not
overlap, as with finditer.

A match that reaches further than `before` and `after` allow may not be
seen at all in its window, and is then lost: the words before and after are
set from what each pattern can match (a house number's words: a flat number,
up to three words of name, the kind of street), and tests/test_near.py runs
each pattern given to this function both ways over the corpora, the
project's texts and texts made to stretch it, and fails if they differ.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# Words of context a look-ahead may need beyond the end of a match.
GUARD = 3
_WORD = re.compile(r"\S+")


@functools.lru_cache(maxsize=64)
def _forward(words: int) -> re.Pattern:
    """From inside a word: the rest of it and `words` more."""
    return re.compile(rf"\S*(?:\s+\S+){{0,{words}}}")


def _back(text: str, position: int, words: int) -> int:
    """A place at or before the start of the word `words` words before the
    one at `position`: the slice from it holds that many words and two more
    (the first may be cut), found by doubling a guess."""
    span = 8 * (words + 2)
    while True:
        low = max(0, position - span)
        if low == 0 or len(_WORD.findall(text, low, position + 1)) >= words + 2:
            return low
        span *= 2


def _after(text: str, position: int, words: int) -> int:
    """Where the word `words` words after the one at `position` ends."""
    return _forward(words).match(text, position).end()


Anchor = re.Pattern | tuple[re.Pattern, ...]


def _starts(text: str, anchor: Anchor) -> list[int]:
    """Where each anchor starts, in order. Several simple patterns are each
    found fast (a digit; a few words that start with a capital), where one
    pattern of all of them would try each at every place."""
    if isinstance(anchor, re.Pattern):
        return [found.start() for found in anchor.finditer(text)]
    return sorted(found.start() for each in anchor for found in each.finditer(text))


@functools.lru_cache(maxsize=16)
def _windows(text: str, anchor: Anchor, before: int, after: int) -> tuple[tuple[int, int, int], ...]:
    """(low, trusted end, high) of the places to read, in order, not
    overlapping; worked out once per text for the patterns that share them."""
    windows: list[list[int]] = []
    for at in _starts(text, anchor):
        if windows and at < windows[-1][2]:
            # Inside the last window: it reaches as far as this anchor needs.
            windows[-1][1] = max(windows[-1][1], _after(text, at, after))
            windows[-1][2] = max(windows[-1][2], _after(text, at, after + GUARD))
            continue
        low = _back(text, at, before)
        trusted, high = _after(text, at, after), _after(text, at, after + GUARD)
        if windows and low <= windows[-1][2]:
            windows[-1][1:3] = [max(windows[-1][1], trusted), max(windows[-1][2], high)]
        else:
            windows.append([low, trusted, high])
    return tuple(tuple(window) for window in windows)


def finditer_near(
    pattern: re.Pattern, text: str, anchor: Anchor, before: int, after: int, needs: re.Pattern | None = None
) -> Iterator[re.Match]:
    """pattern.finditer(text), read only around each match of `anchor` (a
    pattern, or several: each match of any of them), whose first character
    is never whitespace. `pattern` never matches an empty string.

    `needs`, if given, is something else every match holds (the kind of
    street an address ends with, "Flat" or "Apartment"): a window in which
    it is not found holds no match, and is not read."""
    windows = [list(window) for window in _windows(text, anchor, before, after)]
    position = 0  # where finditer would go on from: the end of the last match
    index = 0
    while index < len(windows):
        low, trusted, high = windows[index]
        if high >= len(text):
            trusted = high = len(text)
        if needs is not None and not needs.search(text, max(low, position), high):
            index += 1
            continue
        found = []
        widen = False
        for match in pattern.finditer(text, max(low, position), high):
            if match.end() > trusted:
                widen = True
                break
            found.append(match)
        if widen:
            # Longer than `after` allows: read again with more words after,
            # taking in the windows it now reaches.
            windows[index][1] = high
            windows[index][2] = _after(text, high, after + GUARD) if high < len(text) else high
            while index + 1 < len(windows) and windows[index + 1][0] <= windows[index][2]:
                following = windows.pop(index + 1)
                windows[index][1] = max(windows[index][1], following[1])
                windows[index][2] = max(windows[index][2], following[2])
            continue
        yield from found
        if found:
            position = found[-1].end()
        index += 1


def any_case_words(words: str, not_after: str, end: str) -> re.Pattern:
    """The same matches as rf"(?<!{not_after})(?i:{words}){end}" (`words`
    an alternation of plain words, `not_after` a character class), in a form
    the engine finds fast: it skips along the text to a possible first letter
    (a class in any case) instead of trying the look-behind and every word at
    every character. The look-behind is checked after the first letter, and
    each word's other letters after a check of which first letter it was, in
    the order of `words` (tests/test_near.py compares the two forms)."""
    by_first: dict[str, list[str]] = {}
    for word in words.split("|"):
        by_first.setdefault(word[0].lower(), []).append(word[1:])
    rests = "|".join(rf"(?<=(?i:{first}))(?i:{'|'.join(rest)})" for first, rest in by_first.items())
    return re.compile(rf"(?i:[{''.join(by_first)}])(?<!{not_after}.)(?:{rests}){end}")
