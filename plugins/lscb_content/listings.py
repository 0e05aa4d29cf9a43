"""One listing page per content type, written even when the type is empty
(so navigation never points at a missing page)."""

from __future__ import annotations

from pelican.generators import Generator

from .events import EVENTS, upcoming_and_past
from .types import CONTENT_TYPES


def _sort_key(content_type):
    if content_type.key == "annual-reports":
        # Newest reporting year first; "2024-25" sorts as text.
        return lambda a: (str(getattr(a, "reporting_year", "")), a.date), True
    if content_type.key in ("reviews", "briefings"):
        return lambda a: a.date, True
    return lambda a: a.title.lower(), False


class ListingsGenerator(Generator):
    def generate_context(self):
        by_type = {key: [] for key in CONTENT_TYPES}
        for article in self.context.get("articles", []):
            content_type = getattr(article, "content_type", None)
            if content_type is not None:
                by_type[content_type.key].append(article)
        for key, items in by_type.items():
            if key == EVENTS:
                continue
            key_function, reverse = _sort_key(CONTENT_TYPES[key])
            items.sort(key=key_function, reverse=reverse)
        # /events/ lists the events to come, soonest first; past ones are
        # listed at /events/past/ (lscb_content.event_pages).
        by_type[EVENTS] = upcoming_and_past(by_type[EVENTS])[0]
        self.by_type = by_type
        self.context["content_types"] = CONTENT_TYPES
        self.context["articles_by_type"] = by_type
        # A section's own index page (content/children/index.md), when it is
        # published: lscb_content.assign made it hidden, so it is in no list.
        self.intros = {
            article.content_type.key: article
            for article in self.context.get("hidden_articles", [])
            if getattr(article, "section_intro", False)
        }
        reports = by_type["annual-reports"]
        self.context["latest_annual_report"] = reports[0] if reports else None

    def generate_output(self, writer):
        for key, content_type in CONTENT_TYPES.items():
            writer.write_file(
                f"{key}/index.html",
                self.get_template(content_type.list_template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=f"{key}/",
                content_type=content_type,
                items=self.by_type[key],
                intro=self.intros.get(key),
                page_name=key,
            )


def get_generators(pelican):
    return ListingsGenerator
