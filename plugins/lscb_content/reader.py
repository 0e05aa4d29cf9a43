"""Markdown reader that knows which content type it is reading; the only
reader Pelican has.

Only `.md` files are pages. Pelican would also read `.markdown`, `.mkd`,
`.mdown`, reStructuredText and HTML files as pages, and publish them past
checks that read Markdown (a children's page saved as `.mkd` past the reading
age): install() leaves Pelican no other reader, whatever READERS says, and
BLD003 (lscb_checks.checks.content_files) names each such file.

A `Status` the site does not know (`skip`, which Pelican drops silently, or
a misspelling, which Pelican drops with an error) is read as `draft`: the
page stays among the pages the checks see, is never published, and META003
names the line.
"""

from __future__ import annotations

import io
import os
import re

from markdown import Markdown
from pelican.readers import MarkdownReader

from lscb_core import sources

from . import markdown_cache
from .markdown_ext import LscbExtension
from .schema import TEXT, fields_of
from .types import STATUSES, type_for_path

# HTML comments in Markdown are editors' notes and waivers: never published.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# Types whose paragraphs are numbered, as statutory guidance is.
NUMBERED_TYPES = {"guidance"}


class LscbMarkdownReader(MarkdownReader):
    def _markdown(self, numbered: bool) -> Markdown:
        config = dict(self.settings["MARKDOWN"])
        config["extensions"] = [
            *config.get("extensions", []),
            LscbExtension(numbered_paragraphs=numbered),
        ]
        return Markdown(**config)

    def _body_converter(self, numbered: bool) -> Markdown:
        """One converter of each kind per reader, reset between files:
        building a Markdown instance with its extensions costs about as much
        as converting a typical page. (Metadata gets a fresh converter, since
        Pelican's _parse_metadata changes the one it is given.)"""
        cache = self.__dict__.setdefault("_converters", {})
        if numbered not in cache:
            cache[numbered] = self._markdown(numbered)
        return cache[numbered].reset()

    def read(self, source_path):
        """A file Pelican reads: converted, or its conversion by an earlier
        build when the file's bytes are the same (markdown_cache)."""
        with open(source_path, "rb") as file:
            data = file.read()
        sources.read_by_pelican(source_path, data)  # what the checks read of it
        converted = markdown_cache.converted(self.settings, source_path, data, self._convert_file)
        return self._finish(*converted, source_path=source_path)

    def read_text(self, source_path, text):
        """Read `text` as the file at `source_path` (an earlier version of
        a guidance page is not a file: lscb_content.earlier_versions)."""
        return self._finish(*self._convert(source_path, text), source_path=source_path)

    def _convert_file(self, source_path, data: bytes):
        """The file's bytes read as Pelican's pelican_open reads a file
        (UTF-8, a byte order mark dropped, universal newlines)."""
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig").read()
        return self._convert(source_path, text)

    def _convert(self, source_path, text) -> tuple[str, dict, list]:
        """The costly part, made of plain strings and lists only (it is what
        the Markdown cache keeps): the body's HTML, the header's fields as
        written, and the level-two headings."""
        self._source_path = source_path
        relative = os.path.relpath(source_path, self.settings["PATH"])
        content_type = type_for_path(relative)
        numbered = content_type is not None and content_type.key in NUMBERED_TYPES

        self._md = self._body_converter(numbered)
        content = _COMMENT.sub("", self._md.convert(text))
        meta = {name: list(values) for name, values in getattr(self._md, "Meta", {}).items()}
        contents_list = _level_two_headings(getattr(self._md, "toc_tokens", []))
        return content, meta, contents_list

    def _finish(self, content: str, meta: dict, contents_list: list, source_path: str = ""):
        """The header's fields read into values (dates, the summary's HTML)."""
        # Formatted fields (the summary) are converted without numbering.
        self._md = self._markdown(numbered=False)
        metadata = self._parse_metadata(meta)
        metadata["contents_list"] = contents_list
        # A text field written over several lines is one value, its lines
        # joined: Pelican's reader gives a list, which the theme printed as
        # Python writes a list (`["Policy and", 'Procedures']`).
        content_type = type_for_path(os.path.relpath(source_path, self.settings["PATH"])) if source_path else None
        kinds = {name.lower(): field for name, field in fields_of(content_type.key if content_type else "").items()}
        for key, value in metadata.items():
            field = kinds.get(key)
            if field is not None and field.type == TEXT and not field.repeatable and isinstance(value, list):
                if all(isinstance(line, str) for line in value):
                    metadata[key] = " ".join(line.strip() for line in value)
        status = metadata.get("status")
        if status is not None and str(status).strip().casefold() not in STATUSES:
            metadata["status"] = "draft"  # kept, never published; META003 names it
        return content, metadata


def _level_two_headings(tokens) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for token in tokens:
        if token.get("level") == 2:
            found.append((token["id"], token["name"]))
        found.extend(_level_two_headings(token.get("children", [])))
    return found


# The one extension read as a page.
PAGE_SUFFIX = "md"
# Pelican's reader of the files it copies as they are (images, PDFs).
STATIC_FORMAT = "static"


def install(readers) -> None:
    """Ours for `.md`; no reader at all for every other page format (Pelican
    then neither reads nor warns about them: BLD003 reports them). The
    "static" reader, with which Pelican copies files, stays."""
    for extension in list(readers.reader_classes):
        if extension != STATIC_FORMAT:
            readers.reader_classes[extension] = None
    readers.reader_classes[PAGE_SUFFIX] = LscbMarkdownReader
