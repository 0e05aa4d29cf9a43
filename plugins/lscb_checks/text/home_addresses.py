"""A home's address: the shapes of a house number and the kinds of street
(lscb_checks.checks.pii_addresses reads full addresses with them), and the
homes named without a kind of street, which only the words around them
show to be homes (PII003):

- a house number and a name after a word that leads to a home ("lived at
  27 Marlpit", "Police attended 27 The Maltings") or before what happens to
  a home ("27 Marlpit was searched");
- a house's name after a word of living somewhere ("lived at Marlpit
  Farm", "moved to Rose Cottage");
- a house number and a name, or a house's name, in a table column whose
  heading speaks of homes ("| Address |", "| Lives at |").
"""

from __future__ import annotations

import re

from .everyday import everyday
from .forenames import NOT_FORENAMES, forenames
from .name_words import NOT_SURNAMES
from .near import any_case_words, finditer_near
from .rows import rows
from .unlisted_names import PERSON_WORDS, unknown_word

SP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
STREET_KINDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|La|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns"
    "|Terrace|Tce|Place|Pl|Grove|Mews|Row|Square|Sq|Walk|Rise|Hill|View|Parade|Vale|Green|Park"
    "|Gate|Wharf|Yard|Heights|Meadows|Fields|Chase|Croft|Boulevard|Broadway|Quay|Wynd|Hollow"
)
# A house or flat number, then one to three capitalised words and the kind
# of street: "14 Acacia Avenue", "Flat 3, 12a Mill Lane", "Flat 2, Riverside Court".
NUMBER = r"\d{1,4}[A-Za-z]?"
# A range of house numbers or a Scottish flat number: "12-14", "12/3".
RANGE = r"(?:[-–/]\d{1,4}[A-Za-z]?)?"
# The first character comes first and the check of what is before it after
# it: the regular expression engine then skips fast to places that can match.
# "No.27", "No 27", "Number 27": the full stop of "No." may touch the number.
NO = r"[Nn](?<![\w.,/:-].)(?i:o\.?|umber)[ \t\u00a0]*"
# Numbers of other things, before which a number is not a house number:
# "Recommendation 3 Park Lane" does not happen, "section 47 Children Act" does.
# On the number's line only: "See the table" and "14 Acacia Avenue" in the
# list after it is an address, and so is "Ground Floor" over "14 Acacia
# Avenue" (a floor before a house number is part of the address).
NOT_HOUSE = re.compile(
    r"\b(?:section|sections|s\.|recommendation|finding|paragraph|para|page|pages|chapter|part|"
    r"appendix|annex|year|years|aged|age|level|stage|tier|step|phase|table|figure|week|weeks|"
    r"day|days|month|months|item|point|schedule|article|regulation|rule|line|"
    r"grade|key|room|ward|bed|minute|minutes|hour|hours)[ \t\u00a0]*$",
    re.IGNORECASE,
)
# Short forms of a kind of street that are also words or initials.
SHORT_KINDS = ("St", "Dr", "Ct", "Pl", "Sq", "Ln", "La")
# A capitalised word after a name: "Mill Lane Surgery", "Marlpit House School".
CAPITAL_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
# A house number and a street's name with no street type: "lived at 27
# Marlpit, Northshire", "Police attended 27 Marlpit after a call", "27
# Marlpit was searched", "ADDRESS: 27 MARLPIT". One or two words (in lower
# case, only words in no word list) after a word that leads to a
# place ("at", "to", "from", "attended", "Address:"), then a comma, a full
# stop, the end of the line or a small word ("since", "in", "after"). Which
# words count as a street's name is decided in home_named (a kind of street
# is read by lscb_checks.checks.pii_addresses).
_CUE = (
    r"(?i:at|to|from|into|as|attended|visited|searched|raided|entered|address(?:ed)?|home)"
    r"(?:[ \t\u00a0]*:)?"
)
_STRONG_CUES = frozenset("address addressed home attended visited searched raided entered".split())
_HOME_VERBS = frozenset(
    """
lived lives living live resided resides residing stayed stays staying moved moves moving returned returning
rehoused housed address addressed home evicted fled left
""".split()
)
_AFTER_HOUSE = (
    r"(?=[ \t\u00a0]*(?:[,.;:()|]|\r?\n[ \t]*(?:\r?\n|[|*#>+-]|\d+[.)]|$)|$)|[ \t\u00a0]+(?i:in|on|with|for|from|until|between|and|since|"
    r"after|before|where|when|which|while|during|by|until|to|was|were|had|has|is|are|following|"
    r"over|at|about|because|but|or|that|then)\b)"
)
_HOUSE = rf"(?P<house>(?i:(?:flat|apartment|apt|unit)\.?{SP}{NUMBER},?{SP})?(?:{NO})?{NUMBER}{RANGE})"
# A street's name is one or two words, or "The" and one or two capitalised
# words ("27 The Maltings", "4 The Green"): judged in home_named.
_THE = r"(?:(?P<the>The|THE)[ \t\u00a0]+(?=[A-Z]))?"
_HOUSE_AND_NAME = (
    rf"{_HOUSE},?[ \t\u00a0]+"
    rf"(?P<name>{_THE}[A-Za-z][A-Za-z'’\-]+(?:[ \t\u00a0]+[A-Za-z][A-Za-z'’\-]+)?)"
)
# Spaces with at most one line break: the words of one paragraph, hard-wrapped
# in the Markdown ("lived at\nMarlpit Farm") or drawn as two lines.
WRAP = r"(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)"
ADDRESS_AFTER_CUE = re.compile(rf"(?<![\w'’-])(?P<cue>{_CUE}){WRAP}{_HOUSE_AND_NAME}{_AFTER_HOUSE}")
SEARCHED_WORDS = "searched|raided|visited|entered|boarded|burgled|attended|watched|cleared|inspected|repossessed"
# "27 Marlpit was searched": a house number and a name in no word list,
# then what happens to a home.
ADDRESS_SEARCHED = re.compile(
    rf"(?<![\w'’.,/:-])(?P<house>{NUMBER}{RANGE}),?[ \t\u00a0]+(?P<name>{_THE}[A-Z][A-Za-z'’\-]+)"
    r"(?=[ \t\u00a0]+(?i:was|were|had[ \t\u00a0]+been)[ \t\u00a0]+(?i:" + SEARCHED_WORDS + r")\b)"
)
# A house named without a number ("Marlpit Farm", "Rose Cottage", "The Old
# Mill") after a word of living somewhere and "at", "to", "into", "in" or
# "from" ("lived at", "moved to", "returned home to"), or after "Address:".
HOUSE_NAME_KINDS = (
    "Farm|Farmhouse|Farms|Cottage|Cottages|House|Lodge|Barn|Barns|Mill|Manor|Grange|Villa|Villas|Bungalow"
    "|Hall|Rectory|Vicarage|Chalet|Oast|Maltings"
)
# Up to four words and the kind ("Higher Old Marlpit Mill Farm"), on one or
# two lines, in quotation marks or not ("'Marlpit Cottage'").
_HOUSE_NAME = (
    rf"(?P<name>(?:[A-Za-z][\w'’\-]*{WRAP}){{1,4}}"
    rf"(?i:{HOUSE_NAME_KINDS}))(?![\w-]|['’][A-Za-z])"
)
_HOUSE_NAME_AFTER_CUE = re.compile(
    rf"(?<![\w'’-])(?:(?P<verb>[A-Za-z]+)(?:{WRAP}(?i:with)(?:{WRAP}[A-Za-z'’]+){{1,3}})?{WRAP}"
    rf"(?i:at|to|into|in|from)(?:[ \t\u00a0]*:)?|(?i:address(?:es)?)[ \t\u00a0]*:)"
    rf"{WRAP}[\"“‘']?(?=[A-Z]|[a-z]+{WRAP}(?i:[a-z]+{WRAP}){{0,3}}(?:{HOUSE_NAME_KINDS.lower()})\b)"
    rf"{_HOUSE_NAME}"
)
# Words of a public building's name, not a home's: "moved to County Hall".
_PUBLIC_BUILDING_WORDS = frozenset(
    """
county town city civic council municipal community parish church village guild memorial police court
government health medical care children's childrens family youth
""".split()
)
# Who moved, when it is not a family: "the team moved to Westmarch House".
_ORGANISATION_SUBJECTS = frozenset(
    """
team teams service services office offices board partnership unit units hub department departments school
schools clinic clinics practice surgery mash panel agency agencies council trust staff headquarters base
centre center library charity business company firm
""".split()
)
# What every match of _HOUSE_NAME_AFTER_CUE ends with: the word that names a
# house. The pattern is read only within the words before it that a match
# can hold (a verb, "with" and three words, and "at", or "Address" and ":",
# then up to four words of name: lscb_checks.text.near; tests/test_near.py
# compares the two ways).
_HOUSE_KIND = any_case_words(HOUSE_NAME_KINDS, r"[\w'’-]", r"(?![\w-]|['’][A-Za-z])")
NEAR = {"_HOUSE_NAME_AFTER_CUE": (_HOUSE_KIND, 10, 0)}
_HOUSE_NAME_IN_CELL = re.compile(rf"{_HOUSE_NAME}(?=[ \t\u00a0]*(?:[,;(]|$))")
# The heading of a table column whose cells are homes: "Address", "Home
# address", "Addresses", "Lives at", "Lived at", "Residence", "Accommodation".
_ADDRESS_HEADING = re.compile(
    r"\b(?:address(?:es)?|residences?|accommodation|home|li(?:ves|ved|ving)[ \t\u00a0]+(?:at|in)"
    r"|resid(?:es|ed|ing)(?:[ \t\u00a0]+(?:at|in))?|dwelling)\b",
    re.IGNORECASE,
)
# A table's heading row: a line with a pipe, then a line that starts as a
# separator row does (rows.py reads a table only there).
_TABLE_HEADING = re.compile(r"^([^\n]*\|[^\n]*)\n(?=[ \t]*\|?[ \t]*:?-{3,})", re.MULTILINE)
_CELL_ADDRESS = re.compile(rf"{_HOUSE_AND_NAME}(?=[ \t\u00a0]*(?:[,;(]|$))")
# Words of a street's name that are everyday words though not on the
# Dale-Chall list, and function words that never name a street.
FUNCTION_WORDS = frozenset(
    """
a an the this that these those her his their its our your my each every any no some all both
of and or but to in on at by for from with into onto than then as per via
""".split()
)
EVERYDAY = (
    NOT_SURNAMES
    | NOT_FORENAMES
    | frozenset(
        """
main minute minutes mile miles hour hours working days weeks months years times way
""".split()
    )
)
# A name word before the kind of street that is not a street name.
NOT_STREET_WORDS = frozenset("The A An And Or Of Child Mother Father Sibling School Children Working Together".split())


