"""A range of birth dates that is a group of children, not one child's date
of birth (lscb_checks.checks.pii_dob): "children born between 1 September
2014 and 31 August 2015", "pupils born 1 September 2014 - 31 August 2015",
a school year's cohort. The answer never depends on the day it is read:
a date's missing parts come from the range, not from the clock.

A range is a cohort when it is a month or more long, its end names its year,
and it is opened by "between" or "from", or, written with a dash, follows
words for a group ("children", "pupils", "those", "the cohort"...). "Child
Q was born 3 March 2014 - 12 June 2014 saw the first referral" is a date of
birth and the next entry of a chronology, and "born on 3 March 2014 - 14
May 2014 ..." one day and then another: both are reported.
"""

from __future__ import annotations

import re

from dateutil.parser import parse as parse_date

_RANGE_START = re.compile(r"(?i)\b(?:between|from)\s+(?:the\s+)?$")
_DASH = re.compile(r"\s*[-\u2013\u2014]")
# Words for a group of children shortly before "born".
_GROUP = re.compile(
    r"(?i)\b(?:children|pupils|students|babies|infants|young\s+people|those|everyone|all|anyone|cohort|year\s+group"
    r"|class|classes|boys|girls|siblings|twins|learners)\b[^.!?]{0,40}$"
)
_NO_YEAR = parse_date("0001-01-01")


def cohort(text: str, match: re.Match, end: re.Match | None) -> bool:
    """Whether the date of `match` (after a trigger such as "born") starts a
    range ending at `end` that is a group of children's."""
    if end is None:
        return False
    opened = _RANGE_START.search(match.group("between"))
    if not opened:
        if not _DASH.match(text, match.end("date")) or re.search(r"(?i)\bon\b", match.group("between")):
            return False
        if not _GROUP.search(text, max(0, match.start() - 60), match.start()):
            return False  # a dash after one child's date of birth: the next entry
    try:
        last = parse_date(end.group("date"), dayfirst=True, default=_NO_YEAR)
        if last.year == 1:
            return False  # the end names no year: "born 3 March 2014 - 3 April was the first visit"
        # What the first date leaves out ("between 3 March and 14 May 2015")
        # is the end's year, as a reader takes it: never the clock's, which
        # dateutil would use (and the answer would change with the day).
        first = parse_date(match.group("date"), dayfirst=True, default=last.replace(month=1, day=1))
    except (ValueError, OverflowError):
        return False
    return (last - first).days >= 28
