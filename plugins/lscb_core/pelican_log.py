"""Turn the errors Pelican logs about content into findings with a file.

Pelican logs "Could not process <file>" (without saying why, unless DEBUG is
on) or "Skipping <page>: could not find information about 'title'", drops the
page and carries on. Here each becomes a finding naming the file, so an editor
sees it with the other problems and in the same formats (BLD001 and BLD005,
declared in lscb_checks.checks.build_errors and reported here by code:
lscb_core imports no plugin).

Every other record Pelican (or a plugin) logs is printed with masked_text():
the values a record quotes (its `%s` arguments: paths, metadata, what a link
asked for) are masked like a finding's (lscb_core.quote), so Pelican's own
messages never echo an identifier either.
"""

from __future__ import annotations

import logging
import os
import re

from .findings import Finding, display_path
from .pseudonyms import declared_in
from .quote import File, Known, in_reviews, known, mask_path, mask_paths_in, mask_value, say
from .rules import finding
from .sources import source_file

_PROPERTY_FIELDS = {"title": "Title", "date": "Date", "content": "the text"}


def _why(settings, relative: str) -> tuple[str, str]:
    """Read the file again to learn why Pelican could not: the kind of
    error (Python's name for it) and Pelican's text, which quotes the file."""
    from pelican.readers import Readers

    try:
        Readers(settings).read_file(base_path=settings["PATH"], path=relative)
    except Exception as error:  # the reason is the point
        text = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return type(error).__name__, text
    return "unknown error", ""


def _not_utf8(path: str) -> Finding:
    """BLD001 at the first character that is not UTF-8: most often a £, an
    é or a curly quote saved by Notepad or Word in the Windows encoding."""
    data = b""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        data.decode("utf-8")
        start = len(data)
    except UnicodeDecodeError as error:
        start = error.start
    except OSError:
        start = 0
    line_start = data.rfind(b"\n", 0, start) + 1 if start else 0
    line = data.count(b"\n", 0, start) + 1 if start else 1
    col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    meant = data[start : start + 1].decode("cp1252", errors="replace") if start < len(data) else ""
    return finding(
        "BLD001",
        path,
        line,
        say("the file is not saved as UTF-8: the '{char}' here cannot be read", char=meant)
        if meant.strip() and meant != "\ufffd"
        else "the file is not saved as UTF-8: a character here cannot be read",
        "save the file as UTF-8 (in Notepad: File > Save as > Encoding: UTF-8)",
        col=col,
    )


def _line_of_quoted_value(path: str, why: str) -> tuple[int, int]:
    """Where the value quoted in an error ('2026-13-01') is in the header."""
    match = re.search(r"'([^']+)'", why)
    if match:
        try:
            source = source_file(path)
        except OSError:
            return 1, 1
        for entry in source.fields:
            if entry.value == match.group(1):
                return entry.line, entry.value_col
    return 1, 1


def _mask_quoted(path: str, why: str) -> str:
    """Pelican's error with what it quotes from the file masked: every value
    of the file's header, and anything in quotes."""
    try:
        values = [entry.value for entry in source_file(path).fields if entry.value.strip()]
    except OSError:
        values = []
    for value in sorted(values, key=len, reverse=True):
        why = why.replace(value, mask_value(value, tuple(declared_in(path))))
    return re.sub(r"'([^']*)'|\"([^\"]*)\"", lambda m: mask_value(m.group(0)), why)


def to_finding(record: logging.LogRecord, settings) -> Finding | None:
    """A finding for a content error Pelican logged, or None for others."""
    if record.msg == "Could not process %s" and record.args:
        relative = str(record.args[0])
        path = os.path.join(settings["PATH"], relative)
        kind, why = _why(settings, relative)
        if kind == "UnicodeDecodeError":
            return _not_utf8(path)
        line, col = _line_of_quoted_value(path, why)
        # Pelican's text quotes the file (a date, a value): in a review, what
        # it quotes is masked and Pelican's own words are kept.
        if in_reviews(path):
            why = known(_mask_quoted(path, why))
        return finding(
            "BLD001",
            path,
            line,
            say("Pelican could not read this file ({kind}: {why})", kind=known(kind), why=why)
            if why
            else say("Pelican could not read this file ({kind})", kind=known(kind)),
            "check the metadata at the top: one 'Name: value' a line, then a blank line",
            col=col,
        )
    if isinstance(record.msg, str) and record.msg.startswith("Skipping %s: could not find information about"):
        page, prop = record.args[0], str(record.args[1])
        path = getattr(page, "source_path", str(page))
        field = _PROPERTY_FIELDS.get(prop, prop)
        return finding(
            "BLD001",
            path,
            1,
            say("the page has no {field}, so it would be left out", field=known(field)),
            say("add '{field}: ...' to the metadata at the top of the file", field=known(field))
            if field[0].isupper()
            else "add some text below the metadata",
        )
    return None


