"""Street addresses (PII003), dates of birth (PII004) and named settings
(PII010) written in the shapes real reports use: any case, "No.27", kinds of
school joined by "and", a school's hashtag, "birth on", "14-Mar-2017". Real
builds: each shape stops the build at its line and names what it found; the
ordinary phrases in the same shapes stay quiet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import guidance_markdown, review_markdown  # noqa: E402


def pii(site) -> list:
    return [f for f in site.result.findings if f.code.startswith("PII") and not f.waived]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    "sentence, code, term",
    [
        ("The family lived at 27 Marlpit lane for a year.", "PII003", "27 Marlpit lane"),
        ("The family lived at 27 marlpit Lane for a year.", "PII003", "27 marlpit Lane"),
        ("The family lived at No.27 Marlpit Lane for a year.", "PII003", "No.27 Marlpit Lane"),
        ("The family lived at Number 27 Marlpit Lane for a year.", "PII003", "Number 27 Marlpit Lane"),
        ("The family lived at NO.27 MARLPIT LANE for a year.", "PII003", "NO.27 MARLPIT LANE"),
        ("Letters to Flat 2/27 Marlpit Lane were returned.", "PII003", "Flat 2/27 Marlpit Lane"),
        ("The family lived at 27 Marlpit, Northshire, for a year.", "PII003", "27 Marlpit"),
        ("THE FAMILY MOVED TO 4 HOLLINS BROOK IN MARCH.", "PII003", "4 HOLLINS BROOK"),
        ("The family moved back to 27 marlpit in 2022.", "PII003", "27 marlpit"),
        ("Police attended 27 Marlpit after a 999 call from a neighbour.", "PII003", "27 Marlpit"),
        ("The family were evicted from 27 Marlpit in May 2021.", "PII003", "27 Marlpit"),
        ("27 Marlpit was searched on 3 May and drugs were found.", "PII003", "27 Marlpit"),
        # A street named "The ..." after a house number; a house's name after
        # a word of living somewhere.
        ("The family lived at 27 The Maltings, Northshire, for a year.", "PII003", "27 The Maltings"),
        ("Police attended 4 The Green after a 999 call from a neighbour.", "PII003", "4 The Green"),
        ("27 The Maltings was searched on 3 May.", "PII003", "27 The Maltings"),
        ("The family lived at Marlpit Farm, Northshire, for a year.", "PII003", "Marlpit Farm"),
        ("Mother moved to Rose Cottage in May 2021.", "PII003", "Rose Cottage"),
        ("The family returned home to The Old Mill in June.", "PII003", "The Old Mill"),
        ("THE FAMILY MOVED INTO MARLPIT FARM IN MAY.", "PII003", "MARLPIT FARM"),
        ("the family lived at marlpit farm for a year.", "PII003", "marlpit farm"),
        ("Child Q started at BRACKENFOLD PRIMARY SCHOOL in Year 1.", "PII010", "BRACKENFOLD PRIMARY SCHOOL"),
        ("Child Q started at Brackenfold primary school in Year 1.", "PII010", "Brackenfold primary school"),
        ("Child Q started at Brackenfold primary School in Year 1.", "PII010", "Brackenfold primary School"),
        (
            "Child Q started at Brackenfold Junior and Infant School in Year 1.",
            "PII010",
            "Brackenfold Junior and Infant School",
        ),
        (
            "Child Q started at Brackenfold Infant & Nursery School in Year 1.",
            "PII010",
            "Brackenfold Infant & Nursery School",
        ),
        (
            "Child Q started at brackenfold junior and infant school in Year 1.",
            "PII010",
            "brackenfold junior and infant school",
        ),
        ("The school posted on #BrackenfoldPrimary about the trip.", "PII010", "Brackenfold Primary"),
        ("The school posted as @BrackenfoldPS about the trip.", "PII010", "Brackenfold PS"),
        ("The school posted as @brackenfold_primary about the trip.", "PII010", "brackenfold primary"),
        ("Child Q's birth on 14 March 2017 was two weeks early.", "PII004", "14 March 2017"),
        ("The birth of Sibling 1 on 4 May 2016 was at home.", "PII004", "4 May 2016"),
        ("Child Q (born 14-Mar-2017) lived with Mother.", "PII004", "14-Mar-2017"),
        ("Child Q (born 14.mar.17) lived with Mother.", "PII004", "14.mar.17"),
        ("Child Q (d.o.b. 2017/03/14) lived with Mother.", "PII004", "2017/03/14"),
        ("CHILD Q WAS BORN ON 14TH MARCH 2017.", "PII004", "14TH MARCH 2017"),
    ],
)
def test_each_written_form_stops_the_build_at_its_line(scenario, sentence, code, term):
    text = review_markdown(f"## Findings\n\n{sentence}\n")
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    assert [(f.code, f.line, f.term) for f in pii(site)] == [(code, line_of(text, sentence), term)]
    for f in pii(site):
        assert term not in f.message and len(f.message) < 80 and f.hint


@pytest.mark.parametrize(
    "sentence",
    [
        # Streets: everyday words after a number, in any case.
        "Referrals were answered within 2 Working days, not a 2 Way street.",
        "The 3 Main roads were busy; the school was a 10 Minute walk away.",
        "NUMBER 3 MAIN RECOMMENDATION WAS A 2 WAY STREET.",
        # A number after "lived at" or "moved to" that is not a house.
        "The family lived at 3 Different addresses and moved to 2 Schools in a year.",
        "THEY MOVED TO 2 BEDROOMS, THEN LIVED AT 27 FOR A YEAR; SHE MOVED TO 14.",
        "Child R lived in 14 placements in 3 years: 4 HMOs, 2 PRUs, 2 Airbnbs and 2 Travelodges.",
        "STAFF FROM 3 NORTHSHIRE AGENCIES MET AT 2 BRACKENFOLD SITES; they moved to 2 schools.",
        "He lived in 3 foster homes, 2 residential homes and 1 SIL.",
        "Child Q returned home at 3 months; she moved to Year 7 and then to 6th form.",
        "Child Q was moved to 3 Tier 4 units and stayed in 2 NHS wards, then went home.",
        "The family were housed in 2 B&Bs and then a hostel; Mother moved to 2 GPs in the year.",
        # "The" and a name after a number with no word of living somewhere; a
        # house described, not named.
        "The summer fair was held at 4 The Green, by the church; at 10 The Chair opened the meeting.",
        "Mother moved to a new house and later into the farm house; Child Q stayed at Nan's House.",
        "THE FAMILY MOVED INTO A NEW HOUSE, THEN TO ROSE COTTAGE IN MAY.",
        "The team moved to Westmarch House in 2021; the MASH moved to County Hall.",
        # Schools: kinds of setting described, in any case.
        "It was a two-form entry primary school; her sister went to a one-form entry primary school.",
        "A TWO-FORM ENTRY PRIMARY SCHOOL AND A ONE-FORM ENTRY PRIMARY SCHOOL.",
        "THE PRIMARY SCHOOL AND HER SECONDARY SCHOOL DID NOT SHARE WHAT THEY KNEW.",
        "Attending primary school was hard; attending nursery and primary school was harder.",
        "CHILD Q'S PRIMARY SCHOOL DID NOT KNOW. MOTHER AND SCHOOL STAFF MET.",
        "The school posted on #BackToSchool, #ForestSchool and #SummerSchool; @NorthshireSCP shared it.",
        # Dates: "birth" before another noun, a date that is an event.
        "Birth mother attended the meeting on 14 March 2017.",
        "The birth plan was discussed with Mother on 14 March 2017 at the clinic.",
        "From birth, Child Q was known to the health visitor, who visited on 14 March 2017.",
        "THE STRATEGY MEETING ON 14 MARCH 2023 WAS CANCELLED; THE NEXT ON 02-APR-2023 WAS NOT.",
    ],
)
def test_ordinary_phrases_in_the_same_shapes_stay_quiet(scenario, sentence):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{sentence}\n"))
    site = scenario.build()
    assert pii(site) == [], site.messages()


def test_homes_in_a_column_headed_as_addresses_are_refused_and_other_cells_are_not(scenario):
    table = (
        "| Person | Lives at | Visits |\n| --- | --- | --- |\n"
        "| Mother | 27 Marlpit | 3 home visits |\n"
        "| Sibling 1 | 27 The Maltings, Northshire | 2 |\n"
        "| Sibling 2 | Marlpit Farm | 4 |\n"
        "| Sibling 3 | Temporary accommodation | 27 Marlpit |\n"
        "| Sibling 4 | 2 bed flat, then a refuge | 1 |\n"
    )
    text = review_markdown(
        f"## Findings\n\n{table}\n| Household | Home address |\n| --- | --- |\n"
        "| Father | 4 The Green |\n| Grandmother | Northshire |\n"
    )
    scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    assert sorted((f.line, f.term) for f in pii(site)) == [
        (line_of(text, "| Mother |"), "27 Marlpit"),
        (line_of(text, "| Sibling 1 |"), "27 The Maltings"),
        (line_of(text, "| Sibling 2 |"), "Marlpit Farm"),
        (line_of(text, "| Father |"), "4 The Green"),
    ]


def test_a_school_in_capitals_on_a_guidance_page_is_refused_by_the_last_look(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write(
        "guidance/sharing-information.md",
        guidance_markdown(
            "Sharing information", body="When a pupil left BRACKENFOLD PRIMARY SCHOOL, nothing was passed on."
        ),
    )
    site = scenario.build()
    assert not site.ok
    hits = [f for f in site.result.findings if f.code == "PII010" and not f.waived]
    assert any(f.path.endswith("guidance/sharing-information.md") for f in hits), site.messages()


def test_a_house_name_on_a_guidance_page_is_refused_by_the_last_look_and_an_office_is_not(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write(
        "guidance/moving-home.md",
        guidance_markdown("Moving home", body="A family who lived at Marlpit Farm were not visited for a year."),
    )
    scenario.write(
        "guidance/our-office.md",
        guidance_markdown(
            "Our office", body="The team moved to Westmarch House in 2021. The summer fair is at 4 The Green."
        ),
    )
    site = scenario.build()
    assert not site.ok
    hits = [f for f in site.result.findings if f.code == "PII003" and not f.waived]
    assert [f.path.rsplit("/", 1)[-1] for f in hits] == ["moving-home.md"], site.messages()
