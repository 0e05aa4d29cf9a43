"""Leave no trace (docs/theme.md, "What the site keeps on the device").

- Exit this page (a click, or Shift three times) removes everything the site
  kept in the browser's storage before it leaves: looked for afterwards in a
  page of the same site, in the same tab (sessionStorage belongs to a tab)
  and in a new one.
- A display choice is kept for the visit only unless "Remember on this
  device" is ticked: it carries across pages in the tab, and is gone when
  the browser is opened again (a new context given what the last one kept
  on disk: its localStorage). Ticked, it survives. A choice kept in
  localStorage before the box existed shows as ticked; unticking removes it.
- The "Cover your tracks" page is linked from the Exit control's hint and
  from the footer on every page, with and without JavaScript, on a desktop
  and on a phone at the largest text.

Each check has a broken twin at the end that shows it fails on a copy of
the site with that one thing broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from lscb_audit.browser import new_context
from lscb_audit.phone import phone_context
from lscb_audit.problems import Problem, report
from lscb_content.catalogue import catalogue

NEUTRAL = "<!doctype html><title>Weather</title><p>Sunny spells.</p>"
GUIDANCE = "guidance/roles-of-agencies/"
REMEMBER = "Remember on this device"
# Another site served from the same address (a shared host) keeps this: Exit
# must leave it alone.
FOREIGN = "another-site-setting"
STORED = """() => {
    const entries = (store) => Object.fromEntries(Object.keys(store).map((k) => [k, store.getItem(k)]));
    return {local: entries(localStorage), session: entries(sessionStorage)};
}"""


def _js(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "theme" / "js" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _choose(page, remember: bool) -> None:
    """Largest text and high visibility, the tick box set first by keyboard."""
    tick = page.get_by_role("checkbox", name=REMEMBER)
    assert not tick.is_checked()
    if remember:
        tick.focus()
        page.keyboard.press("Space")
        assert tick.is_checked()
    page.get_by_role("button", name="Largest text").click()
    page.get_by_role("button", name="High visibility").click()


# -- Exit this page empties the site's storage


def storage_after_exit(browser, url: str, remember: bool, how: str) -> dict:
    """What the site's origin holds after a reader chose a display mode and
    used Exit: in the same tab, back on the site, and in a new tab."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(url + GUIDANCE)
    exit_url = page.locator("a.exit-this-page__button").get_attribute("data-exit-url")
    context.route(exit_url + "*", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    page.evaluate(f"() => localStorage.setItem({FOREIGN!r}, 'kept')")
    _choose(page, remember)
    before = page.evaluate(STORED)
    # Sanity: the choice was kept where the tick box says.
    kept = before["local"] if remember else before["session"]
    assert kept.get("lscb-text-size") == "large" and kept.get("lscb-high-visibility") == "on", before
    if how == "click":
        page.locator("a.exit-this-page__button").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(exit_url + "*")
    # The robots file runs no script of the site: what it sees, Exit left.
    page.goto(url + "robots.txt")
    same_tab = page.evaluate(STORED)
    other = context.new_page()
    other.goto(url + "robots.txt")
    new_tab = other.evaluate(STORED)
    context.close()
    return {"same tab": same_tab, "new tab": new_tab}


def _site_entries(found: dict) -> dict:
    return {
        f"{where} {store}": entries
        for where, stores in found.items()
        for store, entries in stores.items()
        if {k: v for k, v in entries.items() if k != FOREIGN}
    }


@pytest.mark.parametrize("how", ["click", "shift"])
@pytest.mark.parametrize("remember", [False, True], ids=["visit-only", "on-this-device"])
def test_exit_removes_everything_the_site_stored(served_site, browser, remember, how):
    found = storage_after_exit(browser, served_site.url, remember, how)
    assert _site_entries(found) == {}, found
    assert found["new tab"]["local"] == {FOREIGN: "kept"}, "Exit removed another site's entry"


# -- for the visit only, unless the reader ticks "Remember on this device"


def display_across_pages_and_visits(browser, url: str, remember: bool) -> dict:
    """The classes on <html> on the next page in the same tab, after a reload,
    and when the browser is opened again (a new context holding only what
    the last one keeps on disk)."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(url)
    _choose(page, remember)
    seen = {}
    page.goto(url + GUIDANCE)
    seen["next page"] = page.evaluate("() => document.documentElement.className")
    page.reload()
    seen["reload"] = page.evaluate("() => document.documentElement.className")
    kept_on_disk = context.storage_state()
    context.close()
    later = browser.new_context(storage_state=kept_on_disk)
    page = later.new_page()
    page.goto(url + GUIDANCE)
    seen["next visit"] = page.evaluate("() => document.documentElement.className")
    seen["ticked next visit"] = page.get_by_role("checkbox", name=REMEMBER).is_checked()
    later.close()
    return {
        step: (set(v.split()) & {"text-large", "high-visibility"} if isinstance(v, str) else v)
        for step, v in seen.items()
    }


CHOSEN = {"text-large", "high-visibility"}


def test_without_the_tick_the_choice_lasts_for_the_visit_only(served_site, browser):
    seen = display_across_pages_and_visits(browser, served_site.url, remember=False)
    assert seen == {"next page": CHOSEN, "reload": CHOSEN, "next visit": set(), "ticked next visit": False}


def test_with_the_tick_the_choice_survives_the_next_visit(served_site, browser):
    seen = display_across_pages_and_visits(browser, served_site.url, remember=True)
    assert seen == {"next page": CHOSEN, "reload": CHOSEN, "next visit": CHOSEN, "ticked next visit": True}


def earlier_choice(browser, url: str) -> dict:
    """A reader whose choice is in localStorage from before the tick box:
    applied, shown as ticked; then unticked."""
    context = new_context(browser, mode="large-text")  # localStorage, as the site kept it before
    page = context.new_page()
    page.goto(url + GUIDANCE)
    state = {
        "applied": "text-large" in page.evaluate("() => document.documentElement.className").split(),
        "ticked": page.get_by_role("checkbox", name=REMEMBER).is_checked(),
    }
    page.get_by_role("checkbox", name=REMEMBER).uncheck()
    state["after unticking"] = page.evaluate(STORED)
    context.close()
    return state


def test_a_choice_kept_before_the_tick_box_existed_counts_as_ticked_and_unticking_removes_it(served_site, browser):
    state = earlier_choice(browser, served_site.url)
    assert state["applied"] and state["ticked"], state
    # Unticked: kept for this visit only, nothing left on the device.
    assert state["after unticking"] == {"local": {}, "session": {"lscb-text-size": "large"}}, state


# -- "Cover your tracks" from the Exit hint and the footer, on every page


def _words_for(lang: str) -> str:
    """ "Cover your tracks" in the page's language, from the theme's message
    catalogue (lscb_content.catalogue) on a translated page."""
    theme = {"THEME": str(Path(__file__).resolve().parents[2] / "theme")}
    words = "Cover your tracks"
    return words if lang.startswith("en") else catalogue(theme, lang).get(words, words)


def tracks_link_problems(page, address: str) -> list[Problem]:
    problems = []
    words = _words_for(page.locator("html").get_attribute("lang") or "en")
    for where, selector in (
        ("exit hint", ".exit-this-page__hint a"),
        ("footer", ".site-footer nav a"),
    ):
        link = page.locator(selector, has_text=words)
        if link.count() != 1 or not link.first.is_visible():
            problems.append(Problem(address, "cover your tracks", selector, f"no visible link in the {where}"))
        elif not (link.first.get_attribute("href") or "").endswith("/cover-your-tracks/"):
            problems.append(Problem(address, "cover your tracks", selector, f"the {where} link goes elsewhere"))
    return problems


SCREENS = {
    "desktop": lambda browser, script: new_context(browser, java_script_enabled=script),
    "phone-largest": lambda browser, script: phone_context(browser, "320x640", "largest", script),
}


def _every_page(browser, url: str, addresses: list[str], screen: str, script: bool) -> list[Problem]:
    context = SCREENS[screen](browser, script)
    page = context.new_page()
    problems = []
    try:
        for address in addresses:
            page.goto(url + address)
            problems += tracks_link_problems(page, address)
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("screen", SCREENS)
def test_cover_your_tracks_is_linked_from_the_exit_hint_and_footer_on_every_page(served_site, browser, screen, script):
    # Every page on a phone with JavaScript (most readers) and on a desktop
    # without it; the pages that hold every kind of element in the other two.
    every_page = (screen == "phone-largest") == script
    addresses = served_site.pages if every_page else served_site.representatives
    problems = _every_page(browser, served_site.url, addresses, screen, script)
    assert not problems, report(problems)
    context = new_context(browser)
    page = context.new_page()
    page.goto(served_site.url)
    page.locator(".exit-this-page__hint a").click()
    assert page.locator("main h1").inner_text() == "Cover your tracks"
    context.close()


# -- the broken twins


def test_broken_exit_that_keeps_the_storage_is_caught(browser, broken_copy):
    with broken_copy() as (folder, url):
        _js(folder, "exit-this-page.js", 'forget("localStorage");', "")
        _js(folder, "exit-this-page.js", 'forget("sessionStorage");', "")
        for remember, store in ((True, "local"), (False, "session")):
            found = storage_after_exit(browser, url, remember, "click")
            assert f"same tab {store}" in _site_entries(found), found


def test_broken_display_options_that_always_keep_the_choice_on_the_device_are_caught(browser, broken_copy):
    with broken_copy() as (folder, url):
        _js(folder, "display-options.js", "save(tick ? tick.checked : remembered());", "save(true);")
        seen = display_across_pages_and_visits(browser, url, remember=False)
    assert seen["next visit"] == CHOSEN  # what the real site must not do


def test_broken_display_options_that_ignore_the_tick_are_caught(browser, broken_copy):
    with broken_copy() as (folder, url):
        _js(folder, "display-options.js", "save(tick ? tick.checked : remembered());", "save(false);")
        seen = display_across_pages_and_visits(browser, url, remember=True)
    assert seen["next visit"] == set() and seen["next page"] == CHOSEN


def test_broken_display_options_that_forget_an_earlier_choice_was_kept_are_caught(browser, broken_copy):
    with broken_copy() as (folder, url):
        _js(folder, "display-options.js", "tick.checked = remembered();", "")
        state = earlier_choice(browser, url)
    assert not state["ticked"]


def test_broken_pages_without_the_link_are_caught(browser, broken_copy):
    with broken_copy() as (folder, url):
        path = folder / GUIDANCE / "index.html"
        text = path.read_text(encoding="utf-8")
        assert 'class="exit-this-page__tracks"' in text
        path.write_text(
            text.replace('class="exit-this-page__tracks"', 'class="exit-this-page__tracks" hidden'), encoding="utf-8"
        )
        path = folder / "privacy" / "index.html"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(">Cover your tracks</a></li>", ">Hide your visit</a></li>"), encoding="utf-8")
        problems = _every_page(browser, url, [GUIDANCE, "privacy/", ""], "phone-largest", True)
    assert [(p.page, p.element) for p in problems] == [
        (GUIDANCE, ".exit-this-page__hint a"),
        ("privacy/", ".site-footer nav a"),
    ], report(problems)
