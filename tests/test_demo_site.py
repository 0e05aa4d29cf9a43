"""The demo site, built from content/ with real Pelican, checked on its output."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, guidance_markdown

CONTENT_PAGES = [
    "guidance/roles-of-agencies/index.html",
    "guidance/making-a-referral/index.html",
    "young-people/roles-of-agencies/index.html",
    "children/roles-of-agencies/index.html",
    "annual-reports/2024-25/index.html",
    "annual-reports/2023-24/index.html",
    "reviews/child-l/index.html",
    "reviews/child-r/index.html",
    "about/index.html",
    "report-a-concern/index.html",
    "accessibility/index.html",
    "privacy/index.html",
    "glossary/index.html",
    "staying-safe-online/index.html",
    "parents-and-carers/index.html",
]
LISTINGS = {
    "guidance/index.html": ["guidance/roles-of-agencies/", "guidance/making-a-referral/"],
    "young-people/index.html": ["young-people/roles-of-agencies/"],
    "children/index.html": ["children/roles-of-agencies/"],
    "annual-reports/index.html": ["annual-reports/2024-25/", "annual-reports/2023-24/"],
    "reviews/index.html": ["reviews/child-l/", "reviews/child-r/"],
}


def _hrefs(soup):
    return [a["href"] for a in soup.find_all("a", href=True)]


SITE_NAME = "Northshire Safeguarding Children Board"
# The listings' headings come from the theme, or from the section's own
# index page (content/children/index.md) when it has one.
OWN_TITLES = {
    "guidance/index.html": "Guidance for professionals",
    "young-people/index.html": "For young people",
    "children/index.html": "For children",
    "annual-reports/index.html": "Annual reports",
    "reviews/index.html": "Case reviews",
    "index.html": SITE_NAME,
}


def _source_title(page: str) -> str:
    """The Title: line of the Markdown file a page is built from."""
    folder, _, slug = page.removesuffix("/index.html").removesuffix(".html").rpartition("/")
    source = ROOT / "content" / (folder or "pages") / f"{slug}.md"
    (title,) = [
        line.removeprefix("Title:").strip()
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.startswith("Title:")
    ]
    return title


@pytest.mark.parametrize("page", CONTENT_PAGES + list(LISTINGS) + ["index.html", "404.html"])
def test_each_page_of_the_demo_site_is_built_from_its_own_source(demo_site, page):
    """Each address holds its own page: one heading, the title of the file it
    is built from, which the browser's title bar shows too."""
    expected = OWN_TITLES.get(page) or _source_title(page)
    soup = demo_site.soup(page)
    assert [h1.get_text(" ", strip=True) for h1 in soup.find_all("h1")] == [expected]
    assert soup.title.get_text(strip=True) == (expected if expected == SITE_NAME else f"{expected}: {SITE_NAME}")


@pytest.mark.parametrize("listing, items", sorted(LISTINGS.items()))
def test_each_content_type_is_listed_on_its_listing_page(demo_site, listing, items):
    hrefs = [h.lstrip("./") for h in _hrefs(demo_site.soup(listing).find("main"))]
    for item in items:
        assert any(h.endswith(item) for h in hrefs), f"{item} not listed on {listing}"


def test_annual_reports_are_listed_newest_first_and_home_links_the_latest(demo_site):
    listing = demo_site.soup("annual-reports/index.html")
    order = [a["href"] for a in listing.select(".card__title a")]
    assert order == ["../annual-reports/2024-25/", "../annual-reports/2023-24/"]
    home = demo_site.soup("index.html")
    section = home.find(id="report-heading").find_parent("section")
    assert section.find("a")["href"] == "./annual-reports/2024-25/"


def test_guidance_has_numbered_paragraphs_footnotes_a_table_and_a_contents_list(demo_site):
    page = demo_site.soup("guidance/roles-of-agencies/index.html")
    numbered = page.select("p.numbered")
    assert len(numbered) >= 20
    assert [p["id"] for p in numbered[:3]] == ["para-1", "para-2", "para-3"]
    assert numbered[0].find("span", class_="para-number").get_text() == "1."
    assert page.select(".footnote li")
    assert page.select(".table-scroll table thead th")
    contents = page.select("nav.contents a")
    assert len(contents) >= 3
    for link in contents:
        assert page.find(id=link["href"][1:]) is not None
    back = page.select_one(".back-to-top a")
    assert back.get_text() == "Back to top of this page"
    assert page.find(id=back["href"][1:]) is not None
    facts = page.select_one("dl.facts").get_text(" ", strip=True)
    assert "Owner" in facts and "Next review" in facts


