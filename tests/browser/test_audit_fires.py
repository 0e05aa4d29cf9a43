"""Each browser check fires: one thing broken in a copy of the built site
makes the check report the page and the element. (The other browser tests
show the same checks staying quiet on the real site.)"""

from __future__ import annotations

from pathlib import Path

from lscb_audit.axe import run_axe
from lscb_audit.browser import Requests, new_context
from lscb_audit.html_check import run_vnu
from lscb_audit.links import run_linkchecker
from lscb_audit.page_checks import (
    contrast_problems,
    focus_problems,
    keyboard_problems,
    no_js_problems,
    reflow_problems,
    scaling_problems,
)
from lscb_audit.site import page_file

GUIDANCE = "guidance/roles-of-agencies/"
REVIEW = "reviews/child-l/"


def _edit(folder: Path, address: str, old: str, new: str, count: int = 1) -> None:
    path = page_file(folder, address)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {address}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _add_css(folder: Path, css: str) -> None:
    with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
        sheet.write("\n" + css + "\n")


def _open(browser, url: str, mode: str = "default", width: int = 1280, **options):
    context = new_context(browser, mode, width, **options)
    page = context.new_page()
    page.goto(url)
    return context, page


def test_axe_names_the_page_and_the_image_that_lost_its_alt_text(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, REVIEW, '<img alt="Family network diagram', '<img data-alt="Family network diagram')
        context, page = _open(browser, url + REVIEW)
        violations, _ = run_axe(page, REVIEW)
        context.close()
    assert [(p.page, p.check) for p in violations] == [(REVIEW, "axe image-alt")]
    assert "img" in violations[0].element and str(violations[0]).startswith(f"/{REVIEW} ")


def test_a_colour_below_7_to_1_is_named_in_high_visibility_and_axe_catches_it_by_default(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(
            folder,
            "html.high-visibility .prose p { color: #6f6f6f !important; }"  # 4.2:1 on black
            " html:not(.high-visibility) .prose p { color: #999999 !important; }",
        )  # 2.8:1 on white
        context, page = _open(browser, url + GUIDANCE, "high-visibility")
        problems = contrast_problems(page, GUIDANCE, 7)
        context.close()
        context, page = _open(browser, url + GUIDANCE)
        violations, _ = run_axe(page, GUIDANCE)
        context.close()
    assert problems and all(p.page == GUIDANCE for p in problems)
    assert "#para-1" in {p.element for p in problems}  # the numbered paragraph, by its id
    assert "needs 7:1" in problems[0].message
    assert "axe color-contrast" in {p.check for p in violations}


def test_linkchecker_names_the_page_and_the_broken_link(served_site, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, GUIDANCE, 'href="#main-content"', 'href="/no-such-page/"')
        _edit(folder, "", 'href="#main-content"', f'href="{url}{GUIDANCE}#no-such-anchor"')
        problems = run_linkchecker(url, [GUIDANCE, ""])
    found = {(p.page, p.element.split(" ", 2)[-1]) for p in problems}
    assert found == {(GUIDANCE, '<a href="/no-such-page/">'), ("", f'<a href="{url}{GUIDANCE}#no-such-anchor">')}, (
        problems
    )
    assert "no-such-anchor" in next(p.message for p in problems if p.page == "")


def test_vnu_names_the_file_and_line_of_invalid_html(broken_copy):
    with broken_copy() as (folder, _url):
        _edit(folder, GUIDANCE, '<main id="main-content"', '<main id="main-content" id="again"')
        problems = run_vnu(folder)
    assert [p.page for p in problems] == [GUIDANCE]
    assert problems[0].element.startswith("line ") and "Duplicate attribute" in problems[0].message


def test_the_keyboard_check_notices_a_missing_skip_link(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, GUIDANCE, '<a class="skip-link" href="#main-content">Skip to main content</a>', "")
        context, page = _open(browser, url + GUIDANCE)
        problems = keyboard_problems(page, GUIDANCE)
        context.close()
    assert [(p.page, p.message) for p in problems] == [(GUIDANCE, "the first Tab stop is not the skip link")]
    assert "exit-this-page" in problems[0].element


def test_the_focus_check_notices_an_invisible_focus(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, ".site-nav__link:focus-visible { outline: none !important; box-shadow: none !important; }")
        context, page = _open(browser, url + GUIDANCE)
        problems = focus_problems(page, GUIDANCE)
        context.close()
    assert problems and all("site-nav__link" in p.element for p in problems)


def test_the_reflow_check_notices_sideways_scrolling_clipping_and_overlap(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(
            folder,
            ".prose { min-width: 40rem; }"
            " .page-title { white-space: nowrap; overflow: hidden; }"
            " .lede { margin-top: -6rem; }",
        )
        context, page = _open(browser, url + GUIDANCE, "large-text", 320)
        kinds = {(p.check, p.element.split(" > ")[-1].split(":")[0]) for p in reflow_problems(page, GUIDANCE)}
        context.close()
    # The widest element is named: the one the broken rule made too wide.
    assert [element for kind, element in kinds if kind == "horizontal scrolling"] == ["div.prose"]
    assert ("text cut off", "h1.page-title") in kinds
    assert any(kind == "text overlaps other text" for kind, _ in kinds)


def test_the_reflow_check_notices_a_heading_word_broken_across_lines(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, "h1.page-title { font-size: 3rem !important; }")
        context, page = _open(browser, url + GUIDANCE, "large-text", 320)
        problems = [p for p in reflow_problems(page, GUIDANCE) if p.check == "word broken across lines"]
        context.close()
    assert problems and all(p.element.endswith("h1.page-title") for p in problems)


def test_the_scaling_check_notices_text_fixed_in_pixels(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, ".lede { font-size: 19px !important; }")
        small_context, small = _open(browser, url + GUIDANCE)
        large_context, large = _open(browser, url + GUIDANCE, "large-text")
        problems = scaling_problems(small, large, GUIDANCE)
        small_context.close()
        large_context.close()
    assert problems and all("lede" in p.element for p in problems)


def test_the_no_js_check_notices_controls_that_cannot_work(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, GUIDANCE, 'data-module="display-options" hidden', 'data-module="display-options"')
        context, page = _open(browser, url + GUIDANCE, java_script_enabled=False)
        exit_url = page.locator("a.exit-this-page__button").get_attribute("data-exit-url")
        problems = no_js_problems(page, GUIDANCE, exit_url)
        context.close()
    assert [(p.page, p.element) for p in problems] == [(GUIDANCE, "div.display-options")]


def test_a_request_to_another_host_is_noticed(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, GUIDANCE, "</main>", '<img src="https://fonts.example.invalid/logo.png" alt=""></main>')
        context = new_context(browser)
        page = context.new_page()
        requests = Requests(page, url)
        requests.current = GUIDANCE
        page.goto(url + GUIDANCE)
        context.close()
    assert requests.elsewhere == [(GUIDANCE, "https://fonts.example.invalid/logo.png")]
