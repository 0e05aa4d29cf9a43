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
    # Two words in no list: after "heard from", or alone on a line of a review.
    "The panel heard from Odalysine Trevarrow about the plan.": "Odalysine Trevarrow",
    "Ysolde Penhallow": "Ysolde Penhallow",
    "The reviewer met yusra HADDAD twice at home.": "Yusra Haddad",
    "The case was logged as HADDAD, Yusra (aged 9).": "Yusra Haddad",
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
    # Each word in its own case, surname first, in two cells of a table.
    "The reviewer met zebedee Quinlan twice at home.": "Zebedee Quinlan",
    "The reviewer met ZEBEDEE Quinlan twice at home.": "Zebedee Quinlan",
    "The reviewer met Zebedee QUINLAN twice at home.": "Zebedee Quinlan",
    "The police record listed QUINLAN, ZEBEDEE as the child.": "Zebedee Quinlan",
    "| Subject | ZEBEDEE | QUINLAN | 6 |": "Zebedee Quinlan",
    # Initials with or without a full stop or a space, in any case.
    "Z Quinlan was seen twice at home.": "Z Quinlan",
    "Z.Quinlan was seen twice at home.": "Z.Quinlan",
    "The form was signed Z. QUINLAN in capitals.": "Z. QUINLAN",
    "The form was signed z quinlan in pen.": "z quinlan",
    "The board remembers Z. Quinlan (2017 to 2023).": "Z. Quinlan",
    # Titles with a full stop, and Baby, Master.
    "The reviewer met mrs. quinlan twice at home.": "Mrs Quinlan",
    "THE REVIEWER MET MRS. QUINLAN TWICE AT HOME.": "Mrs Quinlan",
    "Baby Quinlan was discharged from hospital after four days.": "Baby Quinlan",
    "The letter was addressed to Master Quinlan.": "Master Quinlan",
    # User names and profile addresses, joined by _ . - or /.
    "Mother posted videos at tiktok.com/@zebedee_quinlan on a video app.": "Zebedee Quinlan",
    "Mother posted videos as zebedee_quinlan17 on a video app.": "Zebedee Quinlan",
    "Mother posted photos at instagram.com/zebedee.quinlan for a year.": "Zebedee Quinlan",
    "Her username was zebedee-quinlan on the game.": "Zebedee Quinlan",
    # A short forename no list holds, before a family name that is not a word.
    "The reviewer met Zeb Quinlan twice at home.": "Zeb Quinlan",
    # A family name then one initial, as records write them.
    "| 3 May 2021 | QUINLAN Z seen at A&E |": "QUINLAN Z",
    "The GP record is headed Quinlan, Z (Child Q).": "Quinlan, Z",
    "The police record listed QUINLAN, Z. as the child.": "QUINLAN, Z.",
    "Quinlan Z was not seen alone.": "Quinlan Z",
    "One case study (QUINLAN Z) showed delay.": "QUINLAN Z",
    # A family name then a forename, with no comma, in any case.
    "| 4 May 2021 | QUINLAN Zebedee seen at A&E |": "Zebedee Quinlan",
    "The GP record is headed Quinlan Zebedee (Child Q).": "Zebedee Quinlan",
    "The police record listed QUINLAN ZEBEDEE as the child.": "Zebedee Quinlan",
    "The GP record is headed quinlan zebedee in pen.": "Zebedee Quinlan",
    # An initial after a capitalised word that is not a pseudonym label.
    "The letter began Dear Z Quinlan and was short.": "Z Quinlan",
    "The register listed Pupil Z. Quinlan as absent.": "Z. Quinlan",
    "The letter was addressed to MR Z QUINLAN at home.": "Z QUINLAN",
    # A family name in no list, without capitals: a person in the sentence,
    # the police records' order, or a handle.
    "The reviewer met tobias fenwrighte twice at home.": "Tobias Fenwrighte",
    "THE SOCIAL WORKER VISITED TOBIAS FENWRIGHTE AT SCHOOL.": "Tobias Fenwrighte",
    "Referrals about FENWRIGHTE Tobias went to the hub.": "Tobias Fenwrighte",
    "The account @tobias_fenwrighte posted the video.": "Tobias Fenwrighte",
    "| tobias fenwrighte | brother | 9 |": "Tobias Fenwrighte",
    "- Mother: amara fenwrighte (32)": "Amara Fenwrighte",
    "HER SISTER GRACE FENWRIGHTE WAS SEEN AT SCHOOL.": "Grace Fenwrighte",
    "POLICE SPOKE TO MRS FENWRIGHTE AT HOME.": "Mrs Fenwrighte",
    "The maternity record was labelled Baby Fenwrighte.": "Baby Fenwrighte",
    "Mother posted as @tobiasfenwrighte on a video app.": "Tobias Fenwrighte",
    "Mother's account, tobias_fenwrighte09, posted videos.": "Tobias Fenwrighte",
    "The reviewer met tomasz wójtowiczek twice at home.": "Tomasz Wójtowiczek",
    # In lower case, with no person in the sentence, where a name stands:
    # after a word that leads to a person, or at the start of a sentence.
    "Health notes for tobias fenwrighte were not shared between agencies.": "Tobias Fenwrighte",
    "Copies of the plan went to amara fenwrighte by post.": "Amara Fenwrighte",
    "Notes were kept. tobias fenwrighte was not on the list.": "Tobias Fenwrighte",
    # A forename and a family name both in no list, in a sentence about a person.
    "The worker met Odalysine Trevarrow at the clinic.": "Odalysine Trevarrow",
    "THE HEALTH VISITOR SAW ODALYSINE TREVARROW AT HOME.": "Odalysine Trevarrow",
}

