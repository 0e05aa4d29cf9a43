"""Reading age of the versions for children and young people.

The prose of each page (paragraphs and list items; not headings, tables or
footnotes; phone numbers, web and email addresses left out) is scored with
textstat. The formula is the READING_AGE_FORMULA setting; the default, the
Automated Readability Index, counts letters, words and sentences. textstat's
syllable-based formulas (Flesch-Kincaid, SMOG...) need a pronouncing
dictionary that textstat downloads from the internet the first time it is
used, which a build cannot rely on; without it textstat falls back to
hyphenation patterns that count "people", "about" and "every" as one
syllable and make text look a year or more easier than it is.

A UK reading age is the US school grade the formulas give plus 5.

The helpers here that turn rendered text back into a place in the Markdown
(`body_offset`, `find_words`, `block_starts`) are shared with the jargon check.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from functools import lru_cache

from lscb_core.findings import Finding, Severity
from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END
from lscb_core.quote import known, say
from lscb_core.rules import Mode, Rule, Waiver
from lscb_core.sources import SourceFile

from ..text.everyday import easy_words
from ..text.readability import textstat

# US school grade + 5 = UK reading age (a child in grade 4 is 9 to 10).
GRADE_TO_AGE = 5
DEFAULT_MAX = {"children": 9, "young-people": 12}
DEFAULT_FORMULA = "automated_readability_index"
# Formulas that give a US grade from letters, words and sentences only.
FORMULAS = {
    "automated_readability_index": textstat.automated_readability_index,
    "coleman_liau_index": textstat.coleman_liau_index,
}
# Below this many words a formula's score says little (a few long words
# swing it by years), so shorter pages are not scored.
MIN_WORDS = 30
AUDIENCE = {"children": "children's pages", "young-people": "young people's pages"}

_PHONE = re.compile(r"\+?\(?\d[\d ()-]{4,}\d")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_TOKEN = re.compile(r"\w+")
_VOWELS = re.compile(r"[aeiouy]+")
# Between two words of rendered text, the Markdown may have punctuation,
# emphasis, a link's target or an inline HTML tag.
_GAP = r"(?:[\W_]|\]\([^)]*\)|<[^>]*>)+"
_NOT_PROSE = re.compile(
    r"<(table|h[1-6]|pre|sup|script|style|dt)" + NAME_END + ATTRS + r">.*?</\1" + NAME_END + ATTRS + ">"
    r"|<div\b[^>]*\bclass=\"[^\"]*footnote[^\"]*\"[^>]*>.*?</div\s*>",
    re.DOTALL | FLAGS,
)
_BLOCK_BREAK = re.compile(
    r"<(?:/?(?:p|li|dd|ul|ol|dl|div|blockquote|figure|figcaption|section|aside)|br|hr)" + NAME_END + ATTRS + ">", FLAGS
)
_TAG = re.compile(r"<[^>]*>")
_SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "ly", "er", "est")


class ReadingAgeTooHigh(Rule):
    """Flags a page for children or young people whose reading age is above
    the limit set for its readers (READING_AGE_MAX in pelicanconf.py: 9 for
    children, 12 for young people in the demo). Only the prose is scored:
    paragraphs and list items, not headings, tables or phone numbers. The
    hint names the two longest sentences, with their lines, and the longest
    words of three or more syllables that are not everyday words. The
    sections' own front pages (content/children/index.md and
    content/young-people/index.md) are scored too, with their Summary, which
    is the first sentence the reader sees there.

    ## Why it matters
    A child who cannot read the page cannot use it to get help. Pages for
    children and young people are often read by someone who is worried,
    upset or reading in a hurry, which makes reading harder still.

    ## Example
    On a children's page: "Professionals from different organisations
    collaborate to ensure that concerns about children's welfare are
    communicated appropriately." (a reading age of about 29).

    ## Use instead
    "Grown-ups who help children talk to each other. They share what they
    know so they can help you." Use short sentences, one idea in each, and
    everyday words. If a page must keep a hard passage, waive the finding
    in the metadata with the reason:
    `Waive: READ001: the legal words are explained in the box on this page`.

    ## Known limitations
    A formula only counts: it measures the length of words and sentences,
    not whether the ideas are easy or the page makes sense. Short pages give
    less reliable scores, and a page with fewer than 30 words of prose is
    not scored at all. The default formula (Automated Readability Index,
    setting READING_AGE_FORMULA) counts letters, so a page with many long
    but familiar words ("grown-ups", "everyone") scores a little high; the
    other formula on offer, "coleman_liau_index", scores simple text higher
    still. Formulas that count syllables are not offered: textstat needs a
    pronouncing dictionary from the internet for them. Translations
    (content/translations/) are not scored: both formulas are for English,
    and the site has none for another language.
    """

    code = "READ001"
    name = "reading-age-too-high"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.FILE


# -- where rendered text is in the Markdown (shared with the jargon check)


def body_offset(source: SourceFile) -> int:
    """Character offset of the first line after the metadata header."""
    lines = source.text.splitlines(keepends=True)
    return sum(len(line) for line in lines[: source.body_start - 1])


def find_words(source: SourceFile, text: str, start: int, max_words: int = 6) -> re.Match | None:
    """The first place at or after `start` where the Markdown has the first
    words of `text`, whatever markup lies between them."""
    tokens = _TOKEN.findall(text)[:max_words]
    while tokens:
        match = _words_pattern(tuple(tokens)).search(source.text, start)
        if match:
            return match
        tokens = tokens[:-1] if len(tokens) > 2 else []
    return None


@lru_cache(maxsize=4096)
def _words_pattern(tokens: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)" + _GAP.join(re.escape(token) for token in tokens) + r"(?!\w)")


def block_starts(source: SourceFile, blocks: list[str]) -> list[int]:
    """Offset in the Markdown where each rendered block starts, in order."""
    cursor = body_offset(source)
    starts = []
    for block in blocks:
        match = find_words(source, block, cursor)
        if match:
            starts.append(match.start())
            cursor = match.end()
        else:
            starts.append(cursor)
    return starts


# -- the prose of a page


def prose_blocks(html: str) -> list[str]:
    """Text of each paragraph, list item and definition, in order; not
    headings, tables, code, superscripts (footnote numbers) or footnotes.
    The body is Markdown's own well-formed HTML, so patterns are enough (and
    several times quicker than parsing it again)."""
    blocks = []
    for part in _BLOCK_BREAK.split(_NOT_PROSE.sub(" ", html)):
        text = " ".join(htmllib.unescape(_TAG.sub("", part)).split())
        if text:
            blocks.append(text)
    return blocks


def scored_text(block: str) -> str:
    """A block as the formula reads it: no phone numbers or addresses, and
    ending a sentence (a list item without a full stop is still one)."""
    text = " ".join(_PHONE.sub(" ", _ADDRESS.sub(" ", block)).split())
    if text and text[-1] not in ".!?":
        text += "."
    return text


# -- scoring


def formulas(settings) -> list[str]:
    value = settings.get("READING_AGE_FORMULA", DEFAULT_FORMULA)
    names = [value] if isinstance(value, str) else list(value)
    unknown = [name for name in names if name not in FORMULAS]
    if not names or unknown:
        raise ValueError(
            f"READING_AGE_FORMULA must be one of {', '.join(sorted(FORMULAS))} or a list of them, not {value!r}"
        )
    return names


def reading_age(text: str, names: list[str]) -> float:
    """UK reading age of `text`: the mean US grade of the formulas, plus 5."""
    grade = sum(FORMULAS[name](text) for name in names) / len(names)
    return grade + GRADE_TO_AGE


def _is_everyday(word: str, depth: int = 0) -> bool:
    everyday = easy_words()  # the Dale-Chall words most children know
    if word in everyday:
        return True
    if "-" in word:
        return all(_is_everyday(part, depth) for part in word.split("-") if part)
    if depth < 2:
        for suffix in _SUFFIXES:
            stem = word[: -len(suffix)]
            if (
                word.endswith(suffix)
                and len(stem) >= 2
                and (
                    _is_everyday(stem, depth + 1)
                    or _is_everyday(stem + "e", depth + 1)
                    or (stem.endswith("i") and _is_everyday(stem[:-1] + "y", depth + 1))
                )
            ):
                return True
    return False


def _syllables(word: str) -> int:
    """A rough count, enough to rank words: groups of vowels, less a silent
    final e. (textstat's own count needs its pronouncing dictionary.)"""
    word = word.lower()
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        word = word[:-1]
    return max(1, len(_VOWELS.findall(word)))


def hard_words(sentences: list[str], limit: int = 3) -> list[str]:
    """Words of three or more syllables that are not everyday words, most
    syllables first. A word the page only ever writes with a capital letter
    is a name, and is left out."""
    found: dict[str, int] = {}
    lower: set[str] = set()
    for sentence in sentences:
        for match in _WORD.finditer(sentence.replace("’", "'")):
            word = match.group(0)
            key = word.lower()
            if word[0].islower():
                lower.add(key)
            if key not in found and _syllables(key) >= 3 and not _is_everyday(key):
                found[key] = len(found)
    words = [word for word in found if word in lower]
    return sorted(words, key=lambda word: (-_syllables(word), -len(word), found[word]))[:limit]


def limits(settings) -> dict[str, float]:
    value = settings.get("READING_AGE_MAX", DEFAULT_MAX)
    if not isinstance(value, dict) or not all(
        isinstance(age, (int, float)) and not isinstance(age, bool) for age in value.values()
    ):
        raise ValueError(f"READING_AGE_MAX must map folders to ages, e.g. {DEFAULT_MAX!r}, not {value!r}")
    return value


def check(site) -> Iterable[Finding]:
    maximum = limits(site.settings)
    names = formulas(site.settings)
    for item in site.of_type(*maximum):
        if site.mode is Mode.PUBLISH and item.state == "draft":
            continue  # not published
        blocks = [text for text in map(scored_text, prose_blocks(item.html)) if text]
        lead = _section_lede(item)
        text = " ".join([lead, *blocks] if lead else blocks)
        if textstat.lexicon_count(text) < MIN_WORDS:
            continue
        age = reading_age(text, names)
        limit = maximum[item.type_key]
        if age <= limit:
            continue
        yield ReadingAgeTooHigh.at(
            item.path,
            item.source.field_line("Title"),
            say(
                "reading age {age} is above {limit}, the limit for {audience}",
                age=known(f"{age:.1f}"),
                limit=limit,
                audience=known(AUDIENCE.get(item.type_key, item.type_key)),
            )
            if age <= _ADULT
            else say(
                "reading age is above {adult}; the limit for {audience} is {limit}",
                adult=_ADULT,
                limit=limit,
                audience=known(AUDIENCE.get(item.type_key, item.type_key)),
            ),
            _hint(item.source, blocks, item.type_key == "reviews", lead),
        )


def _section_lede(item) -> str:
    """A section's index page (content/children/index.md) shows its Summary
    as the listing page's opening sentence: it is read, so it is scored."""
    if not getattr(item.obj, "section_intro", False):
        return ""
    field = item.source.field("Summary")
    return scored_text(" ".join(field.value.split())) if field and field.value else ""


# Above this a reading age is no age a reader has (the formulas run on to
# 40 or more for long sentences of long words): it is said as "above 18".
_ADULT = 18


def _hint(source: SourceFile, blocks: list[str], review: bool, lead: str = ""):
    sentences: list[tuple[int, int, str]] = []  # (words, offset, text)
    if lead:  # a section index page's Summary, on its own line of the header
        offset = source.line_offset(source.field_line("Summary"))
        for match in _SENTENCE.finditer(lead):
            sentence = match.group(0).strip()
            words = textstat.lexicon_count(sentence)
            if words:
                sentences.append((words, offset, sentence))
    for block, start in zip(blocks, block_starts(source, blocks)):
        for match in _SENTENCE.finditer(block):
            sentence = match.group(0).strip()
            words = textstat.lexicon_count(sentence)
            if words:
                found = find_words(source, sentence, start)
                offset = found.start() if found else start
                sentences.append((words, offset, sentence))
    longest = sorted(sentences, key=lambda s: (-s[0], s[1]))[:2]
    parts = known(", ".join(f"line {source.position(offset)[0]} ({words} words)" for words, offset, _ in longest))
    words = hard_words([s for _, _, s in sentences])
    if not words:
        return say("shorten the longest sentences: {parts}", parts=parts)
    # Long words the page writes in lower case (never a name): a review's
    # are masked all the same, as everything quoted from a review is.
    quoted = ", ".join(f"'{w}'" for w in words)
    return say(
        "shorten the longest sentences: {parts}; use everyday words for {words}",
        parts=parts,
        words=quoted if review else known(quoted),
    )
