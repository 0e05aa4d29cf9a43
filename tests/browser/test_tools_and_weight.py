"""The Nu HTML Checker and linkchecker over the whole built site, and what
each kind of page costs to download."""

from __future__ import annotations

from lscb_audit.browser import Requests, new_context
from lscb_audit.html_check import run_vnu
from lscb_audit.links import run_linkchecker
from lscb_audit.problems import report
from lscb_audit.weight import page_weight

GUIDANCE_BUDGET = 40 * 1024  # bytes, compressed
LISTS = ("guidance", "children", "young-people", "reviews", "annual-reports", "events", "briefings")


def page_type(address: str) -> str:
    parts = address.rstrip("/").split("/")
    if not address:
        return "home"
    if len(parts) == 1:
        return f"{parts[0]} list" if parts[0] in LISTS else "standard page"
    return "/".join(parts[:-1]) + " page"


def test_every_html_file_passes_the_nu_html_checker(served_site):
    problems = run_vnu(served_site.root)
    assert not problems, report(problems)


def test_linkchecker_finds_no_broken_link_or_anchor_from_any_page(served_site):
    problems = run_linkchecker(served_site.url, served_site.pages)
    assert not problems, report(problems)


def test_pages_stay_light_and_load_nothing_from_other_hosts(served_site, browser, page_weights):
    context = new_context(browser)
    page = context.new_page()
    requests = Requests(page, served_site.url)
    weights = {}
    for address in served_site.samples:
        requests.current = address
        kind = page_type(address)
        weights[address] = page_weight(page, served_site.url + address)
        page_weights.append((kind, address, weights[address]))
    context.close()
    assert not requests.elsewhere, f"requests to other hosts: {requests.elsewhere[:5]}"
    guidance = served_site.page_of_type("guidance/")
    assert 0 < sum(weights[guidance].values()) < GUIDANCE_BUDGET, weights[guidance]
    assert weights[guidance]["html"] > 0 and weights[guidance]["css"] > 0
