"""Glossary markup: the first use of each glossary term on a page links to its
entry on the glossary page; on the pages for children and young people the
term's plain explanation follows it. Real builds, checked with BeautifulSoup."""

from __future__ import annotations

import shutil
from urllib.parse import urljoin, urlsplit

from conftest import ROOT, ScenarioSite, build_site, guidance_markdown
from pelicanconf import FOOTER_LINKS

GLOSSARY = """\
    Title: Glossary
    Summary: What the words used in safeguarding mean.

    MASH (multi-agency safeguarding hub)
    : A team where staff from different services share what they know.
    : For children: a team of people whose job is to keep children safe.

    Strategy discussion
    : A meeting of professionals to decide whether a child needs protecting.

    Neglect
    : When a child's basic needs are not met.
    : For children: when a child is not looked after properly

    Working Together
    : The government's guidance on how services work together.
    """

GUIDANCE = """\
## Sharing with the MASH

Tell the MASH at once.[^1] The MASH will call you back.

Neglect is common. Later, neglect again.

Read [the MASH guidance](https://www.gov.uk/mash) and run `MASH --help`.

| Who | Does what |
| --- | --- |
| Children&rsquo;s social care | Holds a strategy discussion &amp; decides |

Working together matters; the Working Together guidance says so.

[^1]: The MASH answers within a day.
"""


def version(body: str, title: str = "Getting help", **fields) -> str:
    header = {
        "Title": title,
        "Date": "2026-02-01",
        "Version_of": "guidance/sharing.md",
        "Summary": "Who can help you.",
        **fields,
    }
    lines = "\n".join(f"{name}: {value}" for name, value in header.items())
    return f"{lines}\n\n{body}\n"


def build(scenario, glossary=GLOSSARY, **pages):
    """The guidance page, the glossary (unless None) and any other pages."""
    scenario.write("guidance/sharing.md", guidance_markdown("Sharing information", GUIDANCE))
    if glossary is not None:
        scenario.write("pages/glossary.md", glossary)
    for relative, text in pages.items():
        scenario.write(relative.replace("__", "/") + ".md", text)
    return scenario.build()


EMPTY_GLOSSARY = "Title: Glossary\nSummary: What the words mean.\n\nNo words yet.\n"


def body(site, relative):
    return site.soup(relative).find("main")


def terms(site, relative):
    return body(site, relative).select("a.glossary-term")


def anchor_exists(site, page_url: str, href: str) -> bool:
    """Whether the glossary link's target page has the id it names."""
    target = urlsplit(urljoin(page_url, href))
    page = target.path.lstrip("/")
    return site.soup(page).find(id=target.fragment) is not None


# -- every page: the first use is linked


def test_the_first_use_of_an_abbreviation_links_to_its_entry_with_its_expansion(scenario):
    site = build(scenario)
    assert site.ok, site.messages()
    mash = next(a for a in terms(site, "guidance/sharing/index.html") if a.get_text() == "MASH")
    assert mash.abbr["title"] == "multi-agency safeguarding hub"
    assert "glossary-abbr" in mash["class"]
    assert mash["aria-label"] == "MASH: multi-agency safeguarding hub, in the glossary"
    assert urlsplit(mash["href"]).fragment == "term-mash"
    assert anchor_exists(site, "/guidance/sharing/", mash["href"])
    # It is the first MASH of the body text: "Tell the MASH at once."
    assert "Tell the MASH at once." in mash.parent.get_text()


def test_an_ordinary_word_is_a_plain_link_named_for_the_glossary(scenario):
    site = build(scenario)
    neglect = next(a for a in terms(site, "guidance/sharing/index.html") if a.get_text() == "Neglect")
    assert neglect.find("abbr") is None
    assert neglect["aria-label"] == "Neglect, in the glossary"
    assert anchor_exists(site, "/guidance/sharing/", neglect["href"])


def test_each_term_is_linked_once_per_page(scenario):
    site = build(scenario)
    linked = [a.get_text() for a in terms(site, "guidance/sharing/index.html")]
    assert sorted(linked) == ["MASH", "Neglect", "Working Together", "strategy discussion"]
    text = body(site, "guidance/sharing/index.html").get_text()
    assert text.count("MASH") > 3 and text.lower().count("neglect") == 2


