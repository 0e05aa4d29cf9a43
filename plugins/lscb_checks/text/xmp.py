"""XMP packets (in PDFs and images) as (name, value) pairs.

    dc:creator                 Jane Smith
    xmp:CreatorTool            Microsoft Word
    Iptc4xmpCore:CreatorContactInfo/CiEmailWork   jane@example.org

Names use the usual prefix of each namespace (or the prefix the packet
declares). Values of lists (rdf:Seq, rdf:Bag, rdf:Alt) come one per entry.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONTAINERS = {f"{{{RDF}}}{name}" for name in ("Seq", "Bag", "Alt", "li", "Description", "value")}
_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/pdfx/1.3/": "pdfx",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    RDF: "rdf",
}
_MAX_ENTRIES = 2000
# Tags, not declarations: an entity's text ("<!ENTITY x 'Jane Smith'>") stays.
_TAG = re.compile(r"<(?!!)[^>]*>")


def xmp_entries(data: bytes | str) -> list[tuple[str, str]]:
    """Every text value in the packet. A packet that is not well-formed XML
    gives its text without the tags, as one ("packet", text) entry, so the
    redaction checks still read it."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    raw = raw.strip(b"\x00 \r\n\t")
    declared: dict[str, str] = {}
    try:
        root = None
        # defusedxml: no entity is expanded and nothing outside the packet is
        # read ("billion laughs" in an image's XMP cannot stall the build).
        for event, value in DefusedET.iterparse(
            io.BytesIO(raw), events=("start-ns", "end"), forbid_dtd=False, forbid_entities=True, forbid_external=True
        ):
            if event == "start-ns":
                prefix, uri = value
                declared.setdefault(uri, prefix)
            root = value if event == "end" else root
    except (ET.ParseError, DefusedXmlException):
        # Not well-formed, or it declares entities: read as text, tags dropped.
        text = " ".join(_TAG.sub(" ", raw.decode("utf-8", "replace")).split())
        return [("packet", text)] if text else []
    if root is None:
        return []
    prefixes = {**declared, **_PREFIXES}
    entries: list[tuple[str, str]] = []
    for rdf in root.iter(f"{{{RDF}}}RDF"):
        for description in rdf:
            _walk(description, "", prefixes, entries)
            if len(entries) > _MAX_ENTRIES:
                return _unique(entries)
    return _unique(entries)


def _qname(tag: str, prefixes: dict[str, str]) -> str:
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return f"{prefixes.get(uri, uri.rstrip('/#').rsplit('/', 1)[-1])}:{local}"
    return tag


def _walk(element, name: str, prefixes: dict[str, str], entries: list) -> None:
    for attribute, value in element.attrib.items():
        if not attribute.startswith(f"{{{RDF}}}") and value.strip():
            attr = _qname(attribute, prefixes)
            entries.append((f"{name}/{attr}" if name else attr, value.strip()))
    children = list(element)
    if not children:
        if name and element.text and element.text.strip():
            entries.append((name, element.text.strip()))
        return
    for child in children:
        if child.tag in _CONTAINERS:
            _walk(child, name, prefixes, entries)
        else:
            child_name = _qname(child.tag, prefixes)
            _walk(child, f"{name}/{child_name}" if name else child_name, prefixes, entries)


def _unique(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen = set()
    return [entry for entry in entries if not (entry in seen or seen.add(entry))]
