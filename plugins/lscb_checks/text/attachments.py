"""Read what is inside attachments: the text layer, metadata and active
content of PDFs, the metadata of images, and the text of plain-text files
(.txt, .csv, .md, .html...). Results are cached per file (path, size,
modification and change time, inode: prefetch.file_key), so a file linked
from two pages is read once per process.

Which attachments the site publishes (files linked by a published page, and
files in the shared STATIC_PATHS folders) is `published_attachments(site)`.
"""

from __future__ import annotations

import functools
import io
import os
import posixpath
from dataclasses import dataclass

from . import prefetch
from .image_meta import read_image
from .xmp import xmp_entries

PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".tif",
    ".tiff",
    ".svg",
    ".svgz",
    ".bmp",
    ".heic",
    ".heif",
    ".avif",
)
TEXT_SUFFIXES = (".txt", ".text", ".csv", ".tsv", ".md", ".markdown", ".html", ".htm")
# Every kind of file whose whole content the checks read.
READABLE_SUFFIXES = PDF_SUFFIXES + IMAGE_SUFFIXES + TEXT_SUFFIXES


@dataclass(frozen=True)
class PdfContent:
    # Text layer of each page: as the file writes it, then, where a reader
    # sees it in another order (pdf_order), as the reader sees it.
    pages: tuple[str, ...] = ()
    # ("/Author", value), ("XMP dc:creator", value)..., and the text a reader
    # sees besides the pages: ("comment page 2", text), ("comment author page 2",
    # name), ("bookmark", title), ("form field", value).
    metadata: tuple[tuple[str, str], ...] = ()
    error: str = ""  # the PDF could not be read
    encrypted: bool = False
    scripts: tuple[str, ...] = ()  # where JavaScript or a Launch action is: "on open", "page 2"
    embedded_files: tuple[str, ...] = ()  # names of the files attached inside
    form_fields: tuple[str, ...] = ()  # names of fillable fields; "XFA form"
    covered: tuple[tuple[int, str], ...] = ()  # (page, text drawn and then covered by a box)
    located_photos: tuple[int, ...] = ()  # pages with a photo that records a GPS position
    comment_authors: tuple[tuple[int, str], ...] = ()  # (page, who wrote a comment there)
    earlier_versions: bool = False  # an incremental save kept an earlier version of the file
    unreferenced: int = 0  # objects nothing in the file refers to (their strings are in metadata)


@dataclass(frozen=True)
class ImageContent:
    metadata: tuple[tuple[str, str], ...] = ()  # ("EXIF Artist", value), ("PNG Author", value)...
    kinds: tuple[str, ...] = ()  # what metadata the file holds: "EXIF", "XMP", "PNG text"...
    gps: str = ""  # "latitude, longitude" when the image records where it was taken
    error: str = ""
    unsafe: tuple[str, ...] = ()  # what puts an SVG drawing outside the safe subset


_key = prefetch.file_key


def pdf_content(path: str) -> PdfContent:
    return _pdf_content(*_key(path))


def image_content(path: str) -> ImageContent:
    return _image_content(*_key(path))


def text_content(path: str) -> str:
    """The text of a plain-text attachment (TEXT_SUFFIXES): decoded, and for
    HTML the text, comments and attribute values without the tags; "" for a
    file that is not text (see text_problem)."""
    return _text_content(*_key(path))[0]


def text_problem(path: str) -> str:
    """Why a file with a text suffix cannot be read as text ("" when it can)."""
    return _text_content(*_key(path))[1]


@functools.lru_cache(maxsize=1024)
def _pdf_content(*key) -> PdfContent:
    path = key[0]
    found = prefetch.take(key)
    return found if found is not None else read_pdf(path)


def read_pdf(path: str) -> PdfContent:
    """Everything the checks need from one PDF (uncached: use pdf_content)."""
    from pypdf import PdfReader

    from .pdf_active import active_content, earlier_versions, located_photos, notes
    from .pdf_cover import CoverTracker
    from .pdf_order import WATCHED, OrderWatch, shown_text
    from .pdf_strings import every_string

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return PdfContent(error="encrypted", encrypted=True, earlier_versions=earlier_versions(data))
        pages, covered = [], []
        for number, page in enumerate(reader.pages, start=1):
            tracker, order = CoverTracker(page), OrderWatch()

            def operator(op, args, cm, tm, tracker=tracker.operator, order=order):
                tracker(op, args, cm, tm)
                if op in WATCHED and order.in_order:
                    order.operator(op, args, cm, tm)

            text = page.extract_text(visitor_operand_before=operator) or ""
            if not order.in_order:
                shown = shown_text(page)
                if " ".join(shown.split()) != " ".join(text.split()):
                    text = f"{text}\n\n{shown}"
            pages.append(text)
            covered.extend((number, text) for text in tracker.covered())
        metadata = [(str(k), str(v)) for k, v in (reader.metadata or {}).items()]
        xmp = reader.trailer["/Root"].get("/Metadata")
        if xmp is not None:
            metadata.extend((f"XMP {name}", value) for name, value in xmp_entries(xmp.get_object().get_data()))
        scripts, embedded, fields = active_content(reader)
        photos = located_photos(reader)
        texts, authors = notes(reader)
        metadata.extend(texts)
        # Every other string of every object (link addresses, page labels,
        # what forms and appearances draw, unreferenced objects): pikepdf.
        known = {" ".join(text.split()) for text in pages}
        known.update(" ".join(str(value).split()) for _name, value in metadata)
        strings = every_string(data, known)
        metadata.extend(strings.entries)
    except Exception as error:  # a broken PDF is a finding, not a crash
        return PdfContent(error=f"{type(error).__name__}: {error}")
    return PdfContent(
        pages=tuple(pages),
        metadata=tuple(metadata),
        scripts=scripts,
        embedded_files=embedded,
        form_fields=fields,
        covered=tuple(covered),
        located_photos=photos,
        comment_authors=tuple(authors),
        earlier_versions=earlier_versions(data),
        unreferenced=strings.unreferenced,
    )


