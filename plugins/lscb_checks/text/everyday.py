"""Everyday English words, to tell a name written in lower case or in
capitals ("brackenfold primary school", "27 MARLPIT LANE") from ordinary
words in the same place ("the feeder primary school", "2 way street").

A word is everyday when it, or the word it is made from by a common ending,
is in the Dale-Chall list of about 3,000 words that textstat ships ("fed",
"feeder" and "feeding" count as "feed"; British spellings as American ones:
"neighbouring" as "neighbor"), when every part of a hyphenated word is, or
when it has the ending of an English adjective or abstract noun ("rural",
"therapeutic", "elective", "outstanding", "catchment"), which names of
places and people rarely have. Callers add the project's own lists (kinds
of setting, roles, agencies).

Without the list (textstat missing) only the endings count: more is read as
a name, nothing less.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re

from lscb_core.text.normalise import fold

# Endings of adjectives and abstract nouns, with the shortest word they are
# trusted in ("-al" in "rural" but not in "Bal").
_ENDINGS = (
    ("ical", 6),
    ("ic", 6),
    ("ics", 6),
    ("al", 5),
    ("ive", 5),
    ("ous", 5),
    ("ary", 6),
    ("ory", 6),
    ("able", 6),
    ("ible", 6),
    ("ful", 6),
    ("less", 6),
    ("ing", 6),
    ("ed", 6),
    ("ist", 6),
    ("ism", 6),
    ("ment", 6),
    ("ness", 6),
    ("tion", 6),
    ("sion", 6),
    ("ity", 6),
    ("ise", 6),
    ("ize", 6),
    ("ised", 7),
    ("ized", 7),
    ("ology", 6),
    ("ologist", 8),
)
# Endings that make a word from another: the word is everyday when its stem is.
_SUFFIXES = ("ies", "es", "s", "ed", "d", "ing", "er", "ers", "est", "ly", "y", "ness", "ment", "ful")
# Words that join the parts of a place's name: "Stratford-upon-Avon", "Hutton-le-Hole".
_PLACE_JOINS = frozenset("upon on le la en in under by super sub cum de".split())
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# British spellings the American list writes otherwise.
_BRITISH = (
    (re.compile(r"our(?=s?$|ed$|ing$|able$|ite$)"), "or"),
    (re.compile(r"tre$"), "ter"),
    (re.compile(r"is(?=e$|ed$|es$|ing$|ation$)"), "iz"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"ll(?=ed$|ing$)"), "l"),
)


@functools.lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of easy words that textstat ships, lower case.

    Read from textstat's folder without importing textstat: importing it
    imports nltk (a third of a second, see readability.py), paid again by
    every process that reads names (the early reader, the final gate's)."""
    spec = importlib.util.find_spec("textstat")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        try:
            with open(os.path.join(folder, "resources", "en", "easy_words.txt"), encoding="utf-8") as handle:
                return frozenset(word.lower() for word in handle.read().split())
        except OSError:
            continue
    return frozenset()


def _forms(word: str):
    """The word, its British spelling written the American way, and the
    stems its common endings leave."""
    seen = {word}
    for pattern, replacement in _BRITISH:
        seen.add(pattern.sub(replacement, word))
    for form in list(seen):
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= (2 if len(suffix) > 1 else 4):
                stem = form[: -len(suffix)]
                seen.update((stem, stem + "e") if suffix != "y" else (stem,))
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    seen.add(stem[:-1])  # "running" -> "run"
    return seen


def everyday(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether `word` is an everyday English word (or one of `extra`, lower
    case), rather than a name."""
    folded = _POSSESSIVE.sub("", fold(word))
    if not folded:
        return True
    if "-" in folded:
        # "weight-loss", "fee-paying", "out-of-area": a compound of everyday
        # words; "stratford-upon-avon" is a place.
        parts = [part for part in folded.split("-") if part]
        if any(part in _PLACE_JOINS for part in parts):
            return False
        return 2 * sum(everyday(part, extra) for part in parts) >= len(parts)
    if folded in extra:
        return True
    if any(folded.endswith(ending) and len(folded) >= shortest for ending, shortest in _ENDINGS):
        return True
    easy = easy_words()
    return any(form in easy or form in extra for form in _forms(folded))
