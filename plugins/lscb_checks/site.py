"""Collect the site the checks see (lscb_core.site.Site) once per build.

At `all_generators_finalized`, after every file has been read and before
anything is written: every content object of every generator, with the
reviews the publication gate kept out (lscb_core.build_state), and every
file Pelican copies from content/.
"""

from __future__ import annotations

import os

from lscb_core.articles import content_objects
from lscb_core.build_state import build_state
from lscb_core.content_item import Item
from lscb_core.mode import mode as mode_of
from lscb_core.site import Site


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


def item_of(obj, list_name: str) -> Item:
    """A content object as the checks see it, from the list it is in."""
    return Item(obj, _type_key(obj), _state(obj, list_name))


def collect_site(generators, settings) -> Site:
    items: list[Item] = [item_of(obj, list_name) for obj, list_name in content_objects(generators)]
    seen = {id(item.obj) for item in items}
    for obj in build_state(settings).blocked_reviews.articles:
        if id(obj) not in seen:
            seen.add(id(obj))
            items.append(Item(obj, _type_key(obj), "blocked"))
    items.sort(key=lambda item: item.obj.source_path)
    return Site(
        settings=settings, items=items, mode=mode_of(settings), static_files=_static_files(generators, settings)
    )


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
