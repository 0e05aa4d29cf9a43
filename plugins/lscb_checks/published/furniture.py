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
each is a number the site counts, never an editor's words. The
explanations are the glossary's words, which an editor chose: the page is
read with them, and again without them (`without_explanations`). Only the
markup the site writes is taken out, exactly: a number in a span of the
paragraph-number class, a number in the footnote extension's link.
"""

from __future__ import annotations

import re

_MARKER = re.compile(
    r'<span class="para-number"(?: id="[^"<>]*")?>\d{1,4}\.</span>'
    r'|<sup id="fnref[^"<>]*"><a class="footnote-ref" href="#fn[^"<>]*">\d{1,4}</a></sup>'
)
_EXPLANATION = re.compile(r' ?<span class="glossary-explanation">\([^<>]*\)</span>')


def without_markers(markup: str) -> str:
    """`markup` without the paragraph numbers and footnote markers the site wrote."""
    if 'class="para-number"' not in markup and 'class="footnote-ref"' not in markup:
        return markup
    return _MARKER.sub("", markup)


def without_explanations(markup: str) -> str | None:
    """`markup` without the glossary's explanations, or None if it has none."""
    if 'class="glossary-explanation"' not in markup:
        return None
    plain = _EXPLANATION.sub("", markup)
    return plain if plain != markup else None
