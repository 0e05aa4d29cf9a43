"""What an SVG drawing publishes besides its shapes (read_image in
lscb_checks.text.image_meta reads an .svg or .svgz file here): the text it
shows, its title and description, the names it gives its shapes, what is
hidden in it, and what puts it outside the safe subset (IMG004).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .image_meta import ImageMetadata


# SVG: the text a drawing shows, its title and description, the names it
# gives its shapes (for the redaction checks; not metadata) and what is
# hidden: <metadata>, comments, the editor's own data (Inkscape and Sodipodi
# record file names, with the user's folders).
_SVG_EDITORS = ("inkscape.org", "sodipodi", "adobe.com", "sketch", "figma", "draw.io")
# Elements whose whole text (with the <tspan>s inside) is one value: a name
# drawn as "Chelsea" and "Dawson" on two lines of a genogram is "Chelsea Dawson".
_SVG_SHOWN = {
    "text": "SVG text",
    "tspan": "SVG text",
    "textPath": "SVG text",
    "title": "SVG title",
    "desc": "SVG description",
}
# Attributes that name or describe a shape: screen readers read the first
# two, and ids and layer names often hold the label of a genogram's box.
_SVG_NAMING = {
    "aria-label": "SVG aria-label",
    "aria-description": "SVG aria-description",
    "title": "SVG title",
    "id": "SVG id",
    "data-name": "SVG data-name",
}
# Ids a drawing program made up ("text1234", "g12", "path-3"): nothing to read.
_GENERATED_ID = re.compile(r"[A-Za-z]{0,16}[-_]?\d+")
_ID_SEPARATORS = re.compile(r"[-_.:]+|(?<=[a-z])(?=[A-Z])")
_SVG_LIMIT = 20_000_000  # bytes; larger drawings are not read


def read_svg(path: str, found: ImageMetadata) -> None:
    import gzip
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    opener = gzip.open if path.lower().endswith(".svgz") else open
    with opener(path, "rb") as handle:
        data = handle.read(_SVG_LIMIT + 1)
    if len(data) > _SVG_LIMIT:
        raise ValueError("SVG file too large to check")
    if b"<!--" in data:
        found.add_kind("comment")
    # defusedxml: no entity is expanded and nothing outside the file is read.
    parser = DefusedXMLParser(
        target=ET.TreeBuilder(insert_comments=True, insert_pis=True),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        found.add_unsafe("XML entities")
        return
    if not isinstance(root.tag, str) or not root.tag.endswith("svg"):
        raise ValueError("not an SVG drawing")
    inside_text: set[int] = set()  # elements read with the <text> they are in
    lines: list[str] = []  # the drawing's lines of text, in order
    for element in root.iter():
        if element.tag is ET.Comment:
            found.metadata.append(("comment", (element.text or "").strip()))
            continue
        if element.tag is ET.ProcessingInstruction:
            found.add_unsafe("processing instruction")
            continue
        namespace, _, local = element.tag[1:].partition("}") if element.tag.startswith("{") else ("", "", element.tag)
        _svg_safety(element, namespace, local, found)
        if local == "metadata":
            found.add_kind("SVG metadata")
            text = " ".join(t.strip() for t in element.itertext() if t.strip())
            if text:
                found.metadata.append(("SVG metadata", text))
        elif local == "script":
            found.add_kind("script")
        elif any(editor in namespace for editor in _SVG_EDITORS):
            found.add_kind("editor data")
        elif local in _SVG_SHOWN and id(element) not in inside_text:
            inside_text.update(id(part) for part in element.iter())
            text = " ".join(_svg_text(element).split())
            if text:
                found.metadata.append((_SVG_SHOWN[local], text))
                if _SVG_SHOWN[local] == "SVG text":
                    lines.append(text)
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if attribute.startswith("{") and any(editor in attribute for editor in _SVG_EDITORS):
                found.add_kind("editor data")
                found.metadata.append((f"SVG {name}", value))
            elif attribute.lower().startswith("on"):
                found.add_kind("script")
            elif name in _SVG_NAMING and value.strip():
                _svg_name(_SVG_NAMING[name], value, found)

    if len(lines) > 1:
        # Read together too, as a reader sees them: "Zebedee" over "Quinlan"
        # in a genogram's box, "Date of birth:" over the date.
        found.metadata.append(("SVG lines", "\n".join(lines)))


# The safe subset of SVG (IMG004): shapes, paths, text, gradients, patterns,
# masks, filters, links within the file. Not: scripts, event attributes,
# HTML inside the drawing, anything fetched from elsewhere (a font, an
# image, another drawing, a style sheet), styles written as text, pictures
# embedded as data: addresses (the gate does not read inside them).
_SVG_UNSAFE_ELEMENTS = {
    "script": "script",
    "foreignObject": "foreignObject",
    "iframe": "HTML",
    "embed": "HTML",
    "object": "HTML",
    "audio": "media",
    "video": "media",
    "handler": "script",
    "listener": "script",
    "font-face-uri": "external font",
}
_SVG_ANIMATION = {"set", "animate", "animateTransform", "animateMotion", "animateColor"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)


def _svg_safety(element, namespace: str, local: str, found: ImageMetadata) -> None:
    """Record what puts this element outside the safe subset."""
    if local in _SVG_UNSAFE_ELEMENTS:
        found.add_unsafe(_SVG_UNSAFE_ELEMENTS[local])
    elif namespace == "http://www.w3.org/1999/xhtml":
        found.add_unsafe("HTML")
    elif local == "style" and "".join(element.itertext()).strip():
        found.add_unsafe("<style> text")
    if local in _SVG_ANIMATION and element.attrib.get("attributeName", "").rsplit(":", 1)[-1] == "href":
        found.add_unsafe("animated link")
    for attribute, value in element.attrib.items():
        name = attribute.rsplit("}", 1)[-1]
        if name.lower().startswith("on"):
            found.add_unsafe("event attribute")
        elif name == "href":
            target = value.strip()
            if target.lower().startswith("data:"):
                found.add_unsafe("embedded data")
            elif not target.startswith("#"):
                found.add_unsafe("external reference")
        for address in _URL.findall(value):
            if not address.startswith("#"):
                found.add_unsafe("external reference" if not address.lower().startswith("data:") else "embedded data")


def _svg_text(element) -> str:
    """The text of an element as it reads: a <tspan> placed at its own x or
    y (a new line of a label) starts a new word; one that only continues the
    line (a bold word, a kerned letter: dx) does not."""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):  # not a comment
            if "x" in child.attrib or "y" in child.attrib:
                pieces.append(" ")
            pieces.append(_svg_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _svg_name(label: str, value: str, found: ImageMetadata) -> None:
    if label == "SVG id":
        if _GENERATED_ID.fullmatch(value):
            return
        # "chelsea-dawson", "Chelsea_Dawson", "ChelseaDawson": words apart.
        value = _ID_SEPARATORS.sub(" ", value)
    value = " ".join(value.split())
    if value:
        found.metadata.append((label, value))
