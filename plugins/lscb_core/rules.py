"""Every finding code the build can report, in one table.

A code never changes meaning and is never reused. Severity is the rule's
default.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity, display_path


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("VER001", "version-of-missing", Severity.ERROR,
             "A page for children or young people does not say which guidance it is a version of."),
        Rule("VER002", "version-of-dangling", Severity.ERROR,
             "Version_of names a guidance page that does not exist."),
        Rule("VER003", "version-of-unpublished", Severity.ERROR,
             "A published version points to guidance that is a draft or hidden."),
        Rule("VER004", "version-duplicate", Severity.ERROR,
             "Two published pages are versions of the same guidance for the same readers."),
        Rule("DOC001", "document-missing", Severity.ERROR,
             "The Document of a page is not a file under content/."),
        Rule("REV002", "review-date-invalid", Severity.ERROR,
             "A date field of a review is not a date, so the publication gate cannot decide."),
        Rule("REV003", "blocked-review-in-output", Severity.ERROR,
             "Something of a withheld, embargoed or draft review reached the built site."),
    )
}


def finding(code: str, source_path: str, line: int, message: str, hint: str, col: int = 1) -> Finding:
    rule = RULES[code]
    return Finding(
        path=display_path(source_path),
        line=line,
        col=col,
        code=rule.code,
        name=rule.name,
        message=message,
        hint=hint,
        severity=rule.severity,
    )
