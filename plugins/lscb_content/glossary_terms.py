"""The site's glossary as terms: read once per build from the glossary page.

The glossary page (slug `glossary`) is a Markdown definition list. Each term
(`<dt>`) becomes a Term with every form it is written in: "CAF (Common
Assessment Framework)" is used as "CAF" and as "Common Assessment
Framework"; "Designated doctor and designated nurse" also as each half;
plurals count ("children" for "child"); names and abbreviations match only in
their own case. A definition line that starts "For children:" is the plain
explanation shown on the pages for children and young people; a term without
one has no plain explanation (the definition is written for professionals).

Shared by the glossary markup (lscb_content.glossary_markup) and the jargon
check (READ002), so the two always agree on what a use of a term is and when
a page explains it.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag

GLOSSARY_SLUG = "glossary"

# A term, its attributes, and every definition line after it.
_ENTRY = re.compile(
    rf"<dt{NAME_END}({ATTRS})>(.*?){end_tag('dt')}\s*((?:<dd{NAME_END}{ATTRS}>.*?{end_tag('dd')}\s*)*)",
    re.DOTALL | FLAGS,
)
_DD = re.compile(r"<dd" + NAME_END + ATTRS + r">(.*?)" + end_tag("dd"), re.DOTALL | FLAGS)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_FOR_CHILDREN = re.compile(r"^for\s+children\s*:\s*", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")
_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"[\s\-‐]+")
_NEXT_WORD = re.compile(r"^[\s\"'‘“]*([A-Za-z])")
_SLUG = re.compile(r"[^a-z0-9]+")

# Explanations after the term, in the same sentence.
_AFTER = re.compile(
    r"""^\s*(?:
        [-–—:]\s                                   # MASH - a team...   MASH: a team...
      | ,?\s*(?:which|who|that)\s+(?:is|are|means?)\b
      | (?:is|are)\s+(?:when|where|what|how|a|an|the|someone|somebody|something|people|anyone)\b
      | (?:means?|meaning|is\s+short\s+for|stands\s+for|is\s+another\s+word\s+for)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_BRACKETS_AFTER = re.compile(r"^\s*\(([^()]*)\)")
# ... and before it: "a group of grown-ups called the MASH".
_BEFORE = re.compile(r"\b(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[\"'‘“]?$", re.IGNORECASE)
# ... or at the start of the next sentence: "This is a member of staff..."
_NEXT = re.compile(
    r"^\s*(?:(?:this|that|it|they|these|those|he|she)\s+(?:is|are|was|were|means?)\b"
    r"|(?:this|that|these)\s+(?:person|people|team|group|word|means?)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Term:
    name: str  # as the glossary writes it
    definition: str  # the start of its definition
    variants: tuple[str, ...]  # every form of the term
    plain: bool  # an ordinary word, not a name or an abbreviation
    anchor: str = ""  # the id of its <dt> on the glossary page
    abbreviation: str = ""  # "MASH" of "MASH (multi-agency safeguarding hub)"
    expansion: str = ""  # "multi-agency safeguarding hub"
    # Its "For children:" line; never the definition, which is written for
    # professionals (READ002 asks for an explanation when there is none).
    for_children: str = ""
    dt_start: int = -1  # where its <dt> starts in the glossary page's HTML


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    # First word of each form (lower case, with its plurals) -> the forms
    # starting with it, longest first, as (form, term index). A form's
    # pattern is compiled when a page first has its first word.
    starts: dict[str, tuple[tuple[str, int], ...]]
    # Any of those first words, as a whole word: found by the regular
    # expression engine, so the words of a page that start no term cost
    # nothing in Python.
    first_words: re.Pattern

    def find(self, text: str) -> Iterable[tuple[int, re.Match]]:
        """(term index, match) of each use in `text`, longest form first,
        without overlaps."""
        end = 0
        for word in self.first_words.finditer(text):
            if word.start() < end:
                continue
            for variant, index in self.starts.get(word.group(0).lower(), ()):
                second = _second_word(variant)
                if second and second not in text[word.start() : word.start() + len(variant) + 8].lower():
                    continue  # cheaper than compiling the form's pattern
                match = variant_pattern(variant).match(text, word.start())
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
    """ "CAF (Common Assessment Framework)" -> CAF, Common Assessment Framework;
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


def _abbreviation(name: str) -> tuple[str, str]:
    """("MASH", "multi-agency safeguarding hub") for a bracketed pair where
    one side is in capitals; ("", "") otherwise."""
    match = _BRACKETED.match(name)
    if not match:
        return "", ""
    first, second = match.group(1).strip(), match.group(2).strip()
    for short, long in ((first, second), (second, first)):
        if short.isupper() and " " not in short and len(short) < len(long):
            return short, long
    return "", ""


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
def variant_pattern(variant: str) -> re.Pattern:
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


def text_of(fragment: str) -> str:
    return " ".join(htmllib.unescape(_TAG.sub("", fragment)).split())


def _lower_start(text: str) -> str:
    """ "A team where..." -> "a team where..."; "MASH is..." stays."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _plain(explanation: str) -> str:
    return _lower_start(explanation.strip().rstrip(".").strip()) if explanation.strip() else ""


def _anchor(attributes: str, name: str, used: set[str]) -> str:
    found = _ID.search(attributes)
    if found:
        return next(value for value in found.groups() if value is not None)
    base = "term-" + (_SLUG.sub("-", name.lower()).strip("-") or "entry")
    anchor, number = base, 2
    while anchor in used:
        anchor, number = f"{base}-{number}", number + 1
    return anchor


@lru_cache(maxsize=4)
def compile_glossary(glossary_html: str) -> Glossary:
    terms: list[Term] = []
    starts: dict[str, list[tuple[str, int]]] = {}
    anchors: set[str] = set()
    for match in _ENTRY.finditer(glossary_html):
        name = text_of(match.group(2))
        variants = _variants(name) if name else []
        if not variants:
            continue
        index = len(terms)
        lines = [text_of(dd) for dd in _DD.findall(match.group(3) or "")]
        children = next((_FOR_CHILDREN.sub("", line) for line in lines if _FOR_CHILDREN.match(line)), "")
        full = next((line for line in lines if not _FOR_CHILDREN.match(line)), "")
        definition = " ".join(full.split()[:8]).rstrip(".,;:")
        abbreviation, expansion = _abbreviation(name)
        # "term-cdop" for "Child death overview panel (CDOP)": short, and
        # the same whichever way round the glossary writes the pair.
        anchor = _anchor(match.group(1), abbreviation or variants[0], anchors)
        anchors.add(anchor)
        terms.append(
            Term(
                name,
                definition,
                tuple(variants),
                plain=not any(_is_cased(variant) for variant in variants),
                anchor=anchor,
                abbreviation=abbreviation,
                expansion=expansion,
                for_children=_plain(children),
                dt_start=match.start(),
            )
        )
        for variant in variants:
            for key in _first_words(variant):
                starts.setdefault(key, []).append((variant, index))
    ordered = {key: tuple(sorted(forms, key=lambda form: -len(form[0]))) for key, forms in starts.items()}
    keys = _trie(sorted(ordered)) if ordered else "(?!)"
    return Glossary(tuple(terms), ordered, re.compile(rf"\b{keys}\b", re.IGNORECASE))


def _trie(words: list[str]) -> str:
    """One pattern for all `words`, sharing their beginnings ("chi(?:ld|ldren)"
    as "child(?:ren)?"), which the regular expression engine tries far faster
    than a list of alternatives."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    parts, optional = [], False
    for first, rests in sorted(branches.items()):
        if first == "":
            optional = True
        else:
            parts.append(re.escape(first) + _trie([rest for rest in rests]))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not optional else "(?:" + "|".join(parts) + ")"
    return body + "?" if optional else body


def _explained(term: Term, sentence: str, start: int, end: int, following: str) -> bool:
    after, before = sentence[end:], sentence[:start]
    brackets = _BRACKETS_AFTER.match(after)
    if brackets:
        inside = brackets.group(1).strip()
        # "designated safeguarding lead (DSL)" names the term again; it does not explain it.
        if not any(variant_pattern(variant).fullmatch(inside) for variant in term.variants):
            return True
    return bool(_AFTER.match(after) or _BEFORE.search(before) or _NEXT.match(following))


def is_name(term: Term, block: str, end: int, text: str) -> bool:
    """ "Safeguarding Children Board": a capitalised ordinary word followed
    by another capitalised word is part of a name."""
    if not term.plain or not text[:1].isupper():
        return False
    following = _NEXT_WORD.match(block[end:])
    return bool(following and following.group(1).isupper())


def uses(blocks: list[str], terms: Glossary) -> dict[int, list[Use]]:
    """Every use of every term in the text blocks of a page, by term index,
    each marked explained when its sentence or the next one explains it."""
    found: dict[int, list[Use]] = {}
    for number, block in enumerate(blocks):
        sentences = None
        for index, match in terms.find(block):
            term = terms.terms[index]
            if is_name(term, block, match.end(), match.group(0)):
                continue
            if sentences is None:
                sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(block)]
            s_start, s_end = next(((a, b) for a, b in sentences if a <= match.start() < b), (0, len(block)))
            explained = _explained(
                term, block[s_start:s_end], match.start() - s_start, match.end() - s_start, block[s_end:]
            )
            found.setdefault(index, []).append(Use(number, match.start(), match.group(0), explained))
    return found


def explained_near_first_use(found: list[Use]) -> bool:
    """Whether a term is explained where it is first used: in the block of
    its first use or the one after (the paragraph after a heading)."""
    first = found[0]
    return any(use.explained for use in found if use.block in (first.block, first.block + 1))
