"""PDFs, images and other files the site publishes: PDF001-PDF007,
IMG001-IMG003 and ATT001; and that the text inside them (PDF comments,
bookmarks and form fields, SVG text, plain-text files) is read.

The files are made in code (tests/media.py) and read by the real checks in
real builds; the geometry of "text under a box" is also tested on single
pages, straight through pypdf.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import factories
import media
import pytest
from PIL import Image, ImageCms
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)
from script_runs import ScriptRunner

from conftest import ROOT, review_markdown
from lscb_checks.text.attachments import image_content, pdf_content, text_content, text_problem
from lscb_checks.text.pdf_active import earlier_versions
from lscb_core.mask import mask

CODES = ("PDF001", "PDF002", "PDF003", "PDF004", "PDF005", "PDF006", "PDF007", "IMG001", "IMG002", "IMG003", "ATT001")

REVIEW_BODY = (
    "## Findings\n\n"
    "Professionals did not share what they knew.\n\n"
    "![Family network diagram of Child Q, using pseudonyms only](images/child-q-network.png)\n\n"
    "## Recommendations\n\n1. Share information sooner.\n\n"
    "## The board's response\n\nThe board accepted the recommendation.\n"
)
DOCUMENT_LINE = 13  # the Document field in review_markdown(Document=...)


def _review(scenario, pdf: bytes | None = None, png: bytes | None = None, **fields):
    if pdf is not None:
        fields["Document"] = "reviews/documents/child-q-report.pdf"
        scenario.write_bytes("reviews/documents/child-q-report.pdf", pdf)
    scenario.write_bytes("reviews/images/child-q-network.png", png if png is not None else media.make_png())
    path = scenario.write("reviews/child-q.md", review_markdown(body=REVIEW_BODY, **fields))
    return path


def _mine(site):
    return [f for f in site.result.findings if f.code in CODES and not f.waived]


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


# --- Clean files pass --------------------------------------------------------


def test_a_clean_pdf_and_image_pass(scenario):
    _review(scenario, pdf=factories.pdf_plain(), png=factories.png_clean())
    site = scenario.build()
    assert _mine(site) == [], site.messages()


def test_the_demo_report_and_diagram_are_read_and_pass():
    report = pdf_content(str(ROOT / "content/reviews/documents/child-l-overview-report.pdf"))
    assert not report.error and len(report.pages) == 4 and "Child L" in report.pages[0]
    assert (report.scripts, report.embedded_files, report.form_fields, report.covered) == ((), (), (), ())
    diagram = image_content(str(ROOT / "content/reviews/images/child-l-family-network.png"))
    assert diagram == type(diagram)()  # no metadata, no error


# --- Each finding, at the line that links the file --------------------------


@pytest.mark.parametrize(
    "factory, code",
    [
        ("pdf_broken", "PDF001"),
        ("pdf_with_author", "PDF002"),
        ("pdf_with_xmp_creator", "PDF002"),
        ("pdf_with_javascript", "PDF003"),
        ("pdf_with_embedded_file", "PDF004"),
        ("pdf_with_form", "PDF005"),
        ("pdf_text_under_box", "PDF006"),
    ],
)
def test_each_pdf_problem_is_reported_at_the_document_line(scenario, factory, code):
    path = _review(scenario, pdf=factories.FACTORIES[factory]())
    site = scenario.build()
    assert not site.ok
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [(code, DOCUMENT_LINE)], site.messages()
    assert Path(found[0].path).resolve() == path.resolve()
    assert "child-q-report.pdf" in found[0].message
    assert len(found[0].message) < 80 and found[0].hint


@pytest.mark.parametrize(
    "image, code",
    [
        (media.make_png(text_chunks={"Author": "Harriet Quennell"}), "IMG001"),
        (media.make_png(exif={"Artist": "Harriet Quennell"}), "IMG001"),
        (media.make_png(text_chunks={"Software": "Diagram Maker 3"}), "IMG001"),
        (b"\x89PNG\r\n\x1a\nnot-really", "IMG003"),
    ],
)
def test_each_image_problem_is_reported_at_the_image_line(scenario, image, code):
    path = _review(scenario, png=image)
    site = scenario.build()
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [(code, _line(path, "child-q-network.png"))], site.messages()
    assert Path(found[0].path).resolve() == path.resolve()
    assert "child-q-network.png" in found[0].message


def test_a_name_is_never_printed_in_full(scenario):
    _review(
        scenario,
        pdf=media.make_pdf(["Overview report"], info={"/Author": "Harriet Quennell"}, boxed_text="Larchfield Primary"),
    )
    site = scenario.build()
    text = site.messages()
    assert {f.code for f in _mine(site)} == {"PDF002", "PDF006"}
    assert mask("Harriet Quennell") in text and mask("Larchfield Primary") in text
    for secret in ("Harriet", "Quennell", "Larchfield"):
        assert secret not in text
    assert {f.term for f in _mine(site)} == {"Harriet Quennell", "Larchfield Primary"}


def test_several_problems_in_one_pdf_are_each_reported(scenario):
    _review(
        scenario,
        pdf=media.make_pdf(
            ["Overview report"], javascript=True, embedded_file=True, form=True, info={"/Author": "Harriet Quennell"}
        ),
    )
    site = scenario.build()
    assert sorted(f.code for f in _mine(site)) == ["PDF002", "PDF003", "PDF004", "PDF005"]


# --- PDF001: what cannot be checked -------------------------------------------


def test_an_encrypted_pdf_cannot_be_checked(scenario):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(factories.pdf_plain())))
    writer.encrypt(user_password="", owner_password="board-only", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    _review(scenario, pdf=buffer.getvalue())
    found = _mine(scenario.build())
    assert [f.code for f in found] == ["PDF001"]
    assert "encrypted" in found[0].message


def test_a_pdf_with_no_text_at_all_cannot_be_checked(scenario):
    _review(scenario, pdf=media.make_pdf([""]))
    found = _mine(scenario.build())
    assert [f.code for f in found] == ["PDF001"]
    assert "no text" in found[0].message


# --- PDF002: who made it ------------------------------------------------------


@pytest.mark.parametrize(
    "info, xmp",
    [
        ({"/Author": "Northshire Safeguarding Children Board"}, None),
        ({"/Author": "Northshire SCB", "/Creator": "Writer", "/Producer": "LibreOffice 24.2"}, None),
        ({"/Author": "Windows User"}, None),
        ({"/Title": "Overview report", "/Subject": "A review"}, None),
        (None, media.xmp_packet(xmp_CreatorTool="Microsoft Word", pdf_Producer="Microsoft Word")),
        (None, media.xmp_packet(dc_creator="Northshire Safeguarding Children Board")),
    ],
)
def test_harmless_pdf_properties_pass(scenario, info, xmp):
    _review(scenario, pdf=media.make_pdf(["Overview report"], info=info, xmp=xmp))
    assert _mine(scenario.build()) == []


@pytest.mark.parametrize(
    "info, xmp",
    [
        ({"/LastModifiedBy": "Harriet Quennell"}, None),
        ({"/Company": "Larchfield Primary School"}, None),
        (None, media.xmp_packet(pdf_Author="Harriet Quennell")),
        (None, media.xmp_packet(dc_contributor="Harriet Quennell")),
    ],
)
def test_pdf_properties_that_name_someone_fail(scenario, info, xmp):
    _review(scenario, pdf=media.make_pdf(["Overview report"], info=info, xmp=xmp))
    assert [f.code for f in _mine(scenario.build())] == ["PDF002"]


def test_the_same_name_in_several_properties_is_one_finding(scenario):
    _review(
        scenario,
        pdf=media.make_pdf(
            ["Overview report"],
            info={"/Author": "Harriet Quennell"},
            xmp=media.xmp_packet(dc_creator="Harriet Quennell"),
        ),
    )
    found = _mine(scenario.build())
    assert [f.code for f in found] == ["PDF002"]


def test_a_board_can_allow_a_named_author(scenario):
    _review(scenario, pdf=factories.pdf_with_author())
    assert _mine(scenario.build(LSCB_PDF_AUTHORS_ALLOWED=["Harriet Quennell"])) == []


def test_a_waiver_in_the_review_cannot_accept_the_pdfs_author(scenario):
    """What is inside the PDF is fixed in the PDF (or the board allows the
    name in its settings): a waiver in the review covers nothing there."""
    _review(
        scenario,
        pdf=factories.pdf_with_author(),
        Waive='PDF002 "Harriet Quennell" in Document: the independent reviewer is named in the report; '
        "approved by Independent Chair",
    )
    site = scenario.build()
    assert [f.code for f in _mine(site)] == ["PDF002"]
    assert not [f for f in site.result.findings if f.waived]
    (refused,) = [f for f in site.result.findings if f.code == "WAIV005"]
    assert refused.hint.startswith("fix the file")


def test_xmp_values_reach_the_redaction_checks(scenario, monkeypatch):
    """A register term in the PDF's XMP is found by RED001, through review_spans."""
    from register_helpers import write_register

    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-the-board-0123456789")
    _review(
        scenario,
        pdf=media.make_pdf(
            ["Overview report"],
            xmp=media.xmp_packet(dc_title="Overview report", dc_description="Harriet Quennell chronology"),
        ),
    )
    write_register(scenario.content, "reviews/child-q.md", ["Harriet Quennell"])
    site = scenario.build()
    red = [f for f in site.result.findings if f.code == "RED001"]
    assert [(f.line, f.term) for f in red] == [(DOCUMENT_LINE, "Harriet Quennell")], site.messages()
    assert _mine(site) == []  # a description is not an author property


