"""The built site as the output checks see it: every built HTML page.

Built at `finalized`, over the staging folder, before it replaces output/.
Each page knows the content item it was rendered from (when there is one), so
a finding about a page can name the Markdown file an editor must change.

A page is read on first use and parsed at most once each way. Checks that
read every page first take `Page.quick` (every URL and id, found with a few
regular expressions: lscb_checks.quick), and only for a page where something
may be wrong `Page.references` (links with their text and line, resources
and ids, from lscb_core.html_model's scanner); `Page.parsed` is everything html_model
collects, for checks that need more.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlsplit

from lscb_core.content_item import Item
from lscb_core.html_model import Parsed, parse_html, scan_references
from lscb_core.site import Site

from . import quick as quick_look


@dataclass
class Page:
    rel: str  # path under the output folder, e.g. guidance/roles-of-agencies/index.html
    path: str  # the built file
    item: Item | None

    def read(self) -> str:
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    @cached_property
    def quick(self) -> tuple[list[str], list[str]]:
        """(every href, src and data value; every id), both supersets of
        what the parser finds: a first look, cheap enough for every page."""
        with open(self.path, "rb") as handle:
            return quick_look.urls_and_ids(handle.read())

    @cached_property
    def parsed(self) -> Parsed:
        """Everything html_model collects (headings, text, tables...)."""
        return parse_html(self.read())

    @cached_property
    def references(self) -> Parsed:
        """Links, resources and ids only (the other lists are empty): about
        three times cheaper than `parsed`, for checks that read every page."""
        return scan_references(self.read())


@dataclass
class Output:
    root: str
    site: Site
    pages: dict[str, Page] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    siteurl: str = ""

    @property
    def folder(self) -> str:
        """The path of SITEURL (`/website` for a GitHub project site at
        https://org.github.io/website), or "" for a site at the root of its
        host: root-relative links (/x/) must start with it."""
        return urlsplit(self.siteurl).path.rstrip("/") if "://" in self.siteurl else ""

    def site_relative(self, href: str) -> str:
        """An absolute link to this site (SITEURL/x/), or a root-relative one
        through the site's folder (/website/x/), as a root-relative one from
        the site's root (/x/); any other href unchanged."""
        href = href.strip()
        for prefix in (self.siteurl, self.folder):
            if prefix and href.startswith(prefix) and href[len(prefix) : len(prefix) + 1] in ("", "/", "?", "#"):
                return "/" + href[len(prefix) :].lstrip("/")
        return href

    def outside_folder(self, href: str) -> bool:
        """A root-relative link (/guidance/x/) that misses the folder the
        site is served from (/website/): it leads off the site."""
        href = href.strip()
        if not self.folder or not href.startswith("/") or href.startswith("//"):
            return False
        rest = href[len(self.folder) : len(self.folder) + 1]
        return not (href.startswith(self.folder) and rest in ("", "/", "?", "#"))

    def target(self, page: Page, href: str) -> tuple[str | None, str] | None:
        """The output file an internal link points to, and its #fragment.

        None for links that leave the site (other hosts, mailto:, tel:).
        The file part is None when it does not exist in the output.
        """
        parts = urlsplit(self.site_relative(href))
        if parts.scheme or parts.netloc:
            return None
        if self.outside_folder(href):
            return None, unquote(parts.fragment)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return page.rel, fragment
        if path.startswith("{"):  # an unresolved {filename}/{static} link
            return None, fragment
        base = posixpath.dirname(page.rel)
        joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
        rel = posixpath.normpath(joined)
        if rel.startswith(".."):
            return None, fragment
        candidates = [rel] if not path.endswith("/") and rel != "." else []
        candidates.append(posixpath.join("" if rel == "." else rel, "index.html"))
        for candidate in candidates:
            if candidate in self.files:
                return candidate, fragment
        return None, fragment


def items_by_save_as(site: Site) -> dict[str, Item]:
    """Path under the output folder -> the content item rendered into it.
    Worked out once per build: Pelican formats `save_as` from the settings
    on every access."""
    found = site.cache.get("items by save_as")
    if found is None:
        found = site.cache["items by save_as"] = {}
        for item in site.items:
            save_as = getattr(item.obj, "save_as", "")
            if save_as:
                found[save_as.replace("\\", "/")] = item
    return found


def collect_output(root: str, site: Site, settings) -> Output:
    by_save_as = items_by_save_as(site)
    siteurl = settings.get("SITEURL", "") if not settings.get("RELATIVE_URLS") else ""
    output = Output(root=root, site=site, siteurl=siteurl.rstrip("/"))
    top = os.path.join(os.path.abspath(root), "")
    for folder, _dirs, names in os.walk(top):
        prefix = folder[len(top) :].replace(os.sep, "/")
        prefix = prefix + "/" if prefix else ""
        output.files.update(prefix + name for name in names)
    for rel in sorted(output.files):
        if rel.endswith(".html"):
            output.pages[rel] = Page(rel, os.path.join(root, rel), by_save_as.get(rel))
    return output
