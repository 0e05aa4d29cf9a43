"""The class names the site's style sheets define: the theme's own words
(`nav-list`), which the final gate does not read as an editor's words
(published.files reads every other class value as words)."""

from __future__ import annotations

import functools
import os
import re

_CLASS_SELECTOR = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


def theme_classes(root: str) -> frozenset[str]:
    """The class names the style sheets under `root` define, read once per
    set of sheets: each sheet is known by its path, size, modification and
    change time and inode (a sheet written again is read again)."""
    sheets = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.endswith(".css"):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                sheets.append((path, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return _theme_classes(root, tuple(sorted(sheets)))


@functools.lru_cache(maxsize=4)
def _theme_classes(root: str, sheets: tuple) -> frozenset[str]:
    found: set[str] = set()
    for path, *_when in sheets:
        with open(path, encoding="utf-8", errors="replace") as handle:
            found.update(_CLASS_SELECTOR.findall(handle.read()))
    return frozenset(found)
