"""Precise locations (PII013): map coordinates, map links, what3words
addresses and Ordnance Survey grid references."""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote

from lscb_core.rules import Rule, Waiver

from ..review_scan import Context, Hit, scan
from ..text.coordinates import (
    _DECIMAL_PAIR,
    _DEGREE,
    _DMS_PAIR,
    _GAP,
    _NUMBER_AFTER,
    _NUMBER_BEFORE,
    _SIGN,
    _bare_pair,
    _dms_valid,
    _evidence,
    _valid,
)
from ..text.near import finditer_near

# --- Links to a map -----------------------------------------------------------
# Any web address or geo: URI; it is a map link when its address names a map
# (google.com/maps, maps.apple.com, openstreetmap.org, bing.com/maps...) and
# holds two numbers that are a latitude and a longitude, however they are
# joined (",", "/", "~", "%2C", "&mlon=", "!4d").
_URL = re.compile(r"(?:https?://|www\.|geo:)[^\s<>\"`\])]+(?:\([^\s<>\")]*\)[^\s<>\"`\])]*)*", re.IGNORECASE)
_MAP_SITE = re.compile(
    r"^geo:|map|goo\.gl|what3words\.|w3w\.co|waze\.com|here\.com|gridreferencefinder|streetmap", re.IGNORECASE
)
_URL_NUMBER = re.compile(rf"(?<![\d.]){_SIGN}?\d{{1,3}}\.\d{{3,}}(?![\d.]\d)")
_URL_GAP = 16  # at most this many characters between a latitude and its longitude

# --- what3words ---------------------------------------------------------------
# Three words joined by dots, after three slashes ("///filled.count.soap"),
# in a what3words address (what3words.com/..., w3w.co/...), or just after
# the word "what3words" or "w3w" ("what3words address: filled.count.soap",
# "w3w: filled.count.soap").
_W3W_WORD = r"[^\W\d_]{1,20}"
_W3W_WORDS = rf"{_W3W_WORD}\.{_W3W_WORD}\.{_W3W_WORD}(?![\w]|\.[^\W\d_])"
_W3W_SLASHES = re.compile(rf"(?<![:/\w])///{_W3W_WORDS}")
_W3W_SITE = re.compile(rf"(?:what3words\.com|w3w\.co|w3w\.me)/(?:///)?{_W3W_WORDS}", re.IGNORECASE)
_W3W_NAMED = re.compile(
    rf"(?:what{_GAP}?3{_GAP}?words|w3w)(?![\w.])[^\n]{{0,40}}?(?<![\w.])(?:///)?(?P<words>{_W3W_WORDS})", re.IGNORECASE
)
# The end of a web address, not a what3words address: "www.example.org".
_WEB_WORDS = frozenset("www com org net gov nhs sch ac co uk io info html htm pdf".split())

# --- Plus codes (Open Location Codes) ------------------------------------------
# Eight characters of the code's alphabet, "+", then two or three more
# ("9C5VCQ2W+F9": a few metres square), or a short code of four or six
# characters, read with the town written after it ("CQ2W+F9 Northbridge").
# The "+" may be written %2B in a link.
_OLC = "23456789CFGHJMPQRVWX"
_PLUS = r"(?:\+|%2[Bb])"
_PLUS_FULL = re.compile(rf"(?<![\w+%])[2-9C][2-9CFGHJMPQRV][{_OLC}]{{6}}{_PLUS}[{_OLC}]{{2,3}}(?![\w+])", re.IGNORECASE)
_PLUS_SHORT = re.compile(rf"(?<![\w+%])(?:[{_OLC}]{{6}}|[{_OLC}]{{4}}){_PLUS}[{_OLC}]{{2,3}}(?![\w+])")

