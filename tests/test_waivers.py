"""Waivers: a recorded decision that one finding is acceptable. They name
codes, give a reason, and for redaction findings sit in the metadata, quote the
text and name who approved them. Real builds throughout."""

from __future__ import annotations

from lscb_core.report import summary_line

from conftest import review_markdown

COURSES = "Title: Courses\nDate: 2026-01-01\nSummary: Courses.\n\n## Neglect\n\nA course on neglect.\n"

REVIEW_BODY = """\
## Findings

The national review after the death of Peter Connelly is relevant here.

## Recommendations

1. Share information sooner.

## The board's response

The board accepted the recommendation.
"""


def training(body: str, *fields: str) -> str:
    header = "\n".join(["Title: Training", "Date: 2026-01-01", "Summary: Training.", *fields])
    return f"{header}\n\n## Courses\n\n{body}\n"


def test_an_approved_metadata_waiver_waives_exactly_the_quoted_text(scenario):
    scenario.write("reviews/child-q.md", review_markdown(
        REVIEW_BODY,
        Waive='PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding'))
    site = scenario.build()
    assert site.ok, site.messages()
    (waived,) = [f for f in site.result.findings if f.waived]
    assert waived.code == "PII001"
    # The reason is the review's text, masked like anything a review says.
    assert waived.waived == "n**** i* a n******* r***** (approved by H*** o* S***********)"
    assert summary_line(site.result.findings) == "0 errors, 0 warnings, 1 waived."


def test_a_redaction_waiver_for_other_text_waives_nothing(scenario):
    scenario.write("reviews/child-q.md", review_markdown(
        REVIEW_BODY.replace("Peter Connelly", "Peter Connelly and Jessica Thornton"),
        Waive='PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding'))
    site = scenario.build()
    assert not site.ok
    assert [f.code for f in site.result.findings if f.is_error] == ["PII001"]
    assert "J****** T*******" in site.messages() and "Thornton" not in site.messages()


def test_a_redaction_waiver_still_needs_approval_in_publish_mode(scenario):
    scenario.write("reviews/child-q.md", review_markdown(
        REVIEW_BODY, Waive='PII001 "Peter Connelly": named in a national review'))
    site = scenario.build(LSCB_MODE="publish")
    assert not site.ok
    assert sorted(f.code for f in site.result.findings if f.is_error) == ["PII001", "WAIV004"]


def test_a_line_waiver_covers_its_own_line_and_the_line_below_only(scenario):
    scenario.write("pages/courses.md", COURSES)
    scenario.write("pages/training.md", training(
        "<!-- waive A11Y005: the course list is the only link on the page -->\n"
        "To see the list of courses, [click here](courses.md).\n\n"
        "Or [read more](courses.md)."))
    site = scenario.build()
    assert [(f.line, f.code, bool(f.waived)) for f in site.result.findings] == [
        (8, "A11Y005", True), (10, "A11Y005", False)]


def test_a_metadata_waiver_covers_the_whole_file(scenario):
    scenario.write("pages/courses.md", COURSES)
    scenario.write("pages/training.md", training(
        "To see the list, [click here](courses.md).\n\nOr [read more](courses.md).",
        "Waive: A11Y005: the links are explained in the paragraph above them"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert [(f.code, bool(f.waived)) for f in site.result.findings] == [("A11Y005", True)] * 2
