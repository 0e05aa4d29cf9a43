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
from lscb_core.html_grammar import ATTRS, FLAGS
from lscb_core.html_model import _attributes
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from ..locate import body_lines

# Elements whose words a browser shows in place, as text among text.
SHOWN = frozenset(
    """
a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup
data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img
ins kbd li main mark nav ol p picture pre q rt ruby s samp section small source span strike strong
sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr
""".split()
)


class ElementNotShown(Rule):
    """Flags HTML written in a page (in its text or in a field) that a
    reader may not be shown: an element with the `hidden` attribute, or
    any element other than those a browser shows in place: `p`, `div`,
    `span`, headings, lists (`ul`, `ol`, `li`, `dl`, `dt`, `dd`), tables,
    `a`, `img`, `picture`, `figure`, `figcaption`, `blockquote`, `pre`,
    `code`, `details` and `summary`, `br`, `hr`, `abbr`, `time`, `ruby` and
    `rt`, and text-level elements such as `em`, `strong`, `b`, `i`, `u`,
    `s`, `mark`, `small`, `sub`, `sup`, `q`, `cite`, `del` and `ins`.

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
_START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)(" + ATTRS + ")>", FLAGS)
# A tag's name as written in the source (its attributes may run on to the
# next lines).
_TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def not_shown(markup: str) -> list[str]:
    """Each element of `markup` a reader may not be shown, in order:
    "hidden" for the attribute, else the tag's name in lower case."""
    if "<" not in markup:
        return []
    found = []
    for name, attrs in _START_TAG.findall(markup):
        lower = name.lower()
        if lower == "style":
            continue  # a style of the page's own: HTML004
        if lower not in SHOWN:
            found.append(lower)
        elif "hidden" in attrs.lower() and "hidden" in _attributes(attrs):
            found.append("hidden")
    return found


def _message(what: str):
    if what == "hidden":
        return say("the page has words hidden from readers (the hidden attribute)")
    return say("the page has <{tag}>: its words may not be shown, or not where they stand", tag=known(what[:30]))


def check_output(output) -> Iterable[Finding]:
    items = {page.item.path: page.item for page in output.pages.values() if page.item is not None}
    for item in items.values():
        if not item.is_public:
            continue
        for name, value in item.metadata.items():
            found = not_shown(value) if isinstance(value, str) else []
            if found:
                line = item.source.field_line(name.capitalize()) or item.source.field_line(name)
                yield ElementNotShown.at(item.path, line or 1, _message(found[0]), HINT)
        yield from _in_body(item)


def _in_body(item) -> Iterable[Finding]:
    """The elements written in the body's Markdown that the rendered body
    has (the site's own, a chart's drawing, are not written there), each
    at the first line that writes it; a hidden attribute at the line of its
    tag."""
    html = item.html
    found = set(not_shown(html))
    if not found:
        return
    reported: set[str] = set()
    for number, line in body_lines(item.source):
        if "<" not in line:
            continue
        written = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        for match in _TAG_NAME.finditer(written):
            name = match.group(1).lower()
            if name == "style":
                continue
            tag = _START_TAG.match(written, match.start())
            hidden = tag is not None and name in SHOWN and "hidden" in _attributes(tag.group(2))
            what = "hidden" if hidden else name
            if what in found and (what == "hidden" or what not in reported):
                reported.add(what)
                yield ElementNotShown.at(item.path, number, _message(what), HINT, col=match.start() + 1)
                break  # one finding a line
    if "hidden" in found and "hidden" not in reported:
        # A hidden attribute on a tag written over several lines.
        yield ElementNotShown.at(item.path, item.source.body_start, _message("hidden"), HINT)
