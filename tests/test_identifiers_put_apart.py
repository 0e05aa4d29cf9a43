"""Identifiers that the site's own furniture, a sentence's end or a table's
columns put apart (red team round 11 on the final gate's regions and on
guidance paragraph numbers): each is refused now, beside the same words on
an ordinary page or without the furniture, which were always refused.

- A footnote's marker inside a name, a "born" or a phone number, and a
  paragraph number or a glossary explanation between a label and its value
  (lscb_checks.published.furniture).
- A digit after a phone number's full stop (pii_contact).
- A full name in a table's first-name and surname columns
  (lscb_checks.published.name_columns).
- The regions of a page cannot be moved by an editor (the last test).
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, ScenarioSite, guidance_markdown, review_markdown

sys.path.insert(0, str(ROOT / "tests"))
from test_published_gate import everything_published  # noqa: E402

FOOTNOTE = "\n\n[^1]: From the case file.\n"


def _page(body: str) -> str:
    return f"Title: A record\nSummary: A record.\n\n{body}\n"


def _review(body: str) -> str:
    return review_markdown(
        f"## Findings\n\n{body}\n\n## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )


def _written(kind: str, body: str) -> dict[str, str]:
    if kind == "page":
        return {"pages/a-record.md": _page(body)}
    if kind == "guidance":
        return {"guidance/a-record.md": guidance_markdown("A record", body=body)}
    return {"reviews/child-q.md": _review(body)}


def _build(tmp_path, name: str, files: dict[str, str], planted: str) -> tuple[bool, bool, str]:
    """(the build passed, the planted text is published, the findings)."""
    scenario = ScenarioSite(tmp_path / name)
    for relative, text in files.items():
        scenario.write(relative, text)
    site = scenario.build()
    published = scenario.output.exists() and planted in everything_published(scenario.output)
    return site.ok, published, " ".join(site.codes())


def _refused(tmp_path, name: str, files: dict[str, str], planted: str) -> None:
    ok, published, codes = _build(tmp_path, name, files, planted)
    assert not ok and not published, f"{name}: passed={ok}, {planted!r} published={published}, codes: {codes}"


# --- 1. A footnote's marker glued to a word ------------------------------------------
# Markdown writes `Zebedee[^1] Quinlan` as `Zebedee<sup><a>1</a></sup> Quinlan`: the
# reader sees "Zebedee¹ Quinlan", the gate read "Zebedee1 Quinlan" (an inline tag
# joined), which was no name; "born¹ on 14 March 2017" reads "born1", no word "born";
# "07700¹ 900123" reads twelve digits. The same words with the marker at the end of
# the sentence (for the phone: no marker) are refused.

_MARKED = [
    (
        "name",
        "The school told Zebedee Quinlan about the plan.[^1]",
        "The school told Zebedee[^1] Quinlan about the plan.",
        "Quinlan",
    ),
    ("born", "Child Q was born on 14 March 2017.[^1]", "Child Q was born[^1] on 14 March 2017.", "14 March 2017"),
    ("phone", "Mother's mobile is 07700 900123.", "Mother's mobile is 07700[^1] 900123.", "900123"),
]


@pytest.mark.parametrize(
    "kind,refused,leaking,planted",
    [
        pytest.param(kind, refused, leaking, planted, id=f"{what}-{kind}")
        for kind in ("page", "guidance")
        for what, refused, leaking, planted in _MARKED
    ]
    + [pytest.param("review", *_MARKED[2][1:], id="phone-review")],
)
def test_a_footnote_marker_inside_an_identifier_does_not_hide_it(tmp_path, kind, refused, leaking, planted):
    _refused(tmp_path, "marker-apart", _written(kind, refused + FOOTNOTE), planted)
    _refused(tmp_path, "marker-inside", _written(kind, leaking + FOOTNOTE), planted)


# Only the markers the site writes are read past: markup an editor writes to
# look like one, inside a number, is read as written (furniture._Counted).
_FORGED = [
    'Mother\'s mobile is 07700 9<sup id="fnref-9"><a class="footnote-ref" href="#fn-9">00</a></sup>123.',
    'Mother\'s mobile is 07700 90<span class="para-number">0.</span>123.',
]


@pytest.mark.parametrize("kind", ["page", "guidance"])
@pytest.mark.parametrize("written", _FORGED, ids=["footnote-marker", "paragraph-number"])
def test_a_marker_an_editor_writes_inside_a_number_does_not_hide_its_digits(tmp_path, kind, written):
    _refused(tmp_path, "forged", _written(kind, written), "123")


# --- 1b. A digit after a phone number's full stop -------------------------------------
# pii_contact._PHONE took a full stop and a space for a separator between digits, so
# "07700 900123.1" (a footnote marker after the sentence, as the gate reads it) or
# "07700 900123. 2 days later" was read as a twelve-digit number, not a mobile, and was
# published, on a case review too (the source checks read the same). With the next
# sentence in words it is refused.

_AFTER_STOP = [
    ("page", "Her mobile was 07700 900123.[^1]" + FOOTNOTE),
    ("guidance", "Her mobile was 07700 900123.[^1]" + FOOTNOTE),
    ("page", "Her mobile was 07700 900123. 2 days later she moved."),
    ("page", "Her mobile was 07700 900123.\u00a02 days later she moved."),
    ("review", "Her mobile was 07700 900123. 2 days later she moved."),
]


@pytest.mark.parametrize(
    "kind,leaking", [pytest.param(kind, text, id=f"{kind}-{i}") for i, (kind, text) in enumerate(_AFTER_STOP)]
)
def test_a_digit_after_a_phone_numbers_full_stop_does_not_hide_it(tmp_path, kind, leaking):
    _refused(
        tmp_path, "words-after", _written(kind, "Her mobile was 07700 900123. Two days later she moved."), "900123"
    )
    _refused(tmp_path, "digit-after", _written(kind, leaking), "900123")


# --- 2. A glossary explanation on a page for children or young people -----------------
# On those pages the first use of a glossary term is followed by its plain explanation
# in brackets (lscb_content.glossary_markup). Put between "date of birth" and the date
# it adds words (more than pii_dob's six); between "car" and an old plate it pushes the
# plate past the 60 characters PII009 looks back. The same sentence on an ordinary page
# (the term linked, not explained) is refused.

GLOSSARY = """Title: Glossary of safeguarding terms
Summary: Plain-English explanations of the words used by professionals.

