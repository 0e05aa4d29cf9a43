"""Case reviews: the publication record (REV001, REV004-REV006), the board's
response (REV009), pseudonyms (REV007, REV008), details that together could
identify a family (REV010), and when an embargoed review becomes due."""

from __future__ import annotations

import pytest

from conftest import ROOT, build_site, review_markdown
from lscb_checks.checks.review_jigsaw import Paragraph, findings_in, pdf_paragraphs

MINE = {"REV001", "REV004", "REV005", "REV006", "REV007", "REV008", "REV009", "REV010"}
AREA = frozenset({"northshire"})


def _mine(site, code: str = "") -> list:
    return sorted(
        (f for f in site.result.findings if f.code in MINE and (not code or f.code == code)),
        key=lambda f: (f.line, f.col, f.code),
    )


def _line(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def _review(scenario, body: str = "", **fields):
    text = review_markdown(body, **fields)
    scenario.write("reviews/child-q.md", text)
    return text, scenario.build()


# --- the demo ---------------------------------------------------------------------


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_the_demo_reviews_give_no_review_findings_and_no_warnings(tmp_path, settings):
    site = build_site(ROOT / "content", tmp_path / "output", settings=settings)
    assert _mine(site) == [], site.messages()


def test_a_complete_review_gives_no_review_findings(scenario):
    _text, site = _review(scenario)
    assert _mine(site) == [], site.messages()


# --- the publication record --------------------------------------------------------


def test_a_review_without_a_decision_is_an_error_not_only_kept_out(scenario):
    _text, site = _review(scenario, Publication_decision=None)
    found = _mine(site)
    assert [(f.code, f.line, f.col) for f in found] == [("REV001", 1, 1)]
    assert found[0].is_error
    assert not site.ok
    assert any("it has no Publication_decision" in w for w in site.result.warnings)


def test_an_empty_decision_is_reported_at_its_line(scenario):
    text, site = _review(scenario, Publication_decision="")
    assert [(f.code, f.line) for f in _mine(site)] == [("REV001", _line(text, "Publication_decision:")[0])]


@pytest.mark.parametrize("status", ["draft", "hidden"])
def test_a_draft_or_hidden_review_needs_no_decision_record_yet(scenario, status):
    _text, site = _review(
        scenario,
        Status=status,
        Publication_decision=None,
        Decision_date=None,
        Decision_by=None,
        Sibling_risk_assessed=None,
    )
    assert _mine(site) == [], site.messages()


@pytest.mark.parametrize(
    "fields",
    [
        {"Publication_decision": "withhold"},
        {"Criminal_proceedings": "ongoing"},
        {"Publish_after": "2027-06-01"},
    ],
)
def test_a_review_kept_out_by_the_gate_still_needs_its_record(scenario, fields):
    _text, site = _review(scenario, Decision_by=None, **fields)
    assert [f.code for f in _mine(site)] == ["REV005"]


def test_a_decision_after_the_publication_date_is_flagged_at_the_decision_date(scenario):
    text, site = _review(scenario, Date="2026-01-15", Decision_date="2026-01-16")
    found = _mine(site)
    line, col = _line(text, "2026-01-16")
    assert [(f.code, f.line, f.col) for f in found] == [("REV004", line, col)]
    assert found[0].message == "Decision_date 2026-01-16 is after Date 2026-01-15"


def test_a_decision_on_the_day_of_publication_is_fine(scenario):
    _text, site = _review(scenario, Date="2026-01-15", Decision_date="2026-01-15")
    assert _mine(site) == []


def test_a_missing_decision_date_or_decision_maker_is_flagged(scenario):
    _text, site = _review(scenario, Decision_date=None, Decision_by=None)
    assert [f.code for f in _mine(site)] == ["REV004", "REV005"]
    assert all(f.is_error for f in _mine(site))


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, "Sibling_risk_assessed is missing"),
        ("no", "Sibling_risk_assessed is 'no', not yes"),
        ("pending", "Sibling_risk_assessed is 'p******', not yes"),  # what a review says is masked
    ],
)
def test_the_sibling_risk_must_be_assessed(scenario, value, expected):
    _text, site = _review(scenario, Sibling_risk_assessed=value)
    found = _mine(site)
    assert [(f.code, f.message) for f in found] == [("REV006", expected)]


