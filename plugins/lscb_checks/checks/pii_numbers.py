"""Numbers that belong to one person: NHS numbers (PII007), National
Insurance numbers (PII008) and vehicle registrations (PII009)."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, scan

# Ten digits, written together or as 3-3-4 with spaces or hyphens.
# Each pattern starts with a character class and checks what is before it
# after it (`X(?<!...X)`): the regular expression engine then skips fast to
# the places that can match.
_NHS = re.compile(r"(\d(?<![\w+/.,-]\d)\d\d)([ \t\u00a0-]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)")
_ISBN = re.compile(r"ISBN[\w\s:-]{0,6}$", re.IGNORECASE)

# Two prefix letters (not D F I Q U V; the second not O; not BG GB NK KN TN
# NT ZZ), six digits, a suffix A-D. Without the suffix only when spaced.
_NINO = re.compile(
    r"[A-CEGHJ-PR-TW-Z](?<![\w-].)[A-CEGHJ-NPR-TW-Z](?<!BG|GB|NK|KN|TN|NT|ZZ)"
    r"(?:(?P<spaced>[ \t]\d\d[ \t]\d\d[ \t]\d\d)(?:[ \t]?[A-D])?|\d{6}[ \t]?[A-D])(?![\w-])"
)

# Current plates (since 2001): area letters, age identifier, three letters:
# "AB51 CDE". I, Q and Z are not used as area letters; I and Q nowhere.
_AGE = r"(?:0[2-9]|[1-4]\d|5[1-9]|[6-9]\d)"
_PLATE = re.compile(rf"[A-HJ-PR-Y](?<![\w-].)[A-HJ-PR-Y]{_AGE}[ \t]?[A-HJ-PR-Z]{{3}}(?![\w-])")
# Older plates, prefix ("A123 BCD", 1983-2001) and suffix ("ABC 123D",
# 1963-1983): reported only near a word about vehicles, since the shapes are
# common in references and abbreviations.
_OLD_PLATE = re.compile(
    r"[A-HJ-PR-Z](?<![\w-].)(?:(?<=[A-HJ-NP-TV-Y])\d{1,3}[ \t]?[A-HJ-PR-Z]{3}|[A-HJ-PR-Z]{2}[ \t]?\d{1,3}[A-HJ-NP-TV-Y])"
    r"(?![\w-])"
)
_VEHICLE_WORDS = re.compile(
    r"(?i)\b(?:registration|reg\.?|number[ -]plate|numberplate|plates?|vehicle|car|van|motorbike"
    r"|motorcycle|VRM|index)\b"
)


class NhsNumber(Rule):
    """Flags an NHS number in a case review: ten digits, written together or
    spaced 3-3-4 ("943 476 5919"), whose last digit is the valid check digit.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    An NHS number identifies one person for life, and opens their health
    records to anyone with access to NHS systems.

    ## Example
        GP Practice 1 recorded Child L's NHS number, 943 476 5919.

    ## Use instead
        Remove the number: a review never needs it.

    ## Known limitations
    Ten-digit numbers with a wrong check digit are not reported (they are
    not NHS numbers, or are mistyped ones). Numbers spaced in other ways
    ("9434 765 919") are missed. A ten-digit number after "ISBN" is ignored,
    and so is one after the UK's dialling code ("+44 808 800 5000", "0044
    (0)20 ..."): it is a phone number, which PII005 reads.
    """

    code = "PII007"
    name = "nhs-number"
    waiver = Waiver.APPROVED


class NiNumber(Rule):
    """Flags a National Insurance number in a case review: two prefix
    letters allowed by HMRC's rules, six digits and a suffix A to D
    ("AB 12 34 56 C", "AB123456C"). Prefixes with D, F, I, Q, U or V, O as
    the second letter, and BG, GB, NK, KN, TN, NT and ZZ are never issued and
    are not reported.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A National Insurance number identifies one adult for life and is used to
    reach their tax, benefits and employment records.

    ## Example
        Mother's National Insurance number (AB 12 34 56 C) was on the form.

    ## Use instead
        Remove the number: a review never needs it.

    ## Known limitations
    Written without the suffix letter the number is reported only when
    spaced in pairs ("AB 12 34 56"); in lower case it is missed.
    """

    code = "PII008"
    name = "ni-number"
    waiver = Waiver.APPROVED


class VehicleRegistration(Rule):
    """Flags a UK vehicle registration in a case review: the current format
    ("AB51 CDE", since 2001) anywhere, and the older prefix ("A123 BCD") and
    suffix ("ABC 123D") formats near a word such as "car", "vehicle" or
    "registration".

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A registration identifies the family's car, and its keeper, to anyone
    who sees it in the street or checks it online.

    ## Example
        Police stopped Mother's partner driving a car registered AB51 CDE.

    ## Use instead
        Police stopped Mother's partner while he was driving.

    ## Known limitations
    Older formats far from a vehicle word, personalised ("cherished") plates
    of other shapes, Northern Irish plates and registrations in lower case
    are missed.
    """

    code = "PII009"
    name = "vehicle-registration"
    waiver = Waiver.APPROVED


NHS_HINT = "remove the NHS number"
# A UK number dialled from abroad ("+44 808 800 5000", "0044 (0)20 7946
# 0000"): ten digits after it are a phone number (PII005), not an NHS number.
_DIALLING_CODE = re.compile(r"(?:\+|\b00[ \t\u00a0]?)44[ \t\u00a0.-]*(?:\(0\)[ \t\u00a0]*)?$")
NINO_HINT = "remove the National Insurance number"
PLATE_HINT = 'remove the registration; "a car" is enough'


def check(site):
    yield from scan(site, detect)


def nhs_check_digit_valid(digits: str) -> bool:
    """Modulus 11: weights 10 down to 2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def detect(span, context: Context):
    text = span.text
    for match in _NHS.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        before = text[max(0, match.start() - 16) : match.start()]
        if nhs_check_digit_valid(digits) and not _ISBN.search(before) and not _DIALLING_CODE.search(before):
            yield Hit(NhsNumber, match.start(), match.end(), "NHS number", NHS_HINT)
    for match in _NINO.finditer(text):
        yield Hit(NiNumber, match.start(), match.end(), "NI number", NINO_HINT)
    for match in _PLATE.finditer(text):
        yield Hit(VehicleRegistration, match.start(), match.end(), "registration", PLATE_HINT)
    for match in _OLD_PLATE.finditer(text):
        near = text[max(0, match.start() - 60) : match.end() + 30]
        if _VEHICLE_WORDS.search(near):
            yield Hit(VehicleRegistration, match.start(), match.end(), "registration", PLATE_HINT)