# --- Ordnance Survey grid references ------------------------------------------
# The 100 km square (two letters, only those that cover Great Britain) then
# 6, 8 or 10 digits: "SJ 84712 91562", "SJ 847 915", "SJ8471291562".
_SQUARES = (
    "HP HT HU HW HX HY HZ NA NB NC ND NF NG NH NJ NK NL NM NN NO NR NS NT NU NW NX NY NZ OV "
    "SC SD SE SH SJ SK SM SN SO SP SR SS ST SU SV SW SX SY SZ TA TF TG TL TM TQ TR TV"
).split()
_GRID = re.compile(
    r"[HNOST](?<![\w-].)(?P<square>[A-HJ-Z])"
    rf"(?:{_GAP}?(?P<east>\d{{3,5}}){_GAP}(?P<north>\d{{3,5}})|{_GAP}?(?P<joined>\d{{6}}|\d{{8}}|\d{{10}}))"
    r"(?![\w/-]|[.,]\d)"
)
# A grid reference written with its digits joined to the letters
# ("SJ8471291562") has the shape of a registration number: Scottish charity
# and company numbers and Ofsted children's home references are "SC" or "SO"
# and six digits ("Scotland (SC037717)"). Joined, it is read as a grid
# reference when a label is before it, and never after one of these words.
_GRID_LABEL = re.compile(
    r"(?<![^\W\d_])(?:grid|ngr|os|osgb|ordnance survey|map ref(?:erence)?|landranger|explorer)"
    r"(?![^\W\d_])[^\n]{0,30}$",
    re.IGNORECASE,
)
_REGISTRATION = re.compile(
    r"(?<![^\W\d_])(?:charity|charities|registered|registration|reg|company|companies|number|numbers|no|nos|urn"
    r"|ofsted|scotland|scottish)(?![^\W\d_])[^\n]{0,40}$",
    re.IGNORECASE,
)
# Squares where a joined form is read without a label: not SC (the Isle of
# Man, and the prefix of Scottish charities and Ofsted children's homes).
_JOINED_UNLABELLED = frozenset(_SQUARES) - {"SC"}
_GRID_REACH = 60


class PreciseLocation(Rule):
    """Flags a precise location in a case review: map coordinates (a
    latitude and longitude in decimal degrees with at least three decimals,
    "53.4012, -2.2034", or in degrees and minutes with the hemisphere
    letters before or after, 53°24'04"N 2°12'12"W, N 53° 24.067' W 002°
    12.203'), a link to a map that holds coordinates (Google Maps `?q=`,
    `@lat,lon` or `ll=`, OpenStreetMap `#map=` or `mlat`/`mlon`, Apple Maps
    `ll=`, Bing `cp=lat~lon`, `geo:` addresses), a plus code (Open Location
    Code, "9C5VCQ2W+F9", or a short one, "CQ2W+F9 Northbridge"), a
    what3words address ("///filled.count.soap", what3words.com/...,
    w3w.co/..., or three words joined by dots just after the word
    "what3words" or "w3w") and an Ordnance Survey grid reference ("SJ 84712
    91562": a 100 km square and 6 to 10 digits). Coordinates the redaction
    allowlist names (a map link to a partner agency's public office) are not
    reported, and neither is the position a picture records in its GPS
    metadata, which is IMG002's.

    Two bare numbers are read as coordinates only with something saying
    they are: a degree sign, a hemisphere letter, a longitude label, a word
    such as "coordinates", "location", "lat", "GPS" or "parked" earlier in
    the line, or a map link; without any, only when they fall near the
    British Isles and are written as coordinates are (four or more decimals,
    or a minus sign on the longitude), so "The mean scores were 45.125,
    41.500" is not reported. A grid reference with its digits joined to its
    letters ("SJ8471291562") is not read after "charity", "registered",
    "company", "no.", "Scotland"... unless "grid", "OS" or "NGR" is before
    it, and one in square SC (the Isle of Man) only with such a label:
    "Scotland (SC037717)" is a charity number, "SC037605" an Ofsted
    children's home.

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them: a link's address is read whole, so a map link is found where the
    page shows only its text.

    ## Why it matters
    Coordinates, a plus code, a what3words address or a grid reference point
    to one home, caravan or place of a few metres square: more precise than
    a postcode, and found by anyone who pastes them into a map.

    ## Example
        The family's caravan was parked at 53.4012, -2.2034 for the summer.

    ## Use instead
        The family lived in a caravan on a site in the area.

    ## Known limitations
    Coordinates with fewer than three decimals (about a kilometre) are not
    reported, and neither are numbers in a list of three or more ("0.412,
    0.387, 0.405" or "43.125 41.500 39.250": a table written as prose, so
    coordinates inside such a list are missed), two numbers both under one
    (no place in England), or numbers followed by "%". Two bare numbers
    both with three decimals and no label before them are missed when the
    longitude has no minus sign or both end in 0 or 5 ("The caravan was at
    53.401, 1.203"), and so are coordinates abroad with no label. Degrees and minutes without the
    degree sign need both hemisphere letters and decimal minutes or seconds
    ("53 24 04 N, 2 12 12 W"). A map link with no coordinates in its
    address (a short link such as maps.app.goo.gl/..., or a search for a
    place's name) is missed: the place it leads to is not in the text. A
    short plus code of letters only, or in lower case, is missed. A
    what3words address without its slashes far from the word "what3words"
    or "w3w", and a grid reference in lower case, with its square letters
    missing, or joined in square SC without a label, are missed. Eastings
    and northings without the square letters ("384712, 391562") are missed
    too.
    """

    code = "PII013"
    name = "precise-location"
    waiver = Waiver.APPROVED


