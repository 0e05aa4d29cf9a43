"""Text that an item's declared people cannot touch, read once for every
such item.

A review's page is read in the review's own scope (detect.scope_of): its
`Pseudonyms` and `Credits` change what the detectors find there. So the
theme's text on it (some 250 blocks: menus, buttons, every attribute) was
read again on every review, where every other page reads it once per build:
about a third of the gate's time on a site with 100 reviews.

What a declaration changes, and how (checks/pii_*.py, text/full_names.py):

* a declared pseudonym or credit only takes findings away (is_pseudonym,
  in_pseudonym, People.covers and has_word, the initials of a credit, a
  forename the item's source also writes in lower case), except that
* a pseudonym makes a finding where the whole of it stands in a row beside
  a date (pii_dob's family rows), and a pseudonym or a credit changes where
  the name readers read on (a name ends before a pseudonym; a credit's
  words are skipped), which needs every word of that pseudonym, or a word
  of that credit, in the text.

So the answer on a text that holds no declared pseudonym whole and no word
of a credit is the answer on it for an item of the same type that declares
nobody (`Bare.item`), less the findings a declaration takes away: a block
read clean there is clean for every such item. `Bare.untouched` decides it
conservatively: each word of a pseudonym (and of a credit) is looked for
anywhere in the text, inside other words too, in the text folded as the
names are ("Child A" touches a text with "child" and "a" anywhere in it).
What it finds touched is read in the item's own scope, as before. A
block with a finding as the bare item is read again as the item itself.
tests/test_untouched.py reads texts both ways and fails if an item finds
anything on an untouched text that the bare item does not.
"""

from __future__ import annotations

import re

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.text.normalise import fold, normalise

from . import read_before
from .detect import scope_of

_PARTS = re.compile(r"[^\W\d_]+|\d+")


class _Source:
    text = ""

    def field(self, name: str):
        return None


class BareItem:
    """An item of a given type that declares nobody, as the detectors ask
    about it."""

    metadata: dict = {}
    source = _Source()

    def __init__(self, type_key: str) -> None:
        self.type_key = type_key
        self.path = f"(any {type_key} that declares nobody)"


def _parts(text: str) -> list[str]:
    return _PARTS.findall(text)


class Bare:
    """For the items read in a scope of their own: the item of the same type
    that declares nobody, its scope, and what in a text touches the item."""

    def __init__(self, redaction) -> None:
        self.redaction = redaction
        self._of: dict[str, tuple] = {}

    def of(self, item) -> tuple[BareItem, str] | None:
        """(the bare item, its scope) for an item read in a scope of its own;
        None for any other."""
        if item is None or scope_of(item) in (None, "item"):
            return None
        return self._marks(item)[:2]

    def untouched(self, item, shown: str) -> bool:
        """Whether `shown` (a text as the detectors read it) holds no word of
        a credit of `item` and no whole pseudonym of it (each word anywhere)."""
        _bare, _scope, phrases, credit_parts = self._marks(item)
        if not phrases and not credit_parts:
            return True
        probe = "\0".join((shown.casefold(), fold(shown), normalise(shown)))
        if any(part in probe for part in credit_parts):
            return False
        return not any(all(part in probe for part in phrase) for phrase in phrases)

    def _marks(self, item) -> tuple:
        if item.path not in self._of:
            bare = BareItem(item.type_key if item.type_key in REVIEW_TEXT_TYPES else "pages")
            scope = read_before.scope(bare, scope_of(bare), "")
            phrases = [tuple(_parts(phrase)) for phrase in self.redaction.pseudonyms(item)]
            public = set(self.redaction.people(bare).names)
            credit_parts = {
                part
                for name in self.redaction.people(item).names
                if name not in public
                for word in name
                for part in _parts(word)
            }
            self._of[item.path] = (bare, scope, [phrase for phrase in phrases if phrase], credit_parts)
        return self._of[item.path]
