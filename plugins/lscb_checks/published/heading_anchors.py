"""The anchors of a translated page's headings, which say nothing the
heading does not.

The gate reads every id as an address (`#zebedee-quinlan`), capitalising
each word that is not an everyday English word, so that a name written in
an anchor is read as one. On a page in another language every word of a
heading's anchor is "not English": `#se-uma-crianca-estiver-em-perigo-agora`
read "Se Uma Criança Estiver..." and refused the Portuguese page as a full
name, as it did ordinary headings in Polish, Somali, Turkish, Lithuanian,
Welsh and most other languages (red team round 9). On a page whose <html
lang> is not English, the anchor of a heading that is its heading's words
(as Markdown writes them: markdown.extensions.toc.slugify) is not read as an address: its words are read in
the heading itself, with the capitals they are written with. An anchor that
is not its heading's words, and every anchor of an English page, still is.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from lscb_core.text.normalise import words

_HTML_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_SECOND = re.compile(r"_\d{1,3}$")
_HEADING = re.compile(r"<h([1-6])(\s+id\s*=\s*\"([^\"<>]*)\"\s*)>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)


def heading_anchors(markup: str, shown) -> set[str]:
    """The attributes (` id="..."`, as a tag writes them) of the headings
    whose anchor is their own words, on a page not in English; `shown` gives
    a heading's text as a browser shows it."""
    lang = _HTML_LANG.search(markup, 0, 4096)
    if lang is None or lang.group(1).lower() == "en":
        return set()
    found = set()
    for match in _HEADING.finditer(markup):
        anchor = _SECOND.sub("", match.group(3))  # a second heading of the same words: _1
        heading = shown(match.group(4))
        if words(anchor) and (words(anchor) == words(heading) or anchor == slugify(heading, "-")):
            found.add(match.group(2))
    return found
