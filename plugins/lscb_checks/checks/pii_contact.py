"""Phone numbers (PII005) and email addresses (PII006) in case reviews."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..board_details import board_domain, is_board_mailbox
from ..review_scan import Context, Hit, scan

# Something shaped like a UK number: +44, 0044 or 0, then digits in groups.
# The first character comes first and the check of what is before it after
# it: the regular expression engine then skips fast to places that can match.
# Between digits: spaces of every width (no-break, thin, narrow), hyphens and
# dashes of every kind, and dots: "07700\u2011900461", "07700.900.461".
_GAP = "[ \\t\u00a0\u2009\u202f]"
_SEPARATOR = "[ \\t\u00a0\u2009\u202f\u2010-\u2015.-]"
# After +44 or 00 44, any one separator, and "(0)" or "0" before the
# national number: "+44-7700-900461", "00 44 7700 900461", "+44 (0)7700
# 900461", "0044.7700.900461". A "+" may follow "/" (wa.me/+44...).
_INTERNATIONAL = _SEPARATOR + r"?44" + _SEPARATOR + r"?(?:\(0\)" + _SEPARATOR + r"?|0(?=\d{9,10}(?!\d)))?\(?"
_PHONE = re.compile(
    r"[+0(](?:(?<![\w+/.-].)|(?<=/\+))"
    r"(?:(?<=\+)" + _INTERNATIONAL + r"|(?<=0)0" + _INTERNATIONAL + r"|(?<=\()0|(?<=0))"
    r"\d(?:" + _SEPARATOR + r"?\(?\)?" + _GAP + r"?\d){8,10}(?![\w/-])"
)
# 44 then the national number without its 0, with no "+" or "00": a mobile
# anywhere ("447700900461", "44 7700 900461"), any number in a link that
# dials or messages it (tel:, sms:, wa.me/, api.whatsapp.com/send?phone=,
# viber://chat?number=, "%2B" for an encoded "+").
_BARE_44 = re.compile(
    r"44(?:(?<=%2[Bb]44)|(?<![\w+.%-]..))"
    r"(?P<national>" + _SEPARATOR + r"?(?:\(0\)" + _SEPARATOR + r"?)?[127](?:" + _SEPARATOR + r"?\d){8,9})"
    r"(?![\w/-]|[.,]\d)"
)
_DIALLED = re.compile(r"(?:tel:|sms:|callto:|wa\.me/|phone=|number=|%2[Bb])$", re.IGNORECASE)
# A number written one digit at a time: "0 7 7 0 0 9 0 0 4 6 1".
# A full stop and a space of any width: where a sentence may end inside what
# _PHONE read as one number.
_STOP_THEN_GAP = re.compile(r"\." + _GAP)
_SPACED_PHONE = re.compile(r"(?<![\w+/.-])0(?:" + _GAP + r"\d){9,10}(?![\w/-])")
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
# An address written to get past spam filters: "jane at example dot org",
# "jane[at]example[dot]org", "jane (at) example.org", "jane AT example.org".
# "at" in brackets or in capitals is read before any domain; a plain "at"
# (a common word) only before a domain with a "dot" written out. The last
# label must be a top-level domain, so prose ("met at home") is not read.
_SPELLED_SPACE = "[ \t\u00a0]+"
_BRACKETED_AT = r"[ \t\u00a0]*[\[({][ \t\u00a0]*(?:at|AT)[ \t\u00a0]*[\])}][ \t\u00a0]*"
_SPELLED_DOT = (
    r"(?:[ \t\u00a0]*[\[({][ \t\u00a0]*(?:dot|DOT)[ \t\u00a0]*[\])}][ \t\u00a0]*"
    rf"|{_SPELLED_SPACE}(?:dot|DOT){_SPELLED_SPACE})"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_TOP_LEVEL = (
    r"(?:com|org|net|uk|info|biz|io|me|edu|eu|ie|gov|nhs|email|online|co|scot|wales|cymru"
    r"|london|example|test|invalid|COM|ORG|NET|UK)"
)
# Found from its "at" (found fast) and read back to the local part before it.
_LOCAL = rf"[A-Za-z0-9][A-Za-z0-9._%+-]*(?:{_SPELLED_DOT}[A-Za-z0-9][A-Za-z0-9._%+-]*)*"
_AT_DOMAIN = re.compile(
    rf"(?=[\[({{aA])(?P<at>[\[({{][ \t\u00a0]*(?:at|AT)[ \t\u00a0]*[\])}}]|(?<=[ \t\u00a0])(?:at|AT)(?=[ \t\u00a0]))"
    rf"[ \t\u00a0]*(?P<domain>{_LABEL}(?:(?:{_SPELLED_DOT}|\.){_LABEL})*(?:{_SPELLED_DOT}|\.){_TOP_LEVEL})"
    rf"(?![\w-]|\.\w)"
)
_LOCAL_BEFORE = re.compile(rf"(?<![\w.+@-])(?P<local>{_LOCAL})$")
_LOCAL_REACH = 120
_SPELLED_PART = re.compile(rf"{_SPELLED_DOT}|{_BRACKETED_AT}|{_SPELLED_SPACE}(?:AT|at){_SPELLED_SPACE}")
# Landlines (01, 02) and mobiles (07) belong to people; 03, 08 and 09
# numbers are organisations' (councils, helplines, businesses).
_PERSONAL = re.compile(r"^0(?:[12]\d{8,9}|7\d{9})$")


class PhoneNumber(Rule):
    """Flags a UK landline or mobile phone number in a case review ("01632
    960123", "07700 900456", "(020) 7946 0018"), in any international form
    ("+44 7700 900456", "+44-7700-900456", "00 44 7700 900456", "+44 (0)7700
    900456", "447700900456") and in a link that dials or messages it
    (`tel:`, `sms:`, `wa.me/447700900456`, WhatsApp's `send?phone=`, Viber's
    `chat?number=`). The board's own numbers (CONCERN_CONTACTS, CONCERN_EMERGENCY), national
    helplines (NATIONAL_HELPLINES, CHILDREN_CONTACTS) and numbers in redaction-allowlist.toml
    (a partner agency's public switchboard) are not reported, compared by
    their digits however they are spaced.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A phone number belongs to one household or one person: anyone can ring
    it or look it up.

    ## Example
        Mother could be reached on 07700 900456.

    ## Use instead
        Professionals had Mother's mobile number.

    ## Known limitations
    Only numbers beginning 01, 02 or 07 (or +44 1, 2, 7) are reported:
    freephone, 03, 08 and 09 numbers belong to organisations. A landline
    after a bare "44" (no "+" or "00") is read only in a link that dials it:
    in prose "44 1632 960123" is as likely to be a count and two figures.
    Numbers in words, split by a "/" ("07700/900456"), or without their
    leading 0 or 44 ("7700 900456") are missed, and so are numbers from
    other countries.

    The `phonenumbers` library (region GB) was measured against these
    patterns on the labelled numbers of the tests and the leak corpus (25
    forms) and on the clean corpus, the demo, docs/ and the background
    documents. Its loose matching (POSSIBLE) found 24 of the 25 and 673
    other strings (years, dates, reference numbers); its strict matching
    (VALID) found none of the 25, since the invented numbers are in the
    ranges Ofcom keeps for drama, which it takes as numbers no one can
    have. The patterns found all 25, so they are kept.
    """

    code = "PII005"
    name = "phone-number"
    waiver = Waiver.APPROVED


class EmailAddress(Rule):
    """Flags an email address in a case review, in the text, a link
    (`mailto:`), a PDF or image metadata. The board's own address
    (BOARD_EMAIL) and its shared mailboxes (an address at the same domain
    whose name is ordinary words, `training@`; not `jane.smith@`), the
    `email` of each national helpline in
    NATIONAL_HELPLINES ("help@nspcc.org.uk") and addresses in
    redaction-allowlist.toml (other helplines, a partner agency's shared
    mailbox) are not reported, in any case.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A personal email address usually contains the person's name and always
    leads to them. A professional's work address names the worker and the
    organisation the family dealt with.

    ## Example
        Mother emailed the school from jane.smith1985@example.com.

    ## Use instead
        Mother emailed School A.

    An address written to get past spam filters is read as the address it
    spells: "jane at example dot org", "jane[at]example[dot]org", "jane
    (at) example (dot) org", "jane AT example.org", and the board's own or
    an allowlisted address written that way is not reported either.

    ## Known limitations
    An address spelled out with a plain lower-case "at" and only real dots
    ("jane at example.org") is missed: "details at gov.uk" is the same
    shape. A spelled-out address must end with a common top-level domain
    (.com, .org, .net, .uk, .info...): one ending otherwise is missed. Every
    other address is reported, including organisations' shared mailboxes:
    list those that may be published in the allowlist, or a national
    helpline's in NATIONAL_HELPLINES.
    """

    code = "PII006"
    name = "email-address"
    waiver = Waiver.APPROVED


PHONE_HINT = "remove it; a public number goes in redaction-allowlist.toml"
EMAIL_HINT = "remove it; a public mailbox goes in redaction-allowlist.toml"


def check(site):
    yield from scan(site, detect)


def detect(span, context: Context):
    text = span.text
    yield from _phones(text, context)
    for match in _EMAIL.finditer(text) if "@" in text else ():
        yield Hit(EmailAddress, match.start(), match.end(), "email address", EMAIL_HINT)
    yield from _spelled_emails(text, context)


def detect_address(span, context: Context):
    """Landlines in a link's address read whole ("tel:+441632960981",
    "wa.me/441632960981"): read as words, the address loses its "+" and its
    "tel:", and a landline after a bare 44 is only read in a link. Mobiles
    are found in the words too."""
    for hit in _phones(span.text, context):
        found = span.text[hit.start : hit.end]
        bare = _BARE_44.fullmatch(found)
        if (_bare_national(bare) if bare else national_digits(found)).startswith(("01", "02")):
            yield hit


def _phones(text: str, context: Context):
    board = context.redaction.board_keys
    read: list[tuple[int, int]] = []  # where numbers were read, to read each once
    for match in [*_PHONE.finditer(text), *_SPACED_PHONE.finditer(text)]:
        read.append(match.span())
        end = match.end()
        national = national_digits(match.group(0))
        stops = [] if _PERSONAL.match(national) else list(_STOP_THEN_GAP.finditer(match.group(0)))
        if stops:
            # "07700 900123. 2 days later": the number, then a sentence that
            # starts with a figure; read up to the last full stop and space.
            end = match.start() + stops[-1].start()
            national = national_digits(text[match.start() : end])
        if _PERSONAL.match(national) and national not in board:
            yield Hit(PhoneNumber, match.start(), end, "phone number", PHONE_HINT)
    if "44" in text:
        for match in _BARE_44.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in read):
                continue  # the "44" of "00 44 7700 900461", already read
            national = _bare_national(match)
            if not _PERSONAL.match(national) or national in board:
                continue
            dialled = _DIALLED.search(text, max(0, match.start() - 8), match.start())
            if not dialled and (national[1] != "7" or text[match.start() - 1 : match.start()] in ("/", "=", ":")):
                continue  # a landline in prose, or digits in a web address ("/447700900461.pdf")
            yield Hit(PhoneNumber, match.start(), match.end(), "phone number", PHONE_HINT)


def national_digits(number: str) -> str:
    """A number as its national digits, however its international prefix is
    written: "+44 (0)7700 900461", "00 44 7700 900461" -> "07700900461"."""
    number = number.lstrip("(")
    digits = re.sub(r"\D", "", number)
    international = digits.startswith("0044") or number.startswith("+") and digits.startswith("44")
    if not international:
        return digits
    return "0" + digits[4 if digits.startswith("0044") else 2 :].lstrip("0")


def _bare_national(match: re.Match) -> str:
    """The national digits of a number written after a bare 44."""
    return "0" + re.sub(r"\D", "", match.group("national").replace("(0)", ""))


def _spelled_emails(text: str, context: Context):
    """Addresses written with "at" and "dot" in words or brackets."""
    lowered = text.lower()
    if " at " not in lowered and "at]" not in lowered and "at)" not in lowered and "at}" not in lowered:
        return
    for match in _AT_DOMAIN.finditer(text):
        at = match.group("at")
        if at == "at" and not _SPELLED_PART.search(match.group("domain")):
            continue  # "details at gov.uk": a plain "at" needs a "dot" written out
        # The local part is what is just before the "at".
        reach = max(0, match.start() - _LOCAL_REACH)
        local = _LOCAL_BEFORE.search(text[reach : match.start()].rstrip(" \t\u00a0"))
        if local is None:
            continue
        if at == "AT" and not re.search(r"[a-z0-9]", local.group("local")):
            continue  # "MORE AT GOV.UK": a heading in capitals
        address = (
            _SPELLED_PART.sub(".", local.group("local")) + "@" + _SPELLED_PART.sub(".", match.group("domain"))
        ).lower()
        if address in context.redaction.board_keys or is_board_mailbox(
            address, board_domain(context.redaction.settings)
        ):
            continue  # the board's own address or shared mailbox, a helpline's, or an allowlisted one
        yield Hit(EmailAddress, reach + local.start(), match.end(), "email address", EMAIL_HINT)