COORDINATES_HINT = "remove the coordinates; name no place smaller than the area"
MAP_HINT = "remove the link; name no place smaller than the area"
W3W_HINT = "remove the what3words address; name no place smaller than the area"
GRID_HINT = "remove the grid reference; name no place smaller than the area"
PLUS_CODE_HINT = "remove the plus code; name no place smaller than the area"


def check(site):
    yield from scan(site, detect)


def detect(span, context: Context):
    if span.where.endswith(" metadata GPS"):
        return  # a picture's recorded position: IMG002 (image_metadata.py) reports it
    text = span.text
    starts: list[int] = []  # the hits kept, in order, none overlapping
    ends: list[int] = []

    def fresh(start: int, end: int) -> bool:
        index = bisect.bisect_left(starts, start)
        if index > 0 and ends[index - 1] > start or index < len(starts) and starts[index] < end:
            return False
        starts.insert(index, start)
        ends.insert(index, end)
        return True

    for hit in _links(text):
        if fresh(hit.start, hit.end):
            yield hit
    for hit in [*_what3words(text), *_plus_codes(text), *_coordinates(text), *_grid_references(text)]:
        if fresh(hit.start, hit.end):
            yield hit


def _links(text: str):
    """Map links holding coordinates, and what3words addresses."""
    if "/" not in text and "geo:" not in text.lower():
        return
    for match in _URL.finditer(text):
        address = match.group(0).rstrip(".,;:!?'")
        if not _MAP_SITE.search(address):
            continue
        start, end = match.start(), match.start() + len(address)
        read = unquote(address.replace("+", " "))
        if _W3W_SITE.search(read):
            yield Hit(PreciseLocation, start, end, "what3words address", W3W_HINT)
        elif _has_pair(read):
            yield Hit(PreciseLocation, start, end, "map link", MAP_HINT)


def _has_pair(address: str) -> bool:
    """Whether an address holds a latitude followed by a longitude, or a
    pair in degrees and minutes."""
    if any(_dms_valid(match) for match in _DMS_PAIR.finditer(address)):
        return True
    numbers = list(_URL_NUMBER.finditer(address))
    for first, second in zip(numbers, numbers[1:]):
        if second.start() - first.end() <= _URL_GAP and _valid(first.group(0), second.group(0)):
            return True
    return False


