"""Give every article the type, category and template of its folder."""

from __future__ import annotations

from pelican.contents import Article, Page
from pelican.urlwrappers import Category

from .events import EVENTS, describe_event
from .translations import describe_translation, is_translation_path
from .types import is_section_intro, type_for_path


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
        if content_type.key == EVENTS:
            describe_event(instance)
        # A section's index page (content/children/index.md): shown as the
        # listing page's words (lscb_content.listings), never as a page of
        # its own, so it is hidden (not listed, not in feeds or the sitemap)
        # and not written; a link to it goes to the listing page.
        instance.section_intro = is_section_intro(instance.relative_source_path)
        if instance.section_intro:
            if instance.status == "published":
                instance.status = "hidden"
            instance.override_save_as = ""
            instance.override_url = f"{content_type.key}/"
    elif isinstance(instance, Page) and is_translation_path(instance.relative_source_path):
        describe_translation(instance)  # linked to its page by lscb_content.translations
    elif isinstance(instance, Page):
        instance.content_type = None
        instance.audience = "everyone"
