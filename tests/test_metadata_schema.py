"""Every header is checked against the schema of its type (META001-META005),
and the schema is the one docs/editing.md gives editors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, build_site, guidance_markdown, review_markdown
from lscb_content import schema

GUIDANCE = """\
Title: Making a referral
Date: 2026-01-01
Owner: Policy and Procedures Subgroup
Review_date: 2027-01-01
Summary: How to refer a child.

## When to refer

Refer when you are worried.
"""

VERSION = """\
Title: Getting help
Date: 2026-02-01
Version_of: guidance/making-a-referral.md
Summary: Who can help you.

## Who can help

A teacher can help.
"""

REPORT = """\
Title: Annual report 2025 to 2026
Date: 2026-09-30
Reporting_year: 2025-26
Summary: How well children were kept safe.
Approved_by: Independent Chair

## How effective safeguarding has been

Partners worked well together.
"""

PAGE = """\
Title: About the board
Summary: Who we are.

## Who we are

The board brings partners together.
"""

COMPLETE = {
    "guidance/making-a-referral.md": GUIDANCE,
    "young-people/making-a-referral.md": VERSION,
    "children/making-a-referral.md": VERSION,
    "annual-reports/2025-26.md": REPORT,
    "pages/about.md": PAGE,
    "reviews/child-q.md": review_markdown(),
}


def _meta(site, name: str = "") -> list:
    return [f for f in site.result.findings if f.code.startswith("META") and (not name or f.path.endswith(name))]


def _line(text: str, starts: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(starts))


def _site(scenario, relative: str, text: str, **overrides):
    """A complete site, with `relative` replaced by `text`."""
    for path, markdown in COMPLETE.items():
        scenario.write(path, text if path == relative else markdown)
    return scenario.build(**overrides)


# --- the demo and complete pages -------------------------------------------------


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_the_demo_content_has_no_metadata_findings(tmp_path, settings):
    site = build_site(ROOT / "content", tmp_path / "output", settings=settings)
    assert _meta(site) == [], site.messages()


def test_a_complete_page_of_every_type_has_no_metadata_findings(scenario):
    site = _site(scenario, "", "")
    assert _meta(site) == [], site.messages()


# --- META002: required fields --------------------------------------------------

REQUIRED = sorted(
    (relative, field.name)
    for relative, key in (
        ("guidance/making-a-referral.md", "guidance"),
        ("children/making-a-referral.md", "children"),
        ("annual-reports/2025-26.md", "annual-reports"),
        ("reviews/child-q.md", "reviews"),
    )
    for field in schema.TYPES[key]
    # Without a Title (or an article without a Date) Pelican cannot read the file: BLD001.
    if field.required and not field.missing_by and field.name not in ("Title", "Date")
)


@pytest.mark.parametrize("relative,name", REQUIRED)
def test_a_missing_required_field_stops_the_build(scenario, relative, name):
    text = "\n".join(line for line in COMPLETE[relative].splitlines() if not line.startswith(f"{name}:")) + "\n"
    site = _site(scenario, relative, text)
    found = _meta(site, relative)
    assert [(f.code, f.line, f.col) for f in found] == [("META002", 1, 1)], site.messages()
    assert found[0].message.startswith(f"{name} is missing")
    assert found[0].is_error


def test_an_empty_required_field_is_reported_at_its_line(scenario):
    text = GUIDANCE.replace("Owner: Policy and Procedures Subgroup", "Owner:")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, f.line, f.message) for f in found] == [("META002", 3, "Owner is empty")]


def test_drafts_and_hidden_pages_are_checked_too(scenario):
    draft = GUIDANCE.replace("Owner: Policy and Procedures Subgroup\n", "Status: draft\n")
    hidden = PAGE.replace("Summary: Who we are.", "Status: hidden\nColour: blue")
    scenario.write("guidance/draft.md", draft)
    scenario.write("pages/hidden.md", hidden)
    site = scenario.build()
    assert {(Path(f.path).name, f.code) for f in _meta(site)} == {("draft.md", "META002"), ("hidden.md", "META001")}


def test_fields_other_checks_own_are_not_reported_twice(scenario):
    # Version_of missing is VER001; a review's decision record is REV001-REV007.
    version = VERSION.replace("Version_of: guidance/making-a-referral.md\n", "")
    scenario.write("guidance/making-a-referral.md", GUIDANCE)
    scenario.write("children/making-a-referral.md", version)
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            Pseudonyms=None, Publication_decision=None, Decision_date=None, Decision_by=None, Sibling_risk_assessed=None
        ),
    )
    site = scenario.build()
    assert _meta(site) == [], site.messages()
    assert {"VER001", "REV001", "REV004", "REV005", "REV006", "REV007"} <= set(site.codes())


def test_a_dangling_version_of_is_only_ver002(scenario):
    site = _site(
        scenario,
        "children/making-a-referral.md",
        VERSION.replace("guidance/making-a-referral.md", "guidance/making-a-referal.md"),
    )
    assert _meta(site) == []
    assert "VER002" in site.codes()


# --- META001: unknown fields -----------------------------------------------------


@pytest.mark.parametrize(
    "written,message,hint",
    [
        ("review_date", "'review_date' must be written Review_date", "did you mean Review_date?"),
        ("Review-date", "'Review-date' must be written Review_date", "did you mean Review_date?"),
        ("Reveiw_date", "'Reveiw_date' is not a field of a guidance page", "did you mean Review_date?"),
    ],
)
def test_a_misspelt_field_is_flagged_with_the_name_meant(scenario, written, message, hint):
    text = GUIDANCE.replace("Review_date:", f"{written}:")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, f.line, f.col) for f in found] == [("META001", 4, 1)], site.messages()
    assert found[0].message == message
    assert found[0].hint.startswith(hint)
    assert found[0].is_error


def test_a_field_name_with_a_space_is_flagged_where_the_header_ends(scenario):
    text = GUIDANCE.replace("Review_date:", "Review date:")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    # One finding, not one for the break and another for the fields after it.
    assert [(f.code, f.line) for f in found] == [("META001", 4)], site.messages()
    assert "the header ends here" in found[0].message
    assert found[0].hint.startswith("did you mean Review_date?")


def test_a_header_line_that_is_not_a_field_is_flagged(scenario):
    text = GUIDANCE.replace("Summary: How to refer a child.", "How to refer a child.\nSummary: How to refer.")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, f.line) for f in found] == [("META001", 5)]
    assert "is not 'Name: value'" in found[0].message


def test_a_field_of_another_type_is_unknown(scenario):
    site = _site(scenario, "reviews/child-q.md", review_markdown(Owner="Policy Subgroup"))
    found = _meta(site)
    assert [(f.code, f.message) for f in found] == [("META001", "Owner is not a field of a case review")]
    assert "another kind of page" in found[0].hint


def test_an_unknown_field_can_be_waived_naming_the_field(scenario):
    text = GUIDANCE.replace(
        "Summary:", "Audience: social workers\nWaive: META001 in Audience: read by the intranet copy\nSummary:"
    )
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, bool(f.waived)) for f in found] == [("META001", True)]
    assert "WAIV" not in " ".join(site.codes())


def test_a_waiver_of_an_unknown_field_names_the_field_it_waives(scenario):
    """A waiver of META001 for the whole file would also cover a field added
    later by mistake: it waives nothing, and the hint names the field."""
    text = GUIDANCE.replace("Summary:", "Audience: social workers\nWaive: META001: read by the intranet copy\nSummary:")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    assert [(f.code, bool(f.waived)) for f in _meta(site)] == [("META001", False)]
    (place,) = [f for f in site.result.findings if f.code == "WAIV006"]
    assert place.hint == "Waive: META001 in Audience: reason"


def test_fields_pelican_uses_and_waive_are_known_to_every_type(scenario):
    extra = "Slug: referral\nModified: 2026-02-01\nStatus: published\nWaive: META002: not needed here\n"
    text = GUIDANCE.replace("Summary:", extra + "Summary:").replace("Owner: Policy and Procedures Subgroup\n", "")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    assert [(f.code, bool(f.waived)) for f in _meta(site)] == [("META002", False)]  # NEVER waivable


# --- META003: values ----------------------------------------------------------------


@pytest.mark.parametrize(
    "field,value,hint",
    [
        ("Review_type", "serious", "write one of: scr, lcspr, rapid-review"),
        ("Criminal_proceedings", "concluding", "did you mean concluded?"),
        ("Publication_decision", "yes", "write one of: publish, withhold"),
        ("Document", "https://example.org/report.pdf", "give the path of a file"),
    ],
)
def test_a_value_that_is_not_allowed_is_flagged_at_the_value(scenario, field, value, hint):
    text = review_markdown(**{field: value})
    site = _site(scenario, "reviews/child-q.md", text)
    found = _meta(site)
    line = _line(text, f"{field}:")
    assert [(f.code, f.line, f.col) for f in found] == [("META003", line, len(field) + 3)], site.messages()
    assert found[0].hint.startswith(hint)


def test_values_are_read_in_any_case_as_the_gate_reads_them(scenario):
    site = _site(
        scenario,
        "reviews/child-q.md",
        review_markdown(Publication_decision="Publish", Review_type="LCSPR", Criminal_proceedings="None"),
    )
    assert _meta(site) == [], site.messages()


# --- META004: dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,problem",
    [
        ("31/03/2027", "'31/03/2027' is not written as YYYY-MM-DD"),
        ("2027-02-30", "'2027-02-30' is not a real date"),
        ("March 2027", "'March 2027' is not written as YYYY-MM-DD"),
    ],
)
def test_an_invalid_date_is_flagged_at_the_value(scenario, value, problem):
    text = GUIDANCE.replace("Review_date: 2027-01-01", f"Review_date: {value}")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, f.line, f.col, f.message) for f in found] == [("META004", 4, 14, f"Review_date {problem}")]


def test_a_date_with_a_time_is_accepted(scenario):
    site = _site(scenario, "guidance/making-a-referral.md", GUIDANCE.replace("2026-01-01", "2026-01-01 09:30"))
    assert _meta(site) == []


def test_an_unreadable_embargo_is_reported_once_as_rev002(scenario):
    site = _site(scenario, "reviews/child-q.md", review_markdown(Publish_after="next spring"))
    assert _meta(site) == []
    assert site.codes().count("REV002") == 1


def test_an_unreadable_decision_date_is_meta004_only(scenario):
    site = _site(scenario, "reviews/child-q.md", review_markdown(Decision_date="10/12/2025"))
    assert [f.code for f in _meta(site)] == ["META004"]
    assert "REV004" not in site.codes()


# --- Status: only the documented values ---------------------------------------------


@pytest.mark.parametrize(
    "relative,text",
    [
        ("guidance/making-a-referral.md", GUIDANCE),
        ("pages/about.md", PAGE),
        ("reviews/child-q.md", review_markdown()),
    ],
)
@pytest.mark.parametrize(
    "value,hint",
    [
        ("skip", "write Status: draft to keep the page off the site"),
        ("publsihed", "did you mean published? write one of: published, draft, hidden"),
        ("drafts", "did you mean draft? write one of: published, draft, hidden"),
        ("private", "write one of: published, draft, hidden"),
    ],
)
def test_a_status_the_site_does_not_know_is_meta003_at_its_line(scenario, relative, text, value, hint):
    """Pelican drops a page with `Status: skip` without a word, and one with
    a misspelt status with a bare error: here it is a finding at the line,
    and the page is kept off the site."""
    header, body = text.split("\n\n", 1)
    site = _site(scenario, relative, f"{header}\nStatus: {value}\n\n{body}")
    found = _meta(site)
    assert [(f.code, f.line, f.col, f.hint) for f in found] == [("META003", header.count("\n") + 2, 9, hint)], (
        site.messages()
    )
    assert not site.ok and not site.result.errors, site.messages()


@pytest.mark.parametrize("value", ["draft", "hidden", "published", "Draft", "HIDDEN"])
def test_the_documented_statuses_are_quiet(scenario, value):
    site = _site(scenario, "pages/about.md", PAGE.replace("Summary:", f"Status: {value}\nSummary:"))
    assert _meta(site) == [] and not site.result.errors, site.messages()


def test_a_page_with_an_unknown_status_is_never_published(scenario):
    """Read as a draft, so the checks see it: even a preview build that
    somehow went on would not publish it at its address."""
    text = GUIDANCE.replace("Summary:", "Status: skip\nSummary:")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    assert [f.code for f in _meta(site)] == ["META003"]
    from pelican.settings import read_settings

    from lscb_content.reader import LscbMarkdownReader

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(scenario.content)})
    _content, metadata = LscbMarkdownReader(settings).read(str(scenario.content / "guidance/making-a-referral.md"))
    assert metadata["status"] == "draft"


# --- META005: repeated fields -----------------------------------------------------------


def test_a_field_written_twice_is_flagged_at_the_second(scenario):
    text = GUIDANCE.replace("Summary: How to refer a child.", "Summary: How to refer a child.\nSummary: And after.")
    site = _site(scenario, "guidance/making-a-referral.md", text)
    found = _meta(site)
    assert [(f.code, f.line) for f in found] == [("META005", 6)]
    assert found[0].message == "Summary is written twice (also on line 5)"


def test_waive_may_be_repeated(scenario):
    text = GUIDANCE.replace(
        "Summary:", "Colour: blue\nShape: round\nWaive: META001: one\nWaive: META001: two\nSummary:"
    )
    site = _site(scenario, "guidance/making-a-referral.md", text)
    assert "META005" not in {f.code for f in _meta(site)}


# --- the schema is docs/editing.md ------------------------------------------------------

_TABLES = {
    "Fields for guidance": ("guidance",),
    "Fields for versions": ("young-people", "children"),
    "Fields for annual reports": ("annual-reports",),
    "Fields for case reviews": ("reviews",),
    "Fields for events": ("events",),
    "Fields for standard pages": ("pages",),
    "Fields for translations": ("translations",),
}
_TYPE_WORDS = {
    "text": schema.TEXT,
    "date": schema.DATE,
    "path": schema.PATH,
    "comma-separated": schema.LIST,
    "credits": schema.CREDITS,
    "date and time": schema.WHEN,
    "https address": schema.HTTPS,
}


def _docs_tables() -> dict[str, list[list[str]]]:
    text = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    tables = {}
    for title in _TABLES:
        section = text.split(f"### {title}\n", 1)[1].split("\n#", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        tables[title] = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    return tables


@pytest.mark.parametrize("title", sorted(_TABLES))
def test_the_schema_matches_the_field_tables_in_docs_editing_md(title):
    rows = _docs_tables()[title]
    for key in _TABLES[title]:
        own = {field.name: field for field in schema.TYPES[key]}
        documented = {}
        for name_cell, required, type_cell, _description in rows:
            for name in re.findall(r"`([^`]+)`", name_cell):
                documented[name] = (required, type_cell)
        assert set(documented) == set(own), key
        for name, (required, type_cell) in documented.items():
            field = own[name]
            assert (required == "yes") == field.required, (key, name)
            values = re.findall(r"`([^`]+)`", type_cell)
            if values:
                assert set(values) == set(field.allowed) - {"published"}, (key, name)
            else:
                assert _TYPE_WORDS[type_cell] == field.type, (key, name)


def test_a_text_field_written_over_two_lines_is_shown_as_one(scenario):
    """Pelican's reader gives a field over several lines as a list of them;
    the theme printed it as Python writes a list (`["Policy and", '...']`)."""
    text = guidance_markdown("A record", body="The record.")
    scenario.write("guidance/a-record.md", text.replace("Owner: ", "Owner: Policy and\n    ", 1))
    site = scenario.build()
    assert site.ok, site.messages()
    owner = site.soup("guidance/a-record/").find("dt", string="Owner").find_next("dd").get_text()
    assert owner.startswith("Policy and Policy and") and "[" not in owner and "'" not in owner
