"""Screenshots of the built site in each display mode, for the README and docs.

Serves the built site on 127.0.0.1, opens each kind of page in Debian's
Chromium (never a browser downloaded by a tool) and saves PNGs. Modes are
chosen the way a reader chooses them: by pressing the display-options buttons.

Usage: lscb screenshots --site output --out docs/screenshots   (make screenshots)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .project import use_tools

use_tools()  # the browser audit library, tools/lscb_audit

from lscb_audit.browser import launch  # noqa: E402
from lscb_audit.serve import Server  # noqa: E402
from lscb_audit.tools import CHROMIUM  # noqa: E402

# One page of each type: file name -> address under the site root.
PAGES = {
    "home": "",
    "guidance": "guidance/roles-of-agencies/",
    "young-people": "young-people/roles-of-agencies/",
    "children": "children/roles-of-agencies/",
    "review": "reviews/child-l/",
    "reviews-library": "reviews/",
    "annual-report": "annual-reports/2024-25/",
    "report-a-concern": "report-a-concern/",
    "updates": "updates/",
    "events": "events/",
    "event": "events/safer-sleep-workshop/",
    "search": "search/?q=neglect",
    "briefing": "briefings/child-l/",
    "earlier-version": "guidance/making-a-referral/versions/2026-09-28/",
    "report-a-concern-polish": "report-a-concern/pl/",
}
# Pages in another language: their buttons have other names, so only the
# standard view is taken (the display options are the same as in English).
# (The Urdu page is not taken: this machine's fonts lack some Urdu letters.)
STANDARD_ONLY = {"report-a-concern-polish"}
# Mode -> the buttons a reader presses.
MODES = {
    "default": [],
    "large-text": ["Largest text"],
    "high-visibility": ["High visibility"],
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lscb screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="output", type=Path)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("--width", type=int, default=1024)
    args = parser.parse_args(argv)

    if not Path(CHROMIUM).exists():
        print(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium-headless-shell", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with Server(args.site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in PAGES.items():
            for mode, buttons in MODES.items():
                if name in STANDARD_ONLY and buttons:
                    continue
                context = browser.new_context(viewport={"width": args.width, "height": 900})
                page = context.new_page()
                page.goto(base + path)
                # On a phone the options fold behind "Display": open it, choose, close it.
                display = page.get_by_role("button", name="Display", exact=True)
                folded = bool(buttons) and display.is_visible()
                if folded:
                    display.click()
                for label in buttons:
                    page.get_by_role("button", name=label).click()
                if folded:
                    display.click()
                target = args.out / f"{name}-{mode}.png"
                page.screenshot(path=str(target), full_page=False)
                context.close()
                print(f"wrote {target}")
        browser.close()
    return 0
