"""Where the final gate reports what it finds (lscb_checks.checks.published_text).

A finding names the Markdown file and line that put the text there when one
can be found: the page's own source, or every published page whose title or
summary a listing shows; a name a detector reads in another order is looked
for as it is written too. Otherwise it names the output file, with any
folder or file name that holds a word of the term masked. Text inside a file
no editor wrote in Markdown is marked as inside it (Finding.inside), and a
finding the source checks already made is not made again. The gate's class
(published.gate.Gate) takes these methods from Reporting.
"""

from __future__ import annotations

import os

from lscb_core.findings import display_path
from lscb_core.mask import mask
from lscb_core.quote import file, known, say
from lscb_core.text.normalise import fold_text, words

from ..review_scan import message
from .files import Text
from .source_words import find_words, prepare

# Channels of text that no editor wrote in Markdown: what is found there is
# fixed in the file, never waived.
_INSIDE_CHANNELS = ("file name", "program", "file content")


class Reporting:
    """The final gate's reporting: fills self.findings (each finding at its
    best place) and reads self.site, self._public, self._known and
    self._sources, which published.gate.Gate sets."""

    def _report(
        self,
        rule,
        rel: str,
        item,
        text: Text,
        term: str,
        what: str,
        hint: str,
        register: bool = False,
        written: str = "",
    ) -> None:
        shown_rel = _masked_path(rel, term)
        where = (
            say("{rel} as built", rel=file(shown_rel))
            if text.channel == "page text"
            else say("{rel} ({channel})", rel=file(shown_rel), channel=known(text.channel))
        )
        # A file copied from content/ is named where the editor keeps it.
        copied = os.path.isfile(os.path.join(self.site.content_path, *rel.split("/")))
        inside = ""
        if copied or text.channel in _INSIDE_CHANNELS or text.channel.endswith("address"):
            inside = f"{rel} ({text.channel})"
        # A name the detector reads in another order ("QUINLAN, Zebedee" is
        # the name "Zebedee Quinlan") is looked for as it is written too.
        places = self._places(term, item, written)
        if inside:
            places = places[:1]  # named once, where the term is written first
        if not places:
            top = self.site.content_path if copied else "output"
            places = [(None, os.path.join(top, *shown_rel.split("/")), 1, 1)]
        if register:
            message_text = say("{what} is in {where}", what=known(what), where=where)
        else:
            message_text = message(what, term, where)
        folded = " ".join(fold_text(term).split())
        for source_item, path, line, col in places:
            if not inside and (display_path(path), line, rule.code, folded) in self._known:
                continue
            key = (path, line, rule.code, folded, bool(inside))
            ranked = (0 if source_item is not None and source_item is item else 1, rel)
            if key not in self.findings or ranked < self.findings[key][:2]:
                self.findings[key] = (
                    *ranked,
                    rule.at(path, line, message_text, hint, col=col, term=term, inside=inside),
                )

    def _places(self, term: str, item, written: str = "") -> list[tuple[object, str, int, int]]:
        """(item, path, line, column) of every line where `term` (or the
        text as `written`) is written: in the page's own source, or else in
        every published item (a listing shows titles and summaries); the
        page itself at line 1 when its source does not write it; [] when no
        source does."""
        options = [wanted for wanted in (words(term), words(written)) if wanted]
        if not options:
            return []
        if len(options) == 2 and options[0] == options[1]:
            options.pop()
        if item is not None:
            for wanted in options:
                found = self._written(item, wanted)
                if found:
                    return found
            others = [other for other in self._public if other is not item]
        else:
            others = self._public
        found = []
        for wanted in options:
            found = [spot for other in others for spot in self._written(other, wanted)]
            if found:
                break
        if not found and item is not None:
            found = [(item, item.path, 1, 1)]
        return found

    def _written(self, item, wanted: list[str]) -> list[tuple[object, str, int, int]]:
        """Each line of the item's source that writes the words `wanted`,
        once, at its first column."""
        prepared = self._sources.get(item.path)
        if prepared is None:
            prepared = self._sources[item.path] = prepare(item.source)
        lines: dict[int, int] = {}
        for offset in find_words(prepared, wanted):
            line, col = item.source.position(offset)
            lines.setdefault(line, col)
        return [(item, item.path, line, col) for line, col in sorted(lines.items())]


def _masked_path(rel: str, term: str) -> str:
    """The output path, with any folder or file name that holds a word of
    the term masked."""
    wanted = set(words(term))
    parts = []
    for part in rel.split("/"):
        # A word of the term inside a word of the name masks it too: names
        # run together (`ChelseaDawson.png`) are one word.
        held = " ".join(words(part.replace("-", " ")))
        shown = wanted & set(held.split()) or any(len(word) > 2 and word in held for word in wanted)
        parts.append(mask(part) if shown else part)
    return "/".join(parts)
