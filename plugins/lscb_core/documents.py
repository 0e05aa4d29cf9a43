"""A document published with a page (the full report of a review, the PDF of
an annual report): a file under content/, linked with its format and size.

The file is copied into the site only when the page that names it is
published. A Document that is not a file is DOC001 (declared in
lscb_checks.checks.documents, reported here by code)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass

from .findings import shorten
from .quote import file, say
from .rules import finding
from .sources import field_line
from .suggest import closest_path


@dataclass(frozen=True)
class Document:
    path: str  # relative to content/
    url: str
    format: str  # "PDF"
    size_bytes: int

    @property
    def label(self) -> str:
        return f"{self.format}, {human_size(self.size_bytes)}"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def content_relative(value) -> str:
    """A path as editors write it (`/content/reviews/a.pdf`, `reviews\\a.pdf`)
    -> the path under content/ that Pelican uses (`reviews/a.pdf`)."""
    relative = posixpath.normpath(str(value).strip().replace("\\", "/").lstrip("/"))
    if relative.startswith("content/"):
        relative = relative[len("content/") :]
    return relative


def attach_document(article, context):
    """Publish the page's Document with it; return a finding if it is missing."""
    value = getattr(article, "document", None)
    if not value:
        article.report = None
        return None
    relative = content_relative(value)
    absolute = os.path.join(article.settings["PATH"], relative)
    if not os.path.isfile(absolute):
        article.report = None
        folder = posixpath.dirname(relative)
        try:
            nearby = [posixpath.join(folder, name) for name in os.listdir(os.path.dirname(absolute))]
        except OSError:
            nearby = []
        close = closest_path(relative, nearby)
        return finding(
            "DOC001",
            article.source_path,
            field_line(article.source_path, "document"),
            say("Document '{value}' is not a file under content/", value=shorten(value, 36)),
            say("did you mean {close}?", close=file(close))
            if close
            else "give the path from content/, e.g. reviews/documents/child-l-overview-report.pdf",
            col=len("Document: ") + 1,
        )
    context["static_links"].add(relative)
    extension = posixpath.splitext(relative)[1].lstrip(".").upper() or "File"
    article.report = Document(relative, relative, extension, os.path.getsize(absolute))
    return None
