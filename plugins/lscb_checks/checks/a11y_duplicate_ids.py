"""No id is used twice on a built page.

Checked on the built page, not the Markdown body, because the theme's ids
(main-content, contents-heading, summary-heading...) and the body's heading
ids share one page.
"""

from __future__ import annotations

import dataclasses
import posixpath

from lscb_core.quote import known, say
from lscb_core.rules import Rule

from ..page_body import PageBody


class DuplicateId(Rule):
    """Flags an id used by more than one element of a built page, such as a
    heading whose id is the same as one the theme uses.

    ## Why it matters
    Links to `#id`, the "Skip to main content" link, and labels that point
    at an id (aria-labelledby) all go to the first element with that id. A
    second one makes them go to the wrong place, or makes a screen reader
    read the wrong label (WCAG 4.1.1 and 1.3.1).

    ## Example
        ## Main content          (its id, main-content, is the theme's main region)

    ## Use instead
    Reword the heading, or give it its own id:

        ## Main content {: #the-main-content }

    ## Known limitations
    Pages that are not written (drafts on the live site, blocked reviews)
    are not checked.
    """

    code = "A11Y009"
    name = "duplicate-id"
    stage = "output"


def check_output(output):
    theme: dict[str, list] = {}  # id -> [finding, number of pages]
    for rel in sorted(output.pages):
        page = output.pages[rel]
        quick_ids = page.quick[1]
        if len(set(quick_ids)) == len(quick_ids):  # a quick look: no id twice
            continue
        seen: dict[str, int] = {}
        duplicated: dict[str, list[int]] = {}
        for name, line in page.references.ids:
            if name in seen:
                duplicated.setdefault(name, [seen[name]]).append(line)
            else:
                seen[name] = line
        if not duplicated:
            continue
        body = PageBody(page)
        for name, lines in duplicated.items():
            written = [(line, body.id_position(name, line)) for line in lines]
            in_body = [(line, position) for line, position in written if position is not None]
            # An id written in the page's Markdown is its content: masked;
            # one only the theme writes is the theme's.
            written_as = name[:40] if in_body else known(name[:40])
            message = say('id "{name}" is used {count} times on this page', name=written_as, count=len(lines))
            if in_body:
                clash = len(in_body) < len(lines)
                hint = (
                    "the theme uses this id too: reword the heading or give it {: #another-id }"
                    if clash
                    else "give each heading or element its own id, e.g. {: #another-id }"
                )
                for _line, position in in_body[1:] if not clash else in_body:
                    yield DuplicateId.at(page.item.path, position[0], message, hint, col=position[1])
                continue
            if name in theme:
                theme[name][1] += 1
                continue
            theme[name] = [
                DuplicateId.at(
                    posixpath.join("output", rel),
                    lines[1],
                    message,
                    "the theme gives two elements this id: change one in theme/templates",
                ),
                1,
            ]
    for finding, pages in theme.values():
        if pages > 1:
            extra = f" (and {pages - 1} more pages)"
            finding = dataclasses.replace(finding, message=finding.message[: 78 - len(extra)] + extra)
        yield finding
