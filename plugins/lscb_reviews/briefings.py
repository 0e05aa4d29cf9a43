"""7-minute briefings (content/briefings/) through the publication gate.

A briefing names the review its learning comes from (`Review: child-l`, the
review's file name) or a review theme (`Theme: Neglect`). A briefing about a
review that is not published (withheld, embargoed, a draft, under ongoing
proceedings, retired, or kept out because a date could not be read) is kept
out with it, exactly as the review is: it is never written, listed, put in a
feed, the sitemap, the search index or a theme page, and its files are
withheld (lscb_reviews.withheld_files). A `Review` naming no review is
BRF003 (declared in lscb_checks.checks.briefing_review, reported here by
code), and the briefing is kept out too: a misspelt name must not publish a
briefing the gate could not judge.
"""

from __future__ import annotations

import logging
import posixpath

from lscb_core.articles import ARTICLE_LISTS, is_of_type
from lscb_core.findings import display_path, shorten
from lscb_core.quote import file, known, say
from lscb_core.rules import finding
from lscb_core.sources import field_line

from .themes import parse_themes

log = logging.getLogger("lscb.reviews")

BRIEFINGS = "briefings"
HINT = "write the review's file name without .md, e.g. child-l (files in content/reviews/)"


def is_briefing(article) -> bool:
    return is_of_type(article, BRIEFINGS)


def review_key(value: str) -> str:
    """What a `Review` value names: "child-l", "child-l.md",
    "reviews/child-l.md", "/reviews/child-l/" all name child-l."""
    text = str(value or "").strip().strip("/").replace("\\", "/")
    name = posixpath.basename(text)
    return name[:-3] if name.lower().endswith(".md") else name


def reviews_by_key(reviews) -> dict[str, object]:
    """Each review under its file name (without .md) and its slug."""
    found: dict[str, object] = {}
    for review in reviews:
        stem = posixpath.basename(review.relative_source_path.replace("\\", "/"))[:-3]
        found.setdefault(stem.casefold(), review)
        found.setdefault(str(review.slug).casefold(), review)
    return found


def gate_briefings(generator, reviews: list, published: set[int], block) -> list:
    """Keep out every briefing whose review is not published; link the
    others to their review (`review`, and the review's `briefings`) and
    their themes. `published`: ids of the reviews the gate let through;
    `block(article)`: how the gate keeps an article out. Returns findings."""
    settings = generator.settings
    known_reviews = reviews_by_key(reviews)
    findings = []
    for list_name in ARTICLE_LISTS:
        kept = []
        for article in getattr(generator, list_name):
            if not is_briefing(article):
                kept.append(article)
                continue
            named = str(article.metadata.get("review", "") or "").strip()
            article.review = None
            article.briefing_themes = parse_themes(article.metadata.get("theme", ""), settings)
            if named:
                review = known_reviews.get(review_key(named).casefold())
                if review is None:
                    findings.append(
                        finding(
                            "BRF003",
                            article.source_path,
                            field_line(article.source_path, "Review"),
                            say("Review '{value}' names no case review", value=shorten(named, 40)),
                            HINT,
                        )
                    )
                    block(article)
                    continue
                if id(review) not in published:
                    log.warning(
                        "Not published: %s (%s)",
                        file(display_path(article.source_path)),
                        known("its review is not published"),
                    )
                    block(article)
                    continue
                article.review = review
                if list_name == "articles":  # listed on the review's page: not a draft or hidden one
                    review.briefings = [*getattr(review, "briefings", []), article]
            kept.append(article)
        setattr(generator, list_name, kept)
    return findings