@functools.lru_cache(maxsize=1024)
def _image_content(path: str, *_when) -> ImageContent:
    try:
        found = read_image(path)
    except Exception as error:  # an image Pillow cannot open is a finding
        return ImageContent(error=f"{type(error).__name__}: {error}")
    return ImageContent(
        metadata=tuple(found.metadata), kinds=tuple(found.kinds), gps=found.gps, unsafe=tuple(found.unsafe)
    )


_TEXT_LIMIT = 20_000_000  # bytes; larger text files are not read


@functools.lru_cache(maxsize=1024)
def _text_content(path: str, size: int, *_when) -> tuple[str, str]:
    """(text, problem)."""
    if size > _TEXT_LIMIT:
        return "", "too large to check"
    with open(path, "rb") as handle:
        data = handle.read()
    text = _decode(data)
    if text is None:
        return "", "not plain text"
    if path.lower().endswith((".html", ".htm")):
        text = html_text(text)
    return text, ""


def _decode(data: bytes) -> str | None:
    """The text of the bytes, or None for binary data (a Word file renamed .txt)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:65536]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def html_text(markup: str) -> str:
    """The text of an HTML page as a reader gets it: the shown text (read
    the way the final gate reads a built page, lscb_checks.published.markup,
    so both fold markup alike), then every attribute, address and comment,
    each as its own block."""
    from ..published.markup import read_markup

    extract = read_markup(markup)
    return "\n\n".join([extract.text, *extract.variants, *(piece.text for piece in extract.pieces)])


@dataclass(frozen=True)
class Attachment:
    """A published file and where to report it: the Markdown file that links
    it, at the line of the link, or the file itself (line 1) when it is in a
    shared folder and no page links it."""

    path: str  # absolute path of the file
    report_path: str
    line: int = 1
    col: int = 1

    @property
    def name(self) -> str:
        return posixpath.basename(self.path.replace("\\", "/"))


# Items whose linked files are copied into the site. A retired review is
# replaced by a notice, without its files.
_PUBLISHING = ("published", "hidden")


def published_attachments(site) -> list[Attachment]:
    """Every PDF and image the site publishes, once per linking page; cached."""
    key = "published_attachments"
    if key not in site.cache:
        site.cache[key] = _published(site)
    return site.cache[key]


def _published(site) -> list[Attachment]:
    from lscb_core.build_state import build_state

    suffixes = PDF_SUFFIXES + IMAGE_SUFFIXES
    # Files of reviews the gate kept out are never copied, whatever folder they are in.
    withheld = {
        os.path.abspath(site.content_file(relative)) for relative in build_state(site.settings).blocked_reviews.sources
    }
    found: list[Attachment] = []
    linked: set[str] = set(withheld)
    for item in site.items:
        if item.state not in _PUBLISHING:
            continue
        for relative in sorted(item.static_links()):
            absolute = os.path.abspath(site.content_file(relative))
            if not relative.lower().endswith(suffixes) or not os.path.isfile(absolute) or absolute in withheld:
                continue
            linked.add(absolute)
            line, col = item.source.locate(posixpath.basename(relative), body_only=False)
            found.append(Attachment(absolute, item.path, line, col))
    for absolute in _shared_files(site, suffixes):
        if absolute not in linked:
            found.append(Attachment(absolute, absolute))
    return found


def _shared_files(site, suffixes: tuple[str, ...]) -> list[str]:
    """Files in the STATIC_PATHS folders, which are copied whole."""
    files = []
    for static in site.settings.get("STATIC_PATHS", []):
        top = os.path.abspath(site.content_file(static))
        if os.path.isfile(top):
            candidates = [top]
        else:
            candidates = [os.path.join(folder, name) for folder, _dirs, names in os.walk(top) for name in names]
        files.extend(path for path in candidates if path.lower().endswith(suffixes))
    return sorted(set(files))
