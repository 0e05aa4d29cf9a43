"""A built table as the rows a reader reads: the rows of a Markdown table.

The final gate reads a page's text (published.markup); a `<table>` in it is
written as the rows of a Markdown table (`| Mother | F | 32 |`, the heading
row followed by `| --- |`), so that a cell's words never run into the next
cell's, and the checks that read rows (lscb_checks.text.rows: a date beside
a person and a sex is a date of birth) read the built table as the written
one. Each row has a cell for each column a reader sees in it:

* a cell that spans columns (colspan) is followed by an empty cell for each
  other column it spans;
* a cell that spans rows (rowspan) is written again, in its column, in each
  row below that it spans (within its row group: a `<thead>`'s cell does not
  reach into the `<tbody>`): "Quinlan" spanning two rows under "Surname" is
  the surname of both, and a row under a heading spanning two rows is read
  with it.

A table inside another table's cell is written first (the innermost
first), as its rows, on one line in that cell (`| / First name / Surname /
/ Zebedee / Quinlan / Zebedee Quinlan / | 2019 |`): read as a table of its
own, its name columns joined, and the outer table's rows kept whole (read
as one table, its cells were read into the outer table's rows, in the wrong
columns). Most tables hold none: a table is looked at again only when it
has another table's start tag inside it.

A table's name columns are then joined (published.name_columns).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag

from .name_columns import joined_name_columns

_ATTRS = f"({ATTRS})"
TABLE = re.compile(r"<table" + NAME_END + r".*?(?:" + end_tag("table") + r"|\Z)", re.DOTALL | FLAGS)
_TABLE_START = re.compile(r"<table" + NAME_END, FLAGS)
# A table's own tags, left out of a table written in another's cell.
_TABLE_TAG = re.compile(r"</?(?:table|thead|tbody|tfoot|caption|colgroup|col)" + NAME_END + _ATTRS + ">", FLAGS)
_BETWEEN_TAGS = re.compile(r">\s+<")
_HEAD = re.compile(r"<thead" + NAME_END + r".*?" + end_tag("thead"), re.DOTALL | FLAGS)
_HEADING_CELL = re.compile(r"<th" + NAME_END, FLAGS)
_CELL_START = re.compile(r"<t[hd]" + NAME_END + _ATTRS + ">", FLAGS)
_CELL = re.compile(
    r"(?P<start><t[hd]" + NAME_END + _ATTRS + r">)(?P<content>.*?)"
    r"(?=" + end_tag("t[hd]") + r"|</?t(?:[hd]|r|head|body|foot)" + NAME_END + "|" + end_tag("tr|table") + r"|\Z)"
    # Its end tag, which may be left out (`<td>Zebedee<td>Quinlan`): written
    # always, so that no cell runs into the next.
    r"(?:" + end_tag("t[hd]") + r")?",
    re.DOTALL | FLAGS,
)
_CELL_END = re.compile(end_tag("t[hd]"), FLAGS)
_CAPTION_END = re.compile(end_tag("caption"), FLAGS)
# A cell that spans columns or rows (its number as a browser reads it:
# spaces and a "+" before its digits, anything after them), and a "|" in a
# cell's text (which would read as the end of the cell in a row written
# `| a | b |`).
_COLSPAN = re.compile(r"""\scolspan\s*=\s*["']?\s*\+?(\d{1,3})""", re.IGNORECASE)
_ROWSPAN = re.compile(r"""\srowspan\s*=\s*["']?\s*\+?(\d{1,5})""", re.IGNORECASE)
_ROWSPAN_NAME = re.compile(r"\srowspan\s*=", re.IGNORECASE)
_PIPE = re.compile(r"\||&(?:#0*124|#[xX]0*7[cC]|vert|verbar|VerticalLine);")
_ROW_START = re.compile(r"<tr" + NAME_END + _ATTRS + ">", FLAGS)
_ROW_END = re.compile(end_tag("tr"), FLAGS)
# The row under a heading row (left out of a table written in a cell).
_SEPARATOR_ROW = re.compile(r"\|(?:\s*---\s*\|)+")
# Where a row group starts or ends: a cell spanning rows reaches no further.
_ROW_GROUP = re.compile(r"</?t(?:head|body|foot)" + NAME_END + "|" + end_tag("table"), FLAGS)
# The most rows a cell spans (a browser's limit); rowspan="0": to the end of its group.
_MOST_ROWS = 65534


