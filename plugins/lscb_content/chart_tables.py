"""Find the tables of an annual report and read them as chart data.

The rendered body is scanned once with Python's HTMLParser: headings (for the
section a table is in) and tables (their cells, which cells are bold, and
where the table starts in the HTML, so the chart can be put right before it).
Each table is then matched to its lines in the Markdown source, for the
editor's `<!-- chart -->` or `<!-- no chart -->` marker and for the line a
finding names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lscb_core.quote import Message, known, say


@dataclass
class Cell:
    text: str
    bold: bool  # all of its text is bold (a total row's label)


@dataclass
class HtmlTable:
    start: int  # offset in the HTML where the chart goes (the table's wrapper)
    headings: list[str]  # the headings it sits under, outermost first
    header: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class SourceTable:
    line: int  # line of the header row, from 1
    header: list[str]
    rows: int
    marker: str | None  # "chart", "no chart" or None


@dataclass
class Bar:
    label: str
    value: float
    shown: str  # the amount as the table writes it, with £ when it is money


class _Scanner(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.tables: list[HtmlTable] = []
        self._headings: list[tuple[int, str]] = []  # (level, text) stack
        self._heading: tuple[int, list[str]] | None = None
        self._wrapper: int | None = None  # offset of an open div.table-scroll
        self._table: HtmlTable | None = None
        self._depth = 0  # table nesting
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._cell_bold: list[str] = []
        self._strong = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        elif tag == "div" and "table-scroll" in (attrs.get("class") or "").split():
            self._wrapper = self._offset()
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                start = self._wrapper if self._wrapper is not None else self._offset()
                self._table = HtmlTable(start, [text for _, text in self._headings])
        elif self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th") and self._row is not None:
            self._cell, self._cell_bold = [], []
        elif tag in ("strong", "b"):
            self._strong += 1

    def handle_endtag(self, tag):
        if self._heading is not None and tag == f"h{self._heading[0]}":
            level, parts = self._heading
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
            self._headings.append((level, " ".join("".join(parts).split())))
            self._heading = None
        elif tag == "div":
            self._wrapper = None
        elif tag == "table":
            if self._depth == 1 and self._table is not None:
                self.tables.append(self._table)
                self._table = None
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            bold = " ".join("".join(self._cell_bold).split())
            self._row.append(Cell(text, bool(text) and bold == text))
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            if self._table is not None:
                if not self._table.header and not self._table.rows:
                    self._table.header = [cell.text for cell in self._row]
                else:
                    self._table.rows.append(self._row)
            self._row = None
        elif tag in ("strong", "b"):
            self._strong = max(0, self._strong - 1)

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1].append(data)
        if self._cell is not None:
            self._cell.append(data)
            if self._strong:
                self._cell_bold.append(data)


def html_tables(html: str) -> list[HtmlTable]:
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.tables


_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_MARKER = re.compile(r"^<!--\s*(no[\s-]*chart|chart)\s*-->$", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^<!--.*-->$")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return re.split(r"(?<!\\)\|", line)


def comparable(text: str) -> str:
    """Cell text without Markdown emphasis and spacing, to match HTML to source."""
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).casefold()


def source_tables(lines: list[str], body_start: int) -> list[SourceTable]:
    """Markdown tables in the source (not in code blocks), in order."""
    found: list[SourceTable] = []
    fence: str | None = None
    index = max(0, body_start - 1)
    while index < len(lines):
        line = lines[index]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            index += 1
            continue
        if opening:
            fence = opening.group(1)
            index += 1
            continue
        if "|" in line and index + 1 < len(lines) and "-" in lines[index + 1] and _DELIMITER.match(lines[index + 1]):
            end = index + 2
            while end < len(lines) and lines[end].strip() and "|" in lines[end]:
                end += 1
            found.append(
                SourceTable(
                    index + 1,
                    [comparable(c) for c in _cells(line)],
                    end - index - 2,
                    _marker_above(lines, index, body_start),
                )
            )
            index = end
            continue
        index += 1
    return found


def _marker_above(lines: list[str], index: int, body_start: int) -> str | None:
    """The chart marker in the comments just above a table (blank lines between
    are allowed; any other line ends the search)."""
    above = index - 1
    while above >= body_start - 1:
        text = lines[above].strip()
        if text and not _COMMENT_LINE.match(text):
            return None
        match = _MARKER.match(text)
        if match:
            return "chart" if match.group(1).lower() == "chart" else "no chart"
        above -= 1
    return None


def match_sources(tables: list[HtmlTable], sources: list[SourceTable]) -> list[SourceTable | None]:
    """The source of each HTML table: the next unused Markdown table with the
    same header and number of rows (a table written in HTML has none)."""
    matched: list[SourceTable | None] = []
    position = 0
    for table in tables:
        header = [comparable(cell) for cell in table.header]
        for index in range(position, len(sources)):
            if sources[index].header == header and sources[index].rows == len(table.rows):
                matched.append(sources[index])
                position = index + 1
                break
        else:
            matched.append(None)
    return matched


# Amounts: 173,450  £1,200  12.5  1200  (a dash or nothing means no figure).
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_NEGATIVE = re.compile(r"^(?:[-−–]\s*£?\s*\d|\(\s*£?\s*\d.*\))")
_NIL = {"-", "–", "—", "−", "nil"}
_TOTAL = re.compile(r"^(?:sub)?total\b", re.IGNORECASE)


class NotChartable(Exception):
    """Why a table cannot be drawn, and which data row (from 0), if one."""

    def __init__(self, why: Message, hint: Message, row: int | None = None):
        super().__init__(str(why))
        self.why, self.hint, self.row = why, hint, row


def is_total(row: list[Cell]) -> bool:
    return bool(row) and (row[0].bold or bool(_TOTAL.match(row[0].text)))


def bars(table: HtmlTable) -> list[Bar]:
    """One bar per row, total rows left out; NotChartable says why not."""
    if len(table.header) != 2 or any(len(row) != 2 for row in table.rows):
        raise NotChartable(
            say("table has {count} columns, not 2", count=max([len(table.header)] + [len(r) for r in table.rows])),
            say("a chart needs one column of labels and one of amounts; or add <!-- no chart -->"),
        )
    money = "£" in table.header[1] or any("£" in row[1].text for row in table.rows)
    found: list[Bar] = []
    for number, row in enumerate(table.rows):
        if is_total(row):
            continue
        label, amount = row[0].text, row[1].text.replace("*", "").strip()
        if not label:
            raise NotChartable(
                say("row {row} has no label", row=number + 1),
                say("write what the amount is for in the first column"),
                number,
            )
        if _NEGATIVE.match(amount):
            raise NotChartable(
                say("'{amount}' is negative: bars cannot show it", amount=_short(amount)),
                say("leave the figures in the table and add <!-- no chart --> above it"),
                number,
            )
        bare = amount.replace("£", "").replace(" ", "")
        if not amount:
            raise NotChartable(
                say("row {row} has no amount", row=number + 1),
                say("write the amount, or 0 or - when there is none"),
                number,
            )
        if bare.casefold() in _NIL:
            value, shown = 0.0, "£0" if money else "0"
        elif _NUMBER.match(bare):
            value = float(bare.replace(",", ""))
            shown = ("£" + bare) if money else bare
        else:
            raise NotChartable(
                say("'{amount}' is not an amount", amount=_short(amount)),
                say("write amounts as numbers, e.g. 1,200 or £1,200; or add <!-- no chart -->"),
                number,
            )
        found.append(Bar(label, value, shown))
    if len(found) < 2:
        raise NotChartable(
            say(
                "{count} {rows} to draw: a chart needs 2 or more",
                count=len(found),
                rows=known("row" if len(found) == 1 else "rows"),
            ),
            say("a chart of one figure adds nothing: add <!-- no chart --> above the table"),
        )
    if not any(bar.value for bar in found):
        raise NotChartable(
            say("every amount is 0: there is nothing to draw"),
            say("check the amounts, or add <!-- no chart --> above the table"),
        )
    return found


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:19] + "…"
