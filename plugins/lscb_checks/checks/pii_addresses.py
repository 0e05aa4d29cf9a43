"""Postcodes (PII002) and street addresses (PII003) in case reviews."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, scan
from ..text.everyday import everyday
from ..text.forenames import NOT_FORENAMES, forenames
from ..text.near import finditer_near
from ..text.rows import rows
from ..text.unlisted_names import PERSON_WORDS, unknown_word
from .pii_name_parts import in_review
from .pii_names import NOT_SURNAMES

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
_POSTCODE_LOWER = re.compile(rf"{_OUTWARD.lower()}(?:[ \t\u00a0]+|{_LINE_BREAK})"
                             rf"{_INWARD.lower()}(?![\w-])")

_SP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
STREET_KINDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|La|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns"
    "|Terrace|Tce|Place|Pl|Grove|Mews|Row|Square|Sq|Walk|Rise|Hill|View|Parade|Vale|Green|Park"
    "|Gate|Wharf|Yard|Heights|Meadows|Fields|Chase|Croft|Boulevard|Broadway|Quay|Wynd|Hollow"
)
# A house or flat number, then one to three capitalised words and the kind
# of street: "14 Acacia Avenue", "Flat 3, 12a Mill Lane", "Flat 2, Riverside Court".
_NUMBER = r"\d{1,4}[A-Za-z]?"
# A range of house numbers or a Scottish flat number: "12-14", "12/3".
_RANGE = r"(?:[-–/]\d{1,4}[A-Za-z]?)?"
# The first character comes first and the check of what is before it after
# it: the regular expression engine then skips fast to places that can match.
# "No.27", "No 27", "Number 27": the full stop of "No." may touch the number.
_NO = r"[Nn](?<![\w.,/:-].)(?i:o\.?|umber)[ \t\u00a0]*"
_ADDRESS = re.compile(
    rf"(?:[FAU](?<![\w.,/:-].)(?:lat|partment|pt|nit)\.?{_SP}{_NUMBER}{_RANGE},?{_SP}(?:{_NUMBER},?{_SP})?"
    rf"|\d(?<![\w.,/:–-]\d)\d{{0,3}}[A-Za-z]?{_RANGE},?{_SP}|{_NO}\d{{1,4}}[A-Za-z]?{_RANGE},?{_SP})"
    rf"(?P<name>(?:[A-Z][\w'’\-]*{_SP}){{1,3}})(?:{STREET_KINDS})(?![\w'’-])"
)
# A flat in a named building: "Flat 7, Beacon House", "Apartment 12 Mill Court".
BUILDING_KINDS = "House|Tower|Towers|Lodge|Mansions|Building|Buildings|Point|Block|Hall|Heights|Court"
_FLAT_IN_BUILDING = re.compile(
    rf"[FA](?<![\w.,/:-].)(?:lat|partment|pt)\.?{_SP}{_NUMBER},?{_SP}"
    rf"(?P<name>(?:[A-Z][\w'’\-]*{_SP}){{1,3}})(?:{BUILDING_KINDS})(?![\w'’-])"
)
# A street named without a house number, in a review: one to three
# capitalised words and a word that only names a street ("lived on Marlpit
# Lane", "moved to Orchard Close"). Words that also name other things
# (Court, Park, Green, Way, Place, Hill, Gardens) are left out.
STREET_ONLY_KINDS = "Road|Rd|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Mews"
_STREET = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’\-]*[ \t\u00a0]+){{1,3}})(?:{STREET_ONLY_KINDS})(?![\w'’-])")
# Words that start a sentence or a phrase before a street's name.
_BEFORE_STREET = frozenset("""
the a an and or of on in at to from into onto by near off along down up past for with via
lived moved stayed living moving staying visited found seen at
""".split())
# Courts, not streets: "2 Family Court hearings", "3 Crown Court appearances".
COURT_NAMES = frozenset("""
family crown magistrates magistrate youth county high coroners coroner appeal appeals supreme
civil criminal juvenile combined sheriff district
""".split())
_COURT_BUSINESS = re.compile(
    r"['’]?s?[ \t\u00a0]+(?:hearings?|appearances?|proceedings|cases?|orders?|dates?|sittings?"
    r"|trials?|listings?|bundles?|applications?)\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[-–/]")
# Numbers of other things, before which a number is not a house number:
# "Recommendation 3 Park Lane" does not happen, "section 47 Children Act" does.
_NOT_HOUSE = re.compile(
    r"\b(?:section|sections|s\.|recommendation|finding|paragraph|para|page|pages|chapter|part|"
    r"appendix|annex|year|years|aged|age|level|stage|tier|step|phase|table|figure|week|weeks|"
    r"day|days|month|months|item|point|schedule|article|regulation|rule|line|"
    r"grade|key|room|ward|bed|floor|minute|minutes|hour|hours)\s*$",
    re.IGNORECASE,
)
# The same written wholly in capitals or wholly in lower case ("27 MARLPIT
# LANE", "flat 2, 14 marlpit lane"); which of the two is checked on the match.
# Short forms that are also words or initials (St, Dr, Ct, Pl, Sq, Ln) are left out.
_SHORT_KINDS = ("St", "Dr", "Ct", "Pl", "Sq", "Ln", "La")
_KINDS_ANY_CASE = "|".join(kind for kind in STREET_KINDS.split("|") if kind not in _SHORT_KINDS)
_HOUSE_ANY_CASE = (
    rf"(?:(?<![\w.,/:-])(?i:flat|apartment|apt|unit)\.?{_SP}{_NUMBER}{_RANGE},?{_SP}(?:{_NUMBER},?{_SP})?"
    rf"|(?<![\w.,/:–-])\d{{1,4}}[A-Za-z]?{_RANGE},?{_SP}|{_NO}\d{{1,4}}[A-Za-z]?{_RANGE},?{_SP})"
)
_ADDRESS_ANY_CASE = re.compile(
    rf"{_HOUSE_ANY_CASE}"
    rf"(?P<name>(?:[^\W\d_][\w'’\-]*{_SP}){{1,3}})(?P<kind>(?i:{_KINDS_ANY_CASE}))(?![\w'’-])"
)
# A short form in capitals after a name in capitals: "27 MARLPIT LN".
_ADDRESS_SHORT_CAPITALS = re.compile(
    rf"{_HOUSE_ANY_CASE}"
    rf"(?P<name>(?:[A-Z][A-Z'’\-]*{_SP}){{1,3}})(?P<kind>{'|'.join(kind.upper() for kind in _SHORT_KINDS)})"
    rf"(?![\w'’-])"
)
_FLAT_IN_BUILDING_ANY_CASE = re.compile(
    rf"(?<![\w.,/:-])(?i:flat|apartment|apt)\.?{_SP}{_NUMBER},?{_SP}"
    rf"(?P<name>(?:[^\W\d_][\w'’\-]*{_SP}){{1,3}})(?P<kind>(?i:{BUILDING_KINDS}))(?![\w'’-])"
)
# A house number and a street's name with no street type: "lived at 27
# Marlpit, Northshire", "Police attended 27 Marlpit after a call", "27
# Marlpit was searched", "ADDRESS: 27 MARLPIT". One or two words (in lower
# case, only words in no word list) after a word that leads to a
# place ("at", "to", "from", "attended", "Address:"), then a comma, a full
# stop, the end of the line or a small word ("since", "in", "after"). Which
# words count as a street's name is decided in _home_named (a kind of street
# is read by the patterns above).
_CUE = (r"(?i:at|to|from|into|as|attended|visited|searched|raided|entered|address(?:ed)?|home)"
        r"(?:[ \t\u00a0]*:)?")
_STRONG_CUES = frozenset("address addressed home attended visited searched raided entered".split())
_HOME_VERBS = frozenset("""
lived lives living live resided resides residing stayed stays staying moved moves moving returned returning
rehoused housed address addressed home evicted fled left
""".split())
_AFTER_HOUSE = (r"(?=[ \t\u00a0]*(?:[,.;:()|]|\r?\n[ \t]*(?:\r?\n|[|*#>+-]|\d+[.)]|$)|$)|[ \t\u00a0]+(?i:in|on|with|for|from|until|between|and|since|"
                r"after|before|where|when|which|while|during|by|until|to|was|were|had|has|is|are|following|"
                r"over|at|about|because|but|or|that|then)\b)")
_HOUSE = rf"(?P<house>(?i:(?:flat|apartment|apt|unit)\.?{_SP}{_NUMBER},?{_SP})?(?:{_NO})?{_NUMBER}{_RANGE})"
# A street's name is one or two words, or "The" and one or two capitalised
# words ("27 The Maltings", "4 The Green"): judged in _home_named.
_THE = r"(?:(?P<the>The|THE)[ \t\u00a0]+(?=[A-Z]))?"
_HOUSE_AND_NAME = (rf"{_HOUSE},?[ \t\u00a0]+"
                   rf"(?P<name>{_THE}[A-Za-z][A-Za-z'’\-]+(?:[ \t\u00a0]+[A-Za-z][A-Za-z'’\-]+)?)")
_ADDRESS_AFTER_CUE = re.compile(rf"(?<![\w'’-])(?P<cue>{_CUE})[ \t\u00a0]+{_HOUSE_AND_NAME}{_AFTER_HOUSE}")
# "27 Marlpit was searched": a house number and a name in no word list,
# then what happens to a home.
_ADDRESS_SEARCHED = re.compile(
    rf"(?<![\w'’.,/:-])(?P<house>{_NUMBER}{_RANGE}),?[ \t\u00a0]+(?P<name>{_THE}[A-Z][A-Za-z'’\-]+)"
    r"(?=[ \t\u00a0]+(?i:was|were|had[ \t\u00a0]+been)[ \t\u00a0]+(?i:searched|raided|visited|entered|"
    r"boarded|burgled|attended|watched|cleared|inspected|repossessed)\b)"
)
# A house named without a number ("Marlpit Farm", "Rose Cottage", "The Old
# Mill") after a word of living somewhere and "at", "to", "into", "in" or
# "from" ("lived at", "moved to", "returned home to"), or after "Address:".
HOUSE_NAME_KINDS = (
    "Farm|Farmhouse|Farms|Cottage|Cottages|House|Lodge|Barn|Barns|Mill|Manor|Grange|Villa|Villas|Bungalow"
    "|Hall|Rectory|Vicarage|Chalet|Oast|Maltings"
)
_HOUSE_NAME = (rf"(?P<name>(?:[A-Za-z][\w'’\-]*[ \t\u00a0]+){{1,3}}"
               rf"(?i:{HOUSE_NAME_KINDS}))(?![\w'’-])")
_HOUSE_NAME_AFTER_CUE = re.compile(
    rf"(?<![\w'’-])(?:(?P<verb>[A-Za-z]+)[ \t\u00a0]+(?i:at|to|into|in|from)|(?i:address(?:es)?)[ \t\u00a0]*:)"
    rf"[ \t\u00a0]+(?=[A-Z]|[a-z]+[ \t\u00a0]+(?i:[a-z]+[ \t\u00a0]+){{0,2}}(?:{HOUSE_NAME_KINDS.lower()})\b)"
    rf"{_HOUSE_NAME}")
# Words of a public building's name, not a home's: "moved to County Hall".
_PUBLIC_BUILDING_WORDS = frozenset("""
county town city civic council municipal community parish church village guild memorial police court
government health medical care children's childrens family youth
""".split())
# Who moved, when it is not a family: "the team moved to Westmarch House".
_ORGANISATION_SUBJECTS = frozenset("""
team teams service services office offices board partnership unit units hub department departments school
schools clinic clinics practice surgery mash panel agency agencies council trust staff headquarters base
centre center library charity business company firm
""".split())
_HOUSE_NAME_IN_CELL = re.compile(rf"{_HOUSE_NAME}(?=[ \t\u00a0]*(?:[,;(]|$))")
# The heading of a table column whose cells are homes: "Address", "Home
# address", "Addresses", "Lives at", "Lived at", "Residence", "Accommodation".
_ADDRESS_HEADING = re.compile(
    r"\b(?:address(?:es)?|residences?|accommodation|home|li(?:ves|ved|ving)[ \t\u00a0]+(?:at|in)"
    r"|resid(?:es|ed|ing)(?:[ \t\u00a0]+(?:at|in))?|dwelling)\b", re.IGNORECASE)
_CELL_ADDRESS = re.compile(rf"{_HOUSE_AND_NAME}(?=[ \t\u00a0]*(?:[,;(]|$))")
# Words of a street's name that are everyday words though not on the
# Dale-Chall list, and function words that never name a street.
_FUNCTION_WORDS = frozenset("""
a an the this that these those her his their its our your my each every any no some all both
of and or but to in on at by for from with into onto than then as per via
""".split())
_EVERYDAY = NOT_SURNAMES | NOT_FORENAMES | frozenset("""
main minute minutes mile miles hour hours working days weeks months years times way
""".split())
# A name word before the kind of street that is not a street name.
_NOT_STREET_WORDS = frozenset(
    "The A An And Or Of Child Mother Father Sibling School Children Working Together".split())


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
    Grove, Mews).

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
_CAPITAL_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
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
NEAR = {  # pattern -> (anchor, words before, words after)
    "_POSTCODE": (_INWARD_CODE, 4, 1), "_POSTCODE_LOWER": (_INWARD_CODE, 4, 1),
    "_ADDRESS": (_HOUSE_NUMBER_END, 6, 8), "_FLAT_IN_BUILDING": (_HOUSE_NUMBER_END, 6, 8),
    "_ADDRESS_ANY_CASE": (_HOUSE_NUMBER_END, 6, 8), "_ADDRESS_SHORT_CAPITALS": (_HOUSE_NUMBER_END, 6, 8),
    "_FLAT_IN_BUILDING_ANY_CASE": (_HOUSE_NUMBER_END, 6, 8), "_ADDRESS_AFTER_CUE": (_HOUSE_NUMBER_END, 8, 8),
    "_ADDRESS_SEARCHED": (_HOUSE_NUMBER_END, 6, 8),
}


_NEAR = {globals()[name]: spec for name, spec in NEAR.items()}


def _near(pattern: re.Pattern, text: str):
    anchor, before, after = _NEAR[pattern]
    return finditer_near(pattern, text, anchor, before, after)


def check(site):
    yield from scan(site, detect)


def detect(span, context: Context):
    text = span.text
    for pattern in (_POSTCODE, _POSTCODE_LOWER):
        for match in _near(pattern, text):
            if _BROKEN.search(match.group(0)) and \
                    _BROKEN.sub("", match.group(0)).upper() in context.redaction.board_keys:
                continue  # the board's own postcode (or an allowlisted one) on two lines
            yield Hit(UkPostcode, match.start(), match.end(), "postcode", POSTCODE_HINT)
    found: list[tuple[int, int]] = []
    for pattern in (_ADDRESS, _FLAT_IN_BUILDING, _ADDRESS_ANY_CASE, _ADDRESS_SHORT_CAPITALS,
                    _FLAT_IN_BUILDING_ANY_CASE):
        for match in _near(pattern, text):
            if any(start < match.end() and match.start() < end for start, end in found) \
                    or not _is_address(text, match):
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
            if any(low < end and start < high for low, high in found) or not _home_named(text, match, home):
                continue
            found.append((start, end))
            yield Hit(StreetAddress, start, end, "address", ADDRESS_HINT)
    for start, end in (*_house_names(text), *_address_cells(text)):
        if not any(low < end and start < high for low, high in found):
            found.append((start, end))
            yield Hit(StreetAddress, start, end, "address", ADDRESS_HINT)
    if in_review(context):
        for start, end in _streets(text):
            if not any(low < end and start < high for low, high in found):
                yield Hit(StreetAddress, start, end, "street", STREET_HINT)


def _address_cells(text: str):
    """(start, end) of each home in a table column headed as addresses
    ("| Address |", "| Lives at |"): a house number and a name ("27 Marlpit",
    "27 The Maltings", "4 Hollins Brook") or a house's name ("Marlpit Farm"),
    the heading standing for a word of living somewhere."""
    if "|" not in text or not _ADDRESS_HEADING.search(text):
        return
    for row in rows(text):
        if not row.in_table:
            continue
        for cell in row.cells:
            if not cell.text or not cell.heading or len(cell.heading.split()) > 6 \
                    or not _ADDRESS_HEADING.search(cell.heading):
                continue
            end = cell.start + len(cell.text)
            match = _CELL_ADDRESS.match(text, cell.start, end)
            if match and not _NOT_HOUSE.search(text, max(0, match.start() - 16), match.start()) \
                    and _home_named(text, match, home=True):
                yield match.start("house"), match.end("name")
                continue
            yield from _house_names(text, cell.start, end, heading=True)


def _streets(text: str):
    """(start, end) of each street named without a house number."""
    for match in _STREET.finditer(text):
        words = match.group("name").split()
        start = match.start()
        while words and words[0].casefold() in _BEFORE_STREET:
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        if not words or words[0] in _NOT_STREET_WORDS:
            continue
        start = text.index(words[0], start)
        if re.search(r"[\.:;!?]|\n", text[start:match.end()]):
            continue
        if _HOUSE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "27 Marlpit Lane": the address above
        if _CAPITAL_AFTER.match(text, match.end()):
            continue  # "Mill Lane Surgery", "Station Road Primary School": PII010
        yield start, match.end()

def _named(match: re.Match) -> bool:
    """A street written in any case, named by words that are not everyday
    words: "27 MARLPIT LANE", "27 marlpit lane", "27 Marlpit lane", "12 old
    marlpit road", but not "2 way street" or "the 3 main roads"."""
    words = match.group("name").split()
    if any(word.lower() in _FUNCTION_WORDS for word in words):
        return False
    # A name has a vowel and three letters or more: "5 kg rise" is a weight.
    return any(len(word) >= 3 and re.search(r"[aeiouy]", word, re.IGNORECASE) and not everyday(word, _EVERYDAY)
               for word in words)