def test_a_withheld_review_needs_no_sibling_assessment_nor_response(scenario):
    _text, site = _review(
        scenario, "## Findings\n\nNothing is published.\n", Publication_decision="withhold", Sibling_risk_assessed=None
    )
    assert _mine(site) == [], site.messages()


@pytest.mark.parametrize("code", ["REV001", "REV004", "REV005", "REV006", "REV009"])
def test_the_publication_record_cannot_be_waived(scenario, code):
    _text, site = _review(
        scenario,
        Waive=f"{code}: we will add it later",
        Publication_decision=None,
        Decision_date=None,
        Decision_by=None,
        Sibling_risk_assessed=None,
        body="## Findings\n\nText.\n",
    )
    assert "WAIV005" in site.codes()
    assert not any(f.waived for f in _mine(site))


# --- the board's response ---------------------------------------------------------------


def test_a_review_without_the_boards_response_is_flagged(scenario):
    _text, site = _review(scenario, "## Findings\n\nText.\n\n## Recommendations\n\n1. Share.\n")
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("REV009", 1)]
    assert found[0].is_error


@pytest.mark.parametrize(
    "heading",
    [
        "## The board's response",
        "## The board’s response",
        "## Response to the recommendations",
        "## Board response and action plan",
        "### How the board responded",
    ],
)
def test_any_clear_response_heading_is_accepted(scenario, heading):
    _text, site = _review(scenario, f"## Findings\n\nText.\n\n{heading}\n\nAll accepted.\n")
    assert _mine(site) == [], site.messages()


def test_an_empty_response_section_is_flagged_at_its_heading(scenario):
    body = "## Findings\n\nText.\n\n## The board's response\n\n## Next steps\n\nMore.\n"
    text, site = _review(scenario, body)
    assert [(f.code, f.line) for f in _mine(site)] == [("REV009", _line(text, "## The board's")[0])]


def test_a_retired_review_needs_no_response(scenario):
    scenario.write(
        "reviews/child-q.md", review_markdown("## Findings\n\nText.\n", Date="2020-01-10", Decision_date="2019-12-01")
    )
    current = scenario.build(REVIEW_RETENTION_MONTHS=120)
    assert [f.code for f in _mine(current)] == ["REV009"]
    retired = scenario.build(REVIEW_RETENTION_MONTHS=36)
    assert _mine(retired) == [], retired.messages()


# --- pseudonyms --------------------------------------------------------------------------


def test_a_review_without_pseudonyms_is_flagged_whatever_its_status(scenario):
    _text, site = _review(scenario, Pseudonyms=None, Status="draft")
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("REV007", 1)]
    assert "(1 pseudonym-shaped name in the text)" in found[0].hint  # Child Q


def test_each_use_of_an_undeclared_pseudonym_is_flagged_at_its_place(scenario):
    body = (
        "## Findings\n\nChild Q lived with Mother and Sibling 1. Child M visited often.\n\n"
        "Young Person A and Child M met at School B.\n\n## The board's response\n\nAccepted.\n"
    )
    text, site = _review(scenario, body)
    found = _mine(site)
    lines = text.splitlines()
    expected = []
    for number, line in enumerate(lines, start=1):
        for name in ("Child M", "Young Person A", "School B"):
            start = line.find(name)
            while start >= 0:
                expected.append(("REV008", number, start + 1))
                start = line.find(name, start + 1)
    assert sorted((f.code, f.line, f.col) for f in found) == sorted(expected)
    assert len(expected) == 4
    # A pseudonym-shaped name is not an identifier: printed in full.
    assert "School B is not listed in Pseudonyms" in {f.message for f in found}
    assert found[0].is_error


def test_declared_names_cover_their_shapes_and_other_words_are_not_pseudonyms(scenario):
    body = (
        "## Findings\n\nChild Q went to Larch Primary School A and GP Practice 1. Adult Social "
        "Care, Child Abuse teams and Hospital A&E saw Mother. Child Q's sibling is Sibling 1.\n\n"
        "## The board's response\n\nAccepted.\n"
    )
    _text, site = _review(
        scenario, body, Pseudonyms="Child Q, Mother, Sibling 1, Larch Primary School A, gp practice 1"
    )
    assert _mine(site) == [], site.messages()


