"""Every request a page makes, recorded in Chromium: every page names the
site's own icon (so no browser asks for a missing /favicon.ico), the icon it
names is there, and no request on any page fails or goes to another site. Each check fails on a
copy of the site broken for it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from lscb_audit.browser import new_context


def request_problems(browser, base_url: str, addresses: list[str]) -> list[str]:
    site = urlsplit(base_url).netloc
    context = new_context(browser)
    page = context.new_page()
    problems: list[str] = []
    current = [""]
    statuses: dict[str, int] = {}  # icon -> the status it answered with

    def seen(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != site:
            problems.append(f"/{current[0]}: a request to another site, {request.url}")

    def answered(response) -> None:
        if response.status >= 400 and not (current[0] == "404.html" and response.url == page.url):
            problems.append(f"/{current[0]}: {urlsplit(response.url).path} answered {response.status}")

    page.on("request", seen)
    page.on("response", answered)
    try:
        for address in addresses:
            current[0] = address
            page.goto(base_url + address)
            page.wait_for_load_state("networkidle")  # what a script asks for after the page loads
            icons = page.evaluate(
                "() => Array.from(document.querySelectorAll('link[rel~=icon]')).map((link) => link.href)"
            )
            if not icons:
                problems.append(f"/{address}: names no icon, so browsers ask for /favicon.ico")
            # A browser with tabs asks for the icon by itself; headless Chromium
            # does not, so each icon the page names is asked for here, once.
            for icon in icons:
                if urlsplit(icon).netloc != site:
                    problems.append(f"/{address}: a request to another site, {icon}")
                elif icon not in statuses:
                    statuses[icon] = page.request.get(icon).status
                failed = f"/{address}: {urlsplit(icon).path} answered {statuses.get(icon)}"
                if statuses.get(icon, 200) >= 400 and failed not in problems:  # not if the browser asked too
                    problems.append(failed)
    finally:
        context.close()
    return problems


def test_every_page_names_its_icon_and_no_request_fails_or_leaves_the_site(served_site, browser):
    problems = request_problems(browser, served_site.url, served_site.pages)
    assert not problems, "\n".join(problems)


# -- the same check fails on a copy of the site broken for it

PAGE = "about/"


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / PAGE / "index.html"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {PAGE}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_missing_icon_file_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        (folder / "theme" / "images" / "favicon.svg").unlink()
        problems = request_problems(browser, url, [PAGE])
    assert problems == [f"/{PAGE}: /theme/images/favicon.svg answered 404"], problems


def test_a_page_without_an_icon_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        text = (folder / PAGE / "index.html").read_text(encoding="utf-8")
        kept = "\n".join(line for line in text.splitlines() if 'rel="icon"' not in line)
        (folder / PAGE / "index.html").write_text(kept, encoding="utf-8")
        problems = request_problems(browser, url, [PAGE])
    assert problems == [f"/{PAGE}: names no icon, so browsers ask for /favicon.ico"], problems


def test_a_request_to_another_site_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, "</main>", '<img src="http://127.0.0.2:9/pixel.png" alt=""></main>')
        problems = request_problems(browser, url, [PAGE])
    assert any("a request to another site, http://127.0.0.2:9/pixel.png" in p for p in problems), problems
