"""Print findings for people (text), for programs (JSON) and for GitHub.

Text:    path:line:col: CODE message
             hint: how to fix it
JSON:    {"findings": [...], "summary": {...}}
GitHub:  ::error file=path,line=N,col=N,title=CODE name::message (hint: ...)

Every format ends with the same counts: errors, warnings and waived findings.

Messages and hints were masked when the finding was made (lscb_core.quote);
the path is masked here, in every format (quote.mask_path): a review's file
named after a child is printed `content/reviews/z******-q******.md`. The
finding itself keeps the real path, for waivers and `--only`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .findings import Finding, Severity
from .quote import mask_path

FORMATS = ("text", "json", "github")


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    findings = list(findings)
    return {
        "errors": sum(1 for f in findings if f.is_error),
        "warnings": sum(1 for f in findings if f.severity is Severity.WARNING and not f.waived),
        "waived": sum(1 for f in findings if f.waived),
    }


def summary_line(findings: Iterable[Finding]) -> str:
    c = counts(findings)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(c['errors'], 'error')}, {plural(c['warnings'], 'warning')}, {c['waived']} waived."


def as_text(findings: Iterable[Finding], show_waived: bool = False) -> str:
    lines = []
    for f in sorted(findings):
        if f.waived and not show_waived:
            continue
        label = "" if f.severity is Severity.ERROR else " (warning)"
        if f.waived:
            label = f" (waived: {f.waived})"
        lines.append(f"{mask_path(f.path)}:{f.line}:{f.col}: {f.code} {f.message}{label}")
        lines.append(f"    hint: {f.hint}")
    return "\n".join(lines)


def as_dicts(findings: Iterable[Finding]) -> list[dict]:
    return [
        {
            "path": mask_path(f.path),
            "line": f.line,
            "col": f.col,
            "code": f.code,
            "name": f.name,
            "severity": f.severity.value,
            "message": f.message,
            "hint": f.hint,
            "waived": f.waived or None,
        }
        for f in sorted(findings)
    ]


def as_json(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    return json.dumps({"findings": as_dicts(findings), "summary": counts(findings)}, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    findings = list(findings)
    for f in sorted(findings):
        if f.waived:
            continue
        level = "error" if f.severity is Severity.ERROR else "warning"
        props = (
            f"file={_escape_property(mask_path(f.path))},line={f.line},col={f.col},"
            f"title={_escape_property(f'{f.code} {f.name}')}"
        )
        lines.append(f"::{level} {props}::{_escape_data(f'{f.message} (hint: {f.hint})')}")
    lines.append(f"::notice title=Publication checks::{_escape_data(summary_line(findings))}")
    return "\n".join(lines)


def render(findings: Iterable[Finding], fmt: str = "text", show_waived: bool = False) -> str:
    findings = list(findings)
    if fmt == "json":
        return as_json(findings)
    if fmt == "github":
        return as_github(findings)
    text = as_text(findings, show_waived=show_waived)
    return f"{text}\n{summary_line(findings)}" if text else summary_line(findings)
