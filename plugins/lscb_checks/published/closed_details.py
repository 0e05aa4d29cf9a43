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
from lscb_core.html_model import _VOID

# The innermost details: no other details starts inside it.
_DETAILS = re.compile(
    r"<details" + NAME_END + "(" + ATTRS + r")>((?:(?!<details" + NAME_END + r").)*?)" + end_tag("details"),
    re.DOTALL | FLAGS,
)
_TAG = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)" + ATTRS + ">", FLAGS)
_SUMMARY_END = re.compile(end_tag("summary"), FLAGS)
# `open` as a browser reads an attribute's name: `open"` is another name (the
# details is closed). When in doubt, closed: the page is read whole as well.
_OPEN = re.compile(r"(?:^|[\t\n\f\r /])open(?=[\t\n\f\r />=]|$)", re.IGNORECASE)


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
    if _OPEN.search(match.group(1)):
        return "<div>" + match.group(2) + "</div>"
    summary = _own_summary(match.group(2))
    return "<div>" + (summary or "") + "</div>"


def _own_summary(content: str) -> str | None:
    """The details' own summary: its first `<summary>` child, not one inside
    another element (a browser then shows "Details"), through its end."""
    depth = 0
    for tag in _TAG.finditer(content):
        closing, name = tag.group(1), tag.group(2).lower()
        if name == "summary" and not closing and depth == 0:
            end = _SUMMARY_END.search(content, tag.end())
            return content[tag.start() : end.end() if end else len(content)]
        if name in _VOID or tag.group(0).endswith("/>"):
            continue
        depth = max(0, depth - 1) if closing else depth + 1
    return None
