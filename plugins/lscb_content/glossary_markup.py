"""Link the first use of each glossary term on every page to its entry.

Runs once per build, after every file is read and before the publication
checks: the glossary page (slug `glossary`) is compiled once into terms
(lscb_content.glossary_terms), each of its entries gets an id on its `<dt>`
(`id="term-mash"`), and every other page's body is scanned once. The first
use of each term outside headings, links, abbreviations, code, footnotes and
charts becomes a link to its entry:

    <a class="glossary-term" href="{filename}/pages/glossary.md#term-mash"
       aria-label="MASH: multi-agency safeguarding hub, in the glossary"><abbr
       title="multi-agency safeguarding hub">MASH</abbr></a>

An ordinary word is a plain link (`aria-label="neglect, in the glossary"`).
On the pages for children and young people, the term's plain explanation
follows it in brackets, unless the page already explains the word where it
is first used (the same test as READ002) or the glossary has no plain
explanation for it (then READ002 asks the editor for one).

A use written exactly as the text of a link the page already has (the
editor's `[referral](making-a-referral.md)`) is not linked: two links with
the same words going to different places confuse a reader who follows
links by their words (WCAG 2.4.4; A11Y012 reports the ones editors write).
A later use written differently ("referrals") may be linked instead.

Only the text between tags is changed, and only where a term is found;
tags, attributes, comments and entities elsewhere are left exactly as they
were.
"""

from __future__ import annotations

import html as htmllib
import re

from pelican.generators import PagesGenerator

from lscb_core.articles import content_objects
from lscb_core.content_item import body, replace_body
from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag
from lscb_core.html_model import parse_html  # the same blocks READ002 reads

from .glossary_terms import GLOSSARY_SLUG, Glossary, Term, compile_glossary, explained_near_first_use, is_name, uses

CLASS = "glossary-term"
ABBR_CLASS = "glossary-term glossary-abbr"  # a dotted underline for an abbreviation
EXPLAINED_TYPES = ("children", "young-people")

# What is never linked, each matched whole: comments, headings, links,
# abbreviations, code, the footnotes and charts. None of these elements can
# contain another of its own kind, so the first end tag of its name closes it.
_SKIP = re.compile(
    r"<!--.*?-->"
    r"|<(a|abbr|code|pre|kbd|samp|script|style|template|textarea|button|select|label|svg|math|dfn|h[1-6])"
    + NAME_END
    + ATTRS
    + r">.*?</\1"
    + NAME_END
    + ATTRS
    + ">"
    r"|<div\b[^>]*\bclass\s*=\s*[\"'](?:[^\"']*\s)?footnote[\s\"']" + ATTRS + r">.*?</div\s*>"
    # An annual report's chart (lscb_content.chart_svg): a picture of the
    # table after it, whose cells are linked instead. It holds no figure.
    r"|<figure\b[^>]*\bclass\s*=\s*[\"'](?:[^\"']*\s)?chart[\s\"']" + ATTRS + r">.*?</figure\s*>",
    re.DOTALL | FLAGS,
)
# Splits what is left into text and tags: the odd pieces are tags.
_TAG = re.compile("(<" + ATTRS + ">)")
_LINK = re.compile(r"<a" + NAME_END + ATTRS + r">(.*?)" + end_tag("a"), re.DOTALL | FLAGS)


def link_words(text: str) -> str:
    """A link's text as compared with another's: spacing and capitals aside."""
    return " ".join(text.split()).casefold()


def link_texts(html: str) -> set[str]:
    """The words of every link already in `html` (tags inside left out)."""
    return {link_words(htmllib.unescape(_TAG.sub("", inner))) for inner in _LINK.findall(html)}


def glossary_page(generators):
    """The glossary page of the build, or None."""
    pages = [
        obj
        for generator in generators
        if isinstance(generator, PagesGenerator)
        for name in ("pages", "hidden_pages")
        for obj in getattr(generator, name, [])
    ]
    return next((obj for obj in pages if obj.slug == GLOSSARY_SLUG), None)


def add_glossary_links(generators) -> None:
    """Every content object of the build, marked up from the glossary page."""
    page = glossary_page(generators)
    if page is None or not body(page):
        return
    glossary = compile_glossary(body(page))
    if not glossary.terms:
        return
    replace_body(page, with_anchors(body(page), glossary))
    for obj, _list in content_objects(generators):
        mark_up_one(obj, page, glossary)


