"""Every file of the built site, and every path, as the text it publishes.

Each file is read once, by its kind:

* pages, feeds, the sitemap and SVG (markup.py): the shown text (and a name
  given in labelled fields, read whole: name_fields.py), and each
  attribute, address, comment and script on its own;
* the search index: each page's fragment (decompressed JSON: its url, title,
  text, read as _fragment says, and meta) and the words of the index files;
* JSON: every string in it; other text files (robots.txt, _headers, .ics,
  .csv, .md...): their text, iCalendar and vCard files with their folded
  lines joined and escapes read;
* PDFs and images: what lscb_checks.text.attachments reads from them (the
  text of each page, metadata, XMP, comments, bookmarks, form fields, and
  every other string of every object, unreferenced ones too; image
  metadata), read once per content (a file copied from content/ unchanged
  is not read a second time). Pictures have been written again from their
  pixels (reencode.py) before this reads them, so what is read is what is
  published;
* anything else: the runs of readable characters in its bytes.

Every path in the output (folders and file names) is published too: each
file's path is read as words (`zebedee-quinlan.pdf` is `Zebedee Quinlan`).

The program files of the theme and of the search (.js, .css, .wasm) are
compared with the redaction registers only: the pattern detectors are for
what editors write, and would read code as prose.
"""

from __future__ import annotations

import base64
import filecmp
import functools
import gzip
import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from urllib.parse import unquote, unquote_to_bytes

from ..text.attachments import IMAGE_SUFFIXES, image_content, pdf_content
from .address_words import address_words
from .markup import Piece, read_markup, tag_pieces
from .name_fields import joined_name_fields
from .search_names import without_search_names
from .theme_classes import theme_classes

MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".svg", ".rss", ".atom")
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
PROGRAM_SUFFIXES = (".js", ".mjs", ".css", ".wasm", ".pagefind", ".map")
TEXT_SUFFIXES = (
    ".txt",
    ".text",
    ".csv",
    ".tsv",
    ".md",
    ".markdown",
    ".ics",
    ".vcf",
    ".webmanifest",
    ".yml",
    ".yaml",
    ".toml",
    "_headers",
    "_redirects",
)
# iCalendar and vCard files fold long lines (a line break and a space every
# 75 bytes, even inside a word) and escape commas and semicolons: they are
# read as calendar programs show them.
_CONTENT_LINES = (".ics", ".vcf")
_FOLD = re.compile(r"\r?\n[ \t]")
_ESCAPE = re.compile(r"\\([\\;,nN])")
_FRAGMENT = ".pf_fragment"
_SEARCH_BINARY = (".pf_index", ".pf_meta", ".pf_filter")
_READABLE = re.compile(rb"[\x20-\x7e\x80-\xff]{4,}")
_DATA = re.compile(r"data:([^,;]*)((?:;[^,;]*)*),(.*)", re.DOTALL | re.IGNORECASE)
_STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')
_LIMIT = 50_000_000  # bytes read of one file of an unknown kind


@dataclass
class Text:
    """One piece of text a published file gives out."""

    channel: str  # "page text", "alt text", "address", "file name", "PDF page 2"...
    text: str
    detect: bool = True  # False: compared with the registers only


@dataclass
class PublishedFile:
    rel: str  # path under the output folder, with forward slashes
    texts: list[Text] = field(default_factory=list)
    error: str = ""  # the file could not be read whole
    classes: list[str] = field(default_factory=list)  # class values read as words later (_markup)


def read_file(
    root: str, rel: str, content_root: str | None = None, theme: frozenset[str] | None = None
) -> PublishedFile:
    """What one output file publishes (its path is read separately).
    `theme`: theme_classes(root), when the caller has it already (it walks
    the whole output folder: once per reading of the site, not per page)."""
    path = os.path.join(root, rel)
    lower = rel.lower()
    found = PublishedFile(rel)
    try:
        if lower.endswith(MARKUP_SUFFIXES):
            _markup(
                _read_text(path),
                found,
                theme_classes(root) if theme is None else theme,
                page=lower.endswith(PAGE_SUFFIXES),
            )
        elif lower.endswith(_FRAGMENT):
            _fragment(path, found)
        elif lower.endswith(_SEARCH_BINARY):
            _strings(gzip.decompress(_read_bytes(path)), "search index", found)
        elif lower.endswith(".json"):
            _json(_read_text(path), found)
        elif lower.endswith(".pdf"):
            _pdf(_source_copy(path, rel, content_root), found)
        elif lower.endswith(IMAGE_SUFFIXES):
            _image(_source_copy(path, rel, content_root), found)
        elif lower.endswith(PROGRAM_SUFFIXES):
            data = _read_bytes(path)
            found.texts.append(Text("program", data.decode("utf-8", "replace"), detect=False))
        elif lower.endswith(_CONTENT_LINES):
            found.texts.append(Text("text", unfold_content_lines(_read_text(path))))
        elif lower.endswith(TEXT_SUFFIXES):
            found.texts.append(Text("text", _read_text(path)))
        else:
            _strings(_read_bytes(path), "file content", found)
    except (OSError, ValueError, EOFError, gzip.BadGzipFile) as error:
        found.error = f"{type(error).__name__}: {error}"
    return found


