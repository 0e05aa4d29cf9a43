"""The redaction checks without a register (PII001-PII010), on real builds:
what they find, where they say it is, how they print it, and what they
leave alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import media  # noqa: E402

from conftest import review_markdown  # noqa: E402

PII = ("PII",)


def pii(site) -> list:
    return sorted(
        (f for f in site.result.findings if f.code.startswith(PII)), key=lambda f: (f.path, f.line, f.col, f.code)
    )


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


LEAKS = {
    "PII001": "Mother's partner, Kyle Brennan, had a history of violence.",
    "PII002": "The family moved to a flat near NS1 4AB in the spring.",
    "PII003": "Police attended 14 Acacia Avenue four times in a year.",
    "PII004": "Child Q was born on 3 May 2015 at the local hospital.",
    "PII005": "Mother could be reached on 07700 900456 most evenings.",
    "PII006": "Mother emailed the school from kb1985@example.com on Monday.",
    "PII007": "The discharge letter quoted the NHS number 943 476 5919.",
    "PII008": "Mother's National Insurance number, AB 12 34 56 C, was on the form.",
    "PII009": "Police stopped the car, registration AB51 CDE, on the motorway.",
    "PII010": "Child Q attended Oakfield Primary School until Year 4.",
}
DETECTED = {
    "PII001": "Kyle Brennan",
    "PII002": "NS1 4AB",
    "PII003": "14 Acacia Avenue",
    "PII004": "3 May 2015",
    "PII005": "07700 900456",
    "PII006": "kb1985@example.com",
    "PII007": "943 476 5919",
    "PII008": "AB 12 34 56 C",
    "PII009": "AB51 CDE",
    "PII010": "Oakfield Primary School",
}


def leaky_review() -> str:
    body = (
        "## Findings\n\n"
        + "\n\n".join(LEAKS.values())
        + (
            "\n\n## Recommendations\n\n1. Share information sooner.\n\n"
            "## The board's response\n\nThe board accepted the recommendation.\n"
        )
    )
    return review_markdown(body, Pseudonyms="Child Q, Mother, Mother's partner, Sibling 1")


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"], ids=["draft", "publish"])
def test_every_identifier_stops_the_build_where_it_is(scenario, settings):
    from conftest import build_site

    text = leaky_review()
    path = scenario.write("reviews/child-q.md", text)
    site = build_site(scenario.content, scenario.output, settings=settings)

    assert not site.ok
    found = {f.code: f for f in pii(site)}
    assert sorted(found) == sorted(LEAKS)
    for code, finding in found.items():
        assert Path(finding.path).resolve() == path.resolve()
        line = line_of(text, LEAKS[code])
        assert finding.line == line, (code, finding)
        column = text.splitlines()[line - 1].index(DETECTED[code]) + 1
        assert finding.col == column, (code, finding)
        assert finding.is_error, f"{code} must be an error in {settings}"
        assert finding.term.replace("\n", " ") == DETECTED[code]
        assert len(finding.message) < 80 and finding.hint


def test_messages_never_print_the_identifier(scenario):
    scenario.write("reviews/child-q.md", leaky_review())
    site = scenario.build()
    printed = site.messages()
    for code, detected in DETECTED.items():
        assert detected not in printed, code
    assert "K*** B******" in printed
    assert "N** 4**" in printed


def test_name_across_a_line_break_possessive_and_diacritics(scenario):
    body = (
        "## Findings\n\nThe health visitor spoke to Anne-Marie\nSmith-Jones's sister.\n\n"
        "Zoë Brontë was the class teacher.\n"
    )
    text = review_markdown(body)
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    names = [(f.line, f.term) for f in pii(site)]
    assert names == [(line_of(text, "Anne-Marie"), "Anne-Marie Smith-Jones"), (line_of(text, "Zoë"), "Zoë Brontë")]


def test_header_fields_are_read_one_at_a_time(scenario):
    """The last pseudonym of one field and the next field's name are not one
    name; a name split over a field's continuation line still is."""
    text = review_markdown(
        Pseudonyms="Child Q, Mother, Dawn", Summary="A review of how agencies worked with Kyle\n    Brennan's children."
    )
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert "Dawn\nPublication_decision: publish\n" in text
    assert [(f.code, f.line, f.term) for f in pii(site)] == [("PII001", line_of(text, "Summary:"), "Kyle Brennan")]


