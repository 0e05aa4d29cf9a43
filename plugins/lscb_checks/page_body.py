"""The part of a built page that is its item's Markdown body (PageBody), so
that an output-stage check can tell a link, a resource or an id the editor
wrote (reported at its line in the Markdown, found with lscb_checks.locate)
from one the theme added (reported on the built page).
"""

from __future__ import annotations

import bisect

from .locate import (
    _INTRASITE,
    Locator,
    Positions,
    heading_position,
    link_positions,
    resource_positions,
    source_headings,
    written_href,
)


def content_offset(page_parsed, item) -> int | None:
    """Line offset of the item's body inside its built page, or None.

    The body is inserted into the page unchanged apart from its links, so
    every element of the body sits at (its line in the body + offset) in the
    page. The offset is found from the body's ids, else its links' text.
    """
    body = item.parsed
    page_ids: dict[str, list[int]] = {}
    for name, line in page_parsed.ids:
        page_ids.setdefault(name, []).append(line)
    page_links: dict[int, list[str]] = {}
    for link in page_parsed.links:
        page_links.setdefault(link.line, []).append(link.text)

    page_resources: dict[int, list[tuple[str, str]]] = {}
    for tag, url, line in page_parsed.resources:
        page_resources.setdefault(line, []).append((tag, url))

    def same_resource(body_resource, line: int) -> bool:
        tag, url, _line = body_resource
        return any(
            found_tag == tag and _same_url(url, found_url) for found_tag, found_url in page_resources.get(line, ())
        )

    def consistent(offset: int) -> bool:
        return (
            all(line + offset in page_ids.get(name, ()) for name, line in body.ids)
            and all(link.text in page_links.get(link.line + offset, ()) for link in body.links)
            and all(same_resource(resource, resource[2] + offset) for resource in body.resources)
        )

    if body.ids:
        name, line = body.ids[0]
        candidates = [found - line for found in page_ids.get(name, ())]
    elif body.links:
        first = body.links[0]
        candidates = [link.line - first.line for link in page_parsed.links if link.text == first.text]
    elif body.resources:
        # A body with only images (and text): matched by where each image points.
        first = body.resources[0]
        candidates = [
            line - first[2] for tag, url, line in page_parsed.resources if tag == first[0] and _same_url(first[1], url)
        ]
    else:
        return None
    return next((offset for offset in candidates if consistent(offset)), None)


def _same_url(written: str, built: str) -> bool:
    """Whether a body's resource (as Pelican read it, `{static}x.png` before
    it is resolved) is the built page's: the same address, or the same file
    name when Pelican resolved it."""
    if written == built:
        return True
    if written.startswith("/") and not written.startswith("//") and built.endswith(written):
        return True  # a root link, given the site's address as the page was written (lscb_content.site_links)
    return bool(_INTRASITE.match(written)) and written_href(written).rsplit("/", 1)[-1] == built.rsplit("/", 1)[-1]


def body_line_count(item) -> int:
    return item.html.count("\n") + 1


class PageBody:
    """The part of a built page that is its item's Markdown body.

    Answers, for an element of the page (a link, a resource, an id), whether
    the editor wrote it, and where in the Markdown. Built only for pages with
    a finding, so a clean page costs nothing.
    """

    def __init__(self, page):
        self.page = page
        self.item = page.item
        self.offset = content_offset(page.references, page.item) if page.item is not None else None
        self.last = self.offset + body_line_count(page.item) if self.offset is not None else -1
        self._links: dict[int, tuple[int, int]] | None = None
        self._resources: dict[int, tuple[int, int]] | None = None
        self._ids = None  # what id_position looks up, indexed once per page
        self._id_offsets: dict[str, list[int]] = {}  # id -> where each time it is written

    def contains(self, line: int) -> bool:
        return self.offset is not None and self.offset < line <= self.last

    def _match(self, page_elements, body_elements, key, positions: Positions) -> dict[int, tuple[int, int]]:
        """id(page element) -> (line, col) in the Markdown, for body elements."""
        by_key: dict = {}
        for index, element in enumerate(body_elements):
            by_key.setdefault(key(element, 0), []).append(index)
        found = {}
        for element in page_elements:
            if not self.contains(_line(element)):
                continue
            indices = by_key.get(key(element, self.offset))
            if indices:
                found[id(element)] = positions.position(indices.pop(0))
        return found

    def link_position(self, link) -> tuple[int, int] | None:
        """(line, col) in the Markdown of a page link the editor wrote."""
        if self.offset is None:
            return None
        if self._links is None:
            self._links = self._match(
                self.page.references.links,
                self.item.parsed.links,
                lambda link_, shift: (link_.line - shift, link_.text),
                link_positions(self.item),
            )
        return self._links.get(id(link))

    def resource_position(self, resource) -> tuple[int, int] | None:
        """(line, col) in the Markdown of a page resource (img src...)."""
        if self.offset is None:
            return None
        if self._resources is None:
            self._resources = self._match(
                self.page.references.resources,
                self.item.parsed.resources,
                lambda resource_, shift: (resource_[2] - shift, resource_[0]),
                resource_positions(self.item),
            )
        return self._resources.get(id(resource))

    def id_position(self, name: str, line: int) -> tuple[int, int] | None:
        """(line, col) in the Markdown of an id at `line` of the page.
        Each answer costs the same however many ids the page has: what is
        looked up is indexed once per page."""
        if not self.contains(line):
            return None
        pairs, lines_by_name, headings, written_headings = self._id_index()
        body_line = line - self.offset
        if (name, body_line) not in pairs:
            return None
        source = self.item.source
        index = headings.get((name, body_line))
        if index is not None:
            return heading_position(source, written_headings, index, self.item.parsed.headings[index].text)
        # Another element: the n-th time the id is written is the n-th element.
        nth = bisect.bisect_left(lines_by_name[name], body_line)
        positions = self._id_offsets.get(name)
        if positions is None:
            positions = self._id_offsets[name] = []
            locator = Locator(source)
            while (found := locator.offset(f"#{name}", f'id="{name}"', f"id='{name}'")) is not None:
                positions.append(found)
        return source.position(positions[nth]) if nth < len(positions) else (source.body_start, 1)

    def _id_index(self):
        if self._ids is None:
            parsed = self.item.parsed
            lines_by_name: dict[str, list[int]] = {}
            for found, at in parsed.ids:
                lines_by_name.setdefault(found, []).append(at)
            for lines in lines_by_name.values():
                lines.sort()
            headings: dict[tuple[str, int], int] = {}
            for index, heading in enumerate(parsed.headings):
                headings.setdefault((heading.id, heading.line), index)
            self._ids = (set(parsed.ids), lines_by_name, headings, source_headings(self.item.source))
        return self._ids


def _line(element) -> int:
    return element[2] if isinstance(element, tuple) else element.line