# --- PDF006: text under a box ---------------------------------------------------

TEXT = "BT /F2 12 Tf 72 700 Td (The child Jane Smith went home) Tj ET\n"
# Courier 12 pt: every letter is 7.2 pt wide; "Jane Smith" runs from x=144 to x=216.
OVER_NAME = "0 0 0 rg 143 697 74 14 re f\n"


def _covered(tmp_path, content: str, annotations=()) -> tuple:
    path = tmp_path / f"page-{abs(hash((content, str(annotations))))}.pdf"
    path.write_bytes(media.make_pdf_from_content(content, annotations=annotations))
    report = pdf_content(str(path))
    assert not report.error
    return report.covered


@pytest.mark.parametrize(
    "content",
    [
        TEXT + OVER_NAME,
        TEXT + "q 0.1 0.1 0.3 rg 143 697 74 14 re f Q\n",  # dark blue
        TEXT + "0 0 0 1 k 143 697 74 14 re f\n",  # CMYK black
        TEXT + "0 g 143 697 m 217 697 l 217 711 l 143 711 l h f\n",  # a four-sided path
        TEXT + "q 1 0 0 1 100 200 cm 0 g 43 497 74 14 re f Q\n",  # moved by cm
        TEXT + "q 2 0 0 2 0 0 cm 0 g 71.5 348.5 37 7 re f Q\n",  # scaled by cm
        "BT /F2 1 Tf 12 0 0 12 72 700 Tm (The child Jane Smith went home) Tj ET\n" + OVER_NAME,
        TEXT + "1 1 1 rg q 0 g Q 0 g 143 697 74 14 re f*\n",
        # The ways programs write text: kerned TJ arrays, several Tj, T* and ' for new lines,
        # a matrix per line, character and word spacing, squashed text, a turned page.
        "BT /F2 12 Tf 1 0 0 1 72 700 Tm [(The child )-20(Jane)-600(Smith)( went home)] TJ ET\n" + OVER_NAME,
        "BT /F2 12 Tf 72 700 Td (The child ) Tj (Jane Smith) Tj ( went home) Tj ET\n" + OVER_NAME,
        "BT /F2 12 Tf 14 TL 72 714 Td (First line) Tj T* (The child Jane Smith went home) Tj ET\n" + OVER_NAME,
        "BT /F2 12 Tf 14 TL 72 714 Td (First line) Tj (The child Jane Smith went home) ' ET\n" + OVER_NAME,
        "BT /F2 12 Tf 1 0 0 1 72 714 Tm (First) Tj 1 0 0 1 72 700 Tm (The child Jane Smith went home) Tj ET\n"
        + OVER_NAME,
        "BT /F2 12 Tf 2 Tc 72 700 Td (The child Jane Smith went home) Tj ET 0 g 163 697 94 14 re f\n",
        "BT /F2 12 Tf 6 Tw 72 700 Td (The child Jane Smith went home) Tj ET 0 g 155 697 80 14 re f\n",
        "BT /F2 12 Tf 50 Tz 72 700 Td (The child Jane Smith went home) Tj ET 0 g 107 697 37 14 re f\n",
        "q 0 1 -1 0 500 100 cm BT /F2 12 Tf 72 0 Td (The child Jane Smith went home) Tj ET Q 0 g 486 243 14 74 re f\n",
    ],
)
def test_a_dark_box_drawn_over_words_hides_them(tmp_path, content):
    assert _covered(tmp_path, content) == ((1, "Jane Smith"),)


