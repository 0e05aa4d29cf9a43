"""The built site as the output checks see it: every HTML page parsed once.

Built at `finalized`, over the staging folder, before it replaces output/.
Each page knows the content item it was rendered from (when there is one), so
a finding about a page can name the Markdown file an editor must change.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .html_model import Parsed, parse_html
from .site import Item, Site


@dataclass
class Page:
    rel: str  # path under the output folder, e.g. guidance/roles-of-agencies/index.html
    parsed: Parsed
    item: Item | None


@dataclass
class Output:
    root: str
    site: Site
    pages: dict[str, Page] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    siteurl: str = ""

    def target(self, page: Page, href: str) -> tuple[str | None, str] | None:
        """The output file an internal link points to, and its #fragment.

        None for links that leave the site (other hosts, mailto:, tel:).
        The file part is None when it does not exist in the output.
        """
        href = href.strip()
        if self.siteurl and href.startswith(self.siteurl):
            href = "/" + href[len(self.siteurl):].lstrip("/")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
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


def collect_output(root: str, site: Site, settings) -> Output:
    by_save_as = {}
    for item in site.items:
        save_as = getattr(item.obj, "save_as", "")
        if save_as:
            by_save_as[save_as.replace("\\", "/")] = item
    siteurl = settings.get("SITEURL", "") if not settings.get("RELATIVE_URLS") else ""
    output = Output(root=root, site=site, siteurl=siteurl.rstrip("/"))
    for folder, _dirs, names in os.walk(root):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            output.files.add(rel)
    for rel in sorted(output.files):
        if rel.endswith(".html"):
            with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as handle:
                parsed = parse_html(handle.read())
            output.pages[rel] = Page(rel, parsed, by_save_as.get(rel))
    return output
