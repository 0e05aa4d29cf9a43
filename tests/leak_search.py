"""Find a value anywhere in a built site, as someone looking for it would.

An attacker does not read the site only in a browser: they read the raw
bytes of every file, the text left after markup is removed (so a name split
by a comment or a character reference reads as one word), file and folder
names, the search index, the insides of PDFs and the metadata of images.
`find(output, value)` looks in all of these and says where it found the value.

Text is compared after normalising it as a reader sees it: Unicode
compatibility forms folded (NFKC), invisible format characters (soft hyphen,
zero-width space, word joiner) removed, Cyrillic and Greek letters that look
like Latin ones mapped to them, accents and case dropped. Then a value is
found when its words appear in order with only punctuation or spaces
between them ("Zebedee Quinlan" in "zebedee-quinlan.pdf"), or, for values
of seven letters or digits or more, when its letters and digits appear in a
row with anything else removed ("ZebedeeQuinlan.png", "07700 900461").
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import io
import json
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

# Letters of other scripts that are drawn like Latin letters.
LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "з": "3",
        "и": "u",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "п": "n",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ӏ": "l",
        "ɡ": "g",
        "ь": "b",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "У": "Y",
        "Ѕ": "S",
        "І": "I",
        "Ј": "J",
        "Ԁ": "D",
        "Ԛ": "Q",
        "Ԝ": "W",
        # Greek
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ζ": "Z",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
    }
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# For a value in another script (Arabic, Hebrew, Chinese...): every letter of any script is a letter.
_NOT_ANY_WORD = re.compile(r"[\W_]+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]{8,})>")
_TEXT_SUFFIXES = {
    ".html",
    ".htm",
    ".xml",
    ".svg",
    ".txt",
    ".json",
    ".js",
    ".css",
    ".csv",
    ".md",
    ".atom",
    ".rss",
    ".xhtml",
    "",
}
SQUASH_MIN = 7


@functools.cache
def _invisible() -> re.Pattern:
    """Format characters (soft hyphen, zero-width space, word joiner...) and
    combining marks (accents, once letters are decomposed), to delete."""
    codes = [
        code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf" or unicodedata.combining(chr(code))
    ]
    ranges, start = [], codes[0]
    for before, code in zip(codes, codes[1:] + [None]):
        if code != before + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(before)) if before > start else ""))
            start = code
    return re.compile("[" + "".join(ranges) + "]+")


_LOOK_ALIKE = re.compile("[" + "".join(chr(code) for code in LOOK_ALIKES) + "]")


def normalise(text: str) -> str:
    """Text as a reader sees it: see the module's docstring."""
    if text.isascii():
        return text.lower()
    text = _invisible().sub("", unicodedata.normalize("NFKC", text))
    text = _LOOK_ALIKE.sub(lambda m: LOOK_ALIKES[ord(m.group())], text)
    return _invisible().sub("", unicodedata.normalize("NFKD", text.casefold()))


def spaced(text: str) -> str:
    return " " + _NOT_WORD.sub(" ", normalise(text)).strip() + " "


def squashed(text: str) -> str:
    return _NOT_WORD.sub("", normalise(text))


@dataclass
class View:
    """One way of reading one file: where ("" for the file itself, "!name"
    for a member of a zip archive), how, and the text read."""

    where: str
    how: str
    text: str

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    @cached_property
    def spaced(self) -> str:
        return " " + _NOT_WORD.sub(" ", self.normalised).strip() + " "

    @cached_property
    def squashed(self) -> str:
        return _NOT_WORD.sub("", self.normalised)


def contains(view_or_text, value: str) -> bool:
    """Whether `value` can be read in a view (or a plain string). A value
    written (in part) in letters that are not Latin once normalised is also
    looked for with every letter of every script read as a letter."""
    view = view_or_text if isinstance(view_or_text, View) else View("", "", view_or_text)
    words = spaced(value)
    if words.strip() and words in view.spaced:
        return True
    letters = squashed(value)
    if len(letters) >= SQUASH_MIN and letters in view.squashed:
        return True
    other = _NOT_ANY_WORD.sub(" ", normalise(value)).strip()
    if other == words.strip():
        return False  # Latin letters and digits only: read above
    return f" {other} " in " " + _NOT_ANY_WORD.sub(" ", view.normalised) + " "