def _home_named(text: str, match: re.Match, home: bool | None = None) -> bool:
    """The words after a house number name a street, not a count of things
    ("moved to 3 Schools", "4 HMOs", "2 Travelodges"): none is a street
    type, a word such as "the", or capitals ending in "s" ("HMOs", "PRUs");
    one of them is in no word list at all ("Marlpit"), or, after a word of
    living somewhere ("lived at", "moved to", "Address:"; `home`, when the
    caller knows), is not an everyday word ("4 Hollins Brook"). "The" and
    capitalised words ("27 The Maltings", "4 The Green") name a street after
    a word of living somewhere, or with a word in no list."""
    words = match.group("name").split()
    the = "the" in match.re.groupindex and bool(match.group("the"))
    if the:
        words = words[1:]
        if not all(word[:1].isupper() for word in words):
            return False  # "27 The Maltings estate": not a name
    if any(word.lower() in _FUNCTION_WORDS or word.lower() in ("if", "else", "not", "when", "then")
           or word.capitalize() in _NOT_STREET_WORDS for word in words):
        return False
    if not the and (re.fullmatch(STREET_KINDS, words[-1].capitalize())
                    or words[-1].upper() in (k.upper() for k in _SHORT_KINDS)):
        return False
    if any(re.fullmatch(r"[A-Z]{2,}s", word) for word in words):
        return False  # "4 HMOs", "2 PRUs": counts of things
    last = words[-1].lower()
    if len(words) == 2 and last.endswith("s") and (everyday(last, _EVERYDAY) or everyday(last[:-1], _EVERYDAY)):
        return False  # "AT 2 BRACKENFOLD SITES": a count of places
    names = forenames()
    if any(word[0].islower() and not unknown_word(word, names) for word in words):
        return False  # in lower case, only a word in no list names a street: "27 marlpit"
    if any(unknown_word(word, names) for word in words):
        return True
    if home is None:
        home = "cue" in match.re.groupindex and _home_cue(text, match)
    if not home:
        return False
    if the:
        return not any(word.lower().rstrip("'’s") in PERSON_WORDS for word in words)
    return any(
        len(word) >= 3 and re.search(r"[aeiouy]", word, re.IGNORECASE) and not everyday(word, _EVERYDAY)
        and not (word.lower().endswith("s") and everyday(word[:-1], _EVERYDAY))
        for word in words)


