"""Guidance past its review date (DATE001) and the sections of an annual
report (AR001), in real builds."""

from __future__ import annotations

import pytest

from lscb_core.findings import Severity


def guidance(review_date: str | None = "2027-01-01", **fields) -> str:
    header = {
        "Title": "Early help",
        "Date": "2025-01-01",
        "Owner": "Policy and Procedures Subgroup",
        "Review_date": review_date,
        "Summary": "How to offer early help to a family.",
        **fields,
    }
    lines = "\n".join(f"{name}: {value}" for name, value in header.items() if value is not None)
    return f"{lines}\n\n## Offering early help\n\nTalk to the family about the help they would like.\n"


def found(site, code):
    return [f for f in site.result.findings if f.code == code]


# -- DATE001


def test_guidance_past_its_review_date_warns_in_draft_mode(scenario):
    scenario.write("guidance/early-help.md", guidance("2026-10-01"))
    site = scenario.build()  # today is 2026-11-23
    [finding] = found(site, "DATE001")
    assert finding.severity is Severity.WARNING
    assert (finding.line, finding.col) == (4, 14)  # the value of Review_date
    assert finding.message == "review date 1 October 2026 has passed (53 days ago)"
    assert "Policy and Procedures Subgroup" in finding.hint
    assert "Review_date" in finding.hint


def test_guidance_past_its_review_date_stops_the_build_in_publish_mode(scenario):
    scenario.write("guidance/early-help.md", guidance("2026-10-01"))
    site = scenario.build(LSCB_MODE="publish")
    [finding] = found(site, "DATE001")
    assert finding.severity is Severity.ERROR
    assert not site.ok


@pytest.mark.parametrize("review_date", ["2026-11-23", "2026-11-24", "2030-01-01"])
def test_guidance_due_today_or_later_is_quiet(scenario, review_date):
    scenario.write("guidance/early-help.md", guidance(review_date))
    assert found(scenario.build(LSCB_MODE="publish"), "DATE001") == []


def test_the_day_comes_from_lscb_today(scenario, monkeypatch):
    scenario.write("guidance/early-help.md", guidance("2027-01-01"))
    assert found(scenario.build(), "DATE001") == []
    monkeypatch.setenv("LSCB_TODAY", "2027-01-02")
    [finding] = found(scenario.build(), "DATE001")
    assert finding.message == "review date 1 January 2027 has passed (1 day ago)"


@pytest.mark.parametrize("review_date", [None, "next year", "01/09/2026"])
def test_a_missing_or_unreadable_review_date_is_left_to_the_metadata_check(scenario, review_date):
    scenario.write("guidance/early-help.md", guidance(review_date))
    assert found(scenario.build(), "DATE001") == []


def test_a_version_with_its_own_review_date_is_checked_too(scenario):
    scenario.write("guidance/early-help.md", guidance("2027-01-01"))
    scenario.write(
        "young-people/early-help.md",
        (
            "Title: Getting help early\nDate: 2026-02-01\nVersion_of: guidance/early-help.md\n"
            "Summary: Who can help you.\nReview_date: 2026-06-30\n\nYou can talk to a teacher you trust.\n"
        ),
    )
    scenario.write(
        "children/early-help.md",
        (
            "Title: Help for you\nDate: 2026-02-01\nVersion_of: guidance/early-help.md\n"
            "Summary: Who can help you.\n\nYou can talk to a teacher you trust.\n"
        ),
    )
    site = scenario.build()
    [finding] = found(site, "DATE001")
    assert finding.path.endswith("young-people/early-help.md")
    assert finding.line == 5
    assert "the page's owner" in finding.hint


def test_a_draft_is_checked_in_previews_but_not_when_publishing(scenario):
    scenario.write("guidance/early-help.md", guidance("2026-10-01", Status="draft"))
    assert found(scenario.build(), "DATE001")
    assert found(scenario.build(LSCB_MODE="publish"), "DATE001") == []


def test_a_waiver_in_the_metadata_accepts_an_overdue_review(scenario):
    scenario.write(
        "guidance/early-help.md",
        guidance("2026-10-01", Waive="DATE001: review in progress, agreed by the subgroup on 2026-11-10"),
    )
    site = scenario.build(LSCB_MODE="publish")
    [finding] = found(site, "DATE001")
    assert finding.waived.startswith("review in progress")
    assert "DATE001" not in site.codes()


# -- AR001

