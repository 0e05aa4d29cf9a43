"""A review that may not be published appears nowhere in the output."""

from __future__ import annotations

import pytest
from media import make_pdf, make_png

from conftest import review_markdown

# A small, clean PDF and PNG: real files, which the attachment checks read.
PDF = make_pdf(["Overview report about Child Q."])
PNG = make_png()

BLOCKING_FIELDS = {
    "withheld": ({"Publication_decision": "withhold"}, "Publication_decision is withhold"),
    "no-decision": ({"Publication_decision": None}, "it has no Publication_decision"),
    "criminal-proceedings-ongoing": ({"Criminal_proceedings": "ongoing"}, "Criminal_proceedings is ongoing"),
    "embargoed": ({"Publish_after": "2099-01-01"}, "embargoed until 2099-01-01"),
    "future-date": ({"Date": "2099-02-01"}, "embargoed until 2099-02-01"),
    "draft": ({"Status": "draft"}, "Status is draft"),
    "hidden": ({"Status": "hidden"}, "Status is hidden"),
}


def _blocked_scenario(scenario, fields):
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body="## Findings\n\n![Family network](images/child-q-network.png)\n\n"
            "Unique marker sentence zebra-quokka.\n\n## The board's response\n\nAccepted.\n",
            Title="Child Q secret title marker",
            Themes="Quokka theme",
            Document="reviews/documents/child-q-report.pdf",
            **fields,
        ),
    )
    scenario.write_bytes("reviews/images/child-q-network.png", PNG)
    scenario.write_bytes("reviews/documents/child-q-report.pdf", PDF)
    # A second, publishable review keeps the listing, feeds and theme pages alive.
    scenario.write(
        "reviews/child-z.md",
        review_markdown(
            Title="Child Z: published review",
            Child="Child Z",
            Pseudonyms="Child Z, Mother",
        ),
    )
    return scenario.build(LSCB_THEMES=["Neglect", "Information sharing", "Quokka theme"])


@pytest.mark.parametrize("situation", sorted(BLOCKING_FIELDS))
def test_a_blocked_review_appears_nowhere_in_the_output(scenario, situation):
    fields, _reason = BLOCKING_FIELDS[situation]
    site = _blocked_scenario(scenario, fields)

    if situation == "no-decision":
        # A review without a decision is an editor's mistake: the build stops
        # (REV001) and nothing at all is published.
        assert not site.ok and "REV001" in site.codes()
        assert not site.output.exists()
        return
    assert site.ok, site.messages()
    everything = site.text_of_everything()
    for marker in ("Child Q secret title marker", "zebra-quokka", "child-q", "Quokka theme", "quokka-theme"):
        assert marker not in everything, f"{marker!r} leaked into the output ({situation})"
    names = [p.name for p in site.all_files()]
    assert "child-q-report.pdf" not in names
    assert "child-q-network.png" not in names
    assert not site.exists("reviews/child-q/index.html")
    assert not site.exists("drafts")
    # The published review is still there, so the checks above looked at a real site.
    assert site.exists("reviews/child-z/index.html")
    assert "Child Z: published review" in site.soup("reviews/index.html").get_text()


@pytest.mark.parametrize("situation", sorted(BLOCKING_FIELDS))
def test_the_build_says_in_one_line_why_a_review_was_not_published(scenario, situation):
    fields, reason = BLOCKING_FIELDS[situation]
    site = _blocked_scenario(scenario, fields)
    lines = [w for w in site.result.warnings if w.startswith("Not published:")]
    assert len(lines) == 1
    assert "reviews/child-q.md" in lines[0]
    assert reason in lines[0]


def test_a_publishable_review_is_published_with_its_image_and_report(scenario):
    site = _blocked_scenario(scenario, {})

    assert site.ok, site.messages()
    page = site.soup("reviews/child-q/index.html")
    assert page.find("h1").get_text(strip=True) == "Child Q secret title marker"
    assert site.exists("reviews/images/child-q-network.png")
    assert site.exists("reviews/documents/child-q-report.pdf")
    report_link = page.find("a", href=lambda h: h and h.endswith("child-q-report.pdf"))
    assert report_link is not None
    assert f"(PDF, {len(PDF)} bytes)" in report_link.get_text()
    assert not [w for w in site.result.warnings if w.startswith("Not published:")]


def test_an_embargoed_review_goes_live_on_its_publish_after_date(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Publish_after="2027-03-01"))
    before = scenario.build(LSCB_TODAY="2027-02-28")
    assert not before.exists("reviews/child-q/index.html")
    on_the_day = scenario.build(LSCB_TODAY="2027-03-01")
    assert on_the_day.exists("reviews/child-q/index.html")
    assert "Child Q" in on_the_day.soup("reviews/index.html").get_text()


