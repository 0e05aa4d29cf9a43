"""The loop over everything a review publishes: scan() runs a PII detector
on every span of every review (lscb_checks.text.review_text) and reports
what the build's Redaction (lscb_checks.redaction) does not allow. A
detector is given the span and a Context, reads its Words, and gives Hits;
message() words the finding.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.findings import Finding, cut_words
from lscb_core.quote import identifier, known, say
from lscb_core.rules import Rule
from lscb_core.text.cleaned import Cleaned
from lscb_core.text.normalise import normalise

from .redaction import Redaction, redaction
from .text.review_text import Span, review_spans


@dataclass(frozen=True)
class Hit:
    """Something a PII check found in a span."""

    rule: type[Rule]
    start: int
    end: int
    what: str  # "full name", "postcode"...
    hint: str
    term: str = ""  # the text as waivers quote it; default text[start:end]


# --- Words -------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_FILE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # in a file name, - separates words
_SPACE = re.compile(r"[ \t\u00a0]+")
# One line break (not a blank line) may split a name; a quote marker may
# start the next line.
_BREAK = re.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*(?:>[ \t\u00a0]*)*")
_FILE_GAP = re.compile(r"[-_. ]")


class Words:
    """The words of a span ("Mary's", "Smith-Jones", "O'Brien" are one word)
    and what lies between them."""

    def __init__(self, text: str, file_name: bool = False):
        self.text = text
        self.file_name = file_name
        self.spans = [match.span() for match in (_FILE_WORD if file_name else _WORD).finditer(text)]

    def __len__(self) -> int:
        return len(self.spans)

    def word(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def gap(self, left: int, right: int) -> str:
        return self.text[self.spans[left][1] : self.spans[right][0]]

    def after(self, index: int, size: int = 12) -> str:
        end = self.spans[index][1]
        return self.text[end : end + size]

    def joined(self, left: int, right: int) -> bool:
        """Whether two words can be parts of one name: spaces or one line
        break between them (in a file name: one of - _ . or a space)."""
        between = self.gap(left, right)
        if self.file_name:
            return bool(_FILE_GAP.fullmatch(between))
        return bool(_SPACE.fullmatch(between) or _BREAK.fullmatch(between))


# --- Reporting ---------------------------------------------------------------

MESSAGE_LIMIT = 79


def message(what: str, term: str, where=None):
    """ "full name J*** S**** in child-x.pdf page 2": the term and the place
    are masked when the finding is made (lscb_core.quote)."""
    if len(term) > 25 and len(what) + 1 + len(term) + 40 > MESSAGE_LIMIT:
        term = cut_words(term, 25)
    if where is None or where == known(""):
        return say("{what} {term}", what=known(what), term=identifier(term))
    return say("{what} {term} in {where}", what=known(what), term=identifier(term), where=where)


Detector = Callable[[Span, "Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Context:
    """What a detector may need besides the text."""

    item: object
    redaction: Redaction
    forenames: frozenset[str] = frozenset()


def scan(site, detect: Detector, forenames: frozenset[str] = frozenset()) -> Iterable[Finding]:
    """Run `detect` on every span of every review (any state); report what
    the allowlist and the board's details do not cover.

    Detectors read the clean text of each span (lscb_core.text.cleaned:
    no invisible characters, look-alike letters read as Latin ones, case
    kept), so a name written with a Cyrillic letter or a zero-width space
    is found like any other; offsets are mapped back to the original text
    for the line and column."""
    reviews = site.of_type(*REVIEW_TEXT_TYPES)
    if not reviews:
        return
    red = redaction(site)
    for item in reviews:
        context = Context(item, red, forenames)
        found: list[Finding] = []
        first: dict[tuple, int] = {}  # (line, code, term) -> its first finding in `found`
        for span in review_spans(item, site):
            cleaned = red.clean(span.text)
            view = dataclasses.replace(span, text=cleaned.text) if cleaned.changed else span
            for hit in detect(view, context):
                term = hit.term or view.text[hit.start : hit.end]
                if red.allowed(view, hit.start, hit.end, term):
                    continue
                line, col = span.position(_original(cleaned, hit.start))
                # Text inside an attachment (a PDF page, image metadata, a
                # file name) is fixed in the file: no waiver covers it.
                inside = span.where if span.source is None else ""
                # A file name is also in the link to it: report it once,
                # there, as inside the file name.
                key = (line, hit.rule.code, normalise(term))
                if key in first and span.where.endswith("file name"):
                    index = first[key]
                    found[index] = dataclasses.replace(found[index], inside=found[index].inside or inside)
                    continue
                first.setdefault(key, len(found))
                found.append(
                    hit.rule.at(
                        span.path,
                        line,
                        message(hit.what, term, span.quoted_where),
                        hit.hint,
                        col=col,
                        term=term,
                        inside=inside,
                    )
                )
        yield from found


def _original(cleaned: Cleaned, index: int) -> int:
    return cleaned.start(index) if cleaned.changed else index