# --- Reading every kind of file ------------------------------------------------


def markup_text(text: str) -> list[str]:
    """Text with comments and tags removed, then character references
    decoded; twice, for markup escaped inside markup (feeds). Both with tags
    removed outright (a word split by markup is joined again) and replaced
    by spaces (words in neighbouring elements stay apart)."""
    out = []
    for joiner in ("", " "):
        current = text
        for _ in range(2):
            current = html.unescape(_TAG.sub(joiner, _COMMENT.sub(joiner, current)))
        out.append(current)
    out.append(unquote(html.unescape(text)))  # link targets: %20, &amp;
    return out


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *json_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in json_strings(item)]
    return []


def _text_views(where: str, data: bytes, how: str) -> list[View]:
    try:
        text = data.decode("utf-8")
        views = [View(where, how, text)]
    except UnicodeDecodeError:
        text = data.decode("utf-8", "ignore")
        views = [View(where, how, text), View(where, how + ", latin-1", data.decode("latin-1"))]
    if "<" in text or "&" in text or "%" in text:
        views += [View(where, how + ", markup removed", t) for t in markup_text(text)]
    if text.lstrip()[:1] in "[{":
        try:
            views.append(View(where, how + ", JSON strings", "\n".join(json_strings(json.loads(text)))))
        except ValueError:
            pass
    return views


def pdf_views(where: str, data: bytes) -> list[View]:
    """Every stream inflated (referenced or not, every revision), every hex
    string decoded, and with pypdf every string, name and stream of every
    object in the cross-reference table, and each page's extracted text, in
    the file's order and laid out as drawn."""
    pieces: list[str] = []
    blobs = [data]
    for match in _STREAM.finditer(data):
        raw = match.group(1)
        try:
            blobs.append(zlib.decompress(raw))
        except zlib.error:
            try:
                blobs.append(zlib.decompressobj().decompress(raw))
            except zlib.error:
                pass
    for blob in blobs:
        pieces.append(blob.decode("latin-1"))
        for hexed in _HEX_STRING.findall(blob):
            digits = re.sub(rb"\s", b"", hexed)
            digits += b"0" * (len(digits) % 2)
            pieces.append(_decode_pdf_bytes(bytes.fromhex(digits.decode())))
        for literal in re.findall(rb"\(((?:[^()\\]|\\.)*)\)", blob):
            pieces.append(_decode_pdf_bytes(literal))
    pieces += _pypdf_strings(data)
    return [View(where, "PDF internals", "\n".join(pieces))]


def _decode_pdf_bytes(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "ignore")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "ignore")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "ignore")
    return raw.decode("latin-1")


def _pypdf_strings(data: bytes) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject
    except ImportError:  # pragma: no cover
        return []
    out: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception:
        return out
    seen: set[int] = set()

    def walk(obj, depth=0):
        if depth > 40:
            return
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                return
            seen.add(key)
            try:
                obj = obj.get_object()
            except Exception:
                return
        if isinstance(obj, StreamObject):
            try:
                out.append(obj.get_data().decode("latin-1"))
            except Exception:
                pass
        if isinstance(obj, DictionaryObject):
            for k, v in obj.items():
                out.append(str(k))
                walk(v, depth + 1)
        elif isinstance(obj, ArrayObject):
            for v in obj:
                walk(v, depth + 1)
        elif isinstance(obj, (str, bytes)):
            out.append(obj if isinstance(obj, str) else _decode_pdf_bytes(obj))

    try:
        walk(reader.trailer)
        for generation, numbers in reader.xref.items():
            for number in numbers:
                walk(IndirectObject(number, generation, reader))
        for page in reader.pages:
            out.append(page.extract_text() or "")
    except Exception:
        pass
    # Each page as a reader sees it, line by line (text can be written in
    # the file in another order than it is drawn).
    for page in reader.pages:
        try:
            out.append(page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False) or "")
        except Exception:
            pass
    return out


