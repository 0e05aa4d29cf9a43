"""Every table in a content body has header cells with text."""

from __future__ import annotations

import re

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag
from lscb_core.rules import Rule

from .. import quick
from ..locate import table_position

_TABLE = re.compile(r"<table" + NAME_END + r".*?(?:" + end_tag("table") + "|$)", FLAGS | re.DOTALL)
_HEADER_CELL = re.compile(r"<th" + NAME_END + ATTRS + r">(.*?)" + end_tag("th"), FLAGS | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ALT = re.compile(r"\balt\s*=\s*[\"']?[^\s\"'>]", re.IGNORECASE)


class TableWithoutHeaders(Rule):
    """Flags a table with no header cells, or whose header cells are all
    empty.

    ## Why it matters
    Screen readers announce a cell's column heading as they move through a
    table. Without header cells, a table is a grid of values nobody can
    follow (WCAG 1.3.1, Info and Relationships). A table with an empty
    header row is usually a table used for layout.

    ## Example
        |   |   |
        | --- | --- |
        | Children's Services | 01632 960 123 |

    ## Use instead
        | Agency | Telephone |
        | --- | --- |
        | Children's Services | 01632 960 123 |

    ## Known limitations
    Row headers (the first cell of each row) are not required. The check
    does not judge whether the header text is meaningful.
    """

    code = "A11Y007"
    name = "table-without-headers"


def _has_header_text(table_html: str) -> bool:
    return any(_TAG.sub("", cell).strip() or _ALT.search(cell) for cell in _HEADER_CELL.findall(table_html))


def check(site):
    for item in site.items:
        if not quick.has_tag(item.html, "table"):
            continue
        for index, match in enumerate(_TABLE.finditer(item.html)):
            if _has_header_text(match.group(0)):
                continue
            line, col = table_position(item.source, index)
            yield TableWithoutHeaders.at(
                item.path,
                line,
                "table has no header cells",
                "give the table a header row naming each column, then a | --- | row",
                col=col,
            )
