"""Words written in a page that a reader is not shown.

An element with the `hidden` attribute, a `<template>`, a closed
`<dialog>`, `<noscript>` (not shown where scripts run), a `<datalist>`, the
options of a `<select>`, and the words inside a `<video>`, `<audio>`,
`<canvas>`, `<object>` or `<iframe>` (shown only by a browser that cannot
play or draw it): none of these is shown, and all of it is published, in the
page's source and to any program that reads it. The redaction checks read
every word, shown or not; words nobody sees that stand between a label and
its value ("Child Q's date of birth:", a paragraph of hidden words, "14 March
2017") put the value out of their reach while a reader sees the two together
(red team round 14: six ways, each published with a passing build).

Read in each page's body as Pelican rendered it (which the built page holds
as it is) and in its Summary: the theme's own hidden controls (the menu, the
display options, the listen button) are not an editor's words.
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


class WordsNotShown(Rule):
    """Flags an element whose words a reader is not shown, written in a
    page: the `hidden` attribute, `<template>`, `<dialog>` (unless `open`),
    `<noscript>`, `<datalist>`, `<select>`, and `<video>`, `<audio>`,
    `<canvas>`, `<object>`, `<iframe>`, `<embed>`, `<noembed>` and
    `<noframes>`.

    ## Why it matters
    Hidden words are still published: anyone who reads the page's source,
    saves it, or searches it gets them. The redaction checks read them
    too, and words nobody sees can stand between a label and what it
    labels: "date of birth:", a paragraph of hidden words, then the date,
    which a reader sees together and the checks then read apart. A video,
    a sound, a frame or a form control also needs files or scripts the
    site does not publish.

    ## Example
        Child Q's date of birth: <span hidden>see the case file</span>

    ## Use instead
    Write only the words a reader should see. For something a reader may
    open, use `<details>` and `<summary>`. Link to a video or a form on its
    own page instead of putting it in the page.

    ## Known limitations
    Read in a page's body and its Summary. The theme's own hidden controls
    (the menu, the display options, the listen button) are not reported.
    """

    code = "HTML005"
    name = "words-not-shown"
    stage = "output"
    waiver = Waiver.NEVER


HINT = "take it out, and write only the words a reader should see"
_NOT_SHOWN = ("template|dialog|noscript|datalist|select|video|audio|canvas|object|iframe|embed|noembed|noframes").split(
    "|"
)
_START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)(" + ATTRS + ")>", FLAGS)
_CODE_SPAN = re.compile(r"(`+).*?\1")


def not_shown(markup: str) -> str:
    """The first element of `markup` whose words are not shown ("hidden"
    for the attribute, else the tag's name), or ""."""
    lower = markup.lower()
    if "hidden" not in lower and not any("<" + name in lower for name in _NOT_SHOWN):
        return ""
    for name, attrs in _START_TAG.findall(markup):
        what = _what(name, attrs)
        if what:
            return what
    return ""


def _what(name: str, attrs: str) -> str:
    name = name.lower()
    if name in _NOT_SHOWN:
        if name == "dialog" and "open" in _attributes(attrs):
            return ""
        return name
    if "hidden" in attrs.lower() and "hidden" in _attributes(attrs):
        return "hidden"
    return ""


def _message(what: str):
    if what == "hidden":
        return say("the page has words hidden from readers (the hidden attribute)")
    return say("the page has <{tag}>, whose words a reader is not shown", tag=known(what))


def check_output(output) -> Iterable[Finding]:
    items = {page.item.path: page.item for page in output.pages.values() if page.item is not None}
    for item in items.values():
        if not item.is_public:
            continue
        summary = item.metadata.get("summary")
        what = not_shown(summary) if isinstance(summary, str) else ""
        if what:
            yield WordsNotShown.at(item.path, item.source.field_line("Summary"), _message(what), HINT)
        if not_shown(item.html):
            yield from _in_markdown(item)


def _in_markdown(item) -> Iterable[Finding]:
    """A finding for each line of the body that writes such an element; the
    body's first line when none can be found (a tag spread over lines)."""
    found = False
    for number, line in body_lines(item.source):
        written = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        for match in _START_TAG.finditer(written):
            what = _what(match.group(1), match.group(2))
            if what:
                found = True
                yield WordsNotShown.at(item.path, number, _message(what), HINT, col=match.start() + 1)
                break
    if not found:
        yield WordsNotShown.at(item.path, item.source.body_start, _message(not_shown(item.html)), HINT)
