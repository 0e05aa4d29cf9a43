"""Children's and young people's sections in their own voice (docs/theme.md,
"Pages for children and young people"). On their pages and index pages the
help strip under the header reads "Need to talk to someone? Childline: 0800
1111, free, any time" with a tel: link, and Childline is the first number in
the footer and in the help box; adults' pages keep "Worried about a child?
Report a concern". Their warmer colours meet 4.5:1 in every text size and
7:1 in high visibility. Each check has a broken twin at the end that shows it
fails on a copy of the site with that one thing broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from lscb_audit.browser import each_page
from lscb_audit.page_checks import contrast_problems
from lscb_audit.phone import phone_context
from lscb_audit.problems import Problem, report

YOUNG = [
    "children/",
    "children/roles-of-agencies/",
    "young-people/",
    "young-people/roles-of-agencies/",
]
ADULTS = ["guidance/", "guidance/roles-of-agencies/", "report-a-concern/", ""]
YOUNG_STRIP = "Need to talk to someone? Childline: 0800 1111, free, any time"


def _strip(page) -> dict:
    return page.evaluate(
        """() => {
          const strip = document.querySelector('.concern-banner');
          const link = strip && strip.querySelector('.concern-banner__link');
          const who = [...document.querySelectorAll('.site-footer .contacts__item .contacts__who')];
          const help = document.querySelector('.help-box__list li');
          return {
            text: strip ? strip.innerText.replace(/\\s+/g, ' ').trim() : '',
            href: link ? link.getAttribute('href') : '',
            first: who.length ? who[0].innerText.trim() : '',
            help: help ? help.innerText.trim() : null,
          };
        }"""
    )


def young_voice_problems(page, address: str) -> list[Problem]:
    """The help strip speaks to the young reader and Childline comes first."""
    found = _strip(page)
    problems = []
    if not found["text"].startswith(YOUNG_STRIP):
        problems.append(Problem(address, "young voice", ".concern-banner", f"strip says '{found['text']}'"))
    if found["href"] != "tel:08001111":
        problems.append(Problem(address, "young voice", ".concern-banner__link", f"links to '{found['href']}'"))
    if found["first"] != "Childline":
        problems.append(Problem(address, "young voice", ".contacts__who", f"first helpline is '{found['first']}'"))
    if found["help"] is not None and not found["help"].startswith("Childline"):
        problems.append(Problem(address, "young voice", ".help-box__list", f"help box starts '{found['help']}'"))
    return problems


def adult_voice_problems(page, address: str) -> list[Problem]:
    """Adults' pages keep the concern strip and their own order."""
    found = _strip(page)
    problems = []
    if not found["text"].startswith("Worried about a child? Report a concern"):
        problems.append(Problem(address, "adult voice", ".concern-banner", f"strip says '{found['text']}'"))
    if not found["href"].endswith("report-a-concern/"):
        problems.append(Problem(address, "adult voice", ".concern-banner__link", f"links to '{found['href']}'"))
    if found["first"] == "Childline":
        problems.append(Problem(address, "adult voice", ".contacts__who", "Childline is first"))
    return problems


def _phone_strip_problems(page, address: str) -> list[Problem]:
    """On a phone the strip is one line: "Childline: 0800 1111", then 999."""
    text = page.evaluate("() => document.querySelector('.concern-banner').innerText.replace(/\\s+/g, ' ').trim()")
    if not text.startswith("Childline: 0800 1111 Emergency?"):
        return [Problem(address, "young voice", ".concern-banner", f"phone strip says '{text}'")]
    return []


def test_the_young_sections_speak_to_their_readers(served_site, browser):
    problems = each_page(browser, served_site.url, YOUNG, young_voice_problems)
    assert not problems, report(problems)


def test_adults_pages_keep_the_concern_strip(served_site, browser):
    problems = each_page(browser, served_site.url, ADULTS, adult_voice_problems)
    assert not problems, report(problems)


def test_on_a_phone_the_young_strip_is_its_short_form(served_site, browser):
    context = phone_context(browser, "320x640", "largest")
    page = context.new_page()
    problems = []
    for address in YOUNG:
        page.goto(served_site.url + address)
        problems += _phone_strip_problems(page, address)
    context.close()
    assert not problems, report(problems)


# Every text size at 4.5:1 and high visibility at 7:1, at desktop width and
# at 320 px: each mode's storage as the buttons keep it.
MODES = {
    "standard": ("default", 4.5),
    "largest": ("large-text", 4.5),
    "high-visibility": ("high-visibility", 7),
}


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("mode", MODES)
def test_the_warmer_colours_meet_their_contrast_in_every_mode(served_site, browser, mode, width):
    stored, minimum = MODES[mode]
    problems = each_page(
        browser,
        served_site.url,
        YOUNG,
        lambda page, address: contrast_problems(page, address, minimum) + _uses_the_warm_colours(page, address, mode),
        stored,
        width,
    )
    assert not problems, report(problems)


