"""Links of an earlier version of guidance that go nowhere today.

An earlier version was written for the site as it was: a page it links to
may have been deleted or renamed since. Its history cannot be edited, so
such a version is left out before anything is written (LINK001, by
lscb_checks.earlier_versions), instead of stopping the build when the link
check reads the built site. A link is judged by the addresses the build
will write: each page's and each shared file's, and the folders above them
(a listing: /guidance/). A link to a heading of a page that is there is
kept even when the heading was renamed since; the version is an archive, and
the link check does not judge an earlier version's links again.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from lscb_core.articles import content_objects
from lscb_core.quote import file, say
from lscb_core.rules import finding

_ADDRESS = re.compile(r"""\s(?:href|src)\s*=\s*(["'])(/(?!/)[^"']*)\1""", re.IGNORECASE)
# Pages the site writes besides its content and listings (lscb_content's generators).
_SITE_PAGES = ("updates", "get-updates", "search", "events/past", "events/calendar.ics", "feeds", "sitemap.xml")


def addresses(generators) -> set[str]:
    """Every address the build writes, as a path without its leading slash:
    each content item's, each shared file's, and each folder above them."""
    found = {"", *_SITE_PAGES}
    for obj, _list_name in content_objects(generators):
        if getattr(obj, "is_earlier_version", False) or getattr(obj, "status", "") == "draft":
            continue
        found.add(str(getattr(obj, "url", "") or "").strip("/"))
    for generator in generators:
        for static in getattr(generator, "staticfiles", []) or []:
            found.add(str(getattr(static, "url", "") or "").strip("/"))
    for address in list(found):
        parent = posixpath.dirname(address)
        while parent and parent not in found:
            found.add(parent)
            parent = posixpath.dirname(parent)
    return found


def dead_links(site, known: set[str]) -> list:
    """LINK001 for each link of an earlier version to an address of the site
    that the build does not write."""
    found = []
    for item in site.items:
        obj = item.obj
        if not getattr(obj, "is_earlier_version", False):
            continue
        for match in _ADDRESS.finditer(obj._content or ""):
            path = unquote(urlsplit(match.group(2)).path).strip("/")
            if path.endswith("index.html"):
                path = posixpath.dirname(path)
            if path in known or path.startswith(("theme/", "pagefind/")):
                continue
            line, col = item.source.locate(match.group(2))
            message = say("links to {target}, which the site does not have today", target=file(match.group(2)[:60]))
            found.append(finding("LINK001", item.path, line, message, "an earlier version is left out", col=col))
    return found