def test_review_pages_carry_noindex_and_can_be_configured_not_to(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    default = scenario.build()
    robots = default.soup("reviews/child-q/index.html").find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    assert "reviews/child-q/" not in (default.output / "sitemap.xml").read_text()

    indexed = scenario.build(REVIEW_NOINDEX=False)
    assert indexed.soup("reviews/child-q/index.html").find("meta", attrs={"name": "robots"}) is None


def test_after_the_retention_period_only_a_notice_remains_and_it_leaves_every_listing(scenario):
    scenario.write_bytes("reviews/documents/child-q-report.pdf", PDF)
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            Date="2020-01-10",
            Decision_date="2019-12-01",
            Document="reviews/documents/child-q-report.pdf",
            body="## Findings\n\nRetired marker kiwi-lemur.\n",
        ),
    )
    scenario.write(
        "reviews/child-z.md", review_markdown(Title="Child Z: current", Child="Child Z", Pseudonyms="Child Z, Mother")
    )
    site = scenario.build(REVIEW_RETENTION_MONTHS=12)

    assert site.ok, site.messages()
    notice = site.soup("reviews/child-q/index.html")
    text = notice.get_text(" ", strip=True)
    assert "available on request" in text
    assert "kiwi-lemur" not in text
    assert notice.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not site.exists("reviews/documents/child-q-report.pdf")
    for listing in (
        "reviews/index.html",
        "index.html",
        "sitemap.xml",
        "feeds/all.atom.xml",
        "reviews/themes/neglect/index.html",
    ):
        assert "child-q" not in (site.output / listing).read_text(), listing


def test_a_review_within_the_retention_period_is_listed(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Date="2026-01-10"))
    site = scenario.build(REVIEW_RETENTION_MONTHS=12)
    assert "Child Q" in site.soup("reviews/index.html").get_text()


def test_each_theme_has_a_page_listing_only_its_reviews(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Themes="Neglect, Domestic abuse"))
    scenario.write(
        "reviews/child-z.md",
        review_markdown(Title="Child Z: review", Child="Child Z", Pseudonyms="Child Z", Themes="Domestic abuse"),
    )
    site = scenario.build()

    neglect = site.soup("reviews/themes/neglect/index.html")
    rows = [a.get_text() for a in neglect.select("table a")]
    assert rows == ["Child Q: local child safeguarding practice review"]
    abuse = site.soup("reviews/themes/domestic-abuse/index.html")
    assert len(abuse.select("tbody tr")) == 2
    library = site.soup("reviews/index.html")
    filters = [a.get_text(" ", strip=True) for a in library.select(".theme-filter a")]
    assert filters == ["All themes", "Domestic abuse (2)", "Neglect (1)"]


def test_a_missing_document_stops_the_build_naming_the_file_and_line(scenario):
    path = scenario.write("reviews/child-q.md", review_markdown(Document="reviews/documents/nope.pdf"))
    site = scenario.build()
    assert not site.ok
    message = site.messages()
    assert "reviews/child-q.md:" in message
    line = path.read_text().splitlines().index("Document: reviews/documents/nope.pdf") + 1
    assert f"child-q.md:{line}:11: DOC001" in message
    assert "hint:" in message


def test_an_unreadable_embargo_date_stops_the_build(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Publish_after="next spring"))
    site = scenario.build()
    assert not site.ok
    assert "REV002" in site.messages()
    assert "Publish_after" in site.messages()
    assert not site.exists("reviews/child-q/index.html")


@pytest.mark.parametrize(
    "written_as",
    [
        "documents/child-q-report.pdf",
        "/documents/child-q-report.pdf",
        "content/documents/child-q-report.pdf",
    ],
)
def test_a_blocked_reviews_pdf_is_kept_out_even_from_a_folder_copied_whole(scenario, written_as):
    scenario.write_bytes("documents/child-q-report.pdf", PDF)
    # Another PDF (the same bytes would be a copy of the review's, kept out too).
    scenario.write_bytes("documents/leaflet.pdf", make_pdf(["A leaflet for parents."]))
    scenario.write("reviews/child-q.md", review_markdown(Publication_decision="withhold", Document=written_as))
    site = scenario.build()
    assert site.ok, site.messages()
    assert site.exists("documents/leaflet.pdf")
    assert not site.exists("documents/child-q-report.pdf")


def test_a_link_from_another_page_to_a_blocked_review_stops_the_build(scenario):
    scenario.write("reviews/child-q.md", review_markdown(Publication_decision="withhold"))
    scenario.write(
        "pages/about.md",
        """\
        Title: About

        Read [the review of Child Q](../reviews/child-q/) soon.
        """,
    )
    site = scenario.build()
    assert not site.ok
    # Reported at the Markdown line that names the review: as a link to an
    # unpublished page, and as the review's address reaching the output.
    found = sorted((f.code, f.line) for f in site.result.findings if f.path.endswith("pages/about.md"))
    assert found == [("LINK003", 3), ("REV003", 3)]


@pytest.mark.parametrize(
    "reference", ["images/chart.png", "{static}images/chart.png", "{static}/reviews/images/chart.png"]
)
@pytest.mark.parametrize("decision", ["publish", "withhold"])
def test_images_are_published_with_a_review_whichever_way_they_are_referenced(scenario, reference, decision):
    scenario.write_bytes("reviews/images/chart.png", PNG)
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body=f"## Findings\n\n![A chart of contacts by month]({reference})\n\n## The board's response\n\nDone.\n",
            Publication_decision=decision,
        ),
    )
    site = scenario.build()
    assert site.ok, site.messages()
    assert site.exists("reviews/images/chart.png") == (decision == "publish")
    if decision == "publish":
        image = site.soup("reviews/child-q/index.html").find("main").find("img")
        assert image["src"] == "../../reviews/images/chart.png"


def test_a_mistyped_document_name_gets_a_suggestion(scenario):
    scenario.write_bytes("reviews/documents/child-q-overview-report.pdf", PDF)
    scenario.write("reviews/child-q.md", review_markdown(Document="content/reviews/documents/child-q-overview.pdf"))
    site = scenario.build()
    assert not site.ok
    assert "hint: did you mean reviews/documents/child-q-overview-report.pdf?" in site.messages()
