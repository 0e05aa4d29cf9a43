"""The results of the last browser audit, for the accessibility statement.

`lscb audit` (make audit) checks the built site in a browser and writes
content/accessibility-audit.json (setting ACCESSIBILITY_AUDIT, relative to the
content folder). Once every file is read, this module loads it and puts it in
the templates' context as ACCESSIBILITY_AUDIT, with the published pages the
audit did not cover ("unaudited"), so the statement never claims more than
was tested. No file: ACCESSIBILITY_AUDIT is None and the statement says that
no audit has been recorded.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from lscb_core import collect
from lscb_core.findings import Severity
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

DEFAULT_FILE = "accessibility-audit.json"
# Field -> (type, what it is), for the messages.
FIELDS = {
    "date": (str, "the day of the audit, YYYY-MM-DD"),
    "standard": (str, "the standard checked against"),
    "tools": (dict, "tool names and versions"),
    "pages": (list, "the addresses of the pages checked"),
    "checks": (list, "each check with its tool, scope and problems"),
}


class AccessibilityAuditInvalid(Rule):
    """Flags an accessibility audit file (content/accessibility-audit.json)
    that cannot be read: not JSON, a field missing or of the wrong kind, or
    a date that is not a real day or is in the future.

    ## Why it matters
    The accessibility statement, which the law requires, shows the date, tools
    and results of the last audit from this file. A broken file would make
    the statement wrong or empty without anyone noticing.

    ## Example
        {"date": "23/11/2026", "tools": {}, "pages": [], "checks": []}

    ## Use instead
    Do not edit the file by hand: run `make audit`, which checks the built
    site in a browser and writes it again, and commit the result.

    ## Known limitations
    The check reads the file's form, not whether its results are still true
    of the site: the statement lists the pages added since the audit.
    """

    code = "A11Y011"
    name = "accessibility-audit-invalid"
    severity = Severity.ERROR
    waiver = Waiver.NEVER


def _problem(data: dict, today: datetime.date) -> tuple[str, str] | None:
    """(message, field) of the first problem, or None."""
    for field, (kind, what) in FIELDS.items():
        if field not in data:
            return say("'{field}' is missing: {what}", field=known(field), what=known(what)), field
        if not isinstance(data[field], kind):
            return say("'{field}' must be a {kind}", field=known(field),
                       kind=known('list' if kind is list else 'text' if kind is str else 'table')), field
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


def load(path: Path, today: datetime.date, shown: str):
    """(data or None, findings)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    hint = "run `make audit` to write the file again, then commit it"
    try:
        data = json.loads(text)
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        col = getattr(error, "colno", 1)
        # JSON's own words ("Expecting value"), never the file's text.
        message = say("not valid JSON: {why}", why=known(getattr(error, "msg", type(error).__name__)))
        return None, [AccessibilityAuditInvalid.at(shown, line, message, hint, col=col)]
    if not isinstance(data, dict):
        return None, [AccessibilityAuditInvalid.at(shown, 1, "must be a JSON object of fields", hint)]
    problem = _problem(data, today)
    if problem:
        message, field = problem
        return None, [AccessibilityAuditInvalid.at(shown, _line_of(text, field), message, hint)]
    return data, []


def add_audit_results(generators) -> None:
    """all_generators_finalized: ACCESSIBILITY_AUDIT in the templates' context."""
    from lscb_core.dates import today as build_today
    from lscb_core.findings import display_path

    settings = generators[0].settings
    context = generators[0].context
    path = Path(settings["PATH"]) / settings.get("ACCESSIBILITY_AUDIT", DEFAULT_FILE)
    context["ACCESSIBILITY_AUDIT"] = None
    if not path.is_file():
        return
    data, findings = load(path, build_today(settings), display_path(str(path)))
    collect.report(settings, findings)
    if data is None:
        return
    audited = set(data["pages"])
    published = [item for generator in generators
                 for item in [*getattr(generator, "articles", []), *getattr(generator, "pages", [])]]
    unaudited = sorted({item.url for item in published if item.url not in audited})
    context["ACCESSIBILITY_AUDIT"] = {**data, "unaudited": unaudited,
                                      "problem_count": sum(len(c["problems"]) for c in data["checks"])}
