"""Exit this page: a click and three presses of Shift both leave for the
neutral site, the page is blanked at once, and Back does not return to it."""

from __future__ import annotations

import pytest

from lscb_audit.browser import new_context

NEUTRAL = "<!doctype html><title>Weather</title><p>Sunny spells.</p>"


@pytest.fixture
def exit_page(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url)
    exit_url = page.locator("a.exit-this-page__button").get_attribute("data-exit-url")
    # The neutral site is another host: answered here, so nothing leaves the machine.
    context.route(exit_url + "*", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    page.goto("about:blank")
    page.goto(served_site.url + served_site.page_of_type("reviews/"))
    yield page, exit_url
    context.close()


def _blanked_at_once(page, action: str) -> dict:
    # In the same task as the click or the third Shift, before the next site
    # starts to load: is the page already covered?
    return page.evaluate(f"""() => {{
        {action};
        const overlay = document.querySelector('.exit-this-page-overlay');
        const style = overlay && getComputedStyle(overlay);
        return {{overlay: !!overlay, covers: !!style && style.position === 'fixed'
                   && overlay.getBoundingClientRect().width >= innerWidth
                   && overlay.getBoundingClientRect().height >= innerHeight,
                 title: document.title}};
    }}""")


def _left_for_good(page, exit_url: str) -> None:
    page.wait_for_url(exit_url + "*")
    assert page.title() == "Weather"
    page.go_back()
    assert page.url == "about:blank", f"Back returned to {page.url}"


def test_clicking_exit_blanks_the_page_and_leaves_for_good(exit_page):
    page, exit_url = exit_page
    state = _blanked_at_once(page, "document.querySelector('a.exit-this-page__button').click()")
    assert state == {"overlay": True, "covers": True, "title": "Exiting page"}
    _left_for_good(page, exit_url)


def test_pressing_shift_three_times_leaves_too(exit_page):
    page, exit_url = exit_page
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert "1 more time" in page.locator(".exit-this-page [role=status]").inner_text()
    state = _blanked_at_once(
        page, "document.dispatchEvent(new KeyboardEvent('keyup', {key: 'Shift', keyCode: 16, bubbles: true}))"
    )
    assert state["overlay"] and state["covers"]
    _left_for_good(page, exit_url)


def test_shift_pressed_three_times_with_real_keys(exit_page):
    page, exit_url = exit_page
    for _ in range(3):
        page.keyboard.press("Shift")
    _left_for_good(page, exit_url)


def test_another_key_between_the_presses_starts_the_count_again(exit_page, served_site):
    page, _exit_url = exit_page
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    # Each keyup is handled before press() returns, and the third Shift would
    # have covered the page and said "Exiting this page" in the same handler:
    # the count started again at the "a", so one press is counted.
    state = page.evaluate("""() => ({
        status: document.querySelector('.exit-this-page [role=status]').textContent,
        overlay: !!document.querySelector('.exit-this-page-overlay'), title: document.title})""")
    assert state["status"] == "Shift, press 2 more times to exit."
    assert not state["overlay"] and state["title"] != "Exiting page"
    assert page.url.startswith(served_site.url)
