"""A person's name given in labelled fields, read as one.

A record often gives a name in fields of its own, one under the other:
"First name: Zebedee" over "Surname: Quinlan" (in lines or a list), a
table with its headings down the first column ("| First name | Zebedee |"
over "| Surname | Quinlan |"), a description list (`<dt>First name</dt>
<dd>Zebedee</dd><dt>Surname</dt><dd>Quinlan</dd>`, whose terms and
descriptions the gate reads on lines of their own). A reader reads the
child's full name; read line by line, the detectors saw a forename alone
and a surname alone, and on a page that is not a review neither is
reported. published.name_columns joins a name given in columns; this joins
one given in fields, in any of these layouts:

* a field is a line (not blank) of the shown text: a label and its value
  after a colon or a spaced dash ("First name: Zebedee", "Surname –
  Quinlan"), a table row whose first cell is the label and whose other
  cells are values, one for each column (each column's forename is joined
  with the same column's surname), or a label alone on its line, whose
  value is the next line (a `<dd>`);
* the labels are name_columns' words, read as it reads a heading
  (name_part: "First name", "Known as", "Surname", "Family name (at
  birth)"...);
* a surname's field is joined with the nearest forename's field at most
  eight lines (not blank) before it, or else after it ("Surname: Quinlan"
  over "First name: Zebedee"; Name and Child only before it), with no other
  surname's field between. A middle name's field between is left out of
  the joined name, as in columns.

Each name so joined, "Zebedee Quinlan", is read as the page's text as shown
(published.files), beside the page's text as it is.

Most pages have no surname's field, and the gate reads some 8 M characters
at 1,000 pages: a page is passed over at once unless a line starts with a
surname's label that has "name" in it ("Surname", "Last name", "| Family
name |") or is followed by a colon ("Last:", "SURNAME:"). Only then is it
read line by line. Not read so: a bare "Last", a label in capitals or one
with a look-alike letter of another script in its "name", with no colon
after it ("| LAST | QUINLAN |"); a name in columns under such headings is
joined all the same (name_columns).
"""

from __future__ import annotations

import re

from .name_columns import BEFORE_SURNAME, FORENAME, SURNAME, SURNAME_WORDS, name_part

# How many lines (not blank) a forename's field may be from a surname's.
_NEAR = 8
# The most characters before a surname's word on its line (a list's marker,
# "| Child's ") and in a label; a value is a name's part, never longer.
_LONGEST_LABEL = 40
_LONGEST_VALUE = 60
# What may stand before a label at the start of its line: spaces, a list's
# or a quote's marker, a heading's hashes, emphasis.
_LEAD = re.compile(r"[\s>#*+•_-]*")
_VALUE_DRESSING = "*_` \t"
# What stands between a label and its value on one line.
_BETWEEN = re.compile(r":|\s[-–—]\s")


def joined_name_fields(texts: list[str]) -> list[str]:
    """The names given in labelled fields in `texts` (a page's regions), each
    read whole ("Zebedee Quinlan"), in one text; [] when there are none."""
    found: list[str] = []
    for text in texts:
        if _has_surname_label(text):
            found.extend(_joined(text))
    return ["\n\n".join(dict.fromkeys(found))] if found else []


def _has_surname_label(text: str) -> bool:
    """Whether a line of `text` is a surname's field. Only the places where
    one can start are looked at: each "name" near the start of a line after
    a surname's word ("Surname", "Family name", "| Last name |"), and each
    colon near the start of a line ("Last:", "SURNAME:"). Looking for a word
    or a character is fast; reading every line, or the whole text in lower
    case, is not."""
    at = text.find("name")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if at - start <= _LONGEST_LABEL and text[max(start, at - 7) : at].lower().rstrip(" -").endswith(SURNAME_WORDS):
            if _surname_label(text, start):
                return True
        at = text.find("name", at + 4)
    at = text.find(":")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if at - start <= _LONGEST_LABEL and _surname_label(text, start):
            return True
        at = text.find(":", at + 1)
    return False


def _surname_label(text: str, start: int) -> bool:
    """Whether the line starting at `start` is a surname's field (a longer
    line is read in part: a label is short)."""
    end = text.find("\n", start, start + 2 * _LONGEST_VALUE)
    return name_part(_field(text[start : end if end >= 0 else start + 2 * _LONGEST_VALUE])[0]) == SURNAME


def _field(line: str) -> tuple[str, list[str]]:
    """A line's label and values: a table row's first cell and the others,
    what comes before and after a colon or a spaced dash, or the whole line
    and none."""
    line = line[_LEAD.match(line).end() :].rstrip() if not line.startswith("|") else line.strip()
    if line.startswith("|"):
        cells = (line[1:-1] if line.endswith("|") else line[1:]).split("|")
        return cells[0], cells[1:]
    between = _BETWEEN.search(line, 0, _LONGEST_LABEL + 3)
    if between is not None and between.start() > 0:
        return line[: between.start()], [line[between.end() :]]
    return line, []


def _value(value: str) -> str:
    value = value.strip(_VALUE_DRESSING)
    if len(value) > _LONGEST_VALUE or set(value) <= set("-: "):
        return ""
    return value


def _joined(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    fields = [_field(line) for line in lines]
    parts = [name_part(label) for label, _values in fields]

    def values(index: int) -> list[str]:
        found = [_value(value) for value in fields[index][1]]
        if any(found):
            return found
        # A label alone, or with nothing after its colon: the value is the
        # next line, unless that is another field.
        following = index + 1
        if following < len(lines) and not parts[following] and not fields[following][1]:
            return [_value(lines[following])]
        return []

    names: list[str] = []
    for index, part in enumerate(parts):
        if part != SURNAME:
            continue
        forename = _nearest(parts, range(index - 1, max(-1, index - 1 - _NEAR), -1), (FORENAME, BEFORE_SURNAME))
        if forename is None:
            forename = _nearest(parts, range(index + 1, min(len(parts), index + 1 + _NEAR)), (FORENAME,))
        if forename is not None:
            pairs = zip(values(forename), values(index))
            names.extend(f"{first} {last}" for first, last in pairs if first and last)
    return names


def _nearest(parts: list[str], indexes: range, wanted: tuple[str, ...]) -> int | None:
    """The first of `indexes` whose field is a forename's, before another surname's."""
    for index in indexes:
        if parts[index] in wanted:
            return index
        if parts[index] == SURNAME:
            return None
    return None
