"""The whole browser audit in one call, for lscb audit: the same checks
the browser tests make, with what each covered and what it found, in the
form the accessibility statement shows (content/accessibility-audit.json)."""

from __future__ import annotations

import datetime

from .axe import add_axe, run_axe
from .browser import MODES, WIDTHS, Requests, each_page, new_context
from .html_check import run_vnu
from .links import run_linkchecker
from .page_checks import (
    TEXT_SPACING,
    contrast_problems,
    focus_problems,
    keyboard_problems,
    reflow_problems,
    underline_problems,
)
from .tools import versions

MODE_NAMES = {"default": "standard", "large-text": "largest text", "high-visibility": "high visibility"}


def run_audit(browser, folder, url: str, pages: list[str], samples: list[str], today: datetime.date) -> dict:
    tool = versions()
    checks = []

    def record(name: str, used: str, scope: str, problems) -> None:
        checks.append({"name": name, "tool": used, "scope": scope, "problems": [str(p) for p in problems]})

    every = f"all {len(pages)} pages"
    found, undecided, elsewhere = [], [], []
    for mode in MODES:
        for width in WIDTHS:
            context = new_context(browser, mode, WIDTHS[width])
            add_axe(context)
            page = context.new_page()
            requests = Requests(page, url)
            for address in pages:
                requests.current = address
                page.goto(url + address)
                violations, unsure = run_axe(page, address)
                found += violations
                undecided += unsure if (mode, width) == ("default", "desktop") else []
            elsewhere += requests.elsewhere
            context.close()
    record(
        "WCAG 2.2 A and AA rules",
        f"axe-core {tool['axe-core']}",
        f"{every}, in {', '.join(MODE_NAMES.values())} modes, at 1280 and 320 pixels wide",
        found,
    )
    record("Valid HTML", f"Nu HTML Checker {tool['Nu HTML Checker']}", every, run_vnu(folder))
    record("Broken links and anchors", f"LinkChecker {tool['LinkChecker']}", every, run_linkchecker(url, pages))
    record(
        "No requests to other websites",
        f"Chromium {tool['Chromium']}",
        every,
        [f"/{page}: {request}" for page, request in elsewhere],
    )

    def each(mode: str, width: int, check, subset=pages, style: str = "") -> list:
        return each_page(browser, url, subset, check, mode, width, style=style)

    chromium = f"Chromium {tool['Chromium']}"
    record(
        "Largest text reflows at 320 pixels, also with increased text spacing",
        chromium,
        every,
        each("large-text", 320, reflow_problems)
        + each(
            "large-text", 320, lambda page, address: reflow_problems(page, address, words=False), style=TEXT_SPACING
        ),
    )
    record(
        "High visibility: contrast of 7:1 and underlined links",
        chromium,
        every,
        each("high-visibility", 1280, lambda p, a: contrast_problems(p, a, 7) + underline_problems(p, a)),
    )
    record(
        "Keyboard: skip link first, every control reachable",
        chromium,
        f"one page of each kind ({len(samples)} pages)",
        each("default", 1280, keyboard_problems, samples),
    )
    record(
        "Focus visible in every mode",
        chromium,
        f"all {len(pages)} pages in high visibility, one page of each kind in the other modes",
        [
            problem
            for mode in MODES
            for problem in each(mode, 1280, focus_problems, pages if mode == "high-visibility" else samples)
        ],
    )

    return {
        "date": today.isoformat(),
        "standard": "WCAG 2.2 level AA",
        "tools": tool,
        "pages": pages,
        "checks": checks,
        "needs_review": sorted({f"{p.check}: {p.message}" for p in undecided}),
    }
