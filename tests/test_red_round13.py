"""Red team round 13: identifiers published with a passing build through the
final gate's reading of built pages. Each test first builds the same value
without the trick, which is refused, then with it. 1, 4 and 8 are fixed (a
footnote marker beside a digit is read both ways: published.furniture); 2,
3 and 7 are fixed (a cell spanning rows is read in each row it spans:
published.table_rows; name_columns knows more headings; a name given in
labelled fields in any layout is read whole: published.name_fields, with
more cases in tests/test_published_name_parts.py); 5 and 6 are fixed (a
style written in a page is refused, HTML004; a drawing's tspans are read
apart).

1. published.furniture takes out a footnote marker glued to a number's last
   digit (digits on one side only): "07700 90012" with a raised "3" is read
   as ten digits while a reader sees 07700 900123 (real Markdown footnotes, or
   a marker and hidden <li id="fn-..."> items written by hand).
2. name_columns: a surname cell spanning two rows (rowspan) is not joined.
3. name_columns: headings it does not know ("First | Last", "Preferred name").
4. furniture: a marker between two digits with a tag beside it is taken out.
5. A gap drawn by SVG dx or CSS between two words the gate joins.
6. Words hidden by CSS the gate does not read push an identifier away.
7. A name in a transposed table or a description list.
8. As 1, for a registration plate and an NHS number.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _refused, _written  # noqa: E402

_NOTES = "\n\n[^1]: From the case file.\n[^2]: From the school.\n[^3]: From the GP.\n"


def _marker(number: int) -> str:
    return f'<sup id="fnref-x{number}"><a class="footnote-ref" href="#fn-x{number}">{number}</a></sup>'


_LISTED = '\n\n<ol hidden><li id="fn-x1"></li><li id="fn-x2"></li><li id="fn-x3"></li></ol>\n'

_GLUED = [
    # The real footnote 3, cited right after the mobile's last digit but one.
    (
        "real",
        "Mother's mobile is 07700 900123.[^1][^2][^3]" + _NOTES,
        "Mother's mobile is 07700 90012[^3]. See[^1] and[^2]." + _NOTES,
        "07700 90012",
    ),
    # A marker and the listed footnotes written by hand (hidden).
    (
        "forged",
        "Mother's mobile is 07700 900123." + _LISTED,
        f"Mother's mobile is 07700 90012{_marker(3)}." + _LISTED,
        "07700 90012",
    ),
    (
        "forged-dob",
        "Child Q's date of birth: 14/03/2017." + _LISTED,
        f"Child Q's date of birth: 14/03/201{_marker(3)}." + _LISTED,
        "14/03/201",
    ),
]


@pytest.mark.parametrize("kind", ["page", "review"])
@pytest.mark.parametrize(("name", "refused", "leaking", "planted"), _GLUED, ids=[g[0] for g in _GLUED])
def test_a_marker_glued_to_a_numbers_last_digit_does_not_hide_it(tmp_path, kind, name, refused, leaking, planted):
    _refused(tmp_path, f"{name}-apart", _written(kind, refused), planted)
    _refused(tmp_path, f"{name}-glued", _written(kind, leaking), planted)


# --- 2. A name column whose cell spans two rows ----------------------------------------
# published.markup writes a spanned cell in its first row only: the next row has
# one cell fewer and name_columns leaves it without a joined name, while a reader
# reads the spanned surname with the forename beside it.

_TABLE = (
    "The record was shared.\n\n<table>\n<thead><tr><th>First name</th><th>Surname</th></tr></thead>\n"
    "<tbody>\n{rows}\n</tbody>\n</table>\n"
)
_TWO_CELLS = _TABLE.format(rows="<tr><td></td><td>Smith</td></tr>\n<tr><td>Zebedee</td><td>Quinlan</td></tr>")
_SPANNED = _TABLE.format(rows='<tr><td></td><td rowspan="2">Quinlan</td></tr>\n<tr><td>Zebedee</td></tr>')


@pytest.mark.parametrize("kind", ["page", "guidance"])
def test_a_surname_spanning_two_rows_is_read_with_the_forename(tmp_path, kind):
    _refused(tmp_path, "two-cells", _written(kind, _TWO_CELLS), "Quinlan")
    _refused(tmp_path, "spanned", _written(kind, _SPANNED), "Quinlan")


# --- 3. Name columns under headings name_columns does not know -------------------------
# A reader reads the two cells under these headings as the child's full name.


def _named_table(first: str, last: str, middle: str = "") -> str:
    if middle:
        return (
            f"The record was shared.\n\n| {first} | {middle} | {last} |\n| --- | --- | --- |\n| Zebedee | J | Quinlan |"
        )
    return f"The record was shared.\n\n| {first} | {last} |\n| --- | --- |\n| Zebedee | Quinlan |"


_HEADINGS = [
    ("first-last", "First", "Last", ""),
    ("preferred", "Preferred name", "Surname", ""),
    ("known-as", "Known as", "Surname", ""),
    ("middle-initial", "First name", "Surname", "Middle initial"),
    ("name-family", "Child", "Family name", ""),
]


@pytest.mark.parametrize(("name", "first", "last", "middle"), _HEADINGS, ids=[h[0] for h in _HEADINGS])
def test_name_columns_under_other_headings_are_read_together(tmp_path, name, first, last, middle):
    _refused(tmp_path, "known", _written("page", _named_table("First name", "Surname")), "Quinlan")
    _refused(tmp_path, name, _written("page", _named_table(first, last, middle)), "Quinlan")


# --- 4. A marker between two digits with a tag between it and one of them -------------
# furniture keeps a marker between two digits, looking at the characters either
# side of it in the markup: an empty or emphasis tag after the marker hides the
# digit after it, and the marker is taken out ("07700 900" + "23": ten digits).

_PHONE_NOTE = "\n\n[^1]: From the case file.\n"
_BESIDE_TAGS = [
    ("strong", "Mother's mobile is 07700 900[^1]**23**." + _PHONE_NOTE),
    ("empty-tag", "Mother's mobile is 07700 900[^1]<b></b>23." + _PHONE_NOTE),
]


@pytest.mark.parametrize("kind", ["page", "review"])
@pytest.mark.parametrize(("name", "leaking"), _BESIDE_TAGS, ids=[b[0] for b in _BESIDE_TAGS])
def test_a_marker_between_digits_with_a_tag_beside_it_is_kept(tmp_path, kind, name, leaking):
    _refused(tmp_path, "between", _written(kind, "Mother's mobile is 07700 900[^1]23." + _PHONE_NOTE), "900")
    _refused(tmp_path, name, _written(kind, leaking), "900")


# --- 5. A gap a reader sees where the gate joins two words ----------------------------
# An inline tag is joined to the word before it ("ZebedeeQuinlan"), but SVG's
# dx and CSS padding or an inline block show the two words apart, as a name.

_GAPS = [
    ("tspan-dx", '<svg width="300" height="40"><text y="20">Zebedee<tspan dx="6">Quinlan</tspan></text></svg>'),
    ("css-gap", '<p>Zebedee<span style="padding-left:0.3em">Quinlan</span></p>'),
    ("inline-block", '<p>Zebedee<span style="display:inline-block;width:0.3em"></span>Quinlan</p>'),
]


@pytest.mark.parametrize(("name", "markup"), _GAPS, ids=[s[0] for s in _GAPS])
def test_a_gap_drawn_between_two_words_is_read_as_a_space(tmp_path, name, markup):
    _refused(tmp_path, "plain", _written("page", "The school told Zebedee Quinlan."), "Quinlan")
    _refused(tmp_path, name, _written("page", f"The school told the child.\n\n{markup}\n"), "Quinlan")


# --- 6. Words a reader does not see, read by the gate -------------------------------------
# Text hidden from the reader by CSS the gate does not read (transparent,
# moved off screen, clipped; `hidden`, display:none and font-size:0 are
# refused) is read by the gate: a word before a house number
# that says it is no house number ("page"), or words that push a date of birth
# out of reach of its label.

_FILLER = " ".join(["the record was reviewed"] * 12)
_UNSEEN = [
    (
        "address-transparent",
        "The family lives at 14 Acacia Avenue.",
        'The family lives at <span style="color:transparent">page</span> 14 Acacia Avenue.',
        "Acacia",
    ),
    (
        "dob-transparent",
        "Child Q's date of birth: 14 March 2017.",
        f'Child Q\'s date of birth: <span style="color:transparent">{_FILLER}</span> 14 March 2017.',
        "14 March 2017",
    ),
    (
        "address-offscreen",
        "The family lives at 14 Acacia Avenue.",
        'The family lives at <span style="position:absolute;left:-9999px">page</span> 14 Acacia Avenue.',
        "Acacia",
    ),
    (
        "dob-offscreen",
        "Child Q's date of birth: 14 March 2017.",
        f'Child Q\'s date of birth: <span style="position:absolute;left:-9999px">{_FILLER}</span> 14 March 2017.',
        "14 March 2017",
    ),
    (
        "address-clip",
        "The family lives at 14 Acacia Avenue.",
        'The family lives at <span style="clip-path:inset(50%);position:absolute">page</span> 14 Acacia Avenue.',
        "Acacia",
    ),
    (
        "dob-clip",
        "Child Q's date of birth: 14 March 2017.",
        f'Child Q\'s date of birth: <span style="clip-path:inset(50%);position:absolute">{_FILLER}</span> 14 March 2017.',
        "14 March 2017",
    ),
]


@pytest.mark.parametrize(("name", "refused", "leaking", "planted"), _UNSEEN, ids=[u[0] for u in _UNSEEN])
def test_words_a_reader_does_not_see_do_not_hide_an_identifier(tmp_path, name, refused, leaking, planted):
    _refused(tmp_path, "seen", _written("page", refused), planted)
    _refused(tmp_path, name, _written("page", leaking), planted)


# --- 7. Name columns laid out another way (a row's <th> is read; these are not) ------------------------------------------------

_LAYOUTS = [
    # Headings down the first column, one row for each part of the name.
    ("transposed", "| Field | Child |\n| --- | --- |\n| First name | Zebedee |\n| Surname | Quinlan |"),
    # A description list.
    ("dl", "<dl><dt>First name</dt><dd>Zebedee</dd><dt>Surname</dt><dd>Quinlan</dd></dl>"),
]


@pytest.mark.parametrize(("name", "table"), _LAYOUTS, ids=[t[0] for t in _LAYOUTS])
def test_a_name_in_other_layouts_is_read_together(tmp_path, name, table):
    _refused(tmp_path, "columns", _written("page", _TWO_CELLS), "Quinlan")
    _refused(tmp_path, name, _written("page", f"The record was shared.\n\n{table}\n"), "Quinlan")


# --- 8. The same marker glued to a plate's or an NHS number's last digit ------------------

_NINE = "\n\n<ol hidden>" + "".join(f'<li id="fn-x{n}"></li>' for n in range(1, 10)) + "</ol>\n"
_OTHER_NUMBERS = [
    (
        "plate",
        "Her car, registration AB12 CDE, was seen.",
        f"Her car, registration AB1{_marker(2)} CDE, was seen.",
        "CDE",
    ),
    (
        "nhs",
        "Child Q's NHS number is 943 476 5919.",
        f"Child Q's NHS number is 943 476 591{_marker(9)}.",
        "943 476 591",
    ),
]


@pytest.mark.parametrize(("name", "refused", "leaking", "planted"), _OTHER_NUMBERS, ids=[o[0] for o in _OTHER_NUMBERS])
def test_a_marker_glued_to_other_numbers_does_not_hide_them(tmp_path, name, refused, leaking, planted):
    _refused(tmp_path, "whole", _written("page", refused + _NINE), planted)
    _refused(tmp_path, name, _written("page", leaking + _NINE), planted)
