"""Waivers: an editor's recorded decision that a finding is acceptable.

Two forms, each naming specific codes and giving a reason:

* On a line, in an HTML comment on the same line or alone on the line above
  (comments are never published):

      <!-- waive A11Y004: "Working Together" is the title of the guidance -->

* For the whole file, in its metadata (the field may be repeated):

      Waive: READ001: the legal terms are explained in the glossary box

A redaction finding (PII, RED) can be waived only in the metadata, only for
one quoted piece of text, and only with the role of the person who approved
it:

      Waive: PII001 "Peter Connelly": name from a national review; approved by Head of Safeguarding

A waiver without codes, with `all` or `*`, without a reason, for a code that
does not exist, in the wrong place, or that waives nothing is itself a
finding (WAIV001-WAIV005).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding, display_path
from .quote import in_reviews, known, mask_value, say
from .rules import RULES, Mode, Rule, Waiver
from .sources import SourceFile

_LINE = re.compile(r"<!--\s*waive\b(?P<body>.*?)-->", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(
    r"""^\s*(?P<codes>[^:"]*?)\s*(?:"(?P<term>[^"]+)")?\s*(?::\s*(?P<reason>.*?))?\s*$""",
    re.DOTALL,
)
# "; approved by Head of Safeguarding": after a separator, so that "not yet
# approved by the Chair" is not an approval; the role must have letters.
_APPROVED = re.compile(r"[;,.]\s*approved by\s*:?\s*(?P<role>[^\W\d_][\w .'&()/-]*[^\W_])\s*$",
                       re.IGNORECASE)
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}\d{3}$")


@dataclass
class Waive:
    path: str
    line: int
    col: int
    codes: tuple[str, ...]
    reason: str
    in_metadata: bool
    term: str = ""
    approved_by: str = ""
    used: bool = False
    problems: list[Finding] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes or finding.path != display_path(self.path):
            return False
        if self.term and _fold(self.term) != _fold(finding.term):
            return False
        if self.in_metadata:
            return True
        return finding.line in (self.line, self.line + 1)

    def problems_block(self, code: str) -> bool:
        """A redaction waiver that is not properly made waives nothing."""
        rule = RULES.get(code)
        if rule is not None and rule.waiver is Waiver.APPROVED:
            return not (self.in_metadata and self.term and self.approved_by)
        return False


def _fold(text: str) -> str:
    """A quoted term as every check compares text: the words of
    lscb_checks.text.normalise (case, accents, punctuation, invisible
    characters and look-alike letters do not count)."""
    # Imported here: lscb_core is imported by lscb_checks, not the reverse.
    from lscb_checks.text.normalise import normalise

    return normalise(text)


class WaiverBlanket(Rule):
    """Flags a waiver that names no specific code (`all`, `*`, or nothing).

    ## Why it matters
    A blanket waiver silences checks that nobody has looked at, including
    checks added later. A leak would pass unnoticed.

    ## Example
        <!-- waive all: the text is fine -->

    ## Use instead
        <!-- waive A11Y004: "Working Together" is the title of the guidance -->

    ## Known limitations
    None.
    """

    code = "WAIV001"
    name = "waiver-blanket"
    waiver = Waiver.NEVER


class WaiverUnused(Rule):
    """Flags a waiver that waives no finding.

    ## Why it matters
    A waiver left behind after the text changed would silently waive a new
    problem of the same kind later.

    ## Example
    `Waive: READ001: long words are explained` on a page whose reading age
    now passes.

    ## Use instead
    Remove the waiver.

    ## Known limitations
    Waivers of checks on the built site are only judged when the build gets
    that far (no source check failed).
    """

    code = "WAIV002"
    name = "waiver-unused"
    waiver = Waiver.NEVER


class WaiverWithoutReason(Rule):
    """Flags a waiver that gives no reason after the codes.

    ## Why it matters
    The next editor needs to know why the finding was accepted, and whether
    the reason still holds.

    ## Example
        <!-- waive A11Y004 -->

    ## Use instead
        <!-- waive A11Y004: "Working Together" is the title of the guidance -->

    ## Known limitations
    Any text counts as a reason; nobody checks that it is a good one.
    """

    code = "WAIV003"
    name = "waiver-without-reason"
    waiver = Waiver.NEVER


class RedactionWaiverMisplaced(Rule):
    """Flags a waiver of a redaction finding that is not in the file's
    metadata, does not quote the text it allows, or does not name the role
    of whoever approved it.

    ## Why it matters
    Publishing something that looks like a name, an address or a date of
    birth in a review is a decision for a senior person, not an editor, and
    it must be recorded where a reviewer of the file sees it first.

    ## Example
        Her name was Peter Connelly. <!-- waive PII001: public name -->

    ## Use instead
        Waive: PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding

    ## Known limitations
    The role is free text: the build cannot check that the person approved.
    """

    code = "WAIV004"
    name = "redaction-waiver-misplaced"
    waiver = Waiver.NEVER


class WaiverUnknownCode(Rule):
    """Flags a waiver naming a code that does not exist, or one that cannot be
    waived.

    ## Why it matters
    A mistyped code waives nothing, and the editor believes a problem is dealt
    with. Some codes (the publication gate, leaks of blocked reviews) can never
    be waived.

    ## Example
        <!-- waive A11Y04: link text is a title -->

    ## Use instead
    Copy the code from the finding, e.g. `A11Y004`. See docs/checks.md for
    which codes can be waived.

    ## Known limitations
    None.
    """

    code = "WAIV005"
    name = "waiver-unknown-code"
    waiver = Waiver.NEVER


def _parse(body: str, source: SourceFile, line: int, col: int, in_metadata: bool, mode: Mode) -> Waive | None:
    match = _BODY.match(body)
    codes_text = match.group("codes") if match else body
    codes = tuple(code for code in re.split(r"[\s,]+", codes_text.strip()) if code)
    reason = (match.group("reason") or "").strip() if match else ""
    approved = _APPROVED.search(reason)
    role = approved.group("role").strip() if approved else ""
    if approved:
        reason = reason[: approved.start()].strip()
    waive = Waive(source.path, line, col, codes, reason, in_metadata,
                  term=(match.group("term") or "").strip() if match else "", approved_by=role)
    path = source.path
    if not codes or any(code.lower() in ("all", "*") for code in codes):
        waive.problems.append(WaiverBlanket.at(
            path, line, "waiver names no specific code", "name the codes it waives, e.g. A11Y004",
            col=col, mode=mode))
        waive.codes = ()
        return waive
    for code in codes:
        rule = RULES.get(code) if _CODE.match(code) else None
        if rule is None or rule.waiver is Waiver.NEVER:
            what = "does not exist" if rule is None else "cannot be waived"
            waive.problems.append(WaiverUnknownCode.at(
                path, line, say("waiver code {code} {what}", what=known(what),
                                code=known(code) if _CODE.match(code) else code[:12]),
                "copy the code from the finding; docs/checks.md lists what can be waived",
                col=col, mode=mode))
        elif rule.waiver is Waiver.APPROVED and not (in_metadata and waive.term and role):
            waive.problems.append(RedactionWaiverMisplaced.at(
                path, line, say("waiver of {code} lacks metadata, quoted text or approver", code=known(code)),
                say('in the metadata: Waive: {code} "the text": reason; approved by <role>', code=known(code)),
                col=col, mode=mode))
    if not reason:
        waive.problems.append(WaiverWithoutReason.at(
            path, line, "waiver gives no reason", "add ': <why this is acceptable>' after the codes",
            col=col, mode=mode))
    waive.codes = tuple(c for c in codes if c in RULES and RULES[c].waiver is not Waiver.NEVER)
    return waive


def waivers_in(source: SourceFile, mode: Mode) -> list[Waive]:
    found: list[Waive] = []
    for entry in source.fields:
        if entry.name.lower() == "waive":
            waive = _parse(entry.value, source, entry.line, entry.value_col, True, mode)
            if waive:
                found.append(waive)
    for match in _LINE.finditer(source.text):
        line, col = source.position(match.start())
        waive = _parse(match.group("body"), source, line, col, False, mode)
        if waive:
            found.append(waive)
    return found


def apply_waivers(findings: list[Finding], waivers: list[Waive], codes_judged: set[str] | None = None,
                  mode: Mode = Mode.DRAFT) -> list[Finding]:
    """Mark findings covered by a waiver as waived; add findings for bad and
    unused waivers. `codes_judged`: codes whose checks have run (unused
    waivers of other codes are not reported yet)."""
    result: list[Finding] = []
    for finding in findings:
        for waive in waivers:
            if waive.covers(finding) and not waive.problems_block(finding.code):
                waive.used = True
                # The reason is the editor's text: masked like any value a review holds.
                shown = mask_value if in_reviews(finding.path) else str
                reason = shown(waive.reason) if waive.reason else "no reason given"
                if waive.approved_by:
                    reason += f" (approved by {shown(waive.approved_by)})"
                finding = finding.waive(reason)
                break
        result.append(finding)
    for waive in waivers:
        if waive.problems:
            # A waiver that is itself wrong is reported once, for that.
            result.extend(waive.problems)
            waive.problems = []
            waive.used = True
        if not waive.used and waive.codes and (codes_judged is None or set(waive.codes) <= codes_judged):
            result.append(WaiverUnused.at(
                waive.path, waive.line, say("waiver of {codes} waives nothing", codes=known(", ".join(waive.codes))),
                "remove the waiver", col=waive.col, mode=mode))
            waive.used = True  # report once
    return result

