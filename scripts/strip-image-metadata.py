"""Remove the metadata from images, keeping their pixels.

    .venv/bin/python scripts/strip-image-metadata.py content/reviews/images/photo.jpg [more images...]
    .venv/bin/python scripts/strip-image-metadata.py --check content/images/*.jpg

Removes EXIF (with any GPS position and thumbnail), XMP, IPTC and Photoshop
data, comments and PNG text; keeps the colour profile. JPEG and PNG files are
rewritten without decoding their pixels, so nothing about how they look
changes. A photo that only looks the right way up because of its EXIF
orientation is turned the right way up first (and saved again at high
quality). GIF and WebP images are saved again without their metadata. From
an SVG drawing it removes <metadata>, comments and the drawing program's own
elements and attributes; the shapes and text stay as they are.

The image is never lost: the new file is written next to it, read back and
checked (it opens, the pixels are the same, no metadata is left), and only
then replaces the original. Anything that goes wrong leaves the original
as it was. Exit status 1 if any image could not be cleaned.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from PIL import Image, ImageOps  # noqa: E402

from lscb_checks.text.attachments import image_content  # noqa: E402

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
_JPEG_KEEP_APP = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}
_ORIENTATION = 0x0112


class CannotClean(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("images", nargs="+", help="image files to clean")
    parser.add_argument("--check", action="store_true", help="only say what each image holds")
    args = parser.parse_args(argv)
    failed = 0
    for name in args.images:
        path = Path(name)
        try:
            message = describe(path) if args.check else clean(path)
        except (CannotClean, OSError) as error:
            print(f"{path}: not changed: {error}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path}: {message}")
    return 1 if failed else 0


def describe(path: Path) -> str:
    found = image_content(str(path))
    if found.error:
        raise CannotClean(f"cannot read it as an image ({found.error})")
    return f"metadata: {', '.join(found.kinds)}" if found.kinds else "no metadata"


def clean(path: Path) -> str:
    before = image_content(str(path))
    if before.error:
        raise CannotClean(f"cannot read it as an image ({before.error})")
    if not before.kinds:
        return "no metadata; left as it was"
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        _replace(path, data, _svg(data), lossless=False, turned=False, svg=True)
        return f"removed {', '.join(before.kinds)}"
    with Image.open(io.BytesIO(data)) as image:
        image_format = image.format
        turned = image.getexif().get(_ORIENTATION, 1) not in (1, None, 0)
    if turned:
        new, lossless = _turned(data, image_format), False
    elif image_format in ("JPEG", "MPO"):
        new, lossless = _jpeg(data), True
    elif image_format == "PNG":
        new, lossless = _png(data), True
    elif image_format in ("GIF", "WEBP"):
        new, lossless = _resaved(data, image_format), image_format == "GIF"
    else:
        raise CannotClean(f"{image_format} images are not supported; export it as PNG or JPEG")
    _replace(path, data, new, lossless, turned)
    note = "; turned the right way up" if turned else ""
    return f"removed {', '.join(before.kinds)}{note}"


def _jpeg(data: bytes) -> bytes:
    """The JPEG without APP segments other than JFIF, ICC and Adobe, without
    comments, and without anything after the end of the image."""
    if data[:2] != b"\xff\xd8":
        raise CannotClean("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    index = 2
    while index < len(data):
        if data[index] != 0xFF:
            raise CannotClean("damaged JPEG (a segment does not start where expected)")
        while index + 1 < len(data) and data[index + 1] == 0xFF:  # fill bytes
            index += 1
        marker = data[index + 1]
        if marker == 0xD9:  # end of image: drop anything after it
            out += b"\xff\xd9"
            return bytes(out)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out += data[index : index + 2]
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        segment = data[index : index + 2 + length]
        index += 2 + length
        if 0xE0 <= marker <= 0xEF:
            keep = _JPEG_KEEP_APP.get(marker)
            if keep is None or not segment[4:].startswith(keep):
                continue
        elif marker == 0xFE:  # comment
            continue
        out += segment
        if marker == 0xDA:  # start of scan: copy the coded data up to the next marker
            end = _scan_end(data, index)
            out += data[index:end]
            index = end
    raise CannotClean("damaged JPEG (no end of image)")


def _scan_end(data: bytes, index: int) -> int:
    while True:
        index = data.find(b"\xff", index)
        if index < 0 or index + 1 >= len(data):
            raise CannotClean("damaged JPEG (the image data does not end)")
        following = data[index + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            index += 1 if following == 0xFF else 2
            continue
        return index


def _png(data: bytes) -> bytes:
    """The PNG without text, EXIF and time chunks, and nothing after IEND."""
    if data[:8] != _PNG_SIGNATURE:
        raise CannotClean("not a PNG file")
    out = bytearray(_PNG_SIGNATURE)
    index = 8
    while index + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[index : index + 8])
        chunk = data[index : index + 12 + length]
        index += 12 + length
        if kind not in _PNG_DROP:
            out += chunk
        if kind == b"IEND":
            return bytes(out)
    raise CannotClean("damaged PNG (no IEND chunk)")


_SVG_EDITORS = ("inkscape.org", "sodipodi", "adobe.com", "sketch", "figma", "draw.io")
_SVG = "http://www.w3.org/2000/svg"


def _svg(data: bytes) -> bytes:
    """The drawing without <metadata>, comments, and the editor's namespaced
    elements and attributes."""
    import xml.etree.ElementTree as ET

    for _event, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        if not any(editor in uri for editor in _SVG_EDITORS):
            ET.register_namespace(prefix, uri)
    ET.register_namespace("", _SVG)
    root = ET.fromstring(data)  # comments are dropped by the default parser
    for parent in list(root.iter()):
        for child in list(parent):
            namespace = child.tag[1:].split("}")[0] if child.tag.startswith("{") else ""
            if child.tag == f"{{{_SVG}}}metadata" or any(e in namespace for e in _SVG_EDITORS):
                parent.remove(child)
        for attribute in list(parent.attrib):
            if attribute.startswith("{") and any(e in attribute for e in _SVG_EDITORS):
                del parent.attrib[attribute]
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def _turned(data: bytes, image_format: str) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        profile = image.info.get("icc_profile")
    options = {"icc_profile": profile} if profile else {}
    if image_format in ("JPEG", "MPO"):
        options.update(quality=95, subsampling=0)
        image_format = "JPEG"
    buffer = io.BytesIO()
    upright.save(buffer, image_format, **options)
    return buffer.getvalue()


def _resaved(data: bytes, image_format: str) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        profile = image.info.get("icc_profile")
        for key in ("exif", "xmp", "comment", "extension"):
            image.info.pop(key, None)
        options = {"icc_profile": profile} if profile else {}
        if image_format == "WEBP":
            options.update(quality=95, exif=b"", xmp=b"")
        buffer = io.BytesIO()
        image.save(buffer, image_format, save_all=getattr(image, "n_frames", 1) > 1, **options)
    return buffer.getvalue()


def _replace(path: Path, old: bytes, new: bytes, lossless: bool, turned: bool, svg: bool = False) -> None:
    """Write `new` next to `path`, check it, then put it in place."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(new)
            out.flush()
            os.fsync(out.fileno())
        if svg:
            _verify_svg(old, temporary)
        else:
            _verify(old, temporary, lossless, turned)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _verify_svg(old: bytes, temporary: str) -> None:
    import xml.etree.ElementTree as ET

    def shapes(root) -> list[str]:
        return [e.tag for e in root.iter() if e.tag.startswith(f"{{{_SVG}}}") and not e.tag.endswith("metadata")]

    before, after = ET.fromstring(old), ET.parse(temporary).getroot()
    if shapes(before) != shapes(after):
        raise CannotClean("the cleaned drawing lost some of its shapes")
    _no_metadata_left(temporary)


def _no_metadata_left(temporary: str) -> None:
    left = image_content(temporary)
    if left.error or left.kinds:
        raise CannotClean(f"metadata is still there after cleaning ({', '.join(left.kinds) or left.error})")


def _verify(old: bytes, temporary: str, lossless: bool, turned: bool) -> None:
    with Image.open(io.BytesIO(old)) as before, Image.open(temporary) as after:
        after.load()
        expected = ImageOps.exif_transpose(before) if turned else before
        if after.size != expected.size:
            raise CannotClean("the cleaned image came out a different size")
        if lossless and after.convert("RGBA").tobytes() != expected.convert("RGBA").tobytes():
            raise CannotClean("the cleaned image's pixels differ from the original's")
    _no_metadata_left(temporary)


if __name__ == "__main__":
    sys.exit(main())
