"""The languages a page can be translated into: BCP 47 codes the site knows,
each language's name in its own language (for the language list) and in
English (for messages), and which are written right to left.

A code is a language subtag from this table, optionally followed by a
script (`Arab`, `Latn`...) and/or a region (`PK`, `BR`, `419`): `pl`,
`ur`, `pa-Arab`, `pt-BR`. The table lists the languages most spoken in
England besides English (the 2021 census) and others boards are asked for;
a board that needs another adds one line here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# code: (name in the language itself, name in English)
LANGUAGES: dict[str, tuple[str, str]] = {
    "am": ("አማርኛ", "Amharic"),
    "ar": ("العربية", "Arabic"),
    "bg": ("Български", "Bulgarian"),
    "bn": ("বাংলা", "Bengali"),
    "ckb": ("کوردی", "Kurdish (Sorani)"),
    "cs": ("Čeština", "Czech"),
    "cy": ("Cymraeg", "Welsh"),
    "de": ("Deutsch", "German"),
    "el": ("Ελληνικά", "Greek"),
    "es": ("Español", "Spanish"),
    "fa": ("فارسی", "Persian (Farsi)"),
    "fr": ("Français", "French"),
    "ga": ("Gaeilge", "Irish"),
    "gd": ("Gàidhlig", "Scottish Gaelic"),
    "gu": ("ગુજરાતી", "Gujarati"),
    "he": ("עברית", "Hebrew"),
    "hi": ("हिन्दी", "Hindi"),
    "hu": ("Magyar", "Hungarian"),
    "it": ("Italiano", "Italian"),
    "ku": ("Kurdî", "Kurdish (Kurmanji)"),
    "lt": ("Lietuvių", "Lithuanian"),
    "lv": ("Latviešu", "Latvian"),
    "ml": ("മലയാളം", "Malayalam"),
    "ne": ("नेपाली", "Nepali"),
    "pa": ("ਪੰਜਾਬੀ", "Punjabi"),
    "pl": ("Polski", "Polish"),
    "ps": ("پښتو", "Pashto"),
    "pt": ("Português", "Portuguese"),
    "ro": ("Română", "Romanian"),
    "ru": ("Русский", "Russian"),
    "sk": ("Slovenčina", "Slovak"),
    "so": ("Soomaali", "Somali"),
    "sq": ("Shqip", "Albanian"),
    "ta": ("தமிழ்", "Tamil"),
    "te": ("తెలుగు", "Telugu"),
    "ti": ("ትግርኛ", "Tigrinya"),
    "tl": ("Tagalog", "Tagalog"),
    "tr": ("Türkçe", "Turkish"),
    "uk": ("Українська", "Ukrainian"),
    "ur": ("اردو", "Urdu"),
    "vi": ("Tiếng Việt", "Vietnamese"),
    "yi": ("ייִדיש", "Yiddish"),
    "yo": ("Yorùbá", "Yoruba"),
    "zh": ("中文", "Chinese"),
}

# Languages written right to left in their usual script.
RTL_LANGUAGES = frozenset({"ar", "ckb", "fa", "he", "ps", "ur", "yi"})
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm"})

_CODE = re.compile(r"^(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?$")


@dataclass(frozen=True)
class Language:
    code: str  # as BCP 47 writes it: pl, pa-Arab, pt-BR
    own_name: str  # Polski
    english_name: str  # Polish
    direction: str  # ltr or rtl

    @property
    def url_part(self) -> str:
        """The last part of a translation's address: /report-a-concern/pt-br/."""
        return self.code.lower()


def language(code: str) -> Language | None:
    """The language of a `Lang` value, or None when the site does not know it."""
    match = _CODE.match(str(code).strip().casefold().replace("_", "-"))
    if not match or match["language"] not in LANGUAGES:
        return None
    subtag, script, region = match["language"], match["script"], match["region"]
    parts = [subtag]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    rtl = script in RTL_SCRIPTS if script else subtag in RTL_LANGUAGES
    own, english = LANGUAGES[subtag]
    return Language("-".join(parts), own, english, "rtl" if rtl else "ltr")


def cased(code: str) -> str:
    """A code as BCP 47 writes it (Pelican lowercases DEFAULT_LANG): en-gb -> en-GB."""
    parts = str(code).strip().replace("_", "-").split("-")
    shown = [parts[0].lower()]
    for part in parts[1:]:
        shown.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(shown)


def primary(code: str) -> str:
    """The language subtag of a code: en-GB -> en."""
    return str(code).strip().casefold().replace("_", "-").split("-", 1)[0]
