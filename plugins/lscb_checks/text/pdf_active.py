"""What a PDF holds besides its pages: active content (JavaScript, Launch
actions), attached files, form fields, and photos that record where they
were taken.

`active_content(reader)` walks the objects reachable from the document
catalog and from each page's actions and annotations, once each, without
decoding any stream. `located_photos(reader)` reads the EXIF of the JPEG
photos the pages draw.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import ExifTags, Image
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Keys not followed: back-references, resources (fonts, images), the
# structure tree and named destinations. None of them holds actions a reader
# runs, and they are most of a large PDF's objects.
_SKIP = frozenset({
    "/Parent", "/P", "/Resources", "/StructTreeRoot", "/StructParents", "/StructParent",
    "/Dests", "/Metadata", "/Font", "/Widths", "/W", "/ParentTree", "/K", "/PieceInfo",
    "/Contents", "/Thumb", "/MediaBox", "/CropBox", "/BBox", "/Rect", "/QuadPoints",
    "/OutputIntents", "/PageLabels", "/ViewerPreferences",
})
_WHERE = {"/OpenAction": "on open", "/AA": "on open", "/Names": "on open",
          "/Outlines": "bookmark", "/AcroForm": "form"}
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