def address_cells(text: str):
    """(start, end) of each home in a table column headed as addresses
    ("| Address |", "| Lives at |"): a house number and a name ("27 Marlpit",
    "27 The Maltings", "4 Hollins Brook") or a house's name ("Marlpit Farm"),
    the heading standing for a word of living somewhere."""
    if "|" not in text or not any(_ADDRESS_HEADING.search(heading) for heading in _TABLE_HEADING.findall(text)):
        return  # no column headed as addresses (rows() gives headings only from such a line)
    for row in rows(text):
        if not row.in_table:
            continue
        for cell in row.cells:
            if (
                not cell.text
                or not cell.heading
                or len(cell.heading.split()) > 6
                or not _ADDRESS_HEADING.search(cell.heading)
            ):
                continue
            end = cell.start + len(cell.text)
            match = _CELL_ADDRESS.match(text, cell.start, end)
            if (
                match
                and not NOT_HOUSE.search(text, max(0, match.start() - 16), match.start())
                and home_named(text, match, home=True)
            ):
                yield match.start("house"), match.end("name")
                continue
            yield from house_names(text, cell.start, end, heading=True)


def home_named(text: str, match: re.Match, home: bool | None = None) -> bool:
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
    if any(
        word.lower() in FUNCTION_WORDS
        or word.lower() in ("if", "else", "not", "when", "then")
        or word.capitalize() in NOT_STREET_WORDS
        for word in words
    ):
        return False
    if not the and (
        re.fullmatch(STREET_KINDS, words[-1].capitalize()) or words[-1].upper() in (k.upper() for k in SHORT_KINDS)
    ):
        return False
    if any(re.fullmatch(r"[A-Z]{2,}s", word) for word in words):
        return False  # "4 HMOs", "2 PRUs": counts of things
    last = words[-1].lower()
    if len(words) == 2 and last.endswith("s") and (everyday(last, EVERYDAY) or everyday(last[:-1], EVERYDAY)):
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
        len(word) >= 3
        and re.search(r"[aeiouy]", word, re.IGNORECASE)
        and not everyday(word, EVERYDAY)
        and not (word.lower().endswith("s") and everyday(word[:-1], EVERYDAY))
        for word in words
    )


