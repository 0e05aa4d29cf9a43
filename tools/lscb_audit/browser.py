"""Debian's Chromium driven by Playwright, and the display modes a reader can choose.

A mode is set the way the site keeps it: in localStorage, before the page's
own scripts run, exactly as if the reader had pressed the buttons on an
earlier page (tests of the buttons themselves press them).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .tools import CHROMIUM, CHROMIUM_ARGS

MEASURE_JS = (Path(__file__).with_name("measure.js")).read_text(encoding="utf-8")

# Mode name -> localStorage entries (display-init.js reads these).
MODES = {
    "default": {},
    "large-text": {"lscb-text-size": "large"},
    "high-visibility": {"lscb-high-visibility": "on"},
}
WIDTHS = {"desktop": 1280, "390px": 390, "320px": 320}


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def new_context(browser, mode: str = "default", width: int = 1280, height: int = 900, **options):
    """A fresh profile in the given mode and window size. The mode is
    stored before every page load, so within this context it stays on."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    stored = MODES[mode]
    if stored:
        entries = ";".join(f"localStorage.setItem({k!r}, {v!r})" for k, v in stored.items())
        context.add_init_script(f"try {{ {entries}; }} catch (e) {{}}")
    return context


def measure(page, call: str):
    """Run one lscbAudit function in the page (measure.js) and return its result."""
    return page.evaluate(f"() => {{ if (!window.lscbAudit) {{ {MEASURE_JS} }} return window.lscbAudit.{call}; }}")


class Requests:
    """Every request a page makes, to find any that leave the site."""

    def __init__(self, page, base_url: str) -> None:
        self.site = urlsplit(base_url).netloc
        self.elsewhere: list[tuple[str, str]] = []  # (page path, url)
        self.current = ""
        page.on("request", self._seen)

    def _seen(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.site:
            self.elsewhere.append((self.current, request.url))


def tab_walk(page, limit: int = 200) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page or
    comes back to an element already visited; what each stop looked like
    (measure.js focusIndicator)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    stops: list[dict] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = measure(page, "focusIndicator()")
        if stop is None or stop["element"] in seen:
            break
        seen.add(stop["element"])
        stops.append(stop)
    return stops


def each_page(
    browser,
    base_url: str,
    addresses: list[str],
    check,
    mode: str = "default",
    width: int = 1280,
    style: str = "",
    media: dict | None = None,
    **options,
) -> list:
    """Open each page in a fresh context of the given mode and width (with an
    extra style sheet, emulated media such as {"forced_colors": "active"} and
    context options such as java_script_enabled=False) and collect what
    check(page, address) returns. An extra style sheet is the test's own, not
    the site's: the site's Content-Security-Policy is bypassed to add it."""
    if style:
        options.setdefault("bypass_csp", True)
    context = new_context(browser, mode, width, **options)
    page = context.new_page()
    if media:
        page.emulate_media(**media)
    problems = []
    try:
        for address in addresses:
            page.goto(base_url + address)
            if style:
                page.add_style_tag(content=style)
            problems += check(page, address)
    finally:
        context.close()
    return problems
