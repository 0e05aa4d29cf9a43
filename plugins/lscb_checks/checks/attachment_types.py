"""Which files the site publishes from content/.

ATT001: files a case review links to are files the checks can read: PDFs,
images and plain text (.txt, .csv, .md, .html). Checked: every file under
content/ a review links to, in any state (its source and files are in a
public repository), reported at the line of the link.

ATT002: every file Pelican copies from content/ (the STATIC_PATHS folders,
and files any page links to), and every other file in a content folder, is
a page (.md), a redaction register or of a type on the allowlist
(LSCB_PUBLISHED_FILE_TYPES), which holds only types the final gate reads
whole. Reported at the line of each published page that links the file,
or on the file itself when no page links it.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.linked_files import attachment_paths
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver
from lscb_reviews.register_files import register_files, register_path

from ..text.attachments import READABLE_SUFFIXES, TEXT_SUFFIXES, text_problem


class AttachmentUnchecked(Rule):
    """Flags a file linked from a case review that the checks cannot read
    for names: anything that is not a PDF, an image or plain text (.txt,
    .csv, .md, .html), such as a Word, Excel, PowerPoint or OpenDocument
    file, RTF, or a zip; and a file named as plain text that is not (a Word
    file renamed .txt).

    ## Why it matters
    The redaction checks read a review's text, its PDFs, its images and
    their metadata. A chronology published as a spreadsheet, or the report
    as a Word document (with its tracked changes, comments and author), is
    published unread: it can name the child and the family even when the
    PDF of the same report is clean.

    ## Example
        [Chronology (DOCX, 1 KB)](documents/child-q-chronology.docx)

    ## Use instead
    Publish the file as a PDF (in Word: File > Save as > PDF) and link the
    PDF. A table can also go in the review itself, as a Markdown table.

    ## Known limitations
    Only files under content/ that a review links to are looked at; links to
    other websites are not (they are not published by the site). Files
    other pages link to are not checked here (ATT002 refuses every type the
    site does not publish, on any page), nor a link to a redaction register
    (RED005 reports it).
    """

    code = "ATT001"
    name = "attachment-unchecked"
    waiver = Waiver.NEVER


class FileTypeNotPublished(Rule):
    """Flags a file in content/ whose type is not on the list of types the
    site publishes: any file the site would copy (every file in the shared
    folders, STATIC_PATHS: images/ and documents/, and any file a page
    links to), and any other file in a content folder that is not a page
    (`.md`) or a review's redaction register: a Word file left beside the
    guidance pages is not published, but it looks as if it were, and a
    link to it would publish it.

    The site publishes PDFs (.pdf), pictures (.png, .jpg, .jpeg, .gif,
    .webp) and drawings (.svg, in the safe subset IMG004 describes). The
    list is the setting LSCB_PUBLISHED_FILE_TYPES; a board may add .txt or
    .csv (the final gate reads them as text), and nothing else: a type the
    gate cannot read whole (Word, Excel, zip...) is refused even when listed.

    ## Why it matters
    The final gate reads every published file for names, addresses and
    dates of birth. It reads PDFs, pictures and drawings completely. A Word
    or Excel file, a zip, an HTML or JSON file copied as it is, or a file
    your computer made (.DS_Store lists the names of the files in a
    folder) would be published with nobody reading what it holds.

    ## Example
    `documents/chronology.docx` in the documents folder, or
    `[Referral form (DOCX, 30 KB)](/documents/referral-form.docx)`.

    ## Use instead
    Save documents as PDF (docs/publishing-reviews.md says how, step by
    step, for Word, LibreOffice and Google Docs) and pictures as PNG or
    JPEG. Put a table or notes in a page, as Markdown. Delete files your
    computer made (.DS_Store, Thumbs.db).

    ## Known limitations
    Judged by the file's name: a file whose content does not match its
    name is refused when it is read (PDF001, IMG003, IMG004). Files of
    the theme (styles, scripts, fonts) are not files from content/ and
    are not checked here, nor are hidden files (`.DS_Store`) in a folder
    the site does not copy whole: the build ignores them. A page saved in
    another format (`.rst`, `.html`, `.mkd`) that no page links to is
    BLD003.
    """

    code = "ATT002"
    name = "file-type-not-published"
    waiver = Waiver.NEVER


HINT = "export it as a PDF (File > Save as > PDF) and link the PDF instead"

# What the site publishes unless the settings say otherwise.
DEFAULT_PUBLISHED_TYPES = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
# Every type the final gate reads whole: the most a board can allow.
GATE_READS_WHOLE = DEFAULT_PUBLISHED_TYPES + (".txt", ".csv")

_SAVE_AS_PDF = (
    ".docx",
    ".doc",
    ".docm",
    ".dotx",
    ".odt",
    ".rtf",
    ".xlsx",
    ".xls",
    ".xlsm",
    ".ods",
    ".pptx",
    ".ppt",
    ".odp",
    ".pages",
    ".numbers",
    ".key",
    ".wpd",
    ".pub",
)
_EXPORT_AS_PNG = (
    ".heic",
    ".heif",
    ".tif",
    ".tiff",
    ".bmp",
    ".avif",
    ".ico",
    ".jfif",
    ".psd",
    ".raw",
    ".dng",
    ".cr2",
    ".nef",
    ".svgz",
    ".eps",
    ".ai",
    ".emf",
    ".wmf",
)
_TEXT = (
    ".txt",
    ".text",
    ".csv",
    ".tsv",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".json",
    ".xml",
    ".yaml",
    ".yml",
    ".ics",
    ".vcf",
)
_ARCHIVES = (".zip", ".7z", ".rar", ".gz", ".tar", ".tgz", ".bz2", ".xz")
_SYSTEM_FILES = ("thumbs.db", "desktop.ini", ".ds_store")


def published_types(settings) -> tuple[str, ...]:
    """The suffixes the site publishes: the setting, within what the gate reads whole."""
    listed = settings.get("LSCB_PUBLISHED_FILE_TYPES") or DEFAULT_PUBLISHED_TYPES
    wanted = {"." + str(suffix).lower().lstrip(".") for suffix in listed}
    return tuple(suffix for suffix in GATE_READS_WHOLE if suffix in wanted)


def type_hint(name: str) -> str:
    """How to publish a file of this type instead, in plain words."""
    lower = name.lower()
    if lower in _SYSTEM_FILES or lower.startswith("._"):
        return "delete it: your computer made it, and it lists the folder's files"
    if lower.endswith(_SAVE_AS_PDF):
        return "save it as PDF (File > Save as > PDF) and publish the PDF"
    if lower.endswith(_EXPORT_AS_PNG):
        return "export it as PNG (or JPEG for a photo) and publish that"
    if lower.endswith(_TEXT):
        return "put the text in a page (Markdown), or save it as PDF"
    if lower.endswith(_ARCHIVES):
        return "publish each file on its own, as PDF, PNG or JPEG"
    return "save it as PDF, or export it as PNG if it is a picture"


def check(site) -> Iterable[Finding]:
    reported: set[tuple[str, int]] = set()
    for finding in _unchecked(site):
        reported.add((finding.path, finding.line))
        yield finding
    yield from _not_published(site, reported)


def _not_published(site, reported: set[tuple[str, int]]) -> Iterable[Finding]:
    allowed = published_types(site.settings)
    linking = None  # worked out for the first file that is not published: most builds have none
    for absolute, save_as in site.static_files:
        name = posixpath.basename(save_as) or os.path.basename(absolute)
        if name.lower().endswith(allowed) and not name.startswith("."):
            continue
        suffix = os.path.splitext(name)[1].lower()
        if suffix and not name.startswith("."):
            message = say(
                "{name}: {suffix} files are not published", name=file(absolute, name_only=True), suffix=known(suffix)
            )
        else:
            message = say("{name} is not a file the site publishes", name=file(absolute, name_only=True))
        hint = type_hint(name)
        if linking is None:
            linking = _linking_items(site)
        places = linking.get(absolute, [])
        for item in places:
            line, col = item.source.locate(name, body_only=False)
            if (item.path, line) not in reported:
                yield FileTypeNotPublished.at(item.path, line, message, hint, col=col)
        if not places:
            yield FileTypeNotPublished.at(absolute, 1, message, hint)
    yield from _not_copied(site, allowed)


def _not_copied(site, allowed: tuple[str, ...]) -> Iterable[Finding]:
    """Every other file in a content folder that is neither a page (.md; a
    page in another format is BLD003), a file of a published type, nor a
    redaction register: not published today, but it looks as if it were,
    and a link added tomorrow would copy it."""
    from .content_files import is_page_format, linked_from_reviews

    copied = {os.path.abspath(source) for source, _save_as in site.static_files}
    registers = {
        os.path.abspath(path)
        for path, _review in register_files([item.path for item in site.of_type("reviews")], site.content_path)
    }
    # A file a review links to is ATT001's, at the link, whether or not the
    # review is published.
    linked = None  # worked out for the first file left: most builds have none
    for absolute in site.folder_files:
        name = os.path.basename(absolute)
        lower = name.lower()
        if (
            absolute in copied
            or absolute in registers
            or lower.endswith(".md")
            or lower.endswith(allowed)
            or is_page_format(name)
        ):
            continue
        if linked is None:
            linked = linked_from_reviews(site)
        if absolute in linked:
            continue
        suffix = os.path.splitext(name)[1].lower()
        message = (
            say("{name}: {suffix} files are not published", name=file(absolute, name_only=True), suffix=known(suffix))
            if suffix
            else say("{name} is not a file the site publishes", name=file(absolute, name_only=True))
        )
        yield FileTypeNotPublished.at(absolute, 1, message, type_hint(name))


def _linking_items(site) -> dict[str, list]:
    """Absolute path of a file -> the items whose pages link it (drafts too:
    a preview publishes their files)."""
    linking: dict[str, list] = {}
    for item in site.items:
        if item.state in ("blocked", "retired"):
            continue
        for absolute in attachment_paths(item, site):
            linking.setdefault(os.path.abspath(absolute), []).append(item)
    return linking


def _unchecked(site) -> Iterable[Finding]:
    reviews = site.of_type("reviews")
    # A link to a redaction register is RED005's (it must never be published).
    registers = {os.path.dirname(os.path.abspath(register_path(item.path))) for item in reviews}
    for item in reviews:
        for absolute in attachment_paths(item, site):
            if os.path.dirname(os.path.abspath(absolute)) in registers:
                continue
            name = posixpath.basename(absolute.replace("\\", "/"))
            lower = name.lower()
            if lower.endswith(READABLE_SUFFIXES) and not (lower.endswith(TEXT_SUFFIXES) and text_problem(absolute)):
                continue
            line, col = item.source.locate(name, body_only=False)
            yield AttachmentUnchecked.at(
                item.path,
                line,
                say("{name} cannot be checked for names: publish it as a PDF", name=file(absolute, name_only=True)),
                HINT,
                col=col,
            )
