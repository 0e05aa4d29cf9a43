"""A drawing's words as it draws them: without the parts it does not draw.

An SVG file holds words it never draws: definitions (`<defs>`, `<symbol>`,
patterns, masks), its title and descriptions, metadata, the other choices of
a `<switch>`, and anything with `display="none"`, `visibility="hidden"` or
no opacity. The final gate reads every word of a drawing, drawn or not, and
undrawn words between a drawn label and a drawn value ("Child Q's date of
birth:", a paragraph nobody sees, "14 March 2017") put the value out of the
checks' reach while a reader sees the two together (red team round 15). So
a drawing is read a second time, as drawn: each drawn `<text>` on a line of
its own, with only its drawn words.

`display` and opacity hide everything inside; `visibility` is inherited and
a part may show itself again (`visibility="visible"`), as in a browser. A
drawing that cannot be read as XML is left to IMG004, which refuses it.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

# Elements whose content is never drawn where it stands.
_UNDRAWN = frozenset(
    """defs symbol title desc metadata clippath mask pattern marker lineargradient radialgradient
    filter style script foreignobject""".split()
)
_DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]*)")
_NO_OPACITY = re.compile(r"\s*(?:0*\.?0*%?|0*\.0*)\s*$")


def drawn_text(markup: str) -> str | None:
    """The words `markup` (a whole SVG file) draws, a line for each drawn
    `<text>`, or None when it is not a drawing that can be read."""
    try:
        root = DefusedET.fromstring(markup.encode("utf-8"))
    except (DefusedET.ParseError, DefusedXmlException, ValueError):
        return None
    if _name(root) != "svg":
        return None
    lines: list[str] = []
    _walk(root, visible=True, lines=lines)
    return "\n".join(lines)


def _name(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _properties(element: Element) -> dict[str, str]:
    """Presentation attributes, then the style attribute's declarations
    (which win), by name in lower case."""
    found = {name.rsplit("}", 1)[-1].lower(): value for name, value in element.attrib.items()}
    for name, value in _DECLARATION.findall(found.get("style", "")):
        found[name.lower()] = value.replace("!important", "")
    return found


def _walk(element: Element, visible: bool, lines: list[str]) -> None:
    name = _name(element)
    if name in _UNDRAWN:
        return
    properties = _properties(element)
    if properties.get("display", "").strip().lower() == "none":
        return
    if any(_NO_OPACITY.match(properties[key]) for key in ("opacity", "fill-opacity") if key in properties):
        return
    visibility = properties.get("visibility", "").strip().lower()
    if visibility in ("hidden", "collapse"):
        visible = False
    elif visibility == "visible":
        visible = True
    if name == "text":
        words: list[str] = []
        _text_words(element, visible, words)
        line = "".join(words).strip()
        if line:
            lines.append(line)
        return
    if name == "switch":
        children = [child for child in element if _name(child) not in _UNDRAWN]
        for child in children[:1]:  # the first choice a reader's browser can draw
            _walk(child, visible, lines)
        return
    for child in element:
        _walk(child, visible, lines)


def _text_words(element: Element, visible: bool, words: list[str]) -> None:
    """The drawn words of a `<text>` and its `<tspan>`s, in order."""
    if visible and element.text:
        words.append(element.text)
    for child in element:
        name = _name(child)
        properties = _properties(child)
        hidden = (
            name in _UNDRAWN
            or properties.get("display", "").strip().lower() == "none"
            or any(_NO_OPACITY.match(properties[key]) for key in ("opacity", "fill-opacity") if key in properties)
        )
        if not hidden:
            visibility = properties.get("visibility", "").strip().lower()
            shown = False if visibility in ("hidden", "collapse") else True if visibility == "visible" else visible
            _text_words(child, shown, words)
        if visible and child.tail:
            words.append(child.tail)
