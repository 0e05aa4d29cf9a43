"""Where a term the final gate found is written in a Markdown source: as
written, or with the markup an editor can hide inside a word taken out
(`Zebe<!-- -->dee`), so that a finding names the file and line to change."""

from __future__ import annotations

import bisect
import re

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END
from lscb_core.text.normalise import tokens
from lscb_core.waivers import blank_waivers

from .markup import HIDDEN_ELEMENT

# Markup an editor can put inside a word that the built page does not show:
# comments, tags, emphasis markers. Taken out (not blanked) to find where a
# term published whole was written split.
_HIDDEN_IN_SOURCE = re.compile(
    HIDDEN_ELEMENT.pattern + r"|<!--.*?-->|<[A-Za-z/][^>]*>|\*+|(?<!\w)_+|_+(?!\w)|\]\([^)]*\)|\[",
    re.DOTALL | re.IGNORECASE,
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A line break the page shows between two words ("NS4<br>7QX"): a gap.
_LINE_BREAK_TAG = re.compile(r"<br" + NAME_END + ATTRS + ">", FLAGS)


def prepare(source) -> tuple:
    """A source as _find_words reads it: its tokens with waivers and
    comments blanked (neither is published), and its tokens with the markup
    an editor can hide inside a word taken out (`Zebe<!-- -->dee`), with
    where each kept piece starts, in that text and in the source."""
    text = blank_waivers(source)
    shown = _COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    shown = _LINE_BREAK_TAG.sub(lambda match: " " * len(match.group(0)), shown)
    kept: list[str] = []
    starts: list[int] = []  # where each kept piece starts in the joined text
    origins: list[int] = []  # ... and in the source
    length = position = 0
    for match in _HIDDEN_IN_SOURCE.finditer(text):
        kept.append(text[position : match.start()])
        starts.append(length)
        origins.append(position)
        length += match.start() - position
        position = match.end()
    kept.append(text[position:])
    starts.append(length)
    origins.append(position)
    return tokens(shown), tokens("".join(kept)), starts, origins


def find_words(prepared: tuple, wanted: list[str]) -> list[int]:
    """The offsets in the source where the words `wanted` start: as written,
    and read with the markup an editor can hide inside a word taken out."""
    as_written, unhidden, starts, origins = prepared
    found = {token.start for token in _find_tokens(as_written, wanted)}
    for token in _find_tokens(unhidden, wanted):
        piece = bisect.bisect_right(starts, token.start) - 1
        found.add(origins[piece] + token.start - starts[piece])
    if len(wanted) > 1:
        # Words run together in an address or a file name (`ChelseaDawson.png`).
        joined = "".join(wanted)
        found |= {token.start + token.text.find(joined) for token in as_written if joined in token.text}
        # Words read apart from each other (`?first=Chelsea&last=Dawson`):
        # where the first is written with the others in the words after it.
        found = found or {
            token.start
            for index, token in enumerate(as_written)
            if token.text == wanted[0] and set(wanted[1:]) <= {t.text for t in as_written[index + 1 : index + 9]}
        }
    return sorted(found)


def _find_tokens(found: list, wanted: list[str]) -> list:
    spoken = [token.text for token in found]
    size = len(wanted)
    first = wanted[0]
    return [
        found[index]
        for index in range(len(spoken) - size + 1)
        if spoken[index] == first and spoken[index : index + size] == wanted
    ]
