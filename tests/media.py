"""Test PDFs and images, made in code.

Each function returns the bytes of a small, valid file with exactly the
features asked for, so a test can say what it is checking:

    make_pdf(["Overview report"], info={"/Author": "Jane Smith"})
    make_jpeg(gps=(53.4, -2.2))
    make_png(text_chunks={"Author": "Jane Smith"})

PDFs are written with pypdf from hand-written content streams (Helvetica,
one line of text per line of the page string); images with Pillow.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfWriter
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
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject(name),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })


def _font_resources() -> DictionaryObject:
    """/F1 Helvetica, and /F2 Courier (every letter 0.6 em wide)."""
    return DictionaryObject({
        NameObject("/Font"): DictionaryObject({
            NameObject("/F1"): _font("/Helvetica"),
            NameObject("/F2"): _font("/Courier"),
        }),
    })


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
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(width),
        NameObject("/Height"): NumberObject(height),
        NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
        NameObject("/BitsPerComponent"): NumberObject(8),
        NameObject("/Filter"): NameObject("/DCTDecode"),
    })
    page["/Resources"][NameObject("/XObject")] = DictionaryObject({
        NameObject("/Im1"): writer._add_object(stream),
    })


def _add_form(writer: PdfWriter, page) -> None:
    field = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Tx"),
        NameObject("/T"): TextStringObject("reader_name"),
        NameObject("/V"): TextStringObject(""),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (LEFT, 600, 300, 620)]),
        NameObject("/F"): NumberObject(4),
    })
    field_ref = writer._add_object(field)
    field[NameObject("/P")] = page.indirect_reference
    page[NameObject("/Annots")] = ArrayObject([field_ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject([field_ref]),
        NameObject("/NeedAppearances"): BooleanObject(True),
    })


def _add_javascript(writer: PdfWriter, script: str) -> None:
    """A document-level script in the /Names /JavaScript tree, run on open."""
    action = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Action"),
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject(script),
    }))
    names = DictionaryObject({
        NameObject("/Names"): ArrayObject([TextStringObject("opened"), action]),
    })
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
    boxed_text: str | None = None,
    photo: bytes | None = None,
) -> bytes:
    """A PDF whose pages have the given text layers.

    info: the document information dictionary ({"/Author": "Jane Smith"});
    without it the PDF has only /Producer (pypdf). xmp: an XMP packet stored
    as the catalog's /Metadata. boxed_text: drawn on page 1 and then covered
    by a filled black rectangle (a redaction that left the text in place).
    photo: a JPEG file, copied byte for byte into page 1 as an image.
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
        _add_form(writer, writer.pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


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
            body.append(f'<dc:{name}><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li>'
                        f"</rdf:Alt></dc:{name}>")
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


def make_jpeg(*, exif: dict | None = None, gps: tuple[float, float] | None = None,
              xmp: str | None = None) -> bytes:
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
