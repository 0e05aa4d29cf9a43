"""Every pseudonym a case review uses is declared in its `Pseudonyms` field.

A pseudonym has a shape: a kind of person or place, then one capital letter
or a number ("Child M", "Sibling 3", "Young Person A", "School B", "GP
Practice 1", "Baby P"). Every such name in everything the review publishes
(lscb_checks.text.review_text: the Markdown, file names, PDF text, image and
PDF metadata) must be in `Pseudonyms`. Names the review declares are matched
first, so a declared "Northfield Primary School A" covers its "School A".
Checked for every review, drafts included: the source is public.

What looks like a pseudonym but is the document's structure is not one: a
kind and a number never join across a blank line ("... Reviewing Officer",
then paragraph "7.4.1"), a paragraph number is not a label ("Child 7.4"),
the page number ending an entry of a contents list is not a label ("Voice of
the Child 14"), and the sex and age columns of a family-composition row are
not one either ("Mother F 32", "Father N/K").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content import schema
from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.findings import Finding
from lscb_core.pseudonyms import SHAPE
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.text.normalise import normalise

from ..text.review_text import review_spans
from .review_decision import header_value

# A line of a contents list: a title, then its page number at the end.
_CONTENTS_ENTRY = re.compile(
    r"^[ \t]*(?:[-*+>][ \t]+)?(?:\d+(?:\.\d+)*\.?[ \t]+)?"
    r"(?P<title>[^\W\d_][^\n]*?)[ \t](?P<page>\d{1,3})[ \t\r]*$",
    re.MULTILINE,
)
# After the kind of a family member, the sex then the age: "Mother F 32",
# "Sibling M N/K" (a family-composition row as a PDF's text gives it).
_SEX_THEN_AGE = re.compile(r"[ \t]+(?:\d{1,3}(?![\w/.:-])|N/?[KA]\b)")
# Family members whose kind, alone, is a role: "Mother F 32" is Mother, female, 32.
FAMILY_ROLES = frozenset(
    normalise(kind)
    for kind in """
