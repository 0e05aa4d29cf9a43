"""Markdown extension applied to every content file as it is read.

- Relative links and images (`images/genogram.jpg`, `other-page.md`) work the
  way editors expect: relative to the Markdown file. They become Pelican's
  `{static}` and `{filename}` links, so the linked file is published with the
  page, and only when the page is.
- Guidance pages get numbered paragraphs (`<p id="para-12">`), so that
  professionals can cite and link to "paragraph 12". Raw HTML blocks and
  comments are not paragraphs; a paragraph with its own id keeps it, and
  its number's marker carries the `para-12` anchor.
- Tables scroll sideways inside their own focusable region on small screens.
- Level-2 headings are collected (by the reader) for the contents list.

Working on the Markdown tree costs almost nothing per page, unlike parsing the
rendered HTML again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .no_inline_styles import AlignmentClasses

_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\{|\?|\|)")
_PAGE_SOURCE = re.compile(r"\.(?:md|markdown|mdown|html?)$", re.IGNORECASE)


def pelican_link(url: str) -> str:
    """`images/a.jpg` -> `{static}images/a.jpg`; `x.md#y` -> `{filename}x.md#y`."""
    if not url or _ABSOLUTE.match(url):
        return url
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "." not in path.rsplit("/", 1)[-1]:
        return url  # a folder or page address such as ../reviews/, not a file
    if _PAGE_SOURCE.search(path):
        return "{filename}" + url
    return "{static}" + url


class RelativeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None:
                    element.set(attribute, pelican_link(value))


class ScrollableTables(Treeprocessor):
    """Wrap each table in a region that scrolls sideways on its own, so a wide
    table never makes the whole page scroll at 320 CSS pixels (WCAG 1.4.10).
    The region can take keyboard focus, so it can be scrolled without a mouse."""

    def run(self, root: etree.Element) -> None:
        number = 0
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "table":
                    continue
                number += 1
                wrapper = etree.Element(
                    "div",
                    {
                        "class": "table-scroll",
                        "role": "region",
                        "tabindex": "0",
                        "aria-label": f"Table {number}",
                    },
                )
                wrapper.tail, child.tail = child.tail, None
                parent.remove(child)
                wrapper.append(child)
                parent.insert(index, wrapper)


class NumberedParagraphs(Treeprocessor):
    """Number the body's top-level paragraphs: <p id="para-N"><span>N.</span>.

    Only paragraphs are numbered: a raw HTML block or an HTML comment (an
    editor's note, a waiver) is not a paragraph, though Markdown holds it in
    one until it is written out; numbered, it would stay inside a `<p>`
    (a table or a div inside a paragraph is not valid HTML) and take a
    number readers never see. A paragraph with its own id (`{: #id }`) keeps
    it; its number's marker then carries the `para-N` anchor."""

    def run(self, root: etree.Element) -> None:
        number = 0
        for element in list(root):
            if element.tag != "p" or _only_an_image(element) or _raw_html_block(self.md, element):
                continue
            number += 1
            marker = etree.Element("span", {"class": "para-number"})
            marker.text = f"{number}."
            marker.tail = " " + (element.text or "")
            element.text = None
            element.insert(0, marker)
            anchor = f"para-{number}"
            if element.get("id"):
                marker.set("id", anchor)
            else:
                element.set("id", anchor)
            element.set("class", (element.get("class", "") + " numbered").strip())


def _raw_html_block(md, paragraph: etree.Element) -> bool:
    """Whether `paragraph` only holds a raw HTML block or a comment: the
    placeholder that Markdown's RawHtmlPostprocessor writes out unwrapped."""
    if len(paragraph) or paragraph.text is None:
        return False
    match = HTML_PLACEHOLDER_RE.fullmatch(paragraph.text)
    if match is None:
        return False
    stash = md.htmlStash
    key = int(match.group(1))
    if key >= stash.html_counter:
        return False
    return md.postprocessors["raw_html"].isblocklevel(str(stash.rawHtmlBlocks[key]))


def _only_an_image(paragraph: etree.Element) -> bool:
    children = list(paragraph)
    return (
        len(children) == 1
        and children[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (children[0].tail or "").strip()
    )


class LscbExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "numbered_paragraphs": [False, "Number the top-level paragraphs"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Priorities below 20 run after inline markup (links, images) exists
        # and before the footnotes block is appended (which has priority 50
        # but appends at the end: its paragraphs are not top-level).
        md.treeprocessors.register(RelativeLinks(md), "lscb_relative_links", 15)
        md.treeprocessors.register(ScrollableTables(md), "lscb_scrollable_tables", 13)
        # The Content-Security-Policy allows no style attributes.
        md.treeprocessors.register(AlignmentClasses(md), "lscb_alignment_classes", 12)
        if self.getConfig("numbered_paragraphs"):
            # After attr_list (8), so that a paragraph's `{: #id }` is read
            # before its number's anchor is placed; before abbr (7).
            md.treeprocessors.register(NumberedParagraphs(md), "lscb_numbered_paragraphs", 7.5)


def makeExtension(**kwargs):
    return LscbExtension(**kwargs)
