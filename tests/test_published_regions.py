"""The final gate reads a built page in the regions a browser draws apart
(lscb_checks.published.regions): the header, the breadcrumbs, <main> and the
footer. Only the theme's tags cut a page: a tag an editor writes in the
content cuts nothing, so no editor can set two words of theirs apart."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_published_gate import _refused_both_ways, everything_published  # noqa: E402

from lscb_checks.published.markup import read_markup  # noqa: E402

GUIDANCE = "guidance/making-a-referral/index.html"
OTHER = "guidance/roles-of-agencies/index.html"


def _regions(markup: str) -> list[str]:
    return read_markup(markup, page=True).regions


def _page(demo_site, rel: str) -> str:
    return (demo_site.output / rel).read_text(encoding="utf-8")


def test_a_built_page_is_read_as_its_header_breadcrumbs_content_and_footer(demo_site):
    markup = _page(demo_site, GUIDANCE)
    extract = read_markup(markup, page=True)
    header, crumbs, main, footer = extract.regions
    assert "".join(extract.regions) == extract.text
    assert "Skip to main content" in header and "Making a referral" not in header
    assert "Making a referral" in crumbs and "Worried about a child?" not in crumbs
    assert main.split()[:3] == "Making a referral".split()
    assert "This website sets no cookies" in footer and "Making a referral" not in footer
    # The header and the footer are the same text on two pages: read once.
    other = _regions(_page(demo_site, OTHER))
    assert other[0] == header and other[3] == footer and other[2] != main


def _with_content(markup: str, written: str) -> str:
    """The page with `written` placed in its content, after its first heading."""
    at = markup.index("</h1>") + len("</h1>")
    return markup[:at] + written + markup[at:]


def test_tags_written_in_the_content_cut_nothing(demo_site):
    markup = _page(demo_site, GUIDANCE)
    for tags in ("</main>", "<main>", "</main><main>", "</header>", "</main></header><main id='x'>", "</MAIN >"):
        page = _with_content(markup, f"<p>Child Q, date of birth:</p>{tags}<p>14 March 2017</p>")
        regions = _regions(page)
        assert len(regions) == 4, tags
        holding = [region for region in regions if "date of birth" in region]
        assert len(holding) == 1 and "14 March 2017" in holding[0], tags


def test_a_page_without_its_main_is_read_whole():
    page = (
        "<html><head><title>x</title></head><body><header>Board</header><p>Zebedee</p><footer>f</footer></body></html>"
    )
    extract = read_markup(page, page=True)
    assert extract.regions == [] and "Zebedee" in extract.text
    unended = page.replace("<p>", "<main><p>")
    assert read_markup(unended, page=True).regions == []


def test_markup_that_is_not_a_page_is_not_cut():
    assert read_markup("<header>a</header><main>b</main><footer>c</footer>").regions == []


def test_a_date_of_birth_behind_an_editors_end_of_main_is_refused(scenario, monkeypatch):
    """The label and the date with the content's own `</main><main>` between
    them: the theme's `</main>` is the last, so both are read together (the
    stray tags are refused too, HTML001 to HTML003)."""
    scenario.write(
        "pages/a-record.md",
        "Title: A record\nSummary: A record.\n\nThe record was shared.\n\nChild Q, date of birth:\n\n"
        "</main><main>\n\n14 March 2017\n",
    )
    _refused_both_ways(scenario, monkeypatch, "PII004", "pages/a-record.md", "14 March 2017")
    assert "14 March 2017" not in everything_published(scenario.output)