# What every pair of coordinates holds, found first: a decimal with three
# places or more ("53.401"); degrees and minutes ("53 24", "53° 24"). The pair
# lies within these many words of it (lscb_checks.text.near; tests/test_near.py
# compares the two ways of reading over the corpora).
NEAR = {
    "_DECIMAL_PAIR": (re.compile(r"\d\.\d{3}"), 3, 8),
    "_DMS_PAIR": (re.compile(rf"\d(?:{_GAP}|{_DEGREE})+\d"), 4, 14),
}


def _coordinates(text: str):
    if "." in text:
        for match in finditer_near(_DECIMAL_PAIR, text, *NEAR["_DECIMAL_PAIR"]):
            if match.group("ns") and match.group("ns_before") or match.group("ew") and match.group("ew_before"):
                continue
            if not _valid(match.group("lat"), match.group("lon")):
                continue
            if _NUMBER_BEFORE.search(text, max(0, match.start() - 24), match.start()) or _NUMBER_AFTER.match(
                text, match.end()
            ):
                continue  # a list of numbers
            if not _evidence(text, match) and not _bare_pair(match.group("lat"), match.group("lon")):
                continue  # "The mean scores were 45.125, 41.500"
            yield Hit(PreciseLocation, match.start(), match.end(), "coordinates", COORDINATES_HINT)
    for match in finditer_near(_DMS_PAIR, text, *NEAR["_DMS_PAIR"]):
        if _dms_valid(match):
            yield Hit(PreciseLocation, match.start(), match.end(), "coordinates", COORDINATES_HINT)


def _plus_codes(text: str):
    if "+" not in text and "%2" not in text:
        return
    for match in _PLUS_FULL.finditer(text):
        yield Hit(PreciseLocation, match.start(), match.end(), "plus code", PLUS_CODE_HINT)
    for match in _PLUS_SHORT.finditer(text):
        if re.search(r"\d", match.group(0).replace("%2B", "+").replace("%2b", "+")):
            yield Hit(PreciseLocation, match.start(), match.end(), "plus code", PLUS_CODE_HINT)


def _what3words(text: str):
    lowered = text.lower()
    if "w3w" in lowered or "what3words" in lowered:
        for match in _W3W_SITE.finditer(text):
            yield Hit(PreciseLocation, match.start(), match.end(), "what3words address", W3W_HINT)
    if "///" in text:
        for match in _W3W_SLASHES.finditer(text):
            yield Hit(PreciseLocation, match.start(), match.end(), "what3words address", W3W_HINT)
    if "words" in lowered and "3" in lowered or "w3w" in lowered:
        for match in _W3W_NAMED.finditer(text):
            words = match.group("words").lower().split(".")
            if _WEB_WORDS.intersection(words):
                continue
            yield Hit(PreciseLocation, match.start("words"), match.end("words"), "what3words address", W3W_HINT)


def _grid_references(text: str):
    for match in _GRID.finditer(text):
        square = match.group(0)[0] + match.group("square")
        if square not in _SQUARES:
            continue
        east, north = match.group("east"), match.group("north")
        if east is not None:
            if len(east) != len(north):
                continue  # "SJ 847 91562": two numbers of different lengths
        else:
            before = text[max(0, match.start() - _GRID_REACH) : match.start()]
            if not _GRID_LABEL.search(before):
                spaced = match.group(0)[2] != match.group("joined")[0]
                if _REGISTRATION.search(before[-40:] if len(before) > 40 else before):
                    continue  # "registered in Scotland (SC037717)", "company no. SO301234"
                if not spaced and square not in _JOINED_UNLABELLED:
                    continue  # "SC037605": an Ofsted reference, not the Isle of Man
        yield Hit(PreciseLocation, match.start(), match.end(), "grid reference", GRID_HINT)
