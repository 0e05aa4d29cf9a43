"""What a build allows the redaction checks to print: the allowlist, the
board's details, each review's pseudonyms and the people it credits
(Redaction, made once per build by redaction()).

Text the allowlist names, the board's own email address, postal address and
phone numbers (BOARD_EMAIL, BOARD_ADDRESS, CONCERN_CONTACTS,
CONCERN_EMERGENCY, and the numbers and email addresses of
NATIONAL_HELPLINES and CHILDREN_CONTACTS) and a review's declared pseudonyms (its `Pseudonyms`
field) are never reported. Everything else is loaded once per build into
site.cache.

All of these are compared as every check compares text
(lscb_core.text.normalise): case, accents, look-alike letters from other
alphabets, invisible characters and full-width letters do not count. So an
allowlisted name written in a review with a Cyrillic `о`, or an allowlist
entry pasted with one, is still that name and allowed; a name that differs
by any letter once read that way ("Climbier", "Clambie") is another name
and is reported. The detectors read the clean copy of each text (see
lscb_checks.review_scan.scan), so a name is allowed only where the whole detected name lies
inside the allowlisted text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.text.cleaned import Cleaned, clean
from lscb_core.text.normalise import fold, fold_text, normalise
from lscb_reviews.credits import parse as parse_credits

from .allowlist import DEFAULT_ALLOWLIST, Allowlist, allowlist_path, load_allowlist
from .board_details import allowlist_contacts, board_domain, board_keys, identifier_key, is_board_mailbox
from .text.people import People
from .text.review_text import Span

_NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]*>|\S*[/\\]\S*|\S+\.[A-Za-z0-9]{2,5}\b|\{[^}]*\}\S*")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


def _phrase(text: str) -> re.Pattern:
    """A pattern for `text` in fold_text() of clean text, across any spacing
    or line break."""
    words = fold_text(clean(text).text).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


@dataclass
class Redaction:
    """Per build: allowlist, board details and pseudonyms."""

    settings: dict
    allowlist: Allowlist
    patterns: tuple[re.Pattern, ...]
    board_keys: frozenset[str]
    # Normalised BOARD_ADDRESS and BOARD_EMAIL, and the allowlist's postal addresses.
    board_texts: tuple[str, ...] = ()
    reviews: tuple = ()  # the site's reviews, whose pseudonyms listings and feeds show
    # False in the copy REV013 reads a declared pseudonym with: an entry of
    # `Pseudonyms` must not vouch for itself (without_pseudonyms()).
    trust_pseudonyms: bool = True
    _ranges: dict = field(default_factory=dict)
    _pseudonyms: dict = field(default_factory=dict)
    _people: dict = field(default_factory=dict)
    _lower: dict = field(default_factory=dict)
    _clean: dict = field(default_factory=dict)

    def clean(self, text: str) -> Cleaned:
        """clean(text), made once per build for all the PII checks."""
        if text.isascii():
            return clean(text)
        if text not in self._clean:
            self._clean[text] = clean(text)
        return self._clean[text]

    def allowed_ranges(self, span: Span) -> list[tuple[int, int]]:
        """Where allowlisted texts are in `span` (a clean span, see
        lscb_checks.review_scan.scan)."""
        key = (span.path, span.where, span.text)
        if key not in self._ranges:
            folded = fold_text(span.text)
            self._ranges[key] = [match.span() for pattern in self.patterns for match in pattern.finditer(folded)]
        return self._ranges[key]

    def allowed(self, span: Span, start: int, end: int, term: str) -> bool:
        """Inside an allowlisted text, or one of the board's details or part of them."""
        if identifier_key(term) in self.board_keys:
            return True
        if "@" in term and is_board_mailbox(term, board_domain(self.settings)):
            return True  # the board's own shared mailbox (training@...)
        words = normalise(term)
        if words and any(f" {words} " in f" {text} " for text in self.board_texts):
            return True
        return any(low <= start and end <= high for low, high in self.allowed_ranges(span))

    def pseudonyms(self, item) -> frozenset[str]:
        """The review's declared pseudonyms, normalised ("child l", "mother").
        With no item (a listing, a feed, the search index): those of every
        review, since such a page shows several reviews' titles and summaries."""
        if not self.trust_pseudonyms:
            return frozenset()
        if item is None:
            if None not in self._pseudonyms:
                self._pseudonyms[None] = frozenset().union(*(self.pseudonyms(review) for review in self.reviews))
            return self._pseudonyms[None]
        if item.path not in self._pseudonyms:
            self._pseudonyms[item.path] = frozenset(
                declared(item, "Pseudonyms", lambda value: {normalise(v) for v in value.split(",") if normalise(v)})
            )
        return self._pseudonyms[item.path]

    def without_pseudonyms(self) -> Redaction:
        """This redaction trusting no declared pseudonym: how a `Pseudonyms`
        entry is itself judged (lscb_checks.checks.review_pseudonym_names)."""
        return dataclasses.replace(self, trust_pseudonyms=False, _pseudonyms={})

    def is_pseudonym(self, item, text: str) -> bool:
        return normalise(text) in self.pseudonyms(item)

    def in_pseudonym(self, item, word: str) -> bool:
        """Whether `word` is a declared pseudonym or one word of one ("Ava"
        in "Baby Ava")."""
        key = ("words", None if item is None else item.path)
        if key not in self._pseudonyms:
            self._pseudonyms[key] = frozenset(part for name in self.pseudonyms(item) for part in name.split())
        return normalise(word) in self._pseudonyms[key]

    def people(self, item) -> People:
        """The people whose names may be printed (lscb_checks.text.people):
        the board's public people (allowlist entries with a role), and the
        review's credits; with no item (a listing, a feed, the search index),
        the credits of every review."""
        key = None if item is None else item.path
        if key not in self._people:
            public = People.of(entry.text for entry in self.allowlist.entries if entry.role)
            if item is None:
                found = public
                for review in self.reviews:
                    found = found + self.people(review)
            elif getattr(item, "type_key", "") == "reviews":
                credits = declared(item, "Credits", lambda value: {credit.person for credit in parse_credits(value)[0]})
                found = public + People.of(credits)
            else:
                found = public
            self._people[key] = found
        return self._people[key]

    def lower_words(self, item) -> frozenset[str]:
        """Words the item's source writes in lower case somewhere ("will",
        "hope"): a forename that is also one of them is an ordinary word
        there (lscb_checks.checks.pii_name_parts)."""
        if item is None:
            return frozenset()
        if item.path not in self._lower:
            # Not in addresses and file names: "documents/sophie-review.pdf"
            # does not make "Sophie" an ordinary word.
            prose = _NOT_PROSE.sub(" ", item.source.text)
            self._lower[item.path] = frozenset(fold(word) for word in _LOWER_WORD.findall(prose))
        return self._lower[item.path]


