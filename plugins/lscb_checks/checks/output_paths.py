"""Every page and file of the site has an address of its own.

Pelican works out where each page is written (`save_as`: from the file's
name or its `Slug`, and its folder) when it reads the file. Two pages given
the same address make Pelican stop half-way through writing the site with
an error naming a temporary file. Here the addresses are compared before
anything is written, and both source files are named.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import file, say
from lscb_core.rules import Rule, Waiver
from lscb_core.sources import source_file

# Run before Pelican writes anything (lscb_checks.runner): Pelican itself
# stops on two files written to one address.
BEFORE_WRITING = True


class OutputPathClash(Rule):
    """Flags two content files that would be published at the same address:
    two pages with the same `Slug`, a page whose file name gives the slug
    another page sets, or a page whose `Save_as` is a file copied from
    `images/` or `documents/`.

    ## Why it matters
    Only one of them can be published at that address. Pelican on its own
    stops half-way through writing the site with an error about a
    temporary file, which names neither page.

    ## Example
        content/pages/training.md            (no Slug: its address is /training/)
        content/pages/courses.md             Slug: training

    ## Use instead
        content/pages/courses.md             Slug: courses

    ## Known limitations
    Addresses are compared without regard to capitals (`/Training/` and
    `/training/` are the same folder on Windows and macOS). Pages the theme
    writes (the home page, search, sitemap) are not compared with content
    pages; Pelican's own error then stops the build (BLD005).
    """

    code = "BLD004"
    name = "output-path-clash"
    waiver = Waiver.NEVER


def _address(save_as: str) -> str:
    """How a reader would type the address: /training/, /documents/a.pdf."""
    path = save_as.replace("\\", "/").lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path


def _line_of(path: str) -> tuple[int, int]:
    """The field that sets the address (Save_as, else Slug), or line 1."""
    try:
        source = source_file(path)
    except OSError:
        return 1, 1
    for name in ("Save_as", "Slug"):
        found = source.field(name)
        if found:
            return found.line, found.value_col
    return 1, 1


def written_files(site) -> list[tuple[str, str]]:
    """(source file, save_as) for every page and file Pelican will write."""
    found = []
    for item in site.items:
        save_as = getattr(item.obj, "save_as", "") or ""
        if item.state != "blocked" and save_as:
            found.append((item.path, save_as))
    found += [(source, save_as) for source, save_as in site.static_files if save_as]
    return found


def check(site) -> Iterable[Finding]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for path, save_as in written_files(site):
        key = posixpath.normpath(save_as.replace("\\", "/").lstrip("/")).casefold()
        groups.setdefault(key, []).append((path, save_as))
    for entries in groups.values():
        sources = sorted({path for path, _save_as in entries})
        if len(sources) < 2:
            continue
        address = _address(entries[0][1])
        for path in sources:
            other = next(source for source in sources if source != path)
            line, col = _line_of(path)
            more = len(sources) - 2
            message = (
                say("{other} is published at {address} too", other=file(_relative(site, other)), address=file(address))
                if not more
                else say(
                    "{other} and {more} more are published at {address} too",
                    other=file(_relative(site, other)),
                    more=more,
                    address=file(address),
                )
            )
            yield OutputPathClash.at(
                path, line, message, "give one of them another Slug (or another file name)", col=col
            )


def _relative(site, path: str) -> str:
    """The path under content/, as an editor knows it."""
    try:
        return os.path.relpath(path, site.content_path).replace(os.sep, "/")
    except ValueError:
        return path