SECTIONS = {
    "effective": "## How effective local safeguarding has been\n\nSafeguarding improved.",
    "weakness": "## Weaknesses and the actions taken\n\nReferrals were slow; a new form was agreed.",
    "lessons": "## Lessons from case reviews\n\nOne rapid review was held.",
    "training": "## Training\n\n1,200 people were trained.",
    "contributions": "## Partner contributions\n\nThe council gave most of the money.",
    "spent": "## What the board spent\n\nMost of the money paid for staff.",
}


def report(*leave_out: str, extra: str = "", **fields) -> str:
    header = {
        "Title": "Annual report 2025 to 2026",
        "Date": "2026-10-01",
        "Reporting_year": "2025-26",
        "Summary": "How well children were kept safe.",
        **fields,
    }
    lines = "\n".join(f"{name}: {value}" for name, value in header.items())
    body = "\n\n".join(text for key, text in SECTIONS.items() if key not in leave_out)
    return f"{lines}\n\n{body}\n\n{extra}\n"


def test_a_complete_annual_report_is_quiet(scenario):
    scenario.write("annual-reports/2025-26.md", report())
    site = scenario.build(LSCB_MODE="publish")
    assert found(site, "AR001") == []


def test_each_missing_section_is_one_finding_at_the_title(scenario):
    scenario.write("annual-reports/2025-26.md", report("training", "spent"))
    site = scenario.build()
    findings = found(site, "AR001")
    assert sorted(f.message for f in findings) == [
        "annual report has no section: Training",
        "annual report has no section: What the board spent",
    ]
    assert {(f.line, f.col) for f in findings} == {(1, 1)}
    assert all(f.severity is Severity.WARNING for f in findings)
    assert all(len(f.message) < 80 for f in findings)
    assert any("'spent' or 'spending' or 'expenditure'" in f.hint for f in findings)


def test_a_missing_section_stops_the_build_in_publish_mode(scenario):
    scenario.write("annual-reports/2025-26.md", report("lessons"))
    site = scenario.build(LSCB_MODE="publish")
    [finding] = found(site, "AR001")
    assert finding.severity is Severity.ERROR
    assert not site.ok


def test_headings_match_in_any_case_at_any_level(scenario):
    text = report("training", extra="### TRAINING FOR PRACTITIONERS\n\nCourses ran all year.")
    scenario.write("annual-reports/2025-26.md", text)
    assert found(scenario.build(), "AR001") == []


def test_the_word_in_the_body_is_not_a_section(scenario):
    text = report("training", extra="## Our year\n\nTraining was given to 1,200 people.")
    scenario.write("annual-reports/2025-26.md", text)
    assert [f.message for f in found(scenario.build(), "AR001")] == ["annual report has no section: Training"]


def test_the_checklist_comes_from_the_settings(scenario):
    scenario.write("annual-reports/2025-26.md", report())
    checklist = [
        {"name": "What children told us", "headings": ["voice", "told us"]},
        {"name": "Training", "headings": "training"},
    ]
    [finding] = found(scenario.build(ANNUAL_REPORT_SECTIONS=checklist), "AR001")
    assert finding.message == "annual report has no section: What children told us"


def test_a_malformed_checklist_stops_the_build_with_a_clear_message(scenario):
    scenario.write("annual-reports/2025-26.md", report())
    site = scenario.build(ANNUAL_REPORT_SECTIONS=["Training"])
    assert not site.ok
    assert any("ANNUAL_REPORT_SECTIONS must be a list" in error for error in site.result.errors)


def test_a_waiver_can_accept_one_missing_section_by_name(scenario):
    scenario.write(
        "annual-reports/2025-26.md",
        report("training", "spent", Waive='AR001 "Training": training is reported by the partners'),
    )
    site = scenario.build(LSCB_MODE="publish")
    waived = {f.message: bool(f.waived) for f in found(site, "AR001")}
    assert waived == {
        "annual report has no section: Training": True,
        "annual report has no section: What the board spent": False,
    }


def test_other_pages_are_not_annual_reports(scenario):
    scenario.write("guidance/early-help.md", guidance())
    assert found(scenario.build(), "AR001") == []


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_the_demo_guidance_and_reports_pass(tmp_path, settings):
    from conftest import ROOT, build_site

    site = build_site(ROOT / "content", tmp_path / "output", settings=settings)
    mine = [f for f in site.result.findings if f.code in ("DATE001", "AR001")]
    assert mine == [], site.messages()
