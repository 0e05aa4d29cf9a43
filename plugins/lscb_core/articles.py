"""Pelican's article lists: every article is in exactly one of them."""

from __future__ import annotations

# Published, hidden and draft articles, each with its translations.
ARTICLE_LISTS = (
    "articles", "translations",
    "hidden_articles", "hidden_translations",
    "drafts", "drafts_translations",
)


def all_articles(generator) -> list:
    """Every article the generator read, whatever its status."""
    return [article for name in ARTICLE_LISTS for article in getattr(generator, name)]


def is_of_type(article, key: str) -> bool:
    """Whether the article sits in content/<key>/ (set by lscb_content)."""
    content_type = getattr(article, "content_type", None)
    return content_type is not None and content_type.key == key
