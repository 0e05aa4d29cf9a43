"""The results of the last browser audit, for the accessibility statement.

`lscb audit` (make audit) checks the built site in a browser and writes
content/accessibility-audit.json (setting ACCESSIBILITY_AUDIT, relative to the
content folder). Once every file is read, this module loads it and puts it in
the templates' context as ACCESSIBILITY_AUDIT, with the published pages the
audit did not cover ("unaudited"), so the statement never claims more than
was tested. No file: ACCESSIBILITY_AUDIT is None and the statement says that
no audit has been recorded. A file that cannot be read is reported by
lscb_checks.checks.accessibility_audit (A11Y011).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from lscb_core.quote import known, say

DEFAULT_FILE = "accessibility-audit.json"
# Field -> (type, what it is), for the messages.
FIELDS = {
    "date": (str, "the day of the audit, YYYY-MM-DD"),
    "standard": (str, "the standard checked against"),
    "tools": (dict, "tool names and versions"),
    "pages": (list, "the addresses of the pages checked"),
    "checks": (list, "each check with its tool, scope and problems"),
}


def _problem(data: dict, today: datetime.date) -> tuple[str, str] | None:
    """(message, field) of the first problem, or None."""
    for field, (kind, what) in FIELDS.items():
        if field not in data:
            return say("'{field}' is missing: {what}", field=known(field), what=known(what)), field
        if not isinstance(data[field], kind):
            return say(
                "'{field}' must be a {kind}",
                field=known(field),
                kind=known("list" if kind is list else "text" if kind is str else "table"),
            ), field
    try:
        day = datetime.date.fromisoformat(data["date"])
    except ValueError:
        return say("'date' '{date}' is not a day written YYYY-MM-DD", date=data["date"][:20]), "date"
    if day > today:
        return say("'date' {date} is in the future", date=known(day.isoformat())), "date"
    for check in data["checks"]:
        if not isinstance(check, dict) or not {"name", "tool", "scope", "problems"} <= set(check):
            return "each check needs name, tool, scope and problems", "checks"
    return None


def _line_of(text: str, field: str) -> int:
    needle = f'"{field}"'
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def audit_file(settings) -> Path:
    """The audit file: ACCESSIBILITY_AUDIT under the content folder."""
    return Path(settings["PATH"]) / settings.get("ACCESSIBILITY_AUDIT", DEFAULT_FILE)


def load(path: Path, today: datetime.date):
    """(data, None), or (None, (line, col, message)) for the first problem."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = json.loads(text)
    except ValueError as error:
        # JSON's own words ("Expecting value"), never the file's text.
        message = say("not valid JSON: {why}", why=known(getattr(error, "msg", type(error).__name__)))
        return None, (getattr(error, "lineno", 1), getattr(error, "colno", 1), message)
    if not isinstance(data, dict):
        return None, (1, 1, "must be a JSON object of fields")
    problem = _problem(data, today)
    if problem:
        message, field = problem
        return None, (_line_of(text, field), 1, message)
    return data, None


def add_audit_results(generators) -> None:
    """all_generators_finalized: ACCESSIBILITY_AUDIT in the templates' context."""
    from lscb_core.dates import today as build_today

    settings = generators[0].settings
    context = generators[0].context
    path = audit_file(settings)
    context["ACCESSIBILITY_AUDIT"] = None
    if not path.is_file():
        return
    data = load(path, build_today(settings))[0]
    if data is None:
        return
    audited = set(data["pages"])
    published = [
        item
        for generator in generators
        for item in [*getattr(generator, "articles", []), *getattr(generator, "pages", [])]
    ]
    unaudited = sorted({item.url for item in published if item.url not in audited})
    context["ACCESSIBILITY_AUDIT"] = {
        **data,
        "unaudited": unaudited,
        "problem_count": sum(len(c["problems"]) for c in data["checks"]),
    }
