"""Checks of one loaded page, each returning the Problems it finds. Shared by
the browser tests and lscb audit."""

from __future__ import annotations

from .browser import measure, tab_walk
from .problems import Problem

# WCAG 1.4.12: the spacing a reader's own style sheet may set.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)


def reflow_problems(page, address: str, words: bool = True) -> list[Problem]:
    """Horizontal scrolling, text cut off, text over other text, and (with
    `words`) a heading's word broken across two lines. Under WCAG's text
    spacing (letters 0.12 em apart) a long word in a heading at 320 px with
    large text cannot fit without a heading smaller than the body text: there
    the word may break."""
    call = "reflow()" if words else "reflow(false)"
    return [Problem(address, item["kind"], item["element"], item["detail"]) for item in measure(page, call)]


def contrast_problems(page, address: str, minimum: float) -> list[Problem]:
    """Text whose contrast with what is behind it is below `minimum`:1."""
    return [
        Problem(
            address,
            "contrast",
            item["element"],
            f"'{item['text']}' is {item['ratio']}:1 ({item['colour']} on {item['background']}), needs {minimum}:1",
        )
        for item in measure(page, f"contrast({minimum})")
    ]


def underline_problems(page, address: str) -> list[Problem]:
    return [
        Problem(address, "underline", item["element"], f"link '{item['text']}' is not underlined")
        for item in measure(page, "linksUnderlined()")
    ]


def keyboard_problems(page, address: str) -> list[Problem]:
    """The skip link must be the first Tab stop, and Tab must reach every control."""
    problems = []
    focusables = measure(page, "focusables()")
    stops = tab_walk(page, limit=len(focusables) + 10)
    reached = [stop["element"] for stop in stops]
    if not stops or "skip-link" not in stops[0]["element"]:
        problems.append(
            Problem(
                address, "keyboard", stops[0]["element"] if stops else "", "the first Tab stop is not the skip link"
            )
        )
    for element in focusables:
        if element not in reached:
            problems.append(Problem(address, "keyboard", element, "Tab never reaches this control"))
    return problems


def focus_problems(page, address: str, shadows_count: bool = True) -> list[Problem]:
    """Tab stops whose focus cannot be seen: no outline of 2 px or more (and,
    unless in forced colours, where shadows are not drawn, no box-shadow)."""
    return [
        Problem(address, "focus", stop["element"], f"focus is not visible on '{stop['text']}'")
        for stop in tab_walk(page)
        if not (stop["outline"] or (shadows_count and stop["shadow"]))
    ]


def scaling_problems(small_page, large_page, address: str) -> list[Problem]:
    """Text that does not grow with the root font size between the same page
    at standard and at the largest text: a size fixed in pixels."""
    growth = measure(large_page, "rootFontSize()") / measure(small_page, "rootFontSize()")
    before = {item["element"]: item for item in measure(small_page, "fontSizes()")}
    problems = []
    for item in measure(large_page, "fontSizes()"):
        was = before.get(item["element"])
        if was and item["size"] < was["size"] * growth * 0.95:
            problems.append(
                Problem(
                    address,
                    "text size",
                    item["element"],
                    f"'{item['text']}' grows from {was['size']} to {item['size']} px,"
                    f" not with the page ({growth:.2f}x): a fixed size?",
                )
            )
    return problems


def no_js_problems(page, address: str, exit_url: str) -> list[Problem]:
    """Without JavaScript: no display options, a working exit link, the content shown."""
    problems = []
    if page.locator(".display-options").is_visible():
        problems.append(Problem(address, "no-js", "div.display-options", "display options shown without JavaScript"))
    link = page.locator("a.exit-this-page__button")
    if not link.is_visible() or link.get_attribute("href") != exit_url:
        problems.append(Problem(address, "no-js", "a.exit-this-page__button", "exit link missing or wrong"))
    if not page.locator("main h1").first.is_visible():
        problems.append(Problem(address, "no-js", "main h1", "the page's heading is not shown"))
    return problems
