"""A person's name given in parts, read by the final gate as a reader reads it:
in a table's columns under any heading a reader reads as a name's
(published.name_columns, headings in disguise too, under any heading row,
in a table inside a table), with a cell spanning rows read in each row it
spans (published.table_rows), and in labelled fields (published.name_fields:
lines, list items, a transposed table, a description list, fields on one
line or in one sentence, however far apart with no other name's field
between). Each way it acts (the full name is refused) and stays quiet
(labels or columns that hold no name, a form's guide, a public person's
name with a middle name between, a column headed "Child" with no surname's
beside it, a forename whose surname's field is another's).
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, ScenarioSite

sys.path.insert(0, str(ROOT / "tests"))
from test_identifiers_put_apart import _page, _refused, _written  # noqa: E402

from lscb_checks.published.files import read_file  # noqa: E402
from lscb_checks.published.markup import read_markup  # noqa: E402

# --- Acts: a full name in labelled fields, in each layout -------------------------------

_FIELDS = [
    ("lines", "**First name:** Zebedee\n\n**Surname:** Quinlan"),
    ("list", "- Known as: Zebedee\n- Middle name: J\n- Family name: Quinlan"),
    ("surname-first", "- Surname: Quinlan\n- Date of birth: not known\n- First name: Zebedee"),
    ("dl-whose", "<dl><dt>Child's first name</dt><dd>Zebedee</dd><dt>Last name</dt><dd>Quinlan</dd></dl>"),
    # Markdown's own description list, the value on the line after the term.
    ("definition-list", "Forename\n:   Zebedee\n\nSurname\n:   Quinlan"),
    ("dash-note", "- Preferred name – Zebedee\n- Family name (at birth) – Quinlan"),
    (
        # Headings in <th> down the first column, one column for each child:
        # the second child's forename and surname are joined.
        "th-rows",
        "<table><tr><th>First name</th><td>Child Q</td><td>Zebedee</td></tr>"
        "<tr><th>Surname</th><td>withheld</td><td>Quinlan</td></tr></table>",
    ),
]


@pytest.mark.parametrize(("name", "fields"), _FIELDS, ids=[f[0] for f in _FIELDS])
def test_a_full_name_in_labelled_fields_is_refused(tmp_path, name, fields):
    _refused(tmp_path, "one-line", _written("page", "The record was shared.\n\nZebedee Quinlan"), "Quinlan")
    _refused(tmp_path, name, _written("page", f"The record was shared.\n\n{fields}\n"), "Quinlan")


# --- Acts: name columns under headings in disguise ---------------------------------------

_DISGUISED = [
    ("zero-width", "Sur\u200bname"),
    ("look-alike", "\u0405urname"),  # a Cyrillic capital DZE, drawn as an S
    ("note", "Surname (at birth)"),
]


@pytest.mark.parametrize(("name", "heading"), _DISGUISED, ids=[d[0] for d in _DISGUISED])
def test_name_columns_under_disguised_headings_are_read_together(tmp_path, name, heading):
    table = f"| First name | {heading} |\n| --- | --- |\n| Zebedee | Quinlan |"
    _refused(tmp_path, name, _written("page", f"The record was shared.\n\n{table}\n"), "Quinlan")


# --- Acts: name columns under a later heading row, and in a table in a cell -----------

_LATER = [
    (
        "second-heading-row",
        "<table><thead><tr><th>Event</th><th>Date</th></tr></thead><tbody><tr><td>Visit</td><td>2019</td></tr>"
        "<tr><th>First name</th><th>Surname</th></tr><tr><td>Zebedee</td><td>Quinlan</td></tr></tbody></table>",
    ),
    (
        "nested-twice",
        "<table><tr><td><table><tr><td>Family</td></tr><tr><td><table><tr><th>Surname</th><th>Known as</th></tr>"
        "<tr><td>Quinlan</td><td>Zebedee</td></tr></table></td></tr></table></td></tr></table>",
    ),
]


@pytest.mark.parametrize(("name", "table"), _LATER, ids=[t[0] for t in _LATER])
def test_name_columns_under_a_later_heading_or_in_a_cell_are_read_together(tmp_path, name, table):
    _refused(tmp_path, name, _written("page", f"The record was shared.\n\n{table}\n"), "Quinlan")


def test_a_table_in_a_cell_is_read_in_that_cell():
    table = (
        "<table><tr><th>Child</th><th>Seen</th></tr><tr><td><table><tr><th>First name</th><th>Surname</th></tr>"
        "<tr><td>Zebedee</td><td>Quinlan</td></tr></table></td><td>2019</td></tr></table>"
    )
    rows = [" ".join(line.split()) for line in read_markup(table).text.split("\n") if line.strip()]
    assert (
        rows[-1] == "| / First name / Surname / First name Surname / / Zebedee / Quinlan / Zebedee Quinlan / | 2019 |"
    )


# --- Acts: a cell spanning rows, read in each row it spans --------------------------------

_SPANS = [
    # A forename spanning the rows of two surnames (the first one a public word).
    (
        "forename",
        "<table><thead><tr><th>First name</th><th>Surname</th></tr></thead><tbody>"
        '<tr><td rowspan="2">Zebedee</td><td>withheld</td></tr><tr><td>Quinlan</td></tr></tbody></table>',
    ),
    # A surname spanning three rows, after a cell spanning two columns.
    (
        "after-colspan",
        "<table><thead><tr><th>Event</th><th>Date</th><th>First name</th><th>Surname</th></tr></thead><tbody>"
        '<tr><td colspan="2">Moved school</td><td></td><td rowspan="3">Quinlan</td></tr>'
        "<tr><td>Visit</td><td>2019</td><td></td></tr><tr><td>Review</td><td>2020</td><td>Zebedee</td></tr>"
        "</tbody></table>",
    ),
]


@pytest.mark.parametrize(("name", "table"), _SPANS, ids=[s[0] for s in _SPANS])
def test_a_name_cell_spanning_rows_is_read_in_each_row(tmp_path, name, table):
    _refused(tmp_path, name, _written("guidance", f"The record was shared.\n\n{table}\n"), "Quinlan")


def test_a_cell_spanning_rows_is_written_in_its_column_within_its_row_group():
    table = (
        "<table><thead><tr><th rowspan='3'>Person</th><th>Detail</th></tr></thead><tbody>"
        "<tr><td rowspan=2>Child Q</td><td>Born</td><td>2017</td></tr><tr><td>Moved</td><td>2019</td></tr>"
        "<tr><td>Mother</td><td>Born</td><td rowspan=0>n/k</td></tr><tr><td>Father</td><td>Born</td></tr>"
        "</tbody></table>"
    )
    rows = [" ".join(line.split()) for line in read_markup(table).text.split("\n") if line.strip()]
    assert rows == [
        "| Person | Detail |",
        "| --- | --- |",
        "| Child Q | Born | 2017 |",
        "| Child Q | Moved | 2019 |",
        "| Mother | Born | n/k |",
        "| Father | Born | n/k |",
    ]


def test_the_rows_a_cell_spans_are_read_as_a_browser_reads_them():
    # A reference or a "+" before the number, and the attribute in capitals.
    for start in ('<td rowspan="&#50;">', "<td ROWSPAN=+2>", "<td rowspan = ' 2.5'>"):
        table = f"<table><tr><td>a</td>{start}Quinlan</td></tr><tr><td>Zebedee</td></tr></table>"
        assert "| Zebedee | Quinlan |" in " ".join(read_markup(table).text.split()), start


# --- Quiet: labels and columns that hold no name ----------------------------------------

_NO_NAME = [
    ("columns", "| First name | Surname |\n| --- | --- |\n| Child Q | (withheld) |"),
    ("dl", "<dl><dt>Known as</dt><dd>Child Q</dd><dt>Surname</dt><dd>(withheld)</dd></dl>"),
    ("transposed", "| Field | Child |\n| --- | --- |\n| First name | withheld |\n| Surname | withheld |"),
    ("lines", "First name: Child Q\n\nSurname: not given"),
    ("child-age", "| Child | Age |\n| --- | --- |\n| Zebedee | 7 |"),
    ("one-line-withheld", "First name: (withheld), Surname: (withheld)"),
    ("guide-sentence", "Give the first name, then the surname. First name and surname are both needed."),
    ("guide-required", "- First name: Required\n- Surname: Required\n\nFirst name: Required | Surname: Required"),
    ("guide-headings", "## First name\n\nWrite the child's first name.\n\n## Surname\n\nWrite the family name."),
    (
        "guide-table",
        "| Field | What to write |\n| --- | --- |\n| First name | The child's first name |\n| Surname | The child's surname |",
    ),
    # Far apart, with another's surname between: Zebedee is not a Quinlan.
    (
        "surname-between",
        "First name: Zebedee\n\nSurname: withheld\n\n" + "\n\n".join(["Notes."] * 12) + "\n\nSurname: Quinlan",
    ),
    ("later-row-not-names", "| Event | Date |\n| --- | --- |\n| Last visit | 2019 |\n| Zebedee | Quinlan |"),
]


@pytest.mark.parametrize(("name", "body"), _NO_NAME, ids=[n[0] for n in _NO_NAME])
def test_name_labels_without_a_name_are_quiet(tmp_path, name, body):
    scenario = ScenarioSite(tmp_path / name)
    scenario.write("pages/a-record.md", _page(f"The record was shared.\n\n{body}"))
    site = scenario.build()
    assert site.ok, site.messages()


def _gate_reading(output) -> str:
    """Every text the final gate reads in the built pages."""
    pages = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html"))
    return "\n".join(text.text for rel in pages for text in read_file(str(output), rel).texts)


def test_a_child_column_is_joined_only_with_a_surname_column(tmp_path):
    scenario = ScenarioSite(tmp_path / "child")
    scenario.write("pages/age.md", _page("Ages.\n\n| Child | Age |\n| --- | --- |\n| Zebedee | 7 |"))
    scenario.write("pages/family.md", _page("Names.\n\n| Child | Family name |\n| --- | --- |\n| Child Q | Withheld |"))
    site = scenario.build()
    assert site.ok, site.messages()
    reading = " ".join(_gate_reading(scenario.output).split())
    assert "Child Q Withheld" in reading and "Zebedee 7" not in reading


# --- Quiet: a public person's name with a middle name between -------------------------


@pytest.mark.parametrize(
    "fields",
    [
        "- First name: Margaret\n- Middle name: Ann\n- Surname: Okafor",
        "First name: Margaret, Middle name: Ann, Surname: Okafor",
        "| Field | Chair |\n| --- | --- |\n| First name | Margaret |\n| Middle initial | A |\n| Surname | Okafor |",
    ],
    ids=["list", "one-line", "transposed"],
)
def test_a_public_persons_name_in_fields_is_not_refused(tmp_path, fields):
    scenario = ScenarioSite(tmp_path / "public")
    (scenario.root / "redaction-allowlist.toml").write_text(
        '[[allow]]\ntext = "Margaret Okafor"\nrole = "independent chair of the board"\n'
        'reason = "The board\'s independent chair, named in its annual report."\n',
        encoding="utf-8",
    )
    scenario.write("pages/board.md", _page(f"The board's chair.\n\n{fields}"))
    site = scenario.build()
    assert site.ok, site.messages()
    private = fields.replace("Margaret", "Zebedee").replace("Okafor", "Quinlan")
    _refused(tmp_path, "private", {"pages/board.md": _page(f"The board's chair.\n\n{private}")}, "Quinlan")
