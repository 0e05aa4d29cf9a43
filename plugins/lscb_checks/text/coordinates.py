"""Map coordinates written as numbers, for the check of precise locations
(lscb_checks.checks.pii_locations, PII013): a latitude and a longitude in
decimal degrees or in degrees and minutes, the patterns that find them and
the tests that say whether two numbers are coordinates (in range, with a
hemisphere letter, a degree sign or a word such as "coordinates" before
them, or near the British Isles and written as coordinates are).
"""

from __future__ import annotations

import re

# --- Coordinates written as numbers ------------------------------------------
# Decimal degrees with at least three decimals (about 100 m): "53.4012,
# -2.2034", "53.4012°N 2.2034°W", "lat 53.4012 long -2.2034". The pattern
# starts by looking ahead for its first character: the regular expression
# engine then skips fast to places that can match. Not after a letter, a
# digit, a dot or a comma ("3.12.345", "1,234.567").
_SIGN = "[-+\u2212]"
_GAP = "[ \t\u00a0]"
_DEGREE = "[\u00b0\u00ba\u02da]"
_LAT = (
    rf"(?:(?P<ns_before>[NS]){_GAP}?)?(?P<lat>{_SIGN}?\d{{1,2}}\.\d{{3,}})"
    rf"(?:{_GAP}?{_DEGREE})?(?:{_GAP}?(?P<ns>[NS]))?"
)
_LON_LABEL = rf"(?P<lon_label>(?:longitude|long|lon|lng)\.?{_GAP}*[:=]?{_GAP}*)?"
_LON = (
    rf"(?:(?P<ew_before>[EW]){_GAP}?)?(?P<lon>{_SIGN}?\d{{1,3}}\.\d{{3,}})"
    rf"(?:{_GAP}?{_DEGREE})?(?:{_GAP}?(?P<ew>[EW]))?"
)
_DECIMAL_PAIR = re.compile(
    r"(?=[-+\u2212NS\d])(?<![\w.,\u2212+\u00a3$\u20ac-])"
    + _LAT
    + rf"(?:{_GAP}*[,;/]{_GAP}*|{_GAP}+)"
    + _LON_LABEL
    + _LON
    + rf"(?![\w\u00b0]|\.\d|{_GAP}*(?:%|per{_GAP}?cent))"
)
# Degrees, minutes and (optionally) seconds, with the hemisphere letters
# before or after each number, as a GPS unit or a map shows them:
# 53°24'04"N 2°12'12"W, 53° 24.067′ N, 2° 12.203′ W, N 53° 24.067' W 002°
# 12.203'. Without the degree sign ("N 53 24.067 W 2 12.203", "53 24 04 N,
# 2 12 12 W") only with both letters and decimal minutes or seconds.
_MINUTE = "['\u2032\u2019\u00b4]"
_SECOND = "(?:\"|\u2033|\u201d|''|\u2032\u2032)"


def _dms_part(name: str, letters: str) -> str:
    return (
        rf"(?:(?P<{name}_before>[{letters}]){_GAP}*)?"
        rf"(?P<{name}_deg>\d{{1,3}})(?P<{name}_sign>{_GAP}*{_DEGREE}{_GAP}*|{_GAP}+)"
        rf"(?P<{name}_min>\d{{1,2}}(?:\.\d+)?)(?:{_GAP}*{_MINUTE})?"
        rf"(?:{_GAP}*(?P<{name}_sec>\d{{1,2}}(?:\.\d+)?){_GAP}*{_SECOND}"
        rf"|{_GAP}+(?P<{name}_bare_sec>\d{{1,2}}(?:\.\d+)?)(?![\d.]))?"
        rf"(?:{_GAP}*(?P<{name}_after>[{letters}]))?"
    )


