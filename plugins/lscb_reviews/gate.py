"""Keep every review that may not be published out of the whole site.

Runs on the articles generator before categories, tags, feeds and dates are
built, so a blocked review never reaches a listing, a theme page, a feed, the
sitemap or a search index; its page is never written (Pelican would write a
draft to drafts/ and a hidden page to its normal URL). Reviews past the
retention period stay at their URL with an "available on request" notice,
and leave every listing. The files of both are kept out of the site by
lscb_reviews.withheld_files. A date the gate cannot read is REV002
(declared in lscb_checks.checks.review_gate_dates, reported here by code).
"""

from __future__ import annotations

import logging

from lscb_core.articles import ARTICLE_LISTS, is_of_type
from lscb_core.build_state import build_state
from lscb_core.dates import today
from lscb_core.documents import attach_document
from lscb_core.findings import display_path, shorten
from lscb_core.quote import file, known, render_for, say
from lscb_core.rules import finding
from lscb_core.sources import field_line

from .briefings import gate_briefings
from .credits import parse as parse_credits
from .themes import parse_themes
from .verdict import decide

log = logging.getLogger("lscb.reviews")

REVIEW_TYPE_LABELS = {
    "scr": "Serious case review",
    "lcspr": "Local child safeguarding practice review",
    "rapid-review": "Rapid review",
}


def is_review(article) -> bool:
    return is_of_type(article, "reviews")


def apply_gate(generator) -> None:
    settings = generator.settings
    day = today(settings)
    retention = settings.get("REVIEW_RETENTION_MONTHS")
    state = build_state(settings).blocked_reviews
    retired, findings = [], []
    reviews, published = [], set()

    for list_name in ARTICLE_LISTS:
        kept = []
        for article in getattr(generator, list_name):
            if not is_review(article):
                kept.append(article)
                continue
            reviews.append(article)
            try:
                verdict = decide(article, day, retention)
            except ValueError as error:
                field = str(error).split(":", 1)[0]
                written = str(getattr(article, field.lower(), "") or "")
                findings.append(
                    finding(
                        "REV002",
                        article.source_path,
                        field_line(article.source_path, field),
                        say("{field} '{value}' is not a date", field=known(field), value=shorten(written, 30)),
                        "write the date as YYYY-MM-DD, e.g. 2026-03-31",
                    )
                )
                _block(article, generator.context, state)
                continue
            if verdict.kind == "block":
                log.warning(
                    "Not published: %s (%s)",
                    file(display_path(article.source_path)),
                    known(render_for(verdict.reason, article.source_path)),
                )
                _block(article, generator.context, state)
            elif verdict.kind == "retire":
                log.info(
                    "Retired: %s (%s); notice only",
                    file(display_path(article.source_path)),
                    known(render_for(verdict.reason, article.source_path)),
                )
                _retire(article, generator.context, state)
                retired.append(article)
            else:
                article.themes = parse_themes(getattr(article, "themes", ""), settings)
                article.live_from = verdict.live_from
                review_type = str(getattr(article, "review_type", "")).strip().lower()
                article.review_type_label = REVIEW_TYPE_LABELS.get(review_type, review_type)
                # Credits that cannot be read are META006, and not shown.
                article.credits = parse_credits(getattr(article, "credits", ""))[0]
                error = attach_document(article, generator.context)
                if error:
                    findings.append(error)
                published.add(id(article))
                kept.append(article)
        setattr(generator, list_name, kept)

    # A 7-minute briefing follows its review (lscb_reviews.briefings).
    findings += gate_briefings(generator, reviews, published, lambda a: _block(a, generator.context, state))

    generator.hidden_articles.extend(retired)
    build_state(settings).report(findings)


def _block(article, context, state) -> None:
    # Its files are kept out by lscb_reviews.withheld_files, once every
    # page has been read.
    state.sources.add(article.relative_source_path.replace("\\", "/"))
    state.urls.add(article.url)
    state.articles.append(article)


def _retire(article, context, state) -> None:
    state.retired.append(article)
    article.retired = True
    article.template = "review_retired"