@pytest.mark.parametrize(
    "sentence",
    [
        "May professionals share information without consent? Yes, when a child is at risk.",
        "Will the changes last? The board will check through audit.",
        "Mark each concern on the chronology as it arrives.",
        "Grace periods for rent arrears were discussed with housing.",
        "Police Scotland and Northshire Police both knew the family.",
        "Mother's partner stayed in the household for long periods.",
        "Sarah's Law and Clare's Law disclosures were not considered.",
        "The Quality Assurance Subgroup will monitor progress.",
        "Child Q attended School A and was registered with GP Practice 1.",
        "The primary school and the Catholic secondary school did not share files.",
        "A strategy meeting on 14 March 2023 agreed that Sibling 1 was safe.",
        "Adults can call the NSPCC Helpline on 0808 800 5000; children can call Childline on 0800 1111.",
        "Section 47 of the Children Act 1989 was used twice.",
        # Services and places named after people, without the allowlist.
        "The Marie Curie nurse was not involved, and Sue Ryder services were not either.",
        "Staff at the Florence Nightingale Wing treated Mother.",
        "Mother attended 2 Family Court hearings; Father had 3 Crown Court appearances.",
        "Father, born in Leeds, moved to Northshire on 3 May 2015.",
        "The NATO summit on 14.03.2015 was in the news.",
        "The Timpson Review of School Exclusion (2019) and the Head of School both warned of this.",
    ],
)
def test_ordinary_review_text_stays_quiet(scenario, sentence):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{sentence}\n"))
    assert pii(scenario.build()) == []


@pytest.mark.parametrize(
    "block, date",
    [
        (
            "| Person | Relationship to Child Q | Date of birth | Sex |\n| --- | --- | --- | --- |\n"
            "| Mother | Mother of Child Q and of Sibling 1 | 03/05/1989 | F |",
            "03/05/1989",
        ),
        (
            "| Family member | Relationship | Household member | Born |\n| --- | --- | --- | --- |\n"
            "| Sibling 1 | Older brother or sister | Yes | 4 September 2012 |",
            "4 September 2012",
        ),
        ("| Who | Relationship | Age |\n| --- | --- | --- |\n| Sibling 1 | Older sister | 04.09.2012 |", "04.09.2012"),
        (
            "| Child Q | 14.03.2017 | M | subject |\n| --- | --- | --- | --- |\n| Mother | 31 | F | mother |",
            "14.03.2017",
        ),
        ("| Person | Date | Sex |\n| --- | --- | --- |\n| Mother | 3 May 1989 | F |", "3 May 1989"),
        ("Who is who:\n\n- Child Q (M), the subject of the review\n- Mother (F) 03/05/1989", "03/05/1989"),
        ("- Sibling 1 – 04/09/2012", "04/09/2012"),
        ("Name Relationship DOB Sex\nChild Q Subject 14/03/2017 M", "14/03/2017"),
        (
            "| Date | Event |\n| --- | --- |\n| 2 April 2019 | Mother seen by the midwife |\n"
            "| 4 May 2019 | Sibling 1 born |",
            "4 May 2019",
        ),
        ("Name and DOB\nnothing on this line\nThe older one, 14 March 2017", "14 March 2017"),
    ],
    ids=[
        "dob-column",
        "born-column",
        "age-column",
        "first-row",
        "date-column",
        "list-with-sex",
        "list-of-dates",
        "pdf-like-rows",
        "chronology-birth",
        "under-a-heading",
    ],
)
def test_a_date_of_birth_is_found_by_the_structure_it_stands_in(scenario, block, date):
    text = review_markdown(f"## Findings\n\n{block}\n")
    scenario.write("reviews/child-q.md", text)
    found = [(f.code, f.line, f.term) for f in pii(scenario.build())]
    assert found == [("PII004", line_of(text, date), date)]


@pytest.mark.parametrize(
    "block",
    [
        "| Person | Relationship | Age | Sex |\n| --- | --- | --- | --- |\n| Child Q | Subject | 9 | M |\n"
        "| Mother | Mother | 31 | F |\n| Father | Father | N/K | M |",
        "| Date | Event | Agency |\n| --- | --- | --- |\n| 14 March 2023 | Mother took Child Q to the GP | GP |\n"
        "| 2 May 2023 | Birth mother seen at home | Health |",
        "| Month 3 | 14 March 2023 | Strategy meeting |\n| --- | --- | --- |\n| Month 4 | 2 April 2023 | Visit |",
        "- 14 March 2023: Mother took Child Q to the GP\n- 2 April 2023: strategy meeting",
        "14/03/2023 Mother called the duty team\n02/04/2023 Child Q (M) seen at school",
        "- Mother: 14 March 2023 GP appointment, not attended",
        "Mother phoned the GP on 14 March 2023 about Child Q.\n\nChild Q (M) was seen on 3 May 2023.",
        "Mother, on 14 March 2023, told the health visitor (F) she was worried.",
        # A blank line ends what a heading of births stands over.
        "Name and DOB\nnothing on this line\n\nThe older one, 14 March 2017",
    ],
    ids=[
        "family-ages",
        "chronology-table",
        "month-rows",
        "chronology-list",
        "pdf-chronology",
        "person-then-event",
        "prose",
        "prose-with-sex",
        "after-a-heading-and-a-blank-line",
    ],
)
def test_family_tables_with_ages_and_chronologies_stay_quiet(scenario, block):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{block}\n"))
    assert pii(scenario.build()) == []


