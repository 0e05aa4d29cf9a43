"""Give every article the type, category and template of its folder."""

from __future__ import annotations

from pelican.contents import Article, Page
from pelican.urlwrappers import Category

from .types import type_for_path


def assign_type(instance) -> None:
    if isinstance(instance, Article):
        content_type = type_for_path(instance.relative_source_path)
        if content_type is None:
            return
        instance.content_type = content_type
        # The folder decides the category (and so the URL and listing page).
        instance.category = Category(content_type.key, instance.settings)
        instance.template = content_type.template
        instance.audience = content_type.audience
        instance.versions = {}
    elif isinstance(instance, Page):
        instance.content_type = None
        instance.audience = "everyone"