Parent Mother Father Stepfather Stepmother Carer Grandmother Grandfather Grandparent Uncle Aunt
Cousin Partner Boyfriend Girlfriend Sibling Brother Sister Twin Half-Sibling Step-Sibling
""".split()
)
# Header fields that list or quote names rather than use them.
_LISTING_FIELDS = ("pseudonyms", "waive")


class PseudonymsMissing(Rule):
    """Flags a case review without a `Pseudonyms` field listing the
    pseudonyms and roles it uses.

    ## Why it matters
    The list is the review's record that every person and place in it has
    been anonymised. The second reader checks the text against it, and the
    build checks that every pseudonym used is on it.

    ## Example
    A review that mentions Child L, Mother and School A with no
    `Pseudonyms` line.

    ## Use instead
        Pseudonyms: Child L, Mother, Father, Sibling 1, School A

    ## Known limitations
    The build cannot tell whether a listed pseudonym is really a pseudonym;
    one shaped like a person's full name is refused (REV013).
    """

    code = "REV007"
    name = "pseudonyms-missing"
    waiver = Waiver.NEVER


class PseudonymUndeclared(Rule):
    """Flags a pseudonym-shaped name in a case review ("Child M", "Sibling 3",
    "School B", "GP Practice 1") that is not listed in its `Pseudonyms`.
    Reported at each use, in the text, the file names, the PDF and the images'
    metadata.

    ## Why it matters
    A name that is not on the list was not anonymised on purpose: it may be
    left from another case, from an earlier draft, or be someone's real
    initial. Declaring it is the editor's statement that it was checked.

    ## Example
        Pseudonyms: Child L, Mother
        ...
        Child L and Child M went to School A.

    ## Use instead
        Pseudonyms: Child L, Child M, Mother, School A

    The structure of a report is not taken for pseudonyms: a kind and a
    label on either side of a blank line ("The Independent Reviewing
    Officer" as a heading, then paragraph "7.4.1"), a paragraph number
    ("Child 7.4"), the page number at the end of a line of a contents list
    (at least three lines in a row, each a title then a number, numbers
    never going down: "Voice of the Child 14", "Good Practice 15"), and the
    sex column of a family-composition row, F or M after a family role such
    as Mother, Father or Sibling (or a kind declared on its own) and before
    an age or N/K ("Mother F 32", "Sibling M N/K"). "N/K" and "N/A" are not
    labels ("Father N/K").

    ## Known limitations
    Only names of the usual shape (a kind such as Child, Sibling, Adult,
    School or GP Practice, then one capital letter or a number) are found.
    Roles such as "Mother" and real names are not: see the PII checks. A
    pseudonym written at the end of a contents-like line ("Visit by Worker
    3" between "Visit by Worker 2" and "Visit by Worker 4") is taken for a
    page number, and "Sibling M" before an age for a sibling's sex; their
    other uses are still reported.
    """

    code = "REV008"
    name = "pseudonym-undeclared"
    waiver = Waiver.APPROVED


def declared(item) -> list[str]:
    field = header_value(item, "Pseudonyms")
    if field is None:
        return []
    return [name.strip() for name in field.text.split(",") if name.strip()]


def _fold(name: str) -> str:
    return normalise(name)


def _skipped_lines(item) -> set[int]:
    """Lines of the header that list or quote names rather than use them
    (Pseudonyms, Waive), continuation lines included."""
    lines = item.source.lines
    skipped = set()
    for field in item.source.fields:
        if schema.squash(field.name) in _LISTING_FIELDS:
            skipped.add(field.line)
            after = field.line  # index of the next line
            while after < len(lines) and lines[after][:1].isspace() and lines[after].strip():
                after += 1
                skipped.add(after)
    return skipped


def _declared_pattern(names: list[str]) -> re.Pattern:
    """Declared names, longest first, as written in any case and spacing."""
    alternatives = (
        re.escape(name.replace("’", "'")).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True)
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _covered(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """Ranges of `text` taken by declared names."""
    return [m.span() for m in pattern.finditer(text.replace("’", "'"))]


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)


def _line_at(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def _page_number(text: str, match: re.Match) -> bool:
    """Whether the label is the page number of an entry of a contents list:
    the number ends a line that starts with other words, among at least
    three such lines in a row (no blank line) whose numbers never go down."""
    start, end = _line_at(text, match.start())
    entry = _CONTENTS_ENTRY.match(text, start, end)
    # Words of the title come before the kind: "- Sibling 2" alone is a name.
    if not entry or entry.start("page") != match.start("label") or entry.start("title") == match.start():
        return False
    lines = text.split("\n")
    number = text.count("\n", 0, start)
    run = [number]
    for step in (-1, 1):
        other = number + step
        while 0 <= other < len(lines) and _CONTENTS_ENTRY.match(lines[other]):
            run.append(other)
            other += step
    pages = [int(_CONTENTS_ENTRY.match(lines[index]).group("page")) for index in sorted(run)]
    return len(pages) >= 3 and pages == sorted(pages)


def _family_row(text: str, match: re.Match, wanted: set[str]) -> bool:
    """Whether the label is the sex column of a family-composition row
    ("Mother F 32", "Sibling M N/K"): F or M after a family role (or a
    kind declared alone), then an age."""
    kind = _fold(match.group("kind"))
    return (
        match.group("label") in ("F", "M")
        and (kind in FAMILY_ROLES or kind in wanted)
        and _SEX_THEN_AGE.match(text, match.end()) is not None
    )


def check(site) -> Iterable[Finding]:
    for item in site.of_type(*REVIEW_TEXT_TYPES):
        yield from check_review(item, site)


def check_review(item, site) -> Iterable[Finding]:
    names = declared(item)
    spans = review_spans(item, site)
    if not names:
        used = {match.group(0) for span in spans for match in SHAPE.finditer(span.text)}
        if item.type_key == "briefings" and not used and not item.metadata.get("review"):
            return  # a briefing on a theme, an audit's, that names nobody
        field = header_value(item, "Pseudonyms")
        yield PseudonymsMissing.at(
            item.path,
            field.line if field else 1,
            "Pseudonyms is missing: list every pseudonym and role used"
            if field is None
            else "Pseudonyms is empty: list every pseudonym and role used",
            say(
                "add 'Pseudonyms: ...' ({count} pseudonym-shaped {names} in the text)",
                count=len(used),
                names=known("names" if len(used) > 1 else "name"),
            )
            if used
            else "add e.g. 'Pseudonyms: Child L, Mother, Sibling 1, School A'",
            col=field.col if field else 1,
        )
        return
    wanted = {_fold(name) for name in names}
    skipped = _skipped_lines(item)
    pattern = _declared_pattern(names)
    reported: set[tuple[str, str]] = set()
    for span in spans:
        covered = None  # found only when a name is not declared as written
        for match in SHAPE.finditer(span.text):
            name = match.group(0)
            if _fold(name) in wanted:
                continue
            if covered is None:
                covered = _covered(span.text, pattern)
            if _inside(match.span(), covered):
                continue
            if _page_number(span.text, match) or _family_row(span.text, match, wanted):
                continue
            line, col = span.position(match.start())
            if span.source is not None and line in skipped:
                continue
            if span.where:
                if (span.where, _fold(name)) in reported:
                    continue  # an attachment's uses all point at the same line
                reported.add((span.where, _fold(name)))
            # A pseudonym-shaped name is printed in full (lscb_core.quote).
            yield PseudonymUndeclared.at(
                span.path,
                line,
                say("{name} is not listed in Pseudonyms in {where}", name=name, where=span.quoted_where)
                if span.where
                else say("{name} is not listed in Pseudonyms", name=name),
                "add it to Pseudonyms if it is a pseudonym; otherwise change it",
                col=col,
                term=name,
                inside=span.where if span.source is None else "",
            )