def unfold_content_lines(text: str) -> str:
    """The text of an iCalendar or vCard file as its reader sees it: folded
    lines joined again (`Zebe` + CRLF + ` dee` is `Zebedee`), escapes read
    (`\\,` is a comma, `\\n` a new line)."""
    unfolded = _FOLD.sub("", text)
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), unfolded)


def read_page(rel: str, data: bytes) -> PublishedFile:
    """What a page of markup publishes, from its bytes, read before the
    site's style sheets are all written: its class values are kept in
    `classes`, to be read with class_texts once they are."""
    found = PublishedFile(rel)
    _markup(data[:_LIMIT].decode("utf-8", "replace"), found, None, page=rel.lower().endswith(PAGE_SUFFIXES))
    return found


def path_texts(rel: str) -> list[Text]:
    """The output path itself, read as words: folders and file name (the search's own names apart)."""
    return [Text("file name", address_words(without_search_names(rel)))]


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(_LIMIT)


def _read_text(path: str) -> str:
    return _read_bytes(path).decode("utf-8", "replace")


def _markup(markup: str, found: PublishedFile, theme: frozenset[str] | None = frozenset(), page: bool = False) -> None:
    """`theme`: the theme's class names (theme_classes); None while the
    style sheets are not all written yet: a class value is then kept in
    `found.classes` and read as words later (class_texts). `page`: an HTML
    page, whose head is read apart (markup.read_markup)."""
    extract = read_markup(markup, page=page)
    if extract.head.strip():
        found.texts.append(Text("page head", extract.head))
    # A page is read region by region (markup.Extract.regions); as shown, with its names in fields joined too.
    regions = extract.regions or [extract.text]
    found.texts.extend(Text("page text", region) for region in regions)
    found.texts.extend(Text("page text as shown", text) for text in extract.variants + joined_name_fields(regions))
    for piece in extract.loose:
        _piece(piece, theme, found)
    for attrs in extract.tags:
        texts, classes, data = _tag_texts(attrs, theme)
        found.texts.extend(texts)
        if classes:
            found.classes.extend(classes)
        for piece in data:
            _data_address(piece.kind, piece.text, found)


def _piece(piece: Piece, theme: frozenset[str] | None, found: PublishedFile) -> None:
    if _is_data(piece):
        _data_address(piece.kind, piece.text, found)
        return
    found.texts.extend(_piece_texts(piece, theme))
    if theme is None and piece.kind == "class":
        found.classes.append(piece.text)


def _is_data(piece: Piece) -> bool:
    return piece.address and piece.text.lstrip()[:5].lower() == "data:"


@functools.lru_cache(maxsize=16384)
def _tag_texts(attrs: str, theme: frozenset[str] | None) -> tuple[tuple[Text, ...], tuple[str, ...], tuple[Piece, ...]]:
    """What one tag's attributes give, worked out once per build (the theme
    writes the same tags on every page): their texts, the class values kept
    for class_texts (theme None), and the data: addresses, which are read
    as the files they are on each page (_data_address)."""
    texts: list[Text] = []
    classes: list[str] = []
    data: list[Piece] = []
    for piece in tag_pieces(attrs):
        if _is_data(piece):
            data.append(piece)
            continue
        texts.extend(_piece_texts(piece, theme))
        if theme is None and piece.kind == "class":
            classes.append(piece.text)
    return tuple(texts), tuple(classes), tuple(data)


@functools.lru_cache(maxsize=65536)
def _piece_texts(piece: Piece, theme: frozenset[str] | None) -> tuple[Text, ...]:
    """The texts of one piece of a page (other than a data: address). The
    theme repeats the same pieces on every page, so each is worked out once;
    the Text objects are shared, and never changed."""
    if piece.address:
        return (
            Text(f"{piece.kind} address", address_words(piece.text)),
            Text(f"{piece.kind} address", unquote(piece.text), detect=False),
        )
    if piece.kind in ("script", "style"):
        # Code is compared with the registers; the strings in it (what
        # a script writes, what a style's `content` shows) are read too.
        texts = [Text(piece.kind, piece.text, detect=False)]
        literals = "\n\n".join(match.group(1) or match.group(2) or "" for match in _STRING_LITERAL.finditer(piece.text))
        if literals.strip():
            texts.append(Text(f"{piece.kind} text", literals))
        return tuple(texts)
    texts = [Text(f"{piece.kind} text", piece.text)]
    if piece.kind == "class" and theme is None:
        return tuple(texts)  # its words are read once the theme is known
    words = _value_words(piece.kind, piece.text, theme or frozenset())
    if words is not None:
        texts.append(words)
    return tuple(texts)


