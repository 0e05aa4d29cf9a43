"""A page as a reader first sees it: each closed `<details>` shows only its
`<summary>`.

The words inside a closed `<details>` are shown only when the reader opens
it, yet the gate's reading of the page runs them on between the words before
and after it: "date of birth:", a closed details of other words, then the
date, which a reader sees together (red team round 14). The page is read a
second time with each closed details cut to its summary. An open one
(`<details open>`) is read as it is.
"""

from __future__ import annotations

import re

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag
from lscb_core.html_model import _attributes

# The innermost details: no other details starts inside it.
_DETAILS = re.compile(
    r"<details" + NAME_END + "(" + ATTRS + r")>((?:(?!<details" + NAME_END + r").)*?)" + end_tag("details"),
    re.DOTALL | FLAGS,
)
_SUMMARY = re.compile(r"<summary" + NAME_END + ATTRS + r">.*?(?:" + end_tag("summary") + r"|\Z)", re.DOTALL | FLAGS)


def as_first_seen(markup: str) -> str | None:
    """`markup` with every closed details cut to its summary, or None when
    it has none (most pages)."""
    if "<details" not in markup.lower():
        return None
    cut = markup
    while True:  # the innermost first, each made a block of its own
        again = _DETAILS.sub(_first_seen, cut)
        if again == cut:
            return cut if cut != markup else None
        cut = again


def _first_seen(match: re.Match) -> str:
    if "open" in _attributes(match.group(1)):
        return "<div>" + match.group(2) + "</div>"
    summary = _SUMMARY.search(match.group(2))
    return "<div>" + (summary.group(0) if summary else "") + "</div>"
