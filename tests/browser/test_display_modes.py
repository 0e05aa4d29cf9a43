"""Text size and high visibility, measured in the browser: text scales with
the root font size, the largest text reflows at 320 CSS pixels (also with the text
spacing of WCAG 1.4.12), and high visibility gives 7:1 contrast and
underlined links (WCAG 1.4.4, 1.4.6, 1.4.10, 1.4.12).

Reflow depends on a page's own words (a long word, a wide table), so it is
measured on every page. Scaling, colours and underlines are set by the
theme's styles for each kind of element: they are measured on the pages
that between them hold every kind (ServedSite.representatives); axe checks
the standard colours on every page as well (test_axe.py)."""

from __future__ import annotations

import pytest

from lscb_audit.browser import each_page, measure, new_context
from lscb_audit.page_checks import (
    TEXT_SPACING,
    contrast_problems,
    reflow_problems,
    scaling_problems,
    underline_problems,
)
from lscb_audit.problems import report


def test_the_buttons_make_the_root_font_size_grow_from_standard_to_larger_to_largest(served_site, browser):
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url + served_site.page_of_type("guidance/"))
    sizes = {}
    for label in ("Standard", "Larger", "Largest"):
        page.get_by_role("button", name=f"{label} text").click()
        sizes[label] = measure(page, "rootFontSize()")
    context.close()
    assert sizes["Standard"] < sizes["Larger"] < sizes["Largest"], sizes
    assert sizes["Largest"] >= 1.5 * sizes["Standard"]  # 24 px from the browser's 16 px


def test_all_text_scales_with_the_root_font_size(served_site, browser):
    small_context, large_context = new_context(browser), new_context(browser, "large-text")
    small, large = small_context.new_page(), large_context.new_page()
    problems = []
    for address in served_site.representatives:
        small.goto(served_site.url + address)
        large.goto(served_site.url + address)
        problems += scaling_problems(small, large, address)
    small_context.close()
    large_context.close()
    assert not problems, report(problems)


@pytest.mark.parametrize("spacing", ["", "text-spacing"])
def test_large_text_at_320_pixels_neither_scrolls_sideways_nor_clips_nor_overlaps(served_site, browser, spacing):
    """...and no heading's word breaks across two lines (not measured under
    WCAG's text spacing: lscb_audit.page_checks.reflow_problems says why)."""
    problems = each_page(
        browser,
        served_site.url,
        served_site.pages,
        lambda page, address: reflow_problems(page, address, words=not spacing),
        "large-text",
        320,
        style=TEXT_SPACING if spacing else "",
    )
    assert not problems, report(problems)


def test_high_visibility_gives_7_to_1_contrast_and_underlined_links(served_site, browser):
    problems = each_page(
        browser,
        served_site.url,
        served_site.representatives,
        lambda page, address: contrast_problems(page, address, 7) + underline_problems(page, address),
        "high-visibility",
    )
    assert not problems, report(problems)


def test_the_default_colours_meet_4_5_to_1(served_site, browser):
    # axe checks this on every page; measured here the same way as high visibility.
    problems = each_page(
        browser,
        served_site.url,
        served_site.representatives,
        lambda page, address: contrast_problems(page, address, 4.5),
    )
    assert not problems, report(problems)