def test_guidance_and_its_versions_link_both_ways(demo_site):
    guidance = demo_site.soup("guidance/roles-of-agencies/index.html")
    versions = {a["href"] for a in guidance.select(".versions a")}
    assert versions == {"../../young-people/roles-of-agencies/", "../../children/roles-of-agencies/"}
    for folder in ("young-people", "children"):
        back = demo_site.soup(f"{folder}/roles-of-agencies/index.html").select_one(".version-of a")
        assert back["href"] == "../../guidance/roles-of-agencies/"


def test_children_and_young_people_pages_get_their_own_layout(demo_site):
    assert "audience-children" in demo_site.soup("children/roles-of-agencies/").body["class"]
    assert "audience-young-people" in demo_site.soup("young-people/roles-of-agencies/").body["class"]
    assert "audience-professionals" in demo_site.soup("guidance/roles-of-agencies/").body["class"]


def test_a_review_page_shows_its_parts_and_links_its_report_with_format_and_size(demo_site):
    page = demo_site.soup("reviews/child-l/index.html")
    headings = [h.get_text(strip=True) for h in page.find("main").find_all("h2")]
    for expected in ("Summary", "Findings", "Recommendations", "The board's response"):
        assert expected in headings
    link = page.select_one(".document-link a")
    assert link["href"].endswith("reviews/documents/child-l-overview-report.pdf")
    assert (demo_site.output / "reviews/documents/child-l-overview-report.pdf").read_bytes().startswith(b"%PDF-")
    size = (demo_site.output / "reviews/documents/child-l-overview-report.pdf").stat().st_size
    assert f"(PDF, {max(1, round(size / 1024))} KB)" in link.get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    image = page.find("main").find("img")
    assert image["alt"].strip()
    assert image["src"].endswith("reviews/images/child-l-family-network.png")
    png = (demo_site.output / "reviews/images/child-l-family-network.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_review_library_lists_year_type_and_themes_and_filters_by_theme(demo_site):
    library = demo_site.soup("reviews/index.html")
    rows = library.select("table tbody tr")
    assert len(rows) == 2
    cells = [c.get_text(" ", strip=True) for c in rows[0].find_all(["th", "td"])]
    assert cells[1] == "2026"
    assert cells[2] == "Local child safeguarding practice review"
    assert "Neglect" in cells[3]
    theme_links = library.select(".theme-filter a")
    assert len(theme_links) > 2
    for link in theme_links[1:]:
        target = "reviews/" + link["href"].removeprefix("../reviews/")
        assert demo_site.exists(target + "index.html"), target


def test_an_old_review_is_replaced_by_an_available_on_request_notice(demo_site):
    notice = demo_site.soup("reviews/child-d/index.html")
    assert "available on request" in notice.get_text()
    assert notice.select(".prose") == []
    assert "child-d" not in (demo_site.output / "reviews/index.html").read_text()


@pytest.mark.parametrize("page", CONTENT_PAGES + list(LISTINGS) + ["index.html"])
def test_every_page_has_the_parts_every_reader_needs(demo_site, page):
    soup = demo_site.soup(page)
    assert soup.html["lang"].lower() == "en-gb"  # tags are case-insensitive
    assert len(soup.find_all("h1")) == 1
    first_link = soup.body.find("a")
    assert first_link["class"] == ["skip-link"] and first_link["href"] == "#main-content"
    assert soup.find("main", id="main-content") is not None
    assert soup.find("header") and soup.find("footer") and soup.find("nav", attrs={"aria-label": "Main"})
    options = soup.find(attrs={"data-module": "display-options"})
    assert options is not None and options.has_attr("hidden")
    labels = [" ".join(b.get_text().split()) for b in options.find_all("button")]
    assert labels == ["Standard text", "Larger text", "Largest text", "High visibility"]
    assert all(b.has_attr("aria-pressed") for b in options.find_all("button"))
    exit_link = soup.select_one('[data-module="exit-this-page"] a')
    assert exit_link["href"] == "https://www.bbc.co.uk/weather"
    concern = soup.select_one(".concern-banner a")
    if page.startswith(("children/", "young-people/")):
        # Children and young people are spoken to: Childline, not "report a concern".
        assert concern.get_text() == "0800 1111" and concern["href"] == "tel:08001111"
        assert (
            soup.select_one(".concern-banner")
            .get_text(" ", strip=True)
            .startswith("Need to talk to someone? Childline: 0800 1111 , free, any time")
        )
    else:
        assert concern.get_text() == "Report a concern"
        assert concern["href"].endswith("report-a-concern/")
    if page != "index.html":
        assert soup.find("nav", attrs={"aria-label": "Breadcrumb"}) is not None


def test_no_page_loads_anything_from_another_host(demo_site):
    for path in demo_site.html_files():
        soup = demo_site.soup(str(path.relative_to(demo_site.output)))
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value and not (tag == "link" and "alternate" in element.get("rel", [])):
                    assert not urlparse(value).netloc, f"{path}: <{tag}> loads {value}"
        for style in soup.find_all("style"):
            assert "@import" not in style.get_text() and "url(http" not in style.get_text()
    css = (demo_site.output / "theme/css/main.css").read_text()
    assert "http" not in css.replace("http://www.w3.org", "")


def test_the_report_a_concern_page_shows_the_configured_numbers(demo_site):
    text = demo_site.soup("report-a-concern/index.html").find("main").get_text(" ", strip=True)
    for number in ("999", "01632 960 123", "01632 960 456", "0808 800 5000", "0800 1111"):
        assert number in text


def test_feeds_sitemap_robots_and_404_exist_and_list_publications(demo_site):
    feed = (demo_site.output / "feeds/all.atom.xml").read_text()
    assert "roles-of-agencies" in feed and "child-l" in feed and "child-d" not in feed
    sitemap = (demo_site.output / "sitemap.xml").read_text()
    assert "guidance/roles-of-agencies/" in sitemap
    assert "reviews/child-l/" not in sitemap  # reviews are noindex by default
    assert "about/" in sitemap
    assert (demo_site.output / "robots.txt").read_text().startswith("User-agent: *")
    not_found = demo_site.soup("404.html")
    assert not_found.find("h1").get_text(strip=True) == "Page not found"


def test_feeds_give_each_items_summary_and_address_not_its_text(demo_site):
    """A feed reader keeps what it fetched: a review's text must not outlive
    its page there, so each entry is the summary and a link (lscb_content.feeds)."""
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    for path in sorted((demo_site.output / "feeds").glob("*.atom.xml")):
        for entry in ElementTree.parse(path).getroot().iter(f"{atom}entry"):
            link = entry.find(f"{atom}link").get("href").strip("/")
            page = demo_site.soup(f"{link}/index.html")
            summary = page.find("meta", attrs={"name": "description"})["content"]
            shown = " ".join(BeautifulSoup(entry.find(f"{atom}content").text, "html.parser").get_text(" ").split())
            body = " ".join(page.find("main").get_text(" ").split())
            assert shown == " ".join(summary.split()), (path.name, link)
            assert len(shown) < len(body) / 3, (path.name, link)


def test_no_drafts_folder_and_no_source_files_are_published(demo_site):
    assert not demo_site.exists("drafts")
    assert not list(demo_site.output.rglob("*.md"))


@pytest.mark.parametrize(
    "short, shown",
    [
        ("Northshire SCB", ["Northshire Safeguarding Children Board", "Northshire SCB"]),
        ("", ["Northshire Safeguarding Children Board"]),  # not set: phones show the full name
    ],
)
def test_the_header_names_the_board_in_full_and_by_its_short_name_for_phones(scenario, short, shown):
    scenario.write("guidance/a-procedure.md", guidance_markdown())
    site = scenario.build(SITE_SHORT_NAME=short)
    assert site.ok, site.messages()
    name = site.soup("index.html").select_one("a.site-header__name")
    assert [span.get_text() for span in name.find_all("span")] == shown
    assert [span["class"] for span in name.find_all("span")] == [["site-header__full"], ["site-header__short"]][
        : len(shown)
    ]