@pytest.mark.parametrize(
    "annotation",
    [
        {"/Subtype": "/Redact", "/Rect": [143, 697, 217, 711]},
        {"/Subtype": "/Square", "/Rect": [143, 697, 217, 711], "/IC": [0, 0, 0]},
    ],
)
def test_an_unapplied_redaction_or_a_black_square_comment_hides_words(tmp_path, annotation):
    assert _covered(tmp_path, TEXT, [annotation]) == ((1, "Jane Smith"),)


@pytest.mark.parametrize(
    "content, annotations",
    [
        (OVER_NAME + "1 g " + TEXT, ()),  # a dark background drawn first, light text on top
        (TEXT + "1 1 1 rg 143 697 74 14 re f\n", ()),  # a light box (not a redaction box; see limitations)
        (TEXT + "0 g 143 697 74 14 re W n\n", ()),  # a clipping path, not a fill
        (TEXT + "0 g 143 697 74 14 re S\n", ()),  # an outline
        (TEXT + "0 g 72 702 144 1 re f\n", ()),  # strike-through
        (TEXT + "0 g 72 698 144 0.8 re f\n", ()),  # underline
        (TEXT + "0 g 72 600 300 60 re f\n", ()),  # a box elsewhere on the page
        (TEXT + "0 g 143 697 m 217 697 l 180 711 l h f\n", ()),  # a triangle
        (TEXT, [{"/Subtype": "/Square", "/Rect": [143, 697, 217, 711], "/IC": [1, 1, 0]}]),
        (TEXT, [{"/Subtype": "/Highlight", "/Rect": [143, 697, 217, 711]}]),
        # Text used as a clipping path (WordArt), then painted through: the fill shows the letters.
        ("q BT 7 Tr /F2 12 Tf 72 700 Td (The child Jane Smith went home) Tj ET 0 g 143 697 74 14 re f Q\n", ()),
    ],
)
def test_boxes_that_hide_nothing_are_quiet(tmp_path, content, annotations):
    assert _covered(tmp_path, content, annotations) == ()


def test_only_the_covered_words_are_named(tmp_path):
    content = (
        TEXT + "BT /F2 12 Tf 72 680 Td (Sibling 1 attends school) Tj ET\n0 g 71 677 72 14 re f\n"
    )  # over "Sibling 1 " on the second line
    assert _covered(tmp_path, content) == ((1, "Sibling 1"),)


# --- Images -------------------------------------------------------------------


def test_gps_has_its_own_code(scenario):
    scenario.write_bytes("reviews/images/child-q-photo.jpg", factories.jpeg_with_gps())
    body = REVIEW_BODY.replace("images/child-q-network.png", "images/child-q-photo.jpg")
    path = scenario.write("reviews/child-q.md", review_markdown(body=body))
    found = _mine(scenario.build())
    assert [(f.code, f.line) for f in found] == [("IMG002", _line(path, "child-q-photo.jpg"))]
    assert found[0].term == "child-q-photo.jpg" and Path(found[0].path).resolve() == path.resolve()
    assert "53.4" not in found[0].message


def test_a_photo_inside_a_pdf_that_records_where_it_was_taken_is_found(scenario):
    _review(scenario, pdf=media.make_pdf(["Overview report"], photo=media.make_jpeg(gps=(53.4, -2.2))))
    found = _mine(scenario.build())
    assert [(f.code, f.line, f.term) for f in found] == [("IMG002", DOCUMENT_LINE, "child-q-report.pdf")]
    assert "p1" in found[0].message


def test_a_photo_inside_a_pdf_without_a_position_passes(scenario):
    _review(scenario, pdf=media.make_pdf(["Overview report"], photo=media.make_jpeg(exif={"Make": "PhoneCo"})))
    assert _mine(scenario.build()) == []


@pytest.mark.parametrize(
    "image, kinds",
    [
        (media.make_jpeg(exif={"Artist": "Harriet Quennell"}), ("EXIF",)),
        (media.make_jpeg(xmp=media.xmp_packet(dc_creator="Harriet Quennell")), ("XMP",)),
        (media.make_jpeg(gps=(53.4, -2.2), exif={"Make": "PhoneCo"}), ("GPS", "EXIF")),
        (media.make_png(text_chunks={"Comment": "Drawn for the panel"}), ("PNG text",)),
        (media.make_png(exif={"Artist": "Harriet Quennell"}), ("EXIF",)),
    ],
)
def test_each_kind_of_image_metadata_is_found(tmp_path, image, kinds):
    path = tmp_path / ("x.png" if image.startswith(b"\x89PNG") else "x.jpg")
    path.write_bytes(image)
    assert sorted(image_content(str(path)).kinds) == sorted(kinds)


def test_a_jpeg_comment_and_iptc_are_metadata(tmp_path):
    path = tmp_path / "x.jpg"
    image = media.make_jpeg()
    # A COM segment straight after SOI.
    comment = b"\xff\xfe" + (len(b"taken at home") + 2).to_bytes(2, "big") + b"taken at home"
    path.write_bytes(image[:2] + comment + image[2:])
    assert image_content(str(path)).kinds == ("comment",)
    assert ("comment", "taken at home") in image_content(str(path)).metadata


def test_a_colour_profile_is_not_metadata(tmp_path):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for name, fmt in (("x.jpg", "JPEG"), ("x.png", "PNG")):
        Image.new("RGB", (8, 8), (200, 10, 10)).save(tmp_path / name, fmt, icc_profile=profile)
        assert image_content(str(tmp_path / name)) == type(image_content(str(tmp_path / name)))()


def test_an_unlinked_image_in_a_shared_folder_is_reported_on_the_file(scenario):
    _review(scenario)
    shared = scenario.write_bytes("images/board-meeting.jpg", factories.jpeg_with_exif_artist())
    found = _mine(scenario.build())
    assert [(f.code, f.line, Path(f.path).resolve()) for f in found] == [("IMG001", 1, shared.resolve())]


