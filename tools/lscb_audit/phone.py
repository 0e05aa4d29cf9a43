"""Checks of the phone-first header (docs/theme.md, "On a phone"): the page's
own heading within the first screen, the Exit control on screen after
scrolling and never over what has focus, and the "Menu" and "Display"
disclosure buttons. Shared by the browser tests and their broken twins."""

from __future__ import annotations

import re

from .browser import MODES
from .problems import Problem

PHONES = {"390x844": (390, 844), "320x640": (320, 640)}
# Text sizes and high visibility: what display-init.js keeps in storage, and
# the classes it puts on <html> for them.
PHONE_MODES = {
    "standard": ({}, ""),
    "larger": ({"lscb-text-size": "medium"}, "text-medium"),
    "largest": (MODES["large-text"], "text-large"),
    "high-visibility": (MODES["high-visibility"], "high-visibility"),
}
FIRST_SCREEN_SHARE = 0.6
# The address of a page: a folder (index.html) or an .html file.
_DOCUMENT = re.compile(r"^[^?#]*(/|\.html)([?#].*)?$")
EXIT = "a.exit-this-page__button"


def phone_context(browser, phone: str, mode: str, java_script: bool = True):
    """A fresh profile at a phone's size in a display mode. With JavaScript
    the mode is stored, as the buttons store it; without, the page is served
    with the mode's class on <html> already (no script could put it there),
    which is how the layout looks to a reader whose own browser enlarges text."""
    width, height = PHONES[phone]
    stored, cls = PHONE_MODES[mode]
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=java_script)
    if java_script and stored:
        entries = ";".join(f"localStorage.setItem({k!r}, {v!r})" for k, v in stored.items())
        context.add_init_script(f"try {{ {entries}; }} catch (e) {{}}")
    if not java_script and cls:

        def with_class(route):
            if route.request.resource_type != "document":
                route.continue_()
                return
            response = route.fetch()
            body = response.text().replace('class="no-js"', f'class="no-js {cls}"', 1)
            route.fulfill(response=response, body=body)

        # Only a page is changed: the style sheets, scripts and pictures go
        # straight to the server, not through this process.
        context.route(_DOCUMENT, with_class)
    return context


def first_screen_problems(page, address: str) -> list[Problem]:
    """The page's h1 must start within the first 60% of the window, and the
    page must not scroll sideways."""
    found = page.evaluate(
        """() => {
        window.scrollTo(0, 0);
        const h1 = document.querySelector('h1');
        const doc = document.documentElement;
        return {top: h1 ? h1.getBoundingClientRect().top : null, height: innerHeight,
                wide: doc.scrollWidth, window: doc.clientWidth};
    }"""
    )
    problems = []
    if found["top"] is None:
        problems.append(Problem(address, "first screen", "h1", "the page has no h1"))
    elif found["top"] > FIRST_SCREEN_SHARE * found["height"]:
        share = found["top"] / found["height"]
        problems.append(
            Problem(address, "first screen", "h1", f"the h1 starts {share:.0%} down the window, after the first 60%")
        )
    if found["wide"] > found["window"] + 1:
        problems.append(
            Problem(address, "reflow", "html", f"page is {found['wide']} px wide in a {found['window']} px window")
        )
    return problems


def exit_on_screen_problems(page, address: str) -> list[Problem]:
    """Scrolled to the very end of the page, the Exit control is still wholly
    in the window and nothing is drawn over it."""
    found = page.evaluate(
        f"""() => {{
        window.scrollTo(0, document.documentElement.scrollHeight);
        const link = document.querySelector({EXIT!r});
        if (!link) return null;
        const r = link.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {{top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY,
                 onTop: !!hit && link.contains(hit)}};
    }}"""
    )
    if found is None:
        return [Problem(address, "exit", EXIT, "no Exit this page link")]
    if found["top"] < 0 or found["bottom"] > found["height"] or not found["onTop"]:
        return [
            Problem(
                address, "exit", EXIT, f"Exit is off screen or covered after scrolling {found['scrolled']:.0f} px down"
            )
        ]
    return []


def focus_obscured_problems(page, address: str, limit: int = 60) -> list[Problem]:
    """From the end of the page, Shift+Tab back through it: no focused
    control may be hidden, even in part, behind the sticky Exit bar (WCAG
    2.4.11 and 2.4.12); one taller than the window below the bar (a table's
    scrolling region) must at least show below it."""
    page.evaluate(
        """() => { window.scrollTo(0, document.documentElement.scrollHeight);
                  const last = document.createElement('span'); last.tabIndex = 0; last.id = 'lscb-audit-end';
                  document.body.appendChild(last); last.focus(); }"""
    )
    problems = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        found = page.evaluate(
            """() => {
            const el = document.activeElement;
            const bar = document.querySelector('.exit-this-page');
            if (!el || el === document.body || !bar || bar.contains(el)) return {done: true};
            const r = el.getBoundingClientRect(), b = bar.getBoundingClientRect();
            const name = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
            return {done: false, name: name, text: (el.textContent || '').trim().slice(0, 40),
                    hidden: r.width > 0 && (r.height <= innerHeight - b.bottom
                                            ? r.top < b.bottom - 1 && r.bottom > b.top
                                            : r.bottom <= b.bottom)};
        }"""
        )
        if found["done"]:
            break
        if found["hidden"]:
            problems.append(
                Problem(address, "focus obscured", found["name"], f"'{found['text']}' is under the Exit bar")
            )
    return problems


# The header's disclosure buttons by their English words, and the id of what each controls.
DISCLOSURES = {"Display": "display-options", "Menu": "site-nav"}


def disclosure_problems(page, address: str, name: str, inside: str) -> list[Problem]:
    """A header disclosure button, driven by the keyboard: it is a <button>
    with aria-expanded and aria-controls; Enter opens what it controls
    (`inside` is a control in it that becomes visible), Enter again closes
    it, and Escape inside closes it and returns focus to the button."""
    controls = DISCLOSURES.get(name)
    selector = f'button[aria-controls="{controls}"]' if controls else f'button[aria-controls]:text-is("{name}")'
    button = page.locator(selector)
    problems = []

    def problem(detail: str) -> None:
        problems.append(Problem(address, "disclosure", f"button '{name}'", detail))

    if button.count() != 1 or not button.is_visible():
        problem("not shown")
        return problems
    # On a page in another language the button has its words (theme/translations/).
    label = " ".join((button.text_content() or "").split())
    english = page.evaluate("() => document.documentElement.lang").lower().startswith("en")
    if english and label != name:
        problem(f"labelled '{label}', not '{name}'")
    target = page.locator("#" + button.get_attribute("aria-controls"))
    control = target.locator(inside).first

    def state() -> tuple[str | None, bool]:
        return button.get_attribute("aria-expanded"), control.is_visible()

    if state() != ("false", False):
        problem(f"starts as {state()}, not closed")
    button.focus()
    page.keyboard.press("Enter")
    if state() != ("true", True):
        problem(f"Enter gives {state()}, not open")
    page.keyboard.press("Enter")
    if state() != ("false", False):
        problem(f"Enter again gives {state()}, not closed")
    page.keyboard.press("Space")
    control.focus()
    page.keyboard.press("Escape")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    if state() != ("false", False) or focused != label:
        problem(f"Escape gives {state()} with focus on '{focused}'")
    return problems