def _page_of(record: logging.LogRecord | None):
    """The page or article a record is about, if it names one."""
    args = record.args if record is not None and isinstance(record.args, tuple) else ()
    return next((arg for arg in args if getattr(arg, "source_path", None)), None)


def error_finding(text: str, settings_path, record: logging.LogRecord | None = None) -> Finding:
    """BLD005 for an error no check explains: `text` is already masked
    (masked_text, or an exception's text through quote.mask_paths_in)."""
    page = _page_of(record)
    if page is None:
        # A plugin's error may end with its own "hint: ..." line.
        first, _, rest = text.partition("\n")
        hint = next(
            (line.strip()[len("hint:") :].strip() for line in rest.splitlines() if line.strip().startswith("hint:")), ""
        )
        return finding(
            "BLD005",
            str(settings_path),
            1,
            say("the build stopped: {error}", error=known(first)),
            say("{hint}", hint=known(hint))
            if hint
            else "not about one page: send this to the site's maintainer (--verbose shows it in full)",
        )
    path = str(page.source_path)
    if in_reviews(path):
        text = text.replace(mask_path(display_path(path)), "this page")
    else:
        # A public page's values are printed as written (lscb_core.quote),
        # but a review's file it names is masked.
        shown = tuple("this page" if arg is page else mask_paths_in(str(arg)) for arg in record.args)
        text = str(record.msg) % shown
    line, col = 1, 1
    try:
        fields = source_file(path).fields
    except OSError:
        fields = []
    quoted = {str(arg) for arg in record.args if isinstance(arg, str)}
    for entry in fields:
        if entry.value in quoted:
            line, col = entry.line, entry.value_col
            break
    return finding(
        "BLD005",
        path,
        line,
        say("{error}", error=known(text)),
        "fix what it quotes; --verbose prints Pelican's whole message",
        col=col,
    )


_PATH_LIKE = re.compile(r"[/\\]|\.[A-Za-z0-9]{1,5}$")


def _masked_argument(value) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, Known):  # a plugin's own words
        return value.text
    if isinstance(value, File):
        return mask_path(value.path)
    source = getattr(value, "source_path", None)
    if source:  # a page or article: named by its file
        return mask_path(display_path(str(source)))
    text = str(value)
    if _PATH_LIKE.search(text):
        # A file Pelican read exists; one it was asked to find may not, and
        # its name is the editor's: masked wherever it is.
        return mask_path(text) if os.path.exists(text) else mask_path(text, everywhere=True)
    return mask_value(text)


def masked_text(record: logging.LogRecord) -> str:
    """The record's message with every value it quotes masked."""
    args = record.args
    if isinstance(args, dict):
        text = str(record.msg) % {key: _masked_argument(value) for key, value in args.items()}
    elif args:
        text = str(record.msg) % tuple(_masked_argument(value) for value in args)
    else:
        # A message built before logging (an f-string): mask what looks like a path.
        text = " ".join(
            str(_masked_argument(word)) if _PATH_LIKE.search(word) else word for word in str(record.msg).split(" ")
        )
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        text = f"{text}: {type(error).__name__}: {mask_value(str(error))}"
    return text


class MaskedFormatter(logging.Formatter):
    """A log formatter that prints masked_text() instead of the raw message."""

    def format(self, record: logging.LogRecord) -> str:
        masked = logging.makeLogRecord(
            {**record.__dict__, "msg": masked_text(record), "args": None, "exc_info": None, "exc_text": None}
        )
        return super().format(masked)


# Pelican's warnings that a finding reports better: an empty alt text
# (A11Y001, A11Y002), a link or file it could not find (LINK001, LINK004).
_REPORTED_WARNINGS = (
    "Empty alt attribute for image %s in %s",
    "Unable to find '%s', skipping url replacement.",
    "Cannot get modification stamp for %s",
)


class ReportedElsewhere(logging.Filter):
    """Leaves out of the console what the findings report: every error
    (a finding of its own, BLD001 or BLD005) and the warnings above."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return False
        return not (isinstance(record.msg, str) and record.msg.startswith(_REPORTED_WARNINGS))
