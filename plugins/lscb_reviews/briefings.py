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
briefing the gate could not judge. So is a `Review` two reviews answer to
(one file name in two folders). A briefing that names the `Child` of a
review that is not published is about that review, whatever its `Review`
or `Theme` says, and is kept out too.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import unicodedata

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
    "reviews/child-l.md", "/reviews/child-l/" all name child-l; a folder
    under content/reviews/ is kept ("reviews/2026/child-l.md" names
    2026/child-l), so that it tells apart two reviews of one file name."""
    text = str(value or "").strip().strip("/").replace("\\", "/")
    for prefix in ("content/", "reviews/"):
        if text.casefold().startswith(prefix):
            text = text[len(prefix) :]
    return text[:-3] if text.lower().endswith(".md") else text


def _names_of(review) -> set[str]:
    """The names a `Review` value may give a review: its path under
    content/reviews/ without .md, its file name, and its slug."""
    path = review.relative_source_path.replace("\\", "/")
    path = path[len("reviews/") :] if path.startswith("reviews/") else path
    path = path[:-3] if path.lower().endswith(".md") else path
    return {path.casefold(), posixpath.basename(path).casefold(), str(review.slug).casefold()}


def reviews_by_key(reviews) -> dict[str, list]:
    """Each name a review may be given (`_names_of`) -> every review of that
    name: two reviews of one file name in two folders share it."""
    found: dict[str, list] = {}
    for review in reviews:
        for name in _names_of(review):
            found.setdefault(name, []).append(review)
    return found


def _children_named(article, blocked) -> list[str]:
    """The `Child` pseudonyms of reviews that are not published ("Child K",
    or a made-up first name) that the briefing's title, summary or text
    names, as a whole word."""
    text = " ".join(
        str(part or "")
        for part in (article.metadata.get("title"), article.metadata.get("summary"), getattr(article, "_content", ""))
    )
    text = unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]+>", " ", text)))
    # As a reader sees it: "Child\u200b K" and a soft hyphen read as written.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    named = set()
    for review in blocked:
        words = str(review.metadata.get("child", "") or "").split()
        if words and re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", text):
            named.add(" ".join(words))
    return sorted(named)


def gate_briefings(generator, reviews: list, published: set[int], block) -> list:
    """Keep out every briefing whose review is not published; link the
    others to their review (`review`, and the review's `briefings`) and
    their themes. `published`: ids of the reviews the gate let through;
    `block(article)`: how the gate keeps an article out. Returns findings."""
    settings = generator.settings
    known_reviews = reviews_by_key(reviews)
    blocked = [review for review in reviews if id(review) not in published]
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
            review = None
            if named:
                matches = known_reviews.get(review_key(named).casefold(), [])
                review = matches[0] if len(matches) == 1 else None
                if review is None:
                    findings.append(
                        finding(
                            "BRF003",
                            article.source_path,
                            field_line(article.source_path, "Review"),
                            say(
                                "Review '{value}' names {what}",
                                value=shorten(named, 40),
                                what=known("more than one case review" if matches else "no case review"),
                            ),
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
            # A briefing that names the child of a review that is not
            # published is about that review, whatever its Review says,
            # unless its own published review is of a child of that name.
            own = " ".join(str(review.metadata.get("child", "") or "").split()).casefold() if review else ""
            children = [c for c in _children_named(article, blocked) if c.casefold() != own]
            if children:
                log.warning(
                    "Not published: %s (%s)",
                    file(display_path(article.source_path)),
                    known(f"it names {children[0]}, the child of a review that is not published"),
                )
                block(article)
                continue
            if review is not None:
                article.review = review
                if list_name == "articles":  # listed on the review's page: not a draft or hidden one
                    review.briefings = [*getattr(review, "briefings", []), article]
            kept.append(article)
        setattr(generator, list_name, kept)
    return findings