def test_a_shared_pdf_linked_by_a_page_is_reported_at_the_link(scenario):
    _review(scenario)
    scenario.write_bytes("documents/leaflet.pdf", factories.pdf_with_form())
    size = len(factories.pdf_with_form())
    page = scenario.write(
        "pages/leaflets.md",
        (
            "Title: Leaflets\nDate: 2026-01-01\nSummary: Leaflets for parents.\n\n"
            "Our leaflet for parents:\n\n"
            f"[Leaflet for parents (PDF, {max(1, round(size / 1024))} KB)]({{static}}/documents/leaflet.pdf)\n"
        ),
    )
    found = _mine(scenario.build())
    assert [(f.code, f.line, Path(f.path).resolve()) for f in found] == [("PDF005", 7, page.resolve())]


def test_files_of_an_unpublished_review_are_not_checked_here(scenario):
    _review(
        scenario,
        pdf=factories.pdf_with_javascript(),
        png=factories.png_with_text_chunk(),
        Publication_decision="withhold",
    )
    scenario.write("reviews/child-z.md", review_markdown(Title="Child Z: published", Child="Child Z"))
    site = scenario.build()
    assert _mine(site) == [], site.messages()


def test_a_withheld_reviews_pdf_in_a_shared_folder_is_not_published_so_not_reported(scenario):
    scenario.write_bytes("documents/child-q-report.pdf", factories.pdf_with_javascript())
    leaflet = scenario.write_bytes("documents/leaflet.pdf", factories.pdf_with_embedded_file())
    scenario.write(
        "reviews/child-q.md", review_markdown(Publication_decision="withhold", Document="documents/child-q-report.pdf")
    )
    found = _mine(scenario.build())
    assert [(f.code, Path(f.path).resolve()) for f in found] == [("PDF004", leaflet.resolve())]


# --- The fix: scripts/strip-image-metadata.py -----------------------------------

# Runs the script (tests/script_runs.py: each run a fork of one process that
# has imported what the script imports, not a new interpreter importing it).
STRIP = ScriptRunner(ROOT / "scripts" / "strip-image-metadata.py")


