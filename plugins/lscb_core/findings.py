"""A finding is one problem in one place, reported to an editor.

Every finding names the file, the line, what is wrong and how to fix it. The
build collects findings while it reads the content and stops, listing all of
them, before anything is written.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass


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

    def as_text(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}\n"
            f"    hint: {self.hint}"
        )


class BuildStopped(Exception):
    """Raised from a plugin to stop the build; Pelican exits with exitcode."""

    exitcode = 1

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        lines = [f.as_text() for f in self.findings]
        lines.append(
            f"{errors} error(s): nothing was published; the last good site is unchanged."
        )
        super().__init__("\n".join(lines))


def display_path(path: str) -> str:
    """The path as an editor sees it: relative to the project when possible."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel
