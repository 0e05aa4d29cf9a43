"""Details that together could single out a family ("jigsaw identification").

No single detail names anyone, but within one paragraph a reader can put
together an exact age, an exact date and a named place, or an ethnicity,
religion or disability and a small place ("Child B, in a small village").
Checked for every review: the Markdown (each header line, each paragraph,
each table row) and each paragraph of the text of its PDFs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.findings import Finding
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Severity, Waiver

from ..text.review_text import review_spans

_NUMBER = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
AGE = re.compile(
    rf"\baged?:?\s+{_NUMBER}\b(?!\s*(?:to|and|or|-|–)\s*(?:over|under|\d))"
    rf"|\b(?:at\s+)?the\s+age\s+of\s+{_NUMBER}\b"
    rf"|\b{_NUMBER}[- ](?:year|month|week)[- ]old\b"
    rf"|\b{_NUMBER}\s+(?:years?|months?|weeks?)\s+old\b"
    rf"|\bturned\s+{_NUMBER}\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
)
# A capitalised name straight after a preposition of place: "in Harbury",
# "near Little Crawford", "at Harbury Road Surgery".
_PLACE_AFTER = re.compile(
    r"\b(?:in|at|near|from|outside|around|into|towards|within|to)\s+"
    r"(?P<place>[A-Z][a-z’'-]+(?:\s+(?:[A-Z][a-z’'-]+|upon|on|under|le|by)){0,3})"
)
_STREET = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Street|Road|Lane|Avenue|Close|Drive|Crescent|Terrace|"
    r"Estate|Gardens|Grove|Village)\b"
)
SMALL_PLACE = re.compile(
    r"(?i:\b(?:small|tiny|remote|rural|isolated)\s+(?:village|hamlet|town|community|island|settlement)\b"
    r"|\bhamlets?\b|\bvillages?\b)"
    r"|\bon\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+[Ee]state\b|\b[A-Z][a-z]+\s+Estate\b"
)
_ETHNIC_RELIGION = (
    "Black",
    "Black British",
    "White British",
    "White Irish",
    "Asian",
    "British Asian",
    "Pakistani",
    "Bangladeshi",
    "Indian",
    "Chinese",
    "Polish",
    "Romanian",
    "Lithuanian",
    "Latvian",
    "Bulgarian",
    "Slovak",
    "Czech",
    "Somali",
    "Eritrean",
    "Ethiopian",
    "Sudanese",
    "Nigerian",
    "Ghanaian",
    "Congolese",
    "Zimbabwean",
    "Jamaican",
    "Caribbean",
    "African",
    "Arab",
    "Kurdish",
    "Afghan",
    "Syrian",
    "Iraqi",
    "Iranian",
    "Turkish",
    "Vietnamese",
    "Albanian",
    "Portuguese",
    "Gypsy",
    "Roma",
    "Romany",
    "Traveller",
    "Travellers",
    "Muslim",
    "Islamic",
    "Hindu",
    "Sikh",
    "Jewish",
    "Haredi",
    "Buddhist",
    "Catholic",
    "Christian",
    "Mormon",
    "Amish",
    "Rastafarian",
    "Pentecostal",
    "Quaker",
    "Jehovah's Witness",
    "Jehovah’s Witness",
)
# Matched in any case.
_DISABILITY_AND_MORE = (
    r"mosque|synagogue|gurdwara|mixed heritage|dual heritage|mixed race|mixed ethnicity|"
    r"ethnic minority|minority ethnic|"
    r"deaf|blind|autistic|autism|wheelchair|cerebral palsy|down'?s syndrome|down’s syndrome|"
    r"learning disabilit(?:y|ies)|disabled|disability|visually impaired|hearing impaired|ADHD|"
    r"epilep(?:sy|tic)|spina bifida|muscular dystrophy|sign language|BSL|cystic fibrosis|"
    r"rare (?:genetic )?(?:condition|syndrome|disease)|life-limiting condition"
)
SENSITIVE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(_ETHNIC_RELIGION, key=len, reverse=True))
    + r")\b|(?i:\b(?:"
    + _DISABILITY_AND_MORE.replace(" ", r"\s+")
    + r")\b)"
)
# Words without which AGE or SMALL_PLACE cannot match (a quick test first).
_AGE_WORDS = ("age", "old", "turned")
_SMALL_WORDS = ("villag", "hamlet", "estate", "town", "communit", "island", "settlement")
# Capitalised words after a preposition that are not places.
_NOT_PLACES = frozenset(
    """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter spring summer autumn winter
