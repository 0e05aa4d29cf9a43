"""The shape of a pseudonym: a kind of person or place, then one capital
letter or a number ("Child M", "Sibling 3", "Young Person A", "School B",
"GP Practice 1", "Baby P").

A name of this shape is not an identifier, so messages may print it in full
(lscb_core.quote); the review checks use it to find pseudonyms that a review
does not declare (lscb_checks.checks.review_pseudonyms).
"""

from __future__ import annotations

import re

# Kinds of person, household and organisation that reviews label with a
# letter or number. Longer kinds first, so "GP Practice 1" is one name.
KINDS = (
    "Young Person",
    "Young Woman",
    "Young Man",
    "Unborn Baby",
    "Half Sibling",
    "Half-Sibling",
    "Step-Sibling",
    "Foster Carer",
    "Kinship Carer",
    "Social Worker",
    "Family Support Worker",
    "Support Worker",
    "Youth Worker",
    "Police Officer",
    "Health Visitor",
    "School Nurse",
    "GP Practice",
    "Children's Centre",
    "Children’s Centre",
    "Primary School",
    "Secondary School",
    "Special School",
    "Children's Home",
    "Children’s Home",
    "Care Home",
    "Family Hub",
    "Child",
    "Baby",
    "Infant",
    "Sibling",
    "Brother",
    "Sister",
    "Twin",
    "Adult",
    "Parent",
    "Mother",
    "Father",
    "Stepfather",
    "Stepmother",
    "Carer",
    "Grandmother",
    "Grandfather",
    "Grandparent",
    "Uncle",
    "Aunt",
    "Cousin",
    "Partner",
    "Boyfriend",
    "Girlfriend",
    "Man",
    "Woman",
    "Male",
    "Female",
    "Person",
    "Family",
    "Household",
    "Neighbour",
    "Friend",
    "Perpetrator",
    "Victim",
    "Teacher",
    "Practitioner",
    "Professional",
    "Officer",
    "Worker",
    "Nurse",
    "Doctor",
    "GP",
    "School",
    "College",
    "Academy",
    "Nursery",
    "Practice",
    "Hospital",
    "Surgery",
    "Pharmacy",
    "Agency",
    "Provider",
    "Force",
    "Trust",
    "Address",
    "Property",
)
# Spaces with at most one line break: never a blank line.
_GAP = r"(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)"
_KIND = "|".join(re.escape(kind).replace(r"\ ", _GAP) for kind in sorted(KINDS, key=len, reverse=True))
# A kind, then a capital letter (optionally with digits: "R12") or a number,
# ending there: "Child A's" is Child A; "Child Abuse", "Hospital A&E",
# "Hospital A and E", "Father N/K" and paragraph "7.4.1" are not.
SHAPE = re.compile(
    rf"(?=[A-Z])(?<![\w’'-])(?P<kind>{_KIND}){_GAP}(?P<label>[A-Z]\d{{0,3}}|\d{{1,3}})"
    r"(?![\w&-]|\s+and\s+E\b|/[A-Z]\b|\.\d)"
)


def declared_in(path: str) -> list[str]:
    """The names a Markdown file lists in its `Pseudonyms` field, or []."""
    from .sources import source_file

    if not str(path).endswith(".md"):
        return []
    try:
        field = source_file(str(path)).field("Pseudonyms")
    except (OSError, ValueError):
        return []
    return [name.strip() for name in field.value.split(",") if name.strip()] if field else []
