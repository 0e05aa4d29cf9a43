"""Every internal link and #anchor of the built site goes somewhere.

Runs over the built staging folder (each page scanned once, output.Page.references):
relative, root-relative and, on the live site, absolute links to SITEURL.
A link the editor wrote is reported at its line in the Markdown; a link from
the theme (templates, FOOTER_LINKS and other settings) is reported once, on
the first built page that has it, with how many pages share it.
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from urllib.parse import unquote, urlsplit

from lscb_core.build_state import build_state
from lscb_core.findings import cut_words, shorten
from lscb_core.quote import Message, file, known, say
from lscb_core.rules import Rule, Waiver

from ..page_body import PageBody

# Pelican's marker of a link to a content file, left in place when it found
# no file; editors write the target without it.
_MARKER = re.compile(r"\{(filename|static|attach)\}([^#?]*)")
# Fragments a browser handles without an element of that id.
_ALWAYS_THERE = {"", "top"}
_PARAGRAPH = re.compile(r"^para-\d+$")


class LinkTargetMissing(Rule):
    """Flags a link, image or stylesheet on a built page that points to a
    page or file of this site that does not exist.

    ## Why it matters
    A broken link leaves a reader, often a worried parent or a young person,
    at a "page not found" instead of the help they were looking for.

    ## Example
        See the [glossary](/glosary/).

    ## Use instead
    Link to the Markdown file, which the build checks and turns into the
    right address:

        See the [glossary](../pages/glossary.md).

    A site served from a folder of its host (SITEURL
    `https://org.github.io/website`) needs every link from the host's root
    to go through that folder: the build does that for links written in
    Markdown (`/guidance/x/`); a link elsewhere (a template) that misses the
    folder is flagged.

    ## Known limitations
    Links to other websites are not checked (the build works offline). A
    link in the theme, or in a page's Summary, is reported on the built page
    (output/...) rather than in a Markdown file.
    """

    code = "LINK001"
    name = "link-target-missing"
    stage = "output"


class LinkAnchorMissing(Rule):
    """Flags a link to `#something` (on the same page or another) when the
    target page has no element with that id.

    ## Why it matters
    The reader lands at the top of a long page instead of the section or
    numbered paragraph they were sent to, and may never find it.

    ## Example
        See [paragraph 40](../guidance/making-a-referral.md#para-40).   (the guidance has 30 paragraphs)

    ## Use instead
    Link to a paragraph or heading that exists. A heading's id is its text
    in lower case with hyphens: `## When to refer` is `#when-to-refer`.

    ## Known limitations
    Ids added by JavaScript, and old-style `<a name="...">` anchors, are not
    seen. `#top` and an empty `#` are accepted.
    """

    code = "LINK002"
    name = "link-anchor-missing"
    stage = "output"


class LinkToUnpublished(Rule):
    """Flags a link on a built page to the address of a draft, or of a case
    review that the publication gate keeps out (withheld, embargoed or a
    draft).

    ## Why it matters
    The link reveals that the page exists, and its address, before it may be
    published. For a case review that can identify a child.

    ## Example
        <a href="/reviews/child-d/">Child D</a>   (Child D is embargoed)

    ## Use instead
    Remove the link until the page is published.

    ## Known limitations
    A link to a blocked review is also reported by REV003, the leak guard,
    which reads every file of the output; LINK003 names the line to change.
    Links written to the Markdown file are caught earlier, as LINK005.
    """

    code = "LINK003"
    name = "link-to-unpublished"
    waiver = Waiver.NEVER
    stage = "output"


def _normal(path: str) -> str:
    """An output path without index.html or slashes, for comparing addresses."""
    path = path.strip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")].rstrip("/")
    return path


def _address(normal: str) -> str:
    """How a reader would write the address: /glossary/, /documents/a.pdf."""
    if not normal or normal == ".":
        return "/"
    return f"/{normal}" if posixpath.splitext(normal)[1] else f"/{normal}/"


def _short(text: str, limit: int = 40) -> str:
    """An address shortened in its middle: its start and its file stay."""
    return shorten(text, limit)


@dataclasses.dataclass(frozen=True)
class _Problem:
    rule: type
    message: Message  # the address or #anchor it quotes is masked (lscb_core.quote)
    hint: Message | str
    key: tuple  # the same broken link on several pages has one key
    # The target as the editor wrote it, when Pelican left its `{filename}`
    # marker in place: the link is in a page's header (a Summary).
    written: str = ""
    theme_hint: str = ""  # when the link is the theme's, not an editor's

    def text(self) -> tuple[Message, Message | str]:
        return self.message, self.hint


class _Links:
    """What every page's links are checked against, built once per build."""

    def __init__(self, output):
        self.output = output
        self.unpublished: dict[str, str] = {}  # address -> what it is
        for item in output.site.items:
            if item.state == "draft":
                self.unpublished[_normal(item.obj.url)] = "a draft page"
            elif item.state == "blocked":
                self.unpublished[_normal(item.obj.url)] = "a review that is not published"
        for url in build_state(output.site.settings).blocked_reviews.urls:
            self.unpublished.setdefault(_normal(url), "a review that is not published")
        self._ids: dict[str, set[str]] = {}
        self._addresses: set[str] | None = None
        # Most links are the theme's, the same on every page: each distinct
        # link (from one folder, for relative links) is resolved once.
        self._resolved: dict[tuple, tuple | None] = {}

    def ids(self, rel: str) -> set[str]:
        if rel not in self._ids:
            self._ids[rel] = set(self.output.pages[rel].quick[1])
        return self._ids[rel]

    def path(self, page, href: str) -> str:
        """The output path an internal href names, whether or not it exists."""
        path = unquote(urlsplit(self.output.site_relative(href)).path)
        if path.startswith("/"):
            return posixpath.normpath(path.lstrip("/") or ".")
        return posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))

    def did_you_mean(self, wanted: str) -> str:
        if posixpath.splitext(wanted)[1] not in ("", ".html"):
            candidates = self.output.files
        else:
            if self._addresses is None:
                self._addresses = {_normal(rel) for rel in self.output.pages}
            candidates = self._addresses
        close = _close(wanted, candidates)
        if close is not None:
            return say("did you mean {close}?", close=file(_address(_normal(close))))
        if candidates is self.output.files:
            return "put the file under content/ and link to it from the Markdown: images/x.png"
        return "link to the Markdown file (../pages/x.md), which the build checks"

    def problem(self, page, href: str, from_draft: bool):
        """What is wrong with one link (a _Problem), or None when it is fine."""
        if href.startswith("#"):  # on the same page: the most common link
            fragment = unquote(href[1:])
            if fragment.lower() in _ALWAYS_THERE or fragment in self.ids(page.rel):
                return None
            return self._anchor_missing(page.rel, fragment, "this page")
        absolute = href.startswith(("/", "http:", "https:", "mailto:", "tel:"))
        folder = "" if absolute else posixpath.dirname(page.rel)
        if folder:
            # `../../children/` from guidance/x/ is `/children/` from anywhere:
            # relative links of the theme are resolved once, not once a folder.
            to_root = "../" * (folder.count("/") + 1)
            if href.startswith(to_root) and not href.startswith("../", len(to_root)):
                folder, href = "", "/" + href[len(to_root) :]
        key = (folder, href, from_draft)
        if key not in self._resolved:
            self._resolved[key] = self._problem(page, href, from_draft)
        return self._resolved[key]

    def _problem(self, page, href: str, from_draft: bool):
        if self.output.outside_folder(href):
            # Written from the host's root: the site is in a folder of it.
            return _Problem(
                LinkTargetMissing,
                say("link to {address} is outside the site's folder", address=_short(href, 36)),
                say(
                    "the site is at {folder}/: link to the Markdown file, or via SITEURL",
                    folder=known(self.output.folder),
                ),
                ("LINK001", "outside", href),
                theme_hint="a template or setting writes it from the host's root: use {{ SITEURL }}/",
            )
        target = self.output.target(page, href)
        if target is None:
            return None
        rel, fragment = target
        wanted = _normal(rel if rel is not None else self.path(page, href))
        hidden = self.unpublished.get(wanted)
        if hidden and not from_draft:
            return _Problem(
                LinkToUnpublished,
                say("links to {what}: {address}", what=known(hidden), address=file(_short(_address(wanted), 36))),
                "remove the link until that page is published",
                ("LINK003", wanted),
            )
        if rel is None:
            if hidden:  # a draft linking to a draft that is not written
                return None
            marker = _MARKER.search(unquote(href))
            if marker:  # Pelican found no file for {filename}x.md
                written = marker.group(2)
                return _Problem(
                    LinkTargetMissing,
                    say("link {written} finds no file", written=_short(written, 50)),
                    "check the name and folder: the path is from the page's file, e.g. ../pages/glossary.md",
                    ("LINK001", written),
                    written,
                )
            # Nothing is there: the address is the editor's, masked.
            return _Problem(
                LinkTargetMissing,
                say("link to {address} goes nowhere", address=_short(_address(wanted), 50)),
                self.did_you_mean(wanted),
                ("LINK001", wanted),
            )
        if fragment.lower() in _ALWAYS_THERE or rel not in self.output.pages:
            return None
        if fragment in self.ids(rel):
            return None
        return self._anchor_missing(rel, fragment, _short(_address(wanted), 36))

    def _anchor_missing(self, rel: str, fragment: str, where: str):
        ids = self.ids(rel)
        numbers = [int(name[5:]) for name in ids if _PARAGRAPH.match(name)]
        close = None
        if _PARAGRAPH.match(fragment) and numbers:
            hint = say("that page has paragraphs 1 to {last}", last=max(numbers))
        else:
            close = _close(fragment, ids)
            # An id is made from a heading of the page's content: masked.
            hint = (
                say("did you mean #{close}?", close=close)
                if close
                else ("link to a heading or numbered paragraph that exists")
            )
        # The theme's links to #anchors of their own page count as one link.
        return _Problem(
            LinkAnchorMissing,
            say(
                "#{anchor} is not on {where}",
                anchor=_short(fragment, 30),
                where=known(where) if where == "this page" else file(where),
            ),
            hint,
            ("LINK002", "" if where == "this page" else rel, fragment),
        )