def test_contents_page_numbers_paragraph_numbers_and_family_rows_are_not_pseudonyms(scenario):
    """The structure of a real report: a contents list without dotted
    leaders, a heading ending in a kind then a numbered paragraph, and a
    family-composition list with sex and age columns."""
    body = (
        "Contents\n\nIntroduction 3\nFamily composition 5\nVoice of the Child 14\nGood Practice 15\n"
        "Recommendations 16\n\n## Findings\n\n### 7.4 The Independent Reviewing Officer\n\n"
        "7.4.1 The Independent Reviewing Officer raised concerns. See Child Q 7.4 too.\n\n"
        "Who was in the household:\n\n- Child Q M 9\n- Mother F 32\n- Father M N/K\n- Father N/K\n\n"
        "## The board's response\n\nAccepted.\n"
    )
    _text, site = _review(scenario, body, Pseudonyms="Child Q, Mother, Father")
    assert _mine(site) == [], site.messages()


def test_undeclared_names_in_lists_and_rows_are_still_flagged(scenario):
    """A list of names ending in numbers is not a contents list, page numbers
    that go down are not page numbers, and a child's label is not a sex."""
    body = (
        "## Findings\n\nThe children:\n\n- Sibling 2\n- Sibling 3\n- Sibling 4\n\n"
        "Visits by Worker 9\nVisits by Worker 4\nVisits by Worker 2\n\n"
        "- Child R 14 M\n\n## The board's response\n\nAccepted.\n"
    )
    text, site = _review(scenario, body)
    found = sorted((f.line, f.term) for f in _mine(site) if f.code == "REV008")
    assert found == sorted(
        (_line(text, name)[0], name)
        for name in ("Sibling 2", "Sibling 3", "Sibling 4", "Worker 9", "Worker 4", "Worker 2", "Child R")
    )


def test_a_pseudonym_in_the_pdf_is_flagged_at_the_line_that_links_it(scenario):
    import media

    scenario.write_bytes(
        "reviews/documents/child-q-report.pdf",
        media.make_pdf(("Overview report\nChild Q and Sibling 1.", "Child K was seen.")),
    )
    text, site = _review(scenario, Document="reviews/documents/child-q-report.pdf")
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("REV008", _line(text, "Document:")[0])]
    assert "child-q-report.pdf page 2" in found[0].message


def test_an_undeclared_pseudonym_can_be_waived_on_its_line_only_with_approval(scenario):
    body = "## Findings\n\nChild M was named in a national review. {waiver}\n\n## The board's response\n\nAccepted.\n"
    approved = '<!-- waive REV008 "Child M": named in the national review; approved by Head of Safeguarding -->'
    _text, site = _review(scenario, body.format(waiver=approved))
    assert [(f.code, bool(f.waived)) for f in _mine(site)] == [("REV008", True)]
    unapproved = '<!-- waive REV008 "Child M": named in the national review -->'
    _text, site = _review(scenario, body.format(waiver=unapproved))
    assert [(f.code, bool(f.waived)) for f in _mine(site)] == [("REV008", False)]


# --- jigsaw identification ------------------------------------------------------------------

RISKY = [
    "Child B, aged 7, was taken to hospital from Little Crawford on 14 March 2023.",
    "On 3rd June 2022 the seven-year-old was seen at Harbury Road Surgery.",
    "Child B was 4 years old when Mother moved to Eastwick on 2 February 2021.",
    "The police were called to the house in Oakley Green on 12/05/2022; Child B, aged 9, was present.",
    "Baby C, a 3-month-old, was admitted on 1 May 2023 after a fall at home on the Fernbank Estate.",
    "Child B, aged six, lived in a small village; on 9 July 2021 a neighbour called the police.",
    "Child B lived in a small village where the family were the only Muslim household.",
    "The family, who are Polish, lived in a hamlet outside the market town.",
    "Child B is autistic and lived on the Larkspur estate with Mother.",
    "Mother, who is deaf, had moved to a rural village two years earlier.",
    "Child B attended the village school and was the only Sikh pupil.",
    "Child B, who has cerebral palsy, lived in a remote hamlet with Mother and Sibling 1.",
    "At age 4 Child B was found alone at a bus stop in Wrenfield on 02.11.2021.",
]