QUIET = [
    # Two words in no list with no person in the sentence: a product, a firm;
    # a line with more on it than the two words.
    "The board bought Brackenvale Tessaline software for the hub.",
    "Brackenvale Tessaline, the case system, was replaced in 2022.",
    "The training was run by Quorvane Associates in the spring.",
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
    # A forename before a word in no list, with no person in the sentence;
    # an organisation's nurse; an acronym before a forename.
    "The files sit under /usr/share/fonts/dejavu and grace fenwrighte.cfg holds the settings.",
    "A MARIE CURIE NURSE VISITED TWICE; a marie curie nurse visited again.",
    "The NSPCC Helpline and CAMHS Tobias ward took referrals.",
    # Words that are also forenames ("viral", "gaming", "meta", "amino") before
    # listed words; a place whose first word is a forename, in any case; a
    # ward named after a person; a partnership's handle.
    "The baby was seen with viral induced wheeze; she was given an inhaler.",
    "The family moved to newton aycliffe when she was two; THE FAMILY MOVED TO NEWTON AYCLIFFE.",
    "Mother attended Rosa Parks Ward; MOTHER ATTENDED ROSA PARKS WARD.",
    "She spent hours gaming on roblox with her brother; mother used meta messenger to contact her sister.",
    "The baby was given amino formula by the dietitian, mother said.",
    "Follow @devon_safeguarding and @york_safeguarding; parents can ask questions.",
    "Mother speaks kurdish sorani and her son speaks english.",
    # Clinical words, brands and places in no list of names.
    "Child R was admitted with viral bronchiolitis and an innocent murmur; she had a milky posset.",
    "CHILD R WAS ADMITTED WITH VIRAL TONSILLITIS. Mother paid with her tesco clubcard.",
    "THE FAMILY MOVED TO BOGNOR REGIS, THEN TO BUILTH WELLS AND TENBURY WELLS.",
    "The setting max_prefixlen and the file tobias_config.yml are described in the guidance for IT staff.",
    # A forename-like word and a word in no list, in lower case and no person
    # near: after "the" or a describing word, in code, in another language.
    "The notes for python developers describe the hash builtin and a bogus pinentry cache.",
    "Install the libz-dev multilib packages; run :param dfile: in the tool, and del mydata.color there.",
    "The licence offers una licenza per tutto il mondo, gratuita, non esclusiva e perpetua.",
]
# References, towns, organisations, panel lists and credits written with an
# initial: no part of a name either (PII011, PII012).
QUIET_PARTS = [
    "THE LUCY FAITHFULL FOUNDATION and the lucy faithfull foundation helped; see @LucyFaithfullFdn.",
    "Munro, E. (2011) The Munro Review of Child Protection. London: Department for Education.",
    "E. Munro, *Effective Child Protection* (London: Sage, 2008).",
    "Brandon, M., Sidebotham, P., Belderson, P. et al. (2020) Complexity and challenge.",
    "Howard-Jones (2014) and Owen-Jones (2019) wrote on neglect; see also H Ferguson (2011).",
    "The family moved to Newcastle upon Tyne, then to Burton upon Trent.",
    "Panel members: J. Singh (Police), R. Patel (Education), K. Brown (Children's Social Care).",
    "Plan B Quinlan Road was a proposal; Sibling Q Quinlan is not a name.",
    "The review was chaired by A. Whitcombe, who met MRS. BROWN's team.",
    "Brandon M, Sidebotham P (2020) Complexity and challenge; Ferguson H (2017) on neglect.",
    "Sidebotham, P. et al. (2016) and Ferguson, H. (2011) were read by the panel.",
    "Panel members: Singh J (Police), Patel R (Education).",
    "Ward B Green and Plan B Turner are not names; neither is Young Person Z Quinlan.",
    "Child E had Treacher Collins syndrome.",
    # An everyday word in an address is not a name run together ("Vic Tims").
    "See /themes/children-as-victims-of-domestic-abuse/.",
]
NAME_PARTS = ("PII001", "PII011", "PII012")


