"""Who a PDF's properties and comments name: the values of its properties
that hold a person (Author, Last modified by, Company, XMP creator...) and
the authors of its comments, leaving out placeholders ("User",
"Administrator") and the names the board allows (its site name and
LSCB_PDF_AUTHORS_ALLOWED). Reported by lscb_checks.checks.pdf_attachments
(PDF002).
"""

from __future__ import annotations

import re

from lscb_core.text.normalise import normalise

# Properties that name a person (lower case, letters only).
_INFO_PEOPLE = {"author", "lastmodifiedby", "lastsavedby", "lastauthor", "company", "manager"}
_XMP_PEOPLE = _INFO_PEOPLE | {"creator", "contributor", "owner"}
_PLACEHOLDERS = {
    "",
    "user",
    "windows user",
    "microsoft office user",
    "administrator",
    "admin",
    "owner",
    "unknown",
    "author",
    "default",
    "none",
    "anonymous",
}
_NOT_LETTER = re.compile(r"[^a-z]")


def _people(metadata, allowed: set[str]) -> dict[str, list[str]]:
    """Identifying values -> the properties that hold them."""
    found: dict[str, list[str]] = {}
    for field, value in metadata:
        value = " ".join(str(value).split())
        if _folded(value) in allowed or _folded(value) in _PLACEHOLDERS:
            continue
        if field.startswith("/"):
            identifying = _NOT_LETTER.sub("", field[1:].lower()) in _INFO_PEOPLE
            label = field[1:]
        elif field.startswith("XMP "):
            local = field.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            identifying = _NOT_LETTER.sub("", local.lower()) in _XMP_PEOPLE
            label = field[4:]
        else:
            continue
        if identifying:
            found.setdefault(value, []).append(label)
    return found


def _comment_authors(authors, allowed: set[str]) -> dict[str, int]:
    """Identifying comment authors -> the first page with a comment by them."""
    found: dict[str, int] = {}
    for page, value in authors:
        value = " ".join(str(value).split())
        if _folded(value) not in allowed and _folded(value) not in _PLACEHOLDERS:
            found.setdefault(value, page)
    return found


def _allowed_authors(settings) -> set[str]:
    names = [settings.get("SITENAME", ""), settings.get("SITE_SHORT_NAME", "")]
    names += list(settings.get("LSCB_PDF_AUTHORS_ALLOWED", ()))
    return {_folded(name) for name in names if name}


def _folded(text: str) -> str:
    """As every check compares text (case, accents, look-alike letters)."""
    return normalise(text)