year key stage england wales scotland britain uk children's children services social care council
police court hospital school college nursery practice surgery health services mother father
mother's father's maternal paternal grandmother grandfather sibling child baby adult parent
partner carer the a an this that these those their his her our its english welsh
independent chair board review panel team unit department emergency accident
finding findings recommendation recommendations section appendix table figure part paragraph
chapter annex page working together
""".split()
)


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int  # line of its first character
    col: int
    in_source: bool  # False: a paragraph of an attachment, reported at the linking line
    where: object = ""  # a message part (Span.quoted_where) for an attachment


class JigsawIdentification(Rule):
    """Warns where one paragraph of a case review combines details that
    together could single out a family: an exact age, an exact date and a
    named place ("aged 7", "14 March 2023", "in Harbury"), or an ethnicity,
    religion or disability and a small place ("a small village", "a hamlet",
    "on the Oakfield estate").

    ## Why it matters
    Each detail alone is harmless; together they can point to one family in
    a small area, and to the child the review was written to protect. People
    who live nearby know who is seven, who is the only family of their faith
    in the village, and what happened on which day.

    ## Example
        Child B, aged 7, was taken to hospital from Little Crawford on 14 March 2023.

    ## Use instead
        Child B, a child of primary school age, was taken to hospital in spring 2023.

    ## Known limitations
    A warning, to make the editor and the second reader look again; it does
    not stop the build. It looks within one paragraph (one table row, one
    header line), so details spread over a page are not combined. Places are
    recognised by shape (a capitalised name after "in", "at", "near"...,
    or a street, estate or village), not from a gazetteer. Paragraphs of a
    PDF are estimated from its line layout.
    """

    code = "REV010"
    name = "jigsaw-identification"
    severity = Severity.WARNING
    waiver = Waiver.LINE


def area_names(settings) -> frozenset[str]:
    """Names of the board's own area, which place nobody: LSCB_AREA_NAMES, or
    the words of SITENAME before "Safeguarding" ("Northshire")."""
    names = settings.get("LSCB_AREA_NAMES")
    if names is None:
        sitename = str(settings.get("SITENAME", ""))
        names = [sitename.split(" Safeguarding")[0]] if " Safeguarding" in sitename else []
    words = set()
    for name in names:
        words.update(word.casefold() for word in str(name).split())
    return frozenset(words)


def _named_place(text: str, area: frozenset[str]) -> re.Match | None:
    for match in _PLACE_AFTER.finditer(text):
        words = [w.casefold().replace("’", "'") for w in match.group("place").split()]
        if any(
            w not in _NOT_PLACES and w not in area and w.removesuffix("'s") not in _NOT_PLACES
            for w in words
            if len(w) > 1
        ):
            return match
    return _STREET.search(text)


def findings_in(paragraph: Paragraph, area: frozenset[str]):
    """(index, message, short message, hint) of each risky combination in a
    paragraph; the short message leaves room to name an attachment's page."""
    text = paragraph.text
    lower = text.casefold()
    # Cheap tests first: most paragraphs have no date and no small place.
    date = DATE.search(text)
    age = AGE.search(text) if date and any(word in lower for word in _AGE_WORDS) else None
    if age:
        place = _named_place(text, area) or SMALL_PLACE.search(text)
        if place:
            yield (
                min(age.start(), date.start(), place.start()),
                "exact age, date and place together could identify the family",
                "age, date and place could identify the family",
                "generalise one, e.g. 'of primary school age' or 'in spring 2023'",
            )
            return
    small = SMALL_PLACE.search(text) if any(word in lower for word in _SMALL_WORDS) else None
    if small:
        sensitive = SENSITIVE.search(text)
        if sensitive:
            yield (
                min(sensitive.start(), small.start()),
                "ethnicity, faith or disability with a small place could identify",
                "a detail and a small place could identify",
                "leave out the detail or the place, e.g. 'in a rural part of the county'",
            )


def check(site) -> Iterable[Finding]:
    area = area_names(site.settings)
    for item in site.of_type(*REVIEW_TEXT_TYPES):
        yield from check_review(item, site, area)


def check_review(item, site, area) -> Iterable[Finding]:
    for paragraph in paragraphs(item, site):
        for index, message, short, hint in findings_in(paragraph, area):
            if paragraph.in_source:
                before = paragraph.text[:index]
                line = paragraph.line + before.count("\n")
                col = index - before.rfind("\n") if "\n" in before else paragraph.col + index
            else:
                line, col = paragraph.line, 1
                message = say("{short} ({where})", short=known(short), where=paragraph.where)
            yield JigsawIdentification.at(item.path, line, message, hint, col=col)


def paragraphs(item, site) -> list[Paragraph]:
    found = list(_source_paragraphs(item.source))
    for span in review_spans(item, site):
        if span.source is None and " page " in span.where:
            found.extend(Paragraph(text, span.line, 1, False, span.quoted_where) for text in pdf_paragraphs(span.text))
    return found


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _blank_comments(text: str) -> str:
    """Comments (waivers, notes) are not read as details; offsets are kept."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _source_paragraphs(source) -> Iterable[Paragraph]:
    lines = _blank_comments(source.text).splitlines()
    header_end = source.body_start - 1
    for number in range(1, min(header_end, len(lines)) + 1):
        if lines[number - 1].strip():
            yield Paragraph(lines[number - 1], number, 1, True)
    block: list[str] = []
    first = 0
    for number in range(header_end + 1, len(lines) + 2):
        line = lines[number - 1] if number <= len(lines) else ""
        if line.lstrip().startswith("|"):
            if block:
                yield Paragraph("\n".join(block), first, 1, True)
                block = []
            yield Paragraph(line, number, 1, True)
        elif line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield Paragraph("\n".join(block), first, 1, True)
            block = []


_PARAGRAPH_START = re.compile(r"^\s*(?:\d{1,3}\.\s|[-•*]\s)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*\s*$")


def pdf_paragraphs(text: str) -> list[str]:
    """A PDF page's text layer split into paragraphs: at blank lines, before a
    numbered or bulleted line, and after a short line that ends a sentence."""
    found: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        width = max(len(line.rstrip()) for line in lines)
        current: list[str] = []
        for line in lines:
            if current and _PARAGRAPH_START.match(line):
                found.append("\n".join(current))
                current = []
            current.append(line)
            if _SENTENCE_END.search(line) and len(line.rstrip()) < 0.8 * width:
                found.append("\n".join(current))
                current = []
        if current:
            found.append("\n".join(current))
    return found
