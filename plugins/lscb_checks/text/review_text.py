"""Everything a review publishes, as spans of text that map back to a place.

The redaction checks (with and without a register) read these spans:

* the whole Markdown source: every metadata field (title, summary...), the
  body, image alt text, link text and URLs, and comments (the source file is
  public in the repository even where the page is not);
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
from dataclasses import dataclass

from lscb_core.sources import SourceFile

from .attachments import IMAGE_SUFFIXES, PDF_SUFFIXES, image_content, pdf_content


@dataclass(frozen=True)
class Span:
    text: str
    path: str  # the review's Markdown file: findings name it
    where: str  # "" for the source; else e.g. "child-x.pdf page 2", "photo.jpg metadata Artist"
    source: SourceFile | None = None  # set when the text is the Markdown source itself
    line: int = 1  # for attachments: the line of the review that links the file
    attachment: str = ""  # absolute path of the attachment the text came from

    def position(self, index: int) -> tuple[int, int]:
        """(line, column) of text[index] in the file the span came from."""
        if self.source is not None:
            return self.source.position(index)
        return self.line, 1



def review_spans(item, site) -> list[Span]:
    """Spans of one review; cached for the build in site.cache."""
    key = ("review_spans", item.path)
    if key not in site.cache:
        site.cache[key] = _spans(item, site)
    return site.cache[key]


def attachment_paths(item, site) -> list[str]:
    """Absolute paths of the existing files under content/ the item links to."""
    paths = []
    for relative in sorted(item.static_links()):
        absolute = site.content_file(relative)
        if os.path.isfile(absolute):
            paths.append(absolute)
    return paths


def _without_waivers(source: SourceFile) -> str:
    """The source text with its `Waive:` metadata lines blanked (same
    offsets): a waiver quotes the text it allows, and is not published."""
    text = source.text
    lines = [entry.line for entry in source.fields if entry.name.lower() == "waive"]
    if not lines:
        return text
    parts = text.split("\n")
    for line in lines:
        parts[line - 1] = " " * len(parts[line - 1])
    return "\n".join(parts)


def _spans(item, site) -> list[Span]:
    spans = [Span(_without_waivers(item.source), item.path, "", source=item.source)]
    for absolute in attachment_paths(item, site):
        name = posixpath.basename(absolute)
        line, _col = item.source.locate(name, body_only=False)
        def span(text: str, where: str) -> Span:
            return Span(text, item.path, where, line=line, attachment=absolute)
        # The file name is published in its URL.
        spans.append(span(name, f"{name} file name"))
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
    return spans
