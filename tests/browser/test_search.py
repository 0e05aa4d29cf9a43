"""The search page in Chromium: type, press Enter, get results that link to
the pages; the count announced in a polite live region; keyboard alone; no
results; Back; bookmarks; in every display mode; axe on the results; under
the site's Content Security Policy; excerpts shown as text; and a preview
build (relative URLs) served from a sub-folder."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DEMO_TODAY  # noqa: F401  (tests/ is on the path)
from lscb_audit.axe import run_axe
from lscb_audit.browser import MODES, new_context
from lscb_audit.problems import report
from lscb_audit.serve import Server
from lscb_audit.site import build_for_audit
from lscb_audit.tools import ROOT

CSP = (
    "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; "
    "default-src 'none'; img-src 'self' data:"
)
WORD = "referral"  # in the demo guidance, reports and glossary
NOTHING = "xylophonequark"
# A page whose text looks like HTML: search must show it as text.
CODE_PAGE = """Title: Writing safe web pages
Summary: A page whose text looks like markup.

Never paste `<img src="x" onerror="window.lscbPwned=1">` into a page: glimmerquanta.
"""


def _content_with_code_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "pages" / "writing-safe-pages.md").write_text(CODE_PAGE, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def search_site(tmp_path_factory, demo_today):
    """The demo site as published, plus one page whose text looks like HTML."""
    folder = tmp_path_factory.mktemp("search")
    server = Server(folder / "site")  # bound first: the site is built for the port it holds
    with server as url:
        result = build_for_audit(
            folder / "site", server.port, content=_content_with_code_page(folder), today=demo_today
        )
        assert result.ok, "\n".join([f.as_text() for f in result.findings if f.is_error] + result.errors)
        yield url


def _search(page, query: str):
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "() => !document.querySelector('.search__status').textContent.startsWith('Searching')"
        " && document.querySelector('.search__status').textContent !== ''"
    )


def _status(page) -> str:
    return page.locator(".search__status").inner_text()


def _results(page) -> list[dict]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.search__results li')].map(li => ({"
        "href: li.querySelector('h2 a').href, title: li.querySelector('h2 a').textContent}))"
    )


@pytest.mark.parametrize("mode", MODES)
def test_keyboard_alone_searches_and_opens_a_result(search_site, browser, mode):
    context = new_context(browser, mode)
    page = context.new_page()
    page.goto(search_site + "search/")
    for _ in range(60):  # Tab from the top of the page to the search box
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "search-query":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type(WORD)
    page.keyboard.press("Enter")
    page.wait_for_selector(".search__results li")
    status = _status(page)
    results = _results(page)
    assert re.fullmatch(rf"{len(results)} results? for “{WORD}”\.", status), status
    assert page.evaluate("() => document.activeElement.id") == "search-query", "focus was moved"
    assert page.url.endswith(f"search/?q={WORD}")
    # Every result is a link to a page of this site that exists.
    for result in results:
        assert result["href"].startswith(search_site)
        assert page.request.get(result["href"]).status == 200, result["href"]
    # Tab goes on to the button and then the first result; Enter opens it.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.href") == results[0]["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(results[0]["href"])
    assert page.locator("h1").inner_text().strip() == results[0]["title"].strip()
    context.close()


def test_the_count_is_announced_in_a_polite_live_region_that_was_there_before(search_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(search_site + "search/")
    region = page.locator('[role="status"][aria-live="polite"].search__status')
    assert region.count() == 1 and region.inner_text() == ""
    page.evaluate("() => { window.statusBefore = document.querySelector('.search__status'); }")
    _search(page, WORD)
    assert page.evaluate("() => window.statusBefore === document.querySelector('.search__status')")
    assert re.match(r"\d+ results? for “referral”", region.inner_text())
    context.close()


@pytest.mark.parametrize("mode", MODES)
def test_a_search_that_finds_nothing_says_so(search_site, browser, mode):
    context = new_context(browser, mode)
    page = context.new_page()
    page.goto(search_site + "search/")
    _search(page, NOTHING)
    assert _status(page).startswith(f"No results for “{NOTHING}”")
    assert not page.locator(".search__results").is_visible()
    context.close()


def test_the_query_is_in_the_address_so_back_and_bookmarks_work(search_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(search_site + f"search/?q={WORD}")  # a bookmark
    page.wait_for_selector(".search__results li")
    assert page.input_value("#search-query") == WORD
    first = _results(page)
    _search(page, NOTHING)
    assert page.url.endswith(f"?q={NOTHING}")
    page.go_back()
    page.wait_for_selector(".search__results li")
    assert page.input_value("#search-query") == WORD
    assert _results(page) == first
    context.close()


@pytest.mark.parametrize("mode", MODES)
def test_the_results_pass_axe(search_site, browser, mode):
    context = new_context(browser, mode)
    page = context.new_page()
    page.goto(search_site + f"search/?q={WORD}")
    page.wait_for_selector(".search__results li")
    violations, _undecided = run_axe(page, f"search/?q={WORD}")
    _search(page, NOTHING)
    violations += run_axe(page, f"search/?q={NOTHING}")[0]
    assert not violations, f"{mode}:\n" + report(violations)
    context.close()


def test_search_works_under_the_content_security_policy(search_site, browser):
    context = new_context(browser)
    page = context.new_page()
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    page.route("**/*", with_csp)
    page.goto(search_site + "search/")
    _search(page, WORD)
    assert page.locator(".search__results li").count() > 0, _status(page)
    assert not refused, refused
    context.close()


def test_an_excerpt_that_looks_like_html_is_shown_as_text(search_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(search_site + "search/")
    _search(page, "glimmerquanta")
    excerpt = page.locator(".search-result__excerpt").first
    assert 'onerror="window.lscbPwned=1"' in excerpt.inner_text()
    tags = page.evaluate("() => [...document.querySelectorAll('.search-result__excerpt *')].map(e => e.tagName)")
    assert tags and set(tags) == {"MARK"}
    assert page.evaluate("() => window.lscbPwned") is None
    context.close()


def test_without_javascript_the_page_says_search_needs_it_and_links_to_the_lists(search_site, browser):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(search_site + "search/")
    assert page.get_by_text("Search needs JavaScript").is_visible()
    assert not page.locator(".search__form").is_visible()
    for name in ("Guidance for professionals", "Case reviews", "Glossary of safeguarding terms"):
        link = page.locator("main").get_by_role("link", name=name)
        assert page.request.get(link.evaluate("a => a.href")).status == 200
    context.close()


def test_with_javascript_the_no_javascript_message_is_hidden(search_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(search_site + "search/")
    assert not page.get_by_text("Search needs JavaScript").is_visible()
    assert page.locator(".search__form").is_visible()
    context.close()


def test_a_preview_build_with_relative_urls_searches_from_a_sub_folder(tmp_path, browser, demo_today):
    from lscb_core.build import build

    result = build(
        ROOT / "pelicanconf.py",
        tmp_path / "preview",
        overrides={"PATH": str(ROOT / "content"), "LSCB_TODAY": demo_today},
    )
    assert result.ok, "\n".join([f.as_text() for f in result.findings if f.is_error] + result.errors)
    with Server(tmp_path) as url:  # the site is at /preview/, not at the root
        context = new_context(browser)
        page = context.new_page()
        page.goto(url + "preview/search/")
        _search(page, WORD)
        results = _results(page)
        assert results, _status(page)
        for result in results:
            assert result["href"].startswith(url + "preview/"), result["href"]
            assert page.request.get(result["href"]).status == 200
        context.close()
