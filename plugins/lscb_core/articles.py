"""Pelican's article and page lists: every content object is in exactly one of them."""

from __future__ import annotations

# Published, hidden and draft articles, each with its translations.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)

# The same for pages.
PAGE_LISTS = ("pages", "hidden_pages", "draft_pages", "translations", "hidden_translations", "draft_translations")


def content_objects(generators):
    """(object, name of its list) for every article and page read, once each."""
    from pelican.generators import ArticlesGenerator, PagesGenerator

    seen: set[int] = set()
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            lists = ARTICLE_LISTS
        elif isinstance(generator, PagesGenerator):
            lists = PAGE_LISTS
        else:
            continue
        for name in lists:
            for obj in getattr(generator, name, []):
                if id(obj) not in seen:
                    seen.add(id(obj))
                    yield obj, name


def all_articles(generator) -> list:
    """Every article the generator read, whatever its status."""
    return [article for name in ARTICLE_LISTS for article in getattr(generator, name)]


# The types whose text every check reads as a case review's: reviews, and the
# 7-minute briefings of their learning (content/briefings/), which name the
# same children by the same pseudonyms and so get the same checks (names,
# registers, declared pseudonyms, jigsaw details, masked messages).
REVIEW_TEXT_TYPES = ("reviews", "briefings")


def is_of_type(article, key: str) -> bool:
    """Whether the article sits in content/<key>/ (set by lscb_content)."""
    content_type = getattr(article, "content_type", None)
    return content_type is not None and content_type.key == key
