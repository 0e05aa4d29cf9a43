"""Dates of birth in case reviews (PII004)."""

from __future__ import annotations

import re

from lscb_core.rules import Rule, Waiver
from lscb_core.text.normalise import normalise

from ..review_scan import Context, Hit, scan
from ..text.birth_cohort import cohort
from ..text.born_words import births
from ..text.date_grammar import DATE as _DATE
from ..text.date_grammar import DATE_ANCHORS
from ..text.date_grammar import FULL_DATE as _FULL_DATE
from ..text.near import any_case_words
from ..text.rows import Row, rows

# What says a date is a birth date, then at most a few words (not across a
# sentence) before the date.
# The first letter comes first and the check of what is before it after it,
# so that the regular expression engine skips fast to places that can match.
_TRIGGER = (
    r"[bBdD](?<!\w.)(?i:orn\b|\.(?=\s*\d)|\.?\s?o\.?\s?b\b\.?|ate[\s_-]+of[\s_-]+birth\b"
    r"|irth[\s_-]?date\b|irthday\b"
    # "birth" as a noun, when what follows is about when: "Child Q's birth on
    # 14 March 2017", "the birth of Sibling 2 on ...", "Birth: 14.03.2017";
    # not "birth mother", "birth plan", "birth certificate".
    r"|irth\b(?=[ \t\u00a0]*(?:[:(,\u2013\u2014-]|\d|(?:on|was|is|of|in|at|took|happened)\b)))"
)
_BETWEEN = r"[^.!?]{0,60}?"
_DOB = re.compile(rf"{_TRIGGER}(?P<between>{_BETWEEN})(?P<date>{_DATE})")
# "On 3 May 2015 Sibling 2 was born.": tried just before each "was born".
_DOB_BEFORE = re.compile(rf"(?<![\w/])(?P<date>{_DATE})(?P<between>{_BETWEEN})(?i:\bwas\s+born)$")
# (?i)\bwas\s+born\b, in the form the engine finds fast (near.any_case_words).
WAS_BORN = r"was\s+born"
_WAS_BORN = any_case_words(WAS_BORN, r"\w", r"\b")
_WORDS = re.compile(r"[^\W\d_]+")
# Words that start another clause: the date after them is about something else.
_CLAUSE = re.compile(
    r"(?i)\b(?:when|and|but|after|before|until|while|since|then|who|which|that|because"
    r"|although|where|during|following|later)\b"
)
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
    "DOB", "d.o.b.", "date of birth", "birthday" or "birth" followed by when
    it was ("birth on", "birth was", "birth of Sibling 2 on", "birth:"),
    within a few words in the same sentence ("born on 3 May 2015", "DOB
    03/05/2015", "date of birth: 3rd May", "Date_of_birth: 2015-05-03",
    "Child Q's birth on 14 March 2017"), or before "was born"; on a guidance
    page, past the number of the next paragraph. Dates with
    hyphens, full stops or slashes count, around a month in words too
    ("born 14-Mar-2017", "14.03.2017", "2017/03/14"), and so do months in
    capitals ("BORN ON 14 MARCH 2017"). A range of dates a month or more
    long ("born between 1 September 2014 and 31 August 2015", a school
    year; its end with its year; not after "born on"; with a dash, only
    after words for a group: "children born ...") is a group of children,
    and is not reported. On a translated page, a date after that language's
    word for "born" is a date of birth too ("urodzona 14.03.2015",
    "Născută la 14 martie 2015"). The day and the year may be written
    in words ("born on the fourteenth of March 2017", "the twenty-first of
    June", "March the fourteenth, two thousand and seventeen", "nineteen
    eighty-nine", "twenty seventeen").

    A date of birth is also found by the structure it stands in, as real
    reports print it (lscb_checks.text.rows), without any of those words
    nearby. A whole date with its year is a date of birth:

    * in a table column headed Date of birth, DOB, Born, Birth date or Age;
    * in a table row about a person, not in its first column: the date is a
      cell of its own, and the row has a sex cell (M, F, Male, Female), or
      starts with a family role or a declared pseudonym ("| Child A |
      14.03.2017 | M | subject |"), or the table has a column such as Sex,
      Relationship, Name or Person ("| Person | Date | Sex |");
    * in a line of a list or a PDF's text layer that starts with a family
      role or a declared pseudonym and gives its date as an entry of its
      own: with a sex ("Mother (F) 03/05/1989", "Child A 14/03/2017 M
      subject"), or with nothing after it ("Sibling 1 – 04/09/2012");
    * in the lines under a line of column headings that names one of them
      DOB, Date of birth or Born ("Name Relationship DOB Sex").

    A row that starts with a date is a chronology entry, an event and not a
    date of birth, unless the event is a birth ("| 4 May 2019 | Sibling 1
    born |"); "Birth mother" is not a birth.

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
    case (however the day is written, unless hyphens, full stops or
    slashes join it to the day and the year: "14-mar-2017"), "birth" followed by another noun
    ("birth mother", "birth plan", "birth certificate ... on 3 May"), a
    month in Roman figures ("14.iii.2017"), a month and year only ("born in May
    2015"), a day as a cardinal word ("born on March fourteen") and an age
    that gives the birth date
    away with another date are not reported. Dates of birth of adults are
    reported too. In a row, a date after a word in lower case ("Mother,
    on 3 May 1989") is read as part of a sentence, and a date in a row
    that starts with a person and goes on to describe an event ("Mother:
    14 March 2023 GP appointment") as an event. A table written in HTML
    rather than Markdown is read line by line in the source; the last look
    at the built site reads every table, Markdown or HTML, as rows of cells
    with their column headings.
    """

    code = "PII004"
    name = "date-of-birth"
    waiver = Waiver.APPROVED


HINT = 'remove the date of birth; give the age in words, e.g. "aged seven"'

# --- Dates of birth by the structure they stand in ----------------------------

# A column heading that says the dates under it are dates of birth (an age
# column holding a date gives the date of birth too).
_BIRTH_HEADING = re.compile(
    r"(?i)^(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday|born|(?:date\s+)?born\s+on|age|age\s+/\s+d\.?o\.?b\.?)\W*$"
)
# Headings of the columns of a table about people.
_PERSON_HEADING = re.compile(
    r"(?i)\b(?:sex|gender|relationship|relation|name|person|pseudonym|family\s+member|who|role"
    r"|household\s+member|member)\b"
)
# A sex, as a family table gives it: a cell, or a word of its own in a line.
_SEX = re.compile(r"(?<![\w/&'’.-])\(?(?:M|F|Male|Female|male|female)\)?(?![\w/&'’-])")
# Kinds of family member that start a row about a person.
_PERSON = re.compile(
    r"(?i)^(?:the\s+)?(?:maternal\s+|paternal\s+|birth\s+|step[\s-]?|half[\s-]?|foster\s+|ex[\s-])?"
    r"(?:child|baby|infant|sibling|brother|sister|twin|mother|father|mum|dad|parent|carer|grandmother"
    r"|grandfather|grandparent|great[\s-]grand\w+|uncle|aunt|cousin|partner|boyfriend|girlfriend|adult"
    r"|young\s+person|young\s+woman|young\s+man|son|daughter|husband|wife|subject|unborn\s+baby)\b"
)
# Words of a row that give a relationship, a sex, an age or a role.
_ROW_WORDS = frozenset(
    """
subject of the review child baby infant sibling brother sister twin mother father mum dad parent
carer grandmother grandfather grandparent uncle aunt cousin partner boyfriend girlfriend adult young
person son daughter husband wife half step maternal paternal birth foster older younger elder
m f male female aged age years yrs months old n k a not known household member yes no lives with
""".split()
)
# A chronology row about a birth: "| 4 May 2016 | Sibling 2 born |", "Birth of Sibling 2".
_BIRTH_EVENT = re.compile(r"(?i)\b(?:(?:is|was)\s+)?born\b(?!\s+(?:mother|father|parent))|\bbirth\s+of\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _person_label(text: str, declared: frozenset[str]) -> bool:
    """A family member's role or a declared pseudonym at the start of `text`."""
    if _PERSON.match(text):
        return True
    words = _WORD.findall(text)
    return any(normalise(" ".join(words[:size])) in declared for size in (1, 2, 3) if len(words) >= size)


def _only_row_words(text: str) -> bool:
    return all(word.lower() in _ROW_WORDS for word in re.findall(r"[^\W\d_]+", text))


def _table_dates(row: Row, declared: frozenset[str]):
    """Dates of birth in a Markdown table row."""
    cells = row.cells
    dated = [(index, cell, match) for index, cell in enumerate(cells) for match in _FULL_DATE.finditer(cell.text)]
    if not dated:
        return
    first_is_date = bool(cells) and _FULL_DATE.match(cells[0].text) is not None
    person_table = any(_PERSON_HEADING.search(cell.heading) for cell in cells)
    has_sex = any(_SEX.fullmatch(cell.text) for cell in cells)
    person_first = _person_label(cells[0].text, declared) if cells else False
    longest = max(len(_WORD.findall(cell.text)) for cell in cells)
    for index, cell, match in dated:
        if _BIRTH_HEADING.match(cell.heading):
            yield cell.start + match.start(), cell.start + match.end()
        elif first_is_date or index == 0:
            # A chronology: the row is an event, a birth only if it says so.
            if index == 0 and any(_BIRTH_EVENT.search(other.text) for other in cells[1:]):
                yield cell.start + match.start(), cell.start + match.end()
        elif match.group(0) == cell.text and (has_sex or person_first or person_table) and longest <= 8:
            yield cell.start + match.start(), cell.start + match.end()


def _line_dates(row: Row, declared: frozenset[str], under_birth_heading: bool):
    """Dates of birth in a line: a list of who is who, a PDF's table row."""
    cell = row.cells[0]
    text = cell.text
    for match in _FULL_DATE.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if not before.strip(" \t:–—-|"):
            # The line starts with the date: a chronology entry, a birth only if it says so.
            event = after.strip(" \t:–—-|,")
            if len(_WORD.findall(event)) <= 6 and _BIRTH_EVENT.search(event):
                yield cell.start + match.start(), cell.start + match.end()
            continue
        if under_birth_heading:
            yield cell.start + match.start(), cell.start + match.end()
            continue
        words_before = _WORD.findall(before)
        last = words_before[-1] if words_before else ""
        # In a sentence the date follows a word such as "on" or "since".
        if last and last[0].islower() and last.lower() not in _ROW_WORDS:
            continue
        if len(words_before) > 6 or not _person_label(before.strip(" \t-*"), declared):
            continue
        sex = _SEX.search(text) is not None
        rest = after.strip(" \t,;:|()–—-.")
        if (
            (sex and len(_WORD.findall(rest)) <= 6 and _only_row_words(before + " " + rest))
            or (not rest and _only_row_words(re.sub(r"\b[A-Z]\d{0,3}\b|\d+", " ", before)))
            or (not rest and normalise(before.strip(" \t:–—-|,(")) in declared)
        ):
            yield cell.start + match.start(), cell.start + match.end()


# A line of column headings over a table in plain text (a PDF's text layer):
# short, no date, and one heading says the dates are dates of birth.
# Found as (?:^|\s) before the heading would find it: after white space or at
# the start (tests/test_near.py compares the fast form with the plain one).
HEADING_WORDS = r"d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|born"
_HEADINGS_LINE = any_case_words(HEADING_WORDS, r"\S", r"(?:\s|$)")


# What a text with a date in it holds: the first character of an anchor
# (a class the engine scans for fast), then an anchor itself.
_ANCHOR_START = re.compile(r"[\dJFMASOND]")
_ANCHOR = re.compile("|".join(anchor.pattern for anchor in DATE_ANCHORS))


def _row_dates(text: str, declared: frozenset[str]):
    """(start, end) of each date of birth the structure of `text` shows."""
    if not _ANCHOR_START.search(text) or not _ANCHOR.search(text):
        return  # no date in it (most blocks of text): none of birth either
    under_heading = False
    previous_end = -2
    for row in rows(text):
        if row.start > previous_end + 1:
            under_heading = False  # a blank line ends the table
        previous_end = row.end
        if row.in_table:
            yield from _table_dates(row, declared)
            continue
        line = row.cells[0].text
        if (
            _HEADINGS_LINE.search(line)
            and not _FULL_DATE.search(line)
            and len(_WORD.findall(line)) <= 8
            and not re.search(r"[.!?]\s*$", line)
        ):
            under_heading = True
            continue
        if any(anchor.search(line) for anchor in DATE_ANCHORS):  # a line with no date has none
            yield from _line_dates(row, declared, under_heading)


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
        if _plausible(match) and match.start("date") not in seen and not _cohort(text, match):
            seen.add(match.start("date"))
            yield Hit(DateOfBirth, match.start("date"), match.end("date"), "date of birth", HINT)
    for start, end in births(text):  # after another language's word for "born"
        if start not in seen:
            seen.add(start)
            yield Hit(DateOfBirth, start, end, "date of birth", HINT)
    declared = context.redaction.pseudonyms(context.item)
    for start, end in _row_dates(text, declared):
        if start not in seen:
            seen.add(start)
            yield Hit(DateOfBirth, start, end, "date of birth", HINT)


# "born between 1 September 2014 and 31 August 2015": the end of a range (birth_cohort).
_RANGE_END = re.compile(rf"\s*(?:and|to|until|till|[-\u2013\u2014])\s*(?P<date>{_DATE})")


def _cohort(text: str, match: re.Match) -> bool:
    return match.re is not _DOB_BEFORE and cohort(text, match, _RANGE_END.match(text, match.end("date")))


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
        after = _WORDS.findall(between[breaks[-1].end() :])
        return all(word.lower() in _AFTER_BREAK_OK for word in after)
    return True
