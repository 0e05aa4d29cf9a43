"""The board's own contact details, and the allowlist's, as keys a detected
identifier is compared with.

An allowlist entry that is a public contact detail of an organisation (a
helpline's email address, a partner agency's office address, switchboard
or shared mailbox) is compared the way the board's own details are: an
email address in any case, a phone number by its digits however it is
spaced, a postcode without its space, and a street address found anywhere
inside an allowlisted postal address (an entry with a postcode): "14
Market Street" is allowed by the entry "Business Unit, Floor 2, Civic
Centre, 14 Market Street, Northbridge NS2 1QT", written on one line or
several.

A shared mailbox at the board's own domain (the domain of BOARD_EMAIL)
counts as the board's when its name is made of ordinary words
(`training@`, `safeguarding.events@`, `lscb-admin@`, `childprotection@`,
two words run together unless the whole is a family name): an events page
gives the training team's address. One with a forename in it
(`jane.smith@`) or a word that is not an ordinary word (`hquennell@`)
is a person's, and is reported.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from lscb_core.text.normalise import normalise

from .allowlist import Entry

_POSTCODE_LIKE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


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


def board_keys(settings: dict) -> frozenset[str]:
    keys: set[str] = set()
    email = settings.get("BOARD_EMAIL")
    if email:
        keys.add(str(email).strip().lower())
    address = str(settings.get("BOARD_ADDRESS") or "")
    keys.update(re.sub(r"\s+", "", code).upper() for code in _POSTCODE_LIKE.findall(address))
    contacts = [
        *(settings.get("CONCERN_CONTACTS") or []),
        *(settings.get("NATIONAL_HELPLINES") or []),
        *(settings.get("CHILDREN_CONTACTS") or []),
    ]
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


def board_domain(settings: dict) -> str:
    """The domain of BOARD_EMAIL, in lower case ("" when none is set)."""
    email = str(settings.get("BOARD_EMAIL") or "").strip().lower()
    return email.rpartition("@")[2] if "@" in email else ""


# Short names of safeguarding bodies in mailbox names that are not words.
_MAILBOX_ABBREVIATIONS = frozenset("lado mash lscb lscp scb scp lcsp csp csc cscp".split())
_MAILBOX_PIECES = re.compile(r"[.\-_+\d]+")


@functools.lru_cache(maxsize=1024)
def is_board_mailbox(address: str, domain: str) -> bool:
    """Whether `address` is a shared mailbox at the board's own domain: each
    word of its name an ordinary word that is not a forename, or the short
    name of a safeguarding body."""
    from .text.forenames import forenames
    from .text.wordlists import everyday_words, surnames

    local, _, host = address.strip().lower().rpartition("@")
    if not domain or host != domain or not local:
        return False
    pieces = [piece for piece in _MAILBOX_PIECES.split(local) if piece]
    ordinary, names, families = everyday_words(), forenames(), surnames()

    def word(piece: str) -> bool:
        return piece in _MAILBOX_ABBREVIATIONS or (piece in ordinary and piece not in names)

    def run_together(piece: str) -> bool:
        # "childprotection", "earlyhelp": two ordinary words run together,
        # unless the whole is a name ("greenwood" is a family name).
        if piece in families or piece in names:
            return False
        return any(word(piece[:cut]) and word(piece[cut:]) for cut in range(3, len(piece) - 2))

    return bool(pieces) and all(word(piece) or run_together(piece) for piece in pieces)


_EMAIL_LIKE = re.compile(r"[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[A-Za-z0-9-]+")
_NUMBER_LIKE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d \t()-]{7,}\d(?![\w/])")


def allowlist_contacts(entries: Iterable[Entry]) -> tuple[frozenset[str], tuple[str, ...]]:
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
