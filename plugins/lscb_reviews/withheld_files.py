"""Nothing of a review that is not published reaches the site, by any path.

Runs at `all_generators_finalized`: every file has been read and the static
files are listed, nothing is written yet. The files of each review the gate
kept out (withheld, embargoed, a draft, under ongoing proceedings) or
retired are:

* its Markdown source;
* every file under content/ it links to, in any form: `{static}`,
  `{attach}`, relative, site-absolute (`/images/x.png`), the live address,
  HTML src, href, srcset or data (lscb_core.linked_files.
  attachment_paths), and its Document;
* every file in its own folder, when no other page sits in that folder or
  below it (content/reviews/child-q/ holding child-q.md and its images).

None of them is copied into the site, and neither is any other file with
the same bytes (the review's PDF saved again as documents/leaflet-2.pdf).
Redaction registers, files with a register's bytes, and files under a
reviews folder's redaction/ are never copied either.

A file of such a review that a page which is published links too (a shared
logo, or the review's PDF linked from a guidance page) is kept. For a
retired review that is all: the file was public until the retirement date,
and retirement never stops the build. For any other, REV012 stops the build
at the line of that page: the build cannot tell a shared
logo from the review's own material, an editor can, and says so with a
waiver on that line. lscb_reviews.leak_guard looks for every one of these
contents again in the finished output. REV012 is declared in
lscb_checks.checks.withheld_review_files and reported here by code.
"""

from __future__ import annotations

import logging
import os
import posixpath

from lscb_core.articles import content_objects
from lscb_core.build_state import build_state
from lscb_core.content_item import Item
from lscb_core.contents import KnownContents
from lscb_core.findings import display_path
from lscb_core.linked_files import attachment_paths
from lscb_core.quote import file, say
from lscb_core.quote import known as vocab
from lscb_core.rules import finding

from .register_files import register_files

log = logging.getLogger("lscb.reviews")


HINT = "remove the link; if the file is not the review's own, waive on this line"


def withhold_files(generators) -> None:
    from pelican.generators import StaticGenerator

    settings = generators[0].settings
    state = build_state(settings).blocked_reviews
    static = next((g for g in generators if isinstance(g, StaticGenerator)), None)
    content = os.path.abspath(settings["PATH"])
    site = _LinkResolver(settings)

    reviews = state.articles + state.retired
    owners = _withheld_files(reviews, generators, state, content, site)
    withheld = state.withheld
    for path, review in owners.items():
        withheld.add(path, review)
    registers = state.registers
    _add_registers(registers, generators, state, content)
    if static is None:
        return

    dropped, candidates = set(), []
    for sc in static.staticfiles:
        absolute = os.path.abspath(sc.source_path)
        relative = _relative(absolute, content)
        if under_redaction_folder(relative) or registers.match(absolute):
            log.info("Not copied: %s (a redaction register)", relative)
            dropped.add(id(sc))
            continue
        review, copy = owners.get(absolute), False
        if review is None:
            match = withheld.match(absolute)
            if match is not None:
                review, copy = match[1], True
        if review is not None:
            candidates.append((sc, absolute, relative, review, copy))

    linked = _linked_by_published_pages(generators, site) if candidates else {}
    retired = {review.source_path for review in state.retired}
    findings, kept = [], set()
    for sc, absolute, relative, review, copy in candidates:
        pages = linked.get(absolute, [])
        # An earlier version of guidance (lscb_content.earlier_versions) that
        # links it keeps nothing: it is left out (lscb_checks.earlier_versions).
        for item in [p for p in pages if getattr(p.obj, "is_earlier_version", False)]:
            item.obj.withheld_links = [*getattr(item.obj, "withheld_links", []), _shared(item, absolute, review, copy)]
            pages.remove(item)
        if not pages:
            log.info("Not copied: %s (a file of %s, which is not published)", relative, display_path(review))
            dropped.add(id(sc))
            state.sources.add(relative)
            continue
        kept.add(absolute)
        match = withheld.match(absolute)
        if match is not None:
            state.kept_digests.add(match[0])
        if review in retired:
            # It was public until the review retired, and a page still
            # published links it: it stays for that page. Retirement is a
            # date passing; it never stops the (daily) build.
            log.info("Kept: %s (a file of retired %s, linked by a published page)", relative, display_path(review))
            continue
        findings.extend(_shared(item, absolute, review, copy) for item in pages)

    if dropped:
        static.staticfiles = [sc for sc in static.staticfiles if id(sc) not in dropped]
        static.context["staticfiles"] = static.staticfiles
    # For the leak guard: none of these may be in the output at its own path.
    state.sources.update(_relative(path, content) for path in owners if path not in kept)
    build_state(settings).report(findings)


