"""Links between pages: every internal link and #anchor of the built site goes
somewhere, and no published page links to one that is not published.

The rule fixtures (tests/fixtures/rules/LINK*.md) show each code firing and
staying quiet; these tests cover what a single fixture cannot: both modes,
links from the theme, blocked reviews and where a finding points."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, build_site, guidance_markdown, review_markdown


def _build(scenario, publish=False, **overrides):
    """Build the scenario (with the standard pages the theme links to)."""
    settings = "publishconf.py" if publish else "pelicanconf.py"
    return build_site(scenario.content, scenario.output, settings=settings, **overrides)


def _findings(site, code):
    return [f for f in site.result.findings if f.code == code and not f.waived]


def _line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
def test_a_site_whose_links_all_resolve_builds_in_both_modes(scenario, publish):
    scenario.write(
        "guidance/referral.md",
        guidance_markdown(
            "Making a referral",
            "## When to refer\n\nRefer at once.\n\n## After a referral\n\n"
            "See [when to refer](#when-to-refer), the [glossary](../pages/glossary.md#glossary) "
            "and the [about page](/about/).\n",
        ),
    )
    scenario.write("pages/glossary.md", "Title: Glossary\n\n## Glossary\n\nWords.\n")
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "Read [paragraph 2 of the referral guidance](../guidance/referral.md#para-2).\n",
    )
    site = _build(scenario, publish)
    assert site.ok, site.messages()
    # The links really were there to check.
    assert site.soup("training/index.html").find("a", href=lambda h: h and h.endswith("#para-2"))


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
def test_a_broken_link_written_as_an_address_stops_the_build_in_both_modes(scenario, publish):
    page = scenario.write(
        "pages/training.md", "Title: Training\n\n## Courses\n\nThe dates are on the [calendar page](/calender/).\n"
    )
    scenario.write("pages/calendar.md", "Title: Calendar\n\n## Dates\n\nCourse dates.\n")
    site = _build(scenario, publish)
    assert not site.ok
    [finding] = _findings(site, "LINK001")
    assert finding.path.endswith("pages/training.md")
    assert (finding.line, finding.col) == (_line_of(page, "calendar page"), 22)
    assert finding.hint == "did you mean /calendar/?"
    assert len(finding.message) < 80


def test_on_the_live_site_links_to_the_site_address_are_checked_too(scenario):
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "See [about us](https://www.northshire-scb.example/about/), "
        "[our plans](https://www.northshire-scb.example/plans/) and "
        "[a neighbouring board](https://www.northshire-scb.example.org/plans/).\n",
    )
    assert _build(scenario).ok  # in a preview, the live address is another site
    site = _build(scenario, publish=True)
    assert [f.message for f in _findings(site, "LINK001")] == ["link to /plans/ goes nowhere"]


def test_a_missing_anchor_names_the_paragraphs_the_page_has(scenario):
    scenario.write(
        "guidance/referral.md",
        guidance_markdown("Making a referral", "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"),
    )
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "Read [paragraph 2](../guidance/referral.md#para-2).\n\n"
        "Read [paragraph 12](../guidance/referral.md#para-12).\n",
    )
    site = _build(scenario)
    [finding] = _findings(site, "LINK002")
    assert finding.line == _line_of(page, "paragraph 12")
    assert finding.message == "#para-12 is not on /guidance/referral/"
    assert finding.hint == "that page has paragraphs 1 to 3"


def test_the_second_of_two_identical_links_is_reported_at_its_own_line(scenario):
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "See [courses](#courses).\n\n"
        "See [courses](#courses) and [more courses](#cources).\n",
    )
    site = _build(scenario)
    [finding] = _findings(site, "LINK002")
    assert finding.line == _line_of(page, "more courses")
    assert finding.hint == "did you mean #courses?"


def test_a_broken_link_in_the_theme_is_reported_once_on_the_built_page(scenario, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace(
            "</footer>", '<a href="{{ SITEURL }}/complaints/">Complaints</a></footer>'
        ),
        encoding="utf-8",
    )
    scenario.write("pages/training.md", "Title: Training\n\n## Courses\n\nCourses for staff.\n")
    site = _build(scenario, THEME=str(theme))
    assert not site.ok
    [finding] = _findings(site, "LINK001")
    assert finding.path.startswith("output/") and finding.path.endswith(".html")
    assert finding.message.startswith("link to /complaints/ goes nowhere (and ")
    assert "theme/templates" in finding.hint


def test_a_source_link_to_a_missing_page_suggests_the_page_meant(scenario):
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral"))
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\nBefore the course, read [making a referral](guidance/referral.md).\n",
    )
    site = _build(scenario)
    assert not site.ok
    [finding] = _findings(site, "LINK004")
    assert (finding.line, finding.col) == (_line_of(page, "making a referral"), 25)
    assert finding.hint == "did you mean ../guidance/referral.md?"
    assert not scenario.output.exists(), "stopped before anything was written"


def test_a_missing_image_is_reported_with_the_file_meant(scenario):
    from factories import FACTORIES

    scenario.write_bytes("pages/images/course-chart.png", FACTORIES["png_clean"]())
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n![Places booked each month, rising from 20 to 60.](images/course-chrt.png)\n",
    )
    site = _build(scenario)
    [finding] = _findings(site, "LINK004")
    assert finding.line == _line_of(page, "course-chrt")
    assert finding.hint == "did you mean images/course-chart.png?"


WITHHELD = {"Publication_decision": "withhold"}


def test_a_link_to_a_withheld_review_stops_the_build_before_anything_is_written(scenario):
    scenario.write("reviews/child-q.md", review_markdown(**WITHHELD))
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "The course draws on the [review concerning Child Q](../reviews/child-q.md).\n",
    )
    site = _build(scenario)
    assert not site.ok
    [finding] = _findings(site, "LINK005")
    assert finding.line == _line_of(page, "Child Q")
    assert finding.message == "links to a review that is not published: ../reviews/child-q.md"
    # Caught at the source stage: the leak guard on the output never ran, so
    # the editor sees one finding for one link.
    assert _findings(site, "REV003") == []


def test_a_link_to_a_withheld_review_by_address_is_named_by_both_link_and_leak_checks(scenario):
    scenario.write("reviews/child-q.md", review_markdown(**WITHHELD))
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\nThe course draws on the [review concerning Child Q](/reviews/child-q/).\n",
    )
    site = _build(scenario)
    assert not site.ok
    [link] = _findings(site, "LINK003")
    assert link.path.endswith("pages/training.md") and link.line == _line_of(page, "Child Q")
    assert link.message == "links to a review that is not published: /reviews/child-q/"
    assert _findings(site, "REV003"), "the leak guard reads the output independently"
    assert _findings(site, "LINK001") == []


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
def test_a_published_page_may_not_link_to_a_draft_but_a_draft_may(scenario, publish):
    scenario.write(
        "pages/plans.md", "Title: Plans\nStatus: draft\n\n## Plans\n\nSee the [training draft](training-draft.md).\n"
    )
    scenario.write("pages/training-draft.md", "Title: Training draft\nStatus: draft\n\n## Draft\n\nDraft.\n")
    assert _build(scenario, publish).ok

    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\nSee the [plans](plans.md) and the [plans again](/drafts/plans/).\n",
    )
    site = _build(scenario, publish)
    [source] = _findings(site, "LINK005")
    assert source.line == _line_of(page, "plans") and source.col == 9
    assert source.message == "links to a draft page: plans.md"


def test_links_of_drafts_hidden_pages_and_withheld_reviews_are_checked_too(scenario):
    scenario.write("pages/hidden.md", "Title: Hidden\nStatus: hidden\n\n## Hidden\n\n[a](nowhere.md)\n")
    scenario.write("pages/draft.md", "Title: Draft\nStatus: draft\n\n## Draft\n\n[b](nowhere.md)\n")
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body="## Findings\n\nSee [c](../pages/nowhere.md).\n\n## The board's response\n\nAccepted.\n", **WITHHELD
        ),
    )
    site = _build(scenario)
    paths = sorted(f.path.rsplit("/", 2)[-2] + "/" + f.path.rsplit("/", 1)[-1] for f in _findings(site, "LINK004"))
    assert paths == ["pages/draft.md", "pages/hidden.md", "reviews/child-q.md"]


def test_the_demo_site_has_no_broken_links_in_either_mode(tmp_path):
    for settings in ("pelicanconf.py", "publishconf.py"):
        site = build_site(ROOT / "content", tmp_path / settings, settings=settings)
        assert not [f for f in site.result.findings if f.code.startswith("LINK")], site.messages()
        assert site.ok, site.messages()


TRICKY_HTML = """<!DOCTYPE html>
<html><head><link rel="stylesheet" href="/theme/main.css"><script src="/theme/a.js"></script>
<script>var s = '<a href="/in-a-script/">no</a>';</script></head>
<body><!-- <a href="/in-a-comment/">old</a> <div id="commented"></div> -->
<A HREF="/upper/" TITLE="a > b">Upper <em>case</em></A>
<a href=/unquoted/ id=top-link>Unquoted</a>
<a href="/search/?q=a&amp;b=c">Search &amp; find</a>
<a name="old-anchor">Not a link</a>
<p id="para-1">Text with <a href="#para-1"><img src="/i.png" alt="an icon"></a>
and <a
  href="/multi/line/">over
  two lines</a>.</p>
