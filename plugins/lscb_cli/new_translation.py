"""`make new` for a page in another language (content/translations/): which
English page it translates and into which language, each answer checked
and, when wrong, explained and asked again (lscb_cli.new_questions.Asker)."""

from __future__ import annotations

from pathlib import Path

from lscb_content.languages import LANGUAGES, language
from lscb_content.translations import TRANSLATABLE_FOLDERS, TRANSLATIONS, normalise_reference
from lscb_core.suggest import closest_path

from .new_questions import USAGE, Asker, Stop, _shown, _title_of


def translatable_pages(content: Path) -> list[str]:
    """The English pages a translation may name, as paths under content/."""
    return sorted(
        p.relative_to(content).as_posix() for folder in TRANSLATABLE_FOLDERS for p in (content / folder).glob("*.md")
    )


def check_translation_of(written: str, content: Path) -> str:
    pages = translatable_pages(content)
    wanted = normalise_reference(written) if written.strip() else ""
    if wanted in pages:
        return wanted
    close = closest_path(wanted, pages) if wanted else None
    hint = f"did you mean {close}?" if close else "e.g. pages/report-a-concern.md"
    raise ValueError(f"'{written.strip()[:40]}' is not a page that can be translated in {_shown(content)}/: {hint}")


def ask_translation_of(asker: Asker, content: Path) -> str:
    pages = translatable_pages(content)
    if not pages:
        raise Stop(USAGE, "there is no page to translate yet: write the English page first.")
    asker.require("--translation-of")
    print("Which English page is this a translation of?")
    for number, page in enumerate(pages, start=1):
        print(f"  {number}. {page}: {_title_of(content / page)}")
    while True:
        answer = asker.ask(f"Type a number from 1 to {len(pages)}: ", "--translation-of")
        if answer.isdigit() and 1 <= int(answer) <= len(pages):
            return pages[int(answer) - 1]
        try:
            return check_translation_of(answer, content)
        except ValueError as error:
            asker.again(str(error))


def check_lang(written: str) -> str:
    found = language(written)
    if found is not None:
        return found.code
    wanted = written.strip().casefold()
    for code, (own, english) in LANGUAGES.items():
        if wanted and wanted in (own.casefold(), english.casefold(), english.split(" (")[0].casefold()):
            return code
    raise ValueError(
        f"'{written.strip()[:30]}' is not a language the site knows: write its code, e.g. pl (Polish), ur (Urdu)."
    )


def ask_lang(asker: Asker) -> str:
    while True:
        answer = asker.ask("Language of the translation, e.g. pl (Polish) or ur (Urdu): ", "--lang")
        try:
            return check_lang(answer)
        except ValueError as error:
            asker.again(str(error))


def existing_translation(content: Path, translation_of: str, lang: str) -> Path | None:
    """A file of content/translations/ that already translates the page into the language."""
    for path in sorted((content / TRANSLATIONS).glob("*.md")):
        fields = {}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            name, _, value = line.partition(":")
            fields[name.strip().casefold()] = value.strip()
        same_page = normalise_reference(fields.get("translation_of", "")) == translation_of
        if same_page and (language(fields.get("lang", "")) or "") and language(fields["lang"]).code == lang:
            return path
    return None


def file_stem(translation_of: str, lang: str) -> str:
    """report-a-concern-pl, children-pl (for children/index.md)."""
    path = Path(translation_of)
    stem = path.parent.name if path.stem == "index" else path.stem
    return f"{stem}-{lang.lower()}"


def draft_address(translation_of: str, lang: str) -> str:
    """Where the preview writes a draft translation: under its page's address
    (pages/x.md -> x/pl/, children/index.md -> children/pl/)."""
    path = Path(translation_of)
    folder, stem = path.parent.as_posix(), path.stem
    page = folder if stem == "index" else stem if folder == "pages" else f"{folder}/{stem}"
    return f"{page}/{lang.lower()}/"
