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

import functools
import html
import re
from dataclasses import dataclass, field

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END, end_tag, raw_text_element
from lscb_core.html_model import _attributes

from .closed_details import as_first_seen
from .furniture import without_explanations, without_markers
from .heading_anchors import heading_anchors
from .regions import shown_regions
from .shown_code import code_shown
from .svg_drawn import drawn_text
from .table_rows import tables_as_rows

# Tags that end a block of text: the words on either side never join. The
# blocks of old HTML (center, xmp, listing...) too: a browser shows them on
# lines of their own (red team round 8: "board<xmp>Name" read "boardName").
BLOCK_TAGS = frozenset(
    """
address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main menu nav ol p pre section
summary table title ul option select textarea button label
center xmp listing plaintext dir hgroup search
svg desc metadata
feed entry content author name link id updated published rss channel item description
urlset url loc lastmod
""".split()
)
# Attributes whose value is an address: read as a path whose segments are words.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "data",
        "poster",
        "cite",
        "xlink:href",
        "formaction",
        "background",
        "longdesc",
        "manifest",
        "ping",
        "codebase",
        "icon",
        "lowsrc",
        "dynsrc",
        "usemap",
        # Names of places in a page: they end up in addresses (#zebedee-quinlan).
        "id",
        "name",
        "for",
        "headers",
        "aria-labelledby",
        "aria-describedby",
    }
)

# A tag's attributes up to its closing `>`, captured (lscb_core.html_grammar:
# how a browser's tokenizer reads a tag, for every reader of HTML here).
_ATTRS = f"({ATTRS})"
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.DOTALL)
# A script or a style, to its first end tag (`</script foo>` ends it), or to
# the end; `<script-x>` is a custom element a browser shows, not a script.
_RAW_TEXT = re.compile(raw_text_element("script|style"), re.DOTALL | FLAGS)


def _trie(words: frozenset[str]) -> str:
    """A pattern matching any of `words`, shaped as a tree of their letters:
    the regular expression engine then tries one branch per letter instead
    of every word in turn."""
    heads: dict[str, set[str]] = {}
    for word in words:
        heads.setdefault(word[:1], set()).add(word[1:])
    branches = []
    for head in sorted(heads):
        rests = heads[head]
        if head == "":
            continue
        optional = "" in rests
        inner = _trie(frozenset(rest for rest in rests if rest)) if rests - {""} else ""
        branches.append(re.escape(head) + (f"(?:{inner})?" if optional and inner else inner))
    return "|".join(branches) if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_BLOCK_TAG = re.compile(r"</?" + _trie(BLOCK_TAGS) + NAME_END + _ATTRS + ">", FLAGS)