@pytest.fixture(scope="module", autouse=True)
def _stop_the_runner():
    yield
    STRIP.close()


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "photo.jpg",
            media.make_jpeg(
                exif={"Artist": "Harriet Quennell"},
                gps=(53.4, -2.2),
                xmp=media.xmp_packet(dc_creator="Harriet Quennell"),
            ),
        ),
        (
            "diagram.png",
            media.make_png(text_chunks={"Author": "Harriet Quennell"}, exif={"Artist": "Harriet Quennell"}),
        ),
    ],
)
def test_the_strip_script_removes_metadata_and_keeps_the_pixels(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    before = Image.open(path)
    pixels = before.convert("RGB").tobytes()
    assert image_content(str(path)).kinds

    run = STRIP.run([path])
    assert run.returncode == 0, run.stderr
    after = image_content(str(path))
    assert after.kinds == () and after.metadata == () and not after.error
    assert Image.open(path).convert("RGB").tobytes() == pixels
    assert b"Quennell" not in path.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_the_strip_script_keeps_the_colour_profile(tmp_path):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[315] = "Harriet Quennell"
    Image.new("RGB", (8, 8), (200, 10, 10)).save(path, "JPEG", icc_profile=profile, exif=exif)
    assert STRIP.run([path]).returncode == 0
    assert Image.open(path).info.get("icc_profile") == profile
    assert image_content(str(path)).kinds == ()


def test_the_strip_script_turns_a_rotated_photo_the_right_way_up(tmp_path):
    path = tmp_path / "photo.jpg"
    picture = Image.new("RGB", (40, 20), (10, 10, 10))
    exif = Image.Exif()
    exif[274] = 6  # Orientation: shown turned 90 degrees clockwise
    picture.save(path, "JPEG", exif=exif, quality=95)
    assert STRIP.run([path]).returncode == 0
    assert Image.open(path).size == (20, 40)
    assert image_content(str(path)).kinds == ()


def test_the_strip_script_never_loses_an_image_it_cannot_read(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8 not really a JPEG")
    run = STRIP.run([path])
    assert run.returncode != 0 and "photo.jpg" in run.stderr
    assert path.read_bytes() == b"\xff\xd8 not really a JPEG"
    assert [p.name for p in tmp_path.iterdir()] == ["photo.jpg"]


def test_the_strip_script_leaves_a_clean_image_untouched(tmp_path):
    path = tmp_path / "clean.png"
    path.write_bytes(factories.png_clean())
    stamp = os.stat(path).st_mtime_ns
    run = STRIP.run([path])
    assert run.returncode == 0 and "no metadata" in run.stdout
    assert os.stat(path).st_mtime_ns == stamp


# --- Cost -----------------------------------------------------------------------


def test_each_attachment_is_read_once_per_process(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(media.make_pdf([f"Page {n}\nOverview report text." for n in range(20)]))
    first = pdf_content(str(path))
    second = pdf_content(str(path))
    assert first is second and len(first.pages) == 20
    # A changed file is read again.
    path.write_bytes(media.make_pdf(["Another report"], info={"/Author": "Harriet Quennell"}))
    assert pdf_content(str(path)).pages == ("Another report",)


def test_pdfs_are_read_ahead_in_a_second_process_and_a_changed_file_is_read_again(tmp_path):
    from types import SimpleNamespace

    from lscb_checks.text import prefetch

    folder = tmp_path / "content" / "reviews" / "documents"
    folder.mkdir(parents=True)
    path = folder / "report.pdf"
    path.write_bytes(media.make_pdf(["Overview report, read ahead"]))
    (tmp_path / "content" / ".git").mkdir()
    (tmp_path / "content" / ".git" / "old.pdf").write_bytes(media.make_pdf(["not content"]))
    try:
        prefetch.start(SimpleNamespace(settings={"PATH": str(tmp_path / "content")}))
        if (os.cpu_count() or 1) < 2:
            assert prefetch.take(prefetch.file_key(str(path))) is None  # one core: read when needed
            return
        assert sorted(key[0] for key in prefetch._pending) == [str(path)]
        ahead = prefetch.take(prefetch.file_key(str(path)))
        assert ahead is not None and ahead.pages == ("Overview report, read ahead",)
        assert prefetch.take(prefetch.file_key(str(path))) is None  # handed over once

        prefetch.start(SimpleNamespace(settings={"PATH": str(tmp_path / "content")}))
        path.write_bytes(media.make_pdf(["A later version of the report"]))
        assert prefetch.take(prefetch.file_key(str(path))) is None  # not the file it read
        assert pdf_content(str(path)).pages == ("A later version of the report",)
    finally:
        prefetch.stop()
    assert prefetch._pool is None and not prefetch._pending


def test_a_pdf_read_ahead_before_the_worker_stopped_is_kept_for_the_final_gate(tmp_path):
    """The worker stops when the source checks start; on two cores those run
    in a forked process, and the final gate, in the build process, reads
    the same PDFs as published: what was read ahead is kept until the build
    ends (forget), not read a second time."""
    from types import SimpleNamespace

    from lscb_checks.text import prefetch

    folder = tmp_path / "content" / "reviews"
    folder.mkdir(parents=True)
    path = folder / "report.pdf"
    path.write_bytes(media.make_pdf(["Overview report, read ahead"]))
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: PDFs are read when needed")
    try:
        prefetch.start(SimpleNamespace(settings={"PATH": str(tmp_path / "content")}))
        key = prefetch.file_key(str(path))
        prefetch._pending[key].result(timeout=30)
        prefetch.stop()
        assert prefetch._pool is None and not prefetch._pending
        kept = prefetch.take(key)
        assert kept is not None and kept.pages == ("Overview report, read ahead",)
        assert prefetch.take(key) is None  # handed over once

        prefetch.start(SimpleNamespace(settings={"PATH": str(tmp_path / "content")}))
        prefetch._pending[key].result(timeout=30)
        prefetch.stop()
        prefetch.forget()  # the build is over
        assert prefetch.take(key) is None
    finally:
        prefetch.stop()
        prefetch.forget()


# --- SVG drawings ------------------------------------------------------------------

SVG_CLEAN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="200" height="100"><title>Family network</title>'
    '<rect x="10" y="10" width="60" height="30"/><text x="15" y="30">Mother</text>'
    '<use xlink:href="#a"/></svg>'
)
SVG_FROM_EDITOR = (
    '<?xml version="1.0"?>\n<!-- Created with a drawing program -->\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
    'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'width="200" height="100" inkscape:export-filename="/home/hquennell/family.png">'
    "<title>Family network</title>"
    "<metadata><rdf:RDF><rdf:Description><dc:creator>Harriet Quennell</dc:creator>"
    '</rdf:Description></rdf:RDF></metadata><sodipodi:namedview id="view"/>'
    '<rect x="10" y="10" width="60" height="30"/><text x="15" y="30">Mother</text>'
    '<use xlink:href="#a"/></svg>'
)


def test_an_svg_drawing_from_an_editor_has_metadata_and_a_plain_one_does_not(tmp_path):
    (tmp_path / "clean.svg").write_text(SVG_CLEAN)
    (tmp_path / "editor.svg").write_text(SVG_FROM_EDITOR)
    clean = image_content(str(tmp_path / "clean.svg"))
    assert clean.kinds == () and ("SVG text", "Mother") in clean.metadata
    editor = image_content(str(tmp_path / "editor.svg"))
    assert set(editor.kinds) == {"comment", "editor data", "SVG metadata"}
    assert ("SVG metadata", "Harriet Quennell") in editor.metadata


def test_an_svg_with_metadata_fails_the_build(scenario):
    scenario.write_bytes("reviews/images/child-q-network.svg", SVG_FROM_EDITOR.encode())
    body = REVIEW_BODY.replace("child-q-network.png", "child-q-network.svg")
    path = scenario.write("reviews/child-q.md", review_markdown(body=body))
    found = _mine(scenario.build())
    assert [(f.code, f.line) for f in found] == [("IMG001", _line(path, "child-q-network.svg"))]


def test_the_strip_script_cleans_an_svg_and_keeps_its_shapes(tmp_path):
    path = tmp_path / "network.svg"
    path.write_text(SVG_FROM_EDITOR)
    assert STRIP.run([path]).returncode == 0
    text = path.read_text()
    assert image_content(str(path)).kinds == ()
    assert "Quennell" not in text and "inkscape" not in text and "<!--" not in text
    assert "<rect" in text and ">Mother</text>" in text and 'xlink:href="#a"' in text


def test_messages_stay_under_80_characters_with_a_long_file_name(scenario):
    name = "child-q-overview-report-final-version-for-publication-2026-06-15.pdf"
    scenario.write_bytes(
        f"reviews/documents/{name}",
        media.make_pdf(
            ["Overview report"],
            info={"/LastModifiedBy": "Harriet Quennell-Worthington"},
            boxed_text="Sibling 1 told a teacher about it",
            javascript=True,
            form=True,
        ),
    )
    scenario.write_bytes("reviews/images/child-q-network.png", media.make_png())
    scenario.write("reviews/child-q.md", review_markdown(body=REVIEW_BODY, Document=f"reviews/documents/{name}"))
    found = _mine(scenario.build())
    assert sorted(f.code for f in found) == ["PDF002", "PDF003", "PDF005", "PDF006"]
    for finding in found:
        assert len(finding.message) < 80, finding.message
        assert finding.message.startswith("child-q-overview")


# --- PDF003-PDF005: where active content hides ---------------------------------------


def _edited(change) -> bytes:
    """A two-page report, changed by `change(writer)` with pypdf."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(media.make_pdf(["Overview report", "Findings"]))))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _action(kind: str, **values):
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action"), NameObject("/S"): NameObject(kind)})
    for key, value in values.items():
        action[NameObject(f"/{key}")] = TextStringObject(value)
    return action


def _link(writer, page: int, action) -> None:
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 700, 200, 714)]),
            NameObject("/A"): action,
        }
    )
    writer.pages[page][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def _open_action(writer, action) -> None:
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def _bookmark(writer, action) -> None:
    item = writer.add_outline_item(title="Findings", page_number=1)
    item.get_object()[NameObject("/A")] = action


def _signature_field(writer) -> None:
    widget = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/Rect"): ArrayObject([FloatObject(0)] * 4),
            }
        )
    )
    field = writer._add_object(
        DictionaryObject(
            {
                NameObject("/FT"): NameObject("/Sig"),
                NameObject("/T"): TextStringObject("Signature1"),
                NameObject("/Kids"): ArrayObject([widget]),
            }
        )
    )
    widget.get_object()[NameObject("/Parent")] = field
    writer.pages[1][NameObject("/Annots")] = ArrayObject([widget])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field]), NameObject("/SigFlags"): FloatObject(3)}
    )


@pytest.mark.parametrize(
    "change, where",
    [
        (lambda w: _link(w, 1, _action("/JavaScript", JS="app.alert(1)")), "page 2"),
        (lambda w: _open_action(w, _action("/JavaScript", JS="app.alert(1)")), "on open"),
        (lambda w: _bookmark(w, _action("/JavaScript", JS="app.alert(1)")), "bookmark"),
        (lambda w: _link(w, 0, _action("/Launch", F="setup.exe")), "page 1"),
    ],
)
def test_scripts_are_found_wherever_they_are(tmp_path, change, where):
    path = tmp_path / "report.pdf"
    path.write_bytes(_edited(change))
    assert pdf_content(str(path)).scripts == (where,)


@pytest.mark.parametrize(
    "change",
    [
        lambda w: _link(w, 0, _action("/URI", URI="https://www.example.org/")),
        lambda w: _bookmark(w, _action("/GoTo", D="findings")),
        lambda w: w.add_outline_item(title="Findings", page_number=1),
        _signature_field,
    ],
)
def test_links_bookmarks_and_signatures_are_not_active_content(tmp_path, change):
    path = tmp_path / "report.pdf"
    path.write_bytes(_edited(change))
    report = pdf_content(str(path))
    assert (report.error, report.scripts, report.embedded_files, report.form_fields) == ("", (), (), ())


def _file_attachment_comment(writer) -> None:
    data = DecodedStreamObject()
    data.set_data(b"Chronology notes\n")
    data[NameObject("/Type")] = NameObject("/EmbeddedFile")
    spec = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject("chronology.txt"),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(data)}),
        }
    )
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 700, 90, 718)]),
            NameObject("/FS"): writer._add_object(spec),
        }
    )
    writer.pages[1][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def _xfa_form(writer) -> None:
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp:xdp/>")}
    )


def test_a_file_attachment_comment_is_an_embedded_file(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_edited(_file_attachment_comment))
    assert pdf_content(str(path)).embedded_files == ("chronology.txt",)


def test_an_xfa_form_is_a_form(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_edited(_xfa_form))
    assert pdf_content(str(path)).form_fields == ("XFA form",)


def test_an_attached_file_is_counted_once(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(factories.pdf_with_embedded_file())
    assert pdf_content(str(path)).embedded_files == ("notes.txt",)


def test_a_broken_xmp_packet_is_still_read_for_the_redaction_checks(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(media.make_pdf(["Overview report"], xmp="<x:xmpmeta><dc:creator>Harriet Quennell"))
    assert ("XMP packet", "Harriet Quennell") in pdf_content(str(path)).metadata


# --- Text a reader sees besides the pages: comments, bookmarks, form fields ---------

NAMED = "Check this with Chelsea Dawson"
REPORT = media.make_pdf(["Overview report", "Findings"])


@pytest.mark.parametrize(
    "pdf, label",
    [
        (media.with_comment(REPORT, NAMED, page=1), "comment page 2"),
        (media.with_comment(REPORT, NAMED, page=1, kind="text box"), "comment page 2"),
        (
            media.with_comment(REPORT, "", rich="<body><p>Check this with <b>Chelsea</b> Dawson</p></body>"),
            "comment page 1",
        ),
        (media.with_bookmarks(REPORT, ["Overview", ("Findings", ["Chronology of Chelsea Dawson"])]), "bookmark"),
        (media.make_pdf(["Overview report"], form=True, form_value=NAMED), "form field"),
    ],
)
def test_comments_bookmarks_and_field_values_are_read(tmp_path, pdf, label):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    report = pdf_content(str(path))
    assert not report.error
    assert any(field == label and "Chelsea Dawson" in value for field, value in report.metadata), report.metadata
    assert not any("Chelsea" in text for text in report.pages)  # not drawn in the page text


@pytest.mark.parametrize(
    "pdf",
    [
        media.with_comment(REPORT, NAMED, page=1),
        media.with_comment(REPORT, NAMED, page=1, kind="text box"),
        media.with_bookmarks(REPORT, ["Overview", ("Findings", ["Chronology of Chelsea Dawson"])]),
    ],
)
def test_a_name_in_a_comment_or_bookmark_fails_the_name_check(scenario, pdf):
    _review(scenario, pdf=pdf)
    site = scenario.build()
    names = [f for f in site.result.findings if f.code == "PII001"]
    assert [(f.line, f.term) for f in names] == [(DOCUMENT_LINE, "Chelsea Dawson")], site.messages()
    assert "child-q-report.pdf" in names[0].message and "Chelsea" not in names[0].message


@pytest.mark.parametrize(
    "pdf",
    [
        media.with_comment(REPORT, "Check this with Nell Brackley", page=1),
        media.with_bookmarks(REPORT, [("Findings", ["Chronology for Nell Brackley"])]),
        media.make_pdf(["Overview report"], form=True, form_value="Nell Brackley"),
    ],
)
def test_a_registered_term_in_a_comment_bookmark_or_field_fails_the_register(scenario, monkeypatch, pdf):
    from register_helpers import write_register

    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-the-board-0123456789")
    _review(scenario, pdf=pdf)
    write_register(scenario.content, "reviews/child-q.md", ["Brackley"])
    site = scenario.build()
    red = [f for f in site.result.findings if f.code == "RED001"]
    assert [(f.line, f.term) for f in red] == [(DOCUMENT_LINE, "Brackley")], site.messages()


def test_plain_comments_and_bookmarks_pass(scenario):
    pdf = media.with_bookmarks(
        media.with_comment(REPORT, "Checked against the minutes"), ["Overview", ("Findings", ["Recommendations"])]
    )
    _review(scenario, pdf=pdf)
    site = scenario.build()
    assert [f for f in site.result.findings if not f.waived] == [], site.messages()


def test_a_comments_author_is_reported_as_who_made_the_pdf(scenario):
    _review(scenario, pdf=media.with_comment(REPORT, "Checked", page=1, author="Harriet Quennell"))
    found = _mine(scenario.build())
    assert [(f.code, f.line, f.term) for f in found] == [("PDF002", DOCUMENT_LINE, "Harriet Quennell")]
    assert "p2: a comment by" in found[0].message and "Quennell" not in found[0].message


@pytest.mark.parametrize(
    "author, settings",
    [
        ("Windows User", {}),
        ("Northshire SCB", {"LSCB_PDF_AUTHORS_ALLOWED": ["Northshire SCB"]}),
        (None, {}),
    ],
)
def test_a_comment_by_a_placeholder_or_an_allowed_author_passes(scenario, author, settings):
    _review(scenario, pdf=media.with_comment(REPORT, "Checked", author=author))
    assert _mine(scenario.build(**settings)) == []


def test_a_form_fields_name_is_not_an_author(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(media.make_pdf(["Overview report"], form=True, form_value="Checked"))
    report = pdf_content(str(path))
    assert report.comment_authors == () and ("form field", "Checked") in report.metadata


# --- PDF007: earlier versions kept by an incremental save ---------------------------


def test_a_pdf_saved_over_in_place_keeps_its_earlier_text_and_fails(scenario):
    old = media.make_pdf(["Overview report\nChelsea Dawson told the reviewer."])
    pdf = media.saved_over(old, ["Overview report\nMother told the reviewer."])
    assert b"Chelsea Dawson" in pdf  # the reason for the rule
    path = _review(scenario, pdf=pdf)
    site = scenario.build()
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("PDF007", DOCUMENT_LINE)], site.messages()
    assert Path(found[0].path).resolve() == path.resolve()
    assert "earlier versions" in found[0].message and len(found[0].message) < 80
    assert "Save As" in found[0].hint


@pytest.mark.parametrize(
    "pdf",
    [
        factories.pdf_plain(),
        media.make_linearized_pdf("Overview report"),
        _edited(lambda writer: None),  # opened and saved again as a whole new file
    ],
)
def test_a_pdf_written_in_one_save_has_no_earlier_versions(tmp_path, pdf):
    assert earlier_versions(pdf) is False
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    report = pdf_content(str(path))
    assert not report.error and not report.earlier_versions


def test_a_linearized_pdf_passes_the_build(scenario):
    _review(scenario, pdf=media.make_linearized_pdf("Overview report\nA fictional review."))
    site = scenario.build()
    assert _mine(site) == [], site.messages()


@pytest.mark.parametrize("pdf", [factories.pdf_plain(), media.make_linearized_pdf()])
def test_an_update_without_a_visible_redefinition_is_still_an_earlier_version(pdf):
    """An object replaced inside a compressed object stream is not seen as
    "N 0 obj" twice: one cross-reference section more than a save writes is
    enough (here, the update's objects are given new numbers)."""
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    writer._add_object(DictionaryObject({NameObject("/Note"): TextStringObject("added")}))
    buffer = io.BytesIO()
    writer.write(buffer)
    updated = buffer.getvalue()
    numbers = re.findall(rb"(?m)^(\d+) 0 obj", updated)
    assert updated.startswith(pdf) and len(numbers) == len(set(numbers))  # nothing defined twice
    assert earlier_versions(updated)


# --- SVG drawings: the text they show -------------------------------------------------

GENOGRAM = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">'
    '<g id="node-mother"><rect x="5" y="5" width="90" height="50"/>'
    '<text><tspan x="10" y="20">{first}</tspan><tspan x="10" y="40">{last}</tspan></text></g>'
    '<g id="text1234" aria-label="{label}"><circle cx="150" cy="30" r="20"/></g>'
    '<g id="{id}"><rect x="200" y="5" width="90" height="50"/></g>'
    "</svg>"
)


def _genogram(first="Mother", last="(pseudonym)", label="Sibling 1", id="node-child"):
    return GENOGRAM.format(first=first, last=last, label=label, id=id)


def test_svg_text_split_across_lines_is_read_as_one_text(tmp_path):
    path = tmp_path / "genogram.svg"
    path.write_text(_genogram("Chelsea", "Dawson", "Box for Nell Brackley", "ChelseaDawson"))
    found = image_content(str(path))
    assert ("SVG text", "Chelsea Dawson") in found.metadata
    assert ("SVG aria-label", "Box for Nell Brackley") in found.metadata
    assert ("SVG id", "Chelsea Dawson") in found.metadata
    assert ("SVG id", "node mother") in found.metadata
    assert not any(value.startswith("text1234") for _field, value in found.metadata)  # made up by a program
    assert found.kinds == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ('<tspan x="10" y="20">Chelsea</tspan><tspan x="10" y="40">Dawson</tspan>', "Chelsea Dawson"),
        ('\n  <tspan x="10" dy="1.2em">Chelsea</tspan>\n  <tspan x="10" dy="1.2em">Dawson</tspan>\n', "Chelsea Dawson"),
        ('<tspan font-weight="bold">Chelsea</tspan> Dawson', "Chelsea Dawson"),
        ('Ch<tspan dx="0.5">elsea</tspan> <tspan>Daw</tspan>son', "Chelsea Dawson"),
        ('<textPath href="#curve">Chelsea Dawson</textPath>', "Chelsea Dawson"),
    ],
)
def test_svg_text_is_read_as_it_reads_on_the_drawing(tmp_path, text, expected):
    path = tmp_path / "genogram.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><text x="10" y="20">{text}</text></svg>')
    assert image_content(str(path)).metadata == (("SVG text", expected),)