def tables_as_rows(markup: str, on_one_line: Callable[[str], str]) -> str:
    """`markup` with each table written as rows (`| a | b |`) between blank
    lines. `on_one_line`: a cell's markup with its blocks and line breaks
    read as spaces."""
    nested = False

    def as_rows(match: re.Match) -> str:
        nonlocal nested
        nested = nested or _TABLE_START.search(match.group(0), 1) is not None
        return _table_as_rows(match, on_one_line)

    written = TABLE.sub(as_rows, markup)
    if not nested:
        return written
    return TABLE.sub(lambda match: _table_as_rows(match, on_one_line), _inner_tables(markup, on_one_line))


def _inner_tables(markup: str, on_one_line: Callable[[str], str]) -> str:
    """`markup` with each table inside another table's cell written as its
    rows, on one line in that cell: innermost first, so that each is read
    as a table of its own (its name columns joined) and the outer table's
    rows stay whole."""
    at = 0
    while (table := TABLE.search(markup, at)) is not None:
        inner = list(_TABLE_START.finditer(markup, table.start() + 1, table.end()))
        if not inner:
            at = table.end()
            continue
        innermost = TABLE.match(markup, inner[-1].start())
        rows = _TABLE_TAG.sub(" ", _table_as_rows(innermost, on_one_line)).split("\n")
        on_its_line = " ".join(row.strip() for row in rows if row.strip() and not _SEPARATOR_ROW.fullmatch(row.strip()))
        if _TABLE_START.search(on_its_line):  # a table's start tag never ended: read as it was
            return markup
        markup = markup[: innermost.start()] + on_its_line + markup[innermost.end() :]
        at = table.start()
    return markup


def _table_as_rows(match: re.Match, on_one_line: Callable[[str], str]) -> str:
    table = _CELL.sub(lambda cell: _cell_on_one_line(cell, on_one_line), _BETWEEN_TAGS.sub("><", match.group(0)))
    if len(_ROW_START.findall(table)) != len(_ROW_END.findall(table)):
        table = _rows_closed(table)
    if _ROWSPAN_NAME.search(table):
        table = _rows_spanned(table)
    table = _CAPTION_END.sub(lambda end: end.group(0) + "\n", table)  # the caption on a line of its own
    if _HEAD.search(table):
        table = _HEAD.sub(lambda head: head.group(0) + _separator(len(_HEADING_CELL.findall(head.group(0)))), table)
    else:
        first = _ROW_START.search(table)
        if first is not None:
            end = (_ROW_END.search(table, first.end()) or first).end()
            row = table[first.end() : end]
            cells = len(_CELL_START.findall(row))
            if cells and len(_HEADING_CELL.findall(row)) == cells:  # a first row of headings: the heading row
                table = table[:end] + _separator(cells) + table[end:]
            else:  # no heading row: an empty one, so the rows are still a table's
                table = (
                    table[: first.start()]
                    + "|"
                    + "  |" * max(1, cells)
                    + "\n"
                    + _separator(cells)
                    + table[first.start() :]
                )
    table = _ROW_END.sub("\n", _ROW_START.sub("| ", _CELL_END.sub(" | ", _CELL_START.sub("", table))))
    return "\n\n" + joined_name_columns(table) + "\n\n"


