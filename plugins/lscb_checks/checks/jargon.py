"""Glossary words on the pages for children and young people.

The site's glossary (the page whose slug is `glossary`, a definition list)
says which words are safeguarding jargon. A page for children or young people
that uses one of them should say what it means where it is used: in the same
sentence ("a MASH is a team where...", "MASH (a team where...)", "MASH - a
team where..."), in the sentence after it ("This is..."), with the Markdown
abbreviation syntax (`*[MASH]: ...`, shown as <abbr title>), or by linking the
word to the glossary.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lscb_core.findings import Finding, Severity
from lscb_core.rules import Mode, Rule, Waiver

from .reading_age import block_starts, find_words

TYPES = ("children", "young-people")
GLOSSARY_SLUG = "glossary"
_CACHE = "READ002.glossary"

_ENTRY = re.compile(r"<dt\b[^>]*>(.*?)</dt>\s*(?:<dd\b[^>]*>(.*?)</dd>)?", re.DOTALL | re.IGNORECASE)
_ABBR = re.compile(r"<abbr\b[^>]*\btitle=[^>]*>(.*?)</abbr>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")
_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"[\s\-‐]+")
_NEXT_WORD = re.compile(r"^[\s\"'‘“]*([A-Za-z])")

# Explanations after the term, in the same sentence.
_AFTER = re.compile(
    r"""^\s*(?:
        [-–—:]\s                                   # MASH - a team...   MASH: a team...
      | ,?\s*(?:which|who|that)\s+(?:is|are|means?)\b
      | (?:is|are)\s+(?:when|where|what|how|a|an|the|someone|somebody|something|people|anyone)\b
      | (?:means?|meaning|is\s+short\s+for|stands\s+for|is\s+another\s+word\s+for)\b
    )""", re.VERBOSE | re.IGNORECASE)
_BRACKETS_AFTER = re.compile(r"^\s*\(([^()]*)\)")
# ... and before it: "a group of grown-ups called the MASH".
_BEFORE = re.compile(r"\b(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[\"'‘“]?$", re.IGNORECASE)
# ... or at the start of the next sentence: "This is a member of staff..."
_NEXT = re.compile(
    r"^\s*(?:(?:this|that|it|they|these|those|he|she)\s+(?:is|are|was|were|means?)\b"
    r"|(?:this|that|these)\s+(?:person|people|team|group|word|means?)\b)", re.IGNORECASE)


class JargonUnexplained(Rule):
    """Flags a word from the site's glossary used on a page for children or
    young people with no explanation nearby: not in the same sentence ("is
    when", "means", "is a", a dash or brackets right after it, "called"
    before it), not in the sentence after it ("This is..."), not marked as
    an abbreviation, not linked to the glossary, and not in the paragraph
    after a heading that uses it. Each word is reported once per page, where
    it is first used.

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
    the page explains the word in another way (a picture, a video), waive
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
    waiver = Waiver.LINE


@dataclass(frozen=True)
class Term:
    name: str  # as the glossary writes it
    definition: str  # the start of its definition
    variants: tuple[str, ...]  # every form of the term
    plain: bool  # an ordinary word, not a name or an abbreviation


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    # First word of each form (lower case, with its plurals) -> the forms
    # starting with it, longest first, as (form, term index). A form's
    # pattern is compiled when a page first has its first word.
    starts: dict[str, tuple[tuple[str, int], ...]]

    def find(self, text: str) -> Iterable[tuple[int, re.Match]]:
        """(term index, match) of each use in `text`, longest form first,
        without overlaps."""
        end = 0
        for word in _WORD.finditer(text):
            if word.start() < end:
                continue
            for variant, index in self.starts.get(word.group(0).lower(), ()):
                second = _second_word(variant)
                if second and second not in text[word.start():word.start() + len(variant) + 8].lower():
                    continue  # cheaper than compiling the form's pattern
                match = _variant_pattern(variant).match(text, word.start())
                if match:
                    end = match.end()
                    yield index, match
                    break


@dataclass
class Use:
    block: int
    start: int  # in the block's text
    text: str
    explained: bool


def _variants(name: str) -> list[str]:
    """"CAF (Common Assessment Framework)" -> CAF, Common Assessment Framework;
    "Designated doctor and designated nurse" -> also each of the two."""
    match = _BRACKETED.match(name)
    parts = [match.group(1), match.group(2)] if match else [name]
    found = []
    for part in parts:
        found.append(part)
        halves = part.split(" and ")
        if len(halves) == 2 and all(len(half.split()) >= 2 for half in halves):
            found.extend(halves)
    return [v.strip() for v in found if v.strip()]


def _is_cased(variant: str) -> bool:
    """A name or abbreviation ("MASH", "Working Together"): match its case."""
    return variant[1:] != variant[1:].lower()


def _words(variant: str) -> list[str]:
    return [word for word in _SPLIT.split(variant) if word]


@lru_cache(maxsize=2048)
def _second_word(variant: str) -> str:
    words = _words(variant)
    return words[1].lower() if len(words) > 1 else ""


