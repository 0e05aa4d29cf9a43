"""Whether an HTML document or fragment is well formed: the elements a
browser would close or drop in a way the author did not write.

One regular expression walks the markup tag by tag (comments, doctypes and
the text of scripts, styles, titles and textareas are stepped over whole),
and a stack of open elements follows HTML's own rules for end tags that may
be left out (`</p>`, `</li>`, `</td>`, `</tr>`...): time linear in the size
of the page, no tree. It reports three things:

* `block-in-paragraph`: a block (`<div>`, `<table>`, a list...) written
  between `<p>` and `</p>`. A browser ends the paragraph at the block, so
  the `</p>` is left over and becomes an empty paragraph of its own.
  (A block after a `<p>` that is never closed is valid HTML: the paragraph
  simply ends there; it is not reported.)
* `unclosed`: an element whose end tag is missing (`<div>` never closed
  takes in the rest of the page), or that is closed by its parent's end tag
  (`<em>` still open at `</p>`).
* `stray-end`: an end tag with no element open to close (`</div>` once too
  often, `</p>` with no paragraph, `</br>`).

Simplifications: elements inside `<svg>` and `<math>` may close themselves
(`<path/>`) and follow no other rule; misnested inline tags
(`<b><i></b></i>`) are reported as an unclosed `<i>` and a stray `</i>`,
where a browser silently repairs them (it is still invalid).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lscb_core.html_grammar import ATTRS, FLAGS, NAME_END
from lscb_core.html_model import _VOID

# Raw text elements: their content is text up to their own end tag.
_RAW = ("script", "style", "textarea", "title")
# How a browser's tokenizer reads a tag (lscb_core.html_grammar): a name runs to
# white space, "/" or ">"; an end tag may hold anything after its name.
_NAME = r"[a-zA-Z][^\t\n\f\r />]*+"
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (one never ended runs to the end)
    r"|<![^>]*+>|<\?[^>]*+>"  # a doctype, CDATA start, processing instruction
    r"|<(script|style|textarea|title)" + NAME_END + "(" + ATTRS + r")>.*?(</\1" + NAME_END + ATTRS + r">|\Z)"
    r"|<(" + _NAME + ")(" + ATTRS + r")>"
    r"|</(" + _NAME + ")" + ATTRS + ">",
    re.DOTALL | FLAGS,
)

# Start tags that end an open paragraph (HTML's "close a p element").
_CLOSES_P = frozenset(
    """
address article aside blockquote center details dialog dir div dl fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav ol p plaintext pre
search section summary table ul xmp
""".split()
)
# Elements whose end tag may be left out: closed silently by what follows
# them or by their parent's end.
_OPTIONAL_END = frozenset(
    """
html head body p li dt dd option optgroup rt rp rb rtc tr td th thead tbody tfoot colgroup caption
""".split()
)
# HTML's "special" elements: an open one stops the search for an <li>, <dt>
# or <dd> to close (except address, div and p).
_SPECIAL = frozenset(
    """
address applet area article aside base basefont bgsound blockquote body br button caption center
col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset
h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee
menu meta nav noembed noframes noscript object ol p param plaintext pre script search section
select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr
xmp
""".split()
)
_LIST_ITEM_STOP = _SPECIAL - {"address", "div", "p"}
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"})
_BUTTON_SCOPE = _SCOPE | {"button"}
_P = frozenset({"p"})
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = frozenset({"html", "table", "template"})
_TABLE_PARTS = frozenset({"table", "caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td", "th"})
# Start tag -> (open elements it closes, elements that stop the search).
_CLOSES = {
    "li": (frozenset({"li"}), _LIST_ITEM_STOP),
    "dt": (frozenset({"dt", "dd"}), _LIST_ITEM_STOP),
    "dd": (frozenset({"dt", "dd"}), _LIST_ITEM_STOP),
    "td": (frozenset({"td", "th"}), frozenset({"tr"}) | _TABLE_SCOPE),
    "th": (frozenset({"td", "th"}), frozenset({"tr"}) | _TABLE_SCOPE),
    "tr": (frozenset({"tr"}), frozenset({"thead", "tbody", "tfoot"}) | _TABLE_SCOPE),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), _TABLE_SCOPE),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), _TABLE_SCOPE),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), _TABLE_SCOPE),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"}) | _SCOPE),
    "optgroup": (frozenset({"option", "optgroup"}), frozenset({"select", "datalist"}) | _SCOPE),
    "rt": (frozenset({"rt", "rp", "rb"}), frozenset({"ruby", "rtc"}) | _SCOPE),
    "rp": (frozenset({"rt", "rp", "rb"}), frozenset({"ruby", "rtc"}) | _SCOPE),
}
# Every element of HTML, SVG's root and MathML's root: names a check may print.
HTML_ELEMENTS = (
    _SPECIAL
    | _VOID
    | _OPTIONAL_END
    | frozenset(
        """