def paragraphs(lines) -> str:
    return "\n\n".join(lines)


def build(scenario, text: str):
    scenario.write(
        "reviews/child-q.md",
        review_markdown(f"## Findings\n\n{text}\n\n{RESPONSE}", Credits="Alan Whitcombe (independent chair)"),
    )
    return scenario.build()


def found(scenario, site) -> dict[str, str]:
    """The term of each PII001 finding, by the text of its line."""
    source = (scenario.content / "reviews" / "child-q.md").read_text(encoding="utf-8").splitlines()
    return {source[f.line - 1]: f.term for f in site.result.findings if f.code == "PII001"}


def test_names_written_in_other_forms_are_refused_each_on_its_line(scenario):
    site = build(scenario, paragraphs(FIRES))
    assert found(scenario, site) == FIRES


def test_places_citations_headings_and_handles_of_organisations_stay_quiet(scenario):
    site = build(scenario, paragraphs(QUIET + QUIET_PARTS))
    assert found(scenario, site) == {}
    parts = set(QUIET_PARTS)
    source = (scenario.content / "reviews" / "child-q.md").read_text(encoding="utf-8").splitlines()
    assert [
        (f.code, f.term) for f in site.result.findings if f.code in NAME_PARTS and source[f.line - 1] in parts
    ] == []


def test_a_surname_before_children_without_the_is_a_family_surname(scenario):
    site = build(
        scenario,
        paragraphs(
            [
                "Both Quinlan children attended the same school.",
                "Both Brown children and all Polish children attended the same school.",
            ]
        ),
    )
    assert [(f.code, f.term) for f in site.result.findings if f.code in NAME_PARTS] == [("PII012", "Quinlan")]


def test_the_word_lists_are_in_the_repository_with_where_they_come_from():
    for name in ("surnames.txt", "forenames.txt", "forenames-wide.txt", "english-words.txt", "places.txt"):
        head = (wordlists.DATA / name).read_text(encoding="utf-8").splitlines()[:4]
        assert head[0].startswith("# ") and "scripts/derive-word-lists" in " ".join(head), name
    assert "quinlan" in wordlists.surnames() and "quinlan" not in wordlists.everyday_words()
    assert "milton keynes" in wordlists.places()


def test_an_initial_after_a_declared_pseudonym_is_part_of_it(scenario):
    body = "## Findings\n\nPupil Z Quinlan was absent twice.\n\nDear Z Quinlan was written on the card.\n\n" + RESPONSE
    scenario.write("reviews/child-q.md", review_markdown(body, Pseudonyms="Child Q, Mother, Pupil Z"))
    site = scenario.build()
    assert [f.term for f in site.result.findings if f.code == "PII001"] == ["Z Quinlan"]
