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
cannot hide digits a reader reads as part of something else:

- a paragraph's number only as the first thing in a paragraph of the
  "numbered" class, followed by a space as the site writes it: what follows
  a number and a space is not one with it ("1. 3.2017" is no date);
- a footnote's marker only with a number of a footnote the page lists, and
  never between two digits (`07700 9<sup>..</sup>00123` is read as written).

Anything else is read as it is written (tests/test_identifiers_put_apart.py,
tests/test_red_round12.py). The explanations are the glossary's words,
which an editor chose: the page is read with them, and again without them
(`without_explanations`).
"""

from __future__ import annotations

import re

# A paragraph's number, as lscb_content.markdown_ext.NumberedParagraphs writes
# it: the first thing in a paragraph of the "numbered" class, then a space.
_PARAGRAPH_NUMBER = re.compile(
    r'(<p [^<>]*?\bclass="(?:[^"<>]* )?numbered"[^<>]*>)<span class="para-number"(?: id="[^"<>]*")?>\d{1,4}\.</span>(?= )'
)
# A footnote's marker, as Python-Markdown's footnotes extension writes it.
_FOOTNOTE_MARKER = re.compile(r'<sup id="fnref[^"<>]*"><a class="footnote-ref" href="#fn[^"<>]*">(\d{1,4})</a></sup>')
# Each footnote the page lists.
_FOOTNOTE = re.compile(r'<li id="fn[^"<>]*"')
_EXPLANATION = re.compile(r' ?<span class="glossary-explanation">\([^<>]*\)</span>')


def without_markers(markup: str) -> str:
    """`markup` without the paragraph numbers and footnote markers the site wrote."""
    if 'class="para-number"' in markup:
        markup = _PARAGRAPH_NUMBER.sub(r"\1", markup)
    if 'class="footnote-ref"' in markup:
        listed = len(_FOOTNOTE.findall(markup))
        markup = _FOOTNOTE_MARKER.sub(lambda match: _marker(match, listed), markup)
    return markup


def _marker(match: re.Match, listed: int) -> str:
    """A footnote's marker taken out, or kept as written (see above)."""
    text = match.string
    between_digits = text[match.start() - 1 : match.start()].isdigit() and text[match.end() : match.end() + 1].isdigit()
    if between_digits or not 1 <= int(match.group(1)) <= listed:
        return match.group(0)
    return ""


def without_explanations(markup: str) -> str | None:
    """`markup` without the glossary's explanations, or None if it has none."""
    if 'class="glossary-explanation"' not in markup:
        return None
    plain = _EXPLANATION.sub("", markup)
    return plain if plain != markup else None
