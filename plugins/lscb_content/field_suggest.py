"""The known field an editor most probably meant by a field name the
schema (lscb_content.schema) does not know: "did you mean" in META001."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .schema import TYPES, fields_of, squash

# Names editors know from elsewhere, and the field that does that job here.
ALIASES = {
    "author": ("Owner", "Credits"),
    "authors": ("Owner", "Credits"),
    "credit": ("Credits",),
    "tags": ("Themes",),
    "tag": ("Themes",),
    "theme": ("Themes",),
    "pseudonym": ("Pseudonyms",),
    "description": ("Summary",),
    "venue": ("Location",),
    "price": ("Cost",),
}


@dataclass(frozen=True)
class Suggestion:
    name: str  # the known field the editor probably meant
    how: str  # "spelling" (case, spaces, - or _ only), "close" or "other-type"


def suggest(written: str, type_key: str) -> Suggestion | None:
    """The known field an unknown name most probably means."""
    known = fields_of(type_key)
    squashed = {squash(name): name for name in known}
    key = squash(written)
    if key in squashed:
        return Suggestion(squashed[key], "spelling")
    for alias in ALIASES.get(key, ()):
        if alias in known:
            return Suggestion(alias, "close")
    close = difflib.get_close_matches(key, squashed, n=1, cutoff=0.75)
    if close:
        return Suggestion(squashed[close[0]], "close")
    for other in TYPES:
        for name in fields_of(other):
            if squash(name) == key:
                return Suggestion(name, "other-type")
    return None