def test_the_larger_text_size_keeps_the_contrast(served_site, browser):
    # "Larger" is a stored size of its own (lscb_audit.phone.PHONE_MODES).
    context = phone_context(browser, "390x844", "larger")
    page = context.new_page()
    problems = []
    for address in YOUNG:
        page.goto(served_site.url + address)
        problems += contrast_problems(page, address, 4.5)
    context.close()
    assert not problems, report(problems)


def _uses_the_warm_colours(page, address: str, mode: str) -> list[Problem]:
    """The measured colours are the warm ones (or high visibility's own)."""
    colours = page.evaluate(
        """() => ({
          strip: getComputedStyle(document.querySelector('.concern-banner')).backgroundColor,
          title: getComputedStyle(document.querySelector('h1')).color,
        })"""
    )
    expected = (
        {"strip": "rgb(0, 0, 0)", "title": "rgb(255, 255, 0)"}
        if mode == "high-visibility"
        else {"strip": "rgb(255, 232, 209)", "title": "rgb(143, 51, 0)"}
    )
    if colours != expected:
        return [Problem(address, "warm colours", "h1, .concern-banner", f"{colours}, expected {expected}")]
    return []


# ---- Broken twins: each check fails on a copy with one thing broken. ----


def _edit(folder: Path, relative: str, old: str, new: str) -> None:
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _strip_of(page: Path) -> tuple[str, int, int]:
    """A built page's text and where its help strip is (to the header's end)."""
    text = page.read_text(encoding="utf-8")
    return text, text.index('<div class="concern-banner'), text.index("</header>")


def _swap_strip(served_site, folder: Path, source: str, target: str) -> None:
    """Give the broken copy's page `target` the help strip of the site's page `source`."""
    strip, start, end = _strip_of(served_site.root / source / "index.html")
    text, target_start, target_end = _strip_of(folder / target / "index.html")
    (folder / target / "index.html").write_text(
        text[:target_start] + strip[start:end] + text[target_end:], encoding="utf-8"
    )


def test_broken_twin_the_young_voice_check_fails_on_the_adult_strip(served_site, browser, broken_copy):
    with broken_copy() as (folder, url):
        _swap_strip(served_site, folder, "guidance", "children")
        problems = each_page(browser, url, ["children/"], young_voice_problems)
    assert {p.element for p in problems} == {".concern-banner", ".concern-banner__link"}, report(problems)


def test_broken_twin_the_young_voice_check_fails_when_childline_is_not_first(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(
            folder,
            "young-people/roles-of-agencies/index.html",
            '<span class="contacts__who">Childline</span>',
            '<span class="contacts__who">Chidline helpline</span>',
        )
        problems = each_page(browser, url, ["young-people/roles-of-agencies/"], young_voice_problems)
    assert [p.element for p in problems] == [".contacts__who"], report(problems)


def test_broken_twin_the_adult_check_fails_on_the_young_strip(served_site, browser, broken_copy):
    with broken_copy() as (folder, url):
        _swap_strip(served_site, folder, "children", "guidance")
        problems = each_page(browser, url, ["guidance/"], adult_voice_problems)
    assert {p.element for p in problems} == {".concern-banner", ".concern-banner__link"}, report(problems)


def test_broken_twin_the_phone_strip_check_fails_when_it_is_long(browser, broken_copy):
    with broken_copy() as (folder, url):
        with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
            sheet.write("\n.concern-banner__when { display: inline !important; }\n")
        context = phone_context(browser, "320x640", "largest")
        page = context.new_page()
        page.goto(url + "children/")
        problems = _phone_strip_problems(page, "children/")
        context.close()
    assert [p.check for p in problems] == ["young voice"], report(problems)


@pytest.mark.parametrize(
    "css, mode",
    [
        # A warm accent too pale for white: the heading falls below 4.5:1.
        (".audience-children { --colour-young-accent: #f0a060; }", "standard"),
        # High visibility given the light accent: below 7:1 on black.
        ("html.high-visibility .audience-children { --colour-young-accent: #8f3300; }", "high-visibility"),
    ],
)
def test_broken_twin_the_contrast_check_fails_on_a_weak_accent(browser, broken_copy, css, mode):
    stored, minimum = MODES[mode]
    with broken_copy() as (folder, url):
        with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
            sheet.write("\n" + css + "\n")
        problems = each_page(
            browser, url, ["children/"], lambda page, address: contrast_problems(page, address, minimum), stored
        )
    assert problems and {p.check for p in problems} == {"contrast"}, report(problems)
    assert any(p.element.startswith("h1") or "page-title" in p.element for p in problems), report(problems)