## Words and what they mean

Core group
: The small group of professionals who put a child protection plan into action.

: For children: the grown-ups meeting to help you, check your plan, listen to you, talk to your family
"""

_EXPLAINED = [
    ("dob", "The record was shared. Child Q, date of birth in the core group notes: 14 March 2017.", "14 March 2017"),
    ("plate", "The record was shared. Police stopped the car seen by the core group, A123 BCD.", "A123 BCD"),
]


@pytest.mark.parametrize("folder", ["young-people", "children"])
@pytest.mark.parametrize("what,body,planted", _EXPLAINED, ids=[case[0] for case in _EXPLAINED])
def test_a_glossary_explanation_does_not_hide_a_date_of_birth_or_a_plate(tmp_path, folder, what, body, planted):
    _refused(tmp_path, "ordinary-page", {"pages/a-record.md": _page(body), "pages/glossary.md": GLOSSARY}, planted)
    version = {
        "guidance/plan.md": guidance_markdown("A procedure"),
        f"{folder}/plan.md": (
            f"Title: About your plan\nDate: 2026-09-01\nVersion_of: guidance/plan.md\nSummary: About your plan.\n\n{body}\n"
        ),
        "pages/glossary.md": GLOSSARY,
    }
    _refused(tmp_path, f"{folder}-page", version, planted)


# --- 3. A guidance paragraph's number still costs characters --------------------------
# b7d0e68 lets "3." stand between "date of birth" and the date, but "3. " still counts
# against pii_dob's 60 characters, and against the 60 characters PII009 looks back from
# an old plate for "car" (not changed by b7d0e68). Label and value in two paragraphs,
# refused on an ordinary page, published on guidance. At 8a2acbb the date leaked on
# guidance at any distance; the plate is older.

_NUMBERED = [
    ("dob", "Child Q, date of birth (GP record 2019/004371-17, form 2, item 12-40-881/223):", "14 March 2017"),
    ("plate", "Police stopped the car on the ring road late at night, near the retail park:", "A123 BCD"),
]


@pytest.mark.parametrize("what,label,planted", _NUMBERED, ids=[case[0] for case in _NUMBERED])
def test_a_paragraph_number_does_not_push_a_value_out_of_reach(tmp_path, what, label, planted):
    body = f"The record was shared.\n\n{label}\n\n{planted}"
    _refused(tmp_path, "ordinary-page", _written("page", body), planted)
    _refused(tmp_path, "guidance", _written("guidance", body), planted)


# --- 4. A full name across two cells of a table row -----------------------------------
# "| First name | Surname |" over "| Zebedee | Quinlan |": a reader reads the row as
# the child's full name; the gate reads the cells apart (markup._table_as_rows) and
# finds no name on a page or guidance (a review refuses the forename alone, PII011).
# The name in one cell is refused.


@pytest.mark.parametrize("kind", ["page", "guidance"])
def test_a_full_name_split_across_the_cells_of_a_row_is_refused(tmp_path, kind):
    one_cell = "The record was shared.\n\n| Name | Role |\n| --- | --- |\n| Zebedee Quinlan | Child |"
    _refused(tmp_path, "one-cell", _written(kind, one_cell), "Zebedee Quinlan")
    two_cells = "The record was shared.\n\n| First name | Surname |\n| --- | --- |\n| Zebedee | Quinlan |"
    _refused(tmp_path, "two-cells", _written(kind, two_cells), "Quinlan")


# --- 5. A house number after a blank line ---------------------------------------------
# "Table 14", "page 3", "section 47" are numbers of other things; read across a
# blank line, "See the table" then "14 Acacia Avenue" in the list after it was
# taken for "table 14" and published from an ordinary page (on guidance the
# paragraph's number stood between). Within a line it still is "table 14".


@pytest.mark.parametrize("kind", ["page", "guidance"])
def test_a_house_number_under_a_line_ending_with_table_is_an_address(tmp_path, kind):
    _refused(tmp_path, "after-a-blank-line", _written(kind, "See the table:\n\n- 14 Acacia Avenue"), "Acacia")
    quiet = ScenarioSite(tmp_path / "within-a-line")
    quiet.write(*next(iter(_written(kind, "The figures are in table 14 Acacia Avenue Trust's report.").items())))
    site = quiet.build()
    assert "PII003" not in site.codes(), site.messages()


# --- Refused: the regions cannot be moved by an editor (passes) -----------------------
# The breadcrumbs show the title through striptags, which decodes references: an
# escaped `<main>` or `</header>` in a title becomes a real tag before the theme's
# <main> (refused as a stray tag, HTML002, and the h1 shows the escaped text, so the
# page is read whole). A label in the title or summary and the value after it are
# read together in <main>, where the h1 and the lede repeat them.

_REGION_ATTEMPTS = [
    ("main-in-title", {"pages/a-record.md": "Title: Zebedee &lt;main&gt; Quinlan\nSummary: A record.\n\nThe plan.\n"}),
    (
        "header-in-title",
        {
            "pages/a-record.md": "Title: Child Q, date of birth: &lt;/header&gt;&lt;main&gt;\nSummary: A.\n\n14 March 2017\n"
        },
    ),
    (
        "title-then-summary",
        {"pages/a-record.md": "Title: Child Q, date of birth:\nSummary: 14 March 2017\n\nThe plan.\n"},
    ),
    (
        "tags-in-body",
        {"pages/a-record.md": _page("Child Q, date of birth:\n\n</main></footer><footer><main>\n\n14 March 2017")},
    ),
]


@pytest.mark.parametrize("name,files", _REGION_ATTEMPTS, ids=[case[0] for case in _REGION_ATTEMPTS])
def test_an_editor_cannot_cut_the_page_into_regions(tmp_path, name, files):
    planted = "Quinlan" if "Quinlan" in str(files) else "14 March 2017"
    _refused(tmp_path, name, files, planted)


# --- Quiet: a public person's name in name columns ------------------------------------
# The joined name leaves a middle name out, as the allowlist names the board's
# public people: "Margaret Ann Okafor" in three columns is read "Margaret Okafor".


def test_a_public_persons_name_in_name_columns_is_not_refused(tmp_path):
    scenario = ScenarioSite(tmp_path / "public")
    (scenario.root / "redaction-allowlist.toml").write_text(
        '[[allow]]\ntext = "Margaret Okafor"\nrole = "independent chair of the board"\n'
        'reason = "The board\'s independent chair, named in its annual report."\n',
        encoding="utf-8",
    )
    table = (
        "| First name | Middle name | Surname | Role |\n| --- | --- | --- | --- |\n| Margaret | Ann | Okafor | Chair |"
    )
    scenario.write("pages/board.md", _page(f"The board's officers.\n\n{table}"))
    site = scenario.build()
    assert site.ok, site.messages()
    private = table.replace("Margaret | Ann | Okafor", "Zebedee | Ann | Quinlan")
    _refused(tmp_path, "private", {"pages/board.md": _page(f"The board's officers.\n\n{private}")}, "Quinlan")
