"""Where a waiver is written in a source file, and the forms a hint shows.

A waiver is a `<!-- waive ... -->` comment in the text (LINE_WAIVER), which
covers its own lines, and the line below when it is alone on its lines
(_alone); or a `Waive:` field in the header, which names the field it
covers (header_lines: the field written on each header line). A finding
about a waiver shows the form to write instead (_line_form, _field_form),
with the quote and the approval a redaction finding needs. Reading and
applying waivers: lscb_core.waivers.
"""

from __future__ import annotations

import re

from .findings import shorten
from .quote import known, say
from .rules import RULES, Waiver
from .sources import SourceFile

# A waiver in a comment: `<!-- waive CODES ["quote"]: reason -->`.
LINE_WAIVER = re.compile(r"<!--\s*waive\b(?P<body>.*?)-->", re.IGNORECASE | re.DOTALL)


def header_lines(source: SourceFile) -> dict[int, str]:
    """Line -> the metadata field written on it, continuation lines included."""
    lines = source.lines
    found: dict[int, str] = {}
    for entry in source.fields:
        found[entry.line] = entry.name
        after = entry.line  # index of the next line
        while after < len(lines) and lines[after][:1].isspace() and lines[after].strip():
            after += 1
            found[after] = entry.name
    return found


def _approval(code: str) -> str:
    rule = RULES.get(code)
    return "; approved by <role>" if rule is not None and rule.waiver is Waiver.APPROVED else ""


def _quote(code: str) -> str:
    rule = RULES.get(code)
    return ' "the text"' if rule is not None and rule.waiver is Waiver.APPROVED else ""


def _line_form(code: str):
    return say(
        "<!-- waive {code}{quote}: reason{approval} -->",
        code=known(code),
        quote=known(_quote(code)),
        approval=known(_approval(code)),
    )


def _field_form(code: str, name: str):
    # A header field's name is the schema's word (Summary, Title); any other
    # is quoted as the file wrote it, and so masked in a review.
    field_name = known(name) if name.lower() in _FIELD_NAMES else shorten(name, 20)
    return say(
        "Waive: {code}{quote} in {name}: reason{approval}",
        code=known(code),
        quote=known(_quote(code)),
        name=field_name,
        approval=known(_approval(code)),
    )


_FIELD_NAMES = frozenset(
    """title summary date modified child pseudonyms credits document review_type
themes slug status publish_after decision_by decision_date publication_decision owner review_date
version_of change_note reporting_year template""".split()
)


def _alone(source: SourceFile, first: int, last: int) -> bool:
    """Whether a comment waiver from line `first` to `last` has no other text
    on its lines (it then waives the line below it)."""
    lines = source.lines
    written = "\n".join(lines[first - 1 : last])
    return not LINE_WAIVER.sub("", written).strip()
