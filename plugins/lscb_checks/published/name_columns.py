"""A person's name given in two or three columns of a table, read as one.

A family's table often gives a name in columns of its own ("| First name |
Surname |" over "| Zebedee | Quinlan |"). A reader reads each row's cells
as the person's full name; read cell by cell, the detectors saw a forename
alone and a surname alone, and on a page that is not a review neither is
reported (red team round 11: the child's full name was published from a
guidance page). A built table, as the final gate reads it (the rows of a
Markdown table: published.table_rows, a cell spanning rows written in each
row it spans), gets one more column in which each row's forename and surname
are written together, "Zebedee Quinlan", after the cells as they are (which
are still read: a cell may hold a whole name, and joined to the next it may
read as a building's, "Zebedee Quinlan House"). A middle name is left out
of the joined name, as a reader who knows the person leaves it out, and as
the allowlist names public people.

The columns are found by their headings, read as the detectors read text
(an invisible character or a look-alike letter of another script in
"Surname" is no disguise), with any emphasis, a colon, a note in brackets
or whose they are taken off ("**Child's first name**", "Surname:", "First
name(s)", "Surname (if known)"):

* a forename's column: First name, Given name, Forename, Christian name,
  Preferred name (each also in the plural), First, Given, Known as; or
  Name, Child or Child name, which head many other columns too ("| Child |
  Age |"), only right before a surname's;
* a surname's column: Surname, Last name, Family name, Last;
* middle names' columns between them: Middle, Other or Second name(s) or
  initial(s), Middle, Initial(s).

A forename's column and a surname's are joined only next to each other, in
either order, or with middle names' columns between: a forename's column
alone is never joined with another. They are found in the table's first
row, or in any row below it (a heading spanning the columns may stand
above theirs, a table may give a second list under headings of its own),
and joined in each row under it, to the next row that heads name columns;
a table in a table's cell is read as a table of its own (table_rows). A row
below the first is read as headings only if a surname's word or anything a
disguise is written with (a letter not in ASCII, a reference) is in it. The same words name the parts of a name
given in labelled fields ("First name: Zebedee" over "Surname: Quinlan", a
transposed table, a description list): published.name_fields.
"""

from __future__ import annotations

import html
import re

from lscb_core.text.cleaned import clean

# The words that name a part of a person's name, as a table's heading or a
# field's label (published.name_fields reads the same words): a forename's,
# a middle name's and a surname's.
FORENAME, MIDDLE, SURNAME = "forename", "middle", "surname"
# A forename's only right before a surname's ("| Name | Surname |", "| Child
# | Family name |"): these words head many other columns ("| Child | Age |").
BEFORE_SURNAME = "before surname"
# A surname's words: one of these, then "name" ("Surname", "Family name"),
# or "Last" alone (name_fields looks for "name" after one of them).
SURNAME_WORDS = ("sur", "last", "family")
_PARTS = (
    (FORENAME, re.compile(r"(?:first|given|fore|christian|preferred)[ -]?names?|first|given|known as")),
    (BEFORE_SURNAME, re.compile(r"name|child|child[ -]?name")),
    (MIDDLE, re.compile(r"(?:middle|other|second)[ -]?(?:names?|initials?)|middle|initials?")),
    (SURNAME, re.compile("(?:" + "|".join(SURNAME_WORDS) + r")[ -]?names?|last")),
)
# What a heading may hold around its words: emphasis, a colon, a note in
# brackets ("(s)", "(if known)"), whose.
_TAG = re.compile(r"<[^<>]*>")
_DRESSING = re.compile(r"[*_`:]+|\([^()]{0,30}\)|^\s*[\w'’ -]+?['’]s\s+(?=\S)", re.IGNORECASE)
# The tags of the table still written before its first row (<table><thead>).
_LEAD = re.compile(r"(?:<[^<>]*>)*")


def joined_name_columns(table: str) -> str:
    """`table` (rows of `| cell | cell |`, its heading row first, then the
    `| --- |` row) with a column of each row's joined name added, in each
    row under a row that heads name columns (the first row, or any other:
    a heading spanning the columns may stand above it)."""
    lines = table.split("\n")
    rows = [(index, _LEAD.match(line).end()) for index, line in enumerate(lines)]
    rows = [(index, lead) for index, lead in rows if lines[index].startswith("|", lead)]
    columns, heading_row = None, -1
    for number, (index, lead) in enumerate(rows):
        line = lines[index]
        cells = _cells(line[lead:])
        if (number == 0 or _may_head(line)) and (heading := _name_columns(cells)) is not None:
            columns, heading_row = heading, number
        if columns is None or len(cells) <= max(columns):
            continue
        if number == heading_row + 1 and all(set(cell.strip()) <= set("-: ") for cell in cells):
            joined = "---"
        else:
            joined = " ".join(cells[column].strip() for column in columns if cells[column].strip())
        lines[index] = line.rstrip() + f" {joined} |" + (" " if line.endswith(" ") else "")
    return "\n".join(lines)


def _may_head(row: str) -> bool:
    """Whether a row below the first may head a surname's column: a
    surname's word in it (between tags too), or anything a disguise is
    written with (a letter not in ASCII, a reference). Reading each row's
    cells as headings is slower than looking for a word."""
    row = _TAG.sub("", row) if "<" in row else row
    return not row.isascii() or "&" in row or any(word in row.lower() for word in SURNAME_WORDS)


def _cells(line: str) -> list[str]:
    inner = line.rstrip()
    return inner[1:-1].split("|") if inner.endswith("|") else inner[1:].split("|")


def _heading(cell: str) -> str:
    """A heading's words, without markup, emphasis, a colon, a note in
    brackets or whose, read as the detectors read text (lscb_core.text.cleaned:
    "Sur\u200bname" and a look-alike letter of another script read "Surname")."""
    return " ".join(_DRESSING.sub(" ", clean(html.unescape(_TAG.sub("", cell))).text).split()).lower()


def name_part(label: str) -> str:
    """The part of a name a heading or a label names (FORENAME, BEFORE_SURNAME,
    MIDDLE, SURNAME), or ""."""
    if len(label) > 60:
        return ""
    words = _heading(label)
    for part, pattern in _PARTS:
        if pattern.fullmatch(words):
            return part
    return ""


def _name_columns(headings: list[str]) -> tuple[int, int] | None:
    """(forename's column, surname's column), or None."""
    parts = [name_part(cell) for cell in headings]
    for start, part in enumerate(parts):
        end = start + 1
        while end < len(parts) and parts[end] == MIDDLE:
            end += 1
        after = parts[end] if end < len(parts) else ""
        if part in (FORENAME, BEFORE_SURNAME) and after == SURNAME:
            return start, end
        if part == SURNAME and after == FORENAME:
            return end, start
    return None
