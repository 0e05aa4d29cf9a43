"""Rows of a text: Markdown table rows with their column headings, and lines.

Reviews print facts about people in rows: a family-composition table, a
list of who is who, a chronology, and a PDF's text layer gives each table
row as one line. A check that judges a value by the row it stands in (a
date beside a person and a sex is a date of birth; a row that starts with
a date is an event) reads the text as rows:

* a Markdown table (a row of cells between `|`, then a separator row such
  as `| --- | --- |`) gives one Row for its heading row and one per body
  row, each body cell with its column heading;
* every other line gives one Row with a single cell (a list marker or a
  paragraph number at its start left out) and no heading.

Offsets are those of the text given, so a finding maps back to its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SEPARATOR_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")
# A list marker or a paragraph number at the start of a line: "- ", "3. ", "(a) ".
_LINE_START = re.compile(r"[ \t>]*(?:[-*+•][ \t]+|\(?[0-9a-z]{1,3}[.)][ \t]+)?")


@dataclass(frozen=True)
class Cell:
    text: str  # stripped
    start: int  # offset of text[0] in the whole text
    heading: str = ""  # the column's heading, "" when none


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    in_table: bool  # a Markdown table row (else a line)
    start: int  # offset of the row's line
    end: int  # offset of the end of its line

    @property
    def text(self) -> str:
        return " | ".join(cell.text for cell in self.cells)


def _lines(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, line))
        start += len(line) + 1
    return found


def _cells(line: str, start: int, headings: list[str] | None = None) -> tuple[Cell, ...]:
    bounds = [-1, *(match.start() for match in _PIPE.finditer(line)), len(line)]
    pieces = [(bounds[index] + 1, bounds[index + 1]) for index in range(len(bounds) - 1)]
    # A leading or trailing pipe leaves an empty piece at the edge.
    if pieces and not line[pieces[0][0] : pieces[0][1]].strip():
        pieces = pieces[1:]
    if pieces and not line[pieces[-1][0] : pieces[-1][1]].strip():
        pieces = pieces[:-1]
    cells = []
    for column, (low, high) in enumerate(pieces):
        raw = line[low:high]
        text = raw.strip()
        offset = start + low + (len(raw) - len(raw.lstrip()))
        heading = headings[column] if headings and column < len(headings) else ""
        cells.append(Cell(text, offset, heading))
    return tuple(cells)


def rows(text: str) -> Iterator[Row]:
    """Every row of `text`: table rows with their headings, then other lines."""
    lines = _lines(text)
    index = 0
    while index < len(lines):
        start, line = lines[index]
        if (
            "|" in line
            and index + 1 < len(lines)
            and _SEPARATOR_ROW.match(lines[index + 1][1])
            and "-" in lines[index + 1][1]
        ):
            # The heading row is a row too: a table may start with its first person.
            heading_cells = _cells(line, start)
            yield Row(heading_cells, True, start, start + len(line))
            headings = [cell.text for cell in heading_cells]
            index += 2
            while index < len(lines) and "|" in lines[index][1] and lines[index][1].strip():
                row_start, row_line = lines[index]
                yield Row(_cells(row_line, row_start, headings), True, row_start, row_start + len(row_line))
                index += 1
            continue
        if line.strip():
            lead = _LINE_START.match(line).end()
            body = line[lead:].rstrip()
            yield Row((Cell(body, start + lead),), False, start, start + len(line))
        index += 1