def _rows_closed(table: str) -> str:
    """`table` with an end tag for each row that leaves it out (`<tr><td>a
    <tr><td>b`), where a browser ends it: at the next row, or at the end of
    its group or of the table. Otherwise the rows run into one line."""
    starts = [row.start() for row in _ROW_START.finditer(table)]
    ends = []
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else len(table)
        group = _ROW_GROUP.search(table, start, following)
        boundary = group.start() if group else following
        if not _ROW_END.search(table, start, boundary):
            ends.append(boundary)
    for at in reversed(ends):
        table = table[:at] + "</tr>" + table[at:]
    return table


def _cell_on_one_line(cell: re.Match, on_one_line: Callable[[str], str]) -> str:
    """A cell whose text is in paragraphs or broken into lines (`<td><p>...`,
    as a word processor exports a table) on one line, as its row: otherwise
    each row of such a table is a block of its own, and a date of birth
    two rows under its heading is read without it."""
    start = cell.group("start")
    content = _PIPE.sub("/", on_one_line(cell.group("content")))
    span = _span(_COLSPAN, start)
    empty = min(int(span), 50) - 1 if span else 0  # the columns it spans, as empty cells
    rows = _span(_ROWSPAN, start)  # each spans the rows the cell spans
    return start + content + ("</td><td" + (f' rowspan="{rows}"' if rows else "") + ">") * max(0, empty) + "</td>"


def _span(pattern: re.Pattern, start: str) -> str | None:
    """The number of columns or rows a cell's start tag says it spans, its
    references decoded (`rowspan="&#50;"` is 2), or None."""
    found = pattern.search(html.unescape(start) if "&" in start else start)
    return found.group(1) if found else None


def _rows_spanned(table: str) -> str:
    """`table` (its cells on one line, a cell for each column it spans)
    with each cell that spans rows written again in the rows below it."""
    rows = list(_ROW_START.finditer(table))
    written = [table[: rows[0].start()]] if rows else [table]
    carried: dict[int, list] = {}  # column -> [rows below it still spans, the cell's text]
    for number, row in enumerate(rows):
        end = rows[number + 1].start() if number + 1 < len(rows) else len(table)
        segment = table[row.start() : end]
        spanning = set(carried)  # from the rows above: this row is one of theirs
        at, column = 0, 0
        for cell in _CELL_START.finditer(segment):
            while column in carried and column in spanning:
                written.append(segment[at : cell.start()] + _copy(carried, column))
                at, column = cell.start(), column + 1
            span = _span(_ROWSPAN, cell.group(0))
            if span and int(span) != 1:
                below = min(int(span) or _MOST_ROWS, _MOST_ROWS) - 1
                carried[column] = [below, _cell_text(segment, cell.end())]
            column += 1
        tail = [key for key in sorted(spanning) if key >= column]
        if tail:  # cells carried into the columns after this row's last
            stop = _row_end(segment, at)
            copies = []
            for key in tail:
                copies.append("<td></td>" * (key - column) + _copy(carried, key))
                column = key + 1
            written.append(segment[at:stop] + "".join(copies))
            at = stop
        written.append(segment[at:])
        for key in spanning:
            carried[key][0] -= 1
            if carried[key][0] <= 0:
                del carried[key]
        if _ROW_GROUP.search(segment):
            carried.clear()
    return "".join(written)


def _copy(carried: dict[int, list], column: int) -> str:
    return "<td>" + carried[column][1] + "</td>"


def _cell_text(segment: str, start: int) -> str:
    """A cell's text, from the end of its start tag to what ends it."""
    stop = len(segment)
    for pattern in (_CELL_END, _CELL_START, _ROW_END, _ROW_GROUP):
        found = pattern.search(segment, start, stop)
        if found is not None:
            stop = found.start()
    return segment[start:stop]


def _row_end(segment: str, start: int) -> int:
    """Where a row's cells end: its end tag, or a row group's, or the end."""
    stop = len(segment)
    for pattern in (_ROW_END, _ROW_GROUP):
        found = pattern.search(segment, start, stop)
        if found is not None:
            stop = found.start()
    return stop


def _separator(cells: int) -> str:
    return "| " + " | ".join(["---"] * max(1, cells)) + " |\n"
