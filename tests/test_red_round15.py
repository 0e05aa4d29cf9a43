"""Red team round 15: on HTML004 (a page's own style) and HTML005 (words a
reader is not shown), and the final gate's reading of built pages. Each test
first builds the identifier written plainly, which is refused, then with the
trick. All seven classes are fixed: HTML005 allows only the elements a
browser shows in place, in the body and in every field (1, 3, 4 and most of
5); HTML004 reads a class's value decoded, wherever its line starts (2); a
braille blank and the Hangul fillers are read as spaces (5); a closed
details is cut to its own summary, and `open"` is not `open` (6); an SVG
file is read again as it draws (7: published.svg_drawn).

1. Elements a browser does not show that HTML005 does not list: <rp>, the
   fallback words of <meter> and <progress>, a MathML <annotation>, a
   <title> in the body, and the parts of an inline SVG a browser does not
   draw (a zero-size drawing, display="none", opacity="0", <defs>,
   <symbol>, <title>, a <switch>'s other choices). They push a date of
   birth away from its label, a house number away from its street, a phone
   number's halves apart. On a case review too; on guidance the same words
   are refused, found in the page's search index entry.
2. A theme class HTML004 does not see written: `class="visually&#45;hidden"`
   (the browser decodes the reference) and `class=` at the start of a line.
3. A hidden element in another field the theme writes unescaped (Title,
   Owner, Change_note): HTML004 and HTML005 read only the body and Summary,
   and the gate's reading without hidden elements is made only when the
   element follows text, not a tag (`**label:**<span hidden>`).
4. Splitters: tags the gate takes for blocks that a browser draws inline
   (<item>, <name>, <link>, <label>, <id>, <url>, <desc>, <content>, <svg>):
   "Zebedee <item></item>Quinlan" is shown as a name, read as two blocks.
5. Joiners: a gap a reader sees where the gate reads none or reads other
   characters: a braille blank (U+2800), MathML <mspace>, an <rp> between a
   name's two words, an SVG <desc> inside a drawn line.
6. A closed details the gate reads as shown: a summary that is not the
   details' own (inside a div: the browser shows "Details"), and
   `<details open">` (the browser's attribute is `open"`: closed).
7. An SVG file in images/ with text it does not draw, or a <desc> inside a
   line, between a label and its value or a name's two words.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, guidance_markdown

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _build, _refused, _written  # noqa: E402

_FILLER = " ".join(["the record was reviewed"] * 12)
_LABEL = "Child Q's date of birth:"
_DOB = "14 March 2017"
_NAME = "The school told Zebedee Quinlan about the plan."


# --- 1. Elements a browser does not show, not listed by HTML005 ------------------------

_UNSHOWN = [
    ("rp", f" <ruby>x<rp>{_FILLER}</rp><rt>y</rt></ruby> "),
    ("meter", f' <meter value="0.5">{_FILLER}</meter> '),
    ("progress", f' <progress value="5" max="10">{_FILLER}</progress> '),
    ("math-annotation", f" <math><semantics><mi>x</mi><annotation>{_FILLER}</annotation></semantics></math> "),
    ("title-in-body", f" <title>{_FILLER}</title> "),
    ("svg-zero-size", f'\n\n<svg width="0" height="0"><text>{_FILLER}</text></svg>\n\n'),
    ("svg-display-none", f'\n\n<svg width="10" height="10"><text display="none">{_FILLER}</text></svg>\n\n'),
    ("svg-opacity", f' <svg width="10" height="10"><text opacity="0">{_FILLER}</text></svg> '),
    ("svg-defs", f'\n\n<svg width="10" height="10"><defs><text id="t1">{_FILLER}</text></defs></svg>\n\n'),
    ("svg-symbol", f' <svg width="10" height="10"><symbol><text>{_FILLER}</text></symbol></svg> '),
    ("svg-title", f'\n\n<svg width="10" height="10"><title>{_FILLER}</title></svg>\n\n'),
    (
        "svg-switch",
        f' <svg width="10" height="10"><switch><text systemLanguage="xx">{_FILLER}</text><text>.</text></switch></svg> ',
    ),
]


@pytest.mark.parametrize(("name", "between"), _UNSHOWN, ids=[u[0] for u in _UNSHOWN])
def test_unshown_elements_between_a_label_and_its_value_do_not_hide_it(tmp_path, name, between):
    _refused(tmp_path, "together", _written("page", f"{_LABEL}\n\n{_DOB}."), _DOB)
    _refused(tmp_path, name, _written("page", f"{_LABEL}{between}{_DOB}."), _DOB)


_UNSHOWN_OTHERS = [
    (
        "address-rp",
        "The family lives at 14 Acacia Avenue.",
        "The family lives at <ruby><rp>page</rp></ruby> 14 Acacia Avenue.",
        "Acacia",
    ),
    (
        "address-meter",
        "The family lives at 14 Acacia Avenue.",
        "The family lives at <meter>page</meter> 14 Acacia Avenue.",
        "Acacia",
    ),
    (
        "address-annotation",
        "The family lives at 14 Acacia Avenue.",
        "The family lives at <math><semantics><mi></mi><annotation>page</annotation></semantics></math> 14 Acacia Avenue.",
        "Acacia",
    ),
    ("phone-rp", "Mother's mobile is 07700 900123.", "Mother's mobile is 07700<rp>1</rp> 900123.", "900123"),
    ("dob-review-rp", f"{_LABEL}\n\n{_DOB}.", f"{_LABEL} <ruby><rp>{_FILLER}</rp></ruby> {_DOB}.", _DOB),
]


@pytest.mark.parametrize(("name", "plain", "trick", "planted"), _UNSHOWN_OTHERS, ids=[u[0] for u in _UNSHOWN_OTHERS])
def test_unshown_words_inside_other_identifiers_do_not_hide_them(tmp_path, name, plain, trick, planted):
    kind = "review" if "review" in name else "page"
    _refused(tmp_path, "plain", _written(kind, plain), planted)
    _refused(tmp_path, name, _written(kind, trick), planted)


# --- 2. A theme class written so that HTML004 does not see it -------------------------

_CLASSES = [
    ("reference", f' <span class="visually&#45;hidden">{_FILLER}</span> '),
    ("next-line", f' <span\nclass="visually-hidden">{_FILLER}</span> '),
]


@pytest.mark.parametrize(("name", "between"), _CLASSES, ids=[c[0] for c in _CLASSES])
def test_a_theme_class_written_another_way_is_refused(tmp_path, name, between):
    _refused(
        tmp_path, "plain", _written("page", f'{_LABEL} <span class="visually-hidden">{_FILLER}</span> {_DOB}.'), _DOB
    )
    _refused(tmp_path, name, _written("page", f"{_LABEL}{between}{_DOB}."), _DOB)


# --- 3. Hidden words in a field the theme writes as HTML -------------------------------

_HIDDEN_AFTER_TAG = f"<b>{_LABEL}</b><span hidden>{_FILLER}</span> {_DOB}"


def _fields(where: str, value: str) -> dict[str, str]:
    if where == "title":
        return {"pages/a-record.md": f"Title: {value}\nSummary: A record.\n\nThe record.\n"}
    if where == "owner":
        return {"guidance/a-record.md": guidance_markdown("A record", body="The procedure.", Owner=value)}
    return {
        "guidance/a-record.md": guidance_markdown(
            "A record", body="The procedure.", Modified="2026-02-01", Change_note=value
        )
    }


@pytest.mark.parametrize("where", ["title", "owner", "change-note"])
def test_hidden_words_in_other_fields_do_not_hide_a_date_of_birth(tmp_path, where):
    _refused(tmp_path, "plain", _fields(where, f"{_LABEL} {_DOB}"), _DOB)
    _refused(tmp_path, where, _fields(where, _HIDDEN_AFTER_TAG), _DOB)


# --- 4. Tags the gate reads as blocks that a browser draws inline -----------------------

_INLINE_BLOCKS = [
    ("item", "The school told Zebedee <item></item>Quinlan about the plan."),
    ("name", "The school told Zebedee <name>Quinlan</name> about the plan."),
    ("link", "The school told Zebedee <link>Quinlan about the plan."),
    ("label", "The school told Zebedee <label>Quinlan</label> about the plan."),
    ("id", "The school told Zebedee <id></id>Quinlan about the plan."),
    ("url", "The school told Zebedee <url></url>Quinlan about the plan."),
    ("desc", "The school told Zebedee <desc></desc>Quinlan about the plan."),
    ("content", "The school told <content>Zebedee</content> Quinlan about the plan."),
    ("svg", 'The school told Zebedee <svg width="0" height="0"></svg>Quinlan about the plan.'),
]


@pytest.mark.parametrize(("name", "written"), _INLINE_BLOCKS, ids=[b[0] for b in _INLINE_BLOCKS])
def test_a_tag_drawn_inline_does_not_cut_a_name_in_two(tmp_path, name, written):
    _refused(tmp_path, "plain", _written("page", _NAME), "Quinlan")
    _refused(tmp_path, name, _written("page", written), "Quinlan")


def test_a_tag_drawn_inline_does_not_cut_a_phone_number(tmp_path):
    _refused(tmp_path, "plain", _written("page", "Mother's mobile is 07700 900123."), "900123")
    _refused(tmp_path, "item", _written("page", "Mother's mobile is 07700 <item></item>900123."), "900123")


# --- 5. A gap a reader sees that the gate does not read as one -------------------------

_GAPS = [
    ("braille-blank", "The school told Zebedee&#x2800;Quinlan about the plan."),
    # Drawn as a blank by many fonts, as nothing by others: read both ways.
    ("hangul-filler", "The school told Zebedee&#x3164;Quinlan about the plan."),
    ("math-space", '<math><mi>Zebedee</mi><mspace width="1em"/><mi>Quinlan</mi></math>'),
    ("rp-between", "The school told Zebedee<ruby><rp>(</rp></ruby> Quinlan about the plan."),
    ("svg-desc", '<svg width="300" height="40"><text y="20">Zebedee <desc>x</desc>Quinlan</text></svg>'),
]


@pytest.mark.parametrize(("name", "written"), _GAPS, ids=[g[0] for g in _GAPS])
def test_a_gap_a_reader_sees_between_two_words_is_read(tmp_path, name, written):
    _refused(tmp_path, "plain", _written("page", _NAME), "Quinlan")
    _refused(tmp_path, name, _written("page", f"The school told the child.\n\n{written}\n"), "Quinlan")


# --- 6. A closed details the gate reads as shown ----------------------------------------

_DETAILS = [
    # Not the details' own summary (it is inside a div): the browser shows
    # "Details" and hides the rest; the gate keeps the first <summary> found.
    ("summary-in-div", f"\n\n<details><div><summary>{_FILLER}</summary></div></details>\n\n"),
    # The browser's attribute is `open"`: the details is closed.
    ("open-quote", f'\n\n<details open"><summary>More</summary>{_FILLER}</details>\n\n'),
]


@pytest.mark.parametrize(("name", "between"), _DETAILS, ids=[d[0] for d in _DETAILS])
def test_a_closed_details_is_read_as_a_browser_shows_it(tmp_path, name, between):
    _refused(
        tmp_path,
        "closed",
        _written("page", f"{_LABEL}\n\n<details><summary>More</summary>{_FILLER}</details>\n\n{_DOB}."),
        _DOB,
    )
    _refused(tmp_path, name, _written("page", f"{_LABEL}{between}{_DOB}."), _DOB)


# --- 7. An SVG file in images/ ----------------------------------------------------------


def _drawing(inner: str) -> dict[str, str]:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><title>A family tree</title>{inner}</svg>'
    return {
        "pages/a-record.md": "Title: A record\nSummary: A record.\n\nThe family tree:\n\n"
        "![A family tree of the child's household](../images/tree.svg)\n",
        "images/tree.svg": svg,
    }


_DRAWINGS = [
    (
        "display-none",
        f'<text x="0" y="20">{_LABEL} {_DOB}</text>',
        f'<text x="0" y="20">{_LABEL}</text><text display="none">{_FILLER}</text><text x="0" y="40">{_DOB}</text>',
        _DOB,
    ),
    (
        "defs",
        f'<text x="0" y="20">{_LABEL} {_DOB}</text>',
        f'<text x="0" y="20">{_LABEL}</text><defs><text>{_FILLER}</text></defs><text x="0" y="40">{_DOB}</text>',
        _DOB,
    ),
    (
        "desc-in-line",
        '<text x="0" y="20">Zebedee Quinlan</text>',
        '<text x="0" y="20">Zebedee <desc>x</desc>Quinlan</text>',
        "Quinlan",
    ),
]


@pytest.mark.parametrize(("name", "plain", "trick", "planted"), _DRAWINGS, ids=[d[0] for d in _DRAWINGS])
def test_a_drawing_is_read_as_it_is_drawn(tmp_path, name, plain, trick, planted):
    _refused(tmp_path, "plain", _drawing(plain), planted)
    _refused(tmp_path, name, _drawing(trick), planted)


# --- Refused (kept as regression tests) -------------------------------------------------

_REFUSED = [
    # The hidden attribute however a browser's tokenizer reads it.
    ("slash-hidden", f"**{_LABEL}**<span/hidden>{_FILLER}</span> {_DOB}.", _DOB),
    ("formfeed-hidden", f"**{_LABEL}**<span\x0chidden>{_FILLER}</span> {_DOB}.", _DOB),
    # An attribute is read apart, not in the text between.
    ("abbr-title", f'{_LABEL} <abbr title="{_FILLER}">x</abbr> {_DOB}.', _DOB),
    # A soft hyphen, a line break and two lines of a drawing are read through.
    ("soft-hyphen", "The school told Zeb&shy;edee Quin&shy;lan about the plan.", "Quinlan"),
    ("line-break", "The school told Zebedee<br>Quinlan about the plan.", "Quinlan"),
    (
        "svg-lines",
        '<svg width="300" height="40"><text x="0" y="20">Zebedee</text><text x="70" y="20">Quinlan</text></svg>',
        "Quinlan",
    ),
]


@pytest.mark.parametrize(("name", "written", "planted"), _REFUSED, ids=[r[0] for r in _REFUSED])
def test_these_are_refused(tmp_path, name, written, planted):
    _refused(tmp_path, name, _written("page", written), planted)


def test_a_style_in_a_title_is_refused(tmp_path):
    title = f'<b>{_LABEL}</b><span style="display:none">{_FILLER}</span> {_DOB}'
    ok, published, codes = _build(tmp_path, "title-style", _fields("title", title), _DOB)
    assert not ok and not published and "HTML004" in codes, codes
