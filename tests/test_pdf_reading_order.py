"""A PDF page's text is read as the file writes it and, where a reader sees
it in another order, as the page shows it (lscb_checks.text.pdf_order):
lines by baseline from the top, left to right within a line.

The PDFs are made in code (tests/media.py: /F1 is Helvetica, /F2 Courier,
whose letters are all 0.6 em wide) and read by the real reader; the checks
run on them in real builds.
"""

from __future__ import annotations

from pathlib import Path

import media
import pytest
from pypdf import PdfReader

from conftest import ROOT, review_markdown
from lscb_checks.text.attachments import pdf_content

NAME = "Zebedee Quinlan"
FORENAME, SURNAME = NAME.split()
LETTERS = media.courier_letters(NAME, 72, 700)
LATER = media.courier_end(f"The reviewer met {FORENAME} ")

# (content stream, a line a reader sees on the page)
OUT_OF_ORDER = {
    "moved-left": (f"BT /F1 12 Tf 72 700 Td ({SURNAME}) Tj -60 0 Td ({FORENAME}) Tj ET", NAME),
    "letters-shuffled": (media.drawn_at(LETTERS[1::2] + LETTERS[::2]), NAME),
    "letters-reversed": (media.drawn_at(LETTERS[::-1]), NAME),
    "kerned-back": (media.kerned_back(SURNAME, FORENAME, 200, 700), NAME),
    "table-by-column": (
        f"BT /F1 12 Tf 72 700 Td (Forename) Tj 0 -16 Td ({FORENAME}) Tj ET "
        f"BT /F1 12 Tf 220 700 Td (Surname) Tj 0 -16 Td ({SURNAME}) Tj ET",
        f"Forename | Surname\n{FORENAME} | {SURNAME}",
    ),
    "bottom-to-top": (
        f"BT /F1 12 Tf 72 684 Td ({SURNAME} was seen at home twice.) Tj 0 16 Td (The reviewer met {FORENAME}) Tj ET",
        f"The reviewer met {FORENAME}\n{SURNAME} was seen",
    ),
    "surname-drawn-later": (
        f"BT /F2 12 Tf 72 700 Td (The reviewer met {FORENAME}) Tj 0 -16 Td "
        f"(twice at home in the spring.) Tj ET BT /F2 12 Tf {LATER:g} 700 Td ({SURNAME}) Tj ET",
        f"The reviewer met {NAME}\ntwice at home",
    ),
    "in-a-moved-frame": (
        f"q 1 0 0 1 100 -50 cm BT /F1 12 Tf 72 700 Td ({SURNAME}) Tj -60 0 Td ({FORENAME}) Tj ET Q",
        NAME,
    ),
    "postcode": (
        media.drawn_at([(media.courier_end("Moved to NS4 "), 700, "7QX in May."), (72, 700, "Moved to NS4")]),
        "Moved to NS4 7QX in May.",
    ),
}

# Ways programs write text in reading order: read once, exactly as pypdf reads it.
IN_ORDER = {
    "several-tj": "BT /F1 12 Tf 72 700 Td (The child ) Tj (Zebedee) Tj ( went home) Tj ET",
    "kerned": "BT /F1 12 Tf 72 700 Td [(The child )-20(Ze)80(bedee)-600(Quin)120(lan)] TJ ET",
    "new-lines": "BT /F1 12 Tf 14 TL 72 714 Td (First line) Tj T* (Second line) Tj (Third line) ' ET",
    "new-lines-scaled": "BT /F1 1 Tf 12 0 0 12 72 714 Tm 1.2 TL (First line) Tj (Second line) ' (Third) ' ET",
    "matrix-per-line": "BT /F1 12 Tf 1 0 0 1 72 714 Tm (First) Tj 1 0 0 1 72 700 Tm (Second) Tj ET",
    "superscript": "BT /F1 12 Tf 72 700 Td (A finding) Tj /F1 7 Tf 4 Ts (12) Tj /F1 12 Tf 0 Ts ( and more) Tj ET",
    "header-body-footer": "BT /F1 9 Tf 72 800 Td (Overview report) Tj ET BT /F1 12 Tf 72 700 Td (Body text) Tj ET "
    "BT /F1 9 Tf 72 40 Td (Board name) Tj 400 0 Td (Page 1 of 4) Tj ET",
    "flipped-page": "1 0 0 -1 0 842 cm BT /F1 12 Tf 1 0 0 -1 72 100 Tm (First line) Tj "
    "1 0 0 -1 72 114 Tm (Second line) Tj ET",
    "sideways-label": "BT /F1 12 Tf 72 700 Td (Body text) Tj ET BT /F1 9 Tf 0 1 -1 0 40 100 Tm (Margin label) Tj ET",
    "row-by-row": "BT /F1 10 Tf 72 700 Td (Left) Tj 250 0 Td (Right) Tj -250 -12 Td (Next) Tj ET",
}


