"""What the site writes inside an editor's sentences, read as a reader reads it.

The site adds to an editor's text: a number before each paragraph of
guidance (lscb_content.markdown_ext.NumberedParagraphs: "3."), a footnote's
marker after a word (`Zebedee[^1] Quinlan` is shown "Zebedee¹ Quinlan"), and
on the pages for children and young people a glossary term's plain
explanation in brackets after it. A reader reads past each of them; read
as text they put words apart that the detectors read together: "Zebedee1
Quinlan" is no name, "born1 on 14 March 2017" has no "born", and a
paragraph number or an explanation pushes a date of birth or a registration
out of reach of the words that say what it is (red team round 11: each was
published from a guidance page while the same words on an ordinary page were
refused).

The final gate (and the early reader, which must read bodies as the gate
does) reads a page without the paragraph numbers and the footnote markers:
each is a number the site counts, never an editor's words. Only what the
site writes is taken out, so that markup an editor writes to look like it
cannot hide digits of their own: a paragraph's number right at the start of
a numbered paragraph, the numbers running 1, 2, 3... through the page; a
footnote's marker whose number is one the page has already reached or the
next (a footnote cited twice shows its number twice). Anything else is read
as it is written (tests/test_identifiers_put_apart.py). The explanations
are the glossary's words, which an editor chose: the page is read with
them, and again without them (`without_explanations`).
"""

from __future__ import annotations

import re

# A paragraph's number, as lscb_content.markdown_ext.NumberedParagraphs writes
# it: the first thing in a paragraph of the "numbered" class.
_PARAGRAPH_NUMBER = re.compile(
    r'(<p [^<>]*?\bclass="(?:[^"<>]* )?numbered"[^<>]*>)<span class="para-number"(?: id="[^"<>]*")?>(\d{1,4})\.</span>'
)
# A footnote's marker, as Python-Markdown's footnotes extension writes it.
_FOOTNOTE_MARKER = re.compile(r'<sup id="fnref[^"<>]*"><a class="footnote-ref" href="#fn[^"<>]*">(\d{1,4})</a></sup>')
_EXPLANATION = re.compile(r' ?<span class="glossary-explanation">\([^<>]*\)</span>')


def without_markers(markup: str) -> str:
    """`markup` without the paragraph numbers and footnote markers the site wrote."""
    if 'class="para-number"' in markup:
        markup = _PARAGRAPH_NUMBER.sub(_Counted(exact=True), markup)
    if 'class="footnote-ref"' in markup:
        markup = _FOOTNOTE_MARKER.sub(_Counted(exact=False), markup)
    return markup


class _Counted:
    """Takes out a number the site counted: with `exact`, only the next one
    (1, 2, 3...); otherwise one already reached or the next. Once one is
    out of turn, it and every one after it are kept."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.reached = 0
        self.broken = False

    def __call__(self, match: re.Match) -> str:
        number = int(match.group(match.re.groups))
        in_turn = number == self.reached + 1 or (not self.exact and 1 <= number <= self.reached)
        if self.broken or not in_turn:
            self.broken = True
            return match.group(0)
        self.reached = max(self.reached, number)
        return match.group(1) if self.exact else ""


def without_explanations(markup: str) -> str | None:
    """`markup` without the glossary's explanations, or None if it has none."""
    if 'class="glossary-explanation"' not in markup:
        return None
    plain = _EXPLANATION.sub("", markup)
    return plain if plain != markup else None