def _close(wanted: str, candidates) -> str | None:
    match = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.75)
    return match[0] if match else None


_THEME_HINT = {
    "LINK001": "the link is in no Markdown body: check theme/templates, FOOTER_LINKS, Summary",
    "LINK002": "the link is in no Markdown body: check theme/templates, FOOTER_LINKS, Summary",
    "LINK003": "the theme or a Summary links to it: remove the link until it is published",
}


def _in_header(page, site, written: str) -> tuple[str, int, int] | None:
    """(file, line, column) of the header field (a Summary) where a link
    to `written` is: in the built page's own file first, else any file."""
    items = ([page.item] if page.item is not None else []) + list(site.items)
    for item in items:
        for entry in item.source.fields:
            at = entry.value.find(written) if written else -1
            if at >= 0:
                return item.path, entry.line, entry.value_col + at
    return None


def check_output(output):
    links = _Links(output)
    theme: dict[tuple, tuple] = {}  # key -> (finding, pages it is on)
    in_headers: set[tuple] = set()  # (file, key) of links found in a page's header
    for rel in sorted(output.pages):
        page = output.pages[rel]
        if page.item is not None and getattr(page.item.obj, "is_earlier_version", False):
            continue  # judged before it was written (lscb_checks.earlier_version_links)
        from_draft = page.item is not None and page.item.state == "draft"
        # A quick look at every URL of the page first; most pages are fine.
        if not any(links.problem(page, href, from_draft) for href in set(page.quick[0])):
            continue
        body = None
        elements = [(link, link.href, link.line, False) for link in page.references.links]
        elements += [(res, res[1], res[2], True) for res in page.references.resources]
        for element, href, line, is_resource in elements:
            problem = links.problem(page, href, from_draft)
            if problem is None:
                continue
            if body is None:
                body = PageBody(page)
            position = body.resource_position(element) if is_resource else body.link_position(element)
            if position is None and problem.written:
                header = _in_header(page, output.site, problem.written)
                if header is None or (header[0], problem.key) in in_headers:
                    continue
                in_headers.add((header[0], problem.key))
                message, hint = problem.text()
                yield problem.rule.at(header[0], header[1], message, hint, col=header[2])
            elif position is not None:
                message, hint = problem.text()
                yield problem.rule.at(page.item.path, position[0], message, hint, col=position[1])
            elif problem.key in theme:
                theme[problem.key][1].add(rel)
            else:
                message, _hint = problem.text()
                theme[problem.key] = (
                    problem.rule.at(
                        posixpath.join("output", rel),
                        line,
                        message,
                        problem.theme_hint or _THEME_HINT[problem.rule.code],
                    ),
                    {rel},
                )
    for finding, pages in theme.values():
        if len(pages) > 1:
            extra = f" (and {len(pages) - 1} more pages)"
            finding = dataclasses.replace(finding, message=cut_words(finding.message, 79 - len(extra)) + extra)
        yield finding
