"""Postcodes (PII002) and street addresses (PII003) in case reviews."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, scan
from ..text.everyday import everyday
from ..text.home_addresses import ADDRESS_AFTER_CUE as _ADDRESS_AFTER_CUE
from ..text.home_addresses import ADDRESS_SEARCHED as _ADDRESS_SEARCHED
from ..text.home_addresses import (
    CAPITAL_AFTER,
    EVERYDAY,
    FUNCTION_WORDS,
    NO,
    NOT_HOUSE,
    NOT_STREET_WORDS,
    NUMBER,
    RANGE,
    SEARCHED_WORDS,
    SHORT_KINDS,
    SP,
    STREET_KINDS,
    address_cells,
    home_named,
    house_names,
)
from ..text.near import any_case_words, finditer_near
from .pii_name_parts import in_review

# A full UK postcode: outward code (area letters, district) and inward code
# (sector digit, unit letters; the unit never uses C I K M O V).
# The first letter comes first and the check of what is before it after it:
# the regular expression engine then skips fast to places that can match.
_OUTWARD = r"[A-PR-UWYZ](?<![\w-].)(?:[A-HK-Y]?\d[A-Z\d]?|IR)"
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
# The two halves may be on two lines: a line break in the source (a
# Markdown hard break "  " or "\\" before it) or a <br> ("NS4<br>7QX" in a
# table cell), which the built page shows as a line break. The source checks
# read markup blanked with spaces (lscb_checks.text.review_text), so "NS4<br>7QX"
# and "NS4&nbsp;7QX" reach them as the halves with spaces between.
_LINE_BREAK = r"(?:[ \t\u00a0]*\\?\r?\n|[ \t\u00a0]*<[Bb][Rr][ \t]*/?>[ \t\u00a0]*\r?\n?)[ \t\u00a0]*"
_POSTCODE = re.compile(rf"{_OUTWARD}(?:[ \t\u00a0]*|{_LINE_BREAK}){_INWARD}(?![\w-])")
# Written in lower case it must have its space (or a line break): "ns1 4ab".
_POSTCODE_LOWER = re.compile(
    rf"{_OUTWARD.lower()}(?:[ \t\u00a0]+|{_LINE_BREAK})"
    rf"{_INWARD.lower()}(?![\w-])"
)

_ADDRESS = re.compile(
    rf"(?:[FAU](?<![\w.,/:-].)(?:lat|partment|pt|nit)\.?{SP}{NUMBER}{RANGE},?{SP}(?:{NUMBER},?{SP})?"
    rf"|\d(?<![\w.,/:–-]\d)\d{{0,3}}[A-Za-z]?{RANGE},?{SP}|{NO}\d{{1,4}}[A-Za-z]?{RANGE},?{SP})"
    rf"(?P<name>(?:[A-Z][\w'’\-]*{SP}){{1,3}})(?:{STREET_KINDS})(?![\w'’-])"
)
# A flat in a named building: "Flat 7, Beacon House", "Apartment 12 Mill Court".
BUILDING_KINDS = "House|Tower|Towers|Lodge|Mansions|Building|Buildings|Point|Block|Hall|Heights|Court"
_FLAT_IN_BUILDING = re.compile(
    rf"[FA](?<![\w.,/:-].)(?:lat|partment|pt)\.?{SP}{NUMBER},?{SP}"
    rf"(?P<name>(?:[A-Z][\w'’\-]*{SP}){{1,3}})(?:{BUILDING_KINDS})(?![\w'’-])"
)
# A street named without a house number, in a review: one to three
# capitalised words and a word that only names a street ("lived on Marlpit
# Lane", "moved to Orchard Close"). Words that also name other things
# (Court, Park, Green, Way, Place, Hill, Gardens) are left out.
STREET_ONLY_KINDS = "Road|Rd|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Mews"
_STREET = re.compile(rf"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’\-]*[ \t\u00a0]+){{1,3}})(?:{STREET_ONLY_KINDS})(?![\w'’-])")
# Words that start a sentence or a phrase before a street's name.
_BEFORE_STREET = frozenset(
    """
