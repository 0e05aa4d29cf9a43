"""Images the site publishes carry their pixels and nothing else: no EXIF,
no GPS position, no XMP or IPTC, no PNG text, no comments. A colour (ICC)
profile and the other data a browser needs to show the image are fine.

Checked: every image a published page links to, reported at the line of the
link, and every image in the shared STATIC_PATHS folders, reported on the
file itself when no page links it; and the JPEG photos inside published PDFs,
for a GPS position. Each file is read once per process
(text/attachments.py); only an image's headers are read, never its pixels
(published/reencode.py decodes them, on the built site). SVG drawings must
be in the safe subset (IMG004).
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_core.findings import Finding, display_path
from lscb_core.quote import file, known, say
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
    comments) is found. Data appended after the end of a JPEG is not found
    here. Whatever is missed is still not published: every picture in the
    built site is written again from its pixels alone (docs/publishing-
    reviews.md, "Pictures"). The original in content/ keeps it, and content/
    is in a public repository, so this finding still stops the build.
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

    Found twice: when the source is read (the file does not open), and
    when the built site's pictures are written again from their pixels (a
    picture cut short, or whose pixels do not decode), reported on the file
    under content/.

    ## Known limitations
    None known.
    """

    code = "IMG003"
    name = "image-unreadable"
    waiver = Waiver.NEVER


class SvgUnsafe(Rule):
    """Flags an SVG drawing outside the safe subset the site publishes: a
    script or an event attribute (onload, onclick...), HTML inside the
    drawing (foreignObject), a reference to anything outside the file (a
    link, an image, a font or a style sheet fetched from elsewhere: every
    href and url() must point to an #id in the same file), a <style> with
    text in it, a picture embedded as a data: address, XML entities, or a
    processing instruction.

    Shapes, paths, text, titles and descriptions, gradients, patterns,
    masks, filters and links to an #id inside the drawing are fine; the
    final gate reads the drawing's text, titles and descriptions for names.

    ## Why it matters
    The checks read what a drawing says in its text. HTML inside it, a
    style that adds words (`content: "..."`), a picture embedded inside it
    or a file fetched from elsewhere can show a reader words nobody
    checked; a script can do anything. Browsers open a published SVG as a
    page of the site.

    ## Example
    A family diagram exported with `<foreignObject>` labels, or with the
    photo of the house embedded as `href="data:image/jpeg;base64,..."`.

    ## Use instead
    Export the drawing again as "plain SVG" with text as text and no
    embedded pictures (Inkscape: Save as > Plain SVG; draw.io: Export as >
    SVG without "Embed images"), or export it as PNG.

    ## Known limitations
    A drawing is judged by what it holds, not by how a browser would draw
    it: a style attribute with `url(#id)` is fine, any other `url()` is
    refused, even one a browser would ignore.
    """

    code = "IMG004"
    name = "svg-unsafe"
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
            attachment.report_path,
            attachment.line,
            say(
                "{name} p{page}: a photo records where it was taken",
                name=file(attachment.path, name_only=True),
                page=pages[0],
            ),
            "remove the photo's location (strip-image-metadata.py), then export the PDF again",
            col=attachment.col,
            term=attachment.name,
        )


def _check_image(attachment: Attachment) -> Iterable[Finding]:
    image = image_content(attachment.path)
    name = file(attachment.path, name_only=True)  # under reviews/, masked like its path
    at = {"path": attachment.report_path, "line": attachment.line, "col": attachment.col}
    hint = say(
        "run: .venv/bin/python {script} {path}", script=known(STRIP_SCRIPT), path=file(display_path(attachment.path))
    )
    if image.error:
        yield ImageUnreadable.at(
            message=say("{name} does not open as an image", name=name),
            hint="open it in an image editor and export it as PNG or JPEG",
            **at,
        )
        return
    if image.unsafe:
        yield SvgUnsafe.at(
            message=say("{name} is not a plain drawing ({what})", name=name, what=known(_short(image.unsafe[0], 22))),
            hint="export it again as plain SVG, or as PNG",
            **at,
        )
    if image.gps:
        yield ImageGpsLocation.at(
            message=say("{name} records where it was taken (GPS)", name=name), hint=hint, term=attachment.name, **at
        )
    others = [kind for kind in image.kinds if kind != "GPS"]
    if others:
        kinds = known(_short(", ".join(others), 24))  # EXIF, XMP...: the kinds the reader knows
        yield ImageMetadataPresent.at(
            message=say("{name} has hidden metadata ({kinds})", name=name, kinds=kinds),
            hint=hint,
            term=attachment.name,
            **at,
        )


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"
