"""Forced colours (Windows High Contrast) and `prefers-contrast: more`:
content, focus and controls stay visible without the site's own colours."""

from __future__ import annotations

from lscb_audit.browser import each_page
from lscb_audit.page_checks import contrast_problems, focus_problems
from lscb_audit.problems import Problem, report

CONTROL_BORDERS = """() => Array.from(document.querySelectorAll(
    '.display-options__button, a.exit-this-page__button')).filter(el => el.getBoundingClientRect().width > 1)
  .map(el => { const s = getComputedStyle(el);
    return {element: el.className.split(' ')[0] + ': ' + el.textContent.trim().split('\\n')[0],
            border: s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0}; })"""


def test_in_forced_colours_text_focus_and_controls_stay_visible(served_site, browser):
    def check(page, address):
        problems = contrast_problems(page, address, 4.5) + focus_problems(page, address, shadows_count=False)
        return problems + [
            Problem(address, "forced colours", control["element"], "the control has no border")
            for control in page.evaluate(CONTROL_BORDERS)
            if not control["border"]
        ]

    problems = each_page(browser, served_site.url, served_site.samples, check, media={"forced_colors": "active"})
    assert not problems, report(problems)


def test_prefers_contrast_more_gives_7_to_1_on_every_page_without_javascript(served_site, browser):
    problems = each_page(
        browser,
        served_site.url,
        served_site.pages,
        lambda page, address: contrast_problems(page, address, 7),
        media={"contrast": "more"},
        java_script_enabled=False,
    )
    assert not problems, report(problems)
