"""The "Get updates" page (lscb_content.follow) and its setting's check (CFG003)."""

from __future__ import annotations

from conftest import guidance_markdown

PAGE = "get-updates/index.html"


def _links(site) -> dict[str, str]:
    main = site.soup(PAGE).find("main")
    return {" ".join(a.get_text().split()): a["href"] for a in main.find_all("a")}


def test_the_demo_lists_every_section_feed_and_each_feed_exists(demo_site):
    links = _links(demo_site)
    feeds = {text: href for text, href in links.items() if text.endswith("(Atom feed)")}
    assert feeds["Everything new or changed (Atom feed)"].endswith("feeds/all.atom.xml")
    assert {"Guidance for professionals (Atom feed)", "Case reviews (Atom feed)", "Annual reports (Atom feed)"} <= set(
        feeds
    )
    for href in feeds.values():
        assert demo_site.exists(href.replace("../", "")), href
    assert links["Sign up for email updates"] == "https://lists.northshire-scb.example/join"
    # The demo lists events: their calendar, which calendar programs subscribe to, and their feed.
    assert links["Training and events (calendar)"].endswith("events/calendar.ics")
    assert demo_site.exists("events/calendar.ics") and "Training and events (Atom feed)" in feeds


def test_every_page_links_it_from_the_footer(demo_site):
    for path in demo_site.html_files():
        footer = demo_site.soup(str(path.relative_to(demo_site.result.output))).find("footer")
        if footer is None:  # the search index's fragments and the like
            continue
        assert any(a["href"].endswith("get-updates/") for a in footer.find_all("a")), path


def test_a_section_with_nothing_published_has_no_feed_listed(scenario):
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    site = scenario.build(MAILING_LIST_URL="")
    assert site.ok, site.messages()
    links = _links(site)
    feeds = sorted(text for text in links if text.endswith("(Atom feed)"))
    assert feeds == ["Everything new or changed (Atom feed)", "Guidance for professionals (Atom feed)"]
    main = site.soup(PAGE).find("main")
    assert main.find(id="follow-email") is None and main.find(id="follow-calendar") is None
    for text in feeds:
        assert site.exists(links[text].replace("../", "")), links[text]


def test_the_mailing_list_is_a_plain_link_and_nothing_is_loaded_from_it(scenario):
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    site = scenario.build(MAILING_LIST_URL="https://lists.example.org/northshire")
    assert site.ok, site.messages()
    page = site.soup(PAGE)
    assert [a["href"] for a in page.find_all("a") if "lists.example.org" in a["href"]] == [
        "https://lists.example.org/northshire"
    ]
    for tag in page.find_all(["script", "img", "iframe", "form", "link"]):
        assert "lists.example.org" not in str(tag), tag


def test_a_mailing_list_address_that_is_not_https_stops_the_build(scenario):
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    for address in ("http://lists.example.org/northshire", "javascript:alert(1)", "lists.example.org/join"):
        site = scenario.build(MAILING_LIST_URL=address)
        assert not site.ok and site.codes() == ["CFG003"], (address, site.messages())
        [finding] = site.result.findings
        assert "https" in finding.message and "https" in finding.hint and len(finding.message) < 80


def test_a_mailing_list_address_that_would_write_markup_stops_the_build(scenario):
    # A quote or an angle bracket ends the page's href and starts markup of
    # its own: no address holds one as written.
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    for address in (
        'https://lists.example.org/join"><xmp>Zebedee&#32;Quinlan</xmp>',
        'https://lists.example.org/join"\tdata-x="1',
        "https://lists.example.org/join<b>",
    ):
        site = scenario.build(MAILING_LIST_URL=address)
        assert not site.ok and site.codes() == ["CFG003"], (address, site.messages())
    site = scenario.build(
        MAILING_LIST_URL="https://northshire.us21.list-manage.com/subscribe?u=4a1b2c3d4e5f&id=9f8e7d6c5b"
    )
    assert site.ok, site.messages()
