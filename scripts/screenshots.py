#!/usr/bin/env python3
"""Screenshots of the built site in each display mode, for the README and docs.

Serves the built site on 127.0.0.1, opens pages in Debian's Chromium (never a
browser downloaded by a tool) and saves PNGs. Modes are chosen the way a reader
chooses them: by pressing the display-options buttons.

Usage: scripts/screenshots.py --site output --out docs/screenshots
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
PAGES = {
    "guidance": "guidance/roles-of-agencies/",
    "children": "children/roles-of-agencies/",
    "home": "",
    "review": "reviews/child-l/",
}
MODES = {
    "default": [],
    "large-text": ["Large text"],
    "high-visibility": ["High visibility"],
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="output", type=Path)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("--width", type=int, default=1024)
    args = parser.parse_args(argv)

    if not Path(CHROMIUM).exists():
        print(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    profile = tempfile.mkdtemp(prefix="lscb-chromium-")
    try:
        with sync_playwright() as playwright:
            for name, path in PAGES.items():
                for mode, buttons in MODES.items():
                    context = playwright.chromium.launch_persistent_context(
                        profile + f"/{name}-{mode}", executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                        headless=True, viewport={"width": args.width, "height": 900},
                    )
                    page = context.new_page()
                    page.goto(base + path)
                    for label in buttons:
                        page.get_by_role("button", name=label).click()
                    target = args.out / f"{name}-{mode}.png"
                    page.screenshot(path=str(target), full_page=False)
                    context.close()
                    print(f"wrote {target}")
    finally:
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
