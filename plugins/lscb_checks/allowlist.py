"""What the redaction checks (PII001-PII013) share: the site's allowlist of
public names, the board's own contact details, each review's pseudonyms, and
the loop over everything a review publishes.

The allowlist is a TOML file at the project root (setting
REDACTION_ALLOWLIST, default "redaction-allowlist.toml"; a relative path is
read from the folder that holds the content folder). Without the file there
is no allowlist; a file named in the settings other than the default must
exist. Each entry names a public piece of text that may appear in any
review, and why:

    [[allow]]
    text = "Victoria Climbié"
    reason = "Named in the Victoria Climbié Inquiry report (2003)"

An entry with a `role` is one of the board's public people (its independent
chair or scrutineer, a partner's lead named in the annual report):

    [[allow]]
    text = "Alan Whitcombe"
    role = "independent chair of the board"
    reason = "Named as the board's chair on its website and in its annual reports"

A public person is accepted as a review's credits are (lscb_checks.text.
people): with or without a title and post-nominals, the forename or the
surname alone, and followed by a role ("Alan Whitcombe" then "Independent
Chair" on the next line), on every page.

Text the allowlist names, the board's own email address, postal address and
phone numbers (BOARD_EMAIL, BOARD_ADDRESS, CONCERN_CONTACTS,
CONCERN_EMERGENCY, and the numbers and email addresses of
NATIONAL_HELPLINES) and a review's declared pseudonyms (its `Pseudonyms`
field) are never reported. Everything else is loaded once per build into
site.cache.

An allowlist entry that is a public contact detail of an organisation (a
helpline's email address, a partner agency's office address, switchboard
or shared mailbox) is compared the way the board's own details are: an
email address in any case, a phone number by its digits however it is
spaced, a postcode without its space, and a street address found anywhere
inside an allowlisted postal address (an entry with a postcode): "14
Market Street" is allowed by the entry "Business Unit, Floor 2, Civic
Centre, 14 Market Street, Northbridge NS2 1QT", written on one line or
several.

All of these are compared as every check compares text
(lscb_core.text.normalise): case, accents, look-alike letters from other
alphabets, invisible characters and full-width letters do not count. So an
allowlisted name written in a review with a Cyrillic `о`, or an allowlist
entry pasted with one, is still that name and allowed; a name that differs
by any letter once read that way ("Climbier", "Clambie") is another name
and is reported. The detectors read the clean copy of each text (see
scan()), so a name is allowed only where the whole detected name lies
inside the allowlisted text.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lscb_core.findings import Finding, cut_words
from lscb_core.quote import identifier, known, say
from lscb_core.rules import Rule, Waiver
from lscb_core.text.cleaned import Cleaned, clean
from lscb_core.text.normalise import fold, fold_text, normalise

from lscb_reviews.credits import parse as parse_credits

from .text.people import People
from .text.review_text import Span, review_spans

DEFAULT_ALLOWLIST = "redaction-allowlist.toml"


class AllowlistEntryInvalid(Rule):
    """Flags an entry of the redaction allowlist that has no text or no
    reason, and an allowlist file that cannot be read.

    ## Why it matters
    The allowlist lets a name or number through every redaction check in
    every review. An entry must say why the text is public, so the next
    person can judge whether it still is; a file that cannot be read would
    otherwise be ignored without anyone noticing.

    ## Example
        [[allow]]
        text = "Peter Connelly"

    ## Use instead
        [[allow]]
        text = "Peter Connelly"
        reason = "Named in national reports on his death (2009)"

    ## Known limitations
    Any text counts as a reason; nobody checks that it is a good one. An
    entry allows its text everywhere, in every review.
    """

    code = "CFG001"
    name = "allowlist-entry-invalid"
    waiver = Waiver.NEVER


@dataclass(frozen=True)
class Entry:
    text: str
    reason: str
    line: int
    role: str = ""  # set for one of the board's public people


@dataclass(frozen=True)
class Allowlist:
    path: str
    entries: tuple[Entry, ...] = ()
    problems: tuple[Finding, ...] = ()


_ALLOW_HEADER = re.compile(r"^\s*\[\[\s*allow\s*\]\]", re.MULTILINE)
_TEXT_KEY = re.compile(r"^\s*text\s*=", re.MULTILINE)
_TOML_AT = re.compile(r"at line (\d+), column (\d+)")


def allowlist_path(settings: dict) -> str:
    """REDACTION_ALLOWLIST; relative to the project (the content folder's parent)."""
    configured = settings.get("REDACTION_ALLOWLIST") or DEFAULT_ALLOWLIST
    configured = os.path.expanduser(str(configured))
    if os.path.isabs(configured):
        return configured
    content = os.path.abspath(settings.get("PATH") or "content")
    return os.path.join(os.path.dirname(content), configured)


def load_allowlist(path: str, required: bool) -> Allowlist:
    """The allowlist at `path`; a missing file is empty unless `required`."""
    try:
        stat = os.stat(path)
    except OSError:
        if not required:
            return Allowlist(path)
        return Allowlist(path, problems=(AllowlistEntryInvalid.at(
            path, 1, "redaction allowlist file not found",
            "create the file or correct REDACTION_ALLOWLIST in pelicanconf.py"),))
    return _load(os.path.abspath(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int) -> Allowlist:
    def problem(line: int, message: str, hint: str, col: int = 1) -> Finding:
        return AllowlistEntryInvalid.at(path, line, message, hint, col=col)

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        return Allowlist(path, problems=(problem(1, "redaction allowlist cannot be read",
                                                 say("save it as UTF-8 text ({kind})",
                                                     kind=known(type(error).__name__))),))
    except tomllib.TOMLDecodeError as error:
        at = _TOML_AT.search(str(error))
        line, col = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
        return Allowlist(path, problems=(problem(
            line, "redaction allowlist is not valid TOML",
            'each entry: [[allow]], then text = "..." and reason = "..."', col=col),))
    entries = data.get("allow", [])
    if not isinstance(entries, list):
        return Allowlist(path, problems=(problem(1, "allowlist entries must be [[allow]] tables",
                                                 'each entry: [[allow]], then text = "..." and reason = "..."'),))
    lines = _entry_lines(text, len(entries))
    good: list[Entry] = []
    problems: list[Finding] = []
    for number, entry in enumerate(entries):
        line = lines[number]
        value = entry.get("text") if isinstance(entry, dict) else None
        reason = entry.get("reason") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(line, "allowlist entry has no text",
                                    'add text = "the public name" to the entry'))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(problem(line, "allowlist entry gives no reason",
                                    'add reason = "why this text is public" to the entry'))
        elif "role" in entry and (not isinstance(entry["role"], str) or not entry["role"].strip()):
            problems.append(problem(line, "allowlist entry has an empty role",
                                    'write role = "independent chair", or remove the role line'))
        else:
            good.append(Entry(value.strip(), reason.strip(), line, str(entry.get("role") or "").strip()))
    return Allowlist(path, tuple(good), tuple(problems))


def _entry_lines(text: str, count: int) -> list[int]:
    """Line of each [[allow]] entry: its `text =` line, else its header."""
    headers = [match.start() for match in _ALLOW_HEADER.finditer(text)]
    lines = []
    for index in range(count):
        if index >= len(headers):
            lines.append(1)
            continue
        end = headers[index + 1] if index + 1 < len(headers) else len(text)
        key = _TEXT_KEY.search(text, headers[index], end)
        offset = key.start() if key else headers[index]
        offset += len(text[offset:]) - len(text[offset:].lstrip())
        lines.append(text.count("\n", 0, offset) + 1)
    return lines


# --- Matching --------------------------------------------------------------

def _phrase(text: str) -> re.Pattern:
    """A pattern for `text` in fold_text() of clean text, across any spacing
    or line break."""
    words = fold_text(clean(text).text).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


def digits_key(number: str) -> str:
    """A phone number as its national digits: "+44 (0)1632 960123" -> "01632960123"."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith(("+", "00")) and digits.startswith(("44", "0044")):
        digits = digits[4:] if digits.startswith("0044") else digits[2:]
        digits = "0" + digits.lstrip("0")
    return digits


def identifier_key(text: str) -> str:
    """How a detected identifier is compared with the board's own details."""
    if "@" in text:
        return text.strip().lower()
    if re.search(r"\d", text) and not re.search(r"[A-Za-z]", text):
        return digits_key(text)
    return re.sub(r"\s+", "", text).upper()


_NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]*>|\S*[/\\]\S*|\S+\.[A-Za-z0-9]{2,5}\b|\{[^}]*\}\S*")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
_POSTCODE_LIKE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