def _home_cue(text: str, match: re.Match) -> bool:
    """After a word that only leads to a home ("attended", "searched",
    "address as"), or a word of living somewhere before "at" or "to"."""
    previous = re.search(r"([A-Za-z]+)[ \t\u00a0]*:?[ \t\u00a0]*$", text[max(0, match.start() - 30):match.start()])
    cue = match.group("cue").lower().rstrip(": \t")
    before = previous.group(1).lower() if previous else ""
    return cue in _STRONG_CUES or (cue == "as" and before in ("address", "addressed")) or (
        cue in ("at", "to", "into", "from") and before in _HOME_VERBS)


def _house_names(text: str, begin: int = 0, stop: int | None = None, heading: bool = False):
    """(start, end) of each house named without a number after a word of
    living somewhere ("lived at Marlpit Farm", "moved to Rose Cottage",
    "Address: The Old Mill"), or alone in a cell under an address heading
    (`heading`): capitalised words and a word that names a house (Farm,
    Cottage, House, Lodge...). In capitals or lower case a word of the name
    must not be an everyday word, or (lower case) in no word list."""
    stop = len(text) if stop is None else stop
    pattern = _HOUSE_NAME_IN_CELL if heading else _HOUSE_NAME_AFTER_CUE
    matches = [pattern.match(text, begin, stop)] if heading else pattern.finditer(text, begin, stop)
    for match in filter(None, matches):
        if not heading and match.group("verb"):
            subject = re.search(r"([A-Za-z]+)[ \t\u00a0]+$", text[max(0, match.start() - 30):match.start()])
            if match.group("verb").lower() not in _HOME_VERBS or (
                    subject and subject.group(1).lower() in _ORGANISATION_SUBJECTS):
                continue
        words = match.group("name").split()
        if words[0] in ("The", "THE") and len(words) > 2:
            words = words[1:]  # "The Old Mill", "THE OLD GRANGE": the name is what follows
        name = words[:-1]
        if any(word.lower() in _FUNCTION_WORDS or word.rstrip("'’s").capitalize() in _NOT_STREET_WORDS
               or word.lower().rstrip("'’s") in PERSON_WORDS for word in name):
            continue  # "moved to a new house", "lived at Nan's House", "Mother's House"
        if any(word.lower() in _PUBLIC_BUILDING_WORDS for word in name):
            continue  # "the team moved to County Hall": a public building
        if _CAPITAL_AFTER.match(text, match.end(), stop):
            continue  # "Brackenfold House Surgery", "Marlpit Farm School": PII010's
        if all(word[:1].isupper() and not word.isupper() for word in words):
            pass  # "Marlpit Farm", "Rose Cottage": a name by its capitals
        elif all(word.isupper() for word in words):
            if not any(len(word) >= 3 and not everyday(word, _EVERYDAY) for word in name):
                continue  # "LIVED AT ROSE COTTAGE" is not told from "MOVED TO BIG HOUSE"
        elif not any(unknown_word(word, forenames()) for word in name):
            continue  # "lived at the farm house", "moved to Rose cottage"
        yield match.start("name"), match.end("name")


def _is_address(text: str, match: re.Match) -> bool:
    if re.search(r"\n[ \t\u00a0]*\n", match.group(0)):
        return False
    if _NOT_HOUSE.search(text[max(0, match.start() - 16):match.start()]):
        return False
    if _YEAR_RANGE.match(match.group(0)):
        return False  # "2019-2021 Green Lane ...": years, not house numbers
    name = match.group("name").split()
    if name[0].capitalize() in _NOT_STREET_WORDS:
        return False
    if match.group(0).lower().endswith("court") and (
            name[-1].rstrip("'’").lower() in COURT_NAMES or _COURT_BUSINESS.match(text, match.end())):
        return False  # "2 Family Court hearings": a court, not a street
    return True