SAFE = [
    "Child B is of primary school age and lived with Mother in Northshire.",
    "The review covered the period from March 2022 to February 2023.",
    "Children aged 5 to 11 were included in the audit, which reported on 14 March 2023.",
    "On 14 March 2023 the board agreed the action plan at County Hall.",
    "Child B was seen by GP Practice 1 in spring 2023 and again in the autumn.",
    "The family are of Pakistani heritage; interpreters were not always offered.",
    "Mother has a learning disability and was not offered an advocate.",
    "Child B, aged 7, was not seen alone by any professional.",
    "Practitioners in Northshire were not confident about sharing information about 16- and 17-year-olds.",
    "Child R turned 18 six weeks after the referral was declined.",
    "The board met on 14 March 2023 to agree the terms of reference for the review.",
    "School A recorded that Child B often arrived hungry, in unwashed clothes and late.",
    "The Independent Chair decided on 20 May 2026 that the review should be published.",
    "A Black British family with two children were supported by Children's Centre A.",
    "Statutory guidance (Working Together to Safeguard Children) expects reviews to be published.",
    "The police attended the family home four times after reports of arguments.",
    "Children under five should be seen by the health visitor at least every three months.",
    "Young people aged 16 or 17 can consent to their own treatment in most cases.",
    'Mother told the review: "It felt like everyone stopped at once."',
    "Child B's Christian faith mattered to them and was recorded in the care plan.",
    "The board accepted all six recommendations on 14 March 2023 in Northshire.",
    "Training was delivered to 1,350 practitioners across the county in 2024.",
    "Services for adults did not think about the children living with the patient.",
    "Child B was admitted to hospital in January 2023, aged under five.",
    "Children aged 11 to 16 in Northshire schools were surveyed on 1 October 2024.",
    "Version 2.1 of the procedure was agreed in Northshire on 3 May 2024 for children of all ages.",
]


@pytest.mark.parametrize("text", RISKY)
def test_details_that_together_single_out_a_family_warn(text):
    assert list(findings_in(Paragraph(text, 1, 1, True), AREA)), text


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_review_text_does_not_warn(text):
    assert list(findings_in(Paragraph(text, 1, 1, True), AREA)) == [], text


def test_details_in_different_paragraphs_are_not_combined():
    text = "Child B, aged 7, lived in Little Crawford.\n\nOn 14 March 2023 the police visited."
    assert list(findings_in(Paragraph(text.replace("\n\n", " "), 1, 1, True), AREA))
    assert not any(list(findings_in(Paragraph(part, 1, 1, True), AREA)) for part in text.split("\n\n"))


def test_a_risky_paragraph_warns_at_its_first_detail_and_the_build_goes_on(scenario):
    body = (
        "## Findings\n\nThe review heard from Mother.\nChild Q, aged 7, was taken to hospital from "
        "Little Crawford on 14 March 2023.\n\n## The board's response\n\nAccepted.\n"
    )
    text, site = _review(scenario, body)
    found = _mine(site)
    line, col = _line(text, "aged 7")
    assert [(f.code, f.line, f.col) for f in found] == [("REV010", line, col)]
    assert not found[0].is_error
    publish = scenario.build(LSCB_MODE="publish")
    assert [(f.code, f.is_error) for f in _mine(publish)] == [("REV010", False)]


def test_a_jigsaw_warning_can_be_waived_on_its_line(scenario):
    body = (
        "## Findings\n\n<!-- waive REV010: the family agreed; details are in the national report -->\n"
        "Child Q, a Muslim child, lived in a small village.\n\n## The board's response\n\nAccepted.\n"
    )
    _text, site = _review(scenario, body)
    assert [(f.code, bool(f.waived)) for f in _mine(site)] == [("REV010", True)]


