"""HTML in a page that a reader may not be shown, or not shown where it is.

A page may use the HTML elements whose words a browser shows, in place, as
the redaction checks read them (SHOWN: paragraphs, lists, tables, links,
emphasis, images, details...). Anything else is refused where an editor
writes it, in the body or in any field of the header:

- an element with the `hidden` attribute, and elements whose words are not
  shown (`<template>`, `<rp>`, `<noscript>`, `<meter>`, a `<select>`'s other
  options, a `<video>`'s words, a MathML annotation, an inline drawing's
  `<defs>`...): they are published all the same, in the page's source and
  to any program that reads it, and words nobody sees that stand between a
  label and its value ("Child Q's date of birth:", hidden words, "14 March
  2017") put the value out of the checks' reach while a reader sees the two
  together (red team rounds 14 and 15);
- elements a browser draws its own way (an unknown `<item>` or `<name>`
  drawn in the line where the checks read a new block, MathML's spaces, an
  inline drawing placing its words where it likes).

A list of what is shown, not of what is not: an element nobody thought of
is refused too. The site's own markup (a chart's drawing, footnotes) is not
an editor's: only elements written in the Markdown source are reported, and
only when the page really has them (an example in code is text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.html_grammar import FLAGS, end_tag, start_tag
from lscb_core.html_model import _attributes
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from ..locate import blank_code_spans
from ..page_fields import fields_as_html

# Elements whose words a browser shows in place, as text among text.
SHOWN = frozenset(
    """
a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup
data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img
ins kbd li main mark nav ol p picture pre q rt ruby s samp section small source span strike strong
sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr
acronym nobr font o:p
""".split()
)


class ElementNotShown(Rule):
    """Flags HTML written in a page (in its text or in a field) that a
    reader may not be shown: an element with the `hidden` or `popover`
    attribute, words inside a table but outside its cells (a browser shows
    them before the table), or any element other than those a browser
    shows in place: `p`, `div`,
    `span`, headings, lists (`ul`, `ol`, `li`, `dl`, `dt`, `dd`), tables,
    `a`, `img`, `picture`, `figure`, `figcaption`, `blockquote`, `pre`,
    `code`, `details` and `summary`, `br`, `hr`, `abbr`, `time`, `ruby` and
    `rt`, and text-level elements such as `em`, `strong`, `b`, `i`, `u`,
    `s`, `mark`, `small`, `sub`, `sup`, `q`, `cite`, `del` and `ins` (and
    the old `acronym`, `nobr`, `font`, `center`, `tt`, `big` and `strike`,
    and Word's empty `<o:p>`).

    ## Why it matters
    Hidden words are still published: anyone who reads the page's source,
    saves it, or searches it gets them. The redaction checks read them
    too, and words nobody sees can stand between a label and what it
    labels: "date of birth:", hidden words, then the date, which a reader
    sees together and the checks then read apart. Other elements
    (`<template>`, `<rp>`, `<meter>`, `<select>`, `<video>`, MathML, a
    drawing written into the page, an element a browser does not know)
    show their words in part, elsewhere, or not at all.

    ## Example
        Child Q's date of birth: <span hidden>see the case file</span>

    ## Use instead
    Write only the words a reader should see, in Markdown. For something
    a reader may open, use `<details>` and `<summary>`. Put a drawing in
    images/ and show it with `![what it shows](images/drawing.svg)`; link
    to a video or a form instead of putting it in the page.

    ## Known limitations
    Read where an editor writes HTML: the page's text and the fields of
    its header. The theme's own hidden controls (the menu, the display
    options, the listen button) and the site's charts are not reported.
    """

    code = "HTML005"
    name = "element-not-shown"
    stage = "output"
    waiver = Waiver.NEVER


HINT = "take it out, and write only the words a reader should see, in Markdown"
# Any start tag: its name in group 1, its attributes in group 2.
_START_TAG = re.compile(start_tag(r"[A-Za-z][^\t\n\f\r />]*+"), FLAGS)
# A tag's name as written in the source (its attributes may run on to the
# next lines).
_TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
# Words inside a table's structure but outside its cells (and caption): a
# browser moves them out, before the table.
_TABLE_TEXT = re.compile(
    "(?:"
    + start_tag("table|tbody|thead|tfoot|tr|colgroup")
    + "|"
    + end_tag("td|th|tr|caption|thead|tbody|tfoot|colgroup")
    + ")"
    r"([^<]*[^<\s][^<]*)(?=<)",
    FLAGS,
)


def not_shown(markup: str) -> list[str]:
    """Each thing in `markup` a reader may not be shown, in order: "hidden"
    for the hidden or popover attribute, "table-text" for words inside a
    table but outside its cells, else the element's name in lower case."""
    if "<" not in markup:
        return []
    found = []
    for name, attrs in _START_TAG.findall(markup):
        lower = name.lower()
        if lower == "style":
            continue  # a style of the page's own: HTML004
        if lower not in SHOWN:
            found.append(lower)
        elif _hides(attrs):
            found.append("hidden")
    if "<table" in markup.lower() and _TABLE_TEXT.search(markup):
        found.append("table-text")
    return found