a abbr audio b bdi bdo canvas cite code data datalist del dfn em i ins kbd label legend map mark
math meter output picture progress q ruby s samp slot small span strong sub sup svg time u var video
""".split()
    )
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FOREIGN = frozenset({"svg", "math"})
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Problem:
    kind: str  # "block-in-paragraph", "unclosed" or "stray-end"
    tag: str  # the element's name, in lower case
    start: int  # offset of the tag in the document (the start tag, or the stray end tag)
    end: int  # offset just after it
    line: int  # line of `start`, from 1
    paragraph_line: int = 0  # block-in-paragraph: the line of its <p>


def problems(markup: str) -> list[Problem]:
    """Every structural problem of `markup`, in document order."""
    tokens = _TOKEN.findall(markup)  # findall: no match objects on a clean page
    # (kind, tag, token, token of the paragraph for block-in-paragraph)
    found: list[tuple[str, str, int, int]] = []
    # Open elements: (name, token, inside <svg> or <math>).
    stack: list[tuple[str, int, bool]] = []
    # The last paragraph a block ended early: (its <p>, the block), until
    # its </p> comes (then the block was inside it) or another <p> opens.
    ended_early: tuple[tuple[str, int, bool], tuple[str, int, bool]] | None = None

    def pop_to(index: int) -> None:
        """Close stack[index] and everything above it; an element above it
        whose end tag may not be left out is reported unclosed."""
        for element in stack[index + 1 :]:
            if _reported_unclosed(element):
                found.append(("unclosed", element[0], element[1], 0))
        del stack[index:]

    def find(names: frozenset[str], stops: frozenset[str]) -> int:
        for index in range(len(stack) - 1, -1, -1):
            tag = stack[index][0]
            if tag in names:
                return index
            if tag in stops:
                return -1
        return -1

    for number, (raw, _raw_attrs, raw_end, start_tag, attrs, end_tag) in enumerate(tokens):
        if start_tag:
            tag = start_tag.lower()
            if (stack and stack[-1][2]) or tag in _FOREIGN:
                if not attrs.endswith("/"):
                    stack.append((tag, number, True))
                continue
            if tag in _CLOSES_P:
                index = find(_P, _BUTTON_SCOPE)
                if index >= 0:
                    ended_early = None if tag == "p" else (stack[index], (tag, number, False))
                    pop_to(index)
                elif tag == "p":
                    ended_early = None
            if tag in _CLOSES:
                names, stops = _CLOSES[tag]
                index = find(names, stops)
                if index >= 0:
                    pop_to(index)
            if tag in _HEADINGS and stack and stack[-1][0] in _HEADINGS:
                heading = stack.pop()  # a heading inside a heading ends it
                found.append(("unclosed", heading[0], heading[1], 0))
            if tag not in _VOID:
                stack.append((tag, number, False))
        elif end_tag:
            tag = end_tag.lower()
            if stack and stack[-1][0] == tag:  # the usual case
                stack.pop()
                continue
            if tag in _TABLE_PARTS:
                stops = _TABLE_SCOPE
            elif tag == "p":
                stops = _BUTTON_SCOPE
            elif tag == "li":
                stops = _LIST_SCOPE
            else:
                stops = _SCOPE
            index = -1 if tag in _VOID else find(frozenset({tag}), stops - {tag})
            if index >= 0:
                pop_to(index)
            elif tag == "p" and ended_early is not None:
                paragraph, block = ended_early
                found.append(("block-in-paragraph", block[0], block[1], paragraph[1]))
                ended_early = None
            elif tag in ("html", "head", "body") and not any(element[0] == tag for element in stack):
                continue  # a fragment's end, or the page's: nothing is lost
            else:
                found.append(("stray-end", tag, number, 0))
        elif raw and not raw_end:  # never closed: the rest of the page is its text
            found.append(("unclosed", raw.lower(), number, 0))
    for element in stack:
        if _reported_unclosed(element):
            found.append(("unclosed", element[0], element[1], 0))
    return _with_places(markup, found) if found else []


def _reported_unclosed(element: tuple[str, int, bool]) -> bool:
    """Whether an element left open is a problem: not when its end tag may
    be left out; inside <svg> or <math>, only the <svg> or <math> itself."""
    if element[2]:
        return element[0] in _FOREIGN
    return element[0] not in _OPTIONAL_END


def _with_places(markup: str, found: list[tuple[str, str, int, int]]) -> list[Problem]:
    """The problems with their offsets and lines: the tokens are found
    again, with their places, only on a page that has a problem."""
    spans = [match.span() for match in _TOKEN.finditer(markup)]
    newlines = [match.start() for match in _NEWLINE.finditer(markup)]
    found.sort(key=lambda problem: problem[2])
    result = []
    for kind, tag, token, paragraph in found:
        start, end = spans[token]
        if kind == "unclosed" and tag in _RAW:
            end = start + len(tag) + 1  # the start tag's name, not the text up to the end
        result.append(
            Problem(
                kind,
                tag,
                start,
                end,
                bisect.bisect_left(newlines, start) + 1,
                bisect.bisect_left(newlines, spans[paragraph][0]) + 1 if kind == "block-in-paragraph" else 0,
            )
        )
    return result
