"""Every string in every object of a PDF, read with pikepdf (qpdf).

pypdf reads what a reader sees: the text of each page, the document
properties, comments, bookmarks and form fields (attachments.read_pdf,
pdf_active.notes). A PDF holds text in more places than those: a link's
address (/URI), page labels (the "page numbers" a reader shows, /PageLabels),
named destinations, the text drawn by an annotation's appearance or by a
form (XObject) that no page paints, XMP packets on pages and images, the
names of attached files, and objects that nothing in the file refers to
(left over by an editor, invisible to every reader, readable in a text
editor). `every_string(data)` goes through every object of the file, the
unreferenced ones included (qpdf lists every object of the cross-reference
table), and gives each string it holds with a label saying where it is:

    ("link address", "https://example.org/...")
    ("link address words", "Documents Report")  its path read as words
    ("page label", "Appendix ")
    ("unreferenced object 12", "...")
    ("drawn text object 9", "...")     text shown by a form or appearance stream
    ("string /Dest object 4", "...")   any other string, by its key

Strings are given once each; binary strings (the file identifier, digests
of signatures) are left out. Page content streams are not read here (pypdf
reads their text with the fonts' encodings). Earlier revisions of the file
(an incremental save) are not read: PDF007 refuses them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from .xmp import xmp_entries

# Keys whose string says what it is, for the label.
_LABELS = {
    "/URI": "link address",
    "/P": "page label",
    "/D": "link target",
    "/Dest": "link target",
    "/Title": "title",
    "/Contents": "comment",
    "/T": "name",
    "/TU": "tooltip",
    "/TM": "name",
    "/V": "form field",
    "/DV": "form field",
    "/F": "file name",
    "/UF": "file name",
    "/Desc": "file description",
    "/JS": "script",
    "/RC": "comment",
    "/DS": "comment style",
    "/Subj": "comment subject",
    "/Author": "author",
}
# Strings that are addresses: their path is read as words too.
_ADDRESSES = frozenset({"/URI", "/F", "/UF", "/D", "/Dest"})
# Strings that are not text: identifiers, digests, byte ranges of signatures.
_BINARY_KEYS = frozenset({"/ID", "/O", "/U", "/OE", "/UE", "/Perms", "/Cert", "/ByteRange"})
_TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})
_MAX_STREAM = 20_000_000  # bytes of one decoded stream read for its text
_MAX_OBJECTS = 500_000


@dataclass
class PdfStrings:
    entries: list[tuple[str, str]] = field(default_factory=list)
    unreferenced: int = 0  # objects nothing in the file refers to


def every_string(data: bytes, already: set[str] = frozenset()) -> PdfStrings:
    """Every text string of every object; `already` holds values read
    elsewhere (the page text, properties), not given again."""
    import pikepdf

    from ..published.address_words import address_words

    found = PdfStrings()
    seen: set[str] = set(already)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        reachable = _reachable(pdf)
        page_contents = _page_contents(pdf)
        for count, obj in enumerate(pdf.objects):
            if count >= _MAX_OBJECTS:
                break
            if not isinstance(obj, pikepdf.Object):
                # An object that is only a number, true/false or null (word
                # processors write a stream's /Length so): no text in it.
                continue
            ref = obj.objgen
            orphan = ref not in reachable and ref != (0, 0)
            if orphan and not _is_null(obj):
                found.unreferenced += 1
            where = f"unreferenced object {ref[0]}" if orphan else f"object {ref[0]}"
            for key, text in _strings(obj):
                label = where if orphan else _LABELS.get(key, f"string {key}")
                _add(found, seen, label, text)
                if key in _ADDRESSES:
                    # Read as words, as the final gate reads a page's links:
                    # `.../zebedee-quinlan` is `Zebedee Quinlan`.
                    _add(found, seen, f"{label} words", address_words(text))
            if _is_stream(obj):
                _stream(obj, ref, orphan, found, seen, page_contents)
    return found


def _add(found: PdfStrings, seen: set[str], label: str, text: str) -> None:
    text = " ".join(text.split())
    if text and text not in seen and _is_text(text):
        seen.add(text)
        found.entries.append((label, text))


def _is_text(text: str) -> bool:
    """Readable text, not binary data decoded as characters."""
    printable = sum(ch.isprintable() for ch in text)
    return printable >= 0.9 * len(text)


def _type(obj):
    import pikepdf

    return obj._type_code if isinstance(obj, pikepdf.Object) else None


def _indirect(obj) -> bool:
    import pikepdf

    return isinstance(obj, pikepdf.Object) and obj.is_indirect


def _is_stream(obj) -> bool:
    import pikepdf

    return _type(obj) == pikepdf.ObjectType.stream


def _is_null(obj) -> bool:
    import pikepdf

    return _type(obj) == pikepdf.ObjectType.null


def _strings(obj, key: str = "", depth: int = 0):
    """(key, text) of every string held directly in `obj` (not through a
    reference to another object, which is read on its own)."""
    import pikepdf

    kind = _type(obj)
    if depth > 64:
        return
    if kind == pikepdf.ObjectType.string:
        if key not in _BINARY_KEYS:
            try:
                yield key, str(obj)
            except (UnicodeDecodeError, ValueError):
                yield key, bytes(obj).decode("latin-1")
    elif kind in (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.stream):
        for name, value in obj.items():
            if depth and _indirect(value):
                continue
            yield from _strings(value, name, depth + 1)
    elif kind == pikepdf.ObjectType.array:
        for value in obj:
            if not _indirect(value):
                yield from _strings(value, key, depth + 1)


def _reachable(pdf) -> set[tuple[int, int]]:
    """Objects the file refers to, from the trailer through every reference."""
    import pikepdf

    found: set[tuple[int, int]] = set()
    stack = [pdf.trailer]
    while stack and len(found) < _MAX_OBJECTS:
        obj = stack.pop()
        kind = _type(obj)
        if _indirect(obj):
            ref = obj.objgen
            if ref in found:
                continue
            found.add(ref)
        if kind in (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.stream):
            stack.extend(value for value in obj.values() if _container(value))
        elif kind == pikepdf.ObjectType.array:
            stack.extend(value for value in obj if _container(value))
    return found


def _container(value) -> bool:
    import pikepdf

    return _indirect(value) or _type(value) in (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.array)


def _page_contents(pdf) -> set[tuple[int, int]]:
    """The content streams of the pages (pypdf reads their text)."""
    import pikepdf

    refs = set()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        if contents is None:
            continue
        parts = contents if _type(contents) == pikepdf.ObjectType.array else [contents]
        refs.update(part.objgen for part in parts if _indirect(part))
    return refs


def _stream(obj, ref, orphan: bool, found: PdfStrings, seen: set[str], page_contents) -> None:
    """The text of a stream that pypdf does not read: XMP packets anywhere,
    and the text drawn by forms and appearances (and by any content stream
    nothing refers to)."""
    subtype = obj.get("/Subtype")
    if subtype == "/XML" or obj.get("/Type") == "/Metadata":
        data = _decoded(obj)
        if data:
            where = f"unreferenced object {ref[0]}" if orphan else f"XMP object {ref[0]}"
            for name, value in xmp_entries(data):
                _add(found, seen, f"{where} {name}", value)
        return
    if subtype == "/Image" or ref in page_contents or "/Length1" in obj or "/FontFile" in obj:
        return
    if subtype == "/Form" or orphan:
        where = f"unreferenced object {ref[0]}" if orphan else f"drawn text object {ref[0]}"
        for text in _drawn_text(obj):
            _add(found, seen, where, text)


def _decoded(obj) -> bytes:
    import pikepdf

    try:
        length = int(obj.get("/Length", 0))
        if length > _MAX_STREAM:
            return b""
        return obj.read_bytes()
    except (pikepdf.PdfError, ValueError, TypeError):
        return b""


def _drawn_text(obj) -> list[str]:
    """The strings a content stream shows (Tj, TJ, ' and "), each run of a
    text object joined, decoded as single bytes: right for the standard
    fonts annotations and simple forms use; a font with its own encoding
    gives characters that are filtered out as binary."""
    import pikepdf

    try:
        operations = pikepdf.parse_content_stream(obj)
    except (pikepdf.PdfError, ValueError, TypeError):
        return []
    texts: list[str] = []
    current: list[str] = []
    for operands, operator in operations[:200_000]:
        name = str(operator)
        if name in _TEXT_OPERATORS:
            for operand in operands:
                current.extend(_operand_text(operand))
        elif name == "ET" and current:
            texts.append(" ".join("".join(current).split()))
            current = []
    if current:
        texts.append(" ".join("".join(current).split()))
    return [text for text in texts if text]


def _operand_text(operand) -> list[str]:
    import pikepdf

    kind = _type(operand)
    if kind == pikepdf.ObjectType.string:
        return [bytes(operand).decode("cp1252", "replace")]
    if kind == pikepdf.ObjectType.array:
        pieces = []
        for item in operand:
            if _type(item) == pikepdf.ObjectType.string:
                pieces.append(bytes(item).decode("cp1252", "replace"))
            elif isinstance(item, (int, float, Decimal)) and float(item) < -200:
                pieces.append(" ")  # a wide gap in a TJ array is a space
        return pieces
    return []
