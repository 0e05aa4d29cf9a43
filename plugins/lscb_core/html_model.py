"""One pass over an HTML document or fragment, collecting what checks need.

Python's own HTMLParser, not a tree: a page is parsed once, in one pass, and
every check reads the collected lists (headings, images, links, tables, ids,
text). Parsing a typical page costs about a millisecond.

`scan_references` collects only links, resources and ids, with regular
expressions instead of the parser: about three times faster, for checks that
read every built page of the site but need nothing else (links, ids). It
gives the same links, resources and ids as `parse_html`.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .html_grammar import ATTRS, FLAGS, NAME_END, end_tag

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP_TEXT = {"script", "style", "template"}
_BLOCK = {
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "div",
    "section",
    "article",
    "aside",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "figcaption",
    "pre",
    "main",
    "header",
    "footer",
    "nav",
    "br",
    "hr",
    "caption",
}


@dataclass
class Heading:
    level: int
    text: str
    id: str
    line: int  # line in the parsed HTML, from 1


@dataclass
class Image:
    attrs: dict[str, str | None]
    line: int


@dataclass
class Link:
    href: str
    text: str  # visible text, plus alt text of images inside
    attrs: dict[str, str | None]
    line: int


@dataclass
class Table:
    header_cells: int
    line: int


@dataclass
class Parsed:
    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    ids: list[tuple[str, int]] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)  # text of each block, in order
    # Other URLs the document loads or names (img src, link href, script src...).
    resources: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, url, line)

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()
        self._skip = 0
        self._block: list[str] = []
        self._heading: Heading | None = None
        self._heading_text: list[str] = []
        self._links: list[tuple[Link, list[str]]] = []
        self._tables: list[Table] = []

    # -- helpers
    def _flush_block(self) -> None:
        text = " ".join("".join(self._block).split())
        if text:
            self.parsed.blocks.append(text)
        self._block = []

    def _text(self, data: str) -> None:
        if self._skip:
            return
        self._block.append(data)
        if self._heading is not None:
            self._heading_text.append(data)
        for _link, parts in self._links:
            parts.append(data)

    # -- parser callbacks
    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        if attributes.get("id"):
            self.parsed.ids.append((attributes["id"], line))
        if tag in _SKIP_TEXT:
            self._skip += 1
        if tag in _BLOCK:
            self._flush_block()
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = Heading(int(tag[1]), "", attributes.get("id") or "", line)
            self._heading_text = []
        elif tag == "img":
            self.parsed.images.append(Image(attributes, line))
            alt = attributes.get("alt")
            if alt:
                for _link, parts in self._links:
                    parts.append(f" {alt} ")
            if attributes.get("src"):
                self.parsed.resources.append(("img", attributes["src"], line))
        elif tag == "a" and "href" in attributes:
            self._links.append((Link(attributes.get("href") or "", "", attributes, line), []))
        elif tag == "table":
            self._tables.append(Table(0, line))
        elif tag == "th" and self._tables:
            self._tables[-1].header_cells += 1
        elif tag in ("link", "script", "source", "iframe", "embed", "object", "video", "audio"):
            url = attributes.get("href") or attributes.get("src") or attributes.get("data")
            if url:
                self.parsed.resources.append((tag, url, line))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TEXT:
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in _SKIP_TEXT and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self._flush_block()
        if self._heading is not None and tag == f"h{self._heading.level}":
            self._heading.text = " ".join("".join(self._heading_text).split())
            self.parsed.headings.append(self._heading)
            self._heading = None
        elif tag == "a" and self._links:
            link, parts = self._links.pop()
            link.text = " ".join("".join(parts).split())
            self.parsed.links.append(link)
        elif tag == "table" and self._tables:
            self.parsed.tables.append(self._tables.pop())

    def handle_data(self, data):
        self._text(data)

    def close(self):
        super().close()
        self._flush_block()


def parse_html(html: str) -> Parsed:
    collector = _simple(html)
    if collector is None:  # markup of any other kind: html.parser reads it
        collector = _Collector()
        collector.feed(html)
    collector.close()
    return collector.parsed


# --- the same, for the markup Markdown writes --------------------------------
#
# Almost every page's HTML is Markdown's: start tags whose attribute values
# are all quoted, end tags, text and character references, nothing else.
# Such a document is read by one regular expression that hands each tag and
# each run of text to the same collector, as html.parser would (the same
# tag and attribute names in lower case, values unquoted and unescaped, the
# same line numbers, text unescaped up to the next tag). Anything else (a
# comment, a declaration, a script, an unquoted value, a lone `<`...) sends
# the whole document to html.parser.
# HTML's white space only (lscb_core.html_grammar): html.parser does not take
# a no-break space for one, so a tag written with it goes to html.parser.
_SIMPLE_TAG = re.compile(
    r"<(?:([a-zA-Z][a-zA-Z0-9-]*)((?:[\t\n\f\r ]+[^\s\"'<>/=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*"
    r"(?:\"[^\"]*\"|'[^']*'))?)*)[\t\n\f\r ]*(/?)"
    r"|/([a-zA-Z][a-zA-Z0-9-]*)[\t\n\f\r ]*)>"
)
_SIMPLE_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'))?""")
# Elements whose content html.parser reads as raw text in some Python
# version (script and style in all): html.parser reads those documents.
_RAW_CONTENT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)


