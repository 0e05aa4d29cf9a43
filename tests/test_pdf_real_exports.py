"""PDF006 (text under a box) and the PDF checks on PDFs that real programs
exported: LibreOffice Writer (fonts embedded as TrueType subsets with their
own encodings) and Chromium's print to PDF (Type0 CID fonts), written by
scripts/make-pdf-fixtures into tests/fixtures/pdf_real/ with a manifest of
what each one hides.

A careless redaction (a black box drawn over a name, or a name highlighted
black) must stop the build naming the file, and the name must not be
published; a clean export (black bars over no text, a black table header
with white text, block characters standing for a deleted name) must build.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import leak_search
import media
import pytest

from conftest import ROOT, review_markdown
from lscb_checks.text.attachments import pdf_content

FOLDER = ROOT / "tests" / "fixtures" / "pdf_real"
MANIFEST = tomllib.loads((FOLDER / "MANIFEST.toml").read_text(encoding="utf-8"))
HIDING = [name for name, entry in MANIFEST.items() if entry["hidden"]]
CLEAN = [name for name, entry in MANIFEST.items() if not entry["hidden"]]
DOCUMENT = "reviews/documents/child-q-report.pdf"
DOCUMENT_LINE = 13  # the Document field in review_markdown(Document=...)
# The fixtures name a contact by a pseudonym too.
PSEUDONYMS = "Child Q, Mother, Sibling 1, Health visitor 1"


def _build(scenario, name: str):
    scenario.write_bytes(DOCUMENT, (FOLDER / f"{name}.pdf").read_bytes())
    scenario.write("reviews/child-q.md", review_markdown(Document=DOCUMENT, Pseudonyms=PSEUDONYMS))
    return scenario.build()


def test_the_manifest_lists_every_fixture_and_both_kinds():
    assert sorted(MANIFEST) == sorted(path.stem for path in FOLDER.glob("*.pdf"))
    programs = {entry["program"] for entry in MANIFEST.values()}
    assert programs == {"libreoffice", "chromium"}
    for program in programs:
        kinds = {bool(entry["hidden"]) for entry in MANIFEST.values() if entry["program"] == program}
        assert kinds == {True, False}, program


def test_the_fixtures_embed_truetype_and_cid_fonts():
    """What the tests below stand on: the exports embed their fonts as
    subsets, LibreOffice's as simple TrueType fonts with their own codes and
    /Widths, Chromium's as Type0 over CIDFontType2 with /W."""
    from pypdf import PdfReader

    kinds = {"libreoffice": set(), "chromium": set()}
    for name, entry in MANIFEST.items():
        for font in PdfReader(FOLDER / f"{name}.pdf").pages[0]["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            subtype = descendant[0].get_object()["/Subtype"] if descendant else font["/Subtype"]
            widths = "/W" in descendant[0].get_object() if descendant else "/Widths" in font
            assert widths and "+" in str(font["/BaseFont"]), (name, font["/BaseFont"])  # a subset, measured
            kinds[entry["program"]].add(f"{font['/Subtype']}/{subtype}")
    assert kinds["libreoffice"] == {"/TrueType//TrueType"}
    assert kinds["chromium"] == {"/Type0//CIDFontType2"}


@pytest.mark.parametrize("name", list(MANIFEST))
def test_the_words_under_each_box_are_found_and_nothing_else(name):
    report = pdf_content(str(FOLDER / f"{name}.pdf"))
    assert not report.error
    found = [text for _page, text in report.covered]
    expected = MANIFEST[name]["hidden"]
    assert found == expected


@pytest.mark.parametrize("name", HIDING)
def test_a_careless_redaction_stops_the_build_and_the_name_is_not_published(scenario, name):
    site = _build(scenario, name)
    hidden = MANIFEST[name]["hidden"][0]
    assert not site.ok
    under_box = [f for f in site.result.findings if f.code == "PDF006"]
    assert [(f.line, Path(f.path).name) for f in under_box] == [(DOCUMENT_LINE, "child-q.md")], site.messages()
    assert under_box[0].term == hidden
    assert leak_search.find(site.output, hidden) == []
    messages = site.messages()
    for word in hidden.replace("-", " ").split():
        assert word not in messages


@pytest.mark.parametrize("name", CLEAN)
def test_a_clean_export_is_not_taken_for_hidden_text(scenario, name):
    site = _build(scenario, name)
    expected = MANIFEST[name]["codes"]
    assert [f.code for f in site.result.findings if f.code.startswith("PDF")] == expected, site.messages()
    if not expected:
        assert site.ok, site.messages()


def test_an_author_property_written_by_libreoffice_is_reported(scenario):
    site = _build(scenario, "lo-author-property")
    found = [f for f in site.result.findings if f.code == "PDF002"]
    assert [(f.line, f.term) for f in found] == [(DOCUMENT_LINE, "Ophelia Brackenridge")], site.messages()
    assert "Brackenridge" not in site.messages()
    assert leak_search.find(site.output, "Ophelia Brackenridge") == []


# --- The same, drawn by hand: what the exports above rely on ---------------------

TEXT = "BT /F2 12 Tf 72 700 Td (The child Jane Smith went home) Tj ET\n"  # Courier: "Jane Smith" is x 144-216
NAME_BOX = "143 697 74 14 re f\n"


def _covered(tmp_path, content: str) -> tuple:
    path = tmp_path / "page.pdf"
    path.write_bytes(media.make_pdf_from_content(content))
    report = pdf_content(str(path))
    assert not report.error
    return report.covered


@pytest.mark.parametrize(
    "content",
    [
        # LibreOffice's rectangle: six points, starting and ending mid-side
        TEXT + "0 g 180 697 m 143 697 l 143 711 l 217 711 l 217 697 l 180 697 l h f*\n",
        # black highlighting: the dark box first, dark text on it
        "0 g " + NAME_BOX + TEXT,
        "0 0 0 rg " + NAME_BOX + "0.2 0.2 0.2 rg " + TEXT,
    ],
)
def test_a_word_processor_box_or_black_highlighting_hides_words(tmp_path, content):
    assert _covered(tmp_path, content) == ((1, "Jane Smith"),)


@pytest.mark.parametrize(
    "content",
    [
        "0 g " + NAME_BOX + "1 g " + TEXT,  # white text on a black header row
        "0 g " + NAME_BOX + "1 g " + NAME_BOX + "0 g " + TEXT,  # a white box over the black one, then text
        "0 g " + NAME_BOX + "0 g 3 Tr " + TEXT,  # invisible text (a scan's text layer) over a black box
        TEXT + "0 g 180 697 m 143 697 l 143 711 l 217 711 l 217 704 l h f\n",  # a slanted side: not a box
    ],
)
def test_text_a_reader_can_see_or_never_drawn_is_not_black_highlighting(tmp_path, content):
    assert _covered(tmp_path, content) == ()
