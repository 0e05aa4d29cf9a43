"""Phone first (docs/theme.md, "On a phone"). At 390x844 and 320x640, in
every text size and in high visibility, with and without JavaScript, a
page's h1 starts within the first 60% of the window and nothing scrolls
sideways, and the Exit control stays on screen after scrolling to the end:
on every page in the largest text, the worst case (larger text only pushes
the heading down and widens what could overflow), and in the other modes on
the pages that between them hold every kind of element (ServedSite.
representatives). On the representatives: Exit never covers what has
focus, and the "Display" and "Menu" disclosures open, close and work by
keyboard, at 320 in every mode and at 390 in the standard one (the theme's
one breakpoint is at 40em: the two are the same layout). Each check has a
broken twin at the end that shows it fails on a copy of the site with that
one thing broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from lscb_audit.browser import new_context
from lscb_audit.phone import (
    PHONE_MODES,
    PHONES,
    disclosure_problems,
    exit_on_screen_problems,
    first_screen_problems,
    focus_obscured_problems,
    phone_context,
)
from lscb_audit.problems import report

GUIDANCE = "guidance/roles-of-agencies/"
SCRIPT = {"javascript": True, "no-javascript": False}


def _each(browser, url: str, addresses: list[str], check, phone: str, mode: str, java_script: bool) -> list:
    context = phone_context(browser, phone, mode, java_script)
    page = context.new_page()
    problems = []
    try:
        for address in addresses:
            page.goto(url + address)
            problems += check(page, address)
    finally:
        context.close()
    return problems


def _first_screen_and_exit(page, address: str) -> list:
    # One load of the page for both: the first screen is read at the top,
    # then the page is scrolled to its end for the Exit control.
    return first_screen_problems(page, address) + exit_on_screen_problems(page, address)


@pytest.mark.parametrize("script", SCRIPT)
@pytest.mark.parametrize("mode", PHONE_MODES)
@pytest.mark.parametrize("phone", PHONES)
def test_the_heading_starts_in_the_first_screen_nothing_scrolls_sideways_and_exit_stays_on_screen(
    served_site, browser, phone, mode, script
):
    addresses = served_site.pages if mode == "largest" else served_site.representatives
    problems = _each(browser, served_site.url, addresses, _first_screen_and_exit, phone, mode, SCRIPT[script])
    assert not problems, report(problems)


@pytest.mark.parametrize("phone", PHONES)
def test_exit_never_covers_what_has_focus(served_site, browser, phone):
    problems = _each(
        browser, served_site.url, served_site.representatives, focus_obscured_problems, phone, "largest", True
    )
    assert not problems, report(problems)


DISCLOSURE_SETTINGS = [("320x640", mode) for mode in PHONE_MODES] + [("390x844", "standard")]


@pytest.mark.parametrize(("phone", "mode"), DISCLOSURE_SETTINGS, ids=[f"{p}-{m}" for p, m in DISCLOSURE_SETTINGS])
def test_display_and_menu_open_and_close_by_keyboard(served_site, browser, phone, mode):
    def check(page, address):
        return disclosure_problems(page, address, "Display", "button[data-text-size]") + disclosure_problems(
            page, address, "Menu", "a.site-nav__link"
        )

    problems = _each(browser, served_site.url, served_site.representatives, check, phone, mode, True)
    assert not problems, report(problems)


def test_a_size_chosen_behind_display_applies_and_shows_as_pressed(served_site, browser):
    context = phone_context(browser, "390x844", "standard")
    page = context.new_page()
    page.goto(served_site.url + GUIDANCE)
    page.get_by_role("button", name="Display", exact=True).click()
    largest = page.get_by_role("button", name="Largest text")
    largest.click()
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "24px"
    assert largest.get_attribute("aria-pressed") == "true"
    context.close()


def test_on_a_wide_screen_the_options_and_navigation_show_without_the_buttons(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url + GUIDANCE)
    assert page.get_by_role("button", name="Largest text").is_visible()
    assert page.locator("nav[aria-label=Main] a").first.is_visible()
    assert page.locator("button[aria-controls]").evaluate_all("all => all.filter(b => b.offsetParent).length") == 0
    context.close()


@pytest.mark.parametrize("phone", PHONES)
def test_without_javascript_menu_is_a_link_that_opens_the_navigation(served_site, browser, phone):
    context = phone_context(browser, phone, "standard", java_script=False)
    page = context.new_page()
    page.goto(served_site.url + GUIDANCE)
    navigation = page.locator("nav[aria-label=Main] a").first
    assert not navigation.is_visible()
    assert not page.locator("button[aria-controls]").first.is_visible()
    page.get_by_role("link", name="Menu", exact=True).click()
    assert navigation.is_visible()
    context.close()


# ---- Broken twins: each check fails on a copy with one thing broken. ----


def _add_css(folder: Path, css: str) -> None:
    with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
        sheet.write("\n" + css + "\n")


def _edit_js(folder: Path, old: str, new: str) -> None:
    path = folder / "theme" / "js" / "header-menus.js"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    "css, expected",
    [
        # The navigation always unfolded pushes the heading down.
        ("@media (max-width: 40em) { .site-nav { display: block !important; } }", "first screen"),
        ("@media (max-width: 40em) { .site-header__name { min-width: 30rem; } }", "reflow"),
    ],
)
def test_broken_twin_the_first_screen_check_fails(browser, broken_copy, css, expected):
    with broken_copy() as (folder, url):
        _add_css(folder, css)
        problems = _each(browser, url, [GUIDANCE], first_screen_problems, "320x640", "largest", True)
    assert [p.check for p in problems] == [expected], report(problems)


def test_broken_twin_the_exit_check_fails_when_exit_scrolls_away(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, ".exit-this-page { position: static; }")
        problems = _each(browser, url, [GUIDANCE], exit_on_screen_problems, "390x844", "standard", False)
    assert [(p.page, p.check) for p in problems] == [(GUIDANCE, "exit")], report(problems)


def test_broken_twin_the_focus_check_fails_without_scroll_padding(browser, broken_copy):
    with broken_copy() as (folder, url):
        _add_css(folder, "html, html:root { scroll-padding-top: 0 !important; }")
        problems = _each(browser, url, [GUIDANCE], focus_obscured_problems, "390x844", "largest", True)
    assert problems and {p.check for p in problems} == {"focus obscured"}, report(problems)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # aria-expanded never changes.
        ('button.setAttribute("aria-expanded", String(open));', "", "Enter gives"),
        # The state changes but what it controls stays hidden.
        ("target.classList.toggle(OPEN, open);", "", "Enter gives"),
        # Escape does nothing.
        ('if ((event.key === "Escape"', 'if ((event.key === "NotEscape"', "Escape gives"),
    ],
)
def test_broken_twin_the_disclosure_check_fails(browser, broken_copy, old, new, expected):
    with broken_copy() as (folder, url):
        _edit_js(folder, old, new)
        problems = _each(
            browser,
            url,
            [GUIDANCE],
            lambda page, address: disclosure_problems(page, address, "Display", "button[data-text-size]"),
            "390x844",
            "standard",
            True,
        )
    assert problems and all(p.check == "disclosure" for p in problems), report(problems)
    assert any(p.message.startswith(expected) for p in problems), report(problems)
