"""Images the site publishes carry their pixels and nothing else: no EXIF,
no GPS position, no XMP or IPTC, no PNG text, no comments. A colour (ICC)
profile and the other data a browser needs to show the image are fine.

Checked: every image a published page links to, reported at the line of the
link, and every image in the shared STATIC_PATHS folders, reported on the
file itself when no page links it; and the JPEG photos inside published PDFs,
for a GPS position. Each file is read once per process
(text/attachments.py); only an image's headers are read, never its pixels.
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_core.findings import Finding, display_path
from lscb_core.rules import Rule, Waiver

from ..text.attachments import (
    IMAGE_SUFFIXES,
    PDF_SUFFIXES,
    Attachment,
    image_content,
    pdf_content,
    published_attachments,
)

STRIP_SCRIPT = "scripts/strip-image-metadata.py"


class ImageMetadataPresent(Rule):
    """Flags an image that carries metadata besides its pixels: EXIF (camera,
    date, description, author, a thumbnail of the original), XMP, IPTC,
    Photoshop data, PNG text chunks, comments, or data after the end of the
    image; in an SVG drawing, <metadata>, comments, scripts and the drawing
    program's own data (which records file names and the user's folders).

    The text an SVG drawing shows is not metadata here: the redaction checks
    read it (each <text> with its lines joined, titles, descriptions,
    aria-label values and the ids of shapes).

    ## Why it matters
    Photo and drawing programs record who made an image, when, on what, and
    often a caption or a small copy of the uncropped original. In a case
    review any of it can identify a family, and anyone who downloads the
    image can read it.

    ## Example
    A family network diagram exported from a drawing program with
    `Author: Harriet Quennell` in a PNG text chunk.

    ## Use instead
    Remove the metadata; the pixels stay the same:

        .venv/bin/python scripts/strip-image-metadata.py content/reviews/images/diagram.png

    A waiver in the page cannot cover what is inside the image: the file is
    fixed instead.

    ## Known limitations
    JPEG and PNG files are read segment by segment, so nothing is missed
    there; in GIF, WebP and TIFF files, only what Pillow reads (EXIF, XMP,
    comments) is found. Data appended after the end of a JPEG is not found.
    """

    code = "IMG001"
    name = "image-metadata-present"
    waiver = Waiver.NEVER


class ImageGpsLocation(Rule):
    """Flags an image that records where it was taken: a GPS position in its
    EXIF or XMP metadata, including a photo inside a published PDF.

    ## Why it matters
    Phones record the position of every photo, to within a few metres. A
    photo taken at a family's home, a child's school or a contact centre
    tells anyone who downloads it where that is.

    ## Example
    A photo of a children's centre taken on a phone with location on.

    ## Use instead
    Remove the metadata; the pixels stay the same:

        .venv/bin/python scripts/strip-image-metadata.py content/images/photo.jpg

    For a photo inside a PDF, clean the photo the same way before putting
    it in the document, then export the PDF again. Turn off location for the
    camera on work phones. A waiver in the page cannot cover what is inside
    the image or the PDF: the file is fixed instead.

    ## Known limitations
    In a PDF, only JPEG photos kept as JPEG are read, and only for a GPS
    position (not for their other metadata).
    """

    code = "IMG002"
    name = "image-gps-location"
    waiver = Waiver.NEVER


class ImageUnreadable(Rule):
    """Flags a published image that cannot be opened as an image (a damaged
    file, or a format such as HEIC renamed to .jpg).

    ## Why it matters
    What cannot be read cannot be checked for metadata or a GPS position,
    and browsers will not show it either.

    ## Example
    `IMG_0423.heic` from a phone, renamed to `family-photo.jpg`.

    ## Use instead
    Open the image in an image editor and export it as PNG or JPEG.

    ## Known limitations
    A file that opens but is cut short is not found.
    """

    code = "IMG003"
    name = "image-unreadable"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    for attachment in published_attachments(site):
        if attachment.path.lower().endswith(IMAGE_SUFFIXES):
            yield from _check_image(attachment)
        elif attachment.path.lower().endswith(PDF_SUFFIXES):
            yield from _check_pdf_photos(attachment)


def _check_pdf_photos(attachment: Attachment) -> Iterable[Finding]:
    pages = pdf_content(attachment.path).located_photos
    if pages:
        yield ImageGpsLocation.at(
            attachment.report_path, attachment.line,
            _say(attachment.name, f" p{pages[0]}: a photo records where it was taken"),
            "remove the photo's location (strip-image-metadata.py), then export the PDF again",
            col=attachment.col, term=attachment.name)


def _check_image(attachment: Attachment) -> Iterable[Finding]:
    image = image_content(attachment.path)
    name = attachment.name
    at = {"path": attachment.report_path, "line": attachment.line, "col": attachment.col}
    hint = f"run: .venv/bin/python {STRIP_SCRIPT} {display_path(attachment.path)}"
    if image.error:
        yield ImageUnreadable.at(message=_say(name, " does not open as an image"),
                                 hint="open it in an image editor and export it as PNG or JPEG", **at)
        return
    if image.gps:
        yield ImageGpsLocation.at(message=_say(name, " records where it was taken (GPS)"),
                                  hint=hint, term=attachment.name, **at)
    others = [kind for kind in image.kinds if kind != "GPS"]
    if others:
        kinds = _short(", ".join(others), 24)
        yield ImageMetadataPresent.at(message=_say(name, f" has hidden metadata ({kinds})"),
                                      hint=hint, term=attachment.name, **at)


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def _say(name: str, rest: str) -> str:
    """The file name and the message, under 80 characters."""
    return _short(name, max(12, 79 - len(rest))) + rest
