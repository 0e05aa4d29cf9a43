"""A drawing's words as it draws them: without the parts it does not draw.

An SVG file holds words it never draws: definitions (`<defs>`, `<symbol>`,
patterns, masks), its title and descriptions, metadata, the other choices of
a `<switch>`, and anything with `display="none"`, `visibility="hidden"` or
no opacity; and words a reader may not see: of no size, unpainted or white,
scaled to nothing, clipped, masked or filtered, placed outside the drawing
(red team round 16). A `<use>` draws what it names, from `<defs>` too. The final gate reads every word of a drawing, drawn or not, and
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
_NUMBERS = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?", re.IGNORECASE)
# A fill nobody sees on the page's white: none, transparent, white.
_NO_PAINT = frozenset("none transparent white #fff #ffffff rgb(255,255,255) rgba(0,0,0,0)".split())
_SCALED_AWAY = re.compile(
    r"scale\(\s*0*\.?0*\s*[,)\s]|matrix\(\s*0*\.?0*\s*[, ]\s*0*\.?0*\s*[, ]\s*0*\.?0*\s*[, ]\s*0*\.?0*\s*[,)]",
    re.IGNORECASE,
)


def drawn_text(markup: str) -> str | None:
    """The words `markup` (a whole SVG file) draws, a line for each drawn
    `<text>`, or None when it is not a drawing that can be read."""
    try:
        root = DefusedET.fromstring(markup.encode("utf-8"))
    except (DefusedET.ParseError, DefusedXmlException, ValueError):
        return None
    if _name(root) != "svg":
        return None
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    lines: list[str] = []
    _walk(root, True, lines, _Drawing(ids, _size(root)))
    return "\n".join(lines)


class _Drawing:
    """What a walk needs of the whole drawing: its elements by id (a `<use>`
    draws one, from <defs> too) and its size, and the ids used so far (a
    `<use>` of itself draws nothing more)."""

    def __init__(self, ids: dict, size: tuple[float, float] | None):
        self.ids = ids
        self.size = size
        self.using: set[str] = set()


def _size(root: Element) -> tuple[float, float] | None:
    box = _NUMBERS.findall(root.get("viewBox", ""))
    if len(box) == 4:
        return float(box[0]) + float(box[2]), float(box[1]) + float(box[3])
    width, height = _number(root.get("width")), _number(root.get("height"))
    return (width, height) if width and height else None


def _number(value: str | None) -> float | None:
    found = _NUMBERS.match(value or "")
    return float(found.group(0)) if found else None


def _undrawn(element: Element, properties: dict[str, str], drawing: _Drawing) -> bool:
    """Whether nothing of `element` can be seen, or may not be: not shown,
    no opacity, no size, no paint, white (on the usual white), scaled to
    nothing, clipped or masked, or placed outside the drawing. Erring on
    "not seen" costs nothing: the drawing is read whole as well."""
    if properties.get("display", "").strip().lower() == "none":
        return True
    if any(_NO_OPACITY.match(properties[key]) for key in ("opacity", "fill-opacity") if key in properties):
        return True
    size = _number(properties.get("font-size"))
    if size is not None and size < 1:
        return True
    fill = properties.get("fill", "").strip().lower().replace(" ", "")
    if fill in _NO_PAINT:
        return True
    if _SCALED_AWAY.search(properties.get("transform", "")):
        return True
    if any(key in properties for key in ("clip-path", "mask", "filter")):
        return True
    if drawing.size is not None:
        for key, limit in (("x", drawing.size[0]), ("y", drawing.size[1])):
            place = _number(properties.get(key))
            if place is not None and not -1 <= place <= limit + 1:
                return True
    return False


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


def _walk(element: Element, visible: bool, lines: list[str], drawing: _Drawing, used: bool = False) -> None:
    name = _name(element)
    if name in _UNDRAWN and not used:
        return
    properties = _properties(element)
    if _undrawn(element, properties, drawing):
        return
    if name == "use":
        target = (properties.get("href") or "").lstrip("#")
        if target in drawing.ids and target not in drawing.using:
            drawing.using.add(target)
            _walk(drawing.ids[target], visible, lines, drawing, used=True)
            drawing.using.discard(target)
        return
    visibility = properties.get("visibility", "").strip().lower()
    if visibility in ("hidden", "collapse"):
        visible = False
    elif visibility == "visible":
        visible = True
    if name == "text":
        words: list[str] = []
        _text_words(element, visible, words, drawing)
        line = "".join(words).strip()
        if line:
            lines.append(line)
        return
    if name == "switch":
        children = [child for child in element if _name(child) not in _UNDRAWN]
        for child in children[:1]:  # the first choice a reader's browser can draw
            _walk(child, visible, lines, drawing)
        return
    for child in element:
        _walk(child, visible, lines, drawing)


def _text_words(element: Element, visible: bool, words: list[str], drawing: _Drawing) -> None:
    """The drawn words of a `<text>` and its `<tspan>`s, in order."""
    if visible and element.text:
        words.append(element.text)
    for child in element:
        name = _name(child)
        properties = _properties(child)
        hidden = name in _UNDRAWN or _undrawn(child, properties, drawing)
        if not hidden:
            visibility = properties.get("visibility", "").strip().lower()
            shown = False if visibility in ("hidden", "collapse") else True if visibility == "visible" else visible
            _text_words(child, shown, words, drawing)
        if visible and child.tail:
            words.append(child.tail)
