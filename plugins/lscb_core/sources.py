"""Source files as editors wrote them, read once per build and mapped to lines.

Checks report file:line:col, so they need the raw text of each Markdown file:
the metadata header (field, value and line of each entry, including repeated
fields such as `Waive`), where the body starts, and a way to turn an offset or
a piece of text back into a line and column.

The header is read one entry at a time: a field with its continuation lines
(indented lines under it) is one entry, and any other line of the header is
an entry of its own. Nothing ever reads two entries as one text, so the last
word of one field and the first of the next ("Pseudonyms: ..., Dawn" then
"Publication_decision: publish") are never taken for one name or one date.
"""

from __future__ import annotations

import bisect
import functools
import io
import os
import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)$")


@dataclass(frozen=True)
class Field:
    name: str  # as written
    value: str
    line: int
    value_col: int  # column where the value starts
    last_line: int = 0  # its last continuation line (0: the field is on one line)

    @property
    def end_line(self) -> int:
        return self.last_line or self.line


@dataclass
class SourceFile:
    path: str
    text: str
    fields: list[Field] = field(default_factory=list)
    body_start: int = 1  # line number of the first line after the header
    # (first line, last line) of each entry of the header, in order: a field
    # with its continuation lines, or a line that is not a field.
    header_entries: list[tuple[int, int]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def field(self, name: str) -> Field | None:
        lowered = name.lower()
        return next((f for f in self.fields if f.name.lower() == lowered), None)

    def field_line(self, name: str) -> int:
        found = self.field(name)
        return found.line if found else 1

    def line_offset(self, line: int) -> int:
        """Offset in the text of the start of `line` (from 1); the text's
        length after the last line."""
        return self._line_starts[line - 1] if 0 < line <= len(self._line_starts) else len(self.text)

    def entry_ranges(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each header entry, its lines without the
        last line break, in order."""
        ranges = []
        for first, last in self.header_entries:
            end = self.line_offset(last + 1)
            if end > 0 and self.text[end - 1 : end] == "\n":
                end -= 1
            ranges.append((self.line_offset(first), end))
        return ranges

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, of a character offset in the text."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def locate(self, needle: str, body_only: bool = True) -> tuple[int, int]:
        """(line, column) of the first occurrence of `needle`, or (1, 1)."""
        start = (
            self._line_starts[self.body_start - 1] if body_only and self.body_start - 1 < len(self._line_starts) else 0
        )
        offset = self.text.find(needle, start) if needle else -1
        if offset < 0 and body_only:
            offset = self.text.find(needle) if needle else -1
        return self.position(offset) if offset >= 0 else (1, 1)


def parse(path: str, text: str) -> SourceFile:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    source = SourceFile(path=path, text=text, _line_starts=starts)
    lines = text.splitlines()
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            source.body_start = number + 1
            break
        match = _FIELD.match(line)
        if match:
            source.fields.append(Field(match.group(1), match.group(2).strip(), number, match.start(2) + 1))
            source.header_entries.append((number, number))
        elif line[:1].isspace() and source.fields and source.header_entries[-1][0] == source.fields[-1].line:
            # A continuation line belongs to the field above it.
            last = source.fields[-1]
            source.fields[-1] = Field(last.name, f"{last.value} {line.strip()}", last.line, last.value_col, number)
            source.header_entries[-1] = (last.line, number)
        else:
            source.header_entries.append((number, number))
    else:
        source.body_start = number + 1
    return source


@functools.lru_cache(maxsize=8192)
def _read(path: str, mtime_ns: int, size: int, ctime_ns: int, inode: int) -> SourceFile:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return parse(path, handle.read())


# The bytes of each Markdown file as Pelican's reader read it in this build
# (lscb_content.reader), parsed when a check first asks: the checks judge the
# text Pelican rendered, even if the file is saved again while the build
# runs, and the file is read once. Emptied when a build begins
# (lscb_core.build_state.begin).
_AS_READ: dict[str, bytes | SourceFile] = {}


def read_by_pelican(path: str, data: bytes) -> None:
    """The bytes of the file at `path`, as Pelican's reader just read them."""
    _AS_READ[os.path.abspath(path)] = data


def new_build() -> None:
    _AS_READ.clear()


def _decoded(data: bytes) -> str:
    """The bytes as `open(path, encoding="utf-8", errors="replace").read()`
    gives them (universal newlines, a byte order mark kept), as _read reads
    a file."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace").read()


# Sources that are not files: an earlier version of a guidance page, read from
# the repository's history (lscb_content.earlier_versions), under a path of
# its own beside the page's file. Kept for one build (forget()).
_REMEMBERED: dict[str, SourceFile] = {}


def remember(path: str, text: str) -> None:
    """Give the checks `text` as the source at `path`, which is not a file."""
    path = os.path.abspath(path)
    _REMEMBERED[path] = parse(path, text)


def forget() -> None:
    _REMEMBERED.clear()


def source_file(path: str) -> SourceFile:
    """The parsed source: as Pelican's reader read it in this build, if it
    did (_AS_READ); else read from disk, cached until the file changes. The time of
    the last change to the file's inode is part of the key: a file whose
    modification time was put back (a copy that keeps it, `touch -r`) after
    an edit that kept its size is read again, not taken from an earlier
    build of this process (whose checks would read the old Pseudonyms and
    Credits)."""
    key = os.path.abspath(path)
    remembered = _REMEMBERED.get(key)
    if remembered is not None:
        return remembered
    as_read = _AS_READ.get(key)
    if as_read is not None:
        if isinstance(as_read, bytes):
            as_read = _AS_READ[key] = parse(key, _decoded(as_read))
        return as_read
    stat = os.stat(path)
    return _read(os.path.abspath(path), stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns, stat.st_ino)


def field_line(source_path: str, name: str) -> int:
    """Line of metadata field `name` in the file, or 1 when it is absent."""
    try:
        return source_file(source_path).field_line(name)
    except OSError:
        return 1
