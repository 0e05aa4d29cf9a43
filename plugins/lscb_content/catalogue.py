"""The theme's message catalogue: the words of the site's chrome (Exit this
page, the display options, the skip link, the concern banner, the footer,
the board's contact labels) in the language of a translated page.

One TOML file per language in the theme, `theme/translations/<code>.toml`,
each line an English string and its translation:

    "Exit this page" = "Opuść tę stronę"

The templates mark each string with `_("...")`, as gettext does; the labels
a board sets in pelicanconf.py (CONCERN_CONTACTS...) are looked up the same
way. A string the catalogue lacks is shown in English, and the build warns
with the list (TRN006, lscb_checks.checks.translation_catalogue). English
pages never read a catalogue. TOML rather than gettext: the catalogue is
short, translators edit it as text, and nothing needs compiling.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import pass_context
from markupsafe import Markup, escape

from .languages import LANGUAGES, Language, cased, primary

CATALOGUE_FOLDER = "translations"
# `_("...")` or `_('...')` in a template: the strings to translate.
_MARKED = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")
# Labels from pelicanconf.py shown in the chrome, looked up with _().
SETTING_LABELS = (
    ("CONCERN_EMERGENCY", ("label",)),
    ("CONCERN_CONTACTS", ("label", "when")),
    ("NATIONAL_HELPLINES", ("label",)),
    ("CHILDREN_CONTACTS", ("label", "when")),
)


def catalogue_path(settings, code: str) -> str:
    return os.path.join(settings["THEME"], CATALOGUE_FOLDER, f"{code}.toml")


@lru_cache(maxsize=64)
def _read(path: str, modified: float) -> dict[str, str]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str) and v.strip()}


def catalogue(settings, code: str) -> dict[str, str]:
    """The catalogue of a language (pt-BR, else pt), {} when there is none."""
    for candidate in dict.fromkeys((code, code.lower(), primary(code))):
        path = catalogue_path(settings, candidate)
        if os.path.isfile(path):
            return _read(path, os.path.getmtime(path))
    return {}


def theme_strings(settings) -> list[str]:
    """Every string the theme's templates mark with _(), and the labels of
    the board's contacts, in order, once each."""
    found: dict[str, None] = {}
    folder = os.path.join(settings["THEME"], "templates")
    for root, _dirs, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if name.endswith(".html"):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    for match in _MARKED.finditer(handle.read()):
                        found.setdefault(match.group(1) if match.group(1) is not None else match.group(2))
    for setting, keys in SETTING_LABELS:
        value = settings.get(setting) or []
        for entry in [value] if isinstance(value, dict) else value:
            for key in keys:
                if isinstance(entry, dict) and entry.get(key):
                    found.setdefault(str(entry[key]))
    for setting in ("AUDIENCE_NAV", "FOOTER_LINKS"):
        for label, _url in settings.get(setting) or []:
            found.setdefault(str(label))
    for setting in ("CHILDREN_BANNER_LEAD",):
        if settings.get(setting):
            found.setdefault(str(settings[setting]))
    return list(found)


def untranslated(settings, code: str) -> list[str]:
    have = catalogue(settings, code)
    return [text for text in theme_strings(settings) if text not in have]


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str  # in its own language
    direction: str
    url: str
    current: bool


def _shown(context):
    """The page or article being written; on a listing, its section's index page."""
    for name in ("page", "article", "intro"):
        obj = context.get(name)
        if obj is not None and hasattr(obj, "source_path"):
            return obj
    return None


def language_of(context) -> Language | None:
    """The language of the translation being written, or None (English)."""
    obj = _shown(context)
    if obj is None or (getattr(obj, "translation_parent", None) or getattr(obj, "draft_of", None)) is None:
        return None
    return obj.language


@pass_context
def translate(context, text) -> Markup:
    lang = language_of(context)
    if lang is not None:
        # Pelican puts every setting in the context; THEME is all we need.
        text = catalogue({"THEME": context.get("THEME")}, lang.code).get(str(text), text)
    return escape(text)


@pass_context
def page_language(context) -> Language | None:
    return language_of(context)


@pass_context
def language_alternates(context) -> list[Alternate]:
    """The page in each of its languages, English first: for hreflang and the
    language list. Empty for a page that has no translation."""
    obj = _shown(context)
    if obj is None:
        return []
    original = getattr(obj, "translation_parent", None) or obj
    translations = [t for t in getattr(original, "translations", []) if getattr(t, "translation_parent", None)]
    if not translations:
        return []
    default = cased(context.get("DEFAULT_LANG") or "en")
    english = LANGUAGES.get(primary(default), ("English", "English"))[0] if primary(default) != "en" else "English"
    found = [Alternate(default, english, "ltr", original.url, original is obj)]
    for translation in translations:
        lang = translation.language
        found.append(Alternate(lang.code, lang.own_name, lang.direction, translation.url, translation is obj))
    return found


@pass_context
def in_page_language(context, url: str) -> str:
    """The address of the page at `url` in the language of the page being
    written, when it has a translation into it: the concern banner of a
    Polish page links to report a concern in Polish."""
    lang = language_of(context)
    if lang is not None:
        for page in context.get("pages") or []:
            if page.url == url:
                for translation in getattr(page, "translations", []):
                    if getattr(translation, "language", None) == lang and translation.translation_parent is page:
                        return translation.url
    return url


def add_catalogue(generator) -> None:
    """At generator_init: _(), page_language(), language_alternates() and
    in_page_language() for the templates."""
    environment = getattr(generator, "env", None)
    if environment is not None:
        environment.globals["_"] = translate
        environment.globals["page_language"] = page_language
        environment.globals["language_alternates"] = language_alternates
        environment.globals["in_page_language"] = in_page_language
