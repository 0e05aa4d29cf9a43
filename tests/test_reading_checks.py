"""Reading age (READ001) and unexplained glossary words (READ002) on the pages
for children and young people, in real builds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from lscb_checks.checks.reading_age import prose_blocks, reading_age, scored_text
from lscb_core.findings import Severity

GUIDANCE = """\
    Title: Early help
    Date: 2026-01-01
    Owner: Policy and Procedures Subgroup
    Review_date: 2027-01-01
    Summary: Early help for families.

    ## Offering early help

    Talk to the family about the help they would like.
    """

GLOSSARY = """\
    Title: Glossary
    Summary: What the words used in safeguarding mean.

    MASH (multi-agency safeguarding hub)
    : A team where staff from different services share what they know.

    Designated safeguarding lead (DSL)
    : A member of staff who looks after safeguarding in a school.

    Neglect
    : When a child's basic needs are not met.

    Safeguarding
    : Protecting children from harm.

    Working Together
    : The government's guidance on how services work together.
    """

EASY = (
    "You can talk to a grown-up you trust. They will listen to you. They can help you to stay "
    "safe. If you feel sad or scared, tell a teacher. If they do not listen, tell someone else. "
    "Keep telling until someone helps you. You can phone Childline. It is free."
)
# Reading age about 11: too hard for children (9), fine for young people (12).
MIDDLE = (
    "If something is worrying you, talk to an adult you trust, such as a teacher or a school "
    "nurse. They will listen and help you decide what to do next. Sometimes they will need to "
    "tell another professional, so that you can be kept safe."
)
HARD_1 = (
    "Practitioners from statutory organisations collaborate to ensure that information about "
    "children's circumstances is communicated appropriately and proportionately."
)
HARD_2 = (
    "Professional disagreements concerning thresholds are resolved through the escalation "
    "procedure, which the relevant designated managers administer."
)


def version(body: str, title: str = "Getting help early", **fields) -> str:
    header = {
        "Title": title,
        "Date": "2026-02-01",
        "Version_of": "guidance/early-help.md",
        "Summary": "Who can help you.",
        **fields,
    }
    lines = "\n".join(f"{name}: {value}" for name, value in header.items() if value is not None)
    return f"{lines}\n\n{body}\n"


def found(site, code):
    return [f for f in site.result.findings if f.code == code]


def build(scenario, folder, body, glossary=False, **settings):
    scenario.write("guidance/early-help.md", GUIDANCE)
    if glossary:
        scenario.write("pages/glossary.md", GLOSSARY)
    scenario.content.joinpath(folder).mkdir(parents=True, exist_ok=True)
    scenario.content.joinpath(folder, "early-help.md").write_text(body, encoding="utf-8")
    return scenario.build(**settings)


# -- READ001 reading age


def test_a_hard_childrens_page_warns_in_draft_naming_age_limit_longest_sentence_and_hard_words(scenario):
    body = version(f"## About this page\n\n{EASY}\n\n{HARD_1}\n\n{HARD_2}")
    site = build(scenario, "children", body)

    [finding] = found(site, "READ001")
    assert finding.severity is Severity.WARNING
    assert finding.path.endswith("children/early-help.md")
    assert (finding.line, finding.col) == (1, 1)  # the Title line: the whole page
    age = float(finding.message.split()[2])
    assert age > 9
    assert finding.message.endswith("is above 9, the limit for children's pages")
    assert len(finding.message) < 80
    # HARD_1 is on line 10 of the file, HARD_2 on line 12.
    assert "line 10 (17 words)" in finding.hint
    assert "line 12 (16 words)" in finding.hint
    assert "'proportionately'" in finding.hint
    assert "'childline'" not in finding.hint.lower()  # a name, not a hard word


def test_a_hard_page_stops_the_build_in_publish_mode(scenario):
    site = build(scenario, "young-people", version(f"{HARD_1}\n\n{HARD_2}\n\n{EASY}"), LSCB_MODE="publish")
    [finding] = found(site, "READ001")
    assert finding.severity is Severity.ERROR
    assert "the limit for young people's pages" in finding.message
    assert not site.ok


def test_an_easy_page_passes_for_children(scenario):
    site = build(scenario, "children", version(f"{EASY}\n\n{EASY}"))
    assert found(site, "READ001") == []


@pytest.mark.parametrize("folder, fires", [("children", True), ("young-people", False)])
def test_the_limit_depends_on_the_readers(scenario, folder, fires):
    site = build(scenario, folder, version(f"{MIDDLE}\n\n{MIDDLE}"))
    assert bool(found(site, "READ001")) is fires, site.messages()


def test_headings_tables_and_phone_numbers_are_not_scored(scenario):
    hard_table = f"| Who | What |\n| --- | --- |\n| Practitioners | {HARD_1} |\n| Managers | {HARD_2} |"
    body = version(
        "## Arrangements concerning multi-agency safeguarding responsibilities\n\n"
        f"{EASY}\n\n{hard_table}\n\n"
        "You can phone Childline on 0800 1111 or the council on 01632 960 123."
    )
    site = build(scenario, "children", body)
    assert found(site, "READ001") == [], site.messages()


def test_the_same_hard_text_in_a_paragraph_is_scored(scenario):
    site = build(scenario, "children", version(f"{EASY}\n\n{HARD_1}\n\n{HARD_2}"))
    assert len(found(site, "READ001")) == 1


def test_guidance_for_professionals_is_not_scored(scenario):
    scenario.write(
        "guidance/hard.md", GUIDANCE.replace("Talk to the family about the help they would like.", f"{HARD_1} {HARD_2}")
    )
    site = build(scenario, "children", version(EASY))
    assert found(site, "READ001") == []


def test_limits_and_formula_come_from_the_settings(scenario):
    body = version(f"{MIDDLE}\n\n{MIDDLE}")
    assert found(build(scenario, "children", body, READING_AGE_MAX={"children": 12}), "READ001") == []
    assert found(build(scenario, "young-people", body, READING_AGE_MAX={"young-people": 10}), "READ001")
    # Folders without a limit are not scored.
    assert found(build(scenario, "children", body, READING_AGE_MAX={"young-people": 12}), "READ001") == []


def test_the_formula_setting_chooses_the_formula(scenario):
    body = version(f"{EASY}\n\n{MIDDLE}")

    def age(formula):
        [finding] = found(
            build(scenario, "children", body, READING_AGE_MAX={"children": 5}, READING_AGE_FORMULA=formula), "READ001"
        )
        return float(finding.message.split()[2])

    ari, coleman = age("automated_readability_index"), age("coleman_liau_index")
    text = scored_text(f"{EASY} {MIDDLE}")
    assert ari == pytest.approx(reading_age(text, ["automated_readability_index"]), abs=0.05)
    assert coleman > ari + 1  # Coleman-Liau reads this text as harder
    # A list of formulas: their mean.
    assert age(["automated_readability_index", "coleman_liau_index"]) == pytest.approx((ari + coleman) / 2, abs=0.1)


def test_an_unknown_formula_stops_the_build_with_a_clear_message(scenario):
    site = build(scenario, "children", version(EASY), READING_AGE_FORMULA="flesch_kincaid_grade")
    assert not site.ok
    assert any("READING_AGE_FORMULA must be one of" in error for error in site.result.errors)


def test_a_metadata_waiver_accepts_the_reading_age_of_the_whole_page(scenario):
    body = version(f"{EASY}\n\n{HARD_1}\n\n{HARD_2}", Waive="READ001: the legal words are read with a teacher")
    site = build(scenario, "children", body, LSCB_MODE="publish")
    [finding] = found(site, "READ001")
    assert finding.waived == "the legal words are read with a teacher"
    assert "READ001" not in site.codes()


def test_a_draft_page_is_scored_in_previews_only(scenario):
    body = version(f"{EASY}\n\n{HARD_1}\n\n{HARD_2}", Status="draft")
    assert found(build(scenario, "children", body), "READ001")
    assert found(build(scenario, "children", body, LSCB_MODE="publish"), "READ001") == []


def test_prose_is_paragraphs_and_list_items_only():
    html = (
        "<h2>Heading words</h2><p>One <strong>two</strong> three<sup>1</sup></p>"
        "<ul><li>Item one<ul><li>Inner item</li></ul></li></ul>"
        "<table><tr><td>Cell text</td></tr></table>"
        '<div class="footnote"><ol><li><p>A footnote.</p></li></ol></div>'
    )
    assert prose_blocks(html) == ["One two three", "Item one", "Inner item"]
    assert scored_text("Call 0800 1111 or 01632 960 123 or see https://example.org/x") == "Call or or see."


# -- READ002 glossary words without an explanation


def test_an_unexplained_glossary_word_is_reported_once_at_its_first_use(scenario):
    body = version(
        "## Who decides\n\n"
        "Your teacher might talk to the MASH about you.\n\n"
        "The MASH will decide what happens next. The MASH will tell you."
    )
    site = build(scenario, "children", body, glossary=True)
    [finding] = found(site, "READ002")
    assert (finding.line, finding.col) == (8, 32)
    assert finding.message == "'MASH' is a glossary word with no explanation nearby"
    assert finding.severity is Severity.WARNING
    assert "A team where staff from different services" in finding.hint


def test_an_unexplained_glossary_word_stops_the_build_in_publish_mode(scenario):
    site = build(
        scenario, "young-people", version("The MASH will decide what happens next."), glossary=True, LSCB_MODE="publish"
    )
    [finding] = found(site, "READ002")
    assert finding.severity is Severity.ERROR
    assert not site.ok


@pytest.mark.parametrize(
    "text",
    [
        "The MASH (a team of people who keep children safe) will decide what happens next.",
        "The MASH - a team of people who keep children safe - will decide what happens next.",
        "The MASH is a team of people who keep children safe. It will decide what happens next.",
        "MASH means a team of people who keep children safe. It will decide what happens next.",
        "A team of grown-ups called the MASH will decide what happens next.",
        "The MASH will decide what happens next. This is a team of people who keep children safe.",
        "The MASH will decide what happens next.\n\n*[MASH]: multi-agency safeguarding hub",
        "The [MASH](../pages/glossary.md) will decide what happens next.",
        "## What is neglect?\n\nNeglect is when a child does not get the care they need.",
    ],
)
def test_an_explained_glossary_word_is_quiet(scenario, text):
    site = build(scenario, "children", version(text), glossary=True)
    assert found(site, "READ002") == [], site.messages()


def test_an_abbreviation_in_brackets_is_not_an_explanation(scenario):
    site = build(
        scenario,
        "young-people",
        version("Every school has a designated safeguarding lead (DSL) you can talk to."),
        glossary=True,
    )
    [finding] = found(site, "READ002")
    assert finding.message == "'designated safeguarding lead' is a glossary word with no explanation nearby"
    assert len(finding.message) < 80
    assert (finding.line, finding.col) == (6, 20)


def test_a_glossary_word_inside_a_name_or_in_other_case_is_not_a_use(scenario):
    body = version(
        "Northshire Safeguarding Children Board checks that everyone does a good job. "
        "Grown-ups are working together to help you."
    )
    site = build(scenario, "children", body, glossary=True)
    assert found(site, "READ002") == [], site.messages()


def test_plurals_and_capitals_at_the_start_of_a_sentence_are_uses(scenario):
    site = build(scenario, "children", version("Neglect can happen to anyone."), glossary=True)
    assert [f.col for f in found(site, "READ002")] == [1]


def test_without_a_glossary_page_nothing_is_reported(scenario):
    site = build(scenario, "children", version("The MASH will decide what happens next."))
    assert found(site, "READ002") == []


def test_guidance_may_use_glossary_words(scenario):
    scenario.write("pages/glossary.md", GLOSSARY)
    scenario.write("guidance/early-help.md", GUIDANCE.replace("Talk to the family", "Ask the MASH"))
    site = scenario.build()
    assert found(site, "READ002") == []


def test_a_line_waiver_accepts_a_glossary_word(scenario):
    body = version(
        "<!-- waive READ002: the MASH is explained in the video on this page -->\n"
        "The MASH will decide what happens next."
    )
    site = build(scenario, "children", body, glossary=True, LSCB_MODE="publish")
    [finding] = found(site, "READ002")
    assert finding.waived


# -- the demo site


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_the_demo_pages_for_children_and_young_people_pass(tmp_path, settings, request):
    from conftest import ROOT, build_site

    if settings == "pelicanconf.py":  # the session's demo_site is this build
        site = request.getfixturevalue("demo_site")
    else:
        site = build_site(ROOT / "content", tmp_path / "output", settings=settings)
    mine = [f for f in site.result.findings if f.code in ("READ001", "READ002")]
    assert mine == [], site.messages()


def test_the_place_is_the_use_not_an_earlier_name_with_the_same_word(scenario):
    body = version("The Neglect Toolkit helps grown-ups. It helps them spot Neglect early.")
    site = build(scenario, "children", body, glossary=True)
    [finding] = found(site, "READ002")
    assert (finding.line, finding.col) == (6, 57)
    assert "(when a child's basic needs are not met ...)" in finding.hint


def test_a_metadata_waiver_can_name_the_glossary_word_it_accepts(scenario):
    body = version(
        "The MASH will decide what happens next. Neglect can happen to anyone.",
        Waive='READ002 "MASH": explained in the video at the top of the page',
    )
    site = build(scenario, "children", body, glossary=True, LSCB_MODE="publish")
    waived = {f.term: bool(f.waived) for f in found(site, "READ002")}
    assert waived == {"MASH": True, "Neglect": False}


def test_textstat_is_imported_without_nltk_and_nltk_still_imports_whole():
    # textstat imports nltk (a third of a second) only for formulas the check
    # does not offer; a real `import nltk` afterwards must still get nltk.
    code = (
        "import sys; sys.path.insert(0, 'plugins')\n"
        "from lscb_checks.checks import reading_age\n"
        "assert 'nltk' not in sys.modules, 'nltk was imported'\n"
        "text = 'The cat sat on the mat. ' * 10\n"
        "print(round(reading_age.reading_age(text, ['automated_readability_index']), 2))\n"
        "assert 'nltk' not in sys.modules, 'scoring imported nltk'\n"
        "import nltk\n"
        "print(type(nltk).__name__, callable(nltk.word_tokenize))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    age, kind = run.stdout.splitlines()
    assert float(age) < 5 and kind == "module True"


def test_the_everyday_word_list_is_read_without_importing_textstat():
    # The detectors of names read textstat's list of easy words in every
    # process that reads names; importing textstat for it would import nltk.
    code = (
        "import sys; sys.path.insert(0, 'plugins')\n"
        "from lscb_checks.text.everyday import easy_words\n"
        "words = easy_words()\n"
        "assert 'textstat' not in sys.modules and 'nltk' not in sys.modules, 'imported'\n"
        "print(len(words), 'neighbor' in words, 'zebedee' in words)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    count, listed, name = run.stdout.split()
    assert int(count) > 2500 and listed == "True" and name == "False"


# -- READ001 on the sections' own index pages (content/children/index.md)


def section_index(body: str, summary: str = "Pages for you.", title: str = "For you") -> str:
    return f"Title: {title}\nDate: 2026-02-01\nSummary: {summary}\n\n{body}\n"


def build_with_index(scenario, folder, index, **settings):
    scenario.write("guidance/early-help.md", GUIDANCE)
    scenario.write(f"{folder}/early-help.md", version(EASY))
    scenario.write(f"{folder}/index.md", index)
    return scenario.build(**settings)


def test_a_hard_section_index_page_is_flagged_at_its_title(scenario):
    site = build_with_index(scenario, "children", section_index(f"{EASY}\n\n{HARD_1}\n\n{HARD_2}"))
    [finding] = found(site, "READ001")
    assert finding.path.endswith("children/index.md")
    assert finding.line == 1
    assert finding.message.endswith("the limit for children's pages")
    # HARD_1 is on line 7, HARD_2 on line 9; the index page adapts no guidance.
    assert "line 7 (17 words)" in finding.hint and "line 9 (16 words)" in finding.hint
    assert "VER001" not in site.codes()


def test_an_easy_section_index_page_passes_and_is_the_listing_pages_words(scenario):
    site = build_with_index(
        scenario, "children", section_index(f"{EASY}\n\n{EASY}", summary="This part is for you.", title="Hello")
    )
    assert found(site, "READ001") == [], site.messages()
    assert site.ok, site.messages()
    listing = site.soup("children/index.html")
    assert listing.h1.get_text(strip=True) == "Hello"
    assert listing.select_one(".lede").get_text(strip=True) == "This part is for you."
    assert EASY.split(".")[0] in listing.select_one(".section-intro").get_text(" ", strip=True)
    # Not a page of its own, nor listed as one.
    assert not site.exists("children/index/index.html")
    assert [a["href"] for a in listing.select(".card a")] == ["../children/early-help/"]


def test_a_section_index_pages_summary_is_scored_as_its_opening_sentence(scenario):
    """The Summary is the listing's first sentence: an easy body under a hard
    Summary is flagged, and the hint points at the Summary's line (3)."""
    site = build_with_index(scenario, "children", section_index(EASY, summary=f"{HARD_1} {HARD_2}"))
    [finding] = found(site, "READ001")
    assert finding.path.endswith("children/index.md")
    assert "line 3 (17 words), line 3 (16 words)" in finding.hint


