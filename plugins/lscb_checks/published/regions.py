"""A built page's text, in the regions a browser draws apart.

The theme writes every page as a header (the board's name, the menus, the
display options, the concern banner), the breadcrumbs, the page's own
content in `<main>`, and a footer. A browser draws each as a region of its
own, and a screen reader announces each; words never run on from one into
the next. The final gate reads each region as a text of its own
(`read_markup` with `page`), as it already reads the page's `<head>`: no
detector then reads from one region into the next, and the header and the
footer, the same on every page, are read once per build instead of once
per page with the page's first and last words beside them.

Only the theme decides where a region ends: the first `</header>` before
the first `<main>` (the site's header; nothing an editor writes comes
before it), that `<main>`, and the last `</main>` (everything an editor
writes in a page's content is inside it). A `<main>`, `</main>` or
`</header>` written in the content is never first or last, and so cuts
nothing: an editor cannot cut their own words apart with a tag
(tests/test_published_regions.py). A page without a `<main>` is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lscb_core.html_grammar import FLAGS, end_tag, start_tag

_HEADER_END = re.compile(end_tag("header"), FLAGS)
_MAIN_START = re.compile(start_tag("main"), FLAGS)
_MAIN_END = re.compile(end_tag("main"), FLAGS)
# Marks a cut while the markup is read as shown text; a page that holds it
# already is read whole.
_CUT = "\x00"


def cuts(markup: str) -> list[int]:
    """Where each region after the first starts in a page's body markup
    (comments and scripts already out): after the site's header, at the
    first `<main>`, after the last `</main>`. None without a `<main>` and
    its end."""
    main = _MAIN_START.search(markup)
    if main is None:
        return []
    ends = [found.end() for found in _MAIN_END.finditer(markup, main.end())]
    if not ends:
        return []
    header = _HEADER_END.search(markup, 0, main.start())
    return ([header.end()] if header else []) + [main.start(), ends[-1]]


def shown_regions(markup: str, shown: Callable[[str], str]) -> list[str]:
    """`shown(markup)` cut into the page's regions: joined, they are exactly
    what `shown` gives for the whole markup (otherwise it is one region)."""
    places = cuts(markup)
    if not places or _CUT in markup:
        return [shown(markup)]
    pieces = [markup[start:end] for start, end in zip([0, *places], [*places, len(markup)])]
    regions = shown(_CUT.join(pieces)).split(_CUT)
    if len(regions) != len(pieces):
        return [shown(markup)]
    return regions
