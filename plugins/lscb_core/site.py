"""What the checks see: every content object of the build, with its source.

Collected once per build by lscb_checks (lscb_checks.site.collect_site) at
`all_generators_finalized`, after every file has been read and before
anything is written, and kept in the build's state (lscb_core.build_state),
where lscb_reviews' leak guard and lscb_search read it too. Every content
object is here: published, hidden, drafts, and reviews the publication gate
kept out. Each source file is read once (lscb_core.sources caches it) and
each content body is parsed once (Item.parsed, lscb_core.content_item);
checks share anything else expensive through Site.cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from .content_item import Item
from .rules import Mode


@dataclass
class Site:
    settings: dict
    items: list[Item]
    mode: Mode
    cache: dict = field(default_factory=dict)
    # Every file Pelican copies from content/ (STATIC_PATHS folders and files
    # pages link to, without a withheld review's files): (absolute source
    # path, path under the output folder with forward slashes).
    static_files: list[tuple[str, str]] = field(default_factory=list)

    @property
    def content_path(self) -> str:
        return self.settings["PATH"]

    def of_type(self, *type_keys: str) -> list[Item]:
        return [item for item in self.items if item.type_key in type_keys]

    def content_file(self, relative: str) -> str:
        return os.path.join(self.content_path, relative)

    @cached_property
    def folder_files(self) -> list[str]:
        """Absolute path of every file in the content folders (ARTICLE_PATHS,
        PAGE_PATHS and STATIC_PATHS), sorted, read or not: no symbolic link
        is followed (BLD002 refuses them), and hidden files and folders
        (`.DS_Store`), which Pelican ignores (IGNORE_FILES), are left out."""
        content = os.path.abspath(self.content_path)
        folders = [
            *self.settings.get("ARTICLE_PATHS", []),
            *self.settings.get("PAGE_PATHS", []),
            *self.settings.get("STATIC_PATHS", []),
        ]
        found: set[str] = set()
        for folder in folders:
            top = os.path.join(content, folder)
            if os.path.isfile(top) and not os.path.islink(top):
                found.add(top)
                continue
            for parent, dirs, names in os.walk(top):  # never follows a link
                dirs[:] = [name for name in dirs if not name.startswith(".")]
                for name in names:
                    path = os.path.join(parent, name)
                    if not name.startswith(".") and not os.path.islink(path):
                        found.add(os.path.normpath(path))
        return sorted(found)
