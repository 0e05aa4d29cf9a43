"""Dates of birth in case reviews (PII004)."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver

from ..allowlist import Context, Hit, scan

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_SP = r"[ \t\u00a0]*\n?[ \t\u00a0]*"
# A day and a month, with or without the year, in any common form.
_DATE = (
    rf"(?:(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?"
    rf"|{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?"
    rf"|{_DAY}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:{_YEAR}|\d\d)"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\w/])"
)
# What says a date is a birth date, then at most a few words (not across a
# sentence) before the date.
# The first letter comes first and the check of what is before it after it,
# so that the regular expression engine skips fast to places that can match.
_TRIGGER = (
    r"[bBdD](?<!\w.)(?i:orn\b|\.(?=\s*\d)|\.?\s?o\.?\s?b\b\.?|ate[\s_-]+of[\s_-]+birth\b"
    r"|irth[\s_-]?date\b|irthday\b)"
)
_BETWEEN = r"[^.!?]{0,60}?"
_DOB = re.compile(rf"{_TRIGGER}(?P<between>{_BETWEEN})(?P<date>{_DATE})")
# "On 3 May 2015 Sibling 2 was born.": tried just before each "was born".
_DOB_BEFORE = re.compile(rf"(?<![\w/])(?P<date>{_DATE})(?P<between>{_BETWEEN})(?i:\bwas\s+born)$")
_WAS_BORN = re.compile(r"(?i)\bwas\s+born\b")
_WORDS = re.compile(r"[^\W\d_]+")
# Words that start another clause: the date after them is about something else.
_CLAUSE = re.compile(r"(?i)\b(?:when|and|but|after|before|until|while|since|then|who|which|that|because"
                     r"|although|where|during|following|later)\b")
# A clause break between the trigger and the date ("born in Leeds, moved
# to Northshire on 3 May 2015"): the date is about something else, unless
# only "on" or "the" follows the break ("born at 32 weeks, on 3 May 2015").
# After a semicolon it always is.
_BREAK_THEN_WORDS = re.compile(r"[,\u2013\u2014]|\s-\s")
_ASIDE = re.compile(r"\([^()]*\)")  # "born (prematurely) on 3 May 2015"
_AFTER_BREAK_OK = frozenset("on the".split())
# Words allowed between the trigger and the date: "born on", "born at 32
# weeks on", "born prematurely in Northshire on"; after "birthday", two.
_MOST_WORDS = {"birthday": 2}


class DateOfBirth(Rule):
    """Flags a date of birth in a case review: a day and month after "born",
    "DOB", "date of birth" or "birthday", within a few words in the same
    sentence ("born on 3 May 2015", "DOB 03/05/2015", "date of birth: 3rd
    May", "Date_of_birth: 2015-05-03").

    The last look at the built site applies the same check to every page of
    every type (guidance, annual reports, pages), and to every file, feed,
    search index entry and address the site publishes, as a reader gets
    them (markup inside a word does not hide it).

    ## Why it matters
    A date of birth is one of the few facts that, with the area, picks out
    one child. Statutory guidance expects reviews to be anonymised so that
    the child cannot be identified.

    ## Example
        Child M was born on 3 May 2015.

    ## Use instead
        Child M was seven years old at the time.

    Give ages in words, and describe times as "the summer of 2023" or
    "during the review period".

    ## Known limitations
    A date that is not near one of the trigger words in the same sentence
    ("On 3 May 2015 Child M was born" is found, "Child M arrived on 3 May
    2015, a healthy baby" is not), a date after a semicolon, or after a comma
    or dash followed by words other than "on" or "the" ("born in Leeds, moved
    here on 3 May 2015" is taken as another event, and so, wrongly, is "born
    at home, in Northshire on 3 May 2015"), a date with the month in lower
    case, a month and year only ("born in May 2015") and an age that gives the birth date
    away with another date are not reported. Dates of birth of adults are
    reported too.
    """

    code = "PII004"
    name = "date-of-birth"
    waiver = Waiver.APPROVED


HINT = 'remove the date of birth; give the age in words, e.g. "aged seven"'


def check(site):
    yield from scan(site, detect)


def detect(span, context: Context):
    text = span.text
    found = list(_DOB.finditer(text))
    for was_born in _WAS_BORN.finditer(text):
        position = max(0, was_born.start() - 100)
        while before := _DOB_BEFORE.search(text, position, was_born.end()):
            if _plausible(before):
                found.append(before)
                break
            position = before.start("date") + 1
    seen = set()
    for match in found:
        if _plausible(match) and match.start("date") not in seen:
            seen.add(match.start("date"))
            yield Hit(DateOfBirth, match.start("date"), match.end("date"), "date of birth", HINT)


def _plausible(match: re.Match) -> bool:
    """Few enough words between the trigger and the date, none starting a clause."""
    between = match.group("between")
    if match.re is _DOB_BEFORE:
        limit = 3
    elif match.group(0)[:8].lower().startswith("birthday"):
        limit = _MOST_WORDS["birthday"]
    else:
        limit = 6
    if len(_WORDS.findall(between)) > limit or _CLAUSE.search(between):
        return False
    if ";" in between:
        return False
    if match.re is _DOB_BEFORE:
        return True
    between = _ASIDE.sub(" ", between)
    breaks = list(_BREAK_THEN_WORDS.finditer(between))
    if breaks:
        after = _WORDS.findall(between[breaks[-1].end():])
        return all(word.lower() in _AFTER_BREAK_OK for word in after)
    return True
