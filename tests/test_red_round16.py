"""Red team round 16: on HTML005's list of shown elements, HTML004's reading
of classes, the readers of a name given in parts, and the reading of an SVG
drawing as it draws. Each leak test first builds the identifier written
plainly, which is refused, then with the trick, which passed with the
identifier published. All seven classes and the four false alarms are
fixed: HTML004/HTML005 read the Markdown whole as written, know popover and
words outside a table's cells, and allow acronym, nobr, font and Word's o:p
(1-4, false alarms); a Hangul filler is read both ways (5); svg_drawn knows
text of no size, unpainted, white, scaled away, clipped, outside, and
<use> (6); name_fields/name_columns/table_rows read a name's parts on one
line, in a sentence, far apart, under any heading row and nested (7). A
table whose cells and rows leave out their end tags is read cell by cell. Checked in Chromium: a popover,
an <rp> inside a ruby, and text a table's parser moves out of the table are
shown as below; the Hangul fillers are drawn as a blank wider than a space.

1. HTML005 and HTML004 read the Markdown source with code spans blanked
   (`(`+).*?\\1`), but a backtick is not always a code span: escaped
   (\\`), or inside a raw HTML block. `\\`<ruby>x<rp>words</rp></ruby>\\``
   publishes an <rp> (and `<span class="visually-hidden">`) no finding
   names, and the first finds it only by its source line.
2. HTML004 misses a theme's class written `{:class="visually-hidden"}`
   (attr_list, no space after the colon) and `<div class\\n="...">` (the
   `=` on the next line).
3. The `popover` attribute: an element a browser does not show until a
   script opens it; HTML005 allows any attribute on a shown element, and
   the gate's reading without hidden elements does not know it (body,
   `{: popover }` and the Title field).
4. Text written inside a <table> but outside its cells: a browser shows it
   before the table (right after the label); the gate reads it after the
   table's cells.
5. The Hangul fillers (U+3164, U+FFA0, U+115F) between a name's two words:
   drawn as a blank, read as nothing ("ZebedeeQuinlan").
6. An SVG file: text drawn at font-size 0, fill="none" or white, scaled to
   nothing, placed outside the drawing, clipped away, and a <use> of a
   <defs> text (drawn, but svg_drawn skips defs).
7. A name given in parts that name_fields/name_columns do not put
   together: both labels on one line, labels with more words, the parts ten
   paragraphs apart, one <dt> with two <dd>, a table inside a table, a
   table whose first row is a heading spanning the columns.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _build, _refused, _written  # noqa: E402

_FILLER = " ".join(["the record was reviewed"] * 12)
_LABEL = "Child Q's date of birth:"
_DOB = "14 March 2017"
_NAME = "The school told Zebedee Quinlan about the plan."
_PLAIN_DOB = _written("page", f"{_LABEL}\n\n{_DOB}.")


def _leak(tmp_path, name, plain, trick, planted):
    _refused(tmp_path, "plain", plain, planted)
    _refused(tmp_path, name, trick, planted)


# --- 1-4. Words a reader is not shown between a label and its value --------------------

_BETWEEN = [
    # 1. A backtick that is no code span.
    ("escaped-backtick-rp", f"{_LABEL} \\`<ruby>x<rp>{_FILLER}</rp></ruby>\\` {_DOB}."),
    ("raw-block-backtick-rp", f"<p>{_LABEL} `<ruby>x<rp>{_FILLER}</rp></ruby>` {_DOB}.</p>"),
    ("escaped-backtick-class", f'{_LABEL} \\`<span class="visually-hidden">{_FILLER}</span>\\` {_DOB}.'),
    # 2. A theme's class HTML004 does not see written.
    ("attr-list-class", f'{_LABEL}\n\n{_FILLER}\n{{:class="visually-hidden"}}\n\n{_DOB}.'),
    ("class-then-equals", f'{_LABEL}\n\n<div class\n="visually-hidden">{_FILLER}</div>\n\n{_DOB}.'),
    # 3. popover.
    ("popover", f"{_LABEL} <span popover>{_FILLER}</span> {_DOB}."),
    ("popover-attr-list", f"{_LABEL}\n\n{_FILLER}\n{{: popover }}\n\n{_DOB}."),
    # 4. Text a browser moves out of the table, before it.
    ("table-foster", f"{_LABEL}\n\n<table><tr><th>Note</th></tr><tr><td>{_FILLER}</td></tr>{_DOB}</table>\n"),
]


@pytest.mark.parametrize(("name", "written"), _BETWEEN, ids=[b[0] for b in _BETWEEN])
def test_unshown_words_between_a_label_and_its_value(tmp_path, name, written):
    _leak(tmp_path, name, _PLAIN_DOB, _written("page", written), _DOB)


def test_a_popover_in_the_title(tmp_path):
    plain = {"pages/a-record.md": f"Title: {_LABEL} {_DOB}\nSummary: A record.\n\nThe record.\n"}
    trick = {
        "pages/a-record.md": f"Title: <b>{_LABEL}</b> <span popover>{_FILLER}</span> {_DOB}\n"
        "Summary: A record.\n\nThe record.\n"
    }
    _leak(tmp_path, "title-popover", plain, trick, _DOB)


# --- 5. A blank a browser draws that the gate reads as nothing --------------------------

_FILLERS = [("u3164", "\u3164"), ("uffa0", "\uffa0"), ("u115f", "\u115f"), ("u3164-reference", "&#x3164;")]


@pytest.mark.parametrize(("name", "blank"), _FILLERS, ids=[f[0] for f in _FILLERS])
def test_a_hangul_filler_between_a_names_words(tmp_path, name, blank):
    trick = _written("page", f"The school told Zebedee{blank}Quinlan about the plan.")
    _leak(tmp_path, name, _written("page", _NAME), trick, "Quinlan")


# --- 6. An SVG file's text that is not drawn --------------------------------------------


def _drawing(inner: str) -> dict[str, str]:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><title>A family tree</title>{inner}</svg>'
    return {
        "pages/a-record.md": "Title: A record\nSummary: A record.\n\nThe family tree:\n\n"
        "![A family tree of the child's household](../images/tree.svg)\n",
        "images/tree.svg": svg,
    }


def _undrawn(attributes: str) -> str:
    return (
        f'<text x="0" y="20">{_LABEL}</text><text x="0" y="30" {attributes}>{_FILLER}</text>'
        f'<text x="0" y="40">{_DOB}</text>'
    )


_DRAWINGS = [
    ("font-size-0", _undrawn('font-size="0"')),
    ("fill-none", _undrawn('fill="none"')),
    ("fill-white", _undrawn('fill="#fff"')),
    ("scale-0", _undrawn('transform="scale(0)"')),
    ("outside", _undrawn("").replace('x="0" y="30" ', 'x="-9999" y="30" ')),
    ("clip-path", '<clipPath id="c"><rect width="0" height="0"/></clipPath>' + _undrawn('clip-path="url(#c)"')),
    (
        "use-of-defs",
        f'<defs><text id="d">{_DOB}</text></defs><text x="0" y="20">{_LABEL}</text>'
        f'<text x="0" y="30" fill="none">{_FILLER}</text><use href="#d" x="0" y="40"/>',
    ),
]


@pytest.mark.parametrize(("name", "inner"), _DRAWINGS, ids=[d[0] for d in _DRAWINGS])
def test_a_drawing_read_as_it_draws(tmp_path, name, inner):
    plain = _drawing(f'<text x="0" y="20">{_LABEL}</text><text x="0" y="40">{_DOB}</text>')
    _leak(tmp_path, name, plain, _drawing(inner), _DOB)


# --- 7. A name given in parts -----------------------------------------------------------

_PARTS_PLAIN = _written("page", "The child.\n\nFirst name: Zebedee\n\nSurname: Quinlan\n")
_TABLE_PLAIN = _written(
    "page",
    "The child.\n\n<table><tr><th>First name</th><th>Surname</th></tr><tr><td>Zebedee</td><td>Quinlan</td></tr></table>\n",
)
_NOTES = "\n\n".join(f"Note {i}: the plan was reviewed." for i in range(10))
_PARTS = [
    ("one-line-comma", "First name: Zebedee, Surname: Quinlan"),
    ("one-line-bar", "First name: Zebedee | Surname: Quinlan"),
    ("sentence", "First name Zebedee; surname Quinlan."),
    ("more-words", "The child's first name was: Zebedee\n\nThe child's family name was: Quinlan"),
    ("far-apart", f"First name: Zebedee\n\n{_NOTES}\n\nSurname: Quinlan"),
    ("one-dt-two-dd", "<dl><dt>First name, surname</dt><dd>Zebedee</dd><dd>Quinlan</dd></dl>"),
]


@pytest.mark.parametrize(("name", "written"), _PARTS, ids=[p[0] for p in _PARTS])
def test_a_name_in_parts(tmp_path, name, written):
    _leak(tmp_path, name, _PARTS_PLAIN, _written("page", f"The child.\n\n{written}\n"), "Quinlan")


_TABLES = [
    (
        "nested",
        "<table><tr><th>Child</th></tr><tr><td><table><tr><th>First name</th><th>Surname</th></tr>"
        "<tr><td>Zebedee</td><td>Quinlan</td></tr></table></td></tr></table>",
    ),
    (
        "spanning-heading-first",
        '<table><tr><th colspan="2">Child</th></tr><tr><th>First name</th><th>Surname</th></tr>'
        "<tr><td>Zebedee</td><td>Quinlan</td></tr></table>",
    ),
]


@pytest.mark.parametrize(("name", "written"), _TABLES, ids=[t[0] for t in _TABLES])
def test_a_name_in_columns(tmp_path, name, written):
    _leak(tmp_path, name, _TABLE_PLAIN, _written("page", f"The child.\n\n{written}\n"), "Quinlan")


# --- Refused (kept as regression tests) -------------------------------------------------

_REFUSED = [
    ("caps-labels", "FIRST NAME: Zebedee\n\nSURNAME: Quinlan", "Quinlan"),
    ("look-alike-label", "First name: Zebedee\n\nSurn\u0430me: Quinlan", "Quinlan"),
    ("headings", "## Forename\n\nZebedee\n\n## Surname\n\nQuinlan", "Quinlan"),
    ("bold-labels", "**First name**\n\nZebedee\n\n**Surname**\n\nQuinlan", "Quinlan"),
    ("surname-first", "Surname: Quinlan\n\nFirst name: Zebedee", "Quinlan"),
    ("given-family", "- Given name: Zebedee\n- Family name: Quinlan", "Quinlan"),
    (
        "transposed-apart",
        "| Field | Value |\n|---|---|\n| First name | Zebedee |\n| Age | 8 |\n| School | Primary |\n"
        "| Surname | Quinlan |",
        "Quinlan",
    ),
    (
        "rtl-table",
        '<table dir="rtl"><tr><th>Surname</th><th>First name</th></tr><tr><td>Quinlan</td><td>Zebedee</td></tr></table>',
        "Quinlan",
    ),
    (
        "open-details-in-closed",
        f"{_LABEL}\n\n<details><summary>More</summary><details open><summary>x</summary>{_FILLER}</details>"
        f"</details>\n\n{_DOB}.",
        _DOB,
    ),
    # Cells and rows whose end tags are left out, as HTML allows: each cell its own.
    (
        "unclosed-cells",
        "<table><tr><th>First name<th>Surname<tr><td>Zebedee<td>Quinlan</table>",
        "Quinlan",
    ),
    ("details-ended-by-div", f"{_LABEL}\n\n<div><details><summary>More</summary>{_FILLER}</div>\n\n{_DOB}.", _DOB),
]


@pytest.mark.parametrize(("name", "written", "planted"), _REFUSED, ids=[r[0] for r in _REFUSED])
def test_these_are_refused(tmp_path, name, written, planted):
    _refused(tmp_path, name, _written("page", f"The child.\n\n{written}\n"), planted)


# --- False alarms: ordinary HTML a board pastes, refused by HTML005 ----------------------

_PASTED = [
    ("word-o-p", '<p class="MsoNormal">The board met in May.<o:p></o:p></p>'),
    ("font", "<font>The board met in May.</font>"),
    ("acronym", 'The <acronym title="Local Safeguarding Children Board">LSCB</acronym> met in May.'),
    ("nobr", "Call <nobr>0300 123 4567</nobr> to report a concern."),
]


@pytest.mark.parametrize(("name", "written"), _PASTED, ids=[p[0] for p in _PASTED])
def test_pasted_html_that_shows_its_words_passes(tmp_path, name, written):
    ok, _published, codes = _build(tmp_path, name, _written("page", written), "May")
    assert ok, codes
