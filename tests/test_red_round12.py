"""Red team round 12: identifiers published with a passing build through the
final gate's new reading of built pages (html_grammar, published.furniture,
published.name_columns, pii_contact's full stop, pii_addresses' NOT_HOUSE).

Each test first builds the same identifier without the trick, which is
refused, then with it, which is refused now too (each failed before its
fix: furniture without a turn rule, pii_contact reading a number up to its
last full stop, name_columns adding a joined column, html_grammar's quotes,
published.shown_code, NOT_HOUSE on the number's line only). Where
a leak shows in a browser, it was checked in Chromium (the text a reader
sees holds the planted value); the assertion itself is the gate's: the
build passes and the value is in the output.

1. Footnotes defined in another order than they are cited (plain Markdown):
   the first marker is "2", out of turn, so furniture._Counted keeps every
   marker after it and the round-11 leaks are back (b66e408).
2. A paragraph number written out of turn (raw HTML, may be hidden) on
   guidance: every number after it is kept and pushes a date of birth or a
   plate out of reach of its label again (b66e408).
3. A paragraph number written in turn on an ordinary page hides the day of
   a date of birth (f7fb75e).
4. pii_contact: a full stop and a space inside a mobile number (f7fb75e).
5. name_columns: a full name in the First name cell joined with a word in
   the Surname cell reads as a place or an organisation (f7fb75e).
6. name_columns: tables whose name columns it does not find or joins wrong
   (older leak, fix incomplete).
7. html_grammar: a quote in an attribute's name is read as opening a
   quoted value; a browser reads quotes only after "=" (older).
8. Raw text a browser shows: a script or style inside a textarea or an
   xmp (shown as written), or inside svg/math, where it is not raw text
   and an HTML tag breaks out of it (older).
9. pii_addresses NOT_HOUSE: "Floor" on the line before a house number, or
   before it on the same line, in an address (older).
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _refused, _written  # noqa: E402

NAME = "Zebedee Quinlan"


# --- 1. Footnotes defined out of the order they are cited -----------------------------
# Python-Markdown numbers footnotes in the order of their definitions: cited
# [^b] then [^a], defined [^a] then [^b], the first marker reads "2". The gate
# then keeps every marker ("Zebedee1 Quinlan", "born1", "07700 1 900123").

_DEFINITIONS = "\n\n[^a]: From the case file.\n[^b]: From the school.\n"
_ORDER = [
    ("name", "The school told Zebedee[^{x}] Quinlan about the plan.", "Quinlan"),
    ("born", "Child Q was born[^{x}] on 14 March 2017.", "14 March 2017"),
    ("phone", "Mother's mobile is 07700[^{x}] 900123.", "900123"),
]


@pytest.mark.parametrize(
    "kind,sentence,planted",
    [
        pytest.param(kind, sentence, planted, id=f"{what}-{kind}")
        for kind in ("page", "guidance")
        for what, sentence, planted in _ORDER
    ]
    + [pytest.param("review", *_ORDER[2][1:], id="phone-review")],
)
def test_footnotes_defined_out_of_order_do_not_hide_an_identifier(tmp_path, kind, sentence, planted):
    in_order = "Child Q saw the doctor.[^a] " + sentence.format(x="b") + _DEFINITIONS
    _refused(tmp_path, "in-order", _written(kind, in_order), planted)
    out_of_order = "Child Q saw the doctor.[^b] " + sentence.format(x="a") + _DEFINITIONS
    _refused(tmp_path, "out-of-order", _written(kind, out_of_order), planted)


# --- 2. A paragraph number out of turn on guidance ------------------------------------
# A raw-HTML paragraph dressed as a numbered one, with a number out of turn (here
# hidden, so a reader sees nothing): furniture._Counted keeps every number after
# it, and "N. " costs characters between a label and its value again.

_LABELS = [
    ("dob", "Child Q, date of birth (GP record 2019/004371-17, form 2, item 12-40-881/223):", "14 March 2017"),
    ("plate", "Police stopped the car on the ring road late at night, near the retail park:", "A123 BCD"),
]
_OUT_OF_TURN = '<p class="numbered" hidden><span class="para-number">9.</span></p>\n\n'


@pytest.mark.parametrize("what,label,planted", _LABELS, ids=[case[0] for case in _LABELS])
def test_a_paragraph_number_out_of_turn_does_not_unhide_the_others(tmp_path, what, label, planted):
    body = f"The record was shared.\n\n{label}\n\n{planted}"
    _refused(tmp_path, "counted", _written("guidance", body), planted)
    _refused(tmp_path, "broken-count", _written("guidance", _OUT_OF_TURN + body), planted)


# --- 3. A paragraph number in turn, written on an ordinary page -----------------------
# An ordinary page numbers no paragraph, but the gate takes out a "1." written as
# one: the day of the date goes (shown "1. 3.2017", copied "1.3.2017").


def test_a_paragraph_number_written_on_a_page_does_not_hide_a_day(tmp_path):
    label = "The record was shared.\n\nChild Q, date of birth:\n\n"
    _refused(tmp_path, "plain", _written("page", label + "1.3.2017"), "1.3.2017")
    forged = label + '<p class="numbered"><span class="para-number">1.</span>3.2017</p>'
    _refused(tmp_path, "forged", _written("page", forged), "3.2017")


# --- 4. A full stop and a space inside a phone number ---------------------------------
# "07700. 900123" was refused at 8a2acbb; since f7fb75e ". " ends a number.


@pytest.mark.parametrize("kind", ["page", "guidance", "review"])
def test_a_full_stop_inside_a_mobile_number_does_not_hide_it(tmp_path, kind):
    _refused(tmp_path, "no-stop", _written(kind, "Mother's mobile is 07700 900123."), "900123")
    _refused(tmp_path, "stop-inside", _written(kind, "Mother's mobile is 07700. 900123."), "900123")


# --- 5. Name columns joined with a place word -----------------------------------------
# The full name in the First name cell alone is refused (as under any other
# heading, and at 8a2acbb); joined with "House" from the Surname cell it reads
# "Zebedee Quinlan House", a building.

_TABLE = "The record was shared.\n\n| {0} | {1} |\n| --- | --- |\n| Zebedee Quinlan | House |"


@pytest.mark.parametrize("kind", ["page", "guidance"])
def test_a_full_name_in_a_name_column_is_not_joined_into_a_place(tmp_path, kind):
    _refused(tmp_path, "other-heading", _written(kind, _TABLE.format("Name", "Role")), NAME)
    _refused(tmp_path, "name-columns", _written(kind, _TABLE.format("First name", "Surname")), NAME)


# --- 6. Name columns not found, or joined wrong ---------------------------------------
# A reader sees Zebedee under "First name" and Quinlan under "Surname" in each.

_SPLIT = [
    ("escaped-pipe", "| Role | First name | Surname |\n| --- | --- | --- |\n| Sister \\| Child | Zebedee | Quinlan |"),
    (
        "colspan",
        "<table><thead><tr><th>Date</th><th>Event</th><th>First name</th><th>Surname</th></tr></thead>"
        '<tbody><tr><td colspan="2">Moved school</td><td>Zebedee</td><td>Quinlan</td></tr></tbody></table>',
    ),
    (
        "no-thead",
        "<table><tr><th>First name</th><th>Surname</th></tr><tr><td>Zebedee</td><td>Quinlan</td></tr></table>",
    ),
    (
        "caption",
        "<table><caption>Family</caption><thead><tr><th>First name</th><th>Surname</th></tr></thead>"
        "<tbody><tr><td>Zebedee</td><td>Quinlan</td></tr></tbody></table>",
    ),
    ("bold-headings", "| **First name** | **Surname** |\n| --- | --- |\n| Zebedee | Quinlan |"),
    ("first-names", "| First name(s) | Surname |\n| --- | --- |\n| Zebedee | Quinlan |"),
    ("surname-first", "| Surname | First name |\n| --- | --- |\n| Quinlan | Zebedee |"),
]


@pytest.mark.parametrize("name,table", _SPLIT, ids=[case[0] for case in _SPLIT])
def test_a_full_name_across_name_columns_is_refused_in_every_table(tmp_path, name, table):
    plain = "| Role | First name | Surname |\n| --- | --- | --- |\n| Sister, Child | Zebedee | Quinlan |"
    _refused(tmp_path, "plain", _written("page", "The record was shared.\n\n" + plain), "Quinlan")
    _refused(tmp_path, name, _written("page", "The record was shared.\n\n" + table), "Quinlan")


# --- 7. A quote in an attribute's name --------------------------------------------------
# `<span x'>` is a span with an attribute named x' (a quote opens a value only
# after "="); the gate and the structure check read `'>Zebedee Quinlan</span y'`
# as a quoted value and the whole as one tag. The stray `</span>` closes it for
# the structure check; a browser drops it.


@pytest.mark.parametrize("kind", ["page", "guidance"])
def test_a_quote_in_an_attribute_name_does_not_hide_text(tmp_path, kind):
    _refused(tmp_path, "plain", _written(kind, f"<div>The school told <span>{NAME}</span> about the plan.</div>"), NAME)
    quoted = f"<div>The school told <span x'>{NAME}</span y'></span> about the plan.</div>"
    _refused(tmp_path, "quoted", _written(kind, quoted), NAME)


# --- 8. A script or a style that a browser shows --------------------------------------

_RAW = [
    ("textarea", f"The school told <textarea><script>{NAME}</script></textarea> about the plan."),
    ("xmp", f"<div>The school told <xmp><script>{NAME}</script></xmp> about the plan.</div>"),
    ("svg-style", f"The school told <svg><style><b>{NAME}</b></style></svg> about the plan."),
    ("svg-script", f"The school told <svg><script><b>{NAME}</b></script></svg> about the plan."),
    ("math-style", f"The school told <math><style><b>{NAME}</b></style></math> about the plan."),
]


@pytest.mark.parametrize("name,body", _RAW, ids=[case[0] for case in _RAW])
def test_a_script_or_style_a_browser_shows_is_read(tmp_path, name, body):
    _refused(tmp_path, "plain", _written("page", f"The school told <b>{NAME}</b> about the plan."), NAME)
    _refused(tmp_path, name, _written("page", body), NAME)


# --- 9. "Floor" before a house number, in an address ----------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "The family lived at Ground Floor<br>14 Acacia Avenue<br>Northtown.",
        "The family lived at Ground Floor 14 Acacia Avenue.",
    ],
    ids=["line-before", "same-line"],
)
def test_floor_before_a_house_number_does_not_hide_an_address(tmp_path, written):
    plain = "The family lived at Ground Floor, 14 Acacia Avenue, Northtown."
    _refused(tmp_path, "comma", _written("guidance", plain), "Acacia")
    _refused(tmp_path, "floor", _written("guidance", written), "Acacia")
