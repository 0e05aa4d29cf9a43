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
- a footnote's marker that touches no digit (tags between do not count).
  A marker beside a digit may be read either way, "07700¹ 900123" or
  "07700 90012³": the page is read with it, and again without it
  (`without_markers` gives both).

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
_EXPLANATION = re.compile(r' ?<span class="glossary-explanation">\([^<>]*\)</span>')


def without_markers(markup: str) -> tuple[str, str | None]:
    """`markup` without the paragraph numbers the site wrote and the footnote
    markers that touch no digit; and, if a marker touches a digit, `markup`
    without those too (to be read as well), else None."""
    if 'class="para-number"' in markup:
        markup = _PARAGRAPH_NUMBER.sub(r"\1", markup)
    if 'class="footnote-ref"' not in markup:
        return markup, None
    touching = [found.span() for found in _FOOTNOTE_MARKER.finditer(markup) if _touches_a_digit(markup, *found.span())]
    main = _FOOTNOTE_MARKER.sub(lambda found: found.group(0) if found.span() in touching else "", markup)
    return main, (_FOOTNOTE_MARKER.sub("", markup) if touching else None)


def _touches_a_digit(markup: str, start: int, end: int) -> bool:
    """Whether the text shown just before or after markup[start:end] is a
    digit (tags skipped; a character reference may be one)."""
    before = start - 1
    while before >= 0 and markup[before] == ">":
        before = markup.rfind("<", 0, before) - 1
    after = end
    while after < len(markup) and markup[after] == "<" and markup.find(">", after) > 0:
        after = markup.find(">", after) + 1
    return any(0 <= at < len(markup) and (markup[at].isdigit() or markup[at] in ";&") for at in (before, after))


def without_explanations(markup: str) -> str | None:
    """`markup` without the glossary's explanations, or None if it has none."""
    if 'class="glossary-explanation"' not in markup:
        return None
    plain = _EXPLANATION.sub("", markup)
    return plain if plain != markup else None