def _simple(html: str) -> _Collector | None:
    """A collector that has read `html` (not closed), or None when `html`
    is not of the simple kind above."""
    collector = _Collector()
    unescape = html_lib.unescape
    position = 0
    line = 1
    for match in _SIMPLE_TAG.finditer(html):
        start = match.start()
        if start > position:
            text = html[position:start]
            if "<" in text:
                return None
            collector.handle_data(unescape(text) if "&" in text else text)
            line += text.count("\n")
        position = match.end()
        collector.lineno = line
        line += html.count("\n", start, position)
        tag = match.group(1)
        if tag is None:
            tag = match.group(4).lower()
            if tag in _RAW_CONTENT:
                return None
            collector.handle_endtag(tag)
        else:
            tag = tag.lower()
            if tag in _RAW_CONTENT:
                return None
            attrs = []
            written = match.group(2)
            if written:
                for name, value in _SIMPLE_ATTRIBUTE.findall(written):
                    if value:
                        value = value[1:-1]
                        if "&" in value:
                            value = unescape(value)
                    else:
                        value = None
                    attrs.append((name.lower(), value))
            if match.group(3):
                collector.handle_startendtag(tag, attrs)
            else:
                collector.handle_starttag(tag, attrs)
    if position < len(html):
        text = html[position:]
        if "<" in text:
            return None
        collector.handle_data(unescape(text) if "&" in text else text)
    return collector


# --- links, resources and ids only -------------------------------------------

# Possessive: runs of characters at once, never backtracked into (a match
# can only end at the one `>` that closes the tag).
_ATTRIBUTES = f"({ATTRS})"
# Comments and raw-text elements are skipped whole; then the end of a link,
# the start tags that name a URL, and any other start tag that has an id.
_REFERENCE = re.compile(
    r"<!--.*?-->"
    r"|<(script|style|template)" + NAME_END + _ATTRIBUTES + r">.*?</\1" + NAME_END + ATTRS + ">"
    r"|(" + end_tag("a") + ")"
    r"|<(a|img|link|source|iframe|embed|object|video|audio)" + NAME_END + _ATTRIBUTES + r">"
    r"|<[a-zA-Z][a-zA-Z0-9-]*(\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*?\bid\s*=(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | FLAGS,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_ANY_TAG = re.compile(r"<[^>]*>")
_IMG_TAG = re.compile(r"<img" + NAME_END + _ATTRIBUTES + ">", FLAGS)
_NEWLINE = re.compile("\n")


def _attributes(text: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None:
            if value[:1] in "\"'":
                value = value[1:-1]
            value = html_lib.unescape(value)
        found[match.group(1).lower()] = value
    return found


def _link_text(inner: str) -> str:
    def alt(match: re.Match) -> str:
        text = _attributes(match.group(1)).get("alt")
        return f" {text} " if text else ""

    return " ".join(html_lib.unescape(_ANY_TAG.sub("", _IMG_TAG.sub(alt, inner))).split())


def scan_references(html: str) -> Parsed:
    """Links (with their text), resources and ids of a document; the other
    lists of the result are empty."""
    newlines = [match.start() for match in _NEWLINE.finditer(html)]
    parsed = Parsed()
    open_links: list[tuple[int, Link]] = []
    for match in _REFERENCE.finditer(html):
        raw, link_end, tag = match.group(1), match.group(3), match.group(4)
        if link_end:
            if open_links:
                start, link = open_links.pop()
                link.text = _link_text(html[start : match.start()])
                parsed.links.append(link)
            continue
        text = match.group(2) if raw else match.group(5) if tag else match.group(6)
        if text is None:  # a comment
            continue
        attributes = _attributes(text)
        line = bisect.bisect_left(newlines, match.start()) + 1
        if attributes.get("id"):
            parsed.ids.append((attributes["id"], line))
        if raw:
            if raw.lower() == "script" and attributes.get("src"):
                parsed.resources.append(("script", attributes["src"], line))
            continue
        if not tag:
            continue
        tag = tag.lower()
        if tag == "a":
            if "href" in attributes:
                open_links.append((match.end(), Link(attributes.get("href") or "", "", attributes, line)))
        elif tag == "img":
            if attributes.get("src"):
                parsed.resources.append(("img", attributes["src"], line))
        else:
            url = attributes.get("href") or attributes.get("src") or attributes.get("data")
            if url:
                parsed.resources.append((tag, url, line))
    return parsed
