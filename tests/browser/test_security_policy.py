"""The theme works under the site's own security policy: every page, served
with the headers of its _headers file and carrying the policy's <meta> (in
the other display modes: every kind of element), loads without the browser refusing anything and without
a console or script error. A copy with an inline script or a style attribute
is reported, with the page."""

from __future__ import annotations

import urllib.request

import pytest

from lscb_audit.browser import MODES
from lscb_audit.policy import policy_problems
from lscb_audit.problems import report

GUIDANCE = "guidance/roles-of-agencies/"
PAGE = "about/"


def test_the_server_sends_the_headers_of_the_headers_file(served_site):
    with urllib.request.urlopen(served_site.url + GUIDANCE) as response:
        headers = response.headers
    lines = (served_site.root / "_headers").read_text(encoding="utf-8").splitlines()
    expected = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert "Content-Security-Policy" in expected
    for name, value in expected.items():
        assert headers[name] == value


@pytest.mark.parametrize("mode", list(MODES))
def test_nothing_on_any_page_is_refused_or_fails(browser, served_site, mode):
    # Every page in the standard mode; in the others (which change classes
    # and colours, not what a page loads) the pages that hold every kind of
    # element.
    addresses = served_site.pages if mode == "default" else served_site.representatives
    problems = policy_problems(browser, served_site.url, addresses, mode)
    assert problems == [], report(problems)


def test_an_inline_script_and_a_style_attribute_are_reported_with_their_pages(browser, broken_copy):
    with broken_copy() as (folder, url):
        guidance = folder / GUIDANCE / "index.html"
        text = guidance.read_text(encoding="utf-8")
        guidance.write_text(
            text.replace("</main>", "<script>document.title = 'x';</script></main>", 1), encoding="utf-8"
        )
        about = folder / PAGE / "index.html"
        text = about.read_text(encoding="utf-8")
        assert "<h1" in text
        about.write_text(text.replace("<h1", '<h1 style="color: red"', 1), encoding="utf-8")
        problems = policy_problems(browser, url, [GUIDANCE, PAGE, ""])
    refused = [(p.page, p.check, p.message.split(" refused ")[0]) for p in problems if p.check == "CSP"]
    assert (GUIDANCE, "CSP", "script-src-elem") in refused
    assert (PAGE, "CSP", "style-src-attr") in refused
    assert not [p for p in problems if p.page == ""]  # the untouched home page stays quiet
