"""People a page may name: a review's credits and the board's public people.

Two declarations make a person's name public (docs/publishing-reviews.md):

* a review's `Credits` field (lscb_reviews.credits): the independent author,
  the chairs, the business manager, as the report prints them; accepted in
  that review and its attachments (and in listings, feeds and the search
  index, which show several reviews at once);
* an entry of redaction-allowlist.toml with a `role`: the board's public
  people and its partners' leads; accepted on every page.

A declared person is accepted with or without a title ("Dr", "Professor
Dame") and post-nominals ("MSc", "BA (Hons)": they are not part of the
name), as a title and the surname ("Dr Arkwright"), and as any one word of
the name alone ("Tobias", "Arkwright's"). A declared name followed by a
role, on the next line or after a comma ("Daniel Okonjo" then "Business
Manager" in a signature block), is that person: the detectors skip the
declared words and read on from the word after them, so a second name
written straight after a declared one is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lscb_reviews.credits import TITLES, person_words

from .forenames import fold

# Between a title and a name: spaces, or a full stop and spaces ("Dr. Okafor").
_TITLE_GAP = re.compile(r"\.?[ \t\u00a0]+")


def _bare(word: str) -> str:
    """A word folded, without a possessive 's: "Arkwright's" -> "arkwright"."""
    if len(word) > 3 and word[-2:] in ("'s", "’s"):
        word = word[:-2]
    return fold(word)


@dataclass(frozen=True)
class People:
    """Declared people: the folded words of each one's own name."""

    names: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, names: Iterable[str | tuple[str, ...]]) -> People:
        """From names as written ("Dr Ruth Ashby MSc") or their words."""
        found = []
        for name in names:
            written = person_words(name) if isinstance(name, str) else name
            folded = tuple(fold(word) for word in written if fold(word))
            if folded and folded not in found:
                found.append(folded)
        return cls(tuple(found))

    def __bool__(self) -> bool:
        return bool(self.names)

    def __add__(self, other: People) -> People:
        return People(self.names + tuple(name for name in other.names if name not in self.names))

    @property
    def words(self) -> frozenset[str]:
        return frozenset(word for name in self.names for word in name)

    def has_word(self, word: str) -> bool:
        """Whether `word` (possessive or not) is one word of a declared name."""
        return _bare(word) in self.words

    def covers(self, term: str) -> bool:
        """Whether every word of `term` (titles aside) is a word of one
        declared name: "Dr Arkwright", "Tobias", "Tobias Arkwright's"."""
        written = [_bare(word) for word in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", term)]
        written = [word for word in written if word not in TITLES]
        return bool(written) and any(set(written) <= set(name) for name in self.names)

    def name_at(self, words, index: int) -> int | None:
        """Index of the last word of a declared name written at
        words[index] (a lscb_checks.review_scan.Words): its words in order,
        after any titles, or titles and the surname alone ("Dr Arkwright");
        None when no declared name starts there."""
        if not self.names:
            return None
        position = index
        titled = False
        while (
            position < len(words)
            and words.word(position).casefold() in TITLES
            and position + 1 < len(words)
            and (words.joined(position, position + 1) or _TITLE_GAP.fullmatch(words.gap(position, position + 1)))
        ):
            position += 1
            titled = True
        if position >= len(words):
            return None
        best = None
        for name in self.names:
            last = self._match(words, position, name)
            if last is not None and (best is None or last > best):
                best = last
            if titled and _bare(words.word(position)) == name[-1]:
                best = max(best or position, position)  # "Dr Arkwright"
        return best

    @staticmethod
    def _match(words, start: int, name: tuple[str, ...]) -> int | None:
        if start + len(name) > len(words):
            return None
        for offset, part in enumerate(name):
            at = start + offset
            if offset and not words.joined(at - 1, at):
                return None
            word = words.word(at)
            if _bare(word) != part:
                return None
            if offset < len(name) - 1 and _bare(word) != fold(word):
                return None  # a possessive ends the name
        return start + len(name) - 1
