"""Everything a reader or a program can get out of an HTML, XML or SVG file.

One pass of one regular expression over the markup, no tree: a built page is
read once, and every check of the published output reads the result.

* `text`: what a browser shows, with markup taken out the way a browser takes
  it out. Inline tags, comments and `<wbr>` join the characters on either
  side (`Kay<!-- -->den`, `Kay<em>d</em>en` and `Kay<wbr>den` all read
  `Kayden`); block tags end a block (a blank line); `<br>` is a line break.
  Character references are decoded (`Kay&#100;en`).
* `pieces`: the rest of what the file publishes, each on its own: every
  attribute value (alt, title, aria-*, data-*, meta content, id...), every
  link or resource address (href, src, srcset...), comments, and the text of
  scripts and styles. Anyone who saves the page or reads its source gets
  these too.

Escaped markup inside a feed (`<content type="html">&lt;p&gt;...`) is read
again as markup, so a feed's entries give their text like a page does.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..html_model import _attributes

# Tags that end a block of text: the words on either side never join.
BLOCK_TAGS = frozenset("""
address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main menu nav ol p pre section
summary table tbody td tfoot th thead title tr ul option select textarea button label
svg text desc metadata
feed entry content author name link id updated published rss channel item description
urlset url loc lastmod
""".split())
_LINE_TAGS = frozenset({"br"})
# Attributes whose value is an address: read as a path whose segments are words.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "data", "poster", "cite",
                            "xlink:href", "formaction", "background", "longdesc", "manifest",
                            "ping", "codebase", "icon", "lowsrc", "dynsrc", "usemap"})

_TOKEN = re.compile(
    r"<!--(?P<comment>.*?)(?:-->|\Z)"
    r"|<!\[CDATA\[(?P<cdata>.*?)(?:\]\]>|\Z)"
    r"|<(?P<raw>script|style)\b(?P<raw_attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<raw_body>.*?)(?:</(?P=raw)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][\w:.-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|<[!?][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_ESCAPED_MARKUP = re.compile(r"<[A-Za-z/!]")


@dataclass
class Piece:
    """One thing a file publishes besides its shown text."""
    kind: str  # "alt", "title", "href", "comment", "script"...
    text: str
    address: bool = False  # a link or file address: its path segments are words


@dataclass
class Extract:
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)


def read_markup(markup: str, nested: bool = True) -> Extract:
    """The shown text and every other published piece of `markup`."""
    out: list[str] = []
    pieces: list[Piece] = []
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() > position:
            out.append(markup[position:match.start()])
        position = match.end()
        tag = match.group("tag")
        if tag is not None:
            name = tag.lower()
            if name in _LINE_TAGS:
                out.append("\n")
            elif name in BLOCK_TAGS:
                out.append("\n\n")
            if not match.group("close"):
                _attribute_pieces(match.group("attrs"), pieces)
            continue
        comment = match.group("comment")
        if comment is not None:
            if comment.strip():
                pieces.append(Piece("comment", comment))
            continue
        cdata = match.group("cdata")
        if cdata is not None:
            out.append(html.escape(cdata, quote=False))  # unescaped with the rest below
            continue
        raw = match.group("raw")
        if raw is not None:
            _attribute_pieces(match.group("raw_attrs"), pieces)
            body = match.group("raw_body")
            if body.strip():
                pieces.append(Piece(raw.lower(), body))
            out.append("\n\n")
            continue
        # <!DOCTYPE ...>, <?xml ...?>: nothing a reader sees
    out.append(markup[position:])
    text = html.unescape("".join(out))
    if nested and _ESCAPED_MARKUP.search(text):
        # A feed's escaped HTML, now unescaped: read it as markup too.
        inner = read_markup(text, nested=False)
        text = inner.text
        pieces.extend(inner.pieces)
    return Extract(text=text, pieces=pieces)


def _attribute_pieces(attrs: str, pieces: list[Piece]) -> None:
    if not attrs or not attrs.strip():
        return
    for name, value in _attributes(attrs).items():
        if not value or not value.strip():
            continue
        pieces.append(Piece(name, value, address=name in URL_ATTRIBUTES))
