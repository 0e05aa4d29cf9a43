"""The fewest pages that between them hold every kind of element the site
has: for browser checks that are run on every page in one setting and only
need each kind of element once in the others.

A kind is what the theme's CSS and the browser's accessibility tree tell
apart: an element's tag with its classes, the ARIA attributes and roles it
carries, and the language, direction and classes of the page it is on (a
translated page, a page for children). The pages are chosen greedily: the
page with the most kinds not yet held, until every kind is held; ties go to
the earlier address, so the choice is the same on every run.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from .site import page_file

_NAMED = ("role", "lang", "dir", "hidden", "open", "tabindex", "contenteditable")


def kinds(html: str) -> set[tuple[str, str]]:
    """Every kind of element in a page (see the module's docstring)."""
    found: set[tuple[str, str]] = set()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        found.add((element.name, " ".join(sorted(element.get("class") or []))))
        for name, value in element.attrs.items():
            if name.startswith("aria-") or name in _NAMED:
                found.add((element.name, f"@{name}"))
            if name in ("role", "lang", "dir"):
                found.add((element.name, f"@{name}={value}"))
    return found


def representatives(folder: Path, addresses: list[str]) -> list[str]:
    """The fewest addresses (chosen greedily) whose pages hold every kind of
    element that any of `addresses` holds, in the order of `addresses`."""
    held_by = {address: kinds(page_file(folder, address).read_text(encoding="utf-8")) for address in addresses}
    wanted = set().union(*held_by.values()) if held_by else set()
    chosen: list[str] = []
    held: set[tuple[str, str]] = set()
    while held != wanted:
        best = max(addresses, key=lambda address: len(held_by[address] - held))
        chosen.append(best)
        held |= held_by[best]
    return [address for address in addresses if address in chosen]
