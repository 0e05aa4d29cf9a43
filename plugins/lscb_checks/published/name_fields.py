"""A person's name given in labelled fields, read as one.

A record often gives a name in fields of its own: "First name: Zebedee"
over "Surname: Quinlan" (in lines or a list), both on one line ("First
name: Zebedee, Surname: Quinlan", "... | Surname: Quinlan") or in one
sentence ("First name Zebedee; surname Quinlan."), a table with its
headings down the first column ("| First name | Zebedee |" over "|
Surname | Quinlan |"), a description list (`<dt>First name</dt>
<dd>Zebedee</dd><dt>Surname</dt><dd>Quinlan</dd>`, whose terms and
descriptions the gate reads on lines of their own). A reader reads the
child's full name; read line by line, the detectors saw a forename alone
and a surname alone, and on a page that is not a review neither is
reported. published.name_columns joins a name given in columns; this joins
one given in fields, in any of these layouts:

* a line (not blank) of the shown text holds fields one after another,
  apart by a comma, a semicolon, a bar, a bullet or a full stop; a field
  is a label and its value after a colon or a spaced dash ("Surname –
  Quinlan"), a label with "name" in it and a value of up to three words
  starting with a capital ("surname Quinlan", "Her first name was Zebedee"), or a label
  alone, whose value is the next line (a `<dd>`): labels one after another
  with no value ("First name, surname", "Forename and surname", two
  `<dt>`) take the lines after the last, one each. A table row whose first
  cell is a label is a field whose other cells are values, one for each
  column (each column's forename is joined with the same column's surname);
* the labels are name_columns' words, read as it reads a heading
  (name_part: "First name", "Known as", "Surname", "Family name (at
  birth)"...), also with the words a sentence gives them ("The child's
  first name was", "Her surname is");
* a surname's field is joined with the nearest forename's field before it,
  however far up the page, or else after it ("Surname: Quinlan" over
  "First name: Zebedee"), with no other forename's or surname's field
  between; a field labelled Name or Child only before it, and at most
  eight lines (not blank) up. A middle name's field between is left out of
  the joined name, as in columns.

Each name so joined, "Zebedee Quinlan", is read as the page's text as shown
(published.files), beside the page's text as it is. A form's guide stays
quiet: its labels' values ("Required", "(withheld)", "The child's first
name") joined are no one's name, and the detectors judge them as any text.

Most pages have no surname's field, and the gate reads some 8 M characters
at 1,000 pages: a page is passed over at once unless a surname's word is
followed by "name" ("Surname", "Last name", "| Family name |") or a colon
follows a surname's label ("Last:", "SURNAME:"), where a field is (at most
40 characters after a line's start or a separator), and the field there is
a surname's. Only then is it read line by line. Not read so: a bare
"Last", a label in capitals or one with a look-alike letter of another
script in its "name", with no colon after it ("| LAST | QUINLAN |"); a
name in columns under such headings is joined all the same (name_columns).
"""

from __future__ import annotations

import re

from .name_columns import BEFORE_SURNAME, FORENAME, MIDDLE, SURNAME, SURNAME_WORDS, name_part

# How many lines (not blank) before a surname's field a field labelled Name
# or Child may be (these words label much else); a forename's may be any.
_NEAR = 8
# The most characters before a surname's word in its field (a list's
# marker, "| Child's ") and in a label; a value is a name's part, never longer.
_LONGEST_LABEL = 40
_LONGEST_VALUE = 60
# What may stand before a label at the start of a field: spaces, a list's
# or a quote's marker, a heading's hashes, emphasis.
_LEAD = re.compile(r"[\s>#*+•_|-]*")
_VALUE_DRESSING = "*_` \t.|"
# What stands between a label and its value.
_BETWEEN = re.compile(r":|\s[-–—]\s")
# What stands between two fields on one line or in one sentence ("First
# name: Zebedee, Surname: Quinlan", "... | Surname: ...", "...; surname
# Quinlan."), and where a field starts or ends (published text: no markup).
_SEPARATORS = ",;|•·."
_FIELD_END = re.compile(r"[\n,;|•·]|\.(?:\s|$)")
_FIELDS_APART = re.compile(r"\s*(?:[,;|•·]|\.(?=\s|$))\s*")
# One label naming two parts ("First name and surname", over a value each).
_AND = re.compile(r"\s+(?:and|&|then)\s+|\s*/\s*", re.IGNORECASE)
# Words around a label's that a sentence gives it: "Her first name was".
_SAID = re.compile(r"^(?:his|her|their|its)\s+|\s+(?:was|is|are|were)$", re.IGNORECASE)


def joined_name_fields(texts: list[str]) -> list[str]:
    """The names given in labelled fields in `texts` (a page's regions), each
    read whole ("Zebedee Quinlan"), in one text; [] when there are none."""
    found: list[str] = []
    for text in texts:
        if _has_surname_label(text):
            found.extend(_joined(text))
    return ["\n\n".join(dict.fromkeys(found))] if found else []


