"""A review's credits (`Credits`), the board's public people (allowlist
entries with a role), and how the name checks accept them, on real builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import media  # noqa: E402

from conftest import review_markdown  # noqa: E402
from lscb_reviews.credits import parse  # noqa: E402

CREDITS = (
    "Dr Tobias Arkwright MBChB FRCPCH (independent author); "
    "Ruth Ashby BA (Hons) MSc (board chair); Daniel Okonjo (business manager)"
)
RESPONSE = "## Recommendations\n\n1. Share information sooner.\n\n## The board's response\n\nThe board accepted it.\n"


def body(findings: str) -> str:
    return f"## Findings\n\n{findings}\n\n{RESPONSE}"


def found(site, *codes: str) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.term) for f in site.result.findings if f.code in codes]


@pytest.mark.parametrize(
    ("value", "people", "roles"),
    [
        ("Dr Tobias Arkwright MBChB FRCPCH DCH (lead reviewer)", [("Tobias", "Arkwright")], ["lead reviewer"]),
        ("Ruth Ashby BA (Hons) MSc (independent author);", [("Ruth", "Ashby")], ["independent author"]),
        (
            "Anne-Marie Smith-Jones OBE QPM (chair); Josh MacAlister (scrutineer, Northshire (East))",
            [("Anne-Marie", "Smith-Jones"), ("Josh", "MacAlister")],
            ["chair", "scrutineer, Northshire (East)"],
        ),
        ("Professor Dame Sue Bloggs (adviser)", [("Sue", "Bloggs")], ["adviser"]),
        ("", [], []),
    ],
)
def test_credits_are_read_with_titles_and_post_nominals_set_apart(value, people, roles):
    credits, problems = parse(value)
    assert problems == []
    assert [credit.person for credit in credits] == people
    assert [credit.role for credit in credits] == roles


def test_credits_that_cannot_be_read_say_which_and_why():
    _credits, problems = parse("Jane Doe; (chair); Bob Roe ()")
    assert [(p.number, p.offset, p.message) for p in problems] == [
        (1, 0, "credit 1 has no (role) at its end"),
        (2, 10, "credit 2 has no name before its (role)"),
        (3, 19, "credit 3 has an empty (role)"),
    ]


def test_the_review_page_shows_its_credits(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Credits=CREDITS))
    site = scenario.build()
    assert site.ok, site.messages()
    row = next(
        div for div in site.soup("reviews/child-q/index.html").select(".facts__row") if div.dt.get_text() == "Credits"
    )
    assert [li.get_text() for li in row.select("dd ul li")] == [
        "Dr Tobias Arkwright MBChB FRCPCH, independent author",
        "Ruth Ashby BA (Hons) MSc, board chair",
        "Daniel Okonjo, business manager",
    ]


def test_a_review_without_credits_shows_no_credits_row(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    site = scenario.build()
    assert "Credits" not in [dt.get_text() for dt in site.soup("reviews/child-q/index.html").select(".facts dt")]


def test_malformed_credits_are_meta006_at_the_credit_without_printing_it(scenario):
    path = scenario.write("reviews/child-q.md", review_markdown(Credits="Ruth Ashby (board chair); Okonjo"))
    site = scenario.build()
    finding = next(f for f in site.result.findings if f.code == "META006")
    line = path.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert line.startswith("Credits:") and line[finding.col - 1 :].startswith("Okonjo")
    assert "Okonjo" not in finding.message and "(role)" in finding.hint
    assert not site.ok


def test_credited_names_are_accepted_with_titles_post_nominals_and_roles(scenario):
    text = (
        "Dr Tobias Arkwright MBChB FRCPCH met the panel. Dr Arkwright, Ms Ashby and Tobias agreed.\n\n"
        "Ruth Ashby's foreword thanks the practitioners.\n\n"
        "Daniel Okonjo\nBusiness Manager\n\n"
        "Ruth Ashby BA (Hons) MSc, Independent Chair"
    )
    scenario.write("reviews/child-q.md", review_markdown(body(text), Credits=CREDITS))
    site = scenario.build(LSCB_MODE="publish")
    assert found(site, "PII001", "PII011", "PII012") == []
    assert site.ok, site.messages()


def test_only_the_credited_person_is_accepted(scenario):
    text = (
        "Tobias Quennell visited twice.\n\n"
        "Daniel Okonjo\nZebedee Quinlan was not asked.\n\n"
        "Zebedee's school did not know."
    )
    scenario.write("reviews/child-q.md", review_markdown(body(text), Credits=CREDITS))
    site = scenario.build()
    assert found(site, "PII001", "PII011") == [
        ("PII001", 17, "Tobias Quennell"),
        ("PII001", 20, "Zebedee Quinlan"),
        ("PII011", 22, "Zebedee"),
    ]


def test_credits_are_accepted_only_in_their_own_review(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Credits=CREDITS))
    scenario.write(
        "reviews/child-r.md",
        review_markdown(
            body("Dr Tobias Arkwright wrote the report."),
            Title="Child R: review",
            Child="Child R",
            Pseudonyms="Child R, Mother",
        ),
    )
    site = scenario.build()
    assert [(Path(f.path).name, f.code, f.term) for f in site.result.findings if f.code == "PII001"] == [
        ("child-r.md", "PII001", "Tobias Arkwright")
    ]


def test_credits_are_accepted_in_the_reviews_pdf(scenario):
    scenario.write_bytes(
        "reviews/documents/child-q-report.pdf",
        media.make_pdf(
            ["Overview report", "Written by Dr Tobias Arkwright MBChB\nIndependent author\n\nZebedee Quinlan"]
        ),
    )
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body("The [overview report (PDF)]({static}documents/child-q-report.pdf) has the details."), Credits=CREDITS
        ),
    )
    site = scenario.build()
    assert [f.term for f in site.result.findings if f.code == "PII001"] == ["Zebedee Quinlan"]


ALLOW_PERSON = """\
[[allow]]
text = "Alan Whitcombe"
role = "independent chair of the board"
reason = "Named as the board's chair on its website and in its annual reports"
"""


def test_a_public_person_in_the_allowlist_is_accepted_on_every_page(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOW_PERSON, encoding="utf-8")
    scenario.write(
        "reviews/child-q.md",
        review_markdown(body("Alan Whitcombe\nIndependent Chair\n\nMr Whitcombe thanked the panel; Alan said so.")),
    )
    scenario.write(
        "annual-reports/2025-26.md",
        (
            "Title: Annual report 2025 to 2026\nDate: 2026-06-01\nReporting_year: 2025-26\n"
            "Summary: What the board did.\n\n## Foreword\n\nProfessor Alan Whitcombe OBE\nIndependent Chair\n"
        ),
    )
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist), LSCB_MODE="draft")
    assert found(site, "PII001", "PII011", "CFG001") == []


def test_an_allowlist_person_with_an_empty_role_is_cfg001(scenario, tmp_path):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOW_PERSON.replace('"independent chair of the board"', '""'), encoding="utf-8")
    scenario.write("reviews/child-q.md", review_markdown())
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert [f.message for f in site.result.findings if f.code == "CFG001"] == ["allowlist entry has an empty role"]


def test_a_forename_hidden_by_markup_is_found_on_the_built_review_page(scenario):
    scenario.write("reviews/child-q.md", review_markdown(body("The school told Zebe<!-- -->dee nothing.")))
    site = scenario.build(LSCB_MODE="publish")
    assert "PII011" in site.codes() and not site.ok


def test_a_street_without_a_number_is_flagged_in_reviews_only(scenario):
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body(
                "The family lived on Marlpit Lane, then in Orchard Close.\n\n"
                "Mother was seen on the High\nStreet and at Station Road Medical Centre."
            )
        ),
    )
    scenario.write(
        "guidance/office.md",
        (
            "Title: Our office\nDate: 2026-01-01\nOwner: Business Unit\nReview_date: 2027-01-01\n"
            "Summary: Where we are.\n\nThe office is on Marlpit Lane, next to the library.\n"
        ),
    )
    site = scenario.build(LSCB_MODE="publish")
    assert [(Path(f.path).name, f.term) for f in site.result.findings if f.code == "PII003"] == [
        ("child-q.md", "Marlpit Lane"),
        ("child-q.md", "Orchard Close"),
    ]


FAMILY_ROLES = (
    "mother of Child Q",
    "the subject of this review",
    "the child",
    "maternal grandmother",
    "the young person at the centre of this review",
    "child of the author",
    "partner of the chair",
    "author, Mother of Child Q",
    "lead reviewer's daughter",
    "family member",
    "Baby Q",
    "friend",
    "head of the family",
    "support worker for the family",
)
PROFESSIONAL_ROLES = (
    "independent chair of the child safeguarding practice review panel",
    "partner agency lead",
    "designated nurse, child protection",
    "Independent Chair, Northshire Safeguarding Children Board",
    "chair of the SCR Panel",
    "Independent Chair and Scrutineer of the partnership",
    "health adviser to the review",
    "co-author",
    "Partnership Business Manager",
    "scrutineer, Northshire (East)",
    "independent chair and author",
    "minute taker",
    "panel secretary and minute taker",
    "business support",
    "head of service, children's social care",
    "senior investigating officer",
)


def test_only_the_roles_of_authors_reviewers_and_chairs_are_accepted():
    from lscb_reviews.credits import parse

    for role in FAMILY_ROLES:
        credits, problems = parse(f"Zebedee Quinlan ({role})")
        assert not credits and problems[0].role and "chair" in problems[0].message, role
    for role in PROFESSIONAL_ROLES:
        credits, problems = parse(f"Dr Ada Okoro ({role})")
        assert credits and not problems, role


def test_every_credit_of_the_clean_corpus_and_the_demo_has_an_accepted_role():
    from lscb_reviews.credits import parse

    root = Path(__file__).resolve().parent.parent
    files = [
        *sorted((root / "tests" / "fixtures" / "gate_corpus" / "clean").glob("*.md")),
        *sorted((root / "content").rglob("*.md")),
    ]
    values = [
        line.split(":", 1)[1]
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Credits:")
    ]
    assert len(values) >= 30
    for value in values:
        credits, problems = parse(value)
        assert credits and not problems, value


def test_a_credit_with_a_family_role_is_meta006_with_the_roles_accepted(scenario):
    credits = (
        "Dr Tobias Arkwright (independent author); Zebedee Quinlan (the young person at the centre of this review)"
    )
    scenario.write(
        "reviews/child-q.md", review_markdown(body("Dr Arkwright spoke to Zebedee Quinlan."), Credits=credits)
    )
    site = scenario.build(LSCB_MODE="publish")
    found = [f for f in site.result.findings if f.code == "META006"]
    assert [f.message for f in found] == ["Credits: credit 2's role is not an author's, reviewer's or chair's"]
    assert "chairs" in found[0].hint and "never family" in found[0].hint
    # Not accepted: the name is then reported where the review prints it.
    assert ("PII001", "Zebedee Quinlan") in [(f.code, f.term) for f in site.result.findings]
    assert not site.ok


def test_credits_with_professional_roles_are_quiet(scenario):
    credits = "; ".join(
        f"{name} ({role})"
        for name, role in zip(
            ("Dr Tobias Arkwright", "Alan Whitcombe", "Daniel Okonjo", "Ruth Ashby"), PROFESSIONAL_ROLES
        )
    )
    scenario.write(
        "reviews/child-q.md",
        review_markdown(body("Dr Arkwright, Alan Whitcombe, Daniel Okonjo and Ruth Ashby met."), Credits=credits),
    )
    site = scenario.build(LSCB_MODE="publish")
    assert [f.as_text() for f in site.result.findings] == []
    assert site.ok, site.messages()
