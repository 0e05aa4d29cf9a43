"""7-minute briefings (content/briefings/): the listing and pages, the links
between a briefing and its review or theme, the publication gate (a briefing
follows its review), and the checks: the seven sections (BRF001), the word
budget (BRF002), a Review naming no review (BRF003), and the review checks
(register, names, pseudonyms) applied to a briefing's text. Real Pelican
builds of the demo and of small sites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from leak_search import find
from register_helpers import write_register

from conftest import markdown_file, review_markdown
from lscb_content.briefings import DEFAULT_SECTIONS

KEY = "test-board-key-4f1c9a27be0d4d3c8e51"
SECTIONS = DEFAULT_SECTIONS  # the demo's pelicanconf.py sets the same seven
# The demo's briefing of the withheld review (content/briefings/child-k.md):
# its title and a phrase no other file of the demo has.
WITHHELD_TITLE = "7-minute briefing: Child K and the quiet withdrawal"
WITHHELD_PHRASE = "marmalade lighthouse protocol"


def briefing_markdown(title="7-minute briefing: Child Q", found="Each agency held part of the picture.", **fields):
    """A complete briefing with the default seven sections; `found` is the
    text of "What we found"; keyword arguments change or add fields."""
    defaults = {"Title": title, "Date": "2026-02-01", "Review": "child-q", "Pseudonyms": "Child Q, Mother"}
    defaults["Summary"] = f"{title}, for the test suite."
    texts = {"What we found": found}
    body = "\n\n".join(f"## {name}\n\n{texts.get(name, 'A sentence or two for the team.')}" for name in SECTIONS)
    return markdown_file({**defaults, **fields}, body + "\n")


def codes_in(site, path: str) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in site.result.findings if f.path.endswith(path) and not f.waived)


def link_targets(soup) -> list[str]:
    return [a["href"] for a in soup.find_all("a", href=True)]


# --- The demo ----------------------------------------------------------------


def test_demo_lists_the_published_review_s_briefing_and_not_the_withheld_one(demo_site):
    cards = demo_site.soup("briefings/").select(".card__title a")
    assert [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in cards] == ["child-l"]
    assert demo_site.soup("briefings/").select_one(".card__meta").get_text().startswith("From Child L")
    assert not demo_site.exists("briefings/child-k/index.html")


def test_demo_briefing_links_to_its_review_and_the_review_lists_it(demo_site):
    page = demo_site.soup("briefings/child-l/")
    assert [h2.get_text(strip=True) for h2 in page.select(".prose h2")] == list(SECTIONS)
    source = page.select_one(".briefing__source")
    assert any(href.endswith("/reviews/child-l/") for href in link_targets(source))
    review = demo_site.soup("reviews/child-l/")
    listed = review.select_one(".briefing-links")
    assert listed is not None
    assert [href.rsplit("/", 2)[-2] for href in link_targets(listed)] == ["child-l"]
    assert all("briefings/" in href for href in link_targets(listed))


def test_demo_theme_pages_of_the_review_list_its_briefing(demo_site):
    for theme in ("neglect", "information-sharing", "domestic-abuse"):
        listed = demo_site.soup(f"reviews/themes/{theme}/").select_one(".briefing-links")
        assert listed is not None, theme
        assert [h.rsplit("/", 2)[-2] for h in link_targets(listed)] == ["child-l"]
    # A theme of child-l's that the briefing's review does not have lists no briefing.
    other = demo_site.soup("reviews/themes/adolescent-mental-health/")
    assert other.select_one(".briefing-links") is None


def test_demo_briefing_is_noindex_like_its_review_and_not_in_the_sitemap(demo_site):
    # REVIEW_NOINDEX (on in the demo) keeps a review's text out of search
    # engines and the site search; a briefing of it is treated the same.
    page = demo_site.soup("briefings/child-l/")
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    assert page.select_one(".prose").get("data-pagefind-ignore") == "all"
    sitemap = (demo_site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/briefings/child-l/" not in sitemap and "/briefings/</loc>" in sitemap


def test_demo_withheld_review_s_briefing_is_in_no_output_file(demo_site):
    for value in (WITHHELD_TITLE, WITHHELD_PHRASE, "briefings/child-k"):
        assert find(demo_site.output, value) == [], value
    # The search index is read too: it exists, and holds the published briefing.
    assert find(demo_site.output, "What it means for practice")
    assert any(hit.where.startswith("pagefind/") for hit in find(demo_site.output, "7-minute briefing: Child L"))


# --- The gate: a briefing follows its review -----------------------------------


@pytest.mark.parametrize(
    "review_fields",
    [
        {"Publication_decision": "withhold"},
        {"Publish_after": "2099-01-01"},
        {"Status": "draft"},
        {"Criminal_proceedings": "ongoing"},
        {"Date": "2019-01-10", "Decision_date": "2018-12-01"},  # retired: past REVIEW_RETENTION_MONTHS
    ],
    ids=["withheld", "embargoed", "draft", "ongoing-proceedings", "retired"],
)
def test_briefing_of_a_review_that_is_not_published_is_not_published(scenario, review_fields):
    scenario.write("reviews/child-q.md", review_markdown(**review_fields))
    scenario.write("briefings/child-q.md", briefing_markdown(found="The quince parliament never met."))
    scenario.write("briefings/audit.md", briefing_markdown("7-minute briefing: an audit", Review=None, Theme="Neglect"))
    site = scenario.build()
    assert site.ok, site.messages()
    for value in ("7-minute briefing: Child Q", "quince parliament", "briefings/child-q"):
        assert find(site.output, value) == [], value
    # The other briefing, on a theme, is published and listed.
    assert site.exists("briefings/audit/index.html")
    assert [a.get_text() for a in site.soup("briefings/").select(".card__title a")] == ["7-minute briefing: an audit"]


def test_briefing_of_a_published_review_is_published_and_linked_both_ways(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write("briefings/child-q.md", briefing_markdown(Review="reviews/child-q.md"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert any(h.endswith("/reviews/child-q/") for h in link_targets(site.soup("briefings/child-q/")))
    assert any(h.endswith("/briefings/child-q/") for h in link_targets(site.soup("reviews/child-q/")))


def test_briefing_on_a_theme_is_on_that_theme_s_page_and_links_to_it(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Themes="Neglect"))
    scenario.write("briefings/mental-health.md", briefing_markdown(Review=None, Theme="Adolescent mental health"))
    site = scenario.build()
    assert site.ok, site.messages()
    theme = site.soup("reviews/themes/adolescent-mental-health/")
    assert [h.rsplit("/", 2)[-2] for h in link_targets(theme.select_one(".briefing-links"))] == ["mental-health"]
    assert theme.select_one(".review-table") is None  # no review has the theme
    # The filter of the review library lists the themes that have reviews.
    filters = [a.get_text() for a in site.soup("reviews/").select(".theme-filter__list a")]
    assert filters == ["All themes", "Neglect (1)"]
    source = site.soup("briefings/mental-health/").select_one(".briefing__source")
    assert any(h.endswith("/reviews/themes/adolescent-mental-health/") for h in link_targets(source))
    assert site.soup("reviews/themes/neglect/").select_one(".briefing-links") is None


def test_draft_briefing_is_not_listed_on_its_review_s_page(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write("briefings/child-q.md", briefing_markdown(Status="draft"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert site.soup("reviews/child-q/").select_one(".briefing-links") is None
    assert site.soup("briefings/").select(".card__title a") == []


def test_review_naming_no_review_stops_the_build_at_its_line(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    path = scenario.write("briefings/child-q.md", briefing_markdown(Review="child-z"))
    site = scenario.build()
    assert not site.ok
    line = path.read_text().splitlines().index("Review: child-z") + 1
    [found] = [f for f in site.result.findings if f.code == "BRF003"]
    assert (Path(found.path).name, found.line) == ("child-q.md", line)
    assert "names no case review" in found.message and "file name" in found.hint


# --- The checks of a briefing ---------------------------------------------------


def test_missing_section_is_reported_where_it_belongs(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    text = briefing_markdown().replace("## Why it matters\n\nA sentence or two for the team.\n\n", "")
    path = scenario.write("briefings/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    line = path.read_text().splitlines().index("## What we found") + 1
    assert codes_in(site, "briefings/child-q.md") == [("BRF001", line)]
    [found] = [f for f in site.result.findings if f.code == "BRF001"]
    assert "Why it matters" in found.message and "BRIEFING_SECTIONS" in found.hint


def test_the_board_s_own_headings_are_the_ones_checked(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write("briefings/child-q.md", briefing_markdown())
    own = ["Background", "Why it matters", "What we found", "Practice points", "What to do", "Reflect", "More"]
    site = scenario.build(BRIEFING_SECTIONS=own)
    assert {f.message for f in site.result.findings if f.code == "BRF001"} == {
        "briefing has no section 'Practice points'",
        "briefing has no sections 'Reflect' and 'More'",
    }
    quiet = scenario.build()
    assert quiet.ok and codes_in(quiet, "briefings/child-q.md") == [], quiet.messages()


def test_overlong_briefing_warns_in_preview_and_stops_publishing(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    long = " ".join(["Agencies recorded each concern on its own and nobody saw the whole picture."] * 50)
    scenario.write("briefings/child-q.md", briefing_markdown(found=long))
    preview = scenario.build()
    assert preview.ok, preview.messages()
    [found] = [f for f in preview.result.findings if f.code == "BRF002"]
    assert found.severity.name == "WARNING" and "one side of A4" in found.message
    published = scenario.build(LSCB_MODE="publish")
    assert not published.ok and "BRF002" in published.codes()


def test_register_term_in_a_briefing_is_refused(scenario, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    scenario.write("briefings/child-q.md", briefing_markdown(found="Tamsin Greywell was seen at school."))
    site = scenario.build()
    assert not site.ok
    assert "RED001" in codes_list(site, "briefings/child-q.md")
    assert not scenario.output.exists()  # nothing is published, so nothing to grep
    assert "Greywell" not in site.messages()


def test_child_s_full_name_in_a_briefing_is_refused(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write("briefings/child-q.md", briefing_markdown(found="Mother's partner, Kyle Brennan, had left."))
    site = scenario.build()
    assert not site.ok
    assert "PII001" in codes_list(site, "briefings/child-q.md")
    assert not scenario.output.exists()
    assert "Brennan" not in site.messages()


def test_undeclared_pseudonym_in_a_briefing_is_reported(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    scenario.write("briefings/child-q.md", briefing_markdown(found="Sibling 4 told School B."))
    site = scenario.build()
    assert not site.ok
    assert codes_list(site, "briefings/child-q.md").count("REV008") == 2


def test_clean_briefing_of_a_review_with_a_register_builds(scenario, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    scenario.write("reviews/child-q.md", review_markdown())
    register = write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    scenario.write("briefings/child-q.md", briefing_markdown())
    site = scenario.build()
    assert site.ok, site.messages()
    assert codes_in(site, "briefings/child-q.md") == []
    for entry in json.loads(register.read_text())["entries"][:3]:
        assert find(site.output, entry) == []


def codes_list(site, path: str) -> list[str]:
    return [code for code, _line in codes_in(site, path)]
