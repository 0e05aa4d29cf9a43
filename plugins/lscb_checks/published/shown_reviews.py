"""The reviews a file of no item shows (a listing, a feed, a search
fragment): those it links to. On such a file the detectors accept the
pseudonyms and credits of these reviews only (published.gate), not of every
review of the site: a review's credit vouches for a name where the review's
title or summary can be, never on a page that shows no part of it (a
section's introduction, a page of the theme, another review's own files)."""

from __future__ import annotations

import dataclasses
import posixpath
from urllib.parse import unquote, urlsplit

_INDEX = "index.html"


def _page_path(address: str) -> str:
    """A saved file or an address as the page it is: `reviews/child-q`."""
    path = address[: -len(_INDEX)] if address.endswith(_INDEX) else address
    return path.strip("/")


def review_pages(reviews) -> dict[str, object]:
    """The page of each review (and briefing) -> the review."""
    pages = {}
    for review in reviews:
        save_as = str(getattr(review.obj, "save_as", "") or "").replace("\\", "/")
        if save_as:
            pages[_page_path(save_as)] = review
    return pages


def linked_pages(output, rel: str, addresses) -> set[str]:
    """The pages of the site the addresses lead to, read from `rel`: any
    host's address is taken by its path (a feed's links are written with
    FEED_DOMAIN), a root-relative one under the site's folder, a relative
    one from the file's folder, and from the site's root as well (a feed's
    links are relative to the site, not to feeds/)."""
    found = set()
    base = posixpath.dirname(rel)
    for address in addresses:
        address = address.strip()
        if not address or any(char.isspace() for char in address):
            continue
        parts = urlsplit(output.site_relative(address))
        if parts.scheme not in ("", "http", "https"):
            continue
        path = unquote(parts.path)
        if parts.netloc or path.startswith("/"):
            folder = output.folder
            if folder and path.startswith(folder + "/"):
                path = path[len(folder) :]
            joined = path.lstrip("/")
        else:
            found.add(_page_path(posixpath.normpath(path) if path else ""))
            joined = posixpath.join(base, path)
        found.add(_page_path(posixpath.normpath(joined) if joined else ""))
    return found


def shown(output, rel: str, texts, pages: dict[str, object]) -> tuple:
    """The reviews `rel` links to (in the order of `pages`), from its
    addresses, and the strings of its data (a search fragment's url)."""
    if not pages:
        return ()
    addresses = [
        text.text
        for text in texts
        if (text.channel.endswith(" address") and not text.detect) or ("/" in text.text[:200] and len(text.text) < 2000)
    ]
    linked = linked_pages(output, rel, addresses)
    return tuple(review for page, review in pages.items() if page in linked)


def narrowed(redaction, reviews: tuple):
    """The build's Redaction accepting the pseudonyms and credits of
    `reviews` only, on a file of no item."""
    return dataclasses.replace(redaction, reviews=reviews, _pseudonyms={}, _people={})