@pytest.mark.parametrize(
    "svg",
    [
        _genogram("Chelsea", "Dawson"),
        _genogram(label="Chelsea Dawson"),
        _genogram(id="Chelsea_Dawson"),
    ],
)
def test_a_name_in_an_svg_genogram_fails_the_name_check(scenario, svg):
    scenario.write_bytes("reviews/images/child-q-network.svg", svg.encode())
    body = REVIEW_BODY.replace("child-q-network.png", "child-q-network.svg")
    path = scenario.write("reviews/child-q.md", review_markdown(body=body))
    site = scenario.build()
    names = [f for f in site.result.findings if f.code == "PII001"]
    assert [(f.line, f.term) for f in names] == [(_line(path, "child-q-network.svg"), "Chelsea Dawson")], (
        site.messages()
    )
    assert _mine(site) == []


@pytest.mark.parametrize(
    "svg",
    [
        _genogram("Nell", "Brackley"),
        _genogram(id="nell-brackley"),
    ],
)
def test_a_registered_name_in_an_svg_genogram_fails_the_register(scenario, monkeypatch, svg):
    from register_helpers import write_register

    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-the-board-0123456789")
    scenario.write_bytes("reviews/images/child-q-network.svg", svg.encode())
    body = REVIEW_BODY.replace("child-q-network.png", "child-q-network.svg")
    path = scenario.write("reviews/child-q.md", review_markdown(body=body))
    write_register(scenario.content, "reviews/child-q.md", ["Nell Brackley"])
    site = scenario.build()
    red = [f for f in site.result.findings if f.code == "RED001"]
    assert [f.line for f in red] == [_line(path, "child-q-network.svg")], site.messages()


