"""Red team round 17: on HTML004/HTML005 reading a header field only when
the item's own page holds it verbatim (page_fields), the two-pass placing
of code examples, and table_rows' cells and rows without end tags. One leak,
fixed: a field written over two lines is a list (Pelican's reader), which
page_fields did not read, and the theme printed it raw; its lines are now
read together, always."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _written  # noqa: E402
from test_red_round16 import _leak  # noqa: E402

_FILLER = " ".join(["the record was reviewed"] * 12)
_LABEL = "Child Q's date of birth:"
_DOB = "14 March 2017"
_PLAIN_DOB = _written("page", f"{_LABEL}\n\n{_DOB}.")


def _summary(summary: str) -> dict[str, str]:
    return {
        "pages/a-record.md": f"Title: A record\nSummary: {summary}\n\nThe record.\n",
        "pages/other.md": "Title: Other\nSummary: Other.\n\nOther.\n",
    }


_SUMMARIES = [
    (
        "summary-filename-rp",
        f'<a href="{{filename}}/pages/other.md">{_LABEL}</a> <ruby>x<rp>{_FILLER}</rp></ruby> {_DOB}.',
    ),
    ("summary-index-rp", f'<a href="{{index}}">{_LABEL}</a> <ruby>x<rp>{_FILLER}</rp></ruby> {_DOB}.'),
    (
        "summary-filename-popover",
        f'<a href="{{filename}}/pages/other.md">{_LABEL}</a> <span popover>{_FILLER}</span> {_DOB}.',
    ),
    (
        "summary-filename-class",
        f'<a href="{{filename}}/pages/other.md">{_LABEL}</a> <span class="visually-hidden">{_FILLER}</span> {_DOB}.',
    ),
    (
        "summary-filename-style",
        f'<a href="{{filename}}/pages/other.md">{_LABEL}</a> <span style="opacity:0">{_FILLER}</span> {_DOB}.',
    ),
]


@pytest.mark.parametrize(("name", "summary"), _SUMMARIES, ids=[s[0] for s in _SUMMARIES])
def test_a_summary_whose_link_pelican_rewrites(tmp_path, name, summary):
    plain = _summary(f"{_LABEL} {_DOB}.")
    _leak(tmp_path, name, plain, _summary(summary), _DOB)


# --- A field Markdown's meta reads as several lines (a list, not a string) --------------


def _guidance_owner(owner: str) -> dict[str, str]:
    return {
        "guidance/a-record.md": "Title: A procedure\nDate: 2026-01-01\n"
        f"Owner: {owner}\nReview_date: 2027-01-01\nSummary: A procedure.\n\nThe procedure in brief.\n"
    }


_OWNERS = [
    ("owner-two-lines-rp", f"<b>{_LABEL}</b>\n    <ruby>x<rp>{_FILLER}</rp></ruby> {_DOB}"),
    ("owner-two-lines-class", f'<b>{_LABEL}</b>\n    <span class="visually-hidden">{_FILLER}</span> {_DOB}'),
    ("owner-two-lines-style", f'<b>{_LABEL}</b>\n    <span style="opacity:0">{_FILLER}</span> {_DOB}'),
]


@pytest.mark.parametrize(("name", "owner"), _OWNERS, ids=[o[0] for o in _OWNERS])
def test_an_owner_written_over_two_lines(tmp_path, name, owner):
    _leak(tmp_path, name, _guidance_owner(f"{_LABEL} {_DOB}"), _guidance_owner(owner), _DOB)


# --- Tables whose end tags are left out (table_rows) -------------------------------------

_TABLE_PLAIN = _written(
    "page",
    "The child.\n\n<table><tr><th>First name</th><th>Surname</th></tr><tr><td>Zebedee</td><td>Quinlan</td></tr></table>\n",
)
_OPEN_TABLES = [
    ("thead-tbody-open", "<table><thead><tr><th>First name<th>Surname<tbody><tr><td>Zebedee<td>Quinlan</table>"),
    ("caption-open", "<table><caption>The child<tr><th>First name<th>Surname<tr><td>Zebedee<td>Quinlan</table>"),
    ("colgroup-open", "<table><colgroup><col><col><tr><th>First name<th>Surname<tr><td>Zebedee<td>Quinlan</table>"),
    ("th-td-mix", "<table><tr><th>First name<td>Zebedee<tr><th>Surname<td>Quinlan</table>"),
    ("tfoot-first", "<table><tfoot><tr><td>Note<tbody><tr><th>First name<th>Surname<tr><td>Zebedee<td>Quinlan</table>"),
    ("no-table-end", "<table><tr><th>First name<th>Surname<tr><td>Zebedee<td>Quinlan\n\nThe plan."),
]


@pytest.mark.parametrize(("name", "written"), _OPEN_TABLES, ids=[t[0] for t in _OPEN_TABLES])
def test_a_table_without_end_tags(tmp_path, name, written):
    _leak(tmp_path, name, _TABLE_PLAIN, _written("page", f"The child.\n\n{written}\n"), "Quinlan")
