"""The redaction allowlist's own problems (CFG001): an entry without text
or reason, an empty role, a file that cannot be read.

lscb_checks.allowlist reads the file once per build for the redaction
checks and keeps each problem it finds; this check reports them.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class AllowlistEntryInvalid(Rule):
    """Flags an entry of the redaction allowlist that has no text or no
    reason, and an allowlist file that cannot be read.

    ## Why it matters
    The allowlist lets a name or number through every redaction check in
    every review. An entry must say why the text is public, so the next
    person can judge whether it still is; a file that cannot be read would
    otherwise be ignored without anyone noticing.

    ## Example
        [[allow]]
        text = "Peter Connelly"

    ## Use instead
        [[allow]]
        text = "Peter Connelly"
        reason = "Named in national reports on his death (2009)"

    ## Known limitations
    Any text counts as a reason; nobody checks that it is a good one. An
    entry allows its text everywhere, in every review.
    """

    code = "CFG001"
    name = "allowlist-entry-invalid"
    waiver = Waiver.NEVER


def check(site):
    # Imported here: lscb_checks.allowlist reports CFG001 by its code, and
    # this module is imported with the registry, before the allowlist is.
    from ..redaction import redaction

    yield from redaction(site).allowlist.problems