def test_a_genogram_with_pseudonyms_passes(scenario):
    scenario.write_bytes("reviews/images/child-q-network.svg", _genogram().encode())
    body = REVIEW_BODY.replace("child-q-network.png", "child-q-network.svg")
    scenario.write("reviews/child-q.md", review_markdown(body=body))
    site = scenario.build()
    assert [f for f in site.result.findings if not f.waived] == [], site.messages()


# --- ATT001: files the checks cannot read, and plain-text files they can --------------


def _linking(scenario, name: str, data: bytes, label: str = "Chronology (DOCX, 1 KB)", **fields):
    scenario.write_bytes(f"reviews/documents/{name}", data)
    scenario.write_bytes("reviews/images/child-q-network.png", media.make_png())
    body = REVIEW_BODY.replace("## Recommendations", f"[{label}](documents/{name})\n\n## Recommendations")
    return scenario.write("reviews/child-q.md", review_markdown(body=body, **fields))


@pytest.mark.parametrize(
    "name, data",
    [
        ("child-q-chronology.docx", factories.docx_file()),
        ("child-q-chronology.xlsx", factories.docx_file()),
        ("child-q-chronology.odt", factories.docx_file()),
        ("child-q-chronology.rtf", b"{\\rtf1\\ansi Chronology.}"),
        ("child-q-papers.zip", factories.docx_file()),
        ("child-q-chronology.txt", factories.docx_file()),  # a Word file renamed .txt
    ],
)
def test_a_file_the_checks_cannot_read_fails_at_its_link(scenario, name, data):
    path = _linking(scenario, name, data)
    site = scenario.build()
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("ATT001", _line(path, name))], site.messages()
    assert found[0].message == f"{name} cannot be checked for names: publish it as a PDF"
    assert found[0].hint and Path(found[0].path).resolve() == path.resolve()


