"""The same link text going to two different places on one page."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from lscb_core.quote import say
from lscb_core.rules import Rule

from .. import quick
from ..locate import link_positions, written_href

# Links the site writes itself, not the editor: Python-Markdown's "back to
# the text" link after each footnote, one per footnote, all with the same words.
_GENERATED = {"footnote-backref"}


class LinkTextReused(Rule):
    """Flags a link whose text is the same as an earlier link's on the page
    while it goes somewhere else: two links called "referral", one to the
    guidance on making a referral and one to the referral form.

    ## Why it matters
    People who use screen readers often list a page's links, and people who
    use speech recognition say a link's words to follow it ("click
    referral"). When two links have the same words but go to different
    places, neither can tell which is which (WCAG 2.4.4, Link Purpose; and
    3.2.4, Consistent Identification).

    ## Example
        Read the guidance on each [referral](making-a-referral.md) before you
        fill in the [referral](../documents/referral-form.pdf).

    ## Use instead
        Read the [guidance on making a referral](making-a-referral.md) before
        you fill in the [referral form](../documents/referral-form.pdf).

    ## Known limitations
    Words are compared whole, ignoring capitals and spacing: "referral" and
    "the referral" are not the same text. Destinations are compared as
    written, after tidying `./` and `..`: two ways of writing the same
    address (`guidance/` and `guidance/index.html`) count as two places.
    Links of the theme (the menu, the footer) are not compared with the
    page's own; the footnotes' "back to the text" links, which the site
    writes, are left out. The glossary never adds a link with the words of
    one the page already has.
    """

    code = "A11Y012"
    name = "link-text-reused"


def link_words(text: str) -> str:
    """A link's text as compared: spacing and capitals aside."""
    return " ".join(text.split()).casefold()


def destination(href: str) -> str:
    """Where a link goes, as written, with `./` and `a/../` tidied away."""
    written = written_href(href.strip())
    address, _, fragment = written.partition("#")
    if address and "://" not in address and not address.startswith(("mailto:", "tel:")):
        tidy = posixpath.normpath(unquote(address))
        address = tidy + ("/" if address.endswith("/") and tidy != "/" else "")
    return address + ("#" + fragment if fragment else "")


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:23] + "…"


def check(site):
    for item in site.items:
        words = [link_words(text) for _attributes, text in quick.links(item.html)]
        written = [w for w in words if w]
        if len(set(written)) == len(written):
            continue  # no two links with the same words: nothing to compare
        positions = None
        first: dict[str, tuple[str, int]] = {}  # words -> (destination, link index)
        reported: set[tuple[str, str]] = set()
        for index, link in enumerate(item.parsed.links):
            if _GENERATED & set((link.attrs.get("class") or "").split()):
                continue
            text = link_words(link.text)
            if not text:
                continue  # no text at all is A11Y005's
            place = destination(link.href)
            if text not in first:
                first[text] = (place, index)
                continue
            if first[text][0] == place or (text, place) in reported:
                continue
            reported.add((text, place))
            positions = positions or link_positions(item)
            line, col = positions.position(index)
            earlier, _ = positions.position(first[text][1])
            yield LinkTextReused.at(
                item.path,
                line,
                say(
                    'link text "{text}" also goes elsewhere (line {earlier})',
                    text=_short(" ".join(link.text.split())),
                    earlier=earlier,
                ),
                "give each place its own words, e.g. [referral form] and [guidance on referrals]",
                col=col,
            )