def declared(item, name: str, entries) -> set:
    """The entries (`entries(value)`) of a header field that both readers
    read: the checks' reader of the source and Markdown (Pelican's
    metadata; alone when the source has no such field). A line indented by
    fewer than four spaces under a field is part of it to the checks'
    reader, but Markdown ends the header there and publishes the line as the
    page's first text, so that a name on it would vouch for itself."""
    read = entries(str(item.metadata.get(name.lower(), "") or ""))
    field = item.source.field(name)
    return read if field is None else read & entries(field.value)


def redaction(site) -> Redaction:
    """The build's Redaction, made once and kept in site.cache."""
    if "redaction" not in site.cache:
        settings = site.settings
        # A board without public names needs no file; a file named in the
        # settings other than the default must exist.
        configured = settings.get("REDACTION_ALLOWLIST")
        required = bool(configured) and configured != DEFAULT_ALLOWLIST
        allowlist = load_allowlist(allowlist_path(settings), required)
        patterns = tuple(_phrase(entry.text) for entry in allowlist.entries)
        board = tuple(normalise(str(settings[name])) for name in ("BOARD_ADDRESS", "BOARD_EMAIL") if settings.get(name))
        contact_keys, addresses = allowlist_contacts(allowlist.entries)
        site.cache["redaction"] = Redaction(
            settings,
            allowlist,
            patterns,
            board_keys(settings) | contact_keys,
            board + addresses,
            reviews=tuple(site.of_type(*REVIEW_TEXT_TYPES)),
        )
    return site.cache["redaction"]
