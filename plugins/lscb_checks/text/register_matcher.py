"""Finding the terms of redaction registers (lscb_checks.text.register) in
the normalised words of a text: one Matcher serves a whole build
(lscb_checks.checks.redaction_register and the final gate).
"""

from __future__ import annotations

from .register import Hasher


class Matcher:
    """Finds register terms in lists of normalised words.

    Each distinct word is hashed once (is it a term's first word? is it a
    term run together?); a run of words is hashed only from a word that
    starts a term. One Matcher serves a whole build."""

    def __init__(self, hasher: Hasher, entries: set[bytes], max_words: int):
        self.hasher = hasher
        self.entries = entries
        self.max_words = max_words
        self._seen: set[str] = set()  # distinct words already hashed
        self._starts: set[str] = set()  # words that start a term
        self._joined: set[str] = set()  # words that are a term run together
        self._phrases: dict[str, bool] = {}

    def _learn(self, word: str) -> None:
        self._seen.add(word)
        if self.hasher.first(word) in self.entries:
            self._starts.add(word)
        if not word.isdigit() and self.hasher.joined(word) in self.entries:
            self._joined.add(word)

    def _phrase(self, phrase: str) -> bool:
        hit = self._phrases.get(phrase)
        if hit is None:
            hit = self._phrases[phrase] = self.hasher.phrase(phrase) in self.entries
        return hit

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        """(index of the first word, number of words) of each term found,
        the longest where terms overlap."""
        for word in set(words).difference(self._seen):
            self._learn(word)
        if self._starts.isdisjoint(words) and self._joined.isdisjoint(words):
            return []  # most texts: no word that could begin a term
        found: list[tuple[int, int]] = []
        covered = 0
        count = len(words)
        hot = self._starts | self._joined
        for index in [i for i, word in enumerate(words) if word in hot]:
            word = words[index]
            starts = word in self._starts
            best = 1 if word in self._joined else 0
            if starts:
                phrase = word
                for length in range(1, min(self.max_words, count - index) + 1):
                    if length > 1:
                        phrase = f"{phrase} {words[index + length - 1]}"
                    if self._phrase(phrase):
                        best = max(best, length)
            if best and index + best > covered:
                found.append((index, best))
                covered = index + best
        return found
