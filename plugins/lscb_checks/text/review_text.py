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
from urllib.parse import unquote
from dataclasses import dataclass

from lscb_core.quote import Words, file, known, say
from lscb_core.sources import SourceFile
from lscb_core.waivers import blank_waivers

from .attachments import (
    IMAGE_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES, image_content, pdf_content, text_content,
)


# What a span's `where` says after the file's name ("page 2", "file name"),
# and the words of metadata keys printed as they are (others are masked).
_PLACE = re.compile(r"page \d+|file name|text")
_METADATA_WORDS = frozenset("""
    metadata exif xmp iptc png svg gps pdf dc photoshop tiff xmpmm xmprights aux pdfx comment
    author title subject keywords creator producer description artist copyright software make model
    date creationdate moddate trapped rights owner byline caption headline credit source city country
    state location sublocation imagedescription usercomment xpauthor xptitle xpsubject xpcomment
    xpkeywords documentname pagename hostcomputer cameraownername text desc name
""".split())


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
        place = self.where[len(name) + 1:]
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


def attachment_paths(item, site) -> list[str]:
    """Absolute paths of the existing files under content/ the item links to:
    the files Pelican resolved ({static}, {attach}, relative links, Document),
    site-absolute links (/documents/x.pdf, or the live address), which reach
    files copied from the shared folders, and relative addresses written in
    HTML (`<img src="../../images/x.png">`), taken from the page's address
    as a browser would. Every address in the body counts, in any attribute
    that holds one (href, src, srcset, poster, data, cite...) of any element."""
    cache = getattr(site, "cache", None)
    key = ("attachment paths", id(item.obj))  # asked by several checks: worked out once per build
    if cache is not None and key in cache:
        return list(cache[key])
    paths = _attachment_paths(item, site)
    if cache is not None:
        cache[key] = tuple(paths)
    return paths


def _attachment_paths(item, site) -> list[str]:
    relatives = set(item.static_links())
    siteurl = str(site.settings.get("SITEURL") or "").rstrip("/")
    page_folder = _page_folder(item)
    for url in _addresses(item.parsed) + _attribute_addresses(item.html or ""):
        url = url.strip().split("#", 1)[0].split("?", 1)[0]
        if siteurl and url.startswith(siteurl + "/"):
            url = url[len(siteurl):]
        if url.startswith("/") and not url.startswith("//"):
            relatives.add(posixpath.normpath(unquote(url).lstrip("/")))
        elif url and page_folder is not None and not _NOT_RELATIVE.match(url):
            relative = posixpath.normpath(posixpath.join(page_folder, unquote(url)))
            if not relative.startswith("../"):
                relatives.add(relative)
    paths = []
    for relative in sorted(relatives):
        absolute = site.content_file(relative)
        if os.path.isfile(absolute):
            paths.append(absolute)
    return paths


# A scheme (https:, mailto:, data:), a protocol-relative or site-absolute
# address, a fragment, or one of Pelican's {static}/{filename} links.
_NOT_RELATIVE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|\{|\|)")


def _addresses(parsed) -> list[str]:
    urls = [link.href for link in parsed.links]
    for image in parsed.images:
        urls.append(image.attrs.get("src") or "")
        for candidate in (image.attrs.get("srcset") or "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    urls.extend(url for _tag, url, _line in parsed.resources)
    return urls


# Every attribute of any element that holds an address a browser fetches or
# follows (the same ones lscb_content.site_links gives the site's address, and
# more): a withheld review's file named in any of them is withheld too.
_ATTRIBUTE = re.compile(
    r"""\s(href|src|poster|data|cite|formaction|action|background|longdesc|xlink:href|srcset|imagesrcset)"""
    r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_START_TAG = re.compile(r"<[A-Za-z][^>]*>")


def _attribute_addresses(html: str) -> list[str]:
    """Every address in an attribute of any start tag of the body's HTML
    (`<source srcset>`, `<video poster>`...), each candidate of a srcset on
    its own."""
    urls = []
    for tag in _START_TAG.findall(html):
        for name, double, single, bare in _ATTRIBUTE.findall(tag):
            value = double or single or bare
            if name.lower().endswith("srcset"):
                urls.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
            else:
                urls.append(value)
    return urls


def _page_folder(item) -> str | None:
    """The folder of the page's address (`reviews/child-q/`), which a
    relative address in its HTML is resolved against; None when the item has
    no address."""
    url = str(getattr(item.obj, "url", "") or "")
    if not url or "://" in url:
        return None
    url = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    return url if url.endswith("/") or not url else posixpath.dirname(url)


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
        site.cache[key] = [span for absolute in static_folder_files(site)
                           for span in file_spans(absolute, absolute, 1)]
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
    return [Span(text[start:end], item.path, "", source=source, offset=start)
            for start, end in ranges if text[start:end].strip()]


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
