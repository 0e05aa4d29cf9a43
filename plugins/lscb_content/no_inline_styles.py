"""Table column alignment as a class, not a style attribute.

Markdown's tables extension aligns a column (`|---:|`) with
`style="text-align: right;"` on each cell. The site's Content-Security-Policy
(SECURITY_HEADERS) allows no style attributes, so the browser would ignore
them; the cells get `class="align-right"` instead, which main.css styles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


class AlignmentClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("td", "th"):
                continue
            match = _ALIGN.match(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                cell.set("class", (cell.get("class", "") + f" align-{match.group(1)}").strip())
