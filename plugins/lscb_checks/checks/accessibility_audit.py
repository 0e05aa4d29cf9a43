"""The accessibility audit file (A11Y011): content/accessibility-audit.json,
which the accessibility statement shows, cannot be read.

lscb_content.audit_results reads the file for the statement and leaves it
out when it cannot; this check reports why.
"""

from __future__ import annotations

from lscb_content.audit_results import audit_file, load
from lscb_core.dates import today
from lscb_core.findings import Severity, display_path
from lscb_core.rules import Rule, Waiver


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


HINT = "run `make audit` to write the file again, then commit it"


def check(site):
    path = audit_file(site.settings)
    if not path.is_file():
        return
    _data, problem = load(path, today(site.settings))
    if problem is not None:
        line, col, message = problem
        yield AccessibilityAuditInvalid.at(display_path(str(path)), line, message, HINT, col=col)