def _has_surname_label(text: str) -> bool:
    """Whether `text` has a surname's field. Only the places where one can
    be are looked at: each "name" after a surname's word ("Surname",
    "Family name", "| Last name |"), and each colon ("Last:", "SURNAME:"),
    each read as the field around it. Looking for a word or a character is
    fast; reading every line, or the whole text in lower case, is not."""
    at = text.find("name")
    while at >= 0:
        if text[max(0, at - 7) : at].lower().rstrip(" -").endswith(SURNAME_WORDS):
            start = _field_start(text, at)
            if start is not None:
                end = _FIELD_END.search(text, at, at + 2 * _LONGEST_VALUE)
                field = text[start : end.start() if end else at + 2 * _LONGEST_VALUE]
                if any(part == SURNAME for part, _values in _fields(field)):
                    return True
        at = text.find("name", at + 4)
    at = text.find(":")
    while at >= 0:
        start = _field_start(text, at)
        if start is not None and _part(text[start:at].strip(_VALUE_DRESSING)) == SURNAME:
            return True
        at = text.find(":", at + 1)
    return False


def _field_start(text: str, at: int) -> int | None:
    """Where the field holding `at` starts (after a line's start or a
    separator), or None when that is further back than a label is long."""
    lowest = max(0, at - _LONGEST_LABEL)
    start = max(text.rfind(mark, lowest, at) for mark in "\n" + _SEPARATORS) + 1
    return start if start > 0 or lowest == 0 else None


def _part(label: str) -> str:
    """The part of a name `label` names, as name_columns reads a heading,
    also in a sentence's words ("Her first name was")."""
    if len(label) > _LONGEST_LABEL + 10:
        return ""
    return name_part(_SAID.sub("", label.strip(_VALUE_DRESSING)))


def _line_fields(line: str) -> list[tuple[str, list[str]]]:
    """A line's fields, each (the part of a name its label names, its
    values): a table row whose first cell is a label and whose other cells
    are values (one for each column), or the fields one after another on
    the line. A table's heading row (name_columns' columns) is none."""
    if line.startswith("|"):
        cells = (line[1:-1] if line.endswith("|") else line[1:]).split("|")
        part = _part(cells[0])
        if part:
            if any(_part(cell) for cell in cells[1:]):
                return []
            return [(part, cells[1:])]
        pieces = cells
    else:
        pieces = _FIELDS_APART.split(line)
    return [field for piece in pieces for field in _fields(piece)]


def _fields(piece: str) -> list[tuple[str, list[str]]]:
    """The field a piece of a line is, as (part, values), in a list: a label
    and its value after a colon or a spaced dash ("Surname – Quinlan"), a
    label alone (its value on the next line) or naming two parts ("First
    name and surname", their values on the next lines), or a label with
    "name" in it and a value of a few words in capitals ("surname Quinlan",
    "first name was Zebedee"); [] for any other."""
    piece = piece[_LEAD.match(piece).end() :].rstrip()
    between = _BETWEEN.search(piece, 0, _LONGEST_LABEL + 3)
    if between is not None and between.start() > 0:
        part = _part(piece[: between.start()])
        return [(part, [piece[between.end() :]])] if part else []
    if len(piece) > _LONGEST_LABEL + _LONGEST_VALUE:
        return []
    part = _part(piece)
    if part:
        return [(part, [])]
    labels = _AND.split(piece)
    if len(labels) > 1 and all(parts := [_part(label) for label in labels]):
        return [(part, []) for part in parts]
    words = piece.split()
    for count in range(len(words) - 1, max(0, len(words) - 4), -1):
        label, value = " ".join(words[:count]), " ".join(words[count:])
        if "name" in label.lower() and value[:1].isupper():
            part = _part(label)
            if part in (FORENAME, MIDDLE, SURNAME):
                return [(part, [value])]
    return []


def _value(value: str) -> str:
    value = value.strip(_VALUE_DRESSING)
    if len(value) > _LONGEST_VALUE or set(value) <= set("-: "):
        return ""
    return value


def _joined(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    fields: list[tuple[int, str, list[str]]] = []  # (line, part, values)
    for number, line in enumerate(lines):
        fields.extend((number, part, [_value(value) for value in values]) for part, values in _line_fields(line))
    _values_below(lines, fields)
    names: list[str] = []
    for index, (number, part, values) in enumerate(fields):
        if part != SURNAME:
            continue
        forename = _nearest(fields, range(index - 1, -1, -1), number)
        if forename is None:
            forename = _nearest(fields, range(index + 1, len(fields)), None)
        if forename is not None:
            pairs = zip(fields[forename][2], values)
            names.extend(f"{first} {last}" for first, last in pairs if first and last)
    return names


def _values_below(lines: list[str], fields: list[tuple[int, str, list[str]]]) -> None:
    """Give each label with no value the line below it, unless that is
    another field; labels one after another with no value ("First name,
    surname", two <dt>) the lines below the last, one each."""
    with_fields = {number for number, _part, _values in fields}
    index = 0
    while index < len(fields):
        run = index
        while run < len(fields) and not any(fields[run][2]):
            if run > index and fields[run][0] - fields[run - 1][0] > 1:
                break
            run += 1
        if run == index:
            index += 1
            continue
        below = fields[run - 1][0] + 1
        for _number, _part, values in fields[index:run]:
            if below >= len(lines) or below in with_fields or _BETWEEN.search(lines[below], 0, _LONGEST_LABEL + 3):
                break
            values[:] = [_value(lines[below])]
            below += 1
        index = run


def _nearest(fields: list[tuple[int, str, list[str]]], indexes: range, line: int | None) -> int | None:
    """The first of `indexes` whose field is a forename's, before another
    forename's or surname's; before a surname's on `line`, a Name's or a
    Child's too, if near it."""
    for index in indexes:
        number, part, _values = fields[index]
        if part == FORENAME:
            return index
        if part == BEFORE_SURNAME and line is not None and line - number <= _NEAR:
            return index
        if part == SURNAME:
            return None
    return None
