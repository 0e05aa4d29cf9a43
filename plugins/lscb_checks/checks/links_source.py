"""Links between content files, checked before anything is written.

Editors link to the Markdown file (`../guidance/making-a-referral.md`) or to
a file under content/ (`images/chart.png`); lscb_content turns these into
Pelican's `{filename}` and `{static}` links. When the file does not exist,
Pelican only logs "Unable to find ..." and publishes a broken link. Here it
stops the build, at the line of the link, with the file the editor probably
meant. A link to a page that will not be published (a draft, or a review the
publication gate keeps out) is caught here too.
"""

from __future__ import annotations

import html as html_lib
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.build_state import build_state
from lscb_core.findings import shorten
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.suggest import closest_path

from ..locate import Positions, written_href

_INTRASITE = re.compile(r"^\{(filename|static|attach)\}")
_PAGE_SOURCE = re.compile(r"\.(?:md|markdown|mdown|html?)$", re.IGNORECASE)
# Every {filename}/{static}/{attach} link of a body, as attribute values.
_QUICK = re.compile(r"""["'=](\{(?:filename|static|attach)\}[^"'\s>]*)""")


class IntrasiteLinkUnresolved(Rule):
    """Flags a link or image to a file under content/ that does not exist:
    a Markdown page, an image or a document.

    ## Why it matters
    Pelican only warns "Unable to find ..." and publishes the page with a
    link that goes nowhere, or an image that never appears. Readers lose
    the information, and people using screen readers hear a link that fails.

    ## Example
        See the [glossary](glossary.md).      (in content/guidance/: the glossary is content/pages/glossary.md)

    ## Use instead
        See the [glossary](../pages/glossary.md).

    The finding suggests the nearest file with a similar name.

    ## Known limitations
    Links written as web addresses (`/glossary/`) are checked on the built
    site instead (LINK001).
    """

    code = "LINK004"
    name = "intrasite-link-unresolved"


class IntrasiteLinkToUnpublished(Rule):
    """Flags a link from a published page to a page or file that will not be
    published: a draft, or a case review (or its files) that the publication
    gate keeps out because it is withheld, embargoed or a draft.

    ## Why it matters
    The link would be broken at best. At worst it reveals that a review
    exists, and its address, before the board has decided to publish it.

    ## Example
        Read the [review concerning Child D](../reviews/child-d.md).   (Child D is embargoed)

    ## Use instead
    Remove the link, and add it when the page is published.

    ## Known limitations
    Drafts may link to each other. Links written as web addresses are
    checked on the built site (LINK003). A link to a retired review is
    fine: its address shows the "available on request" notice; a retired
    review's own links are not checked, as its text is not published.
    """

    code = "LINK005"
    name = "intrasite-link-to-unpublished"
    waiver = Waiver.NEVER


def _content_files(site) -> list[str]:
    """Every file under content/, as paths relative to it; once per build."""
    key = ("links_source", "files")
    if key not in site.cache:
        root = site.content_path
        found = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            base = os.path.relpath(folder, root).replace(os.sep, "/")
            found.extend(posixpath.normpath(posixpath.join(base, name)) for name in names)
        site.cache[key] = found
    return site.cache[key]


def _target(item, path: str) -> str:
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(item.relative_path), path))


def _suggestion(item, wanted: str, written: str, candidates: list[str]) -> str | None:
    """The file the editor probably meant, written as a link from the item."""
    tail = unquote(urlsplit(written).path).lstrip("./")
    close = next((c for c in candidates if c == tail or c.endswith("/" + tail)), None)
    if close is None:
        folder = posixpath.dirname(wanted)
        close = closest_path(wanted, [c for c in candidates if posixpath.dirname(c) == folder])
    if close is None:
        close = closest_path(wanted, candidates)
    if close is None:
        return None
    return posixpath.relpath(close, posixpath.dirname(item.relative_path) or ".")


class _Targets:
    """What the content links can point to, built once per build."""

    def __init__(self, site):
        self.site = site
        self.by_path = {item.relative_path: item for item in site.items}
        self.withheld = build_state(site.settings).blocked_reviews.sources
        self._on_disk: dict[str, bool] = {}

    def on_disk(self, wanted: str) -> bool:
        if wanted not in self._on_disk:
            self._on_disk[wanted] = not wanted.startswith("..") and os.path.isfile(self.site.content_file(wanted))
        return self._on_disk[wanted]

    def problem(self, item, href: str):
        """(what is wrong, the path under content/) for a {filename} or
        {static} link, or None: "missing", "not a page", "a draft page"..."""
        kind = _INTRASITE.match(href)
        if not kind:
            return None
        path = unquote(urlsplit(written_href(href)).path)
        if not path:
            return None
        wanted = _target(item, path)
        linked = self.by_path.get(wanted)
        if linked is None:
            if not self.on_disk(wanted):
                return "missing", wanted
            if kind.group(1) == "filename" and _PAGE_SOURCE.search(wanted):
                return "not a page", wanted
        if not item.is_public or item.state == "retired":
            return None  # a retired review's body is not published: a notice only
        if linked is not None and linked.state == "retired":
            return None  # its "available on request" notice is published there
        if linked is not None and linked.state in ("draft", "blocked"):
            if linked.type_key in REVIEW_TEXT_TYPES:
                return "a review that is not published", wanted
            return "a draft page", wanted
        if wanted in self.withheld:
            return "a file of a review that is not published", wanted
        return None


def check(site):
    targets = _Targets(site)
    for item in site.items:
        # A quick look first: most bodies link only to files that exist.
        if not any(targets.problem(item, href) for href in _quick_targets(item.html)):
            continue
        parsed = item.parsed
        links = [(link.href, link.text, False) for link in parsed.links]
        resources = [(url, "", tag == "img" or None) for tag, url, _line in parsed.resources]
        # Links and images are found in the source separately, each in order.
        for found in (links, resources):
            yield from _findings(site, item, targets, Positions(item.source, found), found)


def _quick_targets(html: str) -> set[str]:
    return {html_lib.unescape(match) for match in _QUICK.findall(html)}


def _findings(site, item, targets, positions, found):
    for index, (href, text, _image) in enumerate(found):
        problem = targets.problem(item, href)
        if problem is None:
            continue
        what, wanted = problem
        written = written_href(href)  # the editor's: masked in the message
        line, col = positions.position(index)
        if what == "not a page":
            yield IntrasiteLinkUnresolved.at(
                item.path,
                line,
                say("link {written} is not a page of the site", written=shorten(written, 45)),
                "link to a page under one of the site's content folders",
                col=col,
            )
        elif what == "missing":
            pages = bool(_PAGE_SOURCE.search(wanted))
            candidates = sorted(targets.by_path) if pages else _content_files(site)
            close = _suggestion(item, wanted, written_href(href), candidates)
            yield IntrasiteLinkUnresolved.at(
                item.path,
                line,
                say(
                    "{kind} {written} finds no file",
                    kind=known("link" if text or pages else "file"),
                    written=shorten(written, 50),
                ),
                say("did you mean {close}?", close=file(close))
                if close
                else "check the name and folder: the path is from this file, e.g. ../pages/glossary.md",
                col=col,
            )
        else:
            yield IntrasiteLinkToUnpublished.at(
                item.path,
                line,
                say("links to {what}: {written}", what=known(what), written=written[: 79 - 11 - len(what)]),
                "remove the link until that page is published",
                col=col,
            )
