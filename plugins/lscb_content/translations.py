"""Key pages in other languages (content/translations/).

A translation is a Markdown file in content/translations/ whose
`Translation_of` names the English page (`pages/report-a-concern.md`,
`report-a-concern` or `children/index.md`) and whose `Lang` is a language
code the site knows (lscb_content.languages). Once every file is read, each
translation is linked to its page the way Pelican links translations: the
page's `translations` lists its translations, each translation's
`translations` lists the page and the other translations, and each has its
`lang`. A translation is written under its page's address, with its
language code: /report-a-concern/pl/. It is laid out with its page's
template and for its page's readers.

Pelican's own grouping (PAGE_TRANSLATION_ID) is off: guidance and its
versions for children share file names and are not translations, and a
translation of a children's page (an article) is a page. What cannot be
linked is reported by lscb_checks.checks.translations (TRN001-TRN005).
"""

from __future__ import annotations

import posixpath

from pelican.contents import Page

from lscb_core.articles import content_objects

from .languages import Language, language
from .types import SECTION_INTRO_NAME, SECTION_INTRO_TYPES, ContentType

TRANSLATIONS = "translations"
# Only these pages have translations: the key pages readers need in their own
# language (report a concern, staying safe, the pages for children and young
# people). Never a case review: a translation would go round the review gate.
TRANSLATABLE_FOLDERS = ("pages", "children", "young-people")

TRANSLATION_TYPE = ContentType(
    TRANSLATIONS,
    "Pages in other languages",
    "translation",
    "page",
    "",
    "everyone",
    "Key pages in the languages spoken in Northshire.",
)


def is_translation_path(relative_source_path: str) -> bool:
    return relative_source_path.replace("\\", "/").split("/", 1)[0] == TRANSLATIONS


def describe_translation(instance) -> None:
    """At content_object_init: a translation's type and language."""
    instance.content_type = TRANSLATION_TYPE
    instance.audience = "everyone"
    instance.translation_parent = None
    instance.language = language(instance.metadata.get("lang", "") or "")
    # Pelican writes a page in another language with the *_LANG_SAVE_AS
    # settings, which publishing does not empty as it empties
    # DRAFT_PAGE_SAVE_AS: a draft translation is written only where drafts are.
    if instance.status == "draft" and not instance.settings.get("DRAFT_PAGE_SAVE_AS"):
        instance.override_save_as = ""


def normalise_reference(reference: str) -> str:
    """What editors write -> a path under content/: `report-a-concern`,
    `/report-a-concern/`, `pages/report-a-concern.md`, `children` (its
    index page), `content/children/index.md`."""
    ref = str(reference).strip().replace("\\", "/").strip("/")
    if ref.startswith("content/"):
        ref = ref[len("content/") :]
    if ref in SECTION_INTRO_TYPES:
        return f"{ref}/{SECTION_INTRO_NAME}"
    if "/" not in ref:
        ref = "pages/" + ref
    if not posixpath.splitext(ref)[1]:
        ref += ".md"
    return posixpath.normpath(ref)


def originals_by_path(generators) -> dict:
    """Path under content/ -> every page or article that may be translated."""
    found = {}
    for obj, _list in content_objects(generators):
        path = obj.relative_source_path.replace("\\", "/")
        if path.split("/", 1)[0] in TRANSLATABLE_FOLDERS:
            found[path] = obj
    return found


def every_content_path(generators) -> dict:
    return {obj.relative_source_path.replace("\\", "/"): obj for obj, _list in content_objects(generators)}


def resolve(reference, originals: dict, everything: dict):
    """The page a `Translation_of` names: (page or None, path it was read as).
    A bare name is also looked up as a page's Slug."""
    path = normalise_reference(reference)
    if path in originals:
        return originals[path], path
    if path in everything:
        return None, path  # a file that is not translatable (a review, guidance)
    slug = str(reference).strip().strip("/")
    for obj in originals.values():
        if isinstance(obj, Page) and getattr(obj, "slug", None) == slug:
            return obj, obj.relative_source_path.replace("\\", "/")
    return None, path


def is_translation(obj) -> bool:
    content_type = getattr(obj, "content_type", None)
    return content_type is not None and content_type.key == TRANSLATIONS


def link_translations(generators) -> None:
    """Link each published translation to its published page, the first one
    read per language; give it its address, template and readers."""
    everything = every_content_path(generators)
    originals = originals_by_path(generators)
    for translation in sorted(everything.values(), key=lambda obj: obj.source_path):
        if not is_translation(translation):
            continue
        reference = translation.metadata.get("translation_of")
        lang: Language | None = translation.language
        target = resolve(reference, originals, everything)[0] if reference else None
        if target is None or lang is None or is_translation(target):
            continue
        if translation.status == "draft":
            # A preview writes drafts under drafts/; publishing writes none (DRAFT_PAGE_SAVE_AS empty).
            if translation.settings.get("DRAFT_PAGE_SAVE_AS"):
                _place(translation, target, lang, draft=True)
                translation.draft_of = target  # previewed in its language, listed nowhere
                translation.lang = lang.code
            continue
        if target.status == "draft":
            continue
        if any(other.language == lang for other in target.translations if is_translation(other)):
            continue  # a second translation into the same language (TRN004)
        _place(translation, target, lang, draft=False)
        translation.translation_parent = target
        translation.lang = lang.code
        target.translations.append(translation)
    for target in originals.values():
        if target.translations:
            target.translations.sort(key=lambda t: t.language.code)
            for translation in target.translations:
                translation.translations = [target, *(t for t in target.translations if t is not translation)]


def _place(translation, target, lang: Language, draft: bool) -> None:
    url = f"{target.url}{lang.url_part}/"
    if draft:
        url = f"drafts/{url}" if not url.startswith("drafts/") else url
    translation.override_url = url
    translation.override_save_as = f"{url}index.html"
    translation.template = target.template if isinstance(target, Page) else "page"
    translation.audience = getattr(target, "audience", "everyone")
