"""The header fields a built page holds as HTML.

The theme prints some fields as HTML (the Title, the Summary, the Owner) and
escapes others (an event's Audience, its Cost): "Schools <and> colleges" in
an escaped field is text, not a tag. Only what the page really holds is an
element a reader gets (HTML004 and HTML005 read these)."""

from __future__ import annotations


def fields_as_html(page) -> list[tuple[str, str]]:
    """(name, value) of each field of the page's item that holds a tag and
    that the built page holds as written (not escaped)."""
    written = [(name, value) for name, value in page.item.metadata.items() if isinstance(value, str) and "<" in value]
    if not written:
        return []
    markup = page.read()
    return [(name, value) for name, value in written if value in markup]
