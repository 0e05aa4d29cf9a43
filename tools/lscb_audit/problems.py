"""What an audit found: one problem, naming the page and the element."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    page: str  # the page's address under the site root, e.g. guidance/roles-of-agencies/
    check: str  # "axe color-contrast", "vnu", "linkchecker", "contrast", "focus"...
    element: str  # a CSS selector or a line number; "" for the whole page
    message: str

    def __str__(self) -> str:
        where = f"/{self.page}" + (f" {self.element}" if self.element else "")
        return f"{where}: {self.check}: {self.message}"


def report(problems: list[Problem], limit: int = 40) -> str:
    """Problems one a line, for a test's failure message."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more")
    return "\n".join(lines)