@pytest.mark.parametrize("folder, fires", [("children", True), ("young-people", False)])
def test_a_section_index_page_is_held_to_its_readers_limit(scenario, folder, fires):
    site = build_with_index(scenario, folder, section_index(f"{MIDDLE}\n\n{MIDDLE}"))
    assert bool(found(site, "READ001")) is fires, site.messages()


def test_the_demo_sections_index_pages_are_written_at_their_readers_age(demo_site):
    assert "READ001" not in demo_site.codes()
    for listing in ("children/index.html", "young-people/index.html"):
        intro = demo_site.soup(listing).select_one(".section-intro")
        assert intro is not None and "0800 1111" in intro.get_text(), listing


@pytest.mark.parametrize("folder", ["children", "young-people"])
def test_the_cover_your_tracks_page_reads_at_an_age_the_check_accepts(scenario, folder):
    # content/pages/ is not scored, but this page is for children and young
    # people too: scored here, as it would be in their folders, by the check
    # itself (its links to other pages left as their text).
    source = (ROOT / "content" / "pages" / "cover-your-tracks.md").read_text(encoding="utf-8")
    body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", source.split("\n\n", 1)[1])
    assert len(body.split()) > 500
    site = build(scenario, folder, version(body, title="Cover your tracks"))
    assert found(site, "READ001") == [], site.messages()
