"""The `Themes` of every case review, and the `Theme` of every 7-minute
briefing, against the board's declared themes.

Each theme gets a page listing its reviews (lscb_reviews.themes), so a
misspelt theme (`Neglcet`) would make a page of its own and split the
reviews on one subject in two. The themes are declared once, in the setting
LSCB_THEMES (pelicanconf.py); a new theme is added there, deliberately.
Every review is checked, drafts and kept-out reviews included, as the other
header fields are (metadata_schema).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from .starter_text import is_starter

SETTING = "LSCB_THEMES"
ADD_HINT = "if it is a new theme, add it to LSCB_THEMES in pelicanconf.py"


class ThemeNotDeclared(Rule):
    """Flags a theme in a case review's `Themes` that is not one of the
    board's themes, listed in the setting LSCB_THEMES in pelicanconf.py:
    a misspelling (`Neglcet`), the same theme written differently
    (`neglect`, `Information-sharing`), or a new theme nobody has declared.

    ## Why it matters
    Each theme has a page listing the reviews on that subject. A misspelt
    theme makes a new page with one review on it, and readers looking at
    the right page miss that review.

    ## Example
        Themes: Neglcet, Information sharing

    ## Use instead
        Themes: Neglect, Information sharing

    The hint names the declared theme you probably meant. For a theme the
    board has not used before, add it to LSCB_THEMES in pelicanconf.py
    first, written as every review must write it.

    ## Known limitations
    Only case reviews have themes. A theme that holds the starter text of
    `make new` ("Write the themes here.") is NEW001 instead.
    """

    code = "META007"
    name = "theme-not-declared"
    waiver = Waiver.NEVER


def declared(settings) -> tuple[str, ...]:
    """The board's themes, as the setting lists them."""
    return tuple(str(name).strip() for name in settings.get(SETTING) or () if str(name).strip())


def _squash(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name).strip().casefold()


def check(site) -> Iterable[Finding]:
    themes = declared(site.settings)
    squashed = {_squash(name): name for name in themes}
    for item in site.of_type("reviews", "briefings"):
        # A 7-minute briefing names its theme in `Theme` (lscb_reviews.briefings).
        field = item.source.field("Themes" if item.type_key == "reviews" else "Theme")
        if field is None or not field.value.strip() or is_starter(field.value):
            continue
        one_line = field.end_line == field.line
        for written, col in _parts(field.value, field.value_col):
            col = col if one_line else field.value_col  # continuation lines were joined
            if written in themes:
                continue
            same = squashed.get(_squash(written))
            if same:
                yield ThemeNotDeclared.at(
                    item.path,
                    field.line,
                    say("theme '{written}' must be written {name}", written=written, name=known(same)),
                    say("write it {name}, exactly as LSCB_THEMES lists it", name=known(same)),
                    col=col,
                )
                continue
            close = difflib.get_close_matches(_squash(written), list(squashed), n=1, cutoff=0.75)
            hint = (
                say("did you mean {name}? {add}", name=known(squashed[close[0]]), add=known(ADD_HINT))
                if close
                else ADD_HINT
            )
            yield ThemeNotDeclared.at(
                item.path,
                field.line,
                say("theme '{written}' is not one of the board's themes", written=written),
                hint,
                col=col,
            )


def _parts(value: str, value_col: int) -> Iterable[tuple[str, int]]:
    """Each comma-separated theme with its column."""
    offset = 0
    for part in value.split(","):
        stripped = part.strip()
        if stripped:
            yield stripped, value_col + offset + (len(part) - len(part.lstrip()))
        offset += len(part) + 1