class _LinkResolver:
    """What lscb_core.linked_files.attachment_paths needs of the site."""

    def __init__(self, settings) -> None:
        self.settings = settings

    def content_file(self, relative: str) -> str:
        return os.path.join(self.settings["PATH"], relative)


def _item(obj, state: str):
    return Item(obj, "", state)


def _files(item, site) -> set[str]:
    return {os.path.abspath(path) for path in attachment_paths(item, site)}


def _withheld_files(reviews, generators, state, content: str, site) -> dict[str, str]:
    """Absolute path -> source path of the review it belongs to."""
    if not reviews:
        return {}
    sources = {os.path.abspath(obj.source_path) for obj, _list in content_objects(generators)}
    sources |= {os.path.abspath(article.source_path) for article in state.articles}
    owners: dict[str, str] = {}
    for review in reviews:
        own = os.path.abspath(review.source_path)
        owners.setdefault(own, review.source_path)
        for path in sorted(_files(_item(review, "blocked"), site)):
            owners.setdefault(path, review.source_path)
        for path in _own_folder(own, sources, content):
            owners.setdefault(path, review.source_path)
    return owners


def _own_folder(source: str, sources: set[str], content: str) -> list[str]:
    """Every file in the review's folder and below, when no other page is
    there; [] for a folder shared with other pages (content/reviews/)."""
    folder = os.path.dirname(source)
    if folder == content or not folder.startswith(content + os.sep):
        return []
    if any(other != source and other.startswith(folder + os.sep) for other in sources):
        return []
    found = []
    for parent, _dirs, names in os.walk(folder):  # links are not followed (BLD002)
        found.extend(os.path.join(parent, name) for name in names)
    return found


def _add_registers(known: KnownContents, generators, state, content: str) -> None:
    from .gate import is_review

    reviews = [obj.source_path for obj, _list in content_objects(generators) if is_review(obj)]
    reviews += [article.source_path for article in state.articles]
    for path, _owner in register_files(reviews, content):
        known.add(path, path)


def _linked_by_published_pages(generators, site) -> dict[str, list]:
    """Absolute path of a file -> the pages written to the site that link it.
    Retired reviews show a notice only, so their links are not published."""
    linked: dict[str, list] = {}
    for obj, list_name in content_objects(generators):
        if getattr(obj, "retired", False):
            continue
        item = _item(obj, list_name)
        for path in _files(item, site):
            linked.setdefault(path, []).append(item)
    return linked


def _shared(item, absolute: str, review: str, copy: bool):
    name = posixpath.basename(absolute.replace(os.sep, "/"))
    line, col = item.source.locate(name, body_only=False)
    what = "a copy of a file" if copy else "a file"
    message = say(
        "links {what} of {review}, which is not published", what=vocab(what), review=file(review, name_only=True)
    )
    return finding("REV012", item.path, line, message, HINT, col=col)


def _relative(absolute: str, content: str) -> str:
    return os.path.relpath(absolute, content).replace(os.sep, "/")


def under_redaction_folder(relative: str) -> bool:
    """reviews/redaction/x.json, reviews/child-q/redaction/x.json: a
    register's place, whatever is in it."""
    parts = relative.split("/")[:-1]
    return any(part == "redaction" and "reviews" in parts[:index] for index, part in enumerate(parts))