def mark_up_one(obj, page, glossary: Glossary) -> None:
    """One content object's body marked up from the glossary `page` (the
    preview re-reads one saved file and marks it up alone)."""
    if obj is page or getattr(obj, "slug", "") == GLOSSARY_SLUG or not body(obj):
        return
    content_type = getattr(obj, "content_type", None)
    if content_type is not None and content_type.key == "translations":
        return  # the glossary is in English: a translation explains its own words
    explain = content_type is not None and content_type.key in EXPLAINED_TYPES
    base = "{filename}/" + page.relative_source_path.replace("\\", "/")
    replace_body(obj, mark_up(body(obj), glossary, base, explain=explain))


def with_anchors(glossary_html: str, glossary: Glossary) -> str:
    """The glossary page with `id="term-..."` on each entry that has none."""
    parts, last = [], 0
    for term in glossary.terms:
        start = term.dt_start
        tag_end = glossary_html.index(">", start)
        if "id=" in glossary_html[start:tag_end].lower():
            continue
        parts += [glossary_html[last : start + 3], f' id="{term.anchor}"']
        last = start + 3
    parts.append(glossary_html[last:])
    return "".join(parts)


def explained_on_page(html: str, glossary: Glossary) -> set[int]:
    """Terms the page explains itself where it first uses them (READ002's test)."""
    return {
        index for index, found in uses(parse_html(html).blocks, glossary).items() if explained_near_first_use(found)
    }


def mark_up(html: str, glossary: Glossary, base: str, explain: bool = False) -> str:
    """`html` with the first use of each term linked to `base#anchor`, and,
    when `explain`, followed by its plain explanation."""
    if glossary.first_words.search(html) is None:
        return html
    # Explained by the page itself: linked, but not explained again. Found
    # only when the page uses a term that has a plain explanation.
    plain_done = _Lazy(lambda: explained_on_page(html, glossary))
    # The words of the page's own links: a use written the same is left alone.
    done: set[int] = set()
    taken = link_texts(html)
    out: list[str] = []
    changed = False
    position = 0
    for skipped in (*_SKIP.finditer(html), None):
        chunk = html[position : skipped.start() if skipped else len(html)]
        if chunk:
            pieces = _TAG.split(chunk)
            for number in range(0, len(pieces), 2):  # the text between tags
                if pieces[number]:
                    marked = _mark_text(pieces[number], glossary, base, explain, done, plain_done, taken)
                    if marked is not pieces[number]:
                        pieces[number], changed = marked, True
            chunk = "".join(pieces)
        out.append(chunk)
        if skipped:
            out.append(skipped.group(0))
            position = skipped.end()
    return "".join(out) if changed else html


class _Lazy:
    def __init__(self, compute):
        self._compute, self._value = compute, None

    @property
    def value(self):
        if self._value is None:
            self._value = self._compute()
        return self._value


def _mark_text(
    segment: str, glossary: Glossary, base: str, explain: bool, done: set[int], plain_done: _Lazy, taken: set[str]
) -> str:
    """One run of text between tags: its terms not yet linked on the page,
    linked. Returns `segment` itself when nothing changed."""
    text = htmllib.unescape(segment) if "&" in segment else segment
    pieces: list[str] = []
    last = 0
    for index, match in glossary.find(text):
        if index in done:
            continue
        term = glossary.terms[index]
        if is_name(term, text, match.end(), match.group(0)):
            continue
        if link_words(match.group(0)) in taken:
            continue  # the page links these words somewhere else already
        done.add(index)
        pieces += [
            htmllib.escape(text[last : match.start()], quote=False),
            _link(term, match.group(0), f"{base}#{term.anchor}"),
        ]
        if explain and term.for_children and index not in plain_done.value:
            pieces.append(
                f' <span class="glossary-explanation">({htmllib.escape(term.for_children, quote=False)})</span>'
            )
        last = match.end()
    if not pieces:
        return segment
    pieces.append(htmllib.escape(text[last:], quote=False))
    return "".join(pieces)


def _link(term: Term, written: str, href: str) -> str:
    shown = htmllib.escape(written, quote=False)
    if term.abbreviation and written.startswith(term.abbreviation):
        label = f"{written}: {term.expansion}, in the glossary"
        inner = f'<abbr title="{htmllib.escape(term.expansion)}">{shown}</abbr>'
        classes = ABBR_CLASS
    else:
        label = f"{written}, in the glossary"
        inner, classes = shown, CLASS
    return f'<a class="{classes}" href="{htmllib.escape(href)}" aria-label="{htmllib.escape(label)}">{inner}</a>'
