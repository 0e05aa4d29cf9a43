"""The header fields a built page holds as HTML.

The theme prints some fields as HTML (the Title, the Summary, the Owner) and
escapes others (an event's Audience, its Cost): "Schools <and> colleges" in
an escaped field is text, not a tag. Only what the page really holds is an
element a reader gets (HTML004 and HTML005 read these)."""

from __future__ import annotations


def fields_as_html(page) -> list[tuple[str, str]]:
    """(name, value) of each field of the page's item that holds a tag and
    that the built page holds as written (not escaped). A field written over
    several lines is a list of its lines (Pelican's reader): its lines are
    read together, and always, since a template may print the list as it
    is, each line quoted (red team round 17: an Owner over two lines)."""
    written = []
    for name, value in page.item.metadata.items():
        if isinstance(value, (list, tuple)) and all(isinstance(line, str) for line in value):
            joined = "\n".join(value)
            if "<" in joined:
                written.append((name, joined, True))
        elif isinstance(value, str) and "<" in value:
            written.append((name, value, False))
    if not written:
        return []
    markup = page.read()
    return [(name, value) for name, value, lines in written if lines or value in markup]
