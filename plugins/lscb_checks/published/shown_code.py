"""A script's or a style's text where a browser shows it, not runs it.

The final gate reads a script's and a style's text as code (compared with
the redaction registers, their strings read), not as words on the page. But
a textarea or an xmp shows a `<script>` in it as text, and inside an SVG
drawing or MathML a script or a style is not code to the HTML parser: a tag
in it breaks out and is shown (`<svg><style><b>Zebedee Quinlan</b>`). Each
such element is read once more with the code's text as text (red team
round 12: a name in each was published).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lscb_core.html_grammar import FLAGS, NAME_END, raw_text_element

_NAMES = ("textarea", "xmp", "svg", "math", "noembed", "noframes", "iframe")
_CONTAINER = re.compile(raw_text_element("|".join(_NAMES)), re.DOTALL | FLAGS)
_CODE_START = re.compile(r"<(?:script|style)" + NAME_END, FLAGS)


def code_shown(markup: str, shown: Callable[[str], str]) -> list[str]:
    """The text (`shown`) of each element of `markup` that shows a script or
    a style in it, with that code's text as text."""
    lower = markup.lower()
    if not any(f"<{name}" in lower for name in _NAMES):
        return []
    return [shown(found.group(0)) for found in _CONTAINER.finditer(markup) if _CODE_START.search(found.group(3))]
