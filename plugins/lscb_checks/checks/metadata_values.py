"""The value of each header field against its type in the schema
(lscb_content.schema): a choice or yes/no field holds one of its allowed
values, a date is a real date written YYYY-MM-DD, a file path is not a web
address, and Credits are names each with a role in brackets.

The header itself (which lines are fields, and what each is meant to be) is
read by lscb_checks.checks.metadata_schema, which gives each field's value
to _value here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

from lscb_content import event_times, schema
from lscb_core.findings import Finding, cut_words, display_path
from lscb_core.quote import known as vocab
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver
from lscb_reviews.credits import parse as parse_credits

from ..web_address import is_https_address

# A web address of a secure page: https://, a host, and no spaces.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")


class MetadataValueNotAllowed(Rule):
    """Flags a value that a field does not allow: a choice that is not one of
    its values (`Review_type: serious`), a `Status` other than `draft`,
    `hidden` or `published` (a misspelling, or the `skip` of other Pelican
    sites), an event's `Event_status` other than `scheduled` or `cancelled`,
    a web address where a file path is expected, and an event's `Booking`
    that is not a web address starting `https://`.

    ## Why it matters
    The site acts on these values. `Publication_decision: yes` is neither
    `publish` nor `withhold`, so the review is kept off the site without
    anyone deciding that; an unknown `Review_type` shows readers a code.
    A booking link that is not https sends readers' details over the
    internet unencrypted.
    Pelican on its own drops a page with `Status: skip`, or a misspelt
    status, without a finding; here the page is kept as a draft (never
    published) until its status is fixed.

    ## Example
        Criminal_proceedings: finished

    ## Use instead
        Criminal_proceedings: concluded

    ## Known limitations
    Free text (titles, summaries, roles) is not judged here. Capital letters
    do not matter: `Publish` is read as `publish`.
    """

    code = "META003"
    name = "metadata-value-not-allowed"
    waiver = Waiver.NEVER


class MetadataDateInvalid(Rule):
    """Flags a date field that is not a real date written as YYYY-MM-DD, and
    an event's `Start` or `End` that is not a date (`2027-02-03`), or a date
    and time (`2027-02-03 09:30`, in the board's time zone, or with its
    offset from UTC: `2027-02-03T09:30+00:00`).

    ## Why it matters
    Dates decide what readers see: when a review goes live, when guidance is
    due for review, when an event is moved to the past events. `03/04/2026`
    could be 3 April or 4 March; `2026-02-30` does not exist.

    ## Example
        Review_date: 31/03/2027

    ## Use instead
        Review_date: 2027-03-31

    ## Known limitations
    A `Date` or `Modified` that the publishing software cannot read at all
    stops the build before this check runs, with its own message. An
    unreadable `Publish_after` of a case review is REV002.
    """

    code = "META004"
    name = "metadata-date-invalid"
    waiver = Waiver.NEVER


class CreditsMalformed(Rule):
    """Flags a `Credits` value of a case review that cannot be read: a
    credit without its role in brackets at its end, with an empty role, or
    with no name before the role; and a credit whose role is not one of the
    roles a credit may have: an author, reviewer, chair, scrutineer,
    adviser, manager or lead of the report ("independent author", "chair of
    the review panel", "Independent Chair, Northshire Safeguarding Children
    Board", lscb_reviews.credits.ROLES). A role that is the family's or the
    child's ("mother of Child Q", "the young person at the centre of this
    review") is never one: credits are the report's authors and chairs, and
    a name in them is accepted everywhere in the review. Credits are written
    `Name (role); Name (role)`.

    ## Why it matters
    The redaction checks accept a credit's name anywhere in the review, and
    the review page shows each credit with its role. A credit that cannot be
    read is neither shown nor accepted, and the name is then reported
    wherever the report prints it.

    ## Example
        Credits: <name>, independent author; <name>

    ## Use instead
        Credits: <name> (independent author); <name> (board chair)

    Each `<name>` as the report prints it, with any title and post-nominals
    ("Dr", "MSc", "BA (Hons)"): the last bracket of a credit is its role.

    ## Known limitations
    The message says which credit (first, second...) without printing it.
    Semicolons only separate credits: a name or role cannot contain one.
    A role is judged by its words only: a family member credited with a
    professional role ("Zebedee Quinlan (author)") is accepted, and a real
    role worded otherwise than the accepted words ("minute taker") is
    refused until it is reworded.
    """

    code = "META006"
    name = "credits-malformed"
    waiver = Waiver.NEVER


CREDITS_HINT = "write Credits: <name> (role); <name> (role), each role in brackets"
ROLE_HINT = "credit authors, reviewers, chairs, scrutineers, advisers, managers; never family"


def _short(text: str, limit: int = 24) -> str:
    return cut_words(" ".join(text.split()), limit)


def _value(path, field, value, number, col, reported) -> Iterable[Finding]:
    if not value:
        return
    if field.type == schema.DATE:
        if reported and (display_path(path), number) in reported:
            return
        problem = _date_problem(value)
        if problem:
            yield MetadataDateInvalid.at(
                path,
                number,
                say("{field} {problem}", field=vocab(field.name), problem=problem),
                "write the date as YYYY-MM-DD, e.g. 2027-03-31 for 31 March 2027",
                col=col,
            )
        return
    if field.value_by:
        return
    if field.type == schema.WHEN:
        problem = event_times.problem(value)
        if problem:
            yield MetadataDateInvalid.at(
                path,
                number,
                say("{field} '{value}' {problem}", field=vocab(field.name), value=_short(value, 20), problem=problem),
                "write e.g. 2027-02-03 09:30, or 2027-02-03 for a whole day",
                col=col,
            )
        return
    if field.type == schema.HTTPS:
        if not is_https_address(value):
            yield MetadataValueNotAllowed.at(
                path,
                number,
                say("{field} is not a web address starting https://", field=vocab(field.name)),
                "give the booking page's full address, e.g. https://booking.example/event",
                col=col,
            )
        return
    if field.type == schema.CREDITS:
        _credits, problems = parse_credits(value)
        for problem in problems:
            yield CreditsMalformed.at(
                path,
                number,
                say("Credits: {problem}", problem=say(problem.template, number=problem.number)),
                ROLE_HINT if problem.role else CREDITS_HINT,
                col=col + problem.offset,
            )
        return
    if field.type in (schema.CHOICE, schema.YES_NO):
        allowed = field.allowed or ("yes", "no")
        folded = " ".join(value.split()).casefold()
        if folded not in allowed:
            close = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.6)
            choices = vocab(", ".join(allowed))
            if close:
                hint = say("did you mean {close}? write one of: {choices}", close=vocab(close[0]), choices=choices)
            elif field.name == "Status" and folded == "skip":
                hint = "write Status: draft to keep the page off the site"
            else:
                hint = say("write one of: {choices}", choices=choices)
            yield MetadataValueNotAllowed.at(
                path,
                number,
                say("{field} '{value}' is not allowed", field=vocab(field.name), value=_short(value, 20)),
                hint,
                col=col,
            )
    elif field.type == schema.PATH and "://" in value:
        yield MetadataValueNotAllowed.at(
            path,
            number,
            say("{field} is a web address, not a file path", field=vocab(field.name)),
            "give the path of a file from the content/ folder, e.g. reviews/documents/x.pdf",
            col=col,
        )


def _date_problem(value: str):
    """What is wrong with a date as written (a message part), or None."""
    if not _DATE.match(value):
        return say("'{value}' is not written as YYYY-MM-DD", value=_short(value, 20))
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        # It matched YYYY-MM-DD: digits and dashes, nothing that names anyone.
        return say("'{value}' is not a real date", value=vocab(value[:10]))
    return None
