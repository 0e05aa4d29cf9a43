"""Files the rule fixtures need besides Markdown (PDFs, images), made in code.

A fixture asks for one with a directive at its top:

    <!-- file: reviews/documents/child-x.pdf = pdf_plain -->

The name after `=` is a key of FACTORIES; the function returns the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import media  # tests/ is on sys.path when the tests run

FACTORIES: dict[str, Callable[[], bytes]] = {}


def factory(function: Callable[[], bytes]) -> Callable[[], bytes]:
    FACTORIES[function.__name__] = function
    return function


# --- PDFs and images (tests/media.py makes them) ------------------------------

REPORT_PAGES = (
    "Overview report\nA fictional review used by the test suite.",
    "Recommendations\nShare information sooner.",
)


@factory
def pdf_plain() -> bytes:
    return media.make_pdf(REPORT_PAGES, info={"/Title": "Overview report", "/Producer": "LibreOffice"})


@factory
def pdf_with_javascript() -> bytes:
    return media.make_pdf(REPORT_PAGES, javascript=True)


@factory
def pdf_with_embedded_file() -> bytes:
    return media.make_pdf(REPORT_PAGES, embedded_file=True)


@factory
def pdf_with_form() -> bytes:
    return media.make_pdf(REPORT_PAGES, form=True)


@factory
def pdf_with_author() -> bytes:
    return media.make_pdf(REPORT_PAGES, info={"/Author": "Harriet Quennell"})


@factory
def pdf_with_account_author() -> bytes:
    """The author as Word records it from a Windows account name."""
    return media.make_pdf(REPORT_PAGES, info={"/Author": "hquennell"})


@factory
def pdf_with_xmp_creator() -> bytes:
    return media.make_pdf(REPORT_PAGES, xmp=media.xmp_packet(dc_creator="Harriet Quennell"))


@factory
def pdf_text_under_box() -> bytes:
    return media.make_pdf(REPORT_PAGES, boxed_text="Sibling 1 told a teacher about the bruises")


@factory
def pdf_broken() -> bytes:
    return b"%PDF-1.7\nnot really a PDF\n"


@factory
def png_clean() -> bytes:
    return media.make_png()


@factory
def png_with_text_chunk() -> bytes:
    return media.make_png(text_chunks={"Author": "Harriet Quennell"})


@factory
def png_with_comment_chunk() -> bytes:
    return media.make_png(text_chunks={"Comment": "Draft 3, drawn for the panel meeting"})


@factory
def jpeg_clean() -> bytes:
    return media.make_jpeg()


@factory
def jpeg_with_gps() -> bytes:
    return media.make_jpeg(gps=(53.4012, -2.2034))


@factory
def jpeg_with_exif_artist() -> bytes:
    return media.make_jpeg(exif={"Artist": "Harriet Quennell"})


@factory
def image_broken() -> bytes:
    return b"\x89PNG\r\n\x1a\nnot really a PNG"


# --- What a PDF editor leaves behind --------------------------------------------


@factory
def pdf_with_comment_by_account() -> bytes:
    """A sticky note signed with a Windows account name, as PDF readers do."""
    return media.with_comment(pdf_plain(), "Page checked", author="hquennell")


@factory
def pdf_saved_over() -> bytes:
    """A page changed in a PDF editor and saved in place: the old text stays."""
    return media.saved_over(
        media.make_pdf(("Overview report\nSibling 1 told the reviewer.", REPORT_PAGES[1])),
        ("Overview report\nMother told the reviewer.", REPORT_PAGES[1]),
    )


@factory
def pdf_linearized() -> bytes:
    return media.make_linearized_pdf("Overview report\nA fictional review used by the test suite.")


# --- Other kinds of attachment ----------------------------------------------------


@factory
def docx_file() -> bytes:
    """A Word document (a zip of XML parts), small but real in its layout."""
    return media.make_docx("Chronology for the panel.")


@factory
def csv_plain() -> bytes:
    return b"Date,Agency,Contact\n2025-03-01,Health visiting,Home visit\n2025-03-09,School,Meeting\n"


@factory
def tiff_plain() -> bytes:
    """A picture saved as TIFF (a scanner's or a camera's format)."""
    buffer = io.BytesIO()
    media._picture().save(buffer, "TIFF")
    return buffer.getvalue()


@factory
def svg_plain() -> bytes:
    """A drawing in the safe subset: shapes, a gradient used by #id, text."""
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" role="img">'
        b"<title>Who lived in the household</title>"
        b'<defs><linearGradient id="sky"><stop offset="0" stop-color="#1d70b8"/></linearGradient></defs>'
        b'<rect width="120" height="40" fill="url(#sky)"/>'
        b'<text x="8" y="26" font-size="10" fill="#fff">Child Q and Mother</text></svg>\n'
    )


@factory
def svg_with_foreign_object() -> bytes:
    """Labels drawn as HTML inside the drawing, as some diagram tools export them."""
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" role="img">'
        b"<title>Who lived in the household</title>"
        b'<foreignObject width="120" height="40"><div xmlns="http://www.w3.org/1999/xhtml">'
        b"Child Q and Mother</div></foreignObject></svg>\n"
    )