# A line break: <br>, and each line an SVG drawing writes (<text>), whose
# lines a reader sees together ("Zebedee" over "Quinlan" in a genogram's
# box), whatever space the file has between two.
_LINE_TAG = re.compile(r"<br" + NAME_END + _ATTRS + r">|\s*<text" + NAME_END + _ATTRS + ">", FLAGS)
# Most pages draw no SVG text: without "<text" the pattern above is this one,
# which the engine finds fast (the other starts with spaces, tried everywhere).
_BR_TAG = re.compile(r"<br" + NAME_END + _ATTRS + ">", FLAGS)
_TEXT_TAG_START = re.compile(r"<text", FLAGS)
# A start tag with attributes: its name runs to white space or "/" (`<img/alt="...">`
# has an alt), and its attributes are captured with what starts them.
_START_TAG = re.compile(r"<[A-Za-z][^\t\n\f\r />]*+([\t\n\f\r /]" + ATTRS + ")>")
_ANY_TAG = re.compile(r"</?[A-Za-z][\w:.-]*" + _ATTRS + r">|<[!?][^>]*>")
_ESCAPED_MARKUP = re.compile(r"<[A-Za-z/!]")
# A page's head as the theme writes it: a `<head>` tag and its end, with no
# `<body>` tag between (see _head_end).
_HEAD_START = re.compile(r"<head" + NAME_END + _ATTRS + ">", FLAGS)
_HEAD_END = re.compile(end_tag("head"), FLAGS)
_BODY_TAG = re.compile(r"<body" + NAME_END, FLAGS)
_TITLE = re.compile(r"<title" + NAME_END + _ATTRS + r">.*?" + end_tag("title"), FLAGS | re.DOTALL)
# An element a browser does not show: the hidden attribute, or an inline
# style that hides it. Taken out with its content (the innermost such
# element: enough to rejoin a word split around it). The second reading is
# made only when such an element follows text (`Zebe<span hidden>`), not
# for the theme's hidden controls between blocks.
_HIDING_WORDS = ("hidden", "display", "visibility", "font-size")
_HIDING = re.compile(r"\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0", re.IGNORECASE)
HIDDEN_ELEMENT = re.compile(
    r"<([A-Za-z][\w-]*)\b(?=" + _ATTRS[1:-1] + r">)[^>]*?(?:\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*0)[^>]*>(?:(?!<\1\b).)*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TSPAN = re.compile(r"</?tspan" + NAME_END + _ATTRS + ">", FLAGS)
# The Hangul fillers: default-ignorable (read as nothing, as cleaning reads
# them), but drawn by many fonts as a blank the width of a letter.
_FILLERS = re.compile("[\u115f\u1160\u3164\uffa0]")
# Right-to-left override (U+202E) or <bdo dir="rtl">: characters drawn in
# reverse order. U+202C (pop directional formatting) or a block ends it.
_OVERRIDE_RUN = re.compile("\u202e([^\u202c\n]*)")
_BDO = re.compile(r"<bdo\b[^>]*\bdir\s*=\s*[\"']?rtl[^>]*>(.*?)</bdo\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Piece:
    """One thing a file publishes besides its shown text."""

    kind: str  # "alt", "title", "href", "comment", "script"...
    text: str
    address: bool = False  # a link or file address: its path segments are words


@dataclass
class Extract:
    text: str = ""
    # The shown text of a page's <head> (its <title>), which a browser shows
    # apart from the page (in the tab, a bookmark, a search result), never
    # beside the page's first words: read as a text of its own, so that the
    # theme's header after it reads the same on every page.
    head: str = ""
    # Comments, scripts and styles: the pieces not written in a tag.
    loose: list[Piece] = field(default_factory=list)
    # Each distinct tag's attributes as written (` class="nav" href="/"`),
    # once: the theme repeats the same tags on every page, so what a tag
    # gives is worked out once per build (tag_pieces).
    tags: list[str] = field(default_factory=list)
    # The shown text read other ways a browser may show it: with hidden
    # elements taken out (`Zebe<span hidden>xx</span>dee` shows `Zebedee`),
    # and with text written backwards for a right-to-left override shown
    # the right way round.
    variants: list[str] = field(default_factory=list)
    # A page's text after its head, cut into the regions a browser draws
    # apart (published.regions): the header, the breadcrumbs, <main>, the
    # footer. Joined, they are `text`. Empty: the text is read as one.
    regions: list[str] = field(default_factory=list)

    @property
    def pieces(self) -> list[Piece]:
        """Every piece: the loose ones, then those of each tag."""
        return self.loose + [piece for attrs in self.tags for piece in tag_pieces(attrs)]


def read_markup(markup: str, nested: bool = True, page: bool = False) -> Extract:
    """The shown text and every other published piece of `markup`.

    A few passes of regular expressions that each run whole in C (a page is
    read in well under a millisecond): comments, scripts and styles are
    collected and taken out, block tags become blank lines, `<br>` a line
    break, every other tag nothing; then references are decoded. `page`: an
    HTML page, whose head is read apart (Extract.head) when it is one."""
    pieces: list[Piece] = []  # the loose ones
    # A drawing (an SVG file) is read again as it draws (published.svg_drawn).
    drawn = drawn_text(markup) if not page and nested and "<svg" in markup[:4096].lower() else None
    if "<!--" in markup:
        pieces.extend(Piece("comment", text) for text in _COMMENT.findall(markup) if text.strip())
        markup = _COMMENT.sub("", markup)
    if "<![" in markup:
        markup = _CDATA.sub(lambda match: html.escape(match.group(1), quote=False), markup)
    raw = _RAW_TEXT.findall(markup)
    shown_code = code_shown(markup, _shown) if raw else []
    if raw:
        pieces.extend(Piece(tag.lower(), body) for tag, _attrs, body in raw if body.strip())
        markup = _RAW_TEXT.sub(lambda match: f"<{match.group(1)}{match.group(2)}>", markup)
    tags = [attrs for attrs in set(_START_TAG.findall(markup)) if attrs.strip("\t\n\f\r /")]
    if page and "<h" in markup:
        anchors = heading_anchors(markup, _shown)
        tags = [attrs for attrs in tags if attrs not in anchors] if anchors else tags
    head = ""
    regions: list[str] = []
    # Read as a reader reads it, without the numbers the site puts in an
    # editor's text (published.furniture).
    markup, marked = without_markers(markup)
    end = _head_end(markup) if page else None
    if end is not None:
        head = _shown(markup[:end])
        regions = shown_regions(markup[end:], _shown)
        text = "".join(regions)
    else:
        text = _shown(markup)
    variants = shown_code + _without_explanations(
        markup[end:] if end is not None else markup, end is not None, regions or [text]
    )
    if marked is not None:  # read again without the markers beside digits
        variants.append(_shown(marked[end:] if end is not None else marked))
    lower = markup.lower()
    if _hides_inside_text(lower):
        variants.append(_shown(HIDDEN_ELEMENT.sub("", markup)))
    if "<tspan" in lower:  # a drawing's piece of text, drawn where it says (dx): apart
        variants.append(_shown(_TSPAN.sub(" ", markup)))
    if drawn:
        variants.append(drawn)
    first_seen = as_first_seen(markup) if "<details" in lower else None
    if first_seen is not None:  # closed details: their summaries only
        variants.append(_shown(first_seen))
    if nested and _ESCAPED_MARKUP.search(text):
        # A feed's escaped HTML, now unescaped: read it as markup too. On a
        # page it is text a reader sees as written (`workers<xmp>Zebedee`):
        # that reading is kept too, since taking the tags out can join a
        # word to a name.
        inner = read_markup(text, nested=False)
        variants.append(text)
        regions = []
        text = inner.text
        pieces.extend(inner.loose)
        seen = set(tags)
        tags.extend(attrs for attrs in inner.tags if attrs not in seen)
        variants.extend(inner.variants)
    if _FILLERS.search(text):  # drawn as nothing or as a blank, by font: read both ways
        variants.append(_FILLERS.sub(" ", text))
    if "\u202e" in text or "<bdo" in lower:
        variants.append(_right_way_round(_BDO.sub(lambda m: "\u202e" + m.group(1) + "\u202c", markup)))
    return Extract(
        text=text,
        head=head,
        loose=pieces,
        tags=tags,
        variants=[v for v in variants if v != text],
        regions=regions if len(regions) > 1 else [],
    )


def _without_explanations(markup: str, cut: bool, read: list[str]) -> list[str]:
    """The text once more without the glossary's explanations, where it has
    any: each region that then reads differently (published.furniture)."""
    plain = without_explanations(markup)
    if plain is None:
        return []
    again = shown_regions(plain, _shown) if cut else [_shown(plain)]
    return [region for region in again if region not in read]


def _head_end(markup: str) -> int | None:
    """Where a page's head ends, when the markup has one as a browser reads
    it: a `<head>` tag, then the first `</head>`, with no `<body>` tag
    before it and no text shown but the `<title>`'s (which a browser shows
    apart, in the tab). Anything else (a stray `</head>` among a page's
    words, an SVG's `<body/>`) is read whole, as one text. Comments and
    scripts are already out of `markup`."""
    end = _HEAD_END.search(markup)
    if end is None:
        return None
    region = markup[: end.start()]
    if not _HEAD_START.search(region) or _BODY_TAG.search(region):
        return None
    if _shown(_TITLE.sub("", region)).strip():
        return None
    return end.end()


def _hides_inside_text(lower: str) -> bool:
    """Whether an element that a browser does not show starts right after
    text (`Zebe<span hidden>`): only then can it split or join words.
    `lower`: the markup in lower case."""
    for keyword in _HIDING_WORDS:
        position = lower.find(keyword)
        while position >= 0:
            if _HIDING.match(lower, position - (keyword == "hidden")):
                start = lower.rfind("<", 0, position)
                before = lower[max(0, start - 2) : start]
                if start > 0 and before.strip()[-1:] not in ("", ">"):
                    return True
            position = lower.find(keyword, position + 1)
    return False


def _shown(markup: str) -> str:
    if "<table" in markup or "<TABLE" in markup:
        markup = tables_as_rows(markup, _on_one_line)
    markup = _BLOCK_TAG.sub("\n\n", markup)
    markup = (_LINE_TAG if _TEXT_TAG_START.search(markup) else _BR_TAG).sub("\n", markup)
    return html.unescape(_ANY_TAG.sub("", markup))


def _on_one_line(markup: str) -> str:
    """A table cell's markup with its blocks and line breaks read as spaces (published.table_rows)."""
    return _BR_TAG.sub(" ", _BLOCK_TAG.sub(" ", markup))


def _right_way_round(markup: str) -> str:
    """The shown text with each run after a right-to-left override (up to
    the pop or the end of the block) reversed, as it is drawn."""
    text = _shown(markup)
    return _OVERRIDE_RUN.sub(lambda match: match.group(1)[::-1], text)


@functools.lru_cache(maxsize=16384)
def tag_pieces(attrs: str) -> tuple[Piece, ...]:
    """The pieces of one tag's attributes; the theme repeats the same tags on
    every page, so each distinct attribute text is read once."""
    return tuple(
        Piece(name, value, address=name in URL_ATTRIBUTES)
        for name, value in _attributes(attrs).items()
        if value and not value.isspace()
    )