_DMS_PAIR = re.compile(
    r"(?=[NS\d])(?<![\w.,])"
    + _dms_part("lat", "NS")
    + rf"{_GAP}*[,;/+]?{_GAP}*"
    + _dms_part("lon", "EW")
    + r"(?![\w\u00b0])"
)
# A list of numbers (a statistics table written as prose) is not a pair of
# coordinates: "0.412, 0.387, 0.405".
_NUMBER_BEFORE = re.compile(rf"\d\.\d+(?:{_GAP}*[,;]{_GAP}*|{_GAP}+)$")
_NUMBER_AFTER = re.compile(rf"(?:{_GAP}*[,;]{_GAP}*|{_GAP}+){_SIGN}?\d+\.\d{{3,}}")
# Two bare numbers ("45.125, 41.500") are coordinates only with evidence: a
# degree sign, a hemisphere letter, a longitude label, or one of these words
# before them in the same line; or, with none, values inside the box around
# the British Isles written as coordinates are (see _bare_pair).
_COORDINATE_LABEL = re.compile(
    r"(?<![^\W\d_])(?:co-?ordinates?|coords|locations?|located|lat|latitude|longitude|lat/long|gps"
    r"|sat-?nav|position|parked|pitched|moored|pinned|dropped pin|map|geo|whereabouts)(?![^\W\d_])",
    re.IGNORECASE,
)
_LABEL_REACH = 80
# The British Isles and their seas, in decimal degrees.
_NEAR_UK = ((49.0, 61.5), (-11.0, 2.5))


def _valid(lat: str, lon: str) -> bool:
    latitude = float(lat.replace("\u2212", "-"))
    longitude = float(lon.replace("\u2212", "-"))
    if abs(latitude) > 90 or abs(longitude) > 180:
        return False
    return abs(latitude) >= 1 or abs(longitude) >= 1


def _dms_valid(match: re.Match) -> bool:
    """A latitude and a longitude in degrees and minutes, each with one
    hemisphere letter; without a degree sign, both with decimal minutes or
    seconds."""
    for name, limit in (("lat", 90), ("lon", 180)):
        if bool(match.group(f"{name}_before")) == bool(match.group(f"{name}_after")):
            return False  # no hemisphere letter, or one on each side
        if int(match.group(f"{name}_deg")) > limit or float(match.group(f"{name}_min")) >= 60:
            return False
        seconds = match.group(f"{name}_sec") or match.group(f"{name}_bare_sec")
        if seconds and float(seconds) >= 60:
            return False
        if not match.group(f"{name}_sign").strip() and not (seconds or "." in match.group(f"{name}_min")):
            return False  # "N 53 24 W 2 12": too little to be sure
    return True


def _bare_pair(lat: str, lon: str) -> bool:
    """Two numbers with nothing saying they are coordinates: read as such
    when they fall near the British Isles, with at least one written to four
    decimals or more (a phone or a map gives five or six), or with a minus
    sign on the longitude (west of Greenwich) unless both look like
    statistics rounded to a half, a quarter or an eighth ("51.250, -0.750")."""
    latitude = float(lat.replace("\u2212", "-"))
    longitude = float(lon.replace("\u2212", "-"))
    (south, north), (west, east) = _NEAR_UK
    if not (south <= latitude <= north and west <= longitude <= east):
        return False
    decimals = [len(number.split(".")[1]) for number in (lat, lon)]
    if max(decimals) >= 4:
        return True
    rounded = all(number[-1] in "05" for number in (lat, lon))
    return lon.startswith(("-", "\u2212")) and not rounded


def _evidence(text: str, match: re.Match) -> bool:
    """A degree sign, a hemisphere letter, a longitude label or a word such
    as "coordinates" or "parked" earlier in the line."""
    if any(match.group(name) for name in ("ns", "ns_before", "ew", "ew_before", "lon_label")):
        return True
    if re.search(_DEGREE, match.group(0)):
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(_COORDINATE_LABEL.search(text, max(line_start, match.start() - _LABEL_REACH), match.start()))
