"""Links written from the site's root (`/guidance/making-a-referral/`,
`![Map](/images/map.png)`) work wherever the site is served from.

A root-relative link only works when the site is at the root of its host.
Served from a folder (a GitHub project site,
`https://northshire-scb.github.io/website`), `/guidance/...` points outside
the site. Each page's body is therefore given its links as Pelican writes
the page, in Pelican's own step that resolves `{filename}` links, with the
same site address Pelican uses there: SITEURL on the live site, and the
relative way back to the root (`../..`) in previews. So

    /guidance/making-a-referral/   becomes
    https://northshire-scb.github.io/website/guidance/making-a-referral/   (live)
    ../../guidance/making-a-referral/                                       (preview)

Only the written page changes: the checks, the publication gate and the
withheld-review containment read the body as written (`/images/x.png`), and
lscb_checks.checks.links_output checks the written links on the built site.
"""

from __future__ import annotations

import re

# An opening tag; only its attributes are rewritten, never text (a code
# sample showing `href="/x"` is escaped as &lt;a ...&gt;).
_TAG = re.compile(r"<[A-Za-z][^>]*>")
_URL_ATTRIBUTE = re.compile(
    r"""(?P<name>\s(?:href|src|poster|data|cite|formaction|action)\s*=\s*)"""
    r"""(?P<quote>["'])/(?!/)(?P<rest>[^"']*)(?P=quote)""",
    re.IGNORECASE,
)
_SRCSET = re.compile(r"""(?P<name>\ssrcset\s*=\s*)(?P<quote>["'])(?P<value>[^"']*)(?P=quote)""", re.IGNORECASE)


def from_site(rest: str, siteurl: str) -> str:
    """`guidance/x/#para-2` (the part after the leading slash) from `siteurl`."""
    return siteurl.rstrip("/") + "/" + rest if siteurl not in ("", "/") else "/" + rest


def _srcset(value: str, siteurl: str) -> str:
    candidates = []
    for candidate in value.split(","):
        stripped = candidate.strip()
        if stripped.startswith("/") and not stripped.startswith("//"):
            candidate = candidate.replace(stripped, from_site(stripped[1:], siteurl), 1)
        candidates.append(candidate)
    return ",".join(candidates)


def _tag(match: re.Match, siteurl: str) -> str:
    tag = match.group(0)
    if "/" not in tag:
        return tag
    tag = _URL_ATTRIBUTE.sub(
        lambda m: m.group("name") + m.group("quote") + from_site(m.group("rest"), siteurl) + m.group("quote"), tag
    )
    return _SRCSET.sub(
        lambda m: m.group("name") + m.group("quote") + _srcset(m.group("value"), siteurl) + m.group("quote"), tag
    )


def with_site_prefix(html: str, siteurl: str) -> str:
    """`html` with every root-relative link or image made to start at
    `siteurl` (an address, or a relative path such as `..`). Unchanged when
    siteurl is empty: the site is then at the root of its host."""
    if not html or not siteurl or siteurl == "/":
        return html
    return _TAG.sub(lambda m: _tag(m, siteurl), html)


def make_root_links_portable(content) -> None:
    """content_object_init: the page's body (and its formatted metadata, the
    Summary) get their root-relative links from the site's address each time
    Pelican resolves the page's links for a page it writes."""
    resolve = content._update_content

    def _update_content(html: str, siteurl: str) -> str:
        return resolve(with_site_prefix(html, siteurl), siteurl)

    content._update_content = _update_content
