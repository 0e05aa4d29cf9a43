"""A person's name given in two or three columns of a table, read as one.

A family's table often gives a name in columns of its own ("| First name |
Surname |" over "| Zebedee | Quinlan |"). A reader reads each row's cells
as the person's full name; read cell by cell, the detectors saw a forename
alone and a surname alone, and on a page that is not a review neither is
reported (red team round 11: the child's full name was published from a
guidance page). A built table, as the final gate reads it (the rows of a
Markdown table: published.markup), gets one more column in which each row's
forename and surname are written together, "Zebedee Quinlan", after the
cells as they are (which are still read: a cell may hold a whole name, and
joined to the next it may read as a building's, "Zebedee Quinlan House").
A middle name is left out of the joined name, as a reader who knows the
person leaves it out, and as the allowlist names public people.

The columns are found by their headings, with any emphasis, a colon, "(s)"
or whose they are taken off ("**Child's first name**", "Surname:"): a
forename's column (First name, Given name, Forename, Christian name, or
Name before a Surname column) and a surname's column (Surname, Last name,
Family name), next to each other in either order, with middle names' columns
between.
"""

from __future__ import annotations

import html
import re

_FORENAME = re.compile(r"(?:first|given|fore|christian)[ -]?names?|forenames?")
_MIDDLE = re.compile(r"(?:middle|other|second)[ -]?names?")
_SURNAME = re.compile(r"(?:sur|last|family)[ -]?names?|surnames?")
# What a heading may hold around its words: emphasis, a colon, "(s)", whose.
_TAG = re.compile(r"<[^<>]*>")
_DRESSING = re.compile(r"[*_`:]+|\(s\)|^\s*[\w'’ -]+?['’]s\s+(?=\S)", re.IGNORECASE)
# The tags of the table still written before its first row (<table><thead>).
_LEAD = re.compile(r"(?:<[^<>]*>)*")


def joined_name_columns(table: str) -> str:
    """`table` (rows of `| cell | cell |`, its heading row first, then the
    `| --- |` row) with a column of each row's joined name added."""
    lines = table.split("\n")
    rows = [(index, _LEAD.match(line).end()) for index, line in enumerate(lines)]
    rows = [(index, lead) for index, lead in rows if lines[index].startswith("|", lead)]
    if not rows:
        return table
    index, lead = rows[0]
    columns = _name_columns(_cells(lines[index][lead:]))
    if columns is None:
        return table
    forename, surname = columns
    for number, (index, lead) in enumerate(rows):
        line = lines[index]
        cells = _cells(line[lead:])
        if len(cells) <= max(forename, surname):
            continue
        if number == 1 and all(set(cell.strip()) <= set("-: ") for cell in cells):
            joined = "---"
        else:
            joined = " ".join(cells[column].strip() for column in (forename, surname) if cells[column].strip())
        lines[index] = line.rstrip() + f" {joined} |" + (" " if line.endswith(" ") else "")
    return "\n".join(lines)


def _cells(line: str) -> list[str]:
    inner = line.rstrip()
    return inner[1:-1].split("|") if inner.endswith("|") else inner[1:].split("|")


def _heading(cell: str) -> str:
    """A heading's words, without markup, emphasis, a colon, "(s)" or whose."""
    return " ".join(_DRESSING.sub(" ", html.unescape(_TAG.sub("", cell))).split()).lower()


def _name_columns(headings: list[str]) -> tuple[int, int] | None:
    """(forename's column, surname's column), or None."""
    names = [_heading(cell) for cell in headings]
    for start, name in enumerate(names):
        for first_kind, last_kind in ((_FORENAME, _SURNAME), (_SURNAME, _FORENAME)):
            if not (first_kind.fullmatch(name) or (first_kind is _FORENAME and name == "name")):
                continue
            end = start + 1
            while end < len(names) and _MIDDLE.fullmatch(names[end]):
                end += 1
            if end < len(names) and last_kind.fullmatch(names[end]):
                return (start, end) if first_kind is _FORENAME else (end, start)
    return None
