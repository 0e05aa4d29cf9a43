"""REV013 on real builds: a `Pseudonyms` entry that is, or holds, a
person's name is refused whatever its case, hyphens, initials or full
stops, and so are two one-word entries the review writes side by side as a
name; labels, roles and single invented forenames stay quiet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import review_markdown  # noqa: E402

LABELS = "Child Q, Mother, Sibling 1"
RESPONSE = "## Recommendations\n\n1. Share information sooner.\n\n## The board's response\n\nThe board accepted it.\n"


def body(findings: str) -> str:
    return f"## Findings\n\n{findings}\n\n{RESPONSE}"


def rev013(site) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in site.result.findings if f.code == "REV013" and not f.waived]


@pytest.mark.parametrize(
    "declared",
    [
        "zebedee quinlan",
        "ZEBEDEE QUINLAN",
        "Zebedee-Quinlan",
        "Z. Quinlan",
        "Z.Quinlan",
        "z quinlan",
        "mrs. quinlan",
        "Baby Quinlan",
        "Zeb Quinlan",
        "Quinlan",
        "QUINLAN family",
        "Jessica Marlow",
    ],
)
def test_a_declared_name_is_refused_in_any_case_or_form(scenario, declared):
    path = scenario.write(
        "reviews/child-q.md",
        review_markdown(body(f"Agencies worked with {declared} and Child Q."), Pseudonyms=f"{LABELS}, {declared}"),
    )
    site = scenario.build(LSCB_MODE="publish")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = rev013(site)
    assert [lines[line - 1].split(":")[0] for line, _message in found] == ["Pseudonyms"], site.messages()
    assert "entry 4" in found[0][1] and "uinlan" not in found[0][1] and "arlow" not in found[0][1]
    assert not site.ok


def test_two_entries_written_side_by_side_as_a_name_are_refused(scenario):
    path = scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body("Zebedee Quinlan told the teacher. Later, ruby hale did too."),
            Pseudonyms=f"{LABELS},\n    Zebedee, Ruby,\n    Hale, Quinlan",
        ),
    )
    site = scenario.build(LSCB_MODE="publish")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = rev013(site)
    # "Quinlan" alone is a family name; "Ruby" and "Hale" are written as one name.
    assert sorted((lines[line - 1].strip(), message) for line, message in found) == [
        ("Hale, Quinlan", "Pseudonyms entries 5 and 6 are written as a name"),
        ("Hale, Quinlan", "Pseudonyms entry 7 holds a family name"),
    ], site.messages()
    assert not site.ok


def test_labels_roles_and_single_forenames_are_quiet_even_side_by_side_with_roles(scenario):
    declared = (
        "Child Q, Mother, Sibling 1, Sam, Ellie, Siobhán, Zoë, Baby C, Young Person A, GP Practice 12, "
        "Mother's Partner, Maternal Grandmother, Foster Carer 1, Health visitor, Adult Male B, "
        "Children's Centre A, Nursery H22, Mothers, Fathers"
    )
    text = (
        "Sam's Mother and Ellie's Foster Carer 1 met Baby C at Nursery H22. Siobhán, Zoë and Sam "
        "went to Children's Centre A with Mother. Sam Mother was not a phrase anyone used."
    )
    scenario.write("reviews/child-q.md", review_markdown(body(text), Pseudonyms=declared))
    site = scenario.build(LSCB_MODE="publish")
    assert rev013(site) == [], site.messages()
    assert site.ok, site.messages()


def test_an_approved_waiver_accepts_an_invented_full_name(scenario):
    text = body("Sam Holt and Child Q were friends.")
    scenario.write("reviews/child-q.md", review_markdown(text, Pseudonyms=f"{LABELS}, Sam Holt"))
    site = scenario.build(LSCB_MODE="publish")
    assert [message for _line, message in rev013(site)] == ["Pseudonyms entry 4 has the shape of a full name"]
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            text,
            Pseudonyms=f"{LABELS}, Sam Holt",
            Waive='REV013 "Sam Holt" in Pseudonyms: invented; approved by Head of Safeguarding',
        ),
    )
    site = scenario.build(LSCB_MODE="publish")
    assert rev013(site) == [], site.messages()
    assert site.ok, site.messages()
