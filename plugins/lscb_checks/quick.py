"""A cheap first look at rendered HTML, so that clean pages cost almost nothing.

Most pages have nothing wrong with them. These functions use a few regular
expressions (run in C) to answer "could anything be wrong here?"; only when
the answer is yes does a check ask for the full parse (Item.parsed,
Page.references) to confirm the problem and find where it was written.

Every function here errs on the side of "yes": it may see a link or an id in
a code sample that the parser would not, but never misses one the parser
would see.
"""

from __future__ import annotations

import html as html_lib
import re

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag

# What the parser skips: comments and the content of raw-text elements.
# (How a browser's tokenizer reads a tag: lscb_core.html_grammar.)
_INVISIBLE = re.compile(
    r"<!--.*?-->|<(script|style)" + NAME_END + ATTRS + r">.*?</\1" + NAME_END + ATTRS + ">", re.DOTALL | FLAGS
)
_HEADING = re.compile(r"<h([1-6])" + NAME_END, FLAGS)
_LINK = re.compile(r"<a" + NAME_END + "(" + ATTRS + r")>(.*?)" + end_tag("a"), re.DOTALL | FLAGS)
_TAG = re.compile(r"<[^>]*>")
# One pass for both: URL attributes and ids. Run over the page's bytes in
# lower case (bytes.lower() changes ASCII letters only, so every offset stays
# the same), which is quicker than a case-insensitive pattern; the values
# are then cut from the original bytes. Attributes are separated by ASCII
# white space, as in browsers.
_ATTRIBUTE = re.compile(rb"""\s(href|src|data|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def visible(html: str) -> str:
    """The HTML without comments, scripts and styles."""
    lowered = html.lower()
    if "<!--" not in lowered and "<script" not in lowered and "<style" not in lowered:
        return html
    return _INVISIBLE.sub("", html)


def has_tag(html: str, tag: str) -> bool:
    return re.search(rf"<{tag}{NAME_END}", html, FLAGS) is not None


def heading_levels(html: str) -> list[int]:
    """Levels of the headings, in order, as the parser sees them."""
    return [int(level) for level in _HEADING.findall(visible(html))]


def links(html: str) -> list[tuple[str, str]]:
    """(attributes, visible text) of each link; the text with tags removed,
    so a link around an image has none."""
    return [
        (attributes, " ".join(html_lib.unescape(_TAG.sub("", inner)).split()))
        for attributes, inner in _LINK.findall(visible(html))
    ]


def urls_and_ids(data: bytes) -> tuple[list[str], list[str]]:
    """Every href, src and data value, and every id, in the document (its
    UTF-8 bytes): a superset of what the parser finds (it also sees them in
    code samples)."""
    urls: list[str] = []
    ids: list[str] = []
    for match in _ATTRIBUTE.finditer(data.lower()):
        start, end = match.span(match.lastindex)
        value = data[start:end].decode("utf-8", "replace")
        if "&" in value:
            value = html_lib.unescape(value)
        (ids if match.group(1) == b"id" else urls).append(value)
    return urls, ids