def _hides(attrs: str) -> bool:
    lower = attrs.lower()
    if "hidden" not in lower and "popover" not in lower:
        return False
    found = _attributes(attrs)
    return "hidden" in found or "popover" in found


def _message(what: str):
    if what == "hidden":
        return say("the page has words hidden from readers (the hidden or popover attribute)")
    if what == "table-text":
        return say("the page has words in a table outside its cells (shown before it)")
    return say("the page has <{tag}>: its words may not be shown, or not where they stand", tag=known(what[:30]))


def check_output(output) -> Iterable[Finding]:
    pages = {page.item.path: page for page in output.pages.values() if page.item is not None}
    for page in pages.values():
        item = page.item
        if not item.is_public:
            continue
        for name, value in fields_as_html(page):
            found = not_shown(value)
            if found:
                line = item.source.field_line(name.capitalize()) or item.source.field_line(name)
                yield ElementNotShown.at(item.path, line or 1, _message(found[0]), HINT)
        yield from _in_body(item)


def _in_body(item) -> Iterable[Finding]:
    """What the rendered body has that a reader may not be shown, at the
    first place its Markdown writes it: an element's tag (those the source
    does not write are the site's own, a chart's drawing), a hidden
    attribute, words in a table outside its cells. Read in the whole body as
    written (a backtick may be no code span, a tag may run over lines); a
    hidden attribute or stray words that cannot be placed (an attribute
    list, `{: popover }`) are reported at the body's first line."""
    found = set(not_shown(item.html))
    if not found:
        return
    source = item.source
    text = source.text
    reported: dict[str, int] = {}  # what -> offset of the first place written
    for read in (blank_code_spans(text), text):  # outside code first; what is left as written
        for match in _TAG_NAME.finditer(read, source.line_offset(source.body_start)):
            name = match.group(1).lower()
            tag = _START_TAG.match(read, match.start())
            what = name if name not in SHOWN else "hidden" if tag is not None and _hides(tag.group(2)) else ""
            if what in found and what not in reported:
                reported[what] = match.start()
    if "table-text" in found:
        stray = _TABLE_TEXT.search(item.html)
        words = " ".join(stray.group(3).split())[:30] if stray else ""
        table = text.lower().find("<table", source.line_offset(source.body_start))
        at = text.find(words, table) if words and table >= 0 else -1
        if at >= 0:
            reported["table-text"] = at
    lines: set[int] = set()  # one finding a line
    for what in sorted(found, key=lambda what: reported.get(what, -1)):
        if what not in reported and what not in ("hidden", "table-text"):
            continue  # an element not written in the source: the site's own (a chart's drawing)
        at = reported.get(what)
        line = text.count("\n", 0, at) + 1 if at is not None else source.body_start
        if line not in lines:
            lines.add(line)
            col = at - text.rfind("\n", 0, at) if at is not None else 1
            yield ElementNotShown.at(item.path, line, _message(what), HINT, col=col)