@pytest.mark.parametrize(
    "name, data",
    [
        ("child-q-chronology.csv", factories.csv_plain()),
        ("child-q-notes.txt", "Notes for families, in plain English.\n".encode("utf-16")),
        ("child-q-summary.html", b"<html><body><p>Summary for families.</p></body></html>"),
        ("child-q-summary.pdf", factories.pdf_plain()),
    ],
)
def test_files_the_checks_can_read_pass(scenario, name, data):
    _linking(scenario, name, data, label="Chronology (CSV, 1 KB)")
    site = scenario.build()
    assert _mine(site) == [], site.messages()


def test_a_word_document_on_another_page_is_fine(scenario):
    _review(scenario)
    scenario.write_bytes("documents/referral-form.docx", factories.docx_file())
    scenario.write(
        "pages/refer.md",
        (
            "Title: Refer a concern\nDate: 2026-01-01\nSummary: How to refer a concern.\n\n"
            "Use our form: [Referral form (DOCX, 1 KB)]({static}/documents/referral-form.docx)\n"
        ),
    )
    site = scenario.build()
    assert [f for f in site.result.findings if f.code == "ATT001"] == [], site.messages()


def test_a_withheld_review_linking_a_word_document_fails_too(scenario):
    """The review's source and its files are in a public repository."""
    path = _linking(scenario, "child-q-chronology.docx", factories.docx_file(), Publication_decision="withhold")
    scenario.write("reviews/child-z.md", review_markdown(Title="Child Z: published", Child="Child Z"))
    found = [f for f in scenario.build().result.findings if f.code == "ATT001"]
    assert [(f.line, Path(f.path).resolve()) for f in found] == [
        (_line(path, "child-q-chronology.docx"), path.resolve())
    ]


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("a.txt", "Chelsea Dawson\n".encode("utf-8-sig"), "Chelsea Dawson\n"),
        ("a.txt", "Zoë Brontë\n".encode("cp1252"), "Zoë Brontë\n"),
        ("a.txt", "Chelsea Dawson\n".encode("utf-16"), "Chelsea Dawson\n"),
        ("a.csv", b"Name,Role\nChelsea Dawson,Mother\n", "Name,Role\nChelsea Dawson,Mother\n"),
        ("a.md", b"# Notes\n\nChelsea *Dawson*\n", "# Notes\n\nChelsea *Dawson*\n"),
    ],
)
def test_plain_text_files_are_decoded(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    assert text_content(str(path)) == expected and text_problem(str(path)) == ""


def test_an_html_file_is_read_without_its_tags(tmp_path):
    path = tmp_path / "summary.html"
    path.write_text(
        "<html><head><title>Summary</title><style>p{color:red}</style></head><body>"
        '<p>Ch&eacute;lsea <b>Daw</b>son</p><img alt="Photo of Nell Brackley" src="x.png">'
        "<!-- drafted by Harriet Quennell --></body></html>"
    )
    lines = text_content(str(path)).splitlines()
    assert "Photo of Nell Brackley" in lines and " drafted by Harriet Quennell " in lines
    # Read as shown: inline tags join the words they split, as the final gate reads pages.
    assert "Chélsea Dawson" in lines and not any("<" in line for line in lines)


def test_a_binary_file_named_as_text_is_not_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(factories.docx_file())
    assert text_content(str(path)) == "" and text_problem(str(path)) == "not plain text"


def test_a_name_in_a_linked_text_file_fails_the_name_check(scenario):
    """Needs review_text.file_spans to give text_content() to the redaction checks."""
    path = _linking(
        scenario, "child-q-chronology.csv", b"Date,Who\n2025-03-01,Chelsea Dawson\n", label="Chronology (CSV, 1 KB)"
    )
    site = scenario.build()
    names = [f for f in site.result.findings if f.code == "PII001"]
    assert [(f.line, f.term) for f in names] == [(_line(path, "child-q-chronology.csv"), "Chelsea Dawson")], (
        site.messages()
    )
