"""Link text that makes sense on its own, in every content body."""

from __future__ import annotations

import html
import re

from lscb_core.quote import known, say
from lscb_core.rules import Rule

from .. import quick
from ..locate import link_positions

# Link text that says nothing about where the link goes, compared after
# lower-casing and dropping punctuation at the ends.
_UNCLEAR = {
    "click here",
    "click",
    "here",
    "go here",
    "see here",
    "read here",
    "click this link",
    "read more",
    "more",
    "more info",
    "more information",
    "find out more",
    "learn more",
    "see more",
    "this link",
    "link",
    "follow this link",
    "this page",
    "page",
    "web page",
    "this website",
    "website",
    "this site",
    "this",
    "read this",
    "details",
    "info",
    "continue",
    "go",
    "download",
    "view",
    "open",
}
_ENDS = " \t.,:;!?()[]\"'\u2018\u2019\u201c\u201d\u00bb\u00ab\u2192\u2026>-"
_BARE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.IGNORECASE)


class LinkTextUnclear(Rule):
    """Flags a link whose text does not say where it goes ("click here",
    "here", "read more", "more", "this link", "this page", "link"...), or a
    link with no text at all.

    ## Why it matters
    Many people using screen readers list a page's links, or jump from link
    to link, and hear only the link text. Ten links called "here" are
    useless to them (WCAG 2.4.4, Link Purpose).

    ## Example
        To read the guidance, [click here](../guidance/neglect.md).

    ## Use instead
        Read the [guidance on neglect](../guidance/neglect.md).

    ## Known limitations
    Only well-known vague phrases are flagged; text such as "the guidance"
    is unclear when a page has several guidance links, and a reviewer must
    spot that.
    """

    code = "A11Y005"
    name = "link-text-unclear"


class LinkTextBareUrl(Rule):
    """Flags a link whose text is a web address.

    ## Why it matters
    A screen reader reads a web address out character by character, and it
    does not tell anyone what they will find there (WCAG 2.4.4, Link
    Purpose).

    ## Example
        See <https://www.gov.uk/government/publications/working-together-to-safeguard-children--2>.

    ## Use instead
        See [Working Together to Safeguard Children on GOV.UK](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).

    ## Known limitations
    An email address as the text of a `mailto:` link is allowed: people
    need to see it to write to it.
    """

    code = "A11Y006"
    name = "link-text-bare-url"


def _accessible_name(link) -> str:
    label = (link.attrs.get("aria-label") or "").strip()
    return label or link.text


def _unclear(name: str) -> bool:
    folded = " ".join(name.lower().split()).strip(_ENDS)
    return not folded or folded in _UNCLEAR or folded.startswith("click here")


# One aria-label in a tag's attributes, quoted or not.
_ARIA_LABEL = re.compile(r"""\saria-label\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _may_fail(attributes: str, text: str) -> bool:
    """Whether a link, as the quick look sees it, may need a closer look:
    its accessible name (an aria-label, else its text) is unclear or a web
    address, or its aria-label is not one plainly written value."""
    if "aria-label" in attributes.lower():
        labels = _ARIA_LABEL.findall(attributes)
        if len(labels) != 1 or attributes.lower().count("aria-label") != 1:
            return True  # aria-labelledby, two labels, or one written oddly: read it closely
        label = html.unescape(next(value for value in labels[0] if value) if any(labels[0]) else "").strip()
        if label:
            return _unclear(label) or bool(_BARE_URL.match(label))
    return _unclear(text) or bool(_BARE_URL.match(text))


def check(site):
    for item in site.items:
        if not any(_may_fail(attributes, text) for attributes, text in quick.links(item.html)):
            continue
        positions = None
        for index, link in enumerate(item.parsed.links):
            name = _accessible_name(link)
            folded = " ".join(name.lower().split()).strip(_ENDS)
            unclear = _unclear(name)
            bare = not unclear and bool(_BARE_URL.match(name.strip()))
            if not (unclear or bare):
                continue
            positions = positions or link_positions(item)
            line, col = positions.position(index)
            if not folded:
                yield LinkTextUnclear.at(
                    item.path,
                    line,
                    "link has no text",
                    "write link text that says where the link goes, or add alt text to its image",
                    col=col,
                )
            elif unclear:
                phrase = folded if folded in _UNCLEAR else "click here"
                yield LinkTextUnclear.at(
                    item.path,
                    line,
                    say('link text "{phrase}" does not say where it goes', phrase=known(phrase)),
                    "use words that make sense on their own, e.g. [guidance on neglect](...)",
                    col=col,
                )
            else:
                yield LinkTextBareUrl.at(
                    item.path,
                    line,
                    "link text is a web address",
                    "use the name of the page or document as the link text: [name](address)",
                    col=col,
                )
