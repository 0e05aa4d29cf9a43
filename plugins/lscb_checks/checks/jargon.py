"""Glossary words on the pages for children and young people.

The site's glossary (the page whose slug is `glossary`, a definition list)
says which words are safeguarding jargon. A page for children or young people
that uses one of them should say what it means where it is used: in the same
sentence ("a MASH is a team where...", "MASH (a team where...)", "MASH - a
team where..."), in the sentence after it ("This is..."), with the Markdown
abbreviation syntax (`*[MASH]: ...`, shown as <abbr title>), or by linking the
word to the glossary. The glossary markup (lscb_content.glossary_markup) runs
first: the plain explanation it shows from the glossary's "For children:"
line is read as the page's own text; its links and abbreviations alone are
not an explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content.glossary_terms import (
    GLOSSARY_SLUG,
    Glossary,
    Use,
    compile_glossary,
    explained_near_first_use,
    text_of,
)
from lscb_content.glossary_terms import uses as _uses
from lscb_core.findings import Finding, Severity, cut_words
from lscb_core.html_grammar import FLAGS, NAME_END, end_tag
from lscb_core.quote import known, say
from lscb_core.rules import Mode, Rule, Waiver

from .reading_age import block_starts, find_words

TYPES = ("children", "young-people")
_CACHE = "READ002.glossary"

# (The name as lscb_core.html_grammar reads it; the attributes as Markdown
# writes them, with any ">" in a value escaped.)
_ABBR = re.compile(r"<abbr" + NAME_END + r"[^>]*\btitle=[^>]*>(.*?)" + end_tag("abbr"), re.DOTALL | FLAGS)
# The glossary markup's own links (lscb_content.glossary_markup): they link
# every first use, so they are not an explanation; the plain explanation
# they show on these pages is, and is read as the page's own text.
_MARKUP = re.compile(r"<a" + NAME_END + r"[^>]*\bclass=\"glossary-term[\" ][^>]*>.*?" + end_tag("a"), re.DOTALL | FLAGS)
MARKUP_CLASS = "glossary-term"


class JargonUnexplained(Rule):
    """Flags a word from the site's glossary used on a page for children or
    young people with no explanation nearby: not in the same sentence ("is
    when", "means", "is a", a dash or brackets right after it, "called"
    before it), not in the sentence after it ("This is..."), not marked as
    an abbreviation, not linked to the glossary by the editor, not given a
    plain explanation by a "For children:" line in the glossary, and not in
    the paragraph after a heading that uses it. Each word is reported once
    per page, where it is first used.

    ## Why it matters
    The words in the glossary are the ones professionals use and children do
    not: "strategy discussion", "MASH", "section 47". A child who meets one
    without an explanation may stop reading, or misunderstand what will
    happen to them.

    ## Example
    On a children's page: "The MASH will decide what happens next."

    ## Use instead
    "The MASH will decide what happens next. This is a team of people whose
    job is to keep children safe." Or leave the word out: "A team of people
    whose job is to keep children safe will decide what happens next." If
    the glossary has a "For children:" line for the word, the site shows it
    in brackets after the word on every children's and young people's page:

        MASH (multi-agency safeguarding hub)
        : A team where staff from different services work side by side.
        : For children: a team of people whose job is to keep children safe

    If the page explains the word in another way (a picture, a video), waive
    it for the page in the metadata, naming the word:
    `Waive: READ002 "MASH": explained in the video at the top of the page`.

    ## Known limitations
    Only words in the glossary are known, and the explanation is recognised
    by its wording, not understood: "Neglect is the main worry" counts as an
    explanation. A capitalised glossary word followed by another capitalised
    word is taken to be part of a name ("Safeguarding Children Board") and
    is not reported. The title and summary in the metadata are not checked.
    """

    code = "READ002"
    name = "jargon-unexplained"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.FILE


def glossary(site) -> Glossary | None:
    """The terms of the page whose slug is 'glossary', or None."""
    if _CACHE not in site.cache:
        page = next((item for item in site.items if getattr(item.obj, "slug", "") == GLOSSARY_SLUG), None)
        site.cache[_CACHE] = compile_glossary(page.html) if page is not None else None
    found = site.cache[_CACHE]
    return found if found is not None and found.terms else None


def uses(item, terms: Glossary) -> dict[int, list[Use]]:
    return _uses(item.parsed.blocks, terms)


def _explained_elsewhere(item, text: str) -> bool:
    """Marked as an abbreviation, or the text of a link to the glossary,
    by the editor (not by the glossary markup)."""
    folded = text.casefold()
    own = _MARKUP.sub("", item.html) if MARKUP_CLASS in item.html else item.html
    if any(text_of(a).casefold() == folded for a in _ABBR.findall(own)):
        return True
    return any(
        GLOSSARY_SLUG in link.href
        and folded in link.text.casefold()
        and MARKUP_CLASS not in (link.attrs.get("class") or "").split()
        for link in item.parsed.links
    )


def _offset(item, use: Use, block_start: int) -> int:
    """Where the use is in the Markdown: the same occurrence of its text,
    counting from the start of its block."""
    block = item.parsed.blocks[use.block]
    earlier = len(re.findall(rf"(?<!\w){re.escape(use.text)}(?!\w)", block[: use.start]))
    offset = block_start
    for _ in range(earlier):
        place = find_words(item.source, use.text, offset, max_words=12)
        if place is None:
            break
        offset = place.end()
    place = find_words(item.source, use.text, offset, max_words=12)
    return place.start() if place else block_start


def check(site) -> Iterable[Finding]:
    items = [item for item in site.of_type(*TYPES) if (site.mode is Mode.DRAFT or item.state != "draft")]
    if not items:
        return
    terms = glossary(site)
    if terms is None:
        return
    for item in items:
        starts = None
        for index, found in sorted(uses(item, terms).items(), key=lambda kv: kv[1][0].block):
            first = found[0]
            if explained_near_first_use(found):
                continue
            if any(_explained_elsewhere(item, use.text) for use in found):
                continue
            if starts is None:
                starts = block_starts(item.source, item.parsed.blocks)
            line, col = item.source.position(_offset(item, first, starts[first.block]))
            term = terms.terms[index]
            shown = cut_words(first.text, 30)
            definition = term.definition
            if definition[1:2].islower():
                definition = definition[0].lower() + definition[1:]
            example = f" ({definition} ...)" if definition else " (...)"
            yield JargonUnexplained.at(
                item.path,
                line,
                # A word of the glossary and its definition: the site's vocabulary.
                say("'{word}' is a glossary word with no explanation nearby", word=known(shown)),
                say(
                    "say what it means here, e.g. '{word}{example}', or use everyday words",
                    word=known(shown),
                    example=known(example),
                ),
                col=col,
                term=first.text,
            )