def test_attachments_are_read_and_named_in_the_message(scenario):
    report = media.make_pdf(
        ("Overview report\nChild Q lived with Mother.", "Chronology\nMother's partner Kyle Brennan moved in."),
        info={"/Subject": "Notes on Child Q, NS1 4AB"},
    )
    scenario.write_bytes("reviews/documents/child-q-report.pdf", report)
    scenario.write_bytes(
        "reviews/images/Jane_Smith_drawing.png",
        media.make_png(text_chunks={"Description": "Drawn at 14 Acacia Avenue"}),
    )
    scenario.write_bytes("reviews/documents/Zoe-Bronte-summary.pdf", media.make_pdf(("Summary",)))
    body = (
        "## Findings\n\nThe [overview report](documents/child-q-report.pdf) has the detail.\n\n"
        "![A drawing of a house by Child Q](images/Jane_Smith_drawing.png)\n"
    )
    text = review_markdown(body, Document="reviews/documents/Zoe-Bronte-summary.pdf")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()

    found = {(f.code, f.line, f.col, f.message) for f in pii(site)}
    report_line = line_of(text, "child-q-report.pdf")
    image_line = line_of(text, "Jane_Smith_drawing.png")
    document_line = line_of(text, "Zoe-Bronte")
    assert ("PII001", report_line, 1, "full name K*** B****** in child-q-report.pdf page 2") in found
    assert ("PII002", report_line, 1, "postcode N** 4** in child-q-report.pdf metadata /Subject") in found
    # In the link to the file (once, at its column), and in the Document field's file name.
    image_col = text.splitlines()[image_line - 1].index("Jane_Smith") + 1
    assert ("PII001", image_line, image_col, "full name J*** S****") in found
    # A review's file named after someone is named masked (lscb_core.quote.mask_path).
    assert ("PII001", document_line, 1, "full name Z** B***** in Z**-B*****-summary.pdf file name") in found
    assert any(
        code == "PII003" and line == image_line and "J***_S****_drawing.png metadata" in message
        for code, line, _col, message in found
    )
    assert len([f for f in pii(site) if f.code == "PII001"]) == 3


@pytest.mark.parametrize(
    "fields",
    [
        {"Status": "draft"},
        {"Criminal_proceedings": "ongoing"},
        {"Publication_decision": "withhold"},
    ],
    ids=["draft", "proceedings-ongoing", "withheld"],
)
def test_reviews_kept_out_of_the_site_are_still_checked(scenario, fields):
    body = "## Findings\n\nKyle Brennan lived at 14 Acacia Avenue.\n"
    scenario.write("reviews/child-q.md", review_markdown(body, **fields))
    site = scenario.build()
    assert {f.code for f in pii(site)} == {"PII001", "PII003"}


def test_only_reviews_are_scanned(scenario):
    scenario.write(
        "guidance/contacts.md",
        (
            "Title: Who to contact\nDate: 2026-01-10\nSummary: Contacts.\n\n"
            "The designated officer, Kyle Brennan, is on 07700 900456.\n"
        ),
    )
    site = scenario.build()
    assert pii(site) == []


def test_declared_pseudonyms_are_not_names(scenario):
    body = "## Findings\n\nRuby Hale told the teacher about home. Kyle Brennan did not.\n"
    scenario.write("reviews/child-q.md", review_markdown(body, Pseudonyms="Child Q, Ruby Hale, Mother"))
    site = scenario.build()
    assert [f.term for f in pii(site)] == ["Kyle Brennan"]


