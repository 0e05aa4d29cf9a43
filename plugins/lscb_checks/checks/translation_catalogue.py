"""The theme's words on translated pages (TRN006): the strings of the
theme's chrome (Exit this page, the display options, the skip link, the
concern banner, the board's contact labels) that the language's catalogue
(theme/translations/<code>.toml, lscb_content.catalogue) does not translate.
Each is shown in English on the translated pages; the build says which.
"""

from __future__ import annotations

import os

from lscb_content.catalogue import catalogue_path, untranslated
from lscb_content.translations import TRANSLATIONS
from lscb_core.findings import Severity
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver

# How many of the missing strings the hint names.
SHOWN = 4


class ThemeStringsUntranslated(Rule):
    """Flags a language of the site's translations whose catalogue in the
    theme lacks some of the theme's words: each is shown in English on the
    pages in that language. The message counts them, the hint names the
    first few and the file to add them to.

    ## Why it matters
    A reader of a page in Polish or Urdu needs the "Exit this page" button,
    the skip link and the numbers' labels in their language as much as the
    page's text.

    ## Example
    theme/translations/pl.toml without a line for "Exit this page".

    ## Use instead
        "Exit this page" = "Opuść tę stronę"

    ## Known limitations
    The strings the theme's scripts show (the Exit control's announcement)
    are in English on every page.
    """

    code = "TRN006"
    name = "theme-strings-untranslated"
    severity = Severity.WARNING
    waiver = Waiver.NEVER


def check(site):
    languages = {}
    for item in site.of_type(TRANSLATIONS):
        lang = getattr(item.obj, "language", None)
        if lang is not None and item.is_public and getattr(item.obj, "translation_parent", None) is not None:
            languages.setdefault(lang.code, (lang, item))
    for code, (lang, item) in sorted(languages.items()):
        missing = untranslated(site.settings, code)
        if not missing:
            continue
        path = catalogue_path(site.settings, code)
        where = path if os.path.isfile(path) else item.path
        shown = ", ".join(f'"{text}"' for text in missing[:SHOWN])
        more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
        yield ThemeStringsUntranslated.at(
            where,
            1,
            say(
                "{count} theme strings have no {name} translation: shown in English",
                count=known(len(missing)),
                name=known(lang.english_name),
            ),
            say("add them to {catalogue}: {shown}{more}", catalogue=file(path), shown=known(shown), more=known(more)),
        )