def _value_words(kind: str, value: str, theme: frozenset[str]) -> Text | None:
    if kind == "class":  # the theme's own class names are not an editor's words
        value = " ".join(name for name in value.split() if name not in theme)
    if value and not any(char.isupper() for char in value):
        # A value in lower case (a class, a data- or lang value) is
        # read as words too, capitalised as a name would be.
        return Text(f"{kind} words", address_words(value))
    return None


def class_texts(classes: list[str], theme: frozenset[str]) -> list[Text]:
    """The words of class values kept aside by _markup (theme None), read
    now that the theme's class names are known: what _markup would have
    given with them."""
    found = []
    for value in dict.fromkeys(classes):
        words = _value_words("class", value, theme)
        if words is not None:
            found.append(words)
    return found


def _data_address(kind: str, address: str, found: PublishedFile) -> None:
    """A file written inside a page (`src="data:image/svg+xml;base64,..."`):
    read as the file it is."""
    match = _DATA.match(address.strip())
    if match is None:
        found.texts.append(Text(f"{kind} address", address))
        return
    mime, parameters, payload = match.group(1).lower(), match.group(2).lower(), match.group(3)
    try:
        data = (
            base64.b64decode(payload + "=" * (-len(payload) % 4))
            if ";base64" in parameters
            else unquote_to_bytes(payload)
        )
    except ValueError:
        data = payload.encode("utf-8", "replace")
    channel = f"{kind} data"
    if any(word in mime for word in ("svg", "html", "xml")):
        inner = PublishedFile(found.rel)
        _markup(data.decode("utf-8", "replace"), inner)
        found.texts.extend(Text(f"{channel} {text.channel}", text.text, text.detect) for text in inner.texts)
    elif mime.startswith("text/") or "json" in mime or not mime:
        found.texts.append(Text(channel, data.decode("utf-8", "replace")))
    elif mime.startswith("image/"):
        with tempfile.NamedTemporaryFile(suffix="." + mime.split("/", 1)[1].split("+")[0]) as handle:
            handle.write(data)
            handle.flush()
            image = image_content(handle.name)
        if image.error:
            found.error = image.error
        found.texts.extend(Text(f"{channel} {name}", value) for name, value in image.metadata)
    else:
        _strings(data, channel, found)


def _fragment(path: str, found: PublishedFile) -> None:
    from lscb_search.fragments import SIGNATURE

    data = gzip.decompress(_read_bytes(path))
    if data.startswith(SIGNATURE):
        data = data[len(SIGNATURE) :]
    text = data.decode("utf-8", "replace")
    try:
        record = json.loads(text)
    except ValueError:
        found.texts.append(Text("search index", text))
        return
    if isinstance(record, dict) and isinstance(record.get("content"), str):
        # The page's shown text with the ends of its blocks lost (the cells of
        # a table row run together): the page itself was read with them, so
        # here the text is compared with the registers only.
        found.texts.append(Text("search index", record.pop("content"), detect=False))
    _json(json.dumps(record), found, "search index")


def _json(text: str, found: PublishedFile, channel: str = "data") -> None:
    try:
        value = json.loads(text)
    except ValueError:
        found.texts.append(Text(channel, text))
        return
    strings: list[str] = []
    _walk_json(value, strings)
    for string in strings:
        if "<" in string and ">" in string:
            _markup(string, found)
        else:
            found.texts.append(Text(channel, string))


def _walk_json(value, strings: list[str]) -> None:
    if isinstance(value, str):
        if value.strip():
            strings.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            strings.append(str(key))
            _walk_json(item, strings)
    elif isinstance(value, list):
        for item in value:
            _walk_json(item, strings)


def _strings(data: bytes, channel: str, found: PublishedFile) -> None:
    runs = [match.group().decode("utf-8", "replace") for match in _READABLE.finditer(data)]
    if runs:
        found.texts.append(Text(channel, "\n".join(runs), detect=False))


def _source_copy(path: str, rel: str, content_root: str | None) -> str:
    """The file under content/ this output file is an unchanged copy of, when
    there is one (its reading is then shared with the source checks), else
    the output file."""
    if content_root:
        candidate = os.path.join(content_root, *posixpath.normpath(rel).split("/"))
        if os.path.isfile(candidate) and filecmp.cmp(candidate, path, shallow=False):
            return candidate
    return path


def _pdf(path: str, found: PublishedFile) -> None:
    pdf = pdf_content(path)
    if pdf.error:
        found.error = pdf.error
    for number, text in enumerate(pdf.pages, start=1):
        if text.strip():
            found.texts.append(Text(f"PDF page {number}", text))
    for name, value in pdf.metadata:
        found.texts.append(Text(f"PDF {name}", value))
    for page, text in pdf.covered:
        found.texts.append(Text(f"PDF page {page} covered text", text))


def _image(path: str, found: PublishedFile) -> None:
    image = image_content(path)
    if image.error:
        found.error = image.error
    for name, value in image.metadata:
        found.texts.append(Text(f"image {name}", value))
    if path.lower().endswith((".svg", ".svgz")):
        data = _read_bytes(path)
        if path.lower().endswith(".svgz"):
            data = gzip.decompress(data)
        _markup(data.decode("utf-8", "replace"), found)