def test_headings_links_code_and_footnotes_are_left_alone(scenario):
    site = build(scenario)
    page = body(site, "guidance/sharing/index.html")
    assert not page.find("h2").select(".glossary-term")
    assert page.find("h2").get_text() == "Sharing with the MASH"
    assert not page.find("code").find("a")
    assert page.find("a", href="https://www.gov.uk/mash").get_text() == "the MASH guidance"
    assert not page.select("a a")
    assert not page.select(".footnote .glossary-term")
    # "Working together" (not the name's case) is not a use; "Working Together" is.
    assert page.select_one('a.glossary-term[href$="#term-working-together"]').get_text() == "Working Together"


LINKED_WORDS = """\
Read about [neglect](https://example.org/neglect-guidance) before the course.

Neglect is common: the course explains neglect and the MASH.
"""


def test_words_the_page_already_links_elsewhere_get_no_second_link(scenario):
    site = build(scenario, guidance__course=guidance_markdown("The course", LINKED_WORDS))
    assert site.ok, site.messages()
    page = body(site, "guidance/course/index.html")
    # "neglect" and "Neglect" read the same: one link, the editor's.
    assert [a.get_text() for a in page.find_all("a") if a.get_text().casefold() == "neglect"] == ["neglect"]
    assert not page.select('a.glossary-term[href$="#term-neglect"]')
    # Other terms on the page are still linked.
    assert [a.get_text() for a in terms(site, "guidance/course/index.html")] == ["MASH"]


def test_a_use_written_differently_from_the_link_is_linked(scenario):
    text = "Read about [neglect](https://example.org/neglect-guidance) first.\n\nChild neglect is common.\n"
    glossary = GLOSSARY.replace("    Neglect\n", "    Child neglect\n")
    site = build(scenario, glossary=glossary, guidance__course=guidance_markdown("The course", text))
    assert site.ok, site.messages()
    assert [a.get_text() for a in terms(site, "guidance/course/index.html")] == ["Child neglect"]


def test_the_text_tables_and_entities_read_the_same_as_without_a_glossary(scenario, tmp_path):
    site = build(scenario)
    plain = build(ScenarioSite(tmp_path / "plain"), glossary=EMPTY_GLOSSARY)
    marked, unmarked = body(site, "guidance/sharing/index.html"), body(plain, "guidance/sharing/index.html")
    assert marked.select(".glossary-term") and not unmarked.select(".glossary-term")
    assert marked.get_text() == unmarked.get_text()
    cell = marked.find("table").find_all("td")[1]
    assert cell.get_text() == "Holds a strategy discussion & decides"
    assert cell.select_one(".glossary-term").get_text() == "strategy discussion"
    assert marked.find("td").get_text() == "Children\u2019s social care"
    for tag in ("p", "table", "sup", "li", "code", "h2", "div"):
        assert len(marked.find_all(tag)) == len(unmarked.find_all(tag)), tag


def test_a_page_without_glossary_words_is_unchanged(scenario, tmp_path):
    page = "Title: Training\nSummary: Courses.\n\n## Courses\n\nBook a course by email.\n"
    site = build(scenario, pages__training=page)
    plain = build(ScenarioSite(tmp_path / "plain"), glossary=EMPTY_GLOSSARY, pages__training=page)
    assert str(body(site, "training/index.html")) == str(body(plain, "training/index.html"))


def test_the_glossary_entries_have_ids_and_the_glossary_is_not_marked_up(scenario):
    site = build(scenario)
    glossary = body(site, "glossary/index.html")
    assert [dt["id"] for dt in glossary.find_all("dt")] == [
        "term-mash",
        "term-strategy-discussion",
        "term-neglect",
        "term-working-together",
    ]
    assert not glossary.select(".glossary-term")


def test_the_markdown_abbreviation_syntax_still_works_and_is_not_wrapped_again(scenario):
    page = guidance_markdown("Abbreviations", "Call the MASH today.\n\n*[MASH]: multi-agency safeguarding hub")
    site = build(scenario, guidance__abbreviations=page)
    assert site.ok, site.messages()
    text = body(site, "guidance/abbreviations/index.html")
    assert text.find("abbr")["title"] == "multi-agency safeguarding hub"
    assert not text.select(".glossary-term")


