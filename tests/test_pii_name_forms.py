"""Full names written other than "Jane Smith" (PII001): in capitals or lower
case, with an initial, joined by a hyphen, run together in a handle or a
hashtag, or with a forename the main list does not hold; and the realistic
text around them that must stay quiet. On real builds, each paragraph on
its own line so that every finding names its own text."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import review_markdown  # noqa: E402

from lscb_checks.text import wordlists  # noqa: E402

RESPONSE = "## Recommendations\n\n1. Share information sooner.\n\n## The board's response\n\nThe board accepted it.\n"

FIRES = {
    "THE REVIEWER MET ZEBEDEE QUINLAN TWICE AT HOME.": "Zebedee Quinlan",
    "## WHAT ZEBEDEE QUINLAN TOLD US": "Zebedee Quinlan",
    "The reviewer met zebedee quinlan twice at home.": "Zebedee Quinlan",
    "The health visitor wrote to zebedee quinlan's mother.": "Zebedee Quinlan",
    "The reviewer met MRS QUINLAN twice at home.": "Mrs Quinlan",
    "The reviewer met mrs quinlan twice at home.": "Mrs Quinlan",
    "Zebedee-Quinlan was written on the drawing.": "Zebedee-Quinlan",
    "Mother posted videos as @ZebedeeQuinlan2017 on a video app.": "Zebedee Quinlan",
    "Friends shared #zebedeequinlan online after the incident.": "Zebedee Quinlan",
    "Mother wrote as @zebedee_quinlan on a video app.": "Zebedee Quinlan",
    "Z. Quinlan was seen twice at home.": "Z. Quinlan",
    "The letter was addressed to Z. J. Quinlan at home.": "Z. J. Quinlan",
    "The reviewer met Ali Hussain twice at home.": "Ali Hussain",
    "The reviewer met Yusra Haddad twice at home.": "Yusra Haddad",
    "The reviewer met River Quinlan twice at home.": "River Quinlan",
    "The reviewer met Bo Lindqvist twice at home.": "Bo Lindqvist",
    "The reviewer met Ze\u0332bedee Qu\u0332inlan twice at home.": "Zebedee Quinlan",
}

QUIET = [
    "The family moved to Melton Mowbray, then to Milton Keynes, in 2019.",
    "Services in Newton Aycliffe and Sutton Coldfield were involved.",
    "The family walked by the River Thames; the river was high.",
    "Research by E. Munro (2011) and M. Brandon et al. was considered.",
    "Child Q. Police attended the home twice that week.",
    "Appendix B. Quinlan Road is not named in this report.",
    "## 4. WHAT THE REVIEW FOUND ABOUT WORKING TOGETHER",
    "CHILD SAFEGUARDING PRACTICE REVIEW: CHILD Q. MAY 2024. INDEPENDENT REVIEWER",
    "NORTHSHIRE SAFEGUARDING CHILDREN PARTNERSHIP ANNUAL REPORT 2023 TO 2024",
    "Use #SafeguardingWeek and #ThinkFamily, and follow @NSPCC and @childline.",
    "Weston-super-Mare, Stratford-upon-Avon and Chester-le-Street teams met.",
    "Emma-Louise and Mary-Kate are not in this review.",
    "mark the date: will the board cause the links to be shared?",
    "THE BOARD WILL CAUSE EVERY AGENCY TO MARK THE DATE.",
    "The Lucy Faithfull Foundation and the Marie Collins Foundation helped.",
]


def paragraphs(lines) -> str:
    return "\n\n".join(lines)


def build(scenario, text: str):
    scenario.write("reviews/child-q.md", review_markdown(f"## Findings\n\n{text}\n\n{RESPONSE}"))
    return scenario.build()


def found(scenario, site) -> dict[str, str]:
    """The term of each PII001 finding, by the text of its line."""
    source = (scenario.content / "reviews" / "child-q.md").read_text(encoding="utf-8").splitlines()
    return {source[f.line - 1]: f.term for f in site.result.findings if f.code == "PII001"}


def test_names_written_in_other_forms_are_refused_each_on_its_line(scenario):
    site = build(scenario, paragraphs(FIRES))
    assert found(scenario, site) == FIRES


def test_places_citations_headings_and_handles_of_organisations_stay_quiet(scenario):
    site = build(scenario, paragraphs(QUIET))
    assert found(scenario, site) == {}


def test_the_word_lists_are_in_the_repository_with_where_they_come_from():
    for name in ("surnames.txt", "forenames-wide.txt", "english-words.txt", "places.txt"):
        head = (wordlists.DATA / name).read_text(encoding="utf-8").splitlines()[:4]
        assert head[0].startswith("# ") and "scripts/derive-word-lists" in " ".join(head), name
    assert "quinlan" in wordlists.surnames() and "quinlan" not in wordlists.everyday_words()
    assert "milton keynes" in wordlists.places()
