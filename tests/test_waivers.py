"""Waivers: a recorded decision that one finding is acceptable. A waiver is
exact: it names the code and the place (the line, or the metadata field),
gives a reason, and for redaction findings quotes the text and names who
approved it. The same text anywhere else, or inside an attachment, is not
covered. Real builds throughout."""

from __future__ import annotations

import media

from conftest import review_markdown
from lscb_core.report import summary_line

COURSES = "Title: Courses\nDate: 2026-01-01\nSummary: Courses.\n\n## Neglect\n\nA course on neglect.\n"
APPROVED = "named in a national review; approved by Head of Safeguarding"
NATIONAL = "The national review after the death of Peter Connelly is relevant here."
WAIVE_HERE = f'<!-- waive PII001 "Peter Connelly": {APPROVED} -->'

REVIEW_BODY = """\
## Findings

{findings}

## Recommendations

1. Share information sooner.

## The board's response

The board accepted the recommendation.
"""


def review(findings: str = NATIONAL + " " + WAIVE_HERE, **fields) -> str:
    return review_markdown(REVIEW_BODY.format(findings=findings), **fields)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def training(body: str, *fields: str) -> str:
    header = "\n".join(["Title: Training", "Date: 2026-01-01", "Summary: Training.", *fields])
    return f"{header}\n\n## Courses\n\n{body}\n"


def _seen(site) -> list[tuple[int, str, bool]]:
    return sorted((f.line, f.code, bool(f.waived)) for f in site.result.findings)


def test_an_approved_waiver_on_the_line_waives_exactly_the_quoted_text(scenario):
    text = review()
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert site.ok, site.messages()
    (waived,) = [f for f in site.result.findings if f.waived]
    assert (waived.code, waived.line) == ("PII001", line_of(text, "is relevant here"))
    # The reason is the review's text, masked like anything a review says.
    assert waived.waived == "n**** i* a n******* r***** (approved by H*** o* S***********)"
    assert summary_line(site.result.findings) == "0 errors, 0 warnings, 1 waived."


def test_a_waiver_alone_on_the_line_above_covers_the_line_below(scenario):
    text = review(f"{WAIVE_HERE}\n{NATIONAL}")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert site.ok, site.messages()
    assert _seen(site) == [(line_of(text, "is relevant here"), "PII001", True)]


def test_a_waiver_on_one_line_does_not_cover_the_same_name_on_another(scenario):
    """The waiver is on line 10's text; the same name ten lines further on is
    still a finding, and the build stops there."""
    later = "\n\n".join(["Information was not shared."] * 4 + ["Peter Connelly's case was discussed again."])
    text = review(f"{NATIONAL} {WAIVE_HERE}\n\n{later}")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    first, second = line_of(text, "is relevant here"), line_of(text, "discussed again")
    assert second - first == 10
    assert _seen(site) == [(first, "PII001", True), (second, "PII001", False)]


def test_a_redaction_waiver_for_other_text_waives_nothing(scenario):
    scenario.write(
        "reviews/child-q.md", review(f"The reviews of Peter Connelly and Jessica Thornton are relevant. {WAIVE_HERE}")
    )
    site = scenario.build()
    assert not site.ok
    assert [f.code for f in site.result.findings if f.is_error] == ["PII001"]
    assert "J****** T*******" in site.messages() and "Thornton" not in site.messages()


def test_a_redaction_waiver_still_needs_its_quote_and_approval_in_publish_mode(scenario):
    scenario.write("reviews/child-q.md", review(f"{NATIONAL} <!-- waive PII001: named in a national review -->"))
    site = scenario.build(LSCB_MODE="publish")
    assert not site.ok
    assert sorted(f.code for f in site.result.findings if f.is_error) == ["PII001", "WAIV004"]
    (misplaced,) = [f for f in site.result.findings if f.code == "WAIV004"]
    assert misplaced.hint == '<!-- waive PII001 "the text": reason; approved by <role> -->'


def test_a_field_waiver_covers_that_field_only(scenario):
    text = review(
        f"{NATIONAL}",
        Summary="Lessons from the review after Peter Connelly died.",
        Waive=f'PII001 "Peter Connelly" in Summary: {APPROVED}',
    )
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    assert _seen(site) == [
        (line_of(text, "Summary:"), "PII001", True),
        (line_of(text, "is relevant here"), "PII001", False),
    ]


def test_a_field_waiver_is_exact_in_the_listings_and_feeds_too(scenario):
    """The summary is shown on the reviews listing and in the feeds: the
    final gate maps it to the Summary line, which the waiver covers."""
    text = review(
        "Professionals did not share what they knew.",
        Summary="Lessons from the review after Peter Connelly died.",
        Waive=f'PII001 "Peter Connelly" in Summary: {APPROVED}',
    )
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert site.ok, site.messages()
    assert _seen(site) == [(line_of(text, "Summary:"), "PII001", True)]
    shown = {
        path.name
        for path in scenario.output.rglob("*.*")
        if path.suffix in (".html", ".xml") and "Peter Connelly" in path.read_text()
    }
    assert shown >= {"index.html", "all.atom.xml", "reviews.atom.xml"}  # the page and the feeds


