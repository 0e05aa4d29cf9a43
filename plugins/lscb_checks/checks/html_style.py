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

Read in each page's body as Pelican rendered it, which the built page holds
as it is, and in each field of its header the page prints as HTML
(page_fields): every style attribute and every <style> element is reported
at the line of the Markdown that wrote it. A class is the theme's when its
style sheets define it; one written in a page's Markdown (in an HTML tag, or
`{: .class }`) is reported at its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.html_grammar import FLAGS, start_tag
from lscb_core.html_model import _attributes
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

from ..locate import blank_code_spans
from ..page_fields import fields_as_html
from ..published.theme_classes import theme_classes


class PageSetsStyle(Rule):
    """Flags a `style` attribute or a `<style>` element in a page, a colour
    or size of its own (`<font color>`, `bgcolor`), and a class of the
    theme's (one its style sheets define, such as `visually-hidden`)
    written in a page's Markdown.

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
    Read in each page's body as Pelican rendered it and in each field of
    its header the page prints as HTML (the Title, the Summary, the Owner);
    the theme's templates are the theme's. A class is reported only when the theme's style sheets define
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

# Any start tag: its name in group 1, its attributes in group 2.
_START_TAG = re.compile(start_tag(r"[A-Za-z][^\t\n\f\r />]*+"), FLAGS)
_STYLE_WORD = re.compile(r"style", FLAGS)
# Written in Markdown: a class attribute's value, and `{: .class #id }`.
_CLASS_ATTRIBUTE = re.compile(r"""(?<![\w-])class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", FLAGS)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_WITH_CLASS = re.compile(r"\{[^{}\n]*\.[-\w]")
_ATTR_LIST_CLASS = re.compile(r"(?:^|\s)\.([-\w]+)")


def styles(markup: str) -> list[str]:
    """What sets a style in `markup`, in order: "style" for a `<style>`
    element, "style=" for a style attribute, "colour" for a colour or a
    size of its own (`<font color>`, `bgcolor`), which no security policy
    switches off."""
    lower = markup.lower()
    if "style" not in lower and "<font" not in lower and "bgcolor" not in lower:
        return []
    found = []
    for name, attrs in _START_TAG.findall(markup):
        what = _sets_style(name, attrs)
        if what:
            found.append(what)
    return found


def _sets_style(name: str, attrs: str) -> str:
    name = name.lower()
    if name == "style":
        return "style"
    lower = attrs.lower()
    if "style" not in lower and "color" not in lower and not (name == "font" and attrs.strip()):
        return ""
    given = _attributes(attrs)
    if "style" in given:
        return "style="
    if "bgcolor" in given or (name == "font" and given.keys() & {"color", "size", "face"}):
        return "colour"
    return ""


_WHAT = {"style": "a <style> element", "style=": "a style attribute", "colour": "a colour or size of its own"}


def check_output(output) -> Iterable[Finding]:
    # The items whose pages are read (in the preview, the one page saved):
    # their bodies and the fields their pages print as HTML are what the
    # built pages hold of an editor's writing; the rest is the theme's.
    pages = {page.item.path: page for page in output.pages.values() if page.item is not None}
    classes = theme_classes(output.root)
    for page in pages.values():
        item = page.item
        if not item.is_public:
            continue
        for field, value in fields_as_html(page):
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
    """A finding at each place the body's Markdown writes a style, read
    whole as written (a backtick may be no code span, a tag may run over
    lines); at the body's first line when none can be placed (an attribute
    list, `{: style="..." }`)."""
    source = item.source
    text = source.text
    start = source.line_offset(source.body_start)
    places = _style_places(blank_code_spans(text), start) or _style_places(text, start)
    if not places:
        yield PageSetsStyle.at(
            item.path, source.body_start, say("the page has {what}", what=known(_WHAT[found[0]])), HINT
        )
        return
    lines = set()
    for at, what in sorted(places):
        line = text.count("\n", 0, at) + 1
        if line not in lines:
            lines.add(line)
            message = say("the page has {what}", what=known(_WHAT[what]))
            yield PageSetsStyle.at(item.path, line, message, HINT, col=at - text.rfind("\n", 0, at))


def _style_places(text: str, start: int) -> list[tuple[int, str]]:
    places = []
    for match in _START_TAG.finditer(text, start):
        what = _sets_style(match.group(1), match.group(2))
        if what:
            places.append((match.start(), what))
    for match in _ATTR_LIST.finditer(text, start):
        if _STYLE_WORD.search(match.group(1)) and "style" in _attributes(" " + match.group(1)):
            places.append((match.start(), "style="))
    return places


def _theme_classes_written(item, classes: frozenset[str]) -> Iterable[Finding]:
    """A class of the theme's written in the body's Markdown (as its value
    reads once its character references are decoded), and on an element of
    the rendered body (not in code, which is shown as text): the site's own
    (a chart's, a footnote's) are not written in the source."""
    text = item.source.text
    if "class" not in text.lower() and not _ATTR_LIST_WITH_CLASS.search(text):
        return  # no class written in the source: those on the page are the site's
    on_elements = _classes_on_elements(item.html)
    body = text[item.source.line_offset(item.source.body_start) :]
    written: dict[str, int] = {}  # a theme's class on an element -> the first line writing it
    for read in (blank_code_spans(body), body):  # outside code first; else as written
        for at, name in _written_classes(read):  # whole: a tag may run over lines
            if name in classes and name in on_elements:
                written.setdefault(name, item.source.body_start + body.count("\n", 0, at))
        if written:
            break
    for name, number in written.items():
        yield PageSetsStyle.at(
            item.path, number, say('class "{name}" is one of the theme\'s', name=known(name)), CLASS_HINT
        )


def _written_classes(text: str) -> list[tuple[int, str]]:
    """(offset, class) of each class written in `text`: in a class
    attribute (its value decoded) and in an attribute list (`.name` or
    `class="name"`)."""
    names = []
    for match in _CLASS_ATTRIBUTE.finditer(text):
        value = html.unescape(match.group(1) or match.group(2) or match.group(3) or "")
        names.extend((match.start(), name) for name in value.split())
    for match in _ATTR_LIST.finditer(text):
        names.extend((match.start(), name) for name in _ATTR_LIST_CLASS.findall(html.unescape(match.group(1))))
    return names


def _classes_on_elements(markup: str) -> set[str]:
    found: set[str] = set()
    for _name, attrs in _START_TAG.findall(markup):
        if "class" in attrs.lower():
            found.update(_attributes(attrs).get("class", "").split())
    return found