def test_a_jigsaw_in_the_pdf_warns_at_the_line_that_links_it(scenario):
    import media

    pdf = media.make_pdf(
        (
            "Overview report\n1. Child Q lived with Mother.\n"
            "2. Child Q, aged 7, was taken to hospital from Little Crawford on\n"
            "14 March 2023 by ambulance.\n3. The board met.",
        )
    )
    scenario.write_bytes("reviews/documents/child-q-report.pdf", pdf)
    text, site = _review(scenario, Document="reviews/documents/child-q-report.pdf")
    found = _mine(site)
    assert [(f.code, f.line) for f in found] == [("REV010", _line(text, "Document:")[0])]
    assert "child-q-report.pdf page 1" in found[0].message


def test_pdf_text_is_split_into_paragraphs_by_its_layout():
    page = (
        "1. The first paragraph runs over two lines of text in the report and\n"
        "ends here.\n"
        "2. The second paragraph starts with its number.\n"
        "A short heading\n\nAfter a blank line."
    )
    assert pdf_paragraphs(page) == [
        "1. The first paragraph runs over two lines of text in the report and\nends here.",
        "2. The second paragraph starts with its number.",
        "A short heading",
        "After a blank line.",
    ]


# --- an embargoed review says when it becomes due ------------------------------------------


@pytest.mark.parametrize(
    "publish_after,due",
    [
        ("2027-01-05", "embargoed until 2027-01-05, goes live in 43 days"),
        ("2026-11-24", "embargoed until 2026-11-24, goes live tomorrow"),
    ],
)
def test_the_build_says_when_an_embargoed_review_goes_live(scenario, publish_after, due):
    _text, site = _review(scenario, Publish_after=publish_after)
    lines = [w for w in site.result.warnings if w.startswith("Not published:")]
    assert len(lines) == 1 and lines[0].endswith(f"reviews/child-q.md ({due})"), lines
    on_the_day = scenario.build(LSCB_TODAY=publish_after)
    assert not [w for w in on_the_day.result.warnings if w.startswith("Not published:")]


def test_comments_are_not_read_as_details(scenario):
    body = (
        "## Findings\n\n<!-- note: the family lived in a small village -->\n"
        "Child Q is a Muslim child.\n\n## The board's response\n\nAccepted.\n"
    )
    _text, site = _review(scenario, body)
    assert _mine(site) == []


def test_every_message_is_short_and_every_hint_one_line(scenario):
    import media

    scenario.write_bytes(
        "reviews/documents/a-very-long-overview-report-file-name-for-child-q.pdf",
        media.make_pdf(("Child K, aged 7, moved to Little Crawford on 14 March 2023.",)),
    )
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            "## Findings\n\nChild M, aged 7, moved to Little Crawford on 14 March 2023.\n\n## The board's response\n",
            Criminal_proceedings="still going on at the crown court",
            Publication_decision=None,
            Decision_date="2027-12-31",
            Decision_by=None,
            Sibling_risk_assessed="not yet, waiting for a report",
            Review_type="local child safeguarding practice review",
            Publish_after="around the end of 2027",
            Document="reviews/documents/a-very-long-overview-report-file-name-for-child-q.pdf",
            Reviewing_officer_for_the_publication_decision="Someone",
        ),
    )
    site = scenario.build()
    found = [f for f in site.result.findings if f.code in MINE or f.code.startswith("META")]
    assert {"META001", "META003", "REV001", "REV004", "REV005", "REV006", "REV008", "REV009", "REV010"} <= {
        f.code for f in found
    }, site.messages()
    for finding in found:
        assert len(finding.message) < 80, finding.message
        assert finding.hint and "\n" not in finding.hint and len(finding.hint) < 100, finding.hint


@pytest.mark.parametrize("written", ["Publication decision", "publication_decision", "Publication-Decision"])
def test_a_misspelt_record_field_is_one_meta001_not_a_cascade(scenario, written):
    text = review_markdown().replace("Publication_decision:", f"{written}:")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    codes = [f.code for f in site.result.findings if f.code in MINE or f.code.startswith("META")]
    assert codes == ["META001"], site.messages()
    assert not site.exists("reviews/child-q/index.html")