def test_a_field_waiver_naming_a_field_the_header_lacks_is_a_finding(scenario):
    text = review(NATIONAL, Waive=f'PII001 "Peter Connelly" in Sumary: {APPROVED}')
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    (place,) = [f for f in site.result.findings if f.code == "WAIV006"]
    # What the review wrote is masked, like every value a review holds.
    assert place.line == line_of(text, "Waive:") and "S***** of this header" in place.message
    assert ("PII001", False) in [(f.code, bool(f.waived)) for f in site.result.findings]


def test_the_old_whole_file_form_waives_nothing_and_the_hint_shows_the_new_one(scenario):
    text = review(NATIONAL, Waive=f'PII001 "Peter Connelly": {APPROVED}')
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    (place,) = [f for f in site.result.findings if f.code == "WAIV006"]
    assert place.line == line_of(text, "Waive:")
    assert place.message == "waiver of PII001 covers the whole file, not one place"
    assert place.hint == (
        f'on line {line_of(text, "is relevant here")}: <!-- waive PII001 "the text": reason; approved by <role> -->'
    )
    assert ("PII001", False) in [(f.code, bool(f.waived)) for f in site.result.findings]


def test_the_hint_for_a_whole_file_waiver_of_a_field_names_the_field(scenario):
    text = review(
        "Professionals did not share what they knew.",
        Summary="Lessons from the review after Peter Connelly died.",
        Waive=f'PII001 "Peter Connelly": {APPROVED}',
    )
    scenario.write("reviews/child-q.md", text)
    (place,) = [f for f in scenario.build().result.findings if f.code == "WAIV006"]
    assert place.hint == 'Waive: PII001 "the text" in Summary: reason; approved by <role>'


def test_a_waiver_in_the_review_does_not_cover_its_pdf(scenario):
    """The PDF's text is published as it is in the file: a waiver on the line
    that links it waives nothing, and says to fix the PDF."""
    pdf = media.make_pdf(["Overview report", "The review of Peter Connelly's death is relevant."])
    scenario.write_bytes("reviews/documents/child-q-report.pdf", pdf)
    text = review(f"Read the [overview report (PDF)](documents/child-q-report.pdf). {WAIVE_HERE}")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    link = line_of(text, "overview report")
    assert [seen for seen in _seen(site) if not seen[1].startswith("A11Y")] == [
        (link, "PII001", False),
        (link, "WAIV002", False),
    ]
    (unused,) = [f for f in site.result.findings if f.code == "WAIV002"]
    assert unused.message == "waiver of PII001 waives nothing: the text is in a file"
    assert unused.hint.startswith("export the PDF again with the text deleted")


def test_a_line_waiver_covers_its_own_line_and_the_line_below_only(scenario):
    scenario.write("pages/courses.md", COURSES)
    scenario.write(
        "pages/training.md",
        training(
            "<!-- waive A11Y005: the course list is the only link on the page -->\n"
            "To see the list of courses, [click here](courses.md).\n\n"
            "Or [read more](courses.md)."
        ),
    )
    site = scenario.build()
    assert _seen(site) == [(8, "A11Y005", True), (10, "A11Y005", False)]


def test_a_waiver_after_text_covers_its_own_line_only(scenario):
    scenario.write("pages/courses.md", COURSES)
    scenario.write(
        "pages/training.md",
        training(
            "To see the list, [click here](courses.md). <!-- waive A11Y005: the list is the only link -->\n"
            "Or [read more](courses.md)."
        ),
    )
    site = scenario.build()
    assert _seen(site) == [(7, "A11Y005", True), (8, "A11Y005", False)]


def test_a_whole_file_waiver_of_a_line_finding_waives_nothing(scenario):
    scenario.write("pages/courses.md", COURSES)
    scenario.write(
        "pages/training.md",
        training(
            "To see the list, [click here](courses.md).\n\nOr [read more](courses.md).",
            "Waive: A11Y005: the links are explained in the paragraph above them",
        ),
    )
    site = scenario.build()
    assert _seen(site) == [(4, "WAIV006", False), (8, "A11Y005", False), (10, "A11Y005", False)]
    (place,) = [f for f in site.result.findings if f.code == "WAIV006"]
    assert place.hint == "on line 8: <!-- waive A11Y005: reason -->"


def test_a_comment_waiver_inside_the_header_is_a_finding(scenario):
    scenario.write("reviews/child-q.md", review(NATIONAL, Summary=f"About Peter Connelly. {WAIVE_HERE}"))
    site = scenario.build()
    assert not site.ok
    (place,) = [f for f in site.result.findings if f.code == "WAIV006"]
    assert place.hint == 'Waive: PII001 "the text" in Summary: reason; approved by <role>'


def test_the_final_gate_holds_a_waiver_to_its_line(scenario):
    """The source checks read `Pe<span></span>ter` apart; the built page shows
    the name whole. The final gate must report it at its own line, not skip
    it because the same name is waived on another."""
    text = review(f"{NATIONAL} {WAIVE_HERE}\n\nPe<span></span>ter Connelly's case was discussed again.")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    assert _seen(site) == [
        (line_of(text, "is relevant here"), "PII001", True),
        (line_of(text, "discussed again"), "PII001", False),
    ]
    (gate,) = [f for f in site.result.findings if not f.waived]
    assert gate.message.endswith("as built")