def test_the_boards_own_details_from_settings_are_not_identifiers(scenario):
    body = (
        "## Findings\n\nWrite to the board at Unit 4, 9 Harbour Road, Porthaven PV3 8QT, "
        "email safeguarding@porthaven.example or call 07700 900999.\n\n"
        "Families can also call 07700 900111.\n"
    )
    scenario.write("reviews/child-q.md", review_markdown(body))
    site = scenario.build(
        BOARD_ADDRESS="Porthaven Safeguarding Partnership, Unit 4, 9 Harbour Road, Porthaven PV3 8QT",
        BOARD_EMAIL="safeguarding@porthaven.example",
        CONCERN_CONTACTS=[{"label": "Front door", "when": "Any time", "number": "07700 900 999"}],
    )
    assert [(f.code, f.term) for f in pii(site)] == [("PII005", "07700 900111")]


def test_the_boards_shared_mailboxes_are_its_own_and_a_persons_address_there_is_not(scenario):
    body = (
        "## Findings\n\nTraining is booked through training@porthaven.example or "
        "lscb-events@porthaven.example, and questions go to safeguarding.training at porthaven dot example.\n\n"
        "The reviewer wrote to jane.smith@porthaven.example and to hquennell@porthaven.example, "
        "and to training@porthaven-council.example.\n"
    )
    scenario.write("reviews/child-q.md", review_markdown(body))
    site = scenario.build(BOARD_EMAIL="safeguarding@porthaven.example")
    assert [(f.code, f.term) for f in pii(site)] == [
        ("PII006", "jane.smith@porthaven.example"),
        ("PII006", "hquennell@porthaven.example"),
        ("PII006", "training@porthaven-council.example"),
    ]


@pytest.mark.parametrize(
    "sentence, reported",
    [
        ("Children born between 1 September 2014 and 31 August 2015 moved to secondary school.", []),
        ("The cohort was born from 1 September 2014 to 31 August 2015.", []),
        ("Child Q was born between 3 March 2015 and 5 March 2015, the records disagree.", ["3 March 2015"]),
        ("Child Q was born on 3 March 2015 and Sibling 1 on 31 August 2016.", ["3 March 2015"]),
        ("The twins were born on 3 March 2015 and 31 August 2016 was Sibling 1's birthday.", ["3 March 2015"]),
        ("Children born 1 September 2014 \u2013 31 August 2015 were in the class.", []),
    ],
)
def test_a_range_of_birth_dates_a_month_long_is_a_cohort_not_a_date_of_birth(scenario, sentence, reported):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{sentence}\n"))
    assert [f.term for f in pii(scenario.build()) if f.code == "PII004"] == reported


def test_an_approved_line_waiver_quoting_the_text_waives_it(scenario):
    waiver = '<!-- waive PII001 "Kyle Brennan": named in a national review; approved by Head of Safeguarding -->'
    body = (
        "## Findings\n\nAs the national review of Kyle Brennan's death showed, information was not shared. "
        f"{waiver}\n\n## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    text = review_markdown(body)
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not [code for code in site.codes() if code.startswith(("PII", "WAIV"))], site.messages()
    # The waiver's own quote is not published, so only the text is reported, waived.
    assert [(f.code, f.line, bool(f.waived)) for f in pii(site)] == [
        ("PII001", line_of(text, "national review of"), True)
    ]


def test_a_line_waiver_without_quote_and_approval_cannot_waive_a_name(scenario):
    body = "## Findings\n\nKyle Brennan moved in. <!-- waive PII001: he is an adult -->\n"
    scenario.write("reviews/child-q.md", review_markdown(body))
    site = scenario.build()
    assert not site.ok
    assert "PII001" in site.codes() and "WAIV004" in site.codes()


@pytest.mark.parametrize(
    "between,reported",
    [
        ("", True),  # "2. Child Q, date of birth:" then "3. 14 March 2017"
        ("<span></span>\n\n", True),  # an empty paragraph: one more number between
        ("The record was checked.\n\n", False),  # a sentence of its own between
    ],
    ids=["next-paragraph", "after-an-empty-paragraph", "after-a-sentence"],
)
def test_a_date_of_birth_in_the_numbered_paragraph_after_its_label(scenario, between, reported):
    """Guidance numbers its paragraphs, and each number ends with a full
    stop: read as a sentence's end, it hid the date of the paragraph after
    "Child Q, date of birth:", which was published. A reader reads past it."""
    from conftest import guidance_markdown

    text = guidance_markdown(
        "A record", body=f"The record was shared.\n\nChild Q, date of birth:\n\n{between}14 March 2017\n"
    )
    scenario.write("guidance/a-record.md", text)
    site = scenario.build()
    found = [(f.code, f.line, f.term) for f in pii(site)]
    if reported:
        assert found == [("PII004", line_of(text, "14 March 2017"), "14 March 2017")], found
        assert not site.ok
    else:
        assert found == [] and site.ok, site.messages()
