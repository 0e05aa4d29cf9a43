"""The site's allowlist of public names, read from its TOML file.

The allowlist is a TOML file at the project root (setting
REDACTION_ALLOWLIST, default "redaction-allowlist.toml"; a relative path is
read from the folder that holds the content folder). Without the file there
is no allowlist; a file named in the settings other than the default must
exist. Each entry names a public piece of text that may appear in any
review, and why:

    [[allow]]
    text = "Victoria Climbié"
    reason = "Named in the Victoria Climbié Inquiry report (2003)"

An entry with a `role` is one of the board's public people (its independent
chair or scrutineer, a partner's lead named in the annual report):

    [[allow]]
    text = "Alan Whitcombe"
    role = "independent chair of the board"
    reason = "Named as the board's chair on its website and in its annual reports"

A public person is accepted as a review's credits are (lscb_checks.text.
people): with or without a title and post-nominals, the forename or the
surname alone, and followed by a role ("Alan Whitcombe" then "Independent
Chair" on the next line), on every page.

What the redaction checks (PII001-PII013) share is in four modules, one
for each job: this one loads the allowlist; lscb_checks.board_details
reads the board's own contact details and the allowlist's; the build's
Redaction (lscb_checks.redaction) says what may be printed; and
lscb_checks.review_scan runs a detector over everything a review publishes.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass

from lscb_core.findings import Finding
from lscb_core.quote import known, say
from lscb_core.rules import finding

DEFAULT_ALLOWLIST = "redaction-allowlist.toml"


@dataclass(frozen=True)
class Entry:
    text: str
    reason: str
    line: int
    role: str = ""  # set for one of the board's public people


@dataclass(frozen=True)
class Allowlist:
    path: str
    entries: tuple[Entry, ...] = ()
    problems: tuple[Finding, ...] = ()


_ALLOW_HEADER = re.compile(r"^\s*\[\[\s*allow\s*\]\]", re.MULTILINE)
_TEXT_KEY = re.compile(r"^\s*text\s*=", re.MULTILINE)
_TOML_AT = re.compile(r"at line (\d+), column (\d+)")


def allowlist_path(settings: dict) -> str:
    """REDACTION_ALLOWLIST; relative to the project (the content folder's parent)."""
    configured = settings.get("REDACTION_ALLOWLIST") or DEFAULT_ALLOWLIST
    configured = os.path.expanduser(str(configured))
    if os.path.isabs(configured):
        return configured
    content = os.path.abspath(settings.get("PATH") or "content")
    return os.path.join(os.path.dirname(content), configured)


def load_allowlist(path: str, required: bool) -> Allowlist:
    """The allowlist at `path`; a missing file is empty unless `required`."""
    try:
        os.stat(path)
    except OSError:
        if not required:
            return Allowlist(path)
        return _refused(
            path,
            "redaction allowlist file not found",
            "create the file or correct REDACTION_ALLOWLIST in pelicanconf.py",
        )
    # Read at each build and kept by its bytes, not by its time and size: a
    # file edited in place within one tick of the clock, or copied with its
    # time kept, is read as the new file, not as the entries of an earlier
    # build of this process (lscb devserver builds again and again).
    path = os.path.abspath(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return _unreadable(path, error)
    return _load(path, raw)


def _unreadable(path: str, error: Exception) -> Allowlist:
    return _refused(
        path,
        "redaction allowlist cannot be read",
        say("save it as UTF-8 text ({kind})", kind=known(type(error).__name__)),
    )


def _refused(path: str, message: str, hint: str) -> Allowlist:
    """An allowlist that allows nothing, with CFG001 on its first line."""
    return Allowlist(path, problems=(finding("CFG001", path, 1, message, hint),))


@functools.lru_cache(maxsize=16)
def _load(path: str, raw: bytes) -> Allowlist:
    def problem(line: int, message: str, hint: str, col: int = 1) -> Finding:
        return finding("CFG001", path, line, message, hint, col=col)

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        return _unreadable(path, error)
    except tomllib.TOMLDecodeError as error:
        at = _TOML_AT.search(str(error))
        line, col = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
        return Allowlist(
            path,
            problems=(
                problem(
                    line,
                    "redaction allowlist is not valid TOML",
                    'each entry: [[allow]], then text = "..." and reason = "..."',
                    col=col,
                ),
            ),
        )
    entries = data.get("allow", [])
    if not isinstance(entries, list):
        return Allowlist(
            path,
            problems=(
                problem(
                    1,
                    "allowlist entries must be [[allow]] tables",
                    'each entry: [[allow]], then text = "..." and reason = "..."',
                ),
            ),
        )
    lines = _entry_lines(text, len(entries))
    good: list[Entry] = []
    problems: list[Finding] = []
    for number, entry in enumerate(entries):
        line = lines[number]
        value = entry.get("text") if isinstance(entry, dict) else None
        reason = entry.get("reason") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(line, "allowlist entry has no text", 'add text = "the public name" to the entry'))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(
                problem(line, "allowlist entry gives no reason", 'add reason = "why this text is public" to the entry')
            )
        elif "role" in entry and (not isinstance(entry["role"], str) or not entry["role"].strip()):
            problems.append(
                problem(
                    line,
                    "allowlist entry has an empty role",
                    'write role = "independent chair", or remove the role line',
                )
            )
        else:
            good.append(Entry(value.strip(), reason.strip(), line, str(entry.get("role") or "").strip()))
    return Allowlist(path, tuple(good), tuple(problems))


def _entry_lines(text: str, count: int) -> list[int]:
    """Line of each [[allow]] entry: its `text =` line, else its header."""
    headers = [match.start() for match in _ALLOW_HEADER.finditer(text)]
    lines = []
    for index in range(count):
        if index >= len(headers):
            lines.append(1)
            continue
        end = headers[index + 1] if index + 1 < len(headers) else len(text)
        key = _TEXT_KEY.search(text, headers[index], end)
        offset = key.start() if key else headers[index]
        offset += len(text[offset:]) - len(text[offset:].lstrip())
        lines.append(text.count("\n", 0, offset) + 1)
    return lines
