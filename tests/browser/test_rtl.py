"""Pages in other languages in Chromium: the Urdu translation of report a
concern is laid out right to left (its heading, its lede and the accent
border of the numbers box on the right), the Polish one and the English page
left to right, and a phone number reads in its own order in right-to-left
text. axe, the Nu checker and linkchecker read these pages with every other
(test_axe.py, test_tools_and_weight.py: they visit every built page)."""

from __future__ import annotations

import pytest

from lscb_audit.browser import WIDTHS, new_context

URDU = "report-a-concern/ur/"
POLISH = "report-a-concern/pl/"
ENGLISH = "report-a-concern/"

# The boxes of the main heading, of <main>'s content box, and the box with the
# numbers' accent border: where it sits tells the direction of the layout.
_MEASURE = """() => {
  const main = document.querySelector('main');
  const style = getComputedStyle(main);
  const box = main.getBoundingClientRect();
  const inner = {left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight)};
  const h1 = document.querySelector('h1');
  const range = document.createRange();
  range.selectNodeContents(h1);
  const text = range.getBoundingClientRect();
  const concern = getComputedStyle(document.querySelector('.concern-box'));
  const number = document.querySelector('.concern-box a[href^="tel:"]');
  return {
    direction: getComputedStyle(document.documentElement).direction,
    headingDirection: getComputedStyle(h1).direction,
    textLeft: text.left, textRight: text.right, left: inner.left, right: inner.right,
    borderLeft: parseFloat(concern.borderLeftWidth), borderRight: parseFloat(concern.borderRightWidth),
    numberDirection: getComputedStyle(number).direction,
    number: number.textContent,
  };
}"""


def measure(browser, served_site, address: str, width: int) -> dict:
    context = new_context(browser, "default", width)
    try:
        page = context.new_page()
        page.goto(served_site.url + address, wait_until="load")
        return page.evaluate(_MEASURE)
    finally:
        context.close()


@pytest.mark.parametrize("width", ["desktop", "390px"])
def test_the_urdu_page_is_laid_out_right_to_left(served_site, browser, width):
    found = measure(browser, served_site, URDU, WIDTHS[width])
    assert found["direction"] == "rtl" and found["headingDirection"] == "rtl"
    # The heading's text ends at the right edge of the content, not the left.
    assert abs(found["textRight"] - found["right"]) <= 2, found
    assert found["textLeft"] - found["left"] > 2 or width == "390px", found
    assert found["borderRight"] > found["borderLeft"], found


@pytest.mark.parametrize("address", [POLISH, ENGLISH])
def test_the_polish_and_english_pages_are_laid_out_left_to_right(served_site, browser, address):
    found = measure(browser, served_site, address, WIDTHS["desktop"])
    assert found["direction"] == "ltr"
    assert abs(found["textLeft"] - found["left"]) <= 2, found
    assert found["borderLeft"] > found["borderRight"], found


def test_a_phone_number_keeps_its_order_in_right_to_left_text(served_site, browser):
    found = measure(browser, served_site, URDU, WIDTHS["desktop"])
    assert found["numberDirection"] == "ltr"
    context = new_context(browser, "default", WIDTHS["desktop"])
    try:
        page = context.new_page()
        page.goto(served_site.url + URDU, wait_until="load")
        link = page.locator('.prose a[href="tel:01632960123"]')
        groups = page.evaluate(
            """(link) => [...link.textContent.matchAll(/\\d+/g)].map((m) => {
                 const range = document.createRange();
                 range.setStart(link.firstChild, m.index);
                 range.setEnd(link.firstChild, m.index + m[0].length);
                 return range.getBoundingClientRect().left;
               })""",
            link.element_handle(),
        )
    finally:
        context.close()
    # "01632", "960", "123" from left to right, as the number is written.
    assert groups == sorted(groups) and len(groups) == 3
