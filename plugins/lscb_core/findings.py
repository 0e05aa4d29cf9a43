"""A finding is one problem in one place, reported to an editor.

Every finding names the file, the line and column, a stable code, what is
wrong (a message under 80 characters) and how to fix it (a one-line hint).
The build collects findings from every check and stops, listing all of them,
before anything is published.
"""

from __future__ import annotations

import enum
import os
import re
from dataclasses import dataclass, field, replace


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    name: str
    message: str
    hint: str
    severity: Severity = Severity.ERROR
    # Why the finding was waived, when it was; a waived finding never stops
    # the build but is counted in the summary.
    waived: str = ""
    # The detected text, for matching a waiver that names it. Never printed.
    term: str = field(default="", compare=False, repr=False)
    # Where the detected text is when it is inside an attachment ("child-x.pdf
    # page 2", "photo.jpg metadata Artist", "x.pdf file name"): the file is
    # fixed instead, and no waiver in the Markdown covers the finding.
    inside: str = field(default="", compare=False, repr=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR and not self.waived

    def waive(self, reason: str) -> Finding:
        return replace(self, waived=reason)

    def as_text(self) -> str:
        from .quote import mask_path

        return f"{mask_path(self.path)}:{self.line}:{self.col}: {self.code} {self.message}\n    hint: {self.hint}"


class BuildStopped(Exception):
    """Raised from a plugin to stop the build; Pelican exits with exitcode.

    The staging output is thrown away, so nothing is published.
    """

    exitcode = 1

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        errors = sum(f.is_error for f in self.findings)
        lines = [f.as_text() for f in self.findings if not f.waived]
        lines.append(f"{errors} error(s): nothing was published; the last good site is unchanged.")
        super().__init__("\n".join(lines))


def shorten(text: str, width: int = 36) -> str:
    """Text an editor wrote, shortened in the middle to keep a message under
    80 characters: 'annual-reports/doc…/report-2025-26.pdf'."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    keep = width - 1
    return f"{text[: keep // 2]}…{text[len(text) - (keep - keep // 2) :]}"


# Where in an attachment a message ends: "child-q-report.pdf page 12".
_PLACE_AT_END = re.compile(r"(?P<file>\S+) (?P<place>page \d+\S*(?: [^ ]+){0,2})$")


def cut_words(text: str, width: int) -> str:
    """Text cut to at most `width` characters at a space, ending in '…'
    when it was cut; a single word longer than that is cut in its middle."""
    text = str(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 3:
        return cut[:space].rstrip(" ,;:(-–") + "…"
    return shorten(text, width)


def clip(text: str, width: int = 79) -> str:
    """A message cut to `width` characters without cutting a word, the
    place in an attachment it ends with ("x.pdf page 12") kept whole."""
    text = str(text)
    if len(text) <= width:
        return text
    place = _PLACE_AT_END.search(text)
    if place and len(place.group("place")) <= 24:
        head, name, where = text[: place.start()], place.group("file"), place.group("place")
        room = width - len(head) - len(where) - 1
        if room >= 16:  # the file name shortened in its middle is enough
            return f"{head}{shorten(name, room)} {where}"
        tail = f"{shorten(name, 16)} {where}"
        before, _, word = head.rstrip().rpartition(" ")
        if before and len(word) <= 4:  # "... in x.pdf page 3": "in" stays with its file
            head, tail = before, f"{word} {tail}"
        return f"{cut_words(head.rstrip(), width - len(tail) - 1)} {tail}"
    return cut_words(text, width)


def display_path(path: str) -> str:
    """The path as an editor sees it: relative to the project when possible."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel
