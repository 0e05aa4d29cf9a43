"""A person's name run together or joined in one token: in a handle or a
hashtag ("@ZebedeeQuinlan2017", "#zebedeequinlan"), a user name
("zebedee_quinlan17") or a web address ("instagram.com/zebedee.quinlan"),
found by its words as lscb_checks.text.name_forms reads them: a forename
and a family name that is not an everyday word, in any case. Not an
organisation's handle ("@LucyFaithfullFdn").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .forenames import fold
from .name_forms import _WORDS, Look, _pair, _strong
from .wordlists import everyday_words

_HANDLE = re.compile(r"[@#]([^\W\d_][\w.]{3,})")
_BEFORE_HANDLE = re.compile(r"[\w@#/&]")
_CAMEL = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# A token whose words are joined by "_", ".", "-" or "/": a user name
# ("zebedee_quinlan17"), a profile address ("instagram.com/zebedee.quinlan").
_JOINED = re.compile(r"[^\W\d_][\w.\-/@]*[_.\-/@][\w.\-/@]*[^\W_]")
_JOINER = re.compile(r"[^\W\d_][_.\-/@]+[^\W_]")
# Abbreviations after a name run together that make it an organisation's
# handle: "@LucyFaithfullFdn".
_ORGANISATION_PARTS = frozenset("fdn fndn fdtn found ltd cic org uk hq official".split())


def run_together(
    text: str, begin: int, stop: int, names: frozenset[str], look: Look | None = None
) -> Iterator[tuple[int, int, str, str]]:
    """A name run together in a handle or a hashtag: "@ZebedeeQuinlan2017",
    "#zebedeequinlan", "@zebedee_quinlan"; and any token whose words are
    joined by "_", ".", "-" or "/": "zebedee_quinlan17", "zebedee-quinlan",
    "instagram.com/zebedee.quinlan", "tiktok.com/@zebedee_quinlan"."""
    found = []
    if "@" in text or "#" in text:
        for handle in _HANDLE.finditer(text, begin, stop):
            if handle.start() and _BEFORE_HANDLE.match(text, handle.start() - 1):
                continue  # an email address, or a "#" inside an address (read below)
            body = handle.group(1)
            term = split_name(body, names)
            if term:
                found.append((handle.start(), handle.end()))
                yield handle.start(), handle.end(), term, "full name"
    look = look or Look(text, begin, stop)
    # Sorted: a set's order changes from run to run, and where two runs
    # overlap ("marco-ippolito" in "github.com/sponsors/marco-ippolito") the
    # first found is kept.
    for piece in sorted(look.pieces):
        if piece.isalpha():
            continue  # nothing joined
        if not (
            "_" in piece or "-" in piece or "/" in piece or "." in piece[:-1] or "@" in piece
        ) or not _JOINER.search(piece):
            continue
        for token in _JOINED.finditer(piece):
            written = token.group(0)
            if "-" in written and not re.search(r"[_./@]", written) and written[:1].isupper():
                continue  # "Zebedee-Quinlan", "Howard-Jones": PII001's (hyphen_joined)
            cut = "/" in written
            if not cut and not _surname_among(written):
                continue  # no family name among its words
            term = split_name(written, names, cut=cut)
            if not term:
                continue
            for match in re.finditer(re.escape(written), text[:stop]):
                if match.start() < begin or any(start <= match.start() < end for start, end in found):
                    continue
                found.append((match.start(), match.end()))
                yield match.start(), match.end(), term, "full name"


def _surname_among(written: str) -> bool:
    """Whether one of the token's words, or of the words run together in
    one of them ("ZebedeeQuinlan"), is a family name that is not an
    everyday word. Judged on the token alone: whether a name is found
    must not depend on what else the text holds (the final gate reads a
    block once with what lies beside it, and skips it after that)."""
    return any(_strong(fold(part)) for word in _WORDS.findall(written) for part in (word, *_CAMEL.findall(word)))


def split_name(run: str, names: frozenset[str], cut: bool = True) -> str | None:
    """ "Zebedee Quinlan" when `run` is a forename and a surname run
    together ("ZebedeeQuinlan", "zebedee_quinlan", "zebedeequinlan2017"),
    else None; with `cut` false, only words apart ("zebedee.quinlan")."""
    parts = [part for piece in re.split(r"[\W_\d]+", run) for part in _CAMEL.findall(piece)]
    for index, (first, second) in enumerate(zip(parts, parts[1:])):
        if _pair(first, second, names):
            if index + 2 < len(parts) and fold(parts[index + 2]) in _organisation_parts():
                return None  # "@LucyFaithfullFdn"
            return f"{first.title()} {second.title()}"
    if not cut:
        return None
    everyday = everyday_words()
    for part in parts:
        folded = part.lower()
        if folded in everyday:
            continue  # a word, not two run together: "victims" is not "Vic Tims"
        for cut_at in range(3, len(folded) - 2):
            # Cut only at a forename of the main list: any cut is a guess.
            if folded[:cut_at] in names and _pair(folded[:cut_at], folded[cut_at:], names):
                return f"{folded[:cut_at].title()} {folded[cut_at:].title()}"
    return None


@functools.lru_cache(maxsize=1)
def _organisation_parts() -> frozenset[str]:
    from .name_words import AFTER_NAME

    return _ORGANISATION_PARTS | AFTER_NAME