@dataclass(frozen=True)
class Hit:
    """Something a PII check found in a span."""
    rule: type[Rule]
    start: int
    end: int
    what: str  # "full name", "postcode"...
    hint: str
    term: str = ""  # the text as waivers quote it; default text[start:end]


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
        """Where allowlisted texts are in `span` (a clean span, see scan())."""
        key = (span.path, span.where, span.text)
        if key not in self._ranges:
            folded = fold_text(span.text)
            self._ranges[key] = [match.span() for pattern in self.patterns
                                 for match in pattern.finditer(folded)]
        return self._ranges[key]

    def allowed(self, span: Span, start: int, end: int, term: str) -> bool:
        """Inside an allowlisted text, or one of the board's details or part of them."""
        if identifier_key(term) in self.board_keys:
            return True
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
                self._pseudonyms[None] = frozenset().union(
                    *(self.pseudonyms(review) for review in self.reviews))
            return self._pseudonyms[None]
        if item.path not in self._pseudonyms:
            declared = item.source.field("Pseudonyms")
            values = declared.value if declared else str(item.metadata.get("pseudonyms", ""))
            self._pseudonyms[item.path] = frozenset(
                normalise(value) for value in values.split(",") if normalise(value))
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
            self._pseudonyms[key] = frozenset(
                part for name in self.pseudonyms(item) for part in name.split())
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
                declared = item.source.field("Credits")
                value = declared.value if declared else str(item.metadata.get("credits", ""))
                found = public + People.of(credit.person for credit in parse_credits(value)[0])
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


def _board_keys(settings: dict) -> frozenset[str]:
    keys: set[str] = set()
    email = settings.get("BOARD_EMAIL")
    if email:
        keys.add(str(email).strip().lower())
    address = str(settings.get("BOARD_ADDRESS") or "")
    keys.update(re.sub(r"\s+", "", code).upper() for code in _POSTCODE_LIKE.findall(address))
    contacts = list(settings.get("CONCERN_CONTACTS") or []) + list(settings.get("NATIONAL_HELPLINES") or [])
    emergency = settings.get("CONCERN_EMERGENCY")
    if emergency:
        contacts.append(emergency)
    for contact in contacts:
        number = contact.get("number") if isinstance(contact, dict) else contact
        if number:
            keys.add(digits_key(str(number)))
        email = contact.get("email") if isinstance(contact, dict) else None
        if email:
            keys.add(str(email).strip().lower())
    return frozenset(keys)


_EMAIL_LIKE = re.compile(r"[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[A-Za-z0-9-]+")
_NUMBER_LIKE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d \t()-]{7,}\d(?![\w/])")


def _contact_keys(entries: Iterable[Entry]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The allowlist's contact details: keys of its email addresses, phone
    numbers and postcodes, and the normalised text of its postal addresses
    (entries with a postcode)."""
    keys: set[str] = set()
    addresses: list[str] = []
    for entry in entries:
        keys.update(email.rstrip(".").lower() for email in _EMAIL_LIKE.findall(entry.text))
        for number in _NUMBER_LIKE.findall(entry.text):
            if len(re.sub(r"\D", "", number)) >= 9:
                keys.add(digits_key(number))
        postcodes = _POSTCODE_LIKE.findall(entry.text.upper())
        if postcodes:
            keys.update(re.sub(r"\s+", "", code) for code in postcodes)
            addresses.append(normalise(entry.text))
    return frozenset(keys), tuple(addresses)


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
        board = tuple(normalise(str(settings[name]))
                      for name in ("BOARD_ADDRESS", "BOARD_EMAIL") if settings.get(name))
        contact_keys, addresses = _contact_keys(allowlist.entries)
        site.cache["redaction"] = Redaction(settings, allowlist, patterns, _board_keys(settings) | contact_keys,
                                            board + addresses, reviews=tuple(site.of_type("reviews")))
    return site.cache["redaction"]


# --- Words -------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_FILE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # in a file name, - separates words
_SPACE = re.compile(r"[ \t\u00a0]+")
# One line break (not a blank line) may split a name; a quote marker may
# start the next line.
_BREAK = re.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*(?:>[ \t\u00a0]*)*")
_FILE_GAP = re.compile(r"[-_. ]")


class Words:
    """The words of a span ("Mary's", "Smith-Jones", "O'Brien" are one word)
    and what lies between them."""

    def __init__(self, text: str, file_name: bool = False):
        self.text = text
        self.file_name = file_name
        self.spans = [match.span() for match in (_FILE_WORD if file_name else _WORD).finditer(text)]

    def __len__(self) -> int:
        return len(self.spans)

    def word(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def gap(self, left: int, right: int) -> str:
        return self.text[self.spans[left][1]:self.spans[right][0]]

    def after(self, index: int, size: int = 12) -> str:
        end = self.spans[index][1]
        return self.text[end:end + size]

    def joined(self, left: int, right: int) -> bool:
        """Whether two words can be parts of one name: spaces or one line
        break between them (in a file name: one of - _ . or a space)."""
        between = self.gap(left, right)
        if self.file_name:
            return bool(_FILE_GAP.fullmatch(between))
        return bool(_SPACE.fullmatch(between) or _BREAK.fullmatch(between))


# --- Reporting ---------------------------------------------------------------

MESSAGE_LIMIT = 79


def message(what: str, term: str, where=None):
    """ "full name J*** S**** in child-x.pdf page 2": the term and the place
    are masked when the finding is made (lscb_core.quote)."""
    if len(term) > 25 and len(what) + 1 + len(term) + 40 > MESSAGE_LIMIT:
        term = cut_words(term, 25)
    if where is None or where == known(""):
        return say("{what} {term}", what=known(what), term=identifier(term))
    return say("{what} {term} in {where}", what=known(what), term=identifier(term), where=where)


Detector = Callable[[Span, "Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Context:
    """What a detector may need besides the text."""
    item: object
    redaction: Redaction
    forenames: frozenset[str] = frozenset()


def scan(site, detect: Detector, forenames: frozenset[str] = frozenset()) -> Iterable[Finding]:
    """Run `detect` on every span of every review (any state); report what
    the allowlist and the board's details do not cover.

    Detectors read the clean text of each span (lscb_core.text.cleaned:
    no invisible characters, look-alike letters read as Latin ones, case
    kept), so a name written with a Cyrillic letter or a zero-width space
    is found like any other; offsets are mapped back to the original text
    for the line and column."""
    reviews = site.of_type("reviews")
    if not reviews:
        return
    red = redaction(site)
    for item in reviews:
        context = Context(item, red, forenames)
        found: list[Finding] = []
        first: dict[tuple, int] = {}  # (line, code, term) -> its first finding in `found`
        for span in review_spans(item, site):
            cleaned = red.clean(span.text)
            view = dataclasses.replace(span, text=cleaned.text) if cleaned.changed else span
            for hit in detect(view, context):
                term = hit.term or view.text[hit.start:hit.end]
                if red.allowed(view, hit.start, hit.end, term):
                    continue
                line, col = span.position(_original(cleaned, hit.start))
                # Text inside an attachment (a PDF page, image metadata, a
                # file name) is fixed in the file: no waiver covers it.
                inside = span.where if span.source is None else ""
                # A file name is also in the link to it: report it once,
                # there, as inside the file name.
                key = (line, hit.rule.code, normalise(term))
                if key in first and span.where.endswith("file name"):
                    index = first[key]
                    found[index] = dataclasses.replace(found[index], inside=found[index].inside or inside)
                    continue
                first.setdefault(key, len(found))
                found.append(hit.rule.at(span.path, line, message(hit.what, term, span.quoted_where), hit.hint,
                                         col=col, term=term, inside=inside))
        yield from found


def _original(cleaned: Cleaned, index: int) -> int:
    return cleaned.start(index) if cleaned.changed else index
