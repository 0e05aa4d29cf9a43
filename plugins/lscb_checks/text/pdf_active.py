"""What a PDF holds besides its pages: active content (JavaScript, Launch
actions), attached files, form fields, photos that record where they were
taken, the text of comments, bookmarks and form fields, and earlier versions
of the file kept by an incremental save.

`active_content(reader)` walks the objects reachable from the document
catalog and from each page's actions and annotations, once each, without
decoding any stream. `located_photos(reader)` reads the EXIF of the JPEG
photos the pages draw. `notes(reader)` gives the text a reader sees besides
the page text (comments and their authors, bookmarks, field values).
`earlier_versions(data)` looks at the raw bytes for objects saved twice.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable

from PIL import ExifTags, Image
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

# Keys not followed: back-references, resources (fonts, images), the
# structure tree and named destinations. None of them holds actions a reader
# runs, and they are most of a large PDF's objects.
_SKIP = frozenset(
    {
        "/Parent",
        "/P",
        "/Resources",
        "/StructTreeRoot",
        "/StructParents",
        "/StructParent",
        "/Dests",
        "/Metadata",
        "/Font",
        "/Widths",
        "/W",
        "/ParentTree",
        "/K",
        "/PieceInfo",
        "/Contents",
        "/Thumb",
        "/MediaBox",
        "/CropBox",
        "/BBox",
        "/Rect",
        "/QuadPoints",
        "/OutputIntents",
        "/PageLabels",
        "/ViewerPreferences",
    }
)
_WHERE = {"/OpenAction": "on open", "/AA": "on open", "/Names": "on open", "/Outlines": "bookmark", "/AcroForm": "form"}
_MAX_OBJECTS = 200_000
_CONTAINERS = (IndirectObject, DictionaryObject, ArrayObject)


def active_content(reader) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(where scripts are, names of attached files, names of form fields)."""
    scripts: list[str] = []
    files: list[str] = []
    root = reader.trailer["/Root"].get_object()
    seen: set = set()
    for key, value in root.items():
        if key not in _SKIP and key not in ("/Pages", "/AcroForm"):
            _walk(value, _WHERE.get(key, "document"), seen, scripts, files)
    for number, page in enumerate(reader.pages, start=1):
        for key in ("/AA", "/Annots"):
            if key in page:
                _walk(page[key], f"page {number}", seen, scripts, files)
    acroform = root.get("/AcroForm")
    fields = _form_fields(acroform.get_object()) if acroform is not None else ()
    if acroform is not None:
        _walk(acroform, "form", seen, scripts, files)
    return _unique(scripts), _unique(files), fields


def _walk(start, where: str, seen: set, scripts: list, files: list) -> None:
    stack = [start]
    while stack and len(seen) < _MAX_OBJECTS:
        value = stack.pop()
        if isinstance(value, IndirectObject):
            ref = (value.idnum, value.generation)
            if ref in seen:
                continue
            seen.add(ref)
            value = value.get_object()
        if isinstance(value, DictionaryObject):
            if value.get("/Type") in ("/Page", "/Pages"):
                continue  # a link's destination: each page is walked on its own
            _inspect(value, where, scripts, files)
            stack.extend(v for k, v in value.items() if k not in _SKIP and isinstance(v, _CONTAINERS))
        elif isinstance(value, ArrayObject):
            stack.extend(v for v in value if isinstance(v, _CONTAINERS))


def _inspect(value: DictionaryObject, where: str, scripts: list, files: list) -> None:
    kind = value.get("/S")
    if kind in ("/JavaScript", "/Launch") or "/JS" in value:
        scripts.append(where)
    if "/EF" in value:
        name = value.get("/UF") or value.get("/F") or "unnamed file"
        files.append(str(name.get_object() if isinstance(name, IndirectObject) else name))
    elif value.get("/Subtype") in ("/RichMedia", "/3D"):  # a file attachment's /FS has the /EF
        files.append(f"{str(value.get('/Subtype'))[1:]} on {where}")