def _home_cue(text: str, match: re.Match) -> bool:
    """After a word that only leads to a home ("attended", "searched",
    "address as"), or a word of living somewhere before "at" or "to"."""
    previous = re.search(r"([A-Za-z]+)[ \t\u00a0]*:?[ \t\u00a0]*$", text[max(0, match.start() - 30) : match.start()])
    cue = match.group("cue").lower().rstrip(": \t")
    before = previous.group(1).lower() if previous else ""
    return (
        cue in _STRONG_CUES
        or (cue == "as" and before in ("address", "addressed"))
        or (cue in ("at", "to", "into", "from") and before in _HOME_VERBS)
    )


def house_names(text: str, begin: int = 0, stop: int | None = None, heading: bool = False):
    """(start, end) of each house named without a number after a word of
    living somewhere ("lived at Marlpit Farm", "moved to Rose Cottage",
    "Address: The Old Mill"), or alone in a cell under an address heading
    (`heading`): capitalised words and a word that names a house (Farm,
    Cottage, House, Lodge...). In capitals or lower case a word of the name
    must not be an everyday word, or (lower case) in no word list."""
    stop = len(text) if stop is None else stop
    pattern = _HOUSE_NAME_IN_CELL if heading else _HOUSE_NAME_AFTER_CUE
    if heading:
        matches = [pattern.match(text, begin, stop)]
    elif begin == 0 and stop == len(text):
        matches = finditer_near(pattern, text, *NEAR["_HOUSE_NAME_AFTER_CUE"])
    else:
        matches = pattern.finditer(text, begin, stop)
    for match in filter(None, matches):
        if not heading and match.group("verb"):
            subject = re.search(r"([A-Za-z]+)[ \t\u00a0]+$", text[max(0, match.start() - 30) : match.start()])
            if match.group("verb").lower() not in _HOME_VERBS or (
                subject and subject.group(1).lower() in _ORGANISATION_SUBJECTS
            ):
                continue
        words = match.group("name").split()
        if words[0] in ("The", "THE") and len(words) > 2:
            words = words[1:]  # "The Old Mill", "THE OLD GRANGE": the name is what follows
        name = words[:-1]
        if any(
            word.lower() in FUNCTION_WORDS
            or word.rstrip("'’s").capitalize() in NOT_STREET_WORDS
            or word.lower().rstrip("'’s") in PERSON_WORDS
            for word in name
        ):
            continue  # "moved to a new house", "lived at Nan's House", "Mother's House"
        if any(word.lower() in _PUBLIC_BUILDING_WORDS for word in name):
            continue  # "the team moved to County Hall": a public building
        if CAPITAL_AFTER.match(text, match.end(), stop):
            continue  # "Brackenfold House Surgery", "Marlpit Farm School": PII010's
        if all(word[:1].isupper() and not word.isupper() for word in words):
            pass  # "Marlpit Farm", "Rose Cottage": a name by its capitals
        elif all(word.isupper() for word in words):
            if not any(len(word) >= 3 and not everyday(word, EVERYDAY) for word in name):
                continue  # "LIVED AT ROSE COTTAGE" is not told from "MOVED TO BIG HOUSE"
        elif not any(unknown_word(word, forenames()) for word in name):
            continue  # "lived at the farm house", "moved to Rose cottage"
        yield match.start("name"), match.end("name")