<code>&lt;a href="/in-code/"&gt;</code>
</body></html>
"""


def test_the_link_scanner_sees_what_the_full_parser_sees():
    from lscb_core.html_model import parse_html, scan_references

    full, scanned = parse_html(TRICKY_HTML), scan_references(TRICKY_HTML)
    assert [(link.href, link.text, link.line) for link in scanned.links] == [
        (link.href, link.text, link.line) for link in full.links
    ]
    assert scanned.ids == full.ids and scanned.resources == full.resources
    assert [link.href for link in full.links] == [
        "/upper/",
        "/unquoted/",
        "/search/?q=a&b=c",
        "#para-1",
        "/multi/line/",
    ]
    assert full.links[3].text == "an icon"


def test_the_quick_look_misses_no_url_or_id_the_parser_sees():
    from lscb_checks import quick
    from lscb_core.html_model import parse_html

    full = parse_html(TRICKY_HTML)
    urls, ids = quick.urls_and_ids(TRICKY_HTML.encode("utf-8"))
    assert {link.href for link in full.links} | {url for _tag, url, _line in full.resources} <= set(urls)
    assert {name for name, _line in full.ids} <= set(ids)
    assert quick.links(TRICKY_HTML)[0] == (' HREF="/upper/" TITLE="a > b"', "Upper case")


def test_a_broken_address_can_be_waived_on_its_line_but_a_link_to_a_withheld_review_cannot(scenario):
    scenario.write("reviews/child-q.md", review_markdown(**WITHHELD))
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "Book on the [booking system](/booking/). "
        "<!-- waive LINK001: the booking system is served by the council at this address -->\n",
    )
    site = _build(scenario)
    assert site.ok, site.messages()
    assert [f.code for f in site.result.findings if f.waived] == ["LINK001"]

    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "See the [Child Q review](/reviews/child-q/). "
        "<!-- waive LINK003: it will be published soon -->\n",
    )
    site = _build(scenario)
    assert not site.ok
    assert site.codes() == ["WAIV005"]  # "cannot be waived": the build stops before writing
