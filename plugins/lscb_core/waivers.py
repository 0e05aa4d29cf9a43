"""Waivers: an editor's recorded decision that one finding is acceptable.

A waiver is exact: it names the code, the place and a reason, and covers
the findings of that code at that place only.

* On a line, in an HTML comment on the same line or alone on the line above
  (comments are never published):

      <!-- waive A11Y004: "Working Together" is the title of the guidance -->

* For a finding in a metadata field, in the header, naming the field (the
  `Waive` field may be repeated):

      Waive: META001 in Audience: read by the intranet copy of the page

* For a finding about the whole page (reading age, a term used without
  explanation, a missing section, an overdue review date: rules whose
  `waiver` is Waiver.FILE), in the header without a field:

      Waive: READ001: the legal terms are explained in the glossary box

A quote narrows a waiver to the finding of that text at that place. A
redaction finding (PII, some PDF and IMG codes) is waived only with the
quote and the role of the person who approved it, on its line or in its
field:

      The review of Peter Connelly's death is relevant. <!-- waive PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding -->
      Waive: PII001 "Peter Connelly" in Summary: named in a national review; approved by Head of Safeguarding

A waiver never covers text inside an attachment (a PDF page, image
metadata, a file name: Finding.inside), where the file is fixed instead,
nor a term of a redaction register (RED001), where the register or the text
is changed instead.

A waiver without codes, with `all` or `*`, without a reason, for a code
that does not exist or cannot be waived, without its quote or approval,
without a place (the old whole-file form), or that waives nothing is itself
a finding (WAIV001-WAIV006, declared in lscb_checks.checks.waivers and
reported here by code).

How a waiver is written in a file (the comment, the `Waive:` field and the
lines each covers) and the forms a hint shows: lscb_core.waiver_forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .findings import Finding, display_path, shorten
from .quote import in_reviews, known, mask_value, say
from .rules import RULES, Mode, Waiver
from .rules import finding as waiver_finding  # the WAIV rules: lscb_checks.checks.waivers
from .sources import SourceFile
from .text.normalise import normalise
from .waiver_forms import LINE_WAIVER, _alone, _field_form, _line_form, header_lines

_QUOTES = '"\u201c\u201d'
_BODY = re.compile(
    r"""^\s*(?P<codes>[^:"\u201c\u201d]*?)\s*(?:["\u201c](?P<term>[^"\u201c\u201d]+)["\u201d])?"""
    r"""\s*(?:\bin\s+(?P<field>[A-Za-z][A-Za-z0-9_-]*))?\s*(?::\s*(?P<reason>.*?))?\s*$""",
    re.DOTALL | re.IGNORECASE,
)
# "; approved by Head of Safeguarding": after a separator, so that "not yet
# approved by the Chair" is not an approval; the role must have letters.
_APPROVED = re.compile(r"[;,.]\s*approved by\s*:?\s*(?P<role>[^\W\d_][\w .'&()/-]*[^\W_])\s*$", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}\d{3}$")
_REGISTER_HINT = "change the text, or the register: make register (docs/publishing-reviews.md)"

LINE, FIELD, FILE = "line", "field", "file"


@dataclass
class Waive:
    path: str
    line: int
    col: int
    codes: tuple[str, ...]
    reason: str
    kind: str  # LINE (a comment), FIELD (`Waive: ... in Summary`) or FILE (`Waive: ...`)
    term: str = ""
    approved_by: str = ""
    field_name: str = ""
    lines: frozenset[int] = frozenset()  # the lines a LINE or FIELD waiver covers
    used: bool = False
    problems: list[Finding] = field(default_factory=list)
    # Codes written the old whole-file way: judged (WAIV006) once the
    # findings are known, so that the hint can name their place.
    whole_file: tuple[str, ...] = ()
    header: dict[int, str] = field(default_factory=dict)  # line -> metadata field

    def covers(self, finding: Finding) -> bool:
        if not self._matches(finding) or finding.inside:
            return False
        return not self.problems_block(finding.code)

    def _matches(self, finding: Finding, codes: tuple[str, ...] | None = None) -> bool:
        """Code, file, text and place, whatever the finding is inside of."""
        if finding.code not in (self.codes if codes is None else codes):
            return False
        if finding.path != display_path(self.path):
            return False
        if self.term and _fold(self.term) != _fold(finding.term):
            return False
        return self.kind == FILE or codes is not None or finding.line in self.lines

    def problems_block(self, code: str) -> bool:
        """A redaction waiver that is not properly made waives nothing."""
        rule = RULES.get(code)
        if rule is not None and rule.waiver is Waiver.APPROVED:
            return not (self.term and self.approved_by)
        return False


def _fold(text: str) -> str:
    """A quoted term as every check compares text: the words of
    lscb_core.text.normalise (case, accents, punctuation, invisible
    characters and look-alike letters do not count)."""
    return normalise(text)


def blank_waivers(source: SourceFile) -> str:
    """The source text with its waivers blanked, offsets kept: the `Waive:`
    fields and the `<!-- waive ... -->` comments quote the text they allow,
    and are never published."""
    parts = source.text.split("\n")
    for line, name in header_lines(source).items():
        if name.lower() == "waive" and line <= len(parts):
            parts[line - 1] = " " * len(parts[line - 1])
    text = "\n".join(parts)
    return LINE_WAIVER.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def _parse(
    body: str,
    source: SourceFile,
    line: int,
    col: int,
    kind: str,
    mode: Mode,
    header: dict[int, str],
    end: int | None = None,
) -> Waive:
    match = _BODY.match(body)
    codes_text = match.group("codes") if match else body
    codes = tuple(code for code in re.split(r"[\s,]+", codes_text.strip()) if code)
    reason = (match.group("reason") or "").strip() if match else ""
    approved = _APPROVED.search(reason)
    role = approved.group("role").strip() if approved else ""
    if approved:
        reason = reason[: approved.start()].strip()
    field_name = (match.group("field") or "") if match else ""
    if kind == FILE and field_name:
        kind = FIELD
    waive = Waive(
        source.path,
        line,
        col,
        codes,
        reason,
        kind,
        term=(match.group("term") or "").strip() if match else "",
        approved_by=role,
        field_name=field_name,
        header=header,
    )
    path = source.path
    if not codes or any(code.lower() in ("all", "*") for code in codes):
        waive.problems.append(
            waiver_finding(
                "WAIV001",
                path,
                line,
                "waiver names no specific code",
                "name the codes it waives, e.g. A11Y004",
                col=col,
                mode=mode,
            )
        )
        waive.codes = ()
        return waive
    if kind == LINE:
        if line in header:
            waive.problems.append(
                waiver_finding(
                    "WAIV006",
                    path,
                    line,
                    "a comment waiver in the header: name the field instead",
                    _field_form(codes[0], header[line]),
                    col=col,
                    mode=mode,
                )
            )
            waive.codes = ()
            return waive
        waive.lines = frozenset(range(line, (end or line) + 1))
        if _alone(source, line, end or line):
            waive.lines |= {(end or line) + 1}
    elif kind == FIELD:
        waive.lines = frozenset(
            number for number, name in header.items() if name.lower() == field_name.lower() and name.lower() != "waive"
        )
        if not waive.lines:
            waive.problems.append(
                waiver_finding(
                    "WAIV006",
                    path,
                    line,
                    say("waiver names no field {name} of this header", name=shorten(field_name, 20)),
                    say("name the field the finding is in, e.g. {form}", form=_field_form(codes[0], "Summary")),
                    col=col,
                    mode=mode,
                )
            )
            waive.codes = ()
            return waive
    for code in codes:
        rule = RULES.get(code) if _CODE.match(code) else None
        if rule is None or rule.waiver is Waiver.NEVER:
            what = "does not exist" if rule is None else "cannot be waived"
            hint = "copy the code from the finding; docs/checks.md lists what can be waived"
            if code == "RED001":
                hint = _REGISTER_HINT
            elif code.startswith(("PDF", "IMG")) and rule is not None:
                hint = "fix the file: export it again without the text or its metadata"
            waive.problems.append(
                waiver_finding(
                    "WAIV005",
                    path,
                    line,
                    say(
                        "waiver code {code} {what}",
                        what=known(what),
                        code=known(code) if _CODE.match(code) else shorten(code, 12),
                    ),
                    hint,
                    col=col,
                    mode=mode,
                )
            )
        elif kind == FILE and rule.waiver is not Waiver.FILE:
            waive.whole_file += (code,)
        elif rule.waiver is Waiver.APPROVED and not (waive.term and role):
            form = _field_form(code, field_name) if kind == FIELD else _line_form(code)
            waive.problems.append(
                waiver_finding(
                    "WAIV004",
                    path,
                    line,
                    say("waiver of {code} lacks the quoted text or the approver", code=known(code)),
                    form,
                    col=col,
                    mode=mode,
                )
            )
    if not reason:
        waive.problems.append(
            waiver_finding(
                "WAIV003",
                path,
                line,
                "waiver gives no reason",
                "add ': <why this is acceptable>' after the codes",
                col=col,
                mode=mode,
            )
        )
    waive.codes = tuple(
        c for c in codes if c in RULES and RULES[c].waiver is not Waiver.NEVER and c not in waive.whole_file
    )
    return waive


def waivers_in(source: SourceFile, mode: Mode) -> list[Waive]:
    header = header_lines(source)
    found: list[Waive] = []
    for entry in source.fields:
        if entry.name.lower() == "waive":
            found.append(_parse(entry.value, source, entry.line, entry.value_col, FILE, mode, header))
    for match in LINE_WAIVER.finditer(source.text):
        line, col = source.position(match.start())
        end, _col = source.position(match.end() - 1)
        found.append(_parse(match.group("body"), source, line, col, LINE, mode, header, end))
    return found


def _whole_file_problems(waive: Waive, findings: list[Finding], mode: Mode) -> list[Finding]:
    """WAIV006 for each code a `Waive:` field names without a place; the
    hint shows the form for where its finding is."""
    problems = []
    for code in waive.whole_file:
        spot = next((f for f in sorted(findings) if not f.inside and waive._matches(f, codes=(code,))), None)
        if spot is None:
            hint = say("on the line: {form}, or in the header: ... in <Field>: ...", form=_line_form(code))
        elif spot.line in waive.header:
            hint = _field_form(code, waive.header[spot.line])
        else:
            hint = say("on line {line}: {form}", line=spot.line, form=_line_form(code))
        problems.append(
            waiver_finding(
                "WAIV006",
                waive.path,
                waive.line,
                say("waiver of {code} covers the whole file, not one place", code=known(code)),
                hint,
                col=waive.col,
                mode=mode,
            )
        )
    return problems


def _inside_hint(where: str) -> str:
    if where.endswith("file name") or "address" in where:
        return "rename the file and change the link to it: a waiver cannot cover what is inside a file"
    if "metadata" in where or "image" in where:
        return (
            "remove the file's metadata (scripts/strip-image-metadata.py) or export it again: "
            "a waiver cannot cover what is inside a file"
        )
    return "export the PDF again with the text deleted: a waiver cannot cover what is inside a file"


def apply_waivers(
    findings: list[Finding],
    waivers: list[Waive],
    codes_judged: set[str] | Callable[[Waive], set[str]] | None = None,
    mode: Mode = Mode.DRAFT,
) -> list[Finding]:
    """Mark findings covered by a waiver as waived; add findings for bad and
    unused waivers. `codes_judged`: codes whose checks have run (unused
    waivers of other codes are not reported yet), or a function giving them
    for one waiver (they can depend on its file); None: every code."""
    result: list[Finding] = []
    for finding in findings:
        for waive in waivers:
            if waive.covers(finding):
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
        if waive.whole_file:
            result.extend(_whole_file_problems(waive, findings, mode))
            waive.whole_file = ()
        if waive.problems:
            # A waiver that is itself wrong is reported once, for that.
            result.extend(waive.problems)
            waive.problems = []
            waive.used = True
        judged = codes_judged(waive) if callable(codes_judged) else codes_judged
        if not waive.used and waive.codes and (judged is None or set(waive.codes) <= judged):
            inside = next((f for f in findings if f.inside and waive._matches(f)), None)
            codes = known(", ".join(waive.codes))
            if inside is not None:
                result.append(
                    waiver_finding(
                        "WAIV002",
                        waive.path,
                        waive.line,
                        say("waiver of {codes} waives nothing: the text is in a file", codes=codes),
                        _inside_hint(inside.inside),
                        col=waive.col,
                        mode=mode,
                    )
                )
            else:
                result.append(
                    waiver_finding(
                        "WAIV002",
                        waive.path,
                        waive.line,
                        say("waiver of {codes} waives nothing", codes=codes),
                        "remove the waiver",
                        col=waive.col,
                        mode=mode,
                    )
                )
            waive.used = True  # report once
    return result
