"""A page sets its own look: a style attribute, a <style> element, or one of
the theme's classes written in a page.

What a reader sees is decided by the theme's style sheets, in each of the
three text sizes and in high-visibility mode. A style written in a page can
also make words a reader does not see (transparent, off the screen, clipped)
or draw a gap between two words the text runs together, and the checks read
text, not how it is drawn: words a reader never sees could stand between a
label ("date of birth:") and its value, and a name drawn as two words could
be read as one (red team round 13). The site's security policy already
switches inline styles off in a browser that applies it; a feed reader, an
old browser or a copy of the page saved and sent on may not.

Read in each page's body and Summary as Pelican rendered them, which the
built page holds as they are: every style attribute and every <style>
element is reported at the line of the Markdown that wrote it. A class is the theme's when its style sheets define it; one written in
a page's Markdown (in an HTML tag, or `{: .class }`) is reported at its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.html_grammar import ATTRS, FLAGS
from lscb_core.html_model import _attributes
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from ..locate import body_lines
from ..published.theme_classes import theme_classes


class PageSetsStyle(Rule):
    """Flags a `style` attribute or a `<style>` element in a page, and a
    class of the theme's (one its style sheets define, such as
    `visually-hidden`) written in a page's Markdown.

    ## Why it matters
    The theme decides how every page looks, in the three text sizes and in
    high-visibility mode; a style written in a page works against them
    (WCAG 1.4.3, 1.4.12). The site's security policy switches inline styles
    off in browsers, so the page does not look as written there, while a
    feed reader or an old browser may still apply them. A style or a class
    of the theme's can also hide words from a reader, move them off the
    screen, or draw a gap between two words: the redaction checks read the
    words, not how they are drawn, so a hidden word could stand between
    "date of birth:" and the date, or a name could show as two words where
    the checks read one.

    ## Example
        <span style="color: grey">Updated in May.</span>
        <p class="visually-hidden">Notes for the panel</p>

    ## Use instead
    Write the words plainly in Markdown: `**bold**` for the words that matter
    most, a heading for a new part, `|---:|` to align a table's column to
    the right. If the site needs a new look (a box for a warning, say), ask
    the theme's maintainer to add it to the theme for every page.

    ## Known limitations
    Read in each page's body and Summary as Pelican rendered them (the
    built page holds them as they are); the theme's templates are the
    theme's. A class is reported only when the theme's style sheets define
    it (any other class changes nothing a reader sees). SVG drawings in
    images/ may style their shapes and text; their text is read as it is
    written.
    """

    code = "HTML004"
    name = "page-sets-style"
    stage = "output"
    waiver = Waiver.NEVER


HINT = "take it out: the theme sets how pages look, and a style can hide words from the checks"
CLASS_HINT = "take the class out: it is the theme's own, and can hide or move the words"

_START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)(" + ATTRS + ")>", FLAGS)
_STYLE_WORD = re.compile(r"style", FLAGS)
# Written in Markdown: a class attribute's value, and `{: .class #id }`.
_CLASS_ATTRIBUTE = re.compile(r"""(?:^|[\s/"'])class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", FLAGS)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_WITH_CLASS = re.compile(r"\{[^{}\n]*\.[-\w]")
_ATTR_LIST_CLASS = re.compile(r"(?:^|\s)\.([-\w]+)")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def styles(markup: str) -> list[str]:
    """What sets a style in `markup`, in order: "style" for a `<style>`
    element, "style=" for an element with a style attribute."""
    if "style" not in markup.lower():
        return []
    found = []
    for name, attrs in _START_TAG.findall(markup):
        if name.lower() == "style":
            found.append("style")
        elif _STYLE_WORD.search(attrs) and "style" in _attributes(attrs):
            found.append("style=")
    return found


def check_output(output) -> Iterable[Finding]:
    # The items whose pages are read (in the preview, the one page saved):
    # their bodies and Summaries, as Pelican rendered them, are what the
    # built pages hold of an editor's writing; the rest is the theme's.
    items = {page.item.path: page.item for page in output.pages.values() if page.item is not None}
    classes = theme_classes(output.root)
    for item in items.values():
        if not item.is_public:
            continue
        for field, value in item.metadata.items():
            if isinstance(value, str) and "<" in value:
                yield from _in_field(item, field, value, classes)
        found = styles(item.html)
        if found:
            yield from _in_markdown(item, found)
        yield from _theme_classes_written(item, classes)


def _in_field(item, field: str, value: str, classes: frozenset[str]) -> Iterable[Finding]:
    """A field of the header (Summary, Title...), which the theme prints as
    HTML: a style in it, or a theme's class written in its source."""
    line = item.source.field_line(field.capitalize())
    if styles(value):
        yield PageSetsStyle.at(item.path, line, say("the field sets its own style"), HINT)
        return
    written = item.source.field(field.capitalize())
    if written is not None and "class" in written.value.lower():
        for name in sorted(_classes_on_elements(value) & classes):
            yield PageSetsStyle.at(
                item.path, line, say('class "{name}" is one of the theme\'s', name=known(name)), CLASS_HINT
            )
            return


def _in_markdown(item, found: list[str]) -> Iterable[Finding]:
    """One finding for each line of the body that writes a style; the body's
    first line when none can be found (a tag spread over lines)."""
    lines = []
    for number, line in body_lines(item.source):
        written = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        for match in _START_TAG.finditer(written):
            name, attrs = match.group(1), match.group(2)
            if name.lower() == "style" or (_STYLE_WORD.search(attrs) and "style" in _attributes(attrs)):
                lines.append((number, match.start() + 1))
                break
        else:
            for match in _ATTR_LIST.finditer(written):  # `{: style="..." }`
                if _STYLE_WORD.search(match.group(1)) and "style" in _attributes(" " + match.group(1)):
                    lines.append((number, match.start() + 1))
                    break
    if not lines:
        lines = [(item.source.body_start, 1)]
    what = "a <style> element" if found[0] == "style" else "a style attribute"
    for number, col in lines:
        yield PageSetsStyle.at(item.path, number, say("the page has {what}", what=known(what)), HINT, col=col)


def _theme_classes_written(item, classes: frozenset[str]) -> Iterable[Finding]:
    """A class of the theme's written in the body's Markdown (as its value
    reads once its character references are decoded), and on an element of
    the rendered body (not in code, which is shown as text): the site's own
    (a chart's, a footnote's) are not written in the source."""
    text = item.source.text
    if "class" not in text.lower() and not _ATTR_LIST_WITH_CLASS.search(text):
        return  # no class written in the source: those on the page are the site's
    written: dict[str, int] = {}  # a theme's class -> the first line writing it
    for number, line in body_lines(item.source):
        for name in _written_classes(_CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)):
            if name in classes:
                written.setdefault(name, number)
    if not written:
        return
    on_elements = _classes_on_elements(item.html)
    for name, number in written.items():
        if name in on_elements:
            yield PageSetsStyle.at(
                item.path, number, say('class "{name}" is one of the theme\'s', name=known(name)), CLASS_HINT
            )


def _written_classes(line: str) -> list[str]:
    names = []
    for match in _CLASS_ATTRIBUTE.finditer(line):
        names.extend(html.unescape(match.group(1) or match.group(2) or match.group(3) or "").split())
    for match in _ATTR_LIST.finditer(line):
        names.extend(_ATTR_LIST_CLASS.findall(html.unescape(match.group(1))))
    return names


def _classes_on_elements(markup: str) -> set[str]:
    found: set[str] = set()
    for _name, attrs in _START_TAG.findall(markup):
        if "class" in attrs.lower():
            found.update(_attributes(attrs).get("class", "").split())
    return found
