"""Turn the errors Pelican logs about content into findings with a file.

Pelican logs "Could not process <file>" (without saying why, unless DEBUG is
on) or "Skipping <page>: could not find information about 'title'", drops the
page and carries on. Here each becomes a finding naming the file, so an editor
sees it with the other problems and in the same formats.
"""

from __future__ import annotations

import logging
import os
import re

from .findings import Finding
from .rules import Rule, Waiver
from .sources import source_file

_PROPERTY_FIELDS = {"title": "Title", "date": "Date", "content": "the text"}


class ContentUnreadable(Rule):
    """Flags a content file that Pelican could not read, or that lacks a
    field every page must have (`Title`, and `Date` for articles).

    ## Why it matters
    Pelican on its own would drop the page silently and publish the rest of
    the site without it.

    ## Example
        Date: 2026-01-01
        Summary: A page without a title.

    ## Use instead
        Title: Working with schools
        Date: 2026-01-01
        Summary: How the board works with schools.

    ## Known limitations
    The reason is Pelican's own error, which is sometimes technical; the line
    is always 1.
    """

    code = "BLD001"
    name = "content-unreadable"
    waiver = Waiver.NEVER


def _why(settings, relative: str) -> str:
    """Read the file again to learn why Pelican could not."""
    from pelican.readers import Readers

    try:
        Readers(settings).read_file(base_path=settings["PATH"], path=relative)
    except Exception as error:  # the reason is the point
        text = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return f"{type(error).__name__}: {text}" if text else type(error).__name__
    return "unknown error"


def _line_of_quoted_value(path: str, why: str) -> tuple[int, int]:
    """Where the value quoted in an error ('2026-13-01') is in the header."""
    match = re.search(r"'([^']+)'", why)
    if match:
        try:
            source = source_file(path)
        except OSError:
            return 1, 1
        for entry in source.fields:
            if entry.value == match.group(1):
                return entry.line, entry.value_col
    return 1, 1


def to_finding(record: logging.LogRecord, settings) -> Finding | None:
    """A finding for a content error Pelican logged, or None for others."""
    if record.msg == "Could not process %s" and record.args:
        relative = str(record.args[0])
        path = os.path.join(settings["PATH"], relative)
        why = _why(settings, relative)
        line, col = _line_of_quoted_value(path, why)
        return ContentUnreadable.at(
            path, line, f"Pelican could not read this file ({why})"[:79],
            "check the metadata at the top: one 'Name: value' a line, then a blank line", col=col)
    if isinstance(record.msg, str) and record.msg.startswith("Skipping %s: could not find information about"):
        page, prop = record.args[0], str(record.args[1])
        path = getattr(page, "source_path", str(page))
        field = _PROPERTY_FIELDS.get(prop, prop)
        return ContentUnreadable.at(
            path, 1, f"the page has no {field}, so it would be left out",
            f"add '{field}: ...' to the metadata at the top of the file" if field[0].isupper()
            else "add some text below the metadata")
    return None