@lru_cache(maxsize=2048)
def _variant_pattern(variant: str) -> re.Pattern:
    words = _words(variant)
    parts = [re.escape(word).replace("'", "['’]") for word in words]
    last = words[-1]
    if last.lower() == "child":
        parts[-1] += "(?:ren)?"
    elif last.isupper():
        parts[-1] += "(?:s|['’]s)?"
    else:
        parts[-1] += "(?:s|es)?"
    body = r"[\s\-‐]+".join(parts)
    flags = 0 if _is_cased(variant) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


def _first_words(variant: str) -> set[str]:
    """The lower-case first word of a form as text may write it."""
    words = _words(variant)
    first = _WORD.match(words[0])
    if first is None:
        return set()
    key = first.group(0).lower()
    keys = {key}
    if len(words) == 1 and first.end() == len(words[0]):
        keys |= {key + "s", key + "es"} | ({"children"} if key == "child" else set())
    return keys


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(_TAG.sub("", fragment)).split())


@lru_cache(maxsize=4)
def _compile(glossary_html: str) -> Glossary:
    terms: list[Term] = []
    starts: dict[str, list[tuple[str, int]]] = {}
    for match in _ENTRY.finditer(glossary_html):
        name = _text(match.group(1))
        variants = _variants(name) if name else []
        if not variants:
            continue
        index = len(terms)
        definition = " ".join(_text(match.group(2) or "").split()[:8]).rstrip(".,;:")
        terms.append(Term(name, definition, tuple(variants),
                          plain=not any(_is_cased(variant) for variant in variants)))
        for variant in variants:
            for key in _first_words(variant):
                starts.setdefault(key, []).append((variant, index))
    ordered = {key: tuple(sorted(forms, key=lambda form: -len(form[0]))) for key, forms in starts.items()}
    return Glossary(tuple(terms), ordered)


def glossary(site) -> Glossary | None:
    """The terms of the page whose slug is 'glossary', or None."""
    if _CACHE not in site.cache:
        page = next((item for item in site.items if getattr(item.obj, "slug", "") == GLOSSARY_SLUG), None)
        site.cache[_CACHE] = _compile(page.html) if page is not None else None
    found = site.cache[_CACHE]
    return found if found is not None and found.terms else None


def _explained(term: Term, sentence: str, start: int, end: int, following: str) -> bool:
    after, before = sentence[end:], sentence[:start]
    brackets = _BRACKETS_AFTER.match(after)
    if brackets:
        inside = brackets.group(1).strip()
        # "designated safeguarding lead (DSL)" names the term again; it does not explain it.
        if not any(_variant_pattern(variant).fullmatch(inside) for variant in term.variants):
            return True
    return bool(_AFTER.match(after) or _BEFORE.search(before) or _NEXT.match(following))


def _is_name(term: Term, block: str, end: int, text: str) -> bool:
    """"Safeguarding Children Board": a capitalised ordinary word followed
    by another capitalised word is part of a name."""
    if not term.plain or not text[:1].isupper():
        return False
    following = _NEXT_WORD.match(block[end:])
    return bool(following and following.group(1).isupper())


def uses(item, terms: Glossary) -> dict[int, list[Use]]:
    found: dict[int, list[Use]] = {}
    for number, block in enumerate(item.parsed.blocks):
        sentences = None
        for index, match in terms.find(block):
            term = terms.terms[index]
            if _is_name(term, block, match.end(), match.group(0)):
                continue
            if sentences is None:
                sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(block)]
            s_start, s_end = next(((a, b) for a, b in sentences if a <= match.start() < b), (0, len(block)))
            explained = _explained(term, block[s_start:s_end], match.start() - s_start,
                                   match.end() - s_start, block[s_end:])
            found.setdefault(index, []).append(Use(number, match.start(), match.group(0), explained))
    return found


def _explained_elsewhere(item, text: str) -> bool:
    """Marked as an abbreviation, or the text of a link to the glossary."""
    folded = text.casefold()
    if any(_text(a).casefold() == folded for a in _ABBR.findall(item.html)):
        return True
    return any(GLOSSARY_SLUG in link.href and folded in link.text.casefold() for link in item.parsed.links)


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
    items = [item for item in site.of_type(*TYPES)
             if (site.mode is Mode.DRAFT or item.state != "draft") and item.path.endswith((".md", ".markdown"))]
    if not items:
        return
    terms = glossary(site)
    if terms is None:
        return
    for item in items:
        starts = None
        for index, found in sorted(uses(item, terms).items(), key=lambda kv: kv[1][0].block):
            first = found[0]
            nearby = [use for use in found if use.block in (first.block, first.block + 1)]
            if any(use.explained for use in nearby):
                continue
            if any(_explained_elsewhere(item, use.text) for use in found):
                continue
            if starts is None:
                starts = block_starts(item.source, item.parsed.blocks)
            line, col = item.source.position(_offset(item, first, starts[first.block]))
            term = terms.terms[index]
            shown = first.text if len(first.text) <= 30 else first.text[:29] + "…"
            definition = term.definition
            if definition[1:2].islower():
                definition = definition[0].lower() + definition[1:]
            example = f" ({definition} ...)" if definition else " (...)"
            yield JargonUnexplained.at(
                item.path, line,
                f"'{shown}' is a glossary word with no explanation nearby",
                f"say what it means here, e.g. '{shown}{example}', or use everyday words",
                col=col, term=first.text)
