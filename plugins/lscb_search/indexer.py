"""Build the search index over the staging folder, then prove what is in it.

Which pages are indexed is decided in the theme: the templates put
`data-pagefind-body` on the main content of a page only when the page is
published (docs/theme.md, "Search"), and pagefind then indexes only those
pages. Drafts, hidden pages (the 404 page), the search page itself, listings
and retired reviews carry no such mark.

After pagefind has run, every page in the index is checked against the
published content items: a page that is not published (a draft written under
drafts/ in a preview, an editor's own `data-pagefind-body` in raw HTML) stops
the build, and nothing is published. A failure of pagefind itself stops the
build too: the staging folder, half an index included, is thrown away.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import time
from pathlib import Path

from lscb_core.build_state import build_state
from lscb_core.findings import display_path

from .fragments import each_fragment

log = logging.getLogger(__name__)

MARK = b"data-pagefind-body"
BUNDLE = "pagefind"  # the folder under the site root: SITEURL/pagefind/pagefind.js
ENTRY = "pagefind-entry.json"
_HINT_REINSTALL = "reinstall the tools with `make html`, or `.venv/bin/pip install -e .`"


class SearchIndexFailed(Exception):
    """The search index could not be built or holds a page it must not.

    Raised from the `finalized` signal: Pelican exits with `exitcode` and
    lscb_core.build throws the staging folder away."""

    exitcode = 1

    def __init__(self, where: str, message: str, hint: str):
        super().__init__(f"{where}: {message}\n    hint: {hint}")


def executable() -> str:
    """The pagefind program inside the pagefind_bin wheel."""
    try:
        import pagefind_bin
    except ImportError as exc:
        raise SearchIndexFailed("pagefind", "the search indexer is not installed", _HINT_REINSTALL) from exc
    try:
        return str(pagefind_bin.get_executable())
    except FileNotFoundError as exc:
        raise SearchIndexFailed("pagefind", "the pagefind program is missing", _HINT_REINSTALL) from exc


def marked_pages(root: Path) -> list[Path]:
    """HTML files the theme marked for the index."""
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = Path(folder, name)
                if MARK in path.read_bytes():
                    found.append(path)
    return found


def run_pagefind(root: Path, program: str | None = None) -> None:
    """Index the site at `root` into root/pagefind/."""
    command = [program or executable(), "--site", str(root), "--output-subdir", BUNDLE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexFailed(
            program or "pagefind", f"could not run pagefind: {exc.strerror}", _HINT_REINSTALL
        ) from exc
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())[:200] or "nothing"
        raise SearchIndexFailed(
            display_path(str(root / BUNDLE)),
            f"pagefind failed (exit {done.returncode}): {said}",
            "fix the page pagefind names, or " + _HINT_REINSTALL,
        )


def sort_entry(path: Path) -> None:
    """pagefind lists the languages in its entry file in a different order
    on each run: sorted, the same site indexes to the same bytes. The file
    is read by pagefind's script as JSON, where order means nothing."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # check_index reports an index it cannot read
    if isinstance(entry.get("languages"), dict):
        entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def published_urls(settings) -> dict[str, str]:
    """URL as pagefind records it (/guidance/x/) -> source file, for every
    published content item."""
    site = build_state(settings).site
    urls: dict[str, str] = {}
    for item in site.items if site is not None else ():
        if item.state == "published":
            url = getattr(item.obj, "url", "") or ""
            urls["/" + url.lstrip("/")] = item.display_path
    return urls


def _source_of(url: str, settings) -> str:
    site = build_state(settings).site
    for item in site.items if site is not None else ():
        if "/" + (getattr(item.obj, "url", "") or "").lstrip("/") == url:
            return item.display_path
    return url.lstrip("/") or "index.html"


def check_index(root: Path, settings) -> int:
    """Every page in the index must be a published item; returns how many."""
    allowed = published_urls(settings)
    count = 0
    for fragment in each_fragment(root / BUNDLE):
        count += 1
        if fragment.url not in allowed:
            raise SearchIndexFailed(
                _source_of(fragment.url, settings),
                f"search index holds {fragment.url}, which is not published",
                "remove data-pagefind-body from the page; only the theme marks pages for search",
            )
    return count


def build_index(pelican) -> None:
    """`finalized`: index the staging folder, or stop the build."""
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):
        return
    root = Path(pelican.output_path)
    if not marked_pages(root):
        # pagefind would index every whole page (drafts too) when no page is
        # marked: there is nothing to search yet, so there is no index.
        log.info("search: no published page to index; the search page will say so")
        return
    started = time.perf_counter()
    run_pagefind(root, settings.get("PAGEFIND_PROGRAM"))
    sort_entry(root / BUNDLE / ENTRY)
    count = check_index(root, settings)
    # Shown by `scripts/build.py --timings` with the checks' own times.
    build_state(settings).add_time("(search index)", time.perf_counter() - started)
    log.info("search: indexed %d pages", count)
