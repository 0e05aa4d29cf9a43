"""Where a rendered element came from: its line and column in the Markdown.

Checks read the rendered HTML (Item.parsed, Page.references) but editors fix
the Markdown, so a finding names the line they wrote. Nothing here parses
HTML again, and the source is searched only when there is a finding to place.

* `Positions` (`link_positions`, `image_positions`...) finds where each link
  or image of a body is written, in order: the second link to the same file
  maps to the second place it is written, even when the first is fine.
* `heading_position` and `table_position` map the n-th heading or table.
* `PageBody` (lscb_checks.page_body) finds the item's body inside its
  built page, so that an output-stage check can tell a link the editor
  wrote (reported in the Markdown) from one the theme added (reported on
  the built page).
"""

from __future__ import annotations

import re

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END
from lscb_core.sources import SourceFile

# Links as Pelican sees them before resolving (`{filename}x.md`); editors
# wrote them without the prefix (lscb_content.markdown_ext adds it).
_INTRASITE = re.compile(r"^\{(?:filename|static|attach)\}")
# Python-Markdown reads `##Heading` (no space) as a heading too.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]*(.*?))?[ \t#]*$")
# The markers of a block quote before a line's text: `> `, `> > `.
_QUOTE_MARKERS = re.compile(r"^(?: {0,3}> ?)+")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RAW_HEADING = re.compile(r"<h([1-6])" + NAME_END + ATTRS + r">(.*?)(?:</h\1" + NAME_END + ATTRS + ">|$)", FLAGS)
_ATTR_LIST = re.compile(r"\s*\{:?[^{}]*\}\s*$")
# A line that an underline does not turn into a heading.
_NOT_SETEXT = re.compile(r"^\s*(?:[-*+>|<]|\d+[.)]\s|#)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_RAW_TABLE = re.compile(r"<table" + NAME_END, FLAGS)
_TAG = re.compile(r"<[^>]+>")


def written_href(href: str) -> str:
    """A link target as the editor wrote it: without Pelican's `{static}`."""
    return _INTRASITE.sub("", href)


def _body_offset(source: SourceFile) -> int:
    offset = 0
    for _ in range(source.body_start - 1):
        found = source.text.find("\n", offset)
        if found < 0:
            return len(source.text)
        offset = found + 1
    return offset


class Locator:
    """Successive occurrences of needles in one source file's body."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.start = _body_offset(source)
        self._cursor: dict[tuple[str, object], int] = {}
        self._link_cursor: dict[tuple[str, object], int] = {}

    def offset(self, *needles: str, stream: object = None) -> int | None:
        """Offset of the next unused occurrence of the first needle found.

        Each `stream` (links, images...) uses its own occurrences."""
        for needle in needles:
            if not needle:
                continue
            key = (needle, stream)
            found = self.source.text.find(needle, self._cursor.get(key, self.start))
            if found >= 0:
                self._cursor[key] = found + len(needle)
                return found
        return None

    def find(self, *needles: str) -> tuple[int, int]:
        """(line, col) of the next occurrence; the body's first line if none."""
        found = self.offset(*needles)
        return self.source.position(found) if found is not None else (self.source.body_start, 1)

    def link(self, href: str, text: str = "", image: bool | None = None) -> tuple[int, int]:
        """Where a link (or image) to `href` with visible `text` is written."""
        span = self.link_span(href, text, image)
        return self.source.position(span[0]) if span else (self.source.body_start, 1)

    def link_span(self, href: str, text: str = "", image: bool | None = None) -> tuple[int, int] | None:
        """(start, end) offsets of a link as written, or None if not found.

        `image` True or False skips Markdown images or links to the same
        target; `end` is just after the Markdown link's closing parenthesis
        when the link is written `[text](href)`, else just after what was
        found."""
        raw = href.strip()
        plain = written_href(raw)
        text_ = self.source.text
        # The ways a link to this target can be written; the earliest unused
        # one is this link.
        forms = {
            f"]({raw})",
            f"]({plain})",
            f"]({raw} ",
            f"]({plain} ",
            f"]({plain}\n",
            f"<{plain}>",
            f'"{raw}"',
            f'"{plain}"',
            f"'{raw}'",
            f"'{plain}'",
        }
        key = (plain, image)
        while True:
            cursor = self._link_cursor.get(key, self.start)
            found = [(at, form) for form in forms if (at := text_.find(form, cursor)) >= 0]
            if not found:
                break
            at, form = min(found)
            self._link_cursor[key] = at + 1
            span = self._span(form, at)
            if form.startswith("](") and image is not None and (text_[span[0]] == "!") != image:
                continue
            return span
        for needle in (f"[{text}]" if text else "", plain, text):
            at = self.offset(needle, stream=image)
            if at is not None:
                return self._span(needle, at)
        return None

    def _span(self, needle: str, start: int) -> tuple[int, int]:
        text = self.source.text
        end = start + len(needle)
        if needle.startswith("]("):
            if not needle.endswith(")"):
                close = text.find(")", end)
                if close >= 0 and "\n\n" not in text[end:close]:
                    end = close + 1
            # Point at the opening bracket (or the ! of an image).
            opening = text.rfind("[", max(self.start, text.rfind("\n\n", 0, start)), start)
            if opening >= 0:
                start = opening - 1 if opening and text[opening - 1] == "!" else opening
        return start, end


class Positions:
    """Where each of a body's links (or images) is written, found in order
    and only as far as needed: the n-th link to a file is matched with the
    n-th place the file is named, even when the earlier ones are fine."""

    def __init__(self, source: SourceFile, targets: list[tuple[str, str, bool | None]]):
        self.locator = Locator(source)
        self.targets = targets  # (href, visible text, image?)
        self._spans: list[tuple[int, int] | None] = []

    def span(self, index: int) -> tuple[int, int] | None:
        while len(self._spans) <= index:
            href, text, image = self.targets[len(self._spans)]
            self._spans.append(self.locator.link_span(href, text, image))
        return self._spans[index]

    def position(self, index: int) -> tuple[int, int]:
        span = self.span(index)
        source = self.locator.source
        return source.position(span[0]) if span else (source.body_start, 1)


def link_positions(item) -> Positions:
    return Positions(item.source, [(link.href, link.text, False) for link in item.parsed.links])


def image_positions(item) -> Positions:
    return Positions(
        item.source,
        [(image.attrs.get("src") or "", image.attrs.get("alt") or "", True) for image in item.parsed.images],
    )


def resource_positions(item) -> Positions:
    return Positions(item.source, [(url, "", tag == "img" or None) for tag, url, _line in item.parsed.resources])


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", _TAG.sub("", text)).casefold()


def body_lines(source: SourceFile):
    """(line number, line) of the body outside fenced code blocks."""
    fence = ""
    lines = source.lines
    for number in range(source.body_start, len(lines) + 1):
        line = lines[number - 1]
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


def source_headings(source: SourceFile) -> list[tuple[int, int, str]]:
    """(line, col, text) of each heading written in the body, in order."""
    found = []
    previous = ""
    previous_number = previous_indent = 0
    for number, written in body_lines(source):
        # A heading in a block quote (`> ## Heading`) is read after its markers.
        quoted = _QUOTE_MARKERS.match(written)
        indent = quoted.end() if quoted else 0
        line = written[indent:]
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            found.append((number, indent + line.index("#") + 1, _ATTR_LIST.sub("", atx.group(2) or "")))
        elif setext and previous_number == number - 1 and previous.strip() and not _NOT_SETEXT.match(previous):
            found.append(
                (
                    previous_number,
                    previous_indent + len(previous) - len(previous.lstrip()) + 1,
                    _ATTR_LIST.sub("", previous.strip()),
                )
            )
        else:
            for match in _RAW_HEADING.finditer(line):
                found.append((number, indent + match.start() + 1, match.group(2)))
        previous, previous_number, previous_indent = line, number, indent
    return found


def heading_position(source: SourceFile, headings: list, index: int, text: str) -> tuple[int, int]:
    """(line, col) of the body's `index`-th heading, whose text is `text`;
    `headings` is source_headings(source)."""
    wanted = _fold(text)
    # The same heading in the same place, else the first with that text,
    # else the one in the same position.
    if index < len(headings) and _fold(headings[index][2]) == wanted:
        return headings[index][:2]
    for line, col, written in headings:
        if _fold(written) == wanted:
            return line, col
    if index < len(headings):
        return headings[index][:2]
    return Locator(source).find(text)


def table_position(source: SourceFile, index: int) -> tuple[int, int]:
    """(line, col) of the body's `index`-th table: its header row."""
    starts = []
    previous, previous_number = "", 0
    for number, line in body_lines(source):
        if "|" in line and "|" in previous and previous_number == number - 1 and _DELIMITER_ROW.match(line):
            starts.append((previous_number, len(previous) - len(previous.lstrip()) + 1))
        for match in _RAW_TABLE.finditer(line):
            starts.append((number, match.start() + 1))
        previous, previous_number = line, number
    starts.sort()
    if index < len(starts):
        return starts[index]
    return source.body_start, 1


def tag_position(source: SourceFile, written: str, nth: int, tag: str) -> tuple[int, int]:
    """(line, col) of a raw HTML tag an editor wrote: the `nth` (from 0)
    time `written` (`<div class="note">`, `</div>`) is written in the body,
    outside code; else the `nth` tag of that name (`<div`, `</div`); else the
    body's first line. Markdown copies raw HTML to the page unchanged, so
    the n-th such tag of the rendered body is the n-th written."""
    closing = written.startswith("</")
    for needle, fold in ((written, False), (("</" if closing else "<") + tag, True)):
        found = _nth_outside_code(source, needle, nth, fold)
        if found is not None:
            return found
    return source.body_start, 1


def _nth_outside_code(source: SourceFile, needle: str, nth: int, fold: bool) -> tuple[int, int] | None:
    if fold:
        needle = needle.lower()
    for number, line in body_lines(source):
        haystack = line.lower() if fold else line
        at = haystack.find(needle)
        while at >= 0:
            inside_code = line.count("`", 0, at) % 2 == 1
            if not inside_code and (not fold or not haystack[at + len(needle) : at + len(needle) + 1].isalnum()):
                if nth == 0:
                    return number, at + 1
                nth -= 1
            at = haystack.find(needle, at + 1)
    return None


_CODE_SPAN = re.compile(r"(`+).*?\1")


def blank_code_spans(text: str) -> str:
    """`text` with each code span on a line (`...`) blanked, its length and
    offsets kept: where an HTML tag written in Markdown is an element, not
    an example. A backtick is not always a code span (escaped, or in a raw
    HTML block): a caller that finds nothing so reads the text as written."""
    if "`" not in text:
        return text
    return _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)
