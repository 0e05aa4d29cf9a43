"""A review's address is its pseudonym: /reviews/child-l/, never a name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import file, say
from lscb_core.rules import Rule, Waiver


class ReviewAddressNotPseudonym(Rule):
    """Flags a review whose file name (or `Slug`) does not start with its
    `Child` pseudonym, e.g. `content/reviews/chelsea-dawson.md` for Child L.

    ## Why it matters
    The file name becomes the review's web address, which is shown in the
    review library, on theme pages, in feeds and in the sitemap. A child's
    real name used as the file name would be published on every one of
    those pages, and no check of the text would see it.

    ## Example
        content/reviews/chelsea-dawson.md   (Child: Child L)

    ## Use instead
        content/reviews/child-l.md          (or child-l-2026.md)

    ## Known limitations
    Only the start of the address is compared with the pseudonym; words
    after it (`child-l-overview`) are read by the redaction register only.
    """

    code = "REV011"
    name = "review-address-not-pseudonym"
    waiver = Waiver.NEVER


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def check(site) -> Iterable[Finding]:
    for item in site.of_type("reviews"):
        child = str(item.metadata.get("child") or "").strip()
        slug = str(getattr(item.obj, "slug", "") or "")
        if not child or not slug:
            continue  # a missing Child is the metadata check's finding
        expected = _slug(child)
        if slug == expected or slug.startswith(expected + "-"):
            continue
        line = item.source.field_line("slug") if item.source.field("slug") else 1
        yield ReviewAddressNotPseudonym.at(
            # Both are names of the review's files (Child's value made a file
            # name): masked below reviews/ unless they are pseudonym words.
            item.path,
            line,
            say("the address '{slug}' does not start with '{expected}'", slug=file(slug[:30]), expected=file(expected)),
            say("name the file {expected}.md (the address is made from the file name)", expected=file(expected)),
        )
