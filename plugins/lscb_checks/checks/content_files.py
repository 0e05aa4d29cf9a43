"""Only Markdown is content: a page saved in another format is refused.

Pelican reads only `.md` files as pages (lscb_content.reader leaves it no
other reader), so every check reads every page. A page saved as `.mkd`,
`.markdown`, reStructuredText or HTML in a content folder is then not read
at all: BLD003 names it, so that it is not lost without a word. Any other
file in a content folder is either of a type the site publishes or ATT002
(attachment_types).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.findings import Finding
from lscb_core.quote import file, known, say
from lscb_core.rules import Rule, Waiver


class PageNotMarkdown(Rule):
    """Flags a page in a content folder saved in a format other than
    Markdown ending in `.md`: other Markdown endings (`.markdown`, `.mkd`,
    `.mdown`, `.mkdn`, `.mdwn`, `.mdtxt`, `.mdtext`),
    reStructuredText (`.rst`, `.rest`) and HTML (`.html`, `.htm`, `.xhtml`).

    ## Why it matters
    The checks read Markdown pages. Before this check, a page for children
    saved as `.mkd` was published without its reading age being checked,
    and a guidance page written in reStructuredText was published with no
    owner and no review date. Now such a file is not read at all, and
    without this finding the page would just be missing from the site.

    ## Example
        content/children/who-helps-you.mkd

    ## Use instead
        content/children/who-helps-you.md

    Markdown with another ending only needs renaming. A page written in
    HTML or reStructuredText is written again in Markdown (docs/editing.md,
    "Writing in Markdown") and saved as `.md`.

    ## Known limitations
    Judged by the file's name. The finding is on line 1 of the file. A file
    in a folder that is not a content folder (ARTICLE_PATHS, PAGE_PATHS,
    STATIC_PATHS) is not looked at: nothing there is published. A page
    linked from another page as a file (`[notes](notes.html)`) is ATT002
    instead, at the link.
    """

    code = "BLD003"
    name = "page-not-markdown"
    waiver = Waiver.NEVER


# Markdown by another name: renaming the file is all it takes.
MARKDOWN_SUFFIXES = (".markdown", ".mkd", ".mdown", ".mkdn", ".mdwn", ".mdtxt", ".mdtext")
# Other page formats Pelican (or its plugins) can read.
OTHER_PAGE_SUFFIXES = (".rst", ".rest", ".html", ".htm", ".xhtml")
PAGE_SUFFIXES = MARKDOWN_SUFFIXES + OTHER_PAGE_SUFFIXES


def is_page_format(name: str) -> bool:
    """Whether a file of this name is a page in a format other than .md."""
    return name.lower().endswith(PAGE_SUFFIXES)


def linked_from_reviews(site) -> set[str]:
    """Absolute paths of the files any case review links to, in any state:
    ATT001 judges them, at the link."""
    if "linked_from_reviews" not in site.cache:
        from lscb_core.linked_files import attachment_paths

        site.cache["linked_from_reviews"] = {
            os.path.abspath(path) for item in site.of_type(*REVIEW_TEXT_TYPES) for path in attachment_paths(item, site)
        }
    return site.cache["linked_from_reviews"]


def check(site) -> Iterable[Finding]:
    copied = {os.path.abspath(source) for source, _save_as in site.static_files}
    linked = linked_from_reviews(site)
    for path in site.folder_files:
        name = os.path.basename(path)
        # A linked file is an attachment, not a page: copied as it is and
        # reported by ATT002 at the link, or linked from a review (ATT001).
        if not is_page_format(name) or path in copied or path in linked:
            continue
        suffix = os.path.splitext(name)[1].lower()
        if name.lower().endswith(MARKDOWN_SUFFIXES):
            hint = "rename it to end in .md: the site reads only .md pages"
        else:
            hint = "write it in Markdown and save it as .md (docs/editing.md)"
        yield PageNotMarkdown.at(
            path,
            1,
            say(
                "{name} is not read: {suffix} is not a page format",
                name=file(path, name_only=True),
                suffix=known(suffix),
            ),
            hint,
        )