def image_views(where: str, data: bytes) -> list[View]:
    """Pillow's reading of the image's metadata: text chunks, comments, XMP,
    every EXIF tag, and GPS coordinates as decimal degrees."""
    try:
        from PIL import ExifTags, Image
    except ImportError:  # pragma: no cover
        return []
    pieces: list[str] = []
    try:
        with Image.open(io.BytesIO(data)) as image:
            for key, value in dict(image.info).items():
                pieces.append(str(key))
                pieces.append(value.decode("utf-8", "ignore") if isinstance(value, bytes) else str(value))
            if hasattr(image, "text"):
                pieces += [f"{k} {v}" for k, v in image.text.items()]
            exif = image.getexif()
            for value in exif.values():
                pieces.append(value.decode("utf-8", "ignore") if isinstance(value, bytes) else str(value))
            for ifd in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo):
                for value in exif.get_ifd(ifd).values():
                    pieces.append(str(value))
            gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
            if 2 in gps and 4 in gps:

                def degrees(dms, ref):
                    value = float(dms[0]) + float(dms[1]) / 60 + float(dms[2]) / 3600
                    return -value if ref in ("S", "W") else value

                pieces.append(f"{degrees(gps[2], gps.get(1)):.4f}, {degrees(gps[4], gps.get(3)):.4f}")
    except Exception:
        pass
    return [View(where, "image metadata", "\n".join(pieces))] if pieces else []


def zip_views(where: str, data: bytes) -> list[View]:
    views = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                inner = f"{where}!{name}"
                views.append(View(inner, "name in archive", name))
                views += file_views(inner, archive.read(name), depth=1)
    except (zipfile.BadZipFile, OSError, RuntimeError):
        pass
    return views


def file_views(where: str, data: bytes, depth: int = 0) -> list[View]:
    """Every way of reading one file's bytes."""
    views = _text_views(where, data, "raw bytes")
    if data.startswith(b"\x1f\x8b") and depth < 2:
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError):
            inner = b""
        if inner:
            if inner.startswith(b"pagefind_dcd"):
                inner = inner[len(b"pagefind_dcd") :]
            views += _text_views(where, inner, "decompressed")
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        views += pdf_views(where, data)
    if data.startswith(b"PK\x03\x04") and depth < 2:
        views += zip_views(where, data)
    if data[:4] in (b"\x89PNG", b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*") or data[:2] == b"\xff\xd8":
        views += image_views(where, data)
    return views


@dataclass(frozen=True)
class Hit:
    where: str  # the file in the output (relative), or a name in an archive
    how: str  # raw bytes, markup removed, PDF internals, image metadata...

    def __str__(self) -> str:
        return f"{self.where} ({self.how})"


_READ: dict[bytes, list[View]] = {}  # by digest of the bytes: theme files are the same in every build


def _views_of(relative: str, data: bytes) -> list[View]:
    digest = hashlib.sha1(data).digest()
    if digest not in _READ:
        _READ[digest] = file_views("", data)
    return _READ[digest]


class Output:
    """A built site, read every way once; ask it for values."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.views: list[tuple[str, View]] = []
        for path in sorted(self.root.rglob("*")):
            relative = path.relative_to(self.root).as_posix()
            self.views.append((relative, View(relative, "file or folder name", unquote(relative))))
            if path.is_file():
                self.views += [(relative + view.where, view) for view in _views_of(relative, path.read_bytes())]

    def find(self, value: str) -> list[Hit]:
        hits: list[Hit] = []
        for where, view in self.views:
            if contains(view, value):
                hit = Hit(where, view.how)
                if hit not in hits:
                    hits.append(hit)
        return hits


def find(output: Path, value: str) -> list[Hit]:
    """Where `value` can be read in the built site at `output` (empty: nowhere)."""
    return Output(output).find(value)
