"""How a date is written, in figures or in words: the grammar the date of
birth check (pii_dob) reads, and what every full date holds."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
    # In capitals, as a form or a heading prints it: "BORN ON 14 MARCH 2017".
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?)"
)
# A day in words: "fourteenth", "twenty-first", "Twenty first", "thirtieth".
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINALS = (
    rf"(?:twenty|thirty)[- \t\u00a0]?(?:{_ORDINAL_UNITS})|twentieth|thirtieth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    rf"|{_ORDINAL_UNITS}"
)
_DAY = rf"(?:(?:[0-2]?\d|3[01])(?i:st|nd|rd|th)?|(?<![\w-])(?i:{_ORDINALS})(?![\w-]))"
# A year in figures or in words: "two thousand and seventeen", "twenty
# seventeen", "nineteen eighty-nine".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_UNDER_HUNDRED = (
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- \t\u00a0]?(?:{_UNITS}))?"
    rf"|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|{_UNITS}"
)
_YEAR_WORDS = (
    rf"two[ \t\u00a0]+thousand(?:[ \t\u00a0]+and)?(?:[ \t\u00a0]+(?:{_UNDER_HUNDRED}))?"
    rf"|nineteen[ \t\u00a0]+(?:hundred[ \t\u00a0]+and[ \t\u00a0]+)?(?:{_UNDER_HUNDRED})"
    rf"|twenty[ \t\u00a0]+(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    rf"|twenty(?:[- \t\u00a0]?(?:{_UNITS}))?)"
)
_YEAR = rf"(?:(?:19|20)\d\d|(?i:{_YEAR_WORDS})(?![\w-]))"
_SP = r"[ \t\u00a0]*\n?[ \t\u00a0]*"
_DIGITS_DAY = r"(?:[0-2]?\d|3[01])"
_DIGITS_YEAR = r"(?:19|20)\d\d"
# A month in words between hyphens, full stops or slashes, as forms print it
# ("14-Mar-2017", "14.MAR.17", "14/march/2017"): in any case, since the
# figures around it say it is a date.
_MONTH_JOINED = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_JOINED_DATE = rf"{_DIGITS_DAY}[-./]{_MONTH_JOINED}[-./](?:{_DIGITS_YEAR}|\d\d)"
# The year first: "2017-03-14", "2017/03/14", "2017.03.14".
_YEAR_FIRST = rf"{_DIGITS_YEAR}(?:{'|'.join(rf'{sep}(?:0[1-9]|1[0-2]){sep}' for sep in ('-', '/', '[.]'))})(?:0[1-9]|[12]\d|3[01])"
# A day and a month, with or without the year, in any common form.
_DATE = (
    rf"(?:(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?"
    rf"|{_MONTH}{_SP}(?:the{_SP})?{_DAY}(?:,?{_SP}{_YEAR})?"
    rf"|{_DIGITS_DAY}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:{_DIGITS_YEAR}|\d\d)"
    rf"|{_JOINED_DATE}|{_YEAR_FIRST})(?![\w/])"
)

DATE = _DATE

# A whole date with its year: what a family table or a list of who is who gives.
FULL_DATE = re.compile(
    rf"(?<![\w/.-])(?:(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?{_MONTH},?{_SP}{_YEAR}"
    rf"|{_MONTH}{_SP}(?:the{_SP})?{_DAY},?{_SP}{_YEAR}"
    rf"|{_DIGITS_DAY}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:{_DIGITS_YEAR}|\d\d)"
    rf"|{_JOINED_DATE}|{_YEAR_FIRST})(?![\w/])"
)
# What every full date holds: a digit, or a month written in words (a date
# may be all words: "the third of May two thousand and fifteen"). A line with
# neither holds no date, and is not read for one (tests/test_near.py checks
# every full date in the corpora holds one).
DATE_ANCHORS = (
    re.compile(r"\d"),
    re.compile(r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|AN|EB|AR|PR|AY|UN|UL|UG|EP|CT|OV|EC)"),
)
