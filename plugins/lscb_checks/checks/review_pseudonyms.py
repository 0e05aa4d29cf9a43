"""Every pseudonym a case review uses is declared in its `Pseudonyms` field.

A pseudonym has a shape: a kind of person or place, then one capital letter
or a number ("Child M", "Sibling 3", "Young Person A", "School B", "GP
Practice 1", "Baby P"). Every such name in everything the review publishes
(lscb_checks.text.review_text: the Markdown, file names, PDF text, image and
PDF metadata) must be in `Pseudonyms`. Names the review declares are matched
first, so a declared "Northfield Primary School A" covers its "School A".
Checked for every review, drafts included: the source is public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.mask import mask
from lscb_core.rules import Rule, Waiver

from .. import schema
from ..text.normalise import normalise
from ..text.review_text import review_spans
from .review_decision import header_value

# Kinds of person, household and organisation that reviews label with a
# letter or number. Longer kinds first, so "GP Practice 1" is one name.
KINDS = (
    "Young Person", "Young Woman", "Young Man", "Unborn Baby", "Half Sibling", "Half-Sibling",
    "Step-Sibling", "Foster Carer", "Kinship Carer", "Social Worker", "Family Support Worker",
    "Support Worker", "Youth Worker", "Police Officer", "Health Visitor", "School Nurse",
    "GP Practice", "Children's Centre", "Children’s Centre", "Primary School", "Secondary School",
    "Special School", "Children's Home", "Children’s Home", "Care Home", "Family Hub",
    "Child", "Baby", "Infant", "Sibling", "Brother", "Sister", "Twin", "Adult", "Parent", "Mother",
    "Father", "Stepfather", "Stepmother", "Carer", "Grandmother", "Grandfather", "Grandparent",
    "Uncle", "Aunt", "Cousin", "Partner", "Boyfriend", "Girlfriend", "Man", "Woman", "Male",
    "Female", "Person", "Family", "Household", "Neighbour", "Friend", "Perpetrator", "Victim",
    "Teacher", "Practitioner", "Professional", "Officer", "Worker", "Nurse", "Doctor", "GP",
    "School", "College", "Academy", "Nursery", "Practice", "Hospital", "Surgery", "Pharmacy",
    "Agency", "Provider", "Force", "Trust", "Address", "Property",
)
_KIND = "|".join(re.escape(kind).replace(r"\ ", r"\s+") for kind in sorted(KINDS, key=len, reverse=True))
# A kind, then a capital letter (optionally with digits: "R12") or a number,
# ending there: "Child A's" is Child A; "Child Abuse", "Hospital A&E" and
# "Hospital A and E" are not.
SHAPE = re.compile(rf"(?=[A-Z])(?<![\w’'-])(?:{_KIND})\s+(?:[A-Z]\d{{0,3}}|\d{{1,3}})(?![\w&-]|\s+and\s+E\b)")
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
    The build cannot tell whether a listed pseudonym is really a pseudonym.
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

    ## Known limitations
    Only names of the usual shape (a kind such as Child, Sibling, Adult,
    School or GP Practice, then one capital letter or a number) are found.
    Roles such as "Mother" and real names are not: see the PII checks.
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
    alternatives = (re.escape(name.replace("’", "'")).replace(r"\ ", r"\s+")
                    for name in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _covered(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """Ranges of `text` taken by declared names."""
    return [m.span() for m in pattern.finditer(text.replace("’", "'"))]


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)


def check(site) -> Iterable[Finding]:
    for item in site.of_type("reviews"):
        yield from check_review(item, site)


def check_review(item, site) -> Iterable[Finding]:
    names = declared(item)
    spans = review_spans(item, site)
    if not names:
        used = {match.group(0) for span in spans for match in SHAPE.finditer(span.text)}
        field = header_value(item, "Pseudonyms")
        yield PseudonymsMissing.at(
            item.path, field.line if field else 1,
            "Pseudonyms is missing: list every pseudonym and role used" if field is None
            else "Pseudonyms is empty: list every pseudonym and role used",
            f"add 'Pseudonyms: ...' ({len(used)} pseudonym-shaped name{'s' if len(used) > 1 else ''} in the text)"
            if used else "add e.g. 'Pseudonyms: Child L, Mother, Sibling 1, School A'",
            col=field.col if field else 1)
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
            line, col = span.position(match.start())
            if span.source is not None and line in skipped:
                continue
            if span.where:
                if (span.where, _fold(name)) in reported:
                    continue  # an attachment's uses all point at the same line
                reported.add((span.where, _fold(name)))
            where = f" in {span.where}" if span.where else ""
            yield PseudonymUndeclared.at(
                span.path, line, f"{mask(name)} is not listed in Pseudonyms{where}"[:79],
                "add it to Pseudonyms if it is a pseudonym; otherwise change it", col=col, term=name,
                inside=span.where if span.source is None else "")
