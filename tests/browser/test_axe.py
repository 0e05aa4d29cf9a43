"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA): zero violations on every built
page in the standard mode at a desktop width and at 320 CSS pixels, and on
the pages that hold every kind of element (ServedSite.representatives) in
every other mode at both widths and at 390.

What axe decides from a page's content (names, headings, structure, ids) is
the same in every mode; what a mode changes (colours, sizes) is decided by
the theme's styles for each kind of element, and the representatives hold
every kind. The theme has one breakpoint, at 40em (640 px): 390 and 320 are
the same layout, with lines wrapped sooner at 320, so 390 is checked in the
standard mode only. What axe cannot decide is listed at the end of the run
for a person."""

from __future__ import annotations

import pytest

from lscb_audit.axe import add_axe, run_axe
from lscb_audit.browser import MODES, WIDTHS, Requests, new_context
from lscb_audit.problems import report

EVERY_PAGE = ("default", ("desktop", "320px"))
# (mode, width): every mode at the two widths, and 390 in the standard mode.
SETTINGS = [(mode, width) for mode in MODES for width in ("desktop", "320px")] + [("default", "390px")]
assert set(WIDTHS) == {"desktop", "320px", "390px"}, "a new width needs a place in SETTINGS"


@pytest.mark.parametrize(("mode", "width"), SETTINGS, ids=[f"{m}-{w}" for m, w in SETTINGS])
def test_every_page_passes_axe(served_site, browser, needs_review, mode, width):
    context = new_context(browser, mode, WIDTHS[width])
    add_axe(context)
    page = context.new_page()
    requests = Requests(page, served_site.url)
    violations = []
    every_page = mode == EVERY_PAGE[0] and width in EVERY_PAGE[1]
    addresses = served_site.pages if every_page else served_site.representatives
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
