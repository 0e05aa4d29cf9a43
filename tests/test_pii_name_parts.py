"""A forename alone (PII011) and a family's surname alone (PII012) in case
reviews, on real builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import media  # noqa: E402

from conftest import guidance_markdown, review_markdown  # noqa: E402

RESPONSE = "## Recommendations\n\n1. Share information sooner.\n\n## The board's response\n\nThe board accepted it.\n"


def terms(site, *codes: str) -> list[str]:
    return [f.term for f in site.result.findings if f.code in codes]


def build(scenario, text: str, **fields):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{text}\n\n{RESPONSE}", **fields))
    return scenario.build()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zebedee was not seen alone.", ["Zebedee"]),
        ("The nurse told Perpetua about the clinic.", ["Perpetua"]),
        ("Mother, Hope and Sibling 1 moved in March.", ["Hope"]),
        ("Hope's nursery noticed the bruises.", ["Hope"]),
        ("Will said that he was frightened.", ["Will"]),
        ("Will the board make sure this happens? There is hope.", []),
        ("May professionals share information? Yes, in May 2024.", []),
        ("The family moved to Preston, then to Chester.", []),
        ("Chester told the teacher what had happened.", ["Chester"]),
        ("## How Agencies Helped Zebedee", []),
        ("The Fraser guidelines and Clare's Law were not considered.", []),
        ("Queen Victoria, St Mary and Grace Academy are places.", []),
        ("Zebedee Quinlan was not seen alone.", []),  # a full name: PII001
    ],
)
def test_a_forename_alone_needs_evidence_only_when_it_is_an_ordinary_word(scenario, text, expected):
    assert terms(build(scenario, text), "PII011") == expected


def test_a_forename_written_in_lower_case_in_a_file_name_is_still_a_name(scenario):
    scenario.write_bytes("reviews/documents/will-report.pdf", media.make_pdf(["Overview report"]))
    site = build(scenario, "Read [the report (PDF)]({static}documents/will-report.pdf).\n\nWill cried at school.")
    assert terms(site, "PII011") == ["Will"]
    site = build(scenario, "We will meet again.\n\nWill cried at school.")
    assert terms(site, "PII011") == ["Will"]  # "cried": a verb of a person


def test_an_ordinary_word_written_in_lower_case_elsewhere_needs_evidence(scenario):
    # "Summer" the child (a declared pseudonym would be the fix) reads as the season.
    site = build(scenario, "In the summer the family moved.\n\nSummer was four years old.")
    assert terms(site, "PII011") == []


def test_a_declared_pseudonym_is_not_reported_alone_or_as_a_word_of_one(scenario):
    site = build(scenario, "Sophie lived with Ava and Mother.", Pseudonyms="Sophie, Baby Ava, Child Q, Mother")
    assert terms(site, "PII011") == []


def test_a_forename_in_the_title_or_summary_of_a_review_is_reported_there(scenario):
    site = build(
        scenario,
        "Professionals did not share what they knew.",
        Title="Zebedee: local child safeguarding practice review",
        Summary="How agencies helped Perpetua and shared information.",
    )
    found = [(f.line, f.term) for f in site.result.findings if f.code == "PII011"]
    assert found == [(1, "Zebedee"), (12, "Perpetua")]


def test_forenames_alone_are_not_reported_outside_reviews(scenario):
    scenario.write("guidance/referrals.md", guidance_markdown(body="Ask Perpetua at the front desk."))
    site = scenario.build(LSCB_MODE="publish")
    assert terms(site, "PII011") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police had visited the Quinlan family twice.", ["Quinlan"]),
        ("The Quinlan household was known to the school.", ["Quinlan"]),
        ("The Polish family next door helped.", []),
        ("The Northshire family hubs were open.", []),
        ("The W family, Family W in the chronology, moved.", []),
    ],
)
def test_a_family_surname_alone_is_reported(scenario, text, expected):
    assert terms(build(scenario, text, Pseudonyms="Child Q, Mother, Family W"), "PII012") == expected
