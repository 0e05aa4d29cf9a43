"""A person's name given in two or three columns of a table, read as one.

A family's table often gives a name in columns of its own ("| First name |
Surname |" over "| Zebedee | Quinlan |"). A reader reads each row's cells
as the person's full name; read cell by cell, the detectors saw a forename
alone and a surname alone, and on a page that is not a review neither is
reported (red team round 11: the child's full name was published from a
guidance page). A built table, as the final gate reads it (the rows of a
Markdown table: published.markup), has the cells of its name columns joined
into one in every row, its heading row too: "| First name Surname |" over
"| Zebedee Quinlan |". Only columns headed as parts of a name, next to each
other, a forename's column first and a surname's last, are joined.
"""

from __future__ import annotations

import re

_FORENAME = re.compile(r"(?i)(?:first|given|fore|christian)[ -]?names?|forenames?")
_MIDDLE = re.compile(r"(?i)(?:middle|other)[ -]?names?")
# The tags of the table still written before its first row (<table><thead>).
_LEAD = re.compile(r"(?:<[^<>]*>)*")
_SURNAME = re.compile(r"(?i)(?:sur|last|family)[ -]?names?|surnames?")


def joined_name_columns(table: str) -> str:
    """`table` (rows of `| cell | cell |`, its heading row first, then the
    `| --- |` row) with its name columns joined in every row."""
    lines = table.split("\n")
    rows = [(index, _LEAD.match(line).end()) for index, line in enumerate(lines)]
    rows = [(index, lead) for index, lead in rows if lines[index].startswith("|", lead)]
    if not rows:
        return table
    index, lead = rows[0]
    span = _name_columns(_cells(lines[index][lead:]))
    if span is None:
        return table
    first, last = span
    for index, lead in rows:
        line = lines[index]
        cells = _cells(line[lead:])
        if len(cells) <= last:
            continue
        joined = " ".join(cell.strip() for cell in cells[first : last + 1] if cell.strip())
        if joined and set(joined) <= set("- "):
            joined = "---"
        cells[first : last + 1] = [f" {joined} "]
        lines[index] = line[:lead] + "|" + "|".join(cells) + "|" + (" " if line.endswith(" ") else "")
    return "\n".join(lines)


def _cells(line: str) -> list[str]:
    inner = line.rstrip()
    return inner[1:-1].split("|") if inner.endswith("|") else inner[1:].split("|")


def _name_columns(headings: list[str]) -> tuple[int, int] | None:
    names = [heading.strip() for heading in headings]
    for first, name in enumerate(names):
        if not _FORENAME.fullmatch(name):
            continue
        last = first + 1
        while last < len(names) and _MIDDLE.fullmatch(names[last]):
            last += 1
        if last < len(names) and _SURNAME.fullmatch(names[last]):
            return first, last
    return None
