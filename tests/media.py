"""Test PDFs and images, made in code.

Each function returns the bytes of a small, valid file with exactly the
features asked for, so a test can say what it is checking:

    make_pdf(["Overview report"], info={"/Author": "Jane Smith"})
    make_jpeg(gps=(53.4, -2.2))
    make_png(text_chunks={"Author": "Jane Smith"})

PDFs are written with pypdf from hand-written content streams (Helvetica,
one line of text per line of the page string); images with Pillow. A PDF
can then be changed as a PDF editor would: `with_comment`, `with_bookmarks`,
`saved_over` (an incremental save), and `make_linearized_pdf` writes a "fast
web view" file, whose two cross-reference sections are not earlier versions.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

PAGE_WIDTH = 595  # A4, in points
PAGE_HEIGHT = 842
LEFT = 72
TOP = 770
LEADING = 16
FONT_SIZE = 12


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_ops(lines: Sequence[str], x: float, y: float) -> list[str]:
    ops = []
    for number, line in enumerate(lines):
        ops.append(f"BT /F1 {FONT_SIZE} Tf {x} {y - number * LEADING} Td ({_escape(line)}) Tj ET")
    return ops


def _font(name: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(name),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def _font_resources() -> DictionaryObject:
    """/F1 Helvetica, and /F2 Courier (every letter 0.6 em wide)."""
    return DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {
                    NameObject("/F1"): _font("/Helvetica"),
                    NameObject("/F2"): _font("/Courier"),
                }
            ),
        }
    )


def _set_content(writer: PdfWriter, page, ops: list[str]) -> None:
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    page[NameObject("/Resources")] = _font_resources()


def _boxed_ops(text: str) -> list[str]:
    """Text at the foot of the page, then a filled black box drawn over it."""
    x, y = LEFT, 120
    width = len(text) * FONT_SIZE * 0.6 + 8
    return [
        *_text_ops([text], x, y),
        f"q 0 0 0 rg {x - 4} {y - 4} {width:.1f} {FONT_SIZE + 8} re f Q",
    ]


def _add_photo(writer: PdfWriter, page, jpeg: bytes) -> None:
    with Image.open(io.BytesIO(jpeg)) as image:
        width, height = image.size
    stream = DecodedStreamObject()
    stream.set_data(jpeg)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(width),
            NameObject("/Height"): NumberObject(height),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    page["/Resources"][NameObject("/XObject")] = DictionaryObject(
        {
            NameObject("/Im1"): writer._add_object(stream),
        }
    )


def _add_form(writer: PdfWriter, page, value: str = "") -> None:
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("reader_name"),
            NameObject("/V"): TextStringObject(value),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (LEFT, 600, 300, 620)]),
            NameObject("/F"): NumberObject(4),
        }
    )
    field_ref = writer._add_object(field)
    field[NameObject("/P")] = page.indirect_reference
    page[NameObject("/Annots")] = ArrayObject([field_ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject([field_ref]),
            NameObject("/NeedAppearances"): BooleanObject(True),
        }
    )


def _add_javascript(writer: PdfWriter, script: str) -> None:
    """A document-level script in the /Names /JavaScript tree, run on open."""
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Action"),
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(script),
            }
        )
    )
    names = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject([TextStringObject("opened"), action]),
        }
    )
    root = writer._root_object
    if "/Names" not in root:
        root[NameObject("/Names")] = DictionaryObject()
    root["/Names"].get_object()[NameObject("/JavaScript")] = writer._add_object(names)


def _add_xmp(writer: PdfWriter, xmp: str) -> None:
    stream = DecodedStreamObject()
    stream.set_data(xmp.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)


def make_pdf(
    pages: Sequence[str] = ("Overview report",),
    *,
    info: dict | None = None,
    xmp: str | None = None,
    javascript: bool = False,
    embedded_file: bool = False,
    form: bool = False,
    form_value: str = "",
    boxed_text: str | None = None,
    photo: bytes | None = None,
) -> bytes:
    """A PDF whose pages have the given text layers.

    info: the document information dictionary ({"/Author": "Jane Smith"});
    without it the PDF has only /Producer (pypdf). xmp: an XMP packet stored
    as the catalog's /Metadata. boxed_text: drawn on page 1 and then covered
    by a filled black rectangle (a redaction that left the text in place).
    photo: a JPEG file, copied byte for byte into page 1 as an image.
    form: a text field on page 1, filled in with form_value.
    """
    writer = PdfWriter()
    for number, text in enumerate(pages or ("",)):
        page = writer.add_blank_page(PAGE_WIDTH, PAGE_HEIGHT)
        ops = _text_ops(text.splitlines(), LEFT, TOP)
        if number == 0 and boxed_text is not None:
            ops += _boxed_ops(boxed_text)
        if number == 0 and photo is not None:
            ops.append(f"q 96 0 0 64 {LEFT} 400 cm /Im1 Do Q")
        _set_content(writer, page, ops)
        if number == 0 and photo is not None:
            _add_photo(writer, page, photo)
    if info:
        writer.add_metadata(info)
    if xmp is not None:
        _add_xmp(writer, xmp)
    if javascript:
        _add_javascript(writer, "app.alert('Opened');")
    if embedded_file:
        writer.add_attachment("notes.txt", b"Chronology notes\n")
    if form:
        _add_form(writer, writer.pages[0], form_value)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _edited(pdf: bytes, change, incremental: bool = False) -> bytes:
    if incremental:
        writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    else:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_comment(
    pdf: bytes,
    text: str = "",
    *,
    page: int = 0,
    kind: str = "sticky note",
    author: str | None = None,
    rich: str | None = None,
) -> bytes:
    """The PDF with a comment on `page` (0 = the first), as a PDF reader adds
    one: kind "sticky note" (a /Text annotation, shown as an icon) or "text
    box" (a /FreeText annotation, its text drawn on the page); author (/T)
    and rich text (/RC, XHTML) as given."""
    from pypdf.annotations import FreeText, Text

    def change(writer: PdfWriter) -> None:
        rect = (LEFT, 500, 300, 540)
        annotation = Text(rect=rect, text=text) if kind == "sticky note" else FreeText(rect=rect, text=text)
        if author is not None:
            annotation[NameObject("/T")] = TextStringObject(author)
        if rich is not None:
            annotation[NameObject("/RC")] = TextStringObject(rich)
        writer.add_annotation(page, annotation)

    return _edited(pdf, change)


def with_bookmarks(pdf: bytes, titles: Sequence) -> bytes:
    """The PDF with bookmarks (the outline): titles is a list of strings, and
    a (title, [nested titles...]) pair for a bookmark with bookmarks inside."""

    def add(writer: PdfWriter, entries: Sequence, parent=None) -> None:
        for entry in entries:
            title, children = (entry, ()) if isinstance(entry, str) else entry
            item = writer.add_outline_item(title=title, page_number=0, parent=parent)
            add(writer, children, item)

    return _edited(pdf, lambda writer: add(writer, titles))


def saved_over(pdf: bytes, pages: Sequence[str]) -> bytes:
    """The PDF with the text of its pages replaced and saved incrementally
    (the way many PDF editors save): the new version is appended and the old
    page contents stay in the file."""

    def change(writer: PdfWriter) -> None:
        for page, text in zip(writer.pages, pages):
            stream = DecodedStreamObject()
            stream.set_data("\n".join(_text_ops(text.splitlines(), LEFT, TOP)).encode("latin-1"))
            page[NameObject("/Contents")] = writer._add_object(stream)

    return _edited(pdf, change, incremental=True)


def make_linearized_pdf(text: str = "Overview report") -> bytes:
    """A one-page linearized ("fast web view") PDF, laid out as the PDF
    standard's Annex F says: the linearization dictionary and a first-page
    cross-reference section at the start (whose trailer points to the main
    section with /Prev), the first page's objects, then the rest and the
    main cross-reference section. Every object is written once."""
    content = "\n".join(_text_ops(text.splitlines(), LEFT, TOP)).encode("latin-1")
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
    # Objects 1-2: the rest of the document; 3-7: the first-page section.
    rest = {
        1: b"<< /Type /Pages /Kids [ 6 0 R ] /Count 1 >>",
        2: b"<< /Title (Overview report) /Producer (media.py) >>",
    }
    offsets: dict = {"main": 0, "first": 0, "hint": (0, 0), "end": 0, "length": 0}
    for _ in range(4):  # the numbers in the header change its length: repeat until stable
        first = {
            3: (
                b"<< /Linearized 1 /L %d /H [ %d %d ] /O 6 /E %d /N 1 /T %d >>"
                % (offsets["length"], *offsets["hint"], offsets["end"], offsets["main"])
            ),
            4: b"<< /Type /Catalog /Pages 1 0 R >>",
            5: b"<< /S 0 /Length 8 >>\nstream\n\x00\x00\x00\x00\x00\x00\x00\x00\nendstream",
            6: b"<< /Type /Page /Parent 1 0 R /MediaBox [ 0 0 %d %d ] /Contents 7 0 R /Resources %s >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, font),
            7: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        }
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        where: dict[int, int] = {}
        where[3] = len(out)
        out += b"3 0 obj\n" + first[3] + b"\nendobj\n"
        first_xref = len(out)
        out += b"xref\n3 5\n" + b"".join(b"%010d 00000 n \n" % where.get(n, offsets.get(n, 0)) for n in range(3, 8))
        out += b"trailer\n<< /Size 8 /Root 4 0 R /Info 2 0 R /Prev %d >>\nstartxref\n0\n%%%%EOF\n" % offsets["main"]
        for number in (4, 5, 6, 7):
            where[number] = len(out)
            if number == 5:
                hint_start = len(out)
            out += b"%d 0 obj\n" % number + first[number] + b"\nendobj\n"
            if number == 5:
                hint = (hint_start, len(out) - hint_start)
        end = len(out)
        for number, body in rest.items():
            where[number] = len(out)
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        main = len(out)
        out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % where[n] for n in (1, 2))
        out += b"trailer\n<< /Size 3 >>\nstartxref\n%d\n%%%%EOF\n" % first_xref
        offsets.update({n: where[n] for n in range(3, 8)})
        offsets.update({"main": main, "first": first_xref, "hint": hint, "end": end, "length": len(out)})
    return bytes(out)


def xmp_packet(**properties: str) -> str:
    """An XMP packet; keys like dc_creator, pdf_Author, xmp_CreatorTool."""
    namespaces = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "pdf": "http://ns.adobe.com/pdf/1.3/",
        "xmp": "http://ns.adobe.com/xap/1.0/",
        "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    }
    body = []
    for key, value in properties.items():
        prefix, _, name = key.partition("_")
        if prefix == "dc" and name in ("creator", "contributor"):
            body.append(f"<dc:{name}><rdf:Seq><rdf:li>{value}</rdf:li></rdf:Seq></dc:{name}>")
        elif prefix == "dc" and name in ("title", "description", "rights"):
            body.append(f'<dc:{name}><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt></dc:{name}>')
        else:
            body.append(f"<{prefix}:{name}>{value}</{prefix}:{name}>")
    declarations = " ".join(f'xmlns:{p}="{uri}"' for p, uri in namespaces.items())
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'<rdf:Description rdf:about="" {declarations}>\n'
        + "\n".join(body)
        + "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


_EXIF_TAGS = {tag.name: int(tag) for tag in ExifTags.Base}


def _exif(exif: dict | None, gps: tuple[float, float] | None = None) -> Image.Exif:
    result = Image.Exif()
    for key, value in (exif or {}).items():
        result[_EXIF_TAGS[key] if isinstance(key, str) else key] = value
    if gps is not None:
        latitude, longitude = gps
        result[ExifTags.Base.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N" if latitude >= 0 else "S",
            ExifTags.GPS.GPSLatitude: _dms(abs(latitude)),
            ExifTags.GPS.GPSLongitudeRef: "E" if longitude >= 0 else "W",
            ExifTags.GPS.GPSLongitude: _dms(abs(longitude)),
        }
    return result


def _dms(value: float) -> tuple[float, float, float]:
    total = round(value * 3600, 2)  # seconds of arc
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return (float(degrees), float(minutes), round(seconds, 2))


def _picture(mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, (48, 32), (230, 236, 240))
    for x in range(8, 40):
        for y in range(8, 24):
            image.putpixel((x, y), (30, 90, 140))
    return image


def make_png(*, text_chunks: dict | None = None, exif: dict | None = None) -> bytes:
    """A small PNG; text_chunks become tEXt chunks ({"Author": "..."});
    exif ({"Artist": "..."} or {tag number: value}) an eXIf chunk."""
    options = {}
    if text_chunks:
        info = PngInfo()
        for key, value in text_chunks.items():
            info.add_text(key, value)
        options["pnginfo"] = info
    if exif:
        options["exif"] = _exif(exif)
    buffer = io.BytesIO()
    _picture().save(buffer, "PNG", **options)
    return buffer.getvalue()


def make_jpeg(*, exif: dict | None = None, gps: tuple[float, float] | None = None, xmp: str | None = None) -> bytes:
    """A small JPEG; exif as for make_png, gps=(latitude, longitude) in
    degrees, xmp an XMP packet in an APP1 segment."""
    options = {"quality": 90}
    if exif or gps is not None:
        options["exif"] = _exif(exif, gps)
    if xmp is not None:
        options["xmp"] = xmp.encode("utf-8")
    buffer = io.BytesIO()
    _picture().save(buffer, "JPEG", **options)
    return buffer.getvalue()


def make_pdf_from_content(content: str, *, annotations: Sequence[dict] = ()) -> bytes:
    """A one-page PDF whose content stream is `content` (/F1 Helvetica, /F2 Courier),
    for tests of what is drawn where. annotations: dictionaries of PDF names
    to values ({"/Subtype": "/Redact", "/Rect": [x0, y0, x1, y1]})."""
    writer = PdfWriter()
    page = writer.add_blank_page(PAGE_WIDTH, PAGE_HEIGHT)
    _set_content(writer, page, [content])
    if annotations:
        refs = []
        for annotation in annotations:
            values = DictionaryObject({NameObject("/Type"): NameObject("/Annot")})
            for key, value in annotation.items():
                values[NameObject(key)] = _pdf_value(value)
            refs.append(writer._add_object(values))
        page[NameObject("/Annots")] = ArrayObject(refs)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


COURIER_WIDTH = 0.6  # every letter of Courier (/F2) is 0.6 em wide


def courier_letters(text: str, x: float, y: float, size: float = FONT_SIZE) -> list[tuple[float, float, str]]:
    """(x, y, letter) of each letter of `text` set in Courier from (x, y)."""
    return [(x + index * COURIER_WIDTH * size, y, letter) for index, letter in enumerate(text)]


def courier_end(text: str, x: float = 72, size: float = FONT_SIZE) -> float:
    """Where `text` set in Courier from x ends."""
    return x + COURIER_WIDTH * size * len(text)


def drawn_at(pieces: Sequence[tuple[float, float, str]], size: float = FONT_SIZE) -> str:
    """A content stream that draws each (x, y, text) in Courier with its own
    text matrix, in the order given: for make_pdf_from_content."""
    shown = " ".join(f"1 0 0 1 {x:g} {y:g} Tm ({_escape(text)}) Tj" for x, y, text in pieces)
    return f"BT /F2 {size:g} Tf {shown} ET"


def kerned_back(first: str, then: str, x: float, y: float, size: float = FONT_SIZE) -> str:
    """A content stream that draws `first` at (x, y) in Courier, then, in the
    same TJ array, moves back to draw `then` just left of it: the page shows
    "then first", the file writes "first" before "then"."""
    back = round(1000 * COURIER_WIDTH * (len(first) + len(then) + 1))
    return f"BT /F2 {size:g} Tf {x:g} {y:g} Td [({_escape(first)}) {back} ({_escape(then)} )] TJ ET"


def _pdf_value(value):
    if isinstance(value, str) and value.startswith("/"):
        return NameObject(value)
    if isinstance(value, str):
        return TextStringObject(value)
    if isinstance(value, (list, tuple)):
        return ArrayObject(_pdf_value(v) for v in value)
    if isinstance(value, float):
        return FloatObject(value)
    return NumberObject(value)


def make_docx(text: str) -> bytes:
    """A minimal Word document: the zip of XML parts Word writes, with one
    paragraph of text."""
    import zipfile

    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
            f'.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return buffer.getvalue()


# --- More places a PDF or an image can carry text (tests/leak_corpus.py) --------


def with_link(pdf: bytes, uri: str, *, page: int = 0) -> bytes:
    """The PDF with a link annotation on `page` that opens `uri`."""

    def change(writer: PdfWriter) -> None:
        writer.add_annotation(
            page,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Link"),
                    NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (LEFT, 700, 300, 720)]),
                    NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                    NameObject("/A"): DictionaryObject(
                        {
                            NameObject("/S"): NameObject("/URI"),
                            NameObject("/URI"): TextStringObject(uri),
                        }
                    ),
                }
            ),
        )

    return _edited(pdf, change)


def with_popup(pdf: bytes, text: str, *, page: int = 0) -> bytes:
    """The PDF with a sticky note whose pop-up window (a /Popup annotation)
    carries `text` as its own /Contents, the note itself empty."""

    def change(writer: PdfWriter) -> None:
        rect = ArrayObject([FloatObject(v) for v in (LEFT, 500, 300, 540)])
        note = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Text"),
                    NameObject("/Rect"): rect,
                }
            )
        )
        popup = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Popup"),
                    NameObject("/Rect"): rect,
                    NameObject("/Contents"): TextStringObject(text),
                    NameObject("/Parent"): note,
                }
            )
        )
        note.get_object()[NameObject("/Popup")] = popup
        target = writer.pages[page]
        target[NameObject("/Annots")] = ArrayObject([note, popup])

    return _edited(pdf, change)


def with_page_labels(pdf: bytes, prefix: str) -> bytes:
    """The PDF with page labels (the numbers a reader shows) starting with `prefix`."""

    def change(writer: PdfWriter) -> None:
        writer._root_object[NameObject("/PageLabels")] = DictionaryObject(
            {
                NameObject("/Nums"): ArrayObject(
                    [
                        NumberObject(0),
                        DictionaryObject(
                            {
                                NameObject("/S"): NameObject("/D"),
                                NameObject("/P"): TextStringObject(prefix),
                            }
                        ),
                    ]
                ),
            }
        )

    return _edited(pdf, change)


def with_attachment(pdf: bytes, name: str, data: bytes) -> bytes:
    """The PDF with a file attached (an embedded file)."""
    return _edited(pdf, lambda writer: writer.add_attachment(name, data))


def with_orphan_text(pdf: bytes, text: str) -> bytes:
    """The PDF with a string object that nothing refers to: no reader shows
    it, anyone who opens the file in a text editor does."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer._add_object(TextStringObject(text))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_white_text_pdf(visible: str, hidden: str) -> bytes:
    """A one-page PDF with `visible` in black and `hidden` in white below it."""
    return make_pdf_from_content(
        f"BT /F1 {FONT_SIZE} Tf {LEFT} {TOP} Td ({_escape(visible)}) Tj ET\n"
        f"q 1 1 1 rg BT /F1 {FONT_SIZE} Tf {LEFT} {TOP - LEADING} Td ({_escape(hidden)}) Tj ET Q"
    )


