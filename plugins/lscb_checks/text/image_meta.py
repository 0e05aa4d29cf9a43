"""The metadata an image file carries besides its pixels.

`read_image(path)` names each kind it finds ("EXIF", "GPS", "XMP", "IPTC",
"PNG text", "comment", "Photoshop", "EXIF thumbnail", ...) and lists the
text values (for the redaction checks). Technical data a browser needs is
not metadata here: a colour (ICC) profile, gamma, resolution, transparency,
the JFIF and Adobe headers.

JPEG files are read segment by segment and PNG files chunk by chunk, so a
kind of metadata nobody expected (a maker's APP segment, a private text
chunk) is still found; nothing is decoded but the headers.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

from PIL import ExifTags, Image, IptcImagePlugin

from .svg_meta import read_svg
from .xmp import xmp_entries


@dataclass
class ImageMetadata:
    metadata: list[tuple[str, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    gps: str = ""
    # What puts an SVG drawing outside the safe subset: "script",
    # "foreignObject", "external reference"... (IMG004).
    unsafe: list[str] = field(default_factory=list)

    def add_unsafe(self, what: str) -> None:
        if what not in self.unsafe:
            self.unsafe.append(what)

    def add_kind(self, kind: str) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)


# JPEG APPn segments that are metadata, by the signature they start with.
_JPEG_SIGNATURES = (
    (b"Exif\x00", "EXIF"),
    (b"http://ns.adobe.com/xap/1.0/", "XMP"),
    (b"http://ns.adobe.com/xmp/extension/", "XMP"),
    (b"Photoshop 3.0", "Photoshop"),
    (b"Ducky", "Photoshop"),
    (b"MPF", "extra images (MPF)"),
)
# Segments a JPEG needs to be shown correctly.
_JPEG_TECHNICAL = ((b"APP0", b"JFIF\x00"), (b"APP2", b"ICC_PROFILE\x00"), (b"APP14", b"Adobe"))

# PNG chunks that are metadata. Everything else (IHDR, PLTE, IDAT, tRNS, gAMA,
# cHRM, sRGB, iCCP, pHYs, bKGD, tIME, APNG frames...) is image data.
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_TAG_NAMES = {int(tag): tag.name for tag in ExifTags.Base}
_GPS_NAMES = {int(tag): tag.name for tag in ExifTags.GPS}
_IFD_POINTERS = {int(ExifTags.Base.ExifOffset), int(ExifTags.Base.GPSInfo), 0xA005}  # the Interoperability IFD
# Tags every TIFF file has; only the others are metadata in a TIFF.
_TIFF_STRUCTURE = {
    256,
    257,
    258,
    259,
    262,
    266,
    273,
    274,
    277,
    278,
    279,
    282,
    283,
    284,
    296,
    317,
    320,
    322,
    323,
    324,
    325,
    338,
    339,
    34675,
}
_IPTC_NAMES = {
    (2, 5): "Object name",
    (2, 25): "Keywords",
    (2, 80): "By-line",
    (2, 85): "By-line title",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province",
    (2, 101): "Country",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "Copyright",
    (2, 120): "Caption",
    (2, 122): "Caption writer",
}


def read_image(path: str) -> ImageMetadata:
    found = ImageMetadata()
    if path.lower().endswith((".svg", ".svgz")):
        read_svg(path, found)
        return found
    with Image.open(path) as image:
        kind = image.format
        if kind == "PNG":
            _png(path, found)
        elif kind in ("JPEG", "MPO"):
            _jpeg(image, found)
        elif kind == "TIFF":
            _exif(image.getexif(), found, skip=_TIFF_STRUCTURE)
        else:
            _other(image, found)
    return found


def _jpeg(image, found: ImageMetadata) -> None:
    for marker, data in getattr(image, "applist", []):
        if marker == "COM":
            found.add_kind("comment")
            found.metadata.append(("comment", data.decode("utf-8", "replace").strip("\x00 ")))
            continue
        name = marker.encode()
        if any(name == m and data.startswith(sig) for m, sig in _JPEG_TECHNICAL):
            continue
        kind = next((k for sig, k in _JPEG_SIGNATURES if data.startswith(sig)), f"{marker} segment")
        if kind == "EXIF":
            exif = Image.Exif()
            exif.load(data[6:])
            _exif(exif, found)
        elif kind == "XMP":
            found.add_kind("XMP")
            _xmp(data.split(b"\x00", 1)[-1], found)
        else:
            found.add_kind(kind)
    if "Photoshop" in found.kinds:
        for key, value in (IptcImagePlugin.getiptcinfo(image) or {}).items():
            found.add_kind("IPTC")
            _iptc(key, value, found)


def _png(path: str, found: ImageMetadata) -> None:
    with open(path, "rb") as handle:
        if handle.read(8) != _PNG_SIGNATURE:
            raise ValueError("not a PNG file")
        while True:
            header = handle.read(8)
            if len(header) < 8:
                break
            length, chunk = struct.unpack(">I4s", header)
            if chunk in _PNG_TEXT or chunk == b"eXIf":
                data = handle.read(length)
                handle.seek(4, 1)
                _png_chunk(chunk, data, found)
            else:
                handle.seek(length + 4, 1)
            if chunk == b"IEND":
                # Anything after the end (another file, appended) is hidden data.
                if handle.read(1):
                    found.add_kind("data after the image")
                break


def _png_chunk(chunk: bytes, data: bytes, found: ImageMetadata) -> None:
    if chunk == b"eXIf":
        exif = Image.Exif()
        exif.load(data)
        _exif(exif, found)
        found.add_kind("EXIF")
        return
    keyword, _, rest = data.partition(b"\x00")
    key = keyword.decode("latin-1")
    try:
        if chunk == b"tEXt":
            text = rest.decode("latin-1")
        elif chunk == b"zTXt":
            text = _inflate(rest[1:]).decode("latin-1")
        else:
            compressed, rest = rest[0], rest[2:]  # then the compression method
            _language, _, rest = rest.partition(b"\x00")
            _translated, _, rest = rest.partition(b"\x00")
            text = (_inflate(rest) if compressed else rest).decode("utf-8", "replace")
    except (zlib.error, IndexError):
        text = ""
    if key == "XML:com.adobe.xmp":
        found.add_kind("XMP")
        _xmp(text.encode("utf-8"), found)
    else:
        found.add_kind("PNG text")
        found.metadata.append((f"PNG {key}", text))


def _inflate(data: bytes, limit: int = 1 << 20) -> bytes:
    """Decompressed text, at most `limit` bytes of it (a chunk can be a zip bomb)."""
    return zlib.decompressobj().decompress(data, limit)


def _other(image, found: ImageMetadata) -> None:
    info = image.info or {}
    exif = image.getexif()
    if len(exif):
        _exif(exif, found)
    if info.get("xmp"):
        found.add_kind("XMP")
        _xmp(info["xmp"], found)
    if info.get("comment"):
        found.add_kind("comment")
        comment = info["comment"]
        found.metadata.append(
            ("comment", comment.decode("utf-8", "replace") if isinstance(comment, bytes) else str(comment))
        )
    if info.get("extension"):
        found.add_kind("application data")


def _exif(exif: Image.Exif, found: ImageMetadata, skip: set[int] = frozenset()) -> None:
    tags = {tag: value for tag, value in exif.items() if tag not in _IFD_POINTERS and tag not in skip}
    tags.update(exif.get_ifd(ExifTags.IFD.Exif))
    for tag, value in tags.items():
        found.add_kind("EXIF")
        text = _text(value)
        if text:
            found.metadata.append((f"EXIF {_TAG_NAMES.get(tag, tag)}", text))
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if gps:
        where = _coordinates(gps)
        if where:
            found.add_kind("GPS")
            found.gps = where
            found.metadata.append(("GPS", where))
        else:
            found.add_kind("EXIF")
        for tag, value in gps.items():
            text = _text(value)
            if text and tag not in (ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude):
                found.metadata.append((f"EXIF {_GPS_NAMES.get(tag, tag)}", text))
    try:
        thumbnail = exif.get_ifd(ExifTags.IFD.IFD1)
    except (KeyError, ValueError, struct.error):
        thumbnail = {}
    if thumbnail:
        found.add_kind("EXIF thumbnail")


def _coordinates(gps: dict) -> str:
    try:
        latitude = _degrees(gps[ExifTags.GPS.GPSLatitude], gps.get(ExifTags.GPS.GPSLatitudeRef, "N"))
        longitude = _degrees(gps[ExifTags.GPS.GPSLongitude], gps.get(ExifTags.GPS.GPSLongitudeRef, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return ""
    return f"{latitude:.5f}, {longitude:.5f}"


def _degrees(value, ref) -> float:
    degrees, minutes, seconds = (float(part) for part in value)
    result = degrees + minutes / 60 + seconds / 3600
    ref = ref.decode() if isinstance(ref, bytes) else str(ref)
    return -result if ref.strip().upper() in ("S", "W") else result


def _xmp(data: bytes, found: ImageMetadata) -> None:
    entries = xmp_entries(data)
    found.metadata.extend((f"XMP {name}", value) for name, value in entries)
    values = dict(entries)
    latitude, longitude = values.get("exif:GPSLatitude"), values.get("exif:GPSLongitude")
    if latitude and longitude:
        found.add_kind("GPS")
        found.gps = found.gps or f"{latitude}, {longitude}"


def _iptc(key: tuple[int, int], value, found: ImageMetadata) -> None:
    name = _IPTC_NAMES.get(key, f"{key[0]}:{key[1]}")
    for item in value if isinstance(value, list) else [value]:
        text = _text(item)
        if text:
            found.metadata.append((f"IPTC {name}", text))


def _text(value) -> str:
    """A printable text value, or "" for binary data and numbers."""
    if isinstance(value, bytes):
        for prefix in (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"\x00" * 8):
            if value.startswith(prefix):
                value = value[len(prefix) :]
                break
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return ""
    if not isinstance(value, str):
        return ""
    value = value.strip("\x00 \r\n\t")
    return value if value and value.isprintable() else ""