def _page_text(tmp_path: Path, content: str) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(media.make_pdf_from_content(content))
    report = pdf_content(str(path))
    assert not report.error
    return report.pages[0]


@pytest.mark.parametrize("content, shown", OUT_OF_ORDER.values(), ids=OUT_OF_ORDER.keys())
def test_text_drawn_out_of_order_is_also_read_as_a_reader_sees_it(tmp_path, content, shown):
    text = _page_text(tmp_path, content)
    written, _blank, as_shown = text.partition("\n\n")
    assert shown not in written  # pypdf alone reads the file's order
    assert shown in as_shown


@pytest.mark.parametrize("content", IN_ORDER.values(), ids=IN_ORDER.keys())
def test_text_written_in_reading_order_is_read_once(tmp_path, content):
    text = _page_text(tmp_path, content)
    assert text == PdfReader(tmp_path / "page.pdf").pages[0].extract_text()


def test_the_demo_report_is_read_once():
    path = ROOT / "content/reviews/documents/child-l-overview-report.pdf"
    plain = [page.extract_text() for page in PdfReader(path).pages]
    assert list(pdf_content(str(path)).pages) == plain


def test_two_columns_written_column_by_column_are_read_line_by_line_too(tmp_path):
    """As the final gate reads a table's rows: the columns' words never join."""
    content = (
        "BT /F1 10 Tf 12 TL 72 700 Td (The reviewer met the family) Tj T* (twice at home.) Tj ET "
        "BT /F1 10 Tf 12 TL 320 700 Td (Agencies shared what) Tj T* (they knew.) Tj ET"
    )
    written, _blank, as_shown = _page_text(tmp_path, content).partition("\n\n")
    assert written == "The reviewer met the family\ntwice at home.\nAgencies shared what\nthey knew."
    assert as_shown == "The reviewer met the family | Agencies shared what\ntwice at home. | they knew."


def test_a_box_over_words_is_still_found_on_a_page_read_again(tmp_path):
    """PDF006 follows the file's order (pdf_cover); reading the page again
    changes nothing there."""
    content = (
        f"BT /F1 12 Tf 72 700 Td ({SURNAME}) Tj -60 0 Td ({FORENAME}) Tj ET "
        "BT /F2 12 Tf 72 600 Td (The child Jane Smith went home) Tj ET 0 0 0 rg 143 597 74 14 re f"
    )
    path = tmp_path / "page.pdf"
    path.write_bytes(media.make_pdf_from_content(content))
    report = pdf_content(str(path))
    assert report.covered == ((1, "Jane Smith"),)
    assert NAME in report.pages[0]


# --- In real builds ---------------------------------------------------------------

DOCUMENT = "reviews/documents/child-q-report.pdf"


def _build(scenario, content: str):
    scenario.write_bytes(DOCUMENT, media.make_pdf_from_content(content))
    text = review_markdown(Document=DOCUMENT)
    scenario.write("reviews/child-q.md", text)
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written.startswith("Document:"))
    return scenario.build(), line


@pytest.mark.parametrize(
    "case", ["moved-left", "letters-shuffled", "kerned-back", "surname-drawn-later", "in-a-moved-frame"]
)
def test_a_full_name_drawn_out_of_order_is_refused(scenario, case):
    site, line = _build(scenario, OUT_OF_ORDER[case][0])
    assert not site.ok
    found = [(f.code, f.line, f.message) for f in site.result.findings if f.code == "PII001"]
    assert ("PII001", line, "full name Z****** Q****** in child-q-report.pdf page 1") in found, site.messages()
    assert NAME not in site.messages()


def test_a_postcode_drawn_out_of_order_is_refused(scenario):
    site, line = _build(scenario, OUT_OF_ORDER["postcode"][0])
    assert [(f.code, f.line) for f in site.result.findings if f.code == "PII002"] == [("PII002", line)]


def test_pages_read_again_raise_no_false_alarm(scenario):
    """Two columns written column by column, a table of roles drawn column by
    column, and a line drawn right half first: read again, they stay clean."""
    content = (
        "BT /F1 10 Tf 12 TL 72 700 Td (Professionals did not share what) Tj T* (they knew about Child Q.) Tj ET "
        "BT /F1 10 Tf 12 TL 320 700 Td (Mother told the health visitor) Tj T* (she was worried in May.) Tj ET "
        "BT /F1 10 Tf 72 600 Td (Family member) Tj 0 -12 Td (Mother) Tj 0 -12 Td (Sibling 1) Tj ET "
        "BT /F1 10 Tf 220 600 Td (Age at the time) Tj 0 -12 Td (31) Tj 0 -12 Td (4) Tj ET "
        + media.drawn_at([(media.courier_end("Child Q moved "), 500, "to a new school."), (72, 500, "Child Q moved")])
    )
    site, _line = _build(scenario, content)
    assert site.ok, site.messages()
