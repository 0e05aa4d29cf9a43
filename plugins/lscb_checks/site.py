"""What the checks see: every content object of the build, with its source.

Built once per build at `all_generators_finalized`, after every file has been
read and before anything is written. Every content object is here: published,
hidden, drafts, and reviews the publication gate kept out. Each source file is
read once (lscb_core.sources caches it) and each content body is parsed once
(Item.parsed, lscb_core.content_item); checks share anything else expensive
through Site.cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from lscb_core.articles import content_objects
from lscb_core.content_item import Item
from lscb_core.mode import mode as mode_of
from lscb_core.rules import Mode


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
        folders = [*self.settings.get("ARTICLE_PATHS", []), *self.settings.get("PAGE_PATHS", []),
                   *self.settings.get("STATIC_PATHS", [])]
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


def _type_key(obj) -> str:
    content_type = getattr(obj, "content_type", None)
    return content_type.key if content_type is not None else "pages"


def _state(obj, list_name: str) -> str:
    if getattr(obj, "retired", False):
        return "retired"
    if list_name.startswith("draft"):
        return "draft"
    if list_name.startswith("hidden"):
        return "hidden"
    return "published"


def collect_site(generators, settings) -> Site:
    from lscb_reviews.state import blocked

    items: list[Item] = [Item(obj, _type_key(obj), _state(obj, list_name))
                         for obj, list_name in content_objects(generators)]
    seen = {id(item.obj) for item in items}
    for obj in blocked(settings).articles:
        if id(obj) not in seen:
            seen.add(id(obj))
            items.append(Item(obj, _type_key(obj), "blocked"))
    items.sort(key=lambda item: item.obj.source_path)
    return Site(settings=settings, items=items, mode=mode_of(settings),
                static_files=_static_files(generators, settings))


def _static_files(generators, settings) -> list[tuple[str, str]]:
    from pelican.generators import StaticGenerator

    content = settings["PATH"]
    found = []
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            for static in getattr(generator, "staticfiles", []):
                source = os.path.abspath(os.path.join(content, static.source_path))
                found.append((source, static.save_as.replace("\\", "/")))
    return sorted(set(found))