the a an and or of on in at to from into onto by near off along down up past for with via
lived moved stayed living moving staying visited found seen at
""".split()
)
# Courts, not streets: "2 Family Court hearings", "3 Crown Court appearances".
COURT_NAMES = frozenset(
    """
family crown magistrates magistrate youth county high coroners coroner appeal appeals supreme
civil criminal juvenile combined sheriff district
""".split()
)
_COURT_BUSINESS = re.compile(
    r"['’]?s?[ \t\u00a0]+(?:hearings?|appearances?|proceedings|cases?|orders?|dates?|sittings?"
    r"|trials?|listings?|bundles?|applications?)\b",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[-–/]")
# The same written wholly in capitals or wholly in lower case ("27 MARLPIT
# LANE", "flat 2, 14 marlpit lane"); which of the two is checked on the match.
# Short forms that are also words or initials (St, Dr, Ct, Pl, Sq, Ln) are left out.
_KINDS_ANY_CASE = "|".join(kind for kind in STREET_KINDS.split("|") if kind not in SHORT_KINDS)
_HOUSE_ANY_CASE = (
    rf"(?:(?<![\w.,/:-])(?i:flat|apartment|apt|unit)\.?{SP}{NUMBER}{RANGE},?{SP}(?:{NUMBER},?{SP})?"
    rf"|(?<![\w.,/:–-])\d{{1,4}}[A-Za-z]?{RANGE},?{SP}|{NO}\d{{1,4}}[A-Za-z]?{RANGE},?{SP})"
)
_ADDRESS_ANY_CASE = re.compile(
    rf"{_HOUSE_ANY_CASE}"
    rf"(?P<name>(?:[^\W\d_][\w'’\-]*{SP}){{1,3}})(?P<kind>(?i:{_KINDS_ANY_CASE}))(?![\w'’-])"
)
# A short form in capitals after a name in capitals: "27 MARLPIT LN".
_ADDRESS_SHORT_CAPITALS = re.compile(
    rf"{_HOUSE_ANY_CASE}"
    rf"(?P<name>(?:[A-Z][A-Z'’\-]*{SP}){{1,3}})(?P<kind>{'|'.join(kind.upper() for kind in SHORT_KINDS)})"
    rf"(?![\w'’-])"
)
_FLAT_IN_BUILDING_ANY_CASE = re.compile(
    rf"(?<![\w.,/:-])(?i:flat|apartment|apt)\.?{SP}{NUMBER},?{SP}"
    rf"(?P<name>(?:[^\W\d_][\w'’\-]*{SP}){{1,3}})(?P<kind>(?i:{BUILDING_KINDS}))(?![\w'’-])"
)


class UkPostcode(Rule):
    """Flags a full UK postcode ("NS1 4AB") in a case review, anywhere the
    review publishes text. The board's own postcode (in BOARD_ADDRESS) and
    postcodes in redaction-allowlist.toml (however spaced: an agency's
    public office address is declared there, with its postcode) are not
    reported. The two halves written on two lines are one postcode: a line
    break or a `<br>` between them ("NS4<br>7QX" in a table cell), which
    the built page shows as a line break.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A full postcode covers about fifteen homes. With the child's age and the
    events of the review, it points to one family.

    ## Example
        The family moved to a flat near NS1 4AB.

    ## Use instead
        The family moved to another part of Northshire.

    ## Known limitations
    Only the full postcode is reported, not the outward code alone ("NS1"),
    which covers thousands of homes. A postcode in lower case must have its
    space ("ns1 4ab"); one inside a word or a URL path may be missed. Postcode
    areas are not checked against the real list, so made-up codes in the
    same shape are reported too.
    """

    code = "PII002"
    name = "uk-postcode"
    waiver = Waiver.APPROVED


class StreetAddress(Rule):
    """Flags a street address in a case review: a house or flat number
    followed by a capitalised street name and a kind of street ("14 Acacia
    Avenue", "Flat 3, Riverside Court", "12a Mill Lane", "12-14 Canal
    Street", "12/3 Canal Street", "No.27 Marlpit Lane", "Number 27 Marlpit
    Lane", "Flat 2/27 Marlpit Lane"). Road, Street, Avenue, Lane, Close,
    Drive, Way, Crescent, Court, Gardens, Terrace, Place, Grove, Mews and
    similar words count; after a flat number, so do House, Tower, Lodge, Mansions
    and similar ("Flat 7, Beacon House"). In a case review, a street named
    without a house number counts too: one to three capitalised words and
    a word that only names a street ("lived on Marlpit Lane", "Orchard
    Close"; Road, Street, Avenue, Lane, Close, Drive, Crescent, Terrace,
    Grove, Mews). A number after "section", "page" or "table" on its line is not a house number.

    A house number and a name with no kind of street count where the words
    before them lead to a place ("lived at 27 Marlpit, Northshire", "Police
    attended 27 Marlpit after a call", "evicted from 27 Marlpit",
    "ADDRESS: 27 MARLPIT") or after them say what happened to a home ("27
    Marlpit was searched"): one or two words, one of them in no word list at
    all, or, after a word of living somewhere ("lived at", "moved to"), not
    an everyday word ("moved back to 4 Hollins Brook"); in lower case only a
    word in no list counts ("27 marlpit"). Counts of things stay quiet
    ("moved to 2 schools", "4 HMOs", "2 Travelodges", "at 2 Brackenfold
    sites"). A street named "The" and capitalised words after a house
    number ("27 The Maltings", "4 The Green") counts after a word of living
    somewhere or "attended" ("lived at", "Police attended"), before "was
    searched", or with a word in no list; "the fair was at 4 The Green"
    stays quiet.

    A house's name without a number counts after a word of living somewhere
    and "at", "to", "into", "in" or "from", or after "Address:": capitalised
    words and a word that names a house, Farm, Cottage, House, Lodge, Barn,
    Mill, Manor, Grange, Villa, Bungalow, Hall, Rectory, Vicarage, Maltings
    and the like ("lived at Marlpit Farm", "moved to Rose Cottage",
    "returned home to The Old Mill"); in capitals a word of the name must
    not be an everyday word ("MOVED INTO MARLPIT FARM"), in lower case it
    must be in no list ("lived at marlpit farm").

    In a table, a column whose heading speaks of homes (Address, Home
    address, Addresses, Lives at, Lived at, Residence, Accommodation, Home)
    makes each of its cells a home, as a word of living somewhere would: a
    house number and a name ("27 Marlpit", "27 The Maltings", "4 Hollins
    Brook") or a house's name ("Marlpit Farm") alone in the cell or before
    a comma. Other cells of such a column ("Temporary accommodation", "2 bed
    flat", "Northshire") and cells of other columns stay quiet.

    An address written in capitals, in lower case or in a mix of the two
    ("27 MARLPIT LANE", "flat 2, 14 marlpit lane", "flat 7, marlpit house",
    "27 Marlpit lane", "no. 27 marlpit lane") is read the same way when a
    word of the street's name is not an everyday word
    (lscb_checks.text.everyday: the Dale-Chall list of easy words with
    their common endings, and the project's lists of roles, agencies and
    places) and none is a word such as "the" or "of": the house number is
    strong evidence, the name keeps ordinary phrases quiet ("within 2
    working days", "the 3 main roads", "a 2 way street", "a 10 minute
    walk").

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    An address identifies the family's home, and through it the child, to
    anyone who knows the area.

    ## Example
        Police attended 14 Acacia Avenue four times.

    ## Use instead
        Police attended the family home four times.

    ## Known limitations
    Outside case reviews a street without a house number is not reported (a
    guidance page names the office's street); in a review a street whose
    kind also names other things (Court, Park, Green, Way, Place, Hill,
    Gardens), a street written across a line break, and one followed by a
    capitalised word ("Mill Lane Surgery", PII010's) are not either. A
    street that is public (a government address, "Downing Street") goes in
    redaction-allowlist.toml; the board's own street, in BOARD_ADDRESS, is
    not reported. A house's name with no word of living somewhere before it
    or an address heading above it ("Rose Cottage was cold"), "The" and a
    kind of house alone ("lived at The Grange"), a house's name whose words
    speak of a public building or a person ("moved to County Hall", "stayed
    at Nan's House") or after an organisation ("the team moved to
    Westmarch House"), a house's name followed by a capitalised word
    ("Marlpit House School", PII010's), a cell of an address column that
    holds more than the address's first part ("near 27 Marlpit"), a
    building without a flat number ("7 Beacon House"), a
    kind of street not in the list, and, unless the whole address is in
    title case, a street named only with everyday words ("27 mill lane",
    "3 HIGH STREET", "27 Mill lane"), a short form that is also a word or an initial (St, Dr, Ct,
    Pl, Sq, Ln, La) in lower or mixed case (in title case and in capitals after a name in capitals,
    "27 MARLPIT LN", they are read) and a street without a house number are missed, and so is a number after words such as "section", "page", "year"
    or "aged", which are taken as numbers of something else. A Court named
    like a court of law (Family, Crown, Magistrates, Youth, County...) or
    followed by "hearings", "appearances" and the like ("2 Family Court
    hearings") is taken as a court, and a range that starts with a year
    ("2019-2021 Green Lane") as years.
    The board's own address (BOARD_ADDRESS) and the street addresses inside
    a postal address listed in redaction-allowlist.toml (an entry with a
    postcode: a partner agency's public office) are not reported, however
    the review breaks the address into lines.
    """

    code = "PII003"
    name = "street-address"
    waiver = Waiver.APPROVED


_BROKEN = re.compile(r"<[^>]*>|\\|\s+")
_HOUSE_BEFORE = re.compile(r"\d[A-Za-z]?,?[ \t\u00a0]+$")
STREET_HINT = 'remove the street; write "the family home" or "the area"'
POSTCODE_HINT = "remove the postcode; name no place smaller than the board's area"
ADDRESS_HINT = 'remove the address; write "the family home" or "the address"'


# What every match of the patterns below holds, found first over the whole
# text: the patterns are then run only around it (lscb_checks.text.near), with
# at most this many words before and after it (tests/test_near.py compares
# the two ways over the corpora). The last digit of a house number, then a
# letter or a comma and a space ("12a, "); a postcode's inward code ("7QX").
_HOUSE_NUMBER_END = re.compile(r"\d[A-Za-z]?,?\s")
_INWARD_CODE = re.compile(r"\d[A-Za-z]{2}(?![\w-])")
# ... and what else it holds (near.finditer_near's `needs`): the kind of street
# or building it ends with, after a space; the word for a flat; a search.
_END = r"(?![\w'’-])"
_NEEDS_STREET = re.compile(rf"(?:{STREET_KINDS}){_END}")
_NEEDS_FLAT = re.compile(r"[FA](?:lat|partment|pt)")
_NEEDS_SHORT_CAPITALS = re.compile(rf"(?:{'|'.join(kind.upper() for kind in SHORT_KINDS)}){_END}")
_NEEDS_STREET_ANY_CASE = any_case_words(_KINDS_ANY_CASE, r"[^ \t\u00a0\n]", _END)
_NEEDS_FLAT_ANY_CASE = any_case_words("flat|apartment|apt", r"[\w]", "")
_NEEDS_SEARCHED = any_case_words(SEARCHED_WORDS, r"[^ \t\u00a0]", r"\b")
NEAR = {  # pattern -> (anchor, words before, words after[, what else every match holds])
    "_POSTCODE": (_INWARD_CODE, 4, 1),
    "_POSTCODE_LOWER": (_INWARD_CODE, 4, 1),
    "_ADDRESS": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_STREET),
    "_FLAT_IN_BUILDING": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_FLAT),
    "_ADDRESS_ANY_CASE": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_STREET_ANY_CASE),
    "_ADDRESS_SHORT_CAPITALS": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_SHORT_CAPITALS),
    "_FLAT_IN_BUILDING_ANY_CASE": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_FLAT_ANY_CASE),
    "_ADDRESS_AFTER_CUE": (_HOUSE_NUMBER_END, 8, 8),
    "_ADDRESS_SEARCHED": (_HOUSE_NUMBER_END, 6, 8, _NEEDS_SEARCHED),
}


_NEAR = {globals()[name]: spec for name, spec in NEAR.items()}


def _near(pattern: re.Pattern, text: str):
    return finditer_near(pattern, text, *_NEAR[pattern])


def check(site):
    yield from scan(site, detect)


def detect(span, context: Context):
    text = span.text
    for pattern in (_POSTCODE, _POSTCODE_LOWER):
        for match in _near(pattern, text):
            if (
                _BROKEN.search(match.group(0))
                and _BROKEN.sub("", match.group(0)).upper() in context.redaction.board_keys
            ):
                continue  # the board's own postcode (or an allowlisted one) on two lines
            yield Hit(UkPostcode, match.start(), match.end(), "postcode", POSTCODE_HINT)
    found: list[tuple[int, int]] = []
    for pattern in (
        _ADDRESS,
        _FLAT_IN_BUILDING,
        _ADDRESS_ANY_CASE,
        _ADDRESS_SHORT_CAPITALS,
        _FLAT_IN_BUILDING_ANY_CASE,
    ):
        for match in _near(pattern, text):
            if any(start < match.end() and match.start() < end for start, end in found) or not _is_address(text, match):
                continue
            if "kind" in match.re.groupindex and not _named(match):
                continue
            found.append(match.span())
            yield Hit(StreetAddress, match.start(), match.end(), "address", ADDRESS_HINT)
    for pattern in (_ADDRESS_AFTER_CUE, _ADDRESS_SEARCHED):
        for match in _near(pattern, text):
            start, end = match.start("house"), match.end("name")
            # "27 The Maltings was searched": what happened to it says it is a home.
            home = True if match.re is _ADDRESS_SEARCHED and match.group("the") else None
            if any(low < end and start < high for low, high in found) or not home_named(text, match, home):
                continue
            found.append((start, end))
            yield Hit(StreetAddress, start, end, "address", ADDRESS_HINT)
    for start, end in (*house_names(text), *address_cells(text)):
        if not any(low < end and start < high for low, high in found):
            found.append((start, end))
            yield Hit(StreetAddress, start, end, "address", ADDRESS_HINT)
    if in_review(context):
        for start, end in _streets(text):
            if not any(low < end and start < high for low, high in found):
                yield Hit(StreetAddress, start, end, "street", STREET_HINT)


def _streets(text: str):
    """(start, end) of each street named without a house number."""
    for match in _STREET.finditer(text):
        words = match.group("name").split()
        start = match.start()
        while words and words[0].casefold() in _BEFORE_STREET:
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        if not words or words[0] in NOT_STREET_WORDS:
            continue
        start = text.index(words[0], start)
        if re.search(r"[\.:;!?]|\n", text[start : match.end()]):
            continue
        if _HOUSE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "27 Marlpit Lane": the address above
        if CAPITAL_AFTER.match(text, match.end()):
            continue  # "Mill Lane Surgery", "Station Road Primary School": PII010
        yield start, match.end()


def _named(match: re.Match) -> bool:
    """A street written in any case, named by words that are not everyday
    words: "27 MARLPIT LANE", "27 marlpit lane", "27 Marlpit lane", "12 old
    marlpit road", but not "2 way street" or "the 3 main roads"."""
    words = match.group("name").split()
    if any(word.lower() in FUNCTION_WORDS for word in words):
        return False
    # A name has a vowel and three letters or more: "5 kg rise" is a weight.
    return any(
        len(word) >= 3 and re.search(r"[aeiouy]", word, re.IGNORECASE) and not everyday(word, EVERYDAY)
        for word in words
    )


def _is_address(text: str, match: re.Match) -> bool:
    if re.search(r"\n[ \t\u00a0]*\n", match.group(0)):
        return False
    if NOT_HOUSE.search(text[max(0, match.start() - 16) : match.start()]):
        return False
    if _YEAR_RANGE.match(match.group(0)):
        return False  # "2019-2021 Green Lane ...": years, not house numbers
    name = match.group("name").split()
    if name[0].capitalize() in NOT_STREET_WORDS:
        return False
    if match.group(0).lower().endswith("court") and (
        name[-1].rstrip("'’").lower() in COURT_NAMES or _COURT_BUSINESS.match(text, match.end())
    ):
        return False  # "2 Family Court hearings": a court, not a street
    return True
