"""Key pages in other languages (TRN001-TRN005): a translation that names no
English page, names one that cannot be translated or does not exist, has no
language code the site knows, is a second translation of a page into the
same language, or is published while its English page is not.

lscb_content.translations links each translation to its page (before the
checks run); this check reports every translation it could not link, and
why. Every other check reads a translation as it reads the English page
(PII, links, the final gate); the reading age (READ001) does not, having no
formula for another language (docs/editing.md, Pages in other languages).
"""

from __future__ import annotations

from lscb_content.languages import LANGUAGES, language
from lscb_content.translations import (
    TRANSLATABLE_FOLDERS,
    TRANSLATIONS,
    is_translation,
    normalise_reference,
    resolve,
)
from lscb_core.findings import shorten
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.sources import field_line
from lscb_core.suggest import closest_path


class TranslationOfMissing(Rule):
    """Flags a file in content/translations/ that does not say which English
    page it translates.

    ## Why it matters
    A translation is published under its page's address (/report-a-concern/pl/)
    and listed on it; without `Translation_of` it belongs nowhere.

    ## Example
    A file in content/translations/ with no `Translation_of` field.

    ## Use instead
        Translation_of: pages/report-a-concern.md

    ## Known limitations
    None.
    """

    code = "TRN001"
    name = "translation-of-missing"
    waiver = Waiver.NEVER


class TranslationOfDangling(Rule):
    """Flags a `Translation_of` that names no page, or a page that is not
    translated on this site (a case review, guidance, an event).

    ## Why it matters
    The translation would not be published under any page. A case review is
    never translated: its translation would go round the publication gate.

    ## Example
        Translation_of: pages/report-concern.md

    ## Use instead
    A page in content/pages/, content/children/ or content/young-people/;
    the hint suggests the closest.

    ## Known limitations
    None.
    """

    code = "TRN002"
    name = "translation-of-dangling"
    waiver = Waiver.NEVER


class LanguageUnknown(Rule):
    """Flags a translation whose `Lang` is missing or is not a language code
    the site knows (BCP 47: `pl`, `ur`, `pa-Arab`, `pt-BR`).

    ## Why it matters
    The code sets the page's `lang` (screen readers choose their voice by
    it, browsers their fonts and hyphenation), its direction (right to left
    for Urdu, Arabic, Farsi...) and its address.

    ## Example
        Lang: Polish

    ## Use instead
        Lang: pl

    ## Known limitations
    The site knows the languages listed in plugins/lscb_content/languages.py
    (those most spoken in England); add a line there for another.
    """

    code = "TRN003"
    name = "language-unknown"
    waiver = Waiver.NEVER


class TranslationDuplicate(Rule):
    """Flags two published translations of the same page into the same language.

    ## Why it matters
    A page has one address per language; the second would be an orphan.

    ## Example
    Two files in content/translations/ with the same `Translation_of` and `Lang`.

    ## Use instead
    Merge them into one file.

    ## Known limitations
    None.
    """

    code = "TRN004"
    name = "translation-duplicate"
    waiver = Waiver.NEVER


class TranslationOfUnpublished(Rule):
    """Flags a published translation of a page that is a draft.

    ## Why it matters
    Readers of the translation would be sent to an English page that does not exist.

    ## Example
    A translation of a page with `Status: draft`.

    ## Use instead
    Publish the English page first, or make the translation a draft too.

    ## Known limitations
    None.
    """

    code = "TRN005"
    name = "translation-of-unpublished"
    waiver = Waiver.NEVER


def check(site):
    everything = {item.relative_path: item.obj for item in site.items}
    originals = {path: obj for path, obj in everything.items() if path.split("/", 1)[0] in TRANSLATABLE_FOLDERS}
    for item in site.of_type(TRANSLATIONS):
        yield from _check_one(item, originals, everything)


def _check_one(item, originals, everything):
    translation, path = item.obj, item.path
    reference = translation.metadata.get("translation_of")
    lang_value = str(translation.metadata.get("lang", "") or "").strip()
    lang = language(lang_value)
    if not lang:
        yield LanguageUnknown.at(
            path,
            field_line(path, "lang"),
            say("Lang '{value}' is not a language code the site knows", value=shorten(lang_value, 30))
            if lang_value
            else "Lang is missing",
            _language_hint(lang_value),
        )
    if not reference:
        yield TranslationOfMissing.at(
            path,
            1,
            "Translation_of is missing",
            "add 'Translation_of: pages/<file>.md' naming the English page this translates",
        )
        return
    target, read_as = resolve(reference, originals, everything)
    line = field_line(path, "translation_of")
    col = len("Translation_of: ") + 1
    if target is None or is_translation(target):
        close = closest_path(normalise_reference(str(reference)), originals)
        yield TranslationOfDangling.at(
            path,
            line,
            say("Translation_of '{reference}' is not a page that can be translated", reference=shorten(reference, 40))
            if read_as in everything
            else say("Translation_of '{reference}' names no page", reference=shorten(reference, 44)),
            say("did you mean {close}?", close=file(close))
            if close
            else "name a page of content/pages/, content/children/ or content/young-people/",
            col=col,
        )
        return
    if translation.status == "draft" or not lang:
        return
    if target.status == "draft":
        yield TranslationOfUnpublished.at(
            path,
            line,
            say("Translation_of '{reference}' is a draft, not published", reference=file(shorten(reference, 44))),
            "publish the English page first, or make this translation a draft too",
        )
        return
    if getattr(translation, "translation_parent", None) is not target:
        other = next(
            (t for t in target.translations if is_translation(t) and t.language == lang and t is not translation),
            None,
        )
        if other is not None:
            yield TranslationDuplicate.at(
                path,
                field_line(path, "lang"),
                say(
                    "a second {name} translation of '{reference}'",
                    name=known(lang.english_name),
                    reference=file(shorten(reference, 40)),
                ),
                say("one translation per language: merge with {other}", other=file(other.relative_source_path)),
            )


def _language_hint(value: str) -> str:
    wanted = value.strip().casefold()
    for code, (own, english) in LANGUAGES.items():
        if wanted and wanted in (own.casefold(), english.casefold(), english.split(" (")[0].casefold()):
            return say("write the code: 'Lang: {code}'", code=known(code))
    return "a code such as pl (Polish), ur (Urdu), pa-Arab; the list: plugins/lscb_content/languages.py"