def _form_fields(acroform: DictionaryObject) -> tuple[str, ...]:
    """Names of the fields a reader can fill in; signature fields do not count."""
    names = []
    if acroform.get("/XFA") is not None:
        names.append("XFA form")
    # (field, parent's full name, field type inherited from the parent)
    stack = [(field, "", None) for field in acroform.get("/Fields") or []]
    visited = 0
    while stack and visited < 10_000:
        field, parent, inherited = stack.pop()
        visited += 1
        field = field.get_object()
        if not isinstance(field, DictionaryObject):
            continue
        title = field.get("/T")
        name = f"{parent}.{title}" if parent and title else str(title or parent)
        field_type = field.get("/FT", inherited)
        kids = field.get("/Kids")
        if kids:
            stack.extend((kid, name, field_type) for kid in kids)
        elif field_type is not None and field_type != "/Sig":
            names.append(name or "unnamed field")
    return _unique(names)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


# --- Photos that record where they were taken ---------------------------------


def located_photos(reader) -> tuple[int, ...]:
    """Pages with a JPEG photo whose EXIF still holds a GPS position (PDF
    programs often copy a JPEG into the PDF byte for byte)."""
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        for image in _jpeg_streams(page):
            data = image.get_data()  # for DCTDecode, the JPEG file as stored
            if b"Exif\x00\x00" not in data[:65536]:
                continue
            try:
                with Image.open(io.BytesIO(data)) as photo:
                    gps = photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            except Exception:  # a damaged photo holds no position we can read
                continue
            if gps.get(ExifTags.GPS.GPSLatitude) and gps.get(ExifTags.GPS.GPSLongitude):
                pages.append(number)
                break
    return tuple(pages)


def _jpeg_streams(page, depth: int = 0):
    try:
        xobjects = page["/Resources"]["/XObject"]
    except (KeyError, TypeError):
        return
    for value in xobjects.values():
        value = value.get_object()
        subtype = value.get("/Subtype")
        if subtype == "/Image":
            filters = value.get("/Filter")
            filters = filters if isinstance(filters, ArrayObject) else [filters]
            if "/DCTDecode" in filters and len(filters) == 1:
                yield value
        elif subtype == "/Form" and depth < 3:
            yield from _jpeg_streams(value, depth + 1)


# --- Text besides the pages: comments, bookmarks, form field values -----------

_TAG = re.compile(r"<[^>]*>")
_MAX_NOTES = 10_000


def notes(reader) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """([(label, text)], [(page, author)]): what comments (annotations) say and
    who wrote them, bookmark titles, and the values of form fields. Labels:
    "comment page 2", "comment author page 2", "bookmark", "form field"."""
    texts: list[tuple[str, str]] = []
    authors: list[tuple[int, str]] = []
    for number, page in enumerate(reader.pages, start=1):
        annotations = _resolve(page.get("/Annots"))
        if not isinstance(annotations, ArrayObject):
            continue
        for annotation in annotations[:_MAX_NOTES]:
            annotation = _resolve(annotation)
            if not isinstance(annotation, DictionaryObject):
                continue
            widget = annotation.get("/Subtype") == "/Widget"
            for key in ("/Contents", "/RC", "/TU") + (("/V", "/DV") if widget else ()):
                for value in _strings(annotation.get(key), rich=key == "/RC"):
                    texts.append(("form field" if widget else f"comment page {number}", value))
            # A widget's /T is the field's name (PDF005 counts fields); a
            # comment's /T is the person who wrote it.
            author = "" if widget else _string(annotation.get("/T"))
            if author:
                texts.append((f"comment author page {number}", author))
                authors.append((number, author))
    root = reader.trailer["/Root"].get_object()
    texts.extend(("bookmark", title) for title in _bookmarks(root.get("/Outlines")))
    acroform = _resolve(root.get("/AcroForm"))
    if isinstance(acroform, DictionaryObject):
        texts.extend(("form field", value) for value in _field_values(acroform.get("/Fields")))
    return list(dict.fromkeys(texts)), list(dict.fromkeys(authors))


def _bookmarks(outlines) -> list[str]:
    """Titles of every bookmark, nested ones too."""
    titles: list[str] = []
    outlines = _resolve(outlines)
    stack = [outlines.get("/First")] if isinstance(outlines, DictionaryObject) else []
    seen: set = set()
    while stack and len(seen) < _MAX_NOTES:
        reference = stack.pop()
        key = (reference.idnum, reference.generation) if isinstance(reference, IndirectObject) else id(reference)
        item = _resolve(reference)
        if key in seen or not isinstance(item, DictionaryObject):
            continue
        seen.add(key)
        title = _string(item.get("/Title"))
        if title:
            titles.append(title)
        stack.extend(value for value in (item.get("/Next"), item.get("/First")) if value is not None)
    return titles