def make_png_itxt(key: str, value: str) -> bytes:
    """A small PNG with one international text (iTXt) chunk."""
    info = PngInfo()
    info.add_itxt(key, value, lang="en", tkey=key)
    buffer = io.BytesIO()
    _picture().save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def make_jpeg_comment(comment: str) -> bytes:
    """A small JPEG with a COM (comment) segment."""
    buffer = io.BytesIO()
    _picture().save(buffer, "JPEG", quality=90, comment=comment.encode("utf-8"))
    return buffer.getvalue()


def with_trailing_data(image: bytes, data: bytes) -> bytes:
    """The image with bytes after its end (after PNG's IEND or JPEG's EOI):
    viewers ignore them, the file still carries them."""
    return image + data


def make_svg(*, text: str = "", title: str = "", desc: str = "", metadata: str = "", comment: str = "") -> str:
    """A small SVG drawing; each argument puts its words in that place."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40" role="img">']
    if comment:
        parts.append(f"<!-- {comment} -->")
    if title:
        parts.append(f"<title>{title}</title>")
    if desc:
        parts.append(f"<desc>{desc}</desc>")
    if metadata:
        parts.append(f"<metadata><note>{metadata}</note></metadata>")
    parts.append('<rect x="2" y="2" width="116" height="36" fill="#1d70b8"/>')
    if text:
        parts.append(f'<text x="8" y="26" font-size="10" fill="#fff">{text}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _form_xobject(writer: PdfWriter, text: str):
    """A form XObject (a drawing of its own) that shows `text` in Helvetica."""
    form = DecodedStreamObject()
    form.set_data(f"BT /F1 {FONT_SIZE} Tf 2 6 Td ({_escape(text)}) Tj ET".encode("latin-1"))
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, 300, 20)]),
            NameObject("/Resources"): _font_resources(),
        }
    )
    return writer._add_object(form)


def with_appearance_text(pdf: bytes, text: str, *, page: int = 0) -> bytes:
    """The PDF with a text box comment whose words are only in its
    appearance (what a reader draws), with no /Contents."""

    def change(writer: PdfWriter) -> None:
        writer.add_annotation(
            page,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/FreeText"),
                    NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (LEFT, 600, 372, 620)]),
                    NameObject("/DA"): TextStringObject("/F1 12 Tf 0 g"),
                    NameObject("/AP"): DictionaryObject({NameObject("/N"): _form_xobject(writer, text)}),
                }
            ),
        )

    return _edited(pdf, change)


def with_unpainted_form(pdf: bytes, text: str, *, page: int = 0) -> bytes:
    """The PDF with a form XObject showing `text` in a page's resources that
    the page never draws (no `Do`): no reader shows it."""

    def change(writer: PdfWriter) -> None:
        target = writer.pages[page]
        resources = target["/Resources"].get_object()
        resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Fx1"): _form_xobject(writer, text)})

    return _edited(pdf, change)


def with_png_chunk(image: bytes, chunk: bytes, data: bytes) -> bytes:
    """The PNG with one more chunk of type `chunk` (a private one: lower-case
    first letter) before its end."""
    import struct
    import zlib

    end = image.rindex(b"IEND") - 4
    body = chunk + data
    extra = struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    return image[:end] + extra + image[end:]


def make_svg_with(inner: str) -> str:
    """A small SVG drawing with `inner` markup inside it."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 120 40" role="img">\n<rect width="120" height="40" fill="#1d70b8"/>\n'
        f"{inner}\n</svg>\n"
    )