def test_without_a_glossary_page_nothing_is_marked_up_and_the_site_builds(scenario):
    scenario.write("guidance/sharing.md", guidance_markdown("Sharing information", GUIDANCE))
    (scenario.content / "pages").mkdir()
    for page in (ROOT / "tests" / "fixtures" / "standard-pages").glob("*.md"):
        if page.name != "glossary.md":
            shutil.copyfile(page, scenario.content / "pages" / page.name)
    footer = [(text, url) for text, url in FOOTER_LINKS if url != "glossary/"]
    site = build_site(scenario.content, scenario.output, standard_pages=False, FOOTER_LINKS=footer)
    assert site.ok, site.messages()
    assert not site.exists("glossary/index.html")
    assert site.exists("guidance/sharing/index.html"), site.messages()
    assert not body(site, "guidance/sharing/index.html").select(".glossary-term")
    assert "MASH" in body(site, "guidance/sharing/index.html").get_text()


def test_the_links_added_pass_the_link_checks_in_publish_mode(scenario):
    scenario.write("guidance/sharing.md", guidance_markdown("Sharing information", GUIDANCE))
    scenario.write("pages/glossary.md", GLOSSARY)
    site = scenario.build(LSCB_MODE="publish")
    assert site.ok, site.messages()
    assert not [code for code in site.codes() if code.startswith("LINK")]
    assert len(terms(site, "guidance/sharing/index.html")) == 4


# -- pages for children and young people: the plain explanation inline


def test_a_childrens_page_shows_the_plain_explanation_where_the_word_is_first_used(scenario):
    page = version("Your teacher might talk to the MASH. The MASH will help.")
    site = build(scenario, children__help=page)
    assert site.ok, site.messages()
    [mash] = terms(site, "children/help/index.html")
    explanation = mash.find_next_sibling(class_="glossary-explanation")
    assert explanation.get_text() == "(a team of people whose job is to keep children safe)"
    assert mash.parent.get_text().startswith(
        "Your teacher might talk to the MASH (a team of people whose job is to keep children safe)."
    )
    assert anchor_exists(site, "/children/help/", mash["href"])
    assert not [f for f in site.result.findings if f.code == "READ002"]


def test_a_young_peoples_page_shows_it_too_but_guidance_does_not(scenario):
    page = version("Neglect can happen to anyone.")
    site = build(scenario, **{"young-people__help": page})
    [neglect] = terms(site, "young-people/help/index.html")
    assert neglect.find_next_sibling(class_="glossary-explanation").get_text() == (
        "(when a child is not looked after properly)"
    )
    assert not body(site, "guidance/sharing/index.html").select(".glossary-explanation")


def test_a_word_the_page_explains_itself_is_linked_but_not_explained_twice(scenario):
    page = version("The MASH is a team of people who keep children safe.")
    site = build(scenario, children__help=page)
    [mash] = terms(site, "children/help/index.html")
    assert mash.get_text() == "MASH" and urlsplit(mash["href"]).fragment == "term-mash"
    assert not body(site, "children/help/index.html").select(".glossary-explanation")
    assert not [f for f in site.result.findings if f.code == "READ002"]


def test_a_word_with_no_plain_explanation_is_linked_and_read002_still_asks_for_one(scenario):
    page = version("The grown-ups will have a strategy discussion.")
    site = build(scenario, children__help=page)
    [link] = terms(site, "children/help/index.html")
    assert link.get_text() == "strategy discussion"
    assert not body(site, "children/help/index.html").select(".glossary-explanation")
    [finding] = [f for f in site.result.findings if f.code == "READ002"]
    assert finding.term == "strategy discussion"


def test_the_demo_site_links_its_glossary_words_and_builds_with_no_findings(demo_site):
    assert demo_site.result.findings == [], demo_site.messages()
    links = terms(demo_site, "guidance/making-a-referral/index.html")
    assert links
    for link in links:
        assert anchor_exists(demo_site, "/guidance/making-a-referral/", link["href"]), link["href"]
