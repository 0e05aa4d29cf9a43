"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) in every display mode: zero
violations on every built page at a desktop width and at 320 CSS pixels, and
on the pages that hold every kind of element (ServedSite.representatives) at
390. The theme has one breakpoint, at 40em (640 px): 390 and 320 are the same
layout, with lines wrapped sooner at 320. What axe cannot decide is listed at
the end of the run for a person."""

from __future__ import annotations

import pytest

from lscb_audit.axe import add_axe, run_axe
from lscb_audit.browser import MODES, WIDTHS, Requests, new_context
from lscb_audit.problems import report

EVERY_PAGE_WIDTHS = ("desktop", "320px")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
def test_every_page_passes_axe(served_site, browser, needs_review, mode, width):
    context = new_context(browser, mode, WIDTHS[width])
    add_axe(context)
    page = context.new_page()
    requests = Requests(page, served_site.url)
    violations = []
    addresses = served_site.pages if width in EVERY_PAGE_WIDTHS else served_site.representatives
    try:
        for address in addresses:
            requests.current = address
            page.goto(served_site.url + address, wait_until="load")
            found, undecided = run_axe(page, address)
            violations += found
            if mode == "default" and width == "desktop":
                needs_review.extend(undecided)
    finally:
        context.close()
    assert not violations, f"axe in {mode} mode at {width}:\n" + report(violations)
    assert not requests.elsewhere, f"requests to other hosts: {requests.elsewhere[:5]}"