def _field_values(fields) -> list[str]:
    """Values (/V, default /DV) and tooltips (/TU) of every field of a form."""
    values: list[str] = []
    stack = list(_resolve(fields) or [])
    seen: set = set()
    while stack and len(seen) < _MAX_NOTES:
        reference = stack.pop()
        field = _resolve(reference)
        if id(field) in seen or not isinstance(field, DictionaryObject):
            continue
        seen.add(id(field))
        for key in ("/V", "/DV", "/TU"):
            values.extend(_strings(field.get(key)))
        stack.extend(_resolve(field.get("/Kids")) or [])
    return values


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _strings(value, rich: bool = False) -> list[str]:
    """The text of a string, a list of strings (a list box) or a rich text
    stream; names (a ticked box: /Yes) and numbers are not text."""
    value = _resolve(value)
    if isinstance(value, ArrayObject):
        return [text for item in value for text in _strings(item, rich)]
    if isinstance(value, StreamObject):
        try:
            value = value.get_data().decode("utf-8", "replace")
        except Exception:  # a rich text stream that does not decode holds no text we can read
            return []
    text = _string(value)
    if rich:
        text = " ".join(html.unescape(_TAG.sub(" ", text)).split())
    return [text] if text else []


def _string(value) -> str:
    value = _resolve(value)
    if isinstance(value, str) and not isinstance(value, NameObject):
        return " ".join(value.split())
    if isinstance(value, bytes):
        return " ".join(value.decode("latin-1").split())
    return ""


# --- Earlier versions kept by an incremental save -------------------------------

# "12 0 obj": where the file defines object 12, generation 0. Matched on
# the few bytes before each "obj", found with bytes.find (a regular
# expression tried at every byte of a large compressed file is slow).
_OBJECT = re.compile(rb"(?<![0-9])([0-9]{1,10})[\x00\t\n\f\r ]+([0-9]{1,5})[\x00\t\n\f\r ]+obj\Z")
_BEFORE = 40  # bytes before "obj" enough to hold "1234567890 65535 "
_LINEARIZED = re.compile(rb"/Linearized[\x00\t\n\f\r ]")


def earlier_versions(data: bytes) -> bool:
    """True when the file keeps an earlier version of itself: an object is
    defined twice (saved again by an incremental update), or the chain of
    cross-reference sections (each save's list of where its objects are,
    linked by /Prev) is longer than one save writes: two sections in a
    linearized ("fast web view") file, one otherwise."""
    seen: set[tuple[int, int]] = set()
    at = data.find(b"obj")
    while at != -1:
        end = at + 3
        if data[at - 3 : at] != b"end" and not data[end : end + 1].isalpha():
            match = _OBJECT.search(data, max(0, at - _BEFORE), end)
            if match:
                key = (int(match.group(1)), int(match.group(2)))
                if key in seen:
                    return True
                seen.add(key)
        at = data.find(b"obj", end)
    return _sections(data) > (2 if _LINEARIZED.search(data, 0, 1024) else 1)


_STARTXREF = re.compile(rb"startxref[\x00\t\n\f\r ]+([0-9]{1,12})")
_PREV = re.compile(rb"/Prev[\x00\t\n\f\r ]+([0-9]{1,12})")


def _sections(data: bytes) -> int:
    """How many cross-reference sections the file's chain has, from the last
    startxref through each /Prev (a table's trailer, or an xref stream's
    dictionary). A broken chain counts what was found."""
    last = data.rfind(b"startxref")
    match = _STARTXREF.match(data, last) if last != -1 else None
    offset = int(match.group(1)) if match else -1
    visited: set[int] = set()
    while 0 <= offset < len(data) and offset not in visited and len(visited) < 1000:
        visited.add(offset)
        if data[offset : offset + 4] == b"xref":
            start = data.find(b"trailer", offset)
            stop = data.find(b"startxref", start) if start != -1 else -1
        else:  # an xref stream: its dictionary is before "stream"
            start, stop = offset, data.find(b"stream", offset)
        if start == -1:
            break
        previous = _PREV.search(data, start, stop if stop != -1 else len(data))
        offset = int(previous.group(1)) if previous else -1
    return len(visited)
