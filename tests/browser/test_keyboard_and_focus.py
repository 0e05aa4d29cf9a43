"""Keyboard: the skip link comes first and moves focus to the content, Tab
reaches every control and never traps, and focus is visible on every stop in
every display mode: on every page in high visibility, on the pages that
between them hold every kind of element (ServedSite.representatives) in the
others (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7). Whether Tab reaches a
control and leaves it again depends on its kind, not on its words, so the
Tab walk from the skip link runs on the representatives too."""

from __future__ import annotations

import pytest

from lscb_audit.browser import MODES, each_page, measure, new_context, tab_walk
from lscb_audit.page_checks import focus_problems, keyboard_problems
from lscb_audit.problems import report


def test_keyboard_reaches_everything_from_the_skip_link(served_site, browser):
    problems = each_page(browser, served_site.url, served_site.representatives, keyboard_problems)
    assert not problems, report(problems)


def test_the_skip_link_moves_focus_to_the_main_content(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url + served_site.page_of_type("guidance/"))
    page.keyboard.press("Tab")
    assert measure(page, "active()").endswith("a.skip-link")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    # The next Tab goes on from the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")
    context.close()


def test_tab_and_shift_tab_never_trap_focus(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url + served_site.page_of_type("reviews/"))
    forward = [stop["element"] for stop in tab_walk(page)]
    backward = []
    for _ in range(len(forward)):
        page.keyboard.press("Shift+Tab")
        backward.append(measure(page, "active()"))
    assert len(forward) == len(set(forward)) >= 10
    # Past the last stop focus leaves the page (to the browser), and coming
    # back with Shift+Tab visits the same stops in reverse order.
    assert backward == list(reversed(forward))
    context.close()


@pytest.mark.parametrize("mode", MODES)
def test_focus_is_visible_on_every_stop_in_every_mode(served_site, browser, mode):
    # High visibility is for readers who most need to see focus: every page.
    # In the other modes, the pages that hold every kind of element.
    pages = served_site.pages if mode == "high-visibility" else served_site.representatives
    problems = each_page(browser, served_site.url, pages, focus_problems, mode)
    assert not problems, f"{mode} mode:\n" + report(problems)
