"""The files under content/ a page links to (attachment_paths): what a
review publishes besides its own text (lscb_checks.text.review_text reads
them), and what is withheld with a review that is not published
(lscb_reviews.withheld_files).
"""

from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import unquote

from .html_grammar import ATTRS


def attachment_paths(item, site) -> list[str]:
    """Absolute paths of the existing files under content/ the item links to:
    the files Pelican resolved ({static}, {attach}, relative links, Document),
    site-absolute links (/documents/x.pdf, or the live address), which reach
    files copied from the shared folders, and relative addresses written in
    HTML (`<img src="../../images/x.png">`), taken from the page's address
    as a browser would. Every address in the body counts, in any attribute
    that holds one (href, src, srcset, poster, data, cite...) of any element."""
    cache = getattr(site, "cache", None)
    key = ("attachment paths", id(item.obj))  # asked by several checks: worked out once per build
    if cache is not None and key in cache:
        return list(cache[key])
    paths = _attachment_paths(item, site)
    if cache is not None:
        cache[key] = tuple(paths)
    return paths


def _attachment_paths(item, site) -> list[str]:
    relatives = set(item.static_links())
    siteurl = str(site.settings.get("SITEURL") or "").rstrip("/")
    page_folder = _page_folder(item)
    for url in _addresses(item.parsed) + _attribute_addresses(item.html or ""):
        url = url.strip().split("#", 1)[0].split("?", 1)[0]
        if siteurl and url.startswith(siteurl + "/"):
            url = url[len(siteurl) :]
        if url.startswith("/") and not url.startswith("//"):
            relatives.add(posixpath.normpath(unquote(url).lstrip("/")))
        elif url and page_folder is not None and not _NOT_RELATIVE.match(url):
            relative = posixpath.normpath(posixpath.join(page_folder, unquote(url)))
            if not relative.startswith("../"):
                relatives.add(relative)
    paths = []
    for relative in sorted(relatives):
        absolute = site.content_file(relative)
        if os.path.isfile(absolute):
            paths.append(absolute)
    return paths


# A scheme (https:, mailto:, data:), a protocol-relative or site-absolute
# address, a fragment, or one of Pelican's {static}/{filename} links.
_NOT_RELATIVE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|\{|\|)")


def _addresses(parsed) -> list[str]:
    urls = [link.href for link in parsed.links]
    for image in parsed.images:
        urls.append(image.attrs.get("src") or "")
        for candidate in (image.attrs.get("srcset") or "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    urls.extend(url for _tag, url, _line in parsed.resources)
    return urls


# Every attribute of any element that holds an address a browser fetches or
# follows (the same ones lscb_content.site_links gives the site's address, and
# more): a withheld review's file named in any of them is withheld too.
_ATTRIBUTE = re.compile(
    r"""[\s/](href|src|poster|data|cite|formaction|action|background|longdesc|xlink:href|srcset|imagesrcset)"""
    r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
    re.IGNORECASE,
)
# A start tag as a browser reads it (lscb_core.html_grammar): a ">" inside a
# quoted value does not end it, and an attribute may follow a slash
# (`<img/src="...">` fetches its src).
_START_TAG = re.compile(r"<[A-Za-z]" + ATTRS + ">")


def _attribute_addresses(html: str) -> list[str]:
    """Every address in an attribute of any start tag of the body's HTML
    (`<source srcset>`, `<video poster>`...), each candidate of a srcset on
    its own."""
    urls = []
    for tag in _START_TAG.findall(html):
        for name, double, single, bare in _ATTRIBUTE.findall(tag):
            value = double or single or bare
            if name.lower().endswith("srcset"):
                urls.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
            else:
                urls.append(value)
    return urls


def _page_folder(item) -> str | None:
    """The folder of the page's address (`reviews/child-q/`), which a
    relative address in its HTML is resolved against; None when the item has
    no address."""
    url = str(getattr(item.obj, "url", "") or "")
    if not url or "://" in url:
        return None
    url = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    return url if url.endswith("/") or not url else posixpath.dirname(url)
