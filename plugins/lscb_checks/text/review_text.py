"""Everything a review publishes, as spans of text that map back to a place.

The redaction checks (with and without a register) read these spans:

* the whole Markdown source: every metadata field (title, summary...), the
  body, image alt text, link text and URLs, and comments (the source file is
  public in the repository even where the page is not). Each entry of the
  header (a field with its continuation lines) is a span of its own, and so
  is the body: no detector reads the end of one field and the start of the
  next as one name, one date or one pseudonym;
* the names of the files the review links to (images, PDFs, its Document);
* the text layer of each page of each PDF, and the PDF's metadata and XMP;
* the metadata of each image (EXIF, PNG text, XMP).

A span knows how to turn an index in its text into (line, column) of the
review's Markdown file: a finding in the body names its own line; a finding
inside an attachment names the line that links the attachment, and `where`
says which file and page ("child-x.pdf page 2"), so the editor knows both
the page to change and the file to fix.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass

from lscb_core.linked_files import attachment_paths
from lscb_core.quote import Words, file, known, say
from lscb_core.sources import SourceFile
from lscb_core.waivers import blank_waivers

from .attachments import (
    IMAGE_SUFFIXES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    image_content,
    pdf_content,
    text_content,
)

# What a span's `where` says after the file's name ("page 2", "file name"),
# and the words of metadata keys printed as they are (others are masked).
_PLACE = re.compile(r"page \d+|file name|text")
_METADATA_WORDS = frozenset(
    """
    metadata exif xmp iptc png svg gps pdf dc photoshop tiff xmpmm xmprights aux pdfx comment
    author title subject keywords creator producer description artist copyright software make model
    date creationdate moddate trapped rights owner byline caption headline credit source city country
    state location sublocation imagedescription usercomment xpauthor xptitle xpsubject xpcomment
    xpkeywords documentname pagename hostcomputer cameraownername text desc name lines
""".split()
)


@dataclass(frozen=True)
class Span:
    text: str
    path: str  # the review's Markdown file: findings name it
    where: str  # "" for the source; else e.g. "child-x.pdf page 2", "photo.jpg metadata Artist"
    source: SourceFile | None = None  # set when the text is the Markdown source itself
    line: int = 1  # for attachments: the line of the review that links the file
    attachment: str = ""  # absolute path of the attachment the text came from
    offset: int = 0  # with a source: where the text starts in the source

    def position(self, index: int) -> tuple[int, int]:
        """(line, column) of text[index] in the file the span came from."""
        if self.source is not None:
            return self.source.position(self.offset + index)
        return self.line, 1

    @property
    def quoted_where(self):
        """`where` as a message part (lscb_core.quote): the file's name masked
        like its path, a metadata key masked unless its words are common."""
        if not self.where:
            return known("")
        source = self.attachment or self.path
        name = posixpath.basename(source)
        if not self.where.startswith(name + " "):
            return known(self.where)  # "the page's address"
        place = self.where[len(name) + 1 :]
        if _PLACE.fullmatch(place):
            place = known(place)
        else:
            place = Words(place, _METADATA_WORDS)
        return say("{name} {place}", name=file(source, name_only=True), place=place)


def review_spans(item, site) -> list[Span]:
    """Spans of one review; cached for the build in site.cache."""
    key = ("review_spans", item.path)
    if key not in site.cache:
        site.cache[key] = _spans(item, site)
    return site.cache[key]


def static_folder_files(site) -> list[str]:
    """Every file in the shared folders copied whole (STATIC_PATHS), whether
    or not a page links to it: all of them are published."""
    found = []
    for folder in site.settings.get("STATIC_PATHS", []):
        root = site.content_file(str(folder))
        if os.path.isfile(root):
            found.append(root)
        for parent, _dirs, names in os.walk(root):
            found.extend(os.path.join(parent, name) for name in names)
    return sorted(found)


def file_spans(absolute: str, report_path: str, line: int) -> list[Span]:
    """Spans of what one attachment publishes: its name, and the text and
    metadata inside it; reported at `report_path`:`line`."""
    name = posixpath.basename(absolute)

    def span(text: str, where: str) -> Span:
        return Span(text, report_path, where, line=line, attachment=absolute)

    # The file name is published in its URL.
    spans = [span(name, f"{name} file name")]
    lower = absolute.lower()
    if lower.endswith(PDF_SUFFIXES):
        pdf = pdf_content(absolute)
        for number, text in enumerate(pdf.pages, start=1):
            if text.strip():
                spans.append(span(text, f"{name} page {number}"))
        for field, value in pdf.metadata:
            spans.append(span(value, f"{name} metadata {field}"))
    elif lower.endswith(IMAGE_SUFFIXES):
        for field, value in image_content(absolute).metadata:
            spans.append(span(value, f"{name} metadata {field}"))
    elif lower.endswith(TEXT_SUFFIXES):
        text = text_content(absolute)  # cached; "" for a binary file
        if text.strip():
            spans.append(span(text, f"{name} text"))
    return spans


def static_folder_spans(site) -> list[Span]:
    """Spans of every file in the shared folders, reported on the file
    itself (for checks that look at everything the site publishes)."""
    key = ("static_folder_spans",)
    if key not in site.cache:
        site.cache[key] = [span for absolute in static_folder_files(site) for span in file_spans(absolute, absolute, 1)]
    return site.cache[key]


def _without_waivers(source: SourceFile) -> str:
    """The source text with its waivers blanked (same offsets): a waiver
    quotes the text it allows, and is not published (lscb_core.waivers)."""
    return blank_waivers(source)


# Markup that can sit between the words of a name without being published as
# text: HTML tag names and brackets, emphasis markers, footnote references and
# character references. Blanked with spaces of the same length, so offsets,
# lines and columns stay those of the file. Attribute values (alt="...") stay.
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]*|/?>|\[\^[^\]\s]+\]|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|(?<!\w)[*_]+|[*_]+(?!\w)"
)


def _blank_markup(text: str) -> str:
    return _MARKUP.sub(lambda match: " " * len(match.group(0)), text)


def source_spans(item) -> list[Span]:
    """The Markdown source as spans: one per header entry, then the body."""
    source = item.source
    text = _blank_markup(_without_waivers(source))
    body = source.line_offset(source.body_start)
    ranges = [*source.entry_ranges(), (body, len(text))]
    return [
        Span(text[start:end], item.path, "", source=source, offset=start)
        for start, end in ranges
        if text[start:end].strip()
    ]


def _spans(item, site) -> list[Span]:
    spans = source_spans(item)
    # The source's own file name becomes the page's address.
    file_name = posixpath.basename(item.path)
    spans.append(Span(file_name, item.path, f"{file_name} file name", line=1))
    slug = str(getattr(item.obj, "slug", "") or "")
    if slug and slug not in file_name:
        spans.append(Span(slug, item.path, "the page's address", line=item.source.field_line("slug")))
    for absolute in attachment_paths(item, site):
        line, _col = item.source.locate(posixpath.basename(absolute), body_only=False)
        spans.extend(file_spans(absolute, item.path, line))
    return spans
