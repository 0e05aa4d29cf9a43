"""Themes of reviews, and one static page per theme so the library can be
filtered without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import Generator
from pelican.utils import slugify

from lscb_core.articles import is_of_type


@dataclass
class Theme:
    name: str
    slug: str
    reviews: list = field(default_factory=list)
    # 7-minute briefings on this theme (their Theme), or about a review on it.
    briefings: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"reviews/themes/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"reviews/themes/{self.slug}/index.html"


def parse_themes(value: str, settings) -> list[Theme]:
    """The comma-separated Themes field -> Theme objects with slugs."""
    names = [part.strip() for part in str(value or "").split(",") if part.strip()]
    substitutions = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return [Theme(name, slugify(name, regex_subs=substitutions)) for name in names]


class ReviewThemesGenerator(Generator):
    """Writes reviews/themes/<theme>/index.html for every theme in use."""

    def generate_context(self):
        themes: dict[str, Theme] = {}
        # Every review still listed here passed the gate, which parsed its themes.
        for article in self.context.get("articles", []):
            if not is_of_type(article, "reviews"):
                continue
            for theme in article.themes:
                entry = themes.setdefault(theme.slug, Theme(theme.name, theme.slug))
                entry.reviews.append(article)
        # Briefings the gate let through (lscb_reviews.briefings).
        for article in self.context.get("articles", []):
            if not is_of_type(article, "briefings"):
                continue
            review = getattr(article, "review", None)
            for theme in [*article.briefing_themes, *(review.themes if review is not None else [])]:
                entry = themes.setdefault(theme.slug, Theme(theme.name, theme.slug))
                if article not in entry.briefings:
                    entry.briefings.append(article)
        self.themes = sorted(themes.values(), key=lambda t: t.name.lower())
        self.context["review_themes"] = self.themes

    def generate_output(self, writer):
        template = self.get_template("review_theme")
        for theme in self.themes:
            writer.write_file(
                theme.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=theme.url,
                theme=theme,
                reviews=theme.reviews,
                briefings=theme.briefings,
                page_name=theme.url.rstrip("/"),
            )


def get_generators(pelican):
    return ReviewThemesGenerator
