"""Links to documents (PDF, Word, spreadsheets...) say the format and size.

The format and size may be in the link text or written straight after it:

    [Overview report (PDF, 1.2 MB)](documents/overview.pdf)
    [Overview report](documents/overview.pdf) (PDF, 1.2 MB)

For a document under content/, the size given is compared with the file's.
"""

from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from lscb_core.documents import human_size
from lscb_core.quote import known, say
from lscb_core.rules import Rule

from ..locate import link_positions, written_href

# Extension -> (format as written for readers, words that name the format).
_FORMATS = {
    "pdf": ("PDF", ("pdf",)),
    "doc": ("Word", ("word", "doc", "docx")),
    "docx": ("Word", ("word", "docx", "doc")),
    "rtf": ("RTF", ("rtf", "rich text")),
    "odt": ("ODT", ("odt", "opendocument", "odf")),
    "ods": ("ODS", ("ods", "opendocument", "odf", "spreadsheet")),
    "odp": ("ODP", ("odp", "opendocument", "odf")),
    "xls": ("Excel", ("excel", "xls", "xlsx")),
    "xlsx": ("Excel", ("excel", "xlsx", "xls")),
    "xlsm": ("Excel", ("excel", "xlsm", "xlsx")),
    "csv": ("CSV", ("csv",)),
    "ppt": ("PowerPoint", ("powerpoint", "ppt", "pptx")),
    "pptx": ("PowerPoint", ("powerpoint", "pptx", "ppt")),
    "zip": ("ZIP", ("zip",)),
    "epub": ("EPUB", ("epub",)),
}
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(bytes?|[kmg]i?b)\b", re.IGNORECASE)
_UNITS = {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_WORD_CACHE: dict[tuple[str, ...], re.Pattern] = {}
# Text written after the link, up to the next link or the end of the paragraph.
_AFTER_LIMIT = 40
_AFTER_STOP = re.compile(r"\[|<a\b|\n\s*\n")
_INTRASITE = re.compile(r"^\{(?:static|filename|attach)\}")
# A quick look: could the body link to a document at all?
_MAYBE_DOCUMENT = re.compile(r"\.(?:" + "|".join(_FORMATS) + r")(?![\w.-])", re.IGNORECASE)


class DocumentLinkWithoutFormat(Rule):
    """Flags a link to a document (PDF, Word, Excel, OpenDocument, CSV,
    ZIP...) that does not give the document's format and size in the link
    text or straight after it.

    ## Why it matters
    A document opens outside the page, may need another program, and may be
    slow or costly to download on a phone. People need to know before they
    select the link; for some, a PDF is not accessible at all and they will
    ask for another format (WCAG 2.4.4; GOV.UK guidance on links to
    documents).

    ## Example
        Read the [overview report](documents/child-l-overview-report.pdf).

    ## Use instead
        Read the [overview report (PDF, 1.2 MB)](documents/child-l-overview-report.pdf).

    ## Known limitations
    For documents on other websites only the format is required, as the
    size cannot be checked. "Straight after" means in the next 40
    characters of the Markdown, before the next link.
    """

    code = "A11Y008"
    name = "document-link-without-format"


class DocumentSizeWrong(Rule):
    """Flags a link to a document under content/ whose stated size is less
    than half or more than twice the file's real size.

    ## Why it matters
    Readers decide whether to download a document from its size. A report
    replaced by a much larger version, with the old size left in the link,
    misleads people on slow or paid-for connections.

    ## Example
        [Overview report (PDF, 12 KB)](documents/overview.pdf)   (the file is 3.4 MB)

    ## Use instead
        [Overview report (PDF, 3.4 MB)](documents/overview.pdf)

    ## Known limitations
    Sizes within a factor of two, or within 20 KB, are accepted: the check
    catches a stale size, not rounding.
    """

    code = "A11Y010"
    name = "document-size-wrong"


def _extension(href: str) -> str:
    path = urlsplit(written_href(href)).path
    return posixpath.splitext(path)[1].lstrip(".").lower()


def _names_format(text: str, words: tuple[str, ...]) -> bool:
    pattern = _WORD_CACHE.get(words)
    if pattern is None:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
        _WORD_CACHE[words] = pattern
    return bool(pattern.search(text))


def _stated_bytes(text: str) -> tuple[int, str] | None:
    match = _SIZE.search(text)
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2).lower()
    return int(number * _UNITS[unit[0]]), match.group(0)


def _local_file(item, site, href: str) -> str | None:
    """The file under content/ a {static} link names, if it exists."""
    if not _INTRASITE.match(href):
        return None
    path = unquote(urlsplit(written_href(href)).path)
    if path.startswith("/"):
        relative = path.lstrip("/")
    else:
        relative = posixpath.join(posixpath.dirname(item.relative_path), path)
    relative = posixpath.normpath(relative)
    absolute = site.content_file(relative)
    return absolute if not relative.startswith("..") and os.path.isfile(absolute) else None


def _after(source_text: str, end: int) -> str:
    after = source_text[end : end + _AFTER_LIMIT]
    stop = _AFTER_STOP.search(after)
    return after[: stop.start()] if stop else after


def check(site):
    for item in site.items:
        if not _MAYBE_DOCUMENT.search(item.html):
            continue
        positions = None
        for index, link in enumerate(item.parsed.links):
            extension = _extension(link.href)
            if extension not in _FORMATS:
                continue
            label, words = _FORMATS[extension]
            positions = positions or link_positions(item)
            span = positions.span(index)
            line, col = item.source.position(span[0]) if span else (item.source.body_start, 1)
            described = link.text + " " + (_after(item.source.text, span[1]) if span else "")
            local = _local_file(item, site, link.href)
            size = os.path.getsize(local) if local else None
            stated = _stated_bytes(described)
            external = bool(urlsplit(link.href).scheme or link.href.startswith("//"))
            if not _names_format(described, words) or (stated is None and not external):
                # The format's label and the size the build measured: not content.
                details = known(f"({label}, {human_size(size)})" if size is not None else f"({label}, 1.2 MB)")
                yield DocumentLinkWithoutFormat.at(
                    item.path,
                    line,
                    say("link to a document ({label}) does not say its format and size", label=known(label))
                    if not external
                    else say("link to a document ({label}) does not say its format", label=known(label)),
                    say('add "{details}" to the link text', details=details)
                    if size is not None
                    else say('add the format and size to the link text, e.g. "{details}"', details=details),
                    col=col,
                )
                continue
            if size is None or stated is None:
                continue
            given, written = stated
            if (given > 2 * size or given < size / 2) and abs(given - size) > 20 * 1024:
                yield DocumentSizeWrong.at(
                    item.path,
                    line,
                    # `written` matched the size pattern: a number and a unit.
                    say(
                        "link gives the size as {written}; the {label} file is {size}",
                        written=known(written),
                        label=known(label),
                        size=known(human_size(size)),
                    ),
                    say(
                        'correct the size in the link text: "({label}, {size})"',
                        label=known(label),
                        size=known(human_size(size)),
                    ),
                    col=col,
                )
