"""The header of every page against the schema of its type (lscb_content.schema).

Every content object is checked, drafts, hidden pages and kept-out reviews
included: their source is in the repository, and they will be published one
day. The header is read as Python-Markdown reads it, so a line it would not
take as a field (`Review date: ...`) is reported where the header really ends.
The value of each field read is checked against its type by
lscb_checks.checks.metadata_values (META003, META004, META006).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content import schema
from lscb_content.field_suggest import suggest
from lscb_content.types import CONTENT_TYPES
from lscb_core.build_state import build_state
from lscb_core.findings import Finding
from lscb_core.quote import known as vocab
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver

from .metadata_values import _short, _value

# What Python-Markdown's meta extension accepts as a field, or a continuation.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE = re.compile(r"^[ ]{4,}\S")
# A line that was meant as a field but is not one: "Review date: ...", "Title : ...".
_ATTEMPT = re.compile(r"^\s*(?P<key>[A-Za-z][\w '’.-]{0,40}?)\s*:(?:\s|$)")


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


def _kind(type_key: str) -> str:
    """ "a guidance page", "an annual report" """
    content_type = CONTENT_TYPES.get(type_key)
    singular = content_type.singular if content_type else "standard page"
    return ("an " if singular[0] in "aeiou" else "a ") + singular


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
                    path,
                    number,
                    say(
                        "this blank line ends the header: {names} below it are not read",
                        names=vocab(", ".join(below[:3]) + (" ..." if len(below) > 3 else "")),
                    ),
                    "remove the blank line inside the header",
                    col=1,
                )
            break
        match = _META.match(line)
        if match is None:
            if key and _MORE.match(line):
                continue  # continuation of the field above
            yield _broken_line(path, number, line, item.type_key, kind, meant)
            # Markdown ends the header here and the rest is body text. Fields
            # written below count as present: one finding, at the break.
            for entry in source.fields:
                suggestion = suggest(entry.name, item.type_key) if entry.line > number else None
                if suggestion and suggestion.how == "spelling":
                    meant.add(suggestion.name)
            break
        key = match.group("key")
        field = known.get(key)
        if field is None:
            suggestion = suggest(key, item.type_key)
            yield _unknown(path, number, key, suggestion, kind)
            if suggestion is None or suggestion.how == "other-type":
                continue
            meant.add(suggestion.name)
            if suggestion.how != "spelling":
                continue
            field = known[suggestion.name]  # read as meant: its value is checked too
        if field.name in seen and not field.repeatable:
            yield MetadataFieldRepeated.at(
                path,
                number,
                say("{field} is written twice (also on line {line})", field=vocab(field.name), line=seen[field.name]),
                say("keep one {field} line", field=vocab(field.name)),
                col=1,
            )
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
                path,
                1,
                say("{field} is missing: {kind} needs it", field=vocab(field.name), kind=vocab(kind)),
                say(
                    "add e.g. '{field}: {sample}' to the header (see docs/editing.md)",
                    field=vocab(field.name),
                    sample=vocab(field.sample),
                ),
                col=1,
            )
        elif not present[field.name][0]:
            _value_text, number, col = present[field.name]
            yield MetadataFieldMissing.at(
                path,
                number,
                say("{field} is empty", field=vocab(field.name)),
                say("write its value, e.g. '{field}: {sample}'", field=vocab(field.name), sample=vocab(field.sample)),
                col=col,
            )


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
            path,
            number,
            say("'{written}' is not a field of {kind}", written=written, kind=kind),
            say("remove or rename it: docs/editing.md lists the fields of {kind}", kind=kind),
            col=1,
            term=key,
        )
    name = vocab(suggestion.name)
    if suggestion.how == "spelling":
        return MetadataFieldUnknown.at(
            path,
            number,
            say("'{written}' must be written {name}", written=written, name=name),
            say("did you mean {name}? spell it exactly, with the same capitals", name=name),
            col=1,
            term=key,
        )
    if suggestion.how == "close":
        return MetadataFieldUnknown.at(
            path,
            number,
            say("'{written}' is not a field of {kind}", written=written, kind=kind),
            say("did you mean {name}?", name=name),
            col=1,
            term=key,
        )
    return MetadataFieldUnknown.at(
        path,
        number,
        say("{name} is not a field of {kind}", name=name, kind=kind),
        say("remove it: {name} belongs to another kind of page", name=name),
        col=1,
        term=key,
    )


def _broken_line(path, number, line, type_key, kind, meant) -> Finding:
    """A header line Markdown does not take as a field: the header ends there,
    and it and every line below it are published as text."""
    attempt = _ATTEMPT.match(line)
    if attempt is None:
        return MetadataFieldUnknown.at(
            path,
            number,
            "this header line is not 'Name: value': the header ends here",
            "start it with a field name and ':', or put a blank line before the text",
            col=1,
        )
    written = attempt.group("key").strip()
    suggestion = suggest(written, type_key)
    if suggestion and suggestion.how in ("spelling", "close"):
        meant.add(suggestion.name)
        hint = say("did you mean {name}? no spaces in a name, none before ':'", name=vocab(suggestion.name))
    else:
        hint = say("use a field of {kind}, with _ for spaces and no space before ':'", kind=vocab(kind))
    return MetadataFieldUnknown.at(
        path,
        number,
        say("'{written}' is not a field name: the header ends here", written=_short(written)),
        hint,
        col=1,
        term=written,
    )
