"""A display choice carries to the next page and survives a reload, applied
before the first paint, and the buttons say which is on (aria-pressed).
Without JavaScript the controls are absent and everything else works."""

from __future__ import annotations

import pytest

from lscb_audit.browser import measure, new_context
from lscb_audit.page_checks import no_js_problems
from lscb_audit.problems import report

# Recorded in the first animation frame, which runs before the first paint.
FIRST_FRAME = """
requestAnimationFrame(() => {
  const root = document.documentElement;
  window.firstFrame = {fontSize: getComputedStyle(root).fontSize, classes: root.className,
                       background: document.body ? getComputedStyle(document.body).backgroundColor : null};
});
"""


def _pressed(page) -> dict[str, str]:
    return {
        button.inner_text().split("\n")[0].strip(): button.get_attribute("aria-pressed")
        for button in page.locator(".display-options__button").all()
    }


@pytest.mark.parametrize(
    "choice, cls, pressed",
    [
        ("Largest text", "text-large", {"Standard text": "false", "Larger text": "false", "Largest text": "true"}),
        ("High visibility", "high-visibility", {"High visibility": "true"}),
    ],
)
def test_a_choice_applies_on_the_next_page_and_after_a_reload_before_the_first_paint(
    served_site, browser, choice, cls, pressed
):
    context = new_context(browser)
    context.add_init_script(FIRST_FRAME)
    page = context.new_page()
    page.goto(served_site.url)
    page.wait_for_function("() => window.firstFrame")
    default = page.evaluate("() => window.firstFrame")
    page.get_by_role("button", name=choice).click()
    shown = _pressed(page)
    assert {label: shown.get(label) for label in pressed} == pressed
    for step in ("next page", "reload"):
        if step == "next page":
            page.goto(served_site.url + served_site.page_of_type("guidance/"))
        else:
            page.reload()
        # The init script records the first frame when it is drawn; on a
        # busy machine that can come after the load event goto() waits for.
        page.wait_for_function("() => window.firstFrame")
        first = page.evaluate("() => window.firstFrame")
        assert cls in first["classes"].split(), f"{step}: not applied in the first frame: {first}"
        if cls == "text-large":
            assert first["fontSize"] == "24px", f"{step}: {first}"
        else:
            assert first["background"] != default["background"], f"{step}: {first}"
        shown = _pressed(page)
        assert {label: shown.get(label) for label in pressed} == pressed, step
    context.close()


def test_the_reader_can_switch_back_to_the_defaults(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url)
    page.get_by_role("button", name="Largest text").click()
    page.reload()
    assert measure(page, "rootFontSize()") == 24
    page.get_by_role("button", name="Standard text").click()
    page.reload()
    assert measure(page, "rootFontSize()") == 16
    assert _pressed(page)["Standard text"] == "true"
    context.close()


def test_without_javascript_the_controls_are_absent_and_every_page_works(served_site, browser):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site.url)
    exit_url = page.locator("a.exit-this-page__button").get_attribute("data-exit-url")
    problems = []
    for address in served_site.pages:
        page.goto(served_site.url + address)
        problems += no_js_problems(page, address, exit_url)
    assert not problems, report(problems)

    # The exit link is a real link: it leaves for the neutral site.
    context.route(exit_url + "*", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page.goto(served_site.url + served_site.page_of_type("reviews/"))
    page.locator("a.exit-this-page__button").click()
    page.wait_for_url(exit_url + "*")
    context.close()
