"""The header of every page against the schema of its type (lscb_content.schema).

Every content object is checked, drafts, hidden pages and kept-out reviews
included: their source is in the repository, and they will be published one
day. The header is read as Python-Markdown reads it, so a line it would not
take as a field (`Review date: ...`) is reported where the header really ends.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

from lscb_content import schema
from lscb_content.types import CONTENT_TYPES
from lscb_core.build_state import build_state
from lscb_core.findings import Finding, cut_words, display_path
from lscb_core.quote import known as vocab
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver
from lscb_reviews.credits import parse as parse_credits

# What Python-Markdown's meta extension accepts as a field, or a continuation.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE = re.compile(r"^[ ]{4,}\S")
# A line that was meant as a field but is not one: "Review date: ...", "Title : ...".
_ATTEMPT = re.compile(r"^\s*(?P<key>[A-Za-z][\w '’.-]{0,40}?)\s*:(?:\s|$)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")


class MetadataFieldUnknown(Rule):
    """Flags a header line that is not a field of this kind of page: a
    misspelt name, wrong capitals or spaces (`review date`, `review_date`), a
    field of another kind of page, or a line that is not `Name: value` at all.

    ## Why it matters
    The site ignores a field it does not know. A misspelt `Review_date` means
    nobody is reminded to review the guidance; a misspelt field of a case
    review keeps it off the site. A line that is not `Name: value` ends the
    header there, and every field below it is published as text.

    ## Example
        Review date: 2027-01-15

    ## Use instead
        Review_date: 2027-01-15

    The hint names the field you probably meant. docs/editing.md lists the
    fields of each kind of page.

    ## Known limitations
    Only the first broken line of a header is reported; the lines after it
    are checked once it is fixed.
    """

    code = "META001"
    name = "metadata-field-unknown"
    waiver = Waiver.LINE


class MetadataFieldMissing(Rule):
    """Flags a required field that a page does not have, or that is empty.

    ## Why it matters
    Required fields drive the site: `Summary` is shown in listings, `Owner`
    and `Review_date` make sure guidance is kept up to date, the fields of a
    case review record why it may be published.

    ## Example
    A guidance page without an `Owner` line.

    ## Use instead
        Owner: Policy and Procedures Subgroup

    ## Known limitations
    Some required fields are reported by a more specific check instead:
    `Version_of` (VER001) and the publication record of a case review
    (REV001, REV004 to REV007).
    """

    code = "META002"
    name = "metadata-field-missing"
    waiver = Waiver.NEVER


class MetadataValueNotAllowed(Rule):
    """Flags a value that a field does not allow: a choice that is not one of
    its values (`Review_type: serious`), a `Status` other than `draft`,
    `hidden` or `published` (a misspelling, or the `skip` of other Pelican
    sites), or a web address where a file path is expected.

    ## Why it matters
    The site acts on these values. `Publication_decision: yes` is neither
    `publish` nor `withhold`, so the review is kept off the site without
    anyone deciding that; an unknown `Review_type` shows readers a code.
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
    """Flags a date field that is not a real date written as YYYY-MM-DD.

    ## Why it matters
    Dates decide what readers see: when a review goes live, when guidance is
    due for review. `03/04/2026` could be 3 April or 4 March; `2026-02-30`
    does not exist.

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


class MetadataFieldRepeated(Rule):
    """Flags a field written twice in one header (only `Waive` may repeat).

    ## Why it matters
    The site joins the two values or uses only one, without saying which: two
    `Publication_decision` lines keep a review off the site, two `Summary`
    lines run together.

    ## Example
        Summary: How to make a referral.
        Summary: What happens after a referral.

    ## Use instead
    One line per field.

    ## Known limitations
    None.
    """

    code = "META005"
    name = "metadata-field-repeated"
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


class MetadataAfterBlankLine(Rule):
    """Flags a blank line inside the metadata header: the lines below it
    are fields (`Owner: ...`), but the header ends at the first blank line,
    so they are not read as fields.

    ## Why it matters
    The fields below the blank line are published as the first paragraph
    of the page, and the page is reported as missing them ("Owner is
    missing") although they are there.

    ## Example
        Title: Making a referral
        Summary: How to make a referral.

        Owner: Policy and Procedures Subgroup
        Review_date: 2027-03-31

    ## Use instead
        Title: Making a referral
        Summary: How to make a referral.
        Owner: Policy and Procedures Subgroup
        Review_date: 2027-03-31

    ## Known limitations
    Only the first paragraph after the blank line is looked at, and only
    when every line of it is `Name: value` with at least one name a field
    of the site; a page whose text starts with such lines ("Date: ...")
    must put a sentence first.
    """

    code = "META008"
    name = "metadata-after-blank-line"
    waiver = Waiver.NEVER


CREDITS_HINT = "write Credits: <name> (role); <name> (role), each role in brackets"
ROLE_HINT = "credit authors, reviewers, chairs, scrutineers, advisers, managers; never family"


def _kind(type_key: str) -> str:
    """ "a guidance page", "an annual report" """
    content_type = CONTENT_TYPES.get(type_key)
    singular = content_type.singular if content_type else "standard page"
    return ("an " if singular[0] in "aeiou" else "a ") + singular


def _short(text: str, limit: int = 24) -> str:
    return cut_words(" ".join(text.split()), limit)


def check(site) -> Iterable[Finding]:
    # Findings other plugins already reported (REV002: a review's unreadable
    # Publish_after), so a date is reported once.
    reported = {(f.path, f.line) for f in build_state(site.settings).findings if f.code == "REV002"}
    # Every item is Markdown: Pelican reads no other format (lscb_content.reader).
    for item in site.items:
        yield from check_item(item, reported)


def check_item(item, reported=frozenset()) -> Iterable[Finding]:
    source = item.source
    path = item.path
    known = schema.fields_of(item.type_key)
    kind = _kind(item.type_key)
    meant: set[str] = set()  # known names an unknown line was taken to mean
    seen: dict[str, int] = {}  # known name -> line of its first occurrence
    present: dict[str, tuple[str, int, int]] = {}  # known name -> (value, line, col)

    key = None
    for number, line in enumerate(source.lines, start=1):
        if not line.strip():
            below = _fields_below(source.lines, number)
            if below:
                meant.update(name for name in below if name in known)
                yield MetadataAfterBlankLine.at(
                    path, number, say("this blank line ends the header: {names} below it are not read",
                                      names=vocab(", ".join(below[:3]) + (" ..." if len(below) > 3 else ""))),
                    "remove the blank line inside the header", col=1)
            break
        match = _META.match(line)
        if match is None:
            if key and _MORE.match(line):
                continue  # continuation of the field above
            yield _broken_line(path, number, line, item.type_key, kind, meant)
            # Markdown ends the header here and the rest is body text. Fields
            # written below count as present: one finding, at the break.
            for entry in source.fields:
                suggestion = schema.suggest(entry.name, item.type_key) if entry.line > number else None
                if suggestion and suggestion.how == "spelling":
                    meant.add(suggestion.name)
            break
        key = match.group("key")
        field = known.get(key)
        if field is None:
            suggestion = schema.suggest(key, item.type_key)
            yield _unknown(path, number, key, suggestion, kind)
            if suggestion is None or suggestion.how == "other-type":
                continue
            meant.add(suggestion.name)
            if suggestion.how != "spelling":
                continue
            field = known[suggestion.name]  # read as meant: its value is checked too
        if field.name in seen and not field.repeatable:
            yield MetadataFieldRepeated.at(
                path, number, say("{field} is written twice (also on line {line})",
                                  field=vocab(field.name), line=seen[field.name]),
                say("keep one {field} line", field=vocab(field.name)), col=1)
            continue
        seen.setdefault(field.name, number)
        entry = next((f for f in source.fields if f.line == number), None)
        value = entry.value if entry else match.group("value").strip()
        col = entry.value_col if entry else match.start("value") + 1
        present[field.name] = (value, number, col)
        yield from _value(path, field, value, number, col, reported)

    for field in known.values():
        if not field.required or field.missing_by or field.name in meant:
            continue
        if field.name not in present:
            yield MetadataFieldMissing.at(
                path, 1, say("{field} is missing: {kind} needs it", field=vocab(field.name), kind=vocab(kind)),
                say("add e.g. '{field}: {sample}' to the header (see docs/editing.md)",
                    field=vocab(field.name), sample=vocab(field.sample)), col=1)
        elif not present[field.name][0]:
            _value_text, number, col = present[field.name]
            yield MetadataFieldMissing.at(
                path, number, say("{field} is empty", field=vocab(field.name)),
                say("write its value, e.g. '{field}: {sample}'", field=vocab(field.name), sample=vocab(field.sample)),
                col=col)


def _fields_below(lines: list[str], blank: int) -> list[str]:
    """The field names (as the site spells them) of the paragraph after the
    blank line `blank` (from 1), when every line of it is `Name: value` and
    one name at least is a field: else []."""
    fields = {name.lower(): name for type_key in (*CONTENT_TYPES, "pages") for name in schema.fields_of(type_key)}
    start = blank
    while start < len(lines) and not lines[start].strip():
        start += 1
    names, key = [], None
    for line in lines[start:]:
        if not line.strip():
            break
        match = _META.match(line)
        if match is None:
            if key and _MORE.match(line):
                continue
            return []
        key = match.group("key")
        names.append(fields.get(key.lower(), ""))
    return [name for name in names if name] if any(names) else []


def _unknown(path, number, key, suggestion, kind) -> Finding:
    written, kind = _short(key), vocab(kind)
    if suggestion is None:
        return MetadataFieldUnknown.at(
            path, number, say("'{written}' is not a field of {kind}", written=written, kind=kind),
            say("remove or rename it: docs/editing.md lists the fields of {kind}", kind=kind), col=1, term=key)
    name = vocab(suggestion.name)
    if suggestion.how == "spelling":
        return MetadataFieldUnknown.at(
            path, number, say("'{written}' must be written {name}", written=written, name=name),
            say("did you mean {name}? spell it exactly, with the same capitals", name=name), col=1, term=key)
    if suggestion.how == "close":
        return MetadataFieldUnknown.at(
            path, number, say("'{written}' is not a field of {kind}", written=written, kind=kind),
            say("did you mean {name}?", name=name), col=1, term=key)
    return MetadataFieldUnknown.at(
        path, number, say("{name} is not a field of {kind}", name=name, kind=kind),
        say("remove it: {name} belongs to another kind of page", name=name), col=1, term=key)


def _broken_line(path, number, line, type_key, kind, meant) -> Finding:
    """A header line Markdown does not take as a field: the header ends there,
    and it and every line below it are published as text."""
    attempt = _ATTEMPT.match(line)
    if attempt is None:
        return MetadataFieldUnknown.at(
            path, number, "this header line is not 'Name: value': the header ends here",
            "start it with a field name and ':', or put a blank line before the text", col=1)
    written = attempt.group("key").strip()
    suggestion = schema.suggest(written, type_key)
    if suggestion and suggestion.how in ("spelling", "close"):
        meant.add(suggestion.name)
        hint = say("did you mean {name}? no spaces in a name, none before ':'", name=vocab(suggestion.name))
    else:
        hint = say("use a field of {kind}, with _ for spaces and no space before ':'", kind=vocab(kind))
    return MetadataFieldUnknown.at(
        path, number, say("'{written}' is not a field name: the header ends here", written=_short(written)),
        hint, col=1, term=written)


def _value(path, field, value, number, col, reported) -> Iterable[Finding]:
    if not value:
        return
    if field.type == schema.DATE:
        if reported and (display_path(path), number) in reported:
            return
        problem = _date_problem(value)
        if problem:
            yield MetadataDateInvalid.at(
                path, number, say("{field} {problem}", field=vocab(field.name), problem=problem),
                "write the date as YYYY-MM-DD, e.g. 2027-03-31 for 31 March 2027", col=col)
        return
    if field.value_by:
        return
    if field.type == schema.CREDITS:
        _credits, problems = parse_credits(value)
        for problem in problems:
            yield CreditsMalformed.at(path, number, say("Credits: {problem}",
                                                        problem=say(problem.template, number=problem.number)),
                                      ROLE_HINT if problem.role else CREDITS_HINT, col=col + problem.offset)
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
                path, number, say("{field} '{value}' is not allowed", field=vocab(field.name), value=_short(value, 20)),
                hint, col=col)
    elif field.type == schema.PATH and "://" in value:
        yield MetadataValueNotAllowed.at(
            path, number, say("{field} is a web address, not a file path", field=vocab(field.name)),
            "give the path of a file from the content/ folder, e.g. reviews/documents/x.pdf", col=col)


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
