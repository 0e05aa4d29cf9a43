"""The history of a content folder in the repository: each file's text at
each commit that changed it, read with two git commands for the whole
folder, however many files it holds.

`git log --name-only` lists the commits that changed a file of the folder
(newest first) with the files each changed; `git cat-file --batch` then
gives the text of every file at each of those commits through one process.
Only the commit's hash and date are read from the log, never its author or
committer: nothing read here can put a person's name or address on the site.

A folder with no history (a tarball, a folder outside a repository, git not
installed) or with a cut one (a shallow clone, whose oldest commit would
look like the first version of every page) has none: `History.note` says
why, for the build's output.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field

_LOG_FORMAT = "%x00%H %cs"  # the hash and the commit date (YYYY-MM-DD); nothing else
_TIMEOUT = 120


@dataclass(frozen=True)
class Revision:
    commit: str
    day: dt.date  # the commit's date: used when the text has no date of its own
    text: str


@dataclass
class History:
    # path relative to the folder (forward slashes) -> its revisions, oldest first
    files: dict[str, list[Revision]] = field(default_factory=dict)
    note: str = ""  # why there is no history, or ""


def _git(folder: str, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", "-C", folder, *args],
        input=data,
        capture_output=True,
        check=True,
        timeout=_TIMEOUT,
    ).stdout


def read_history(folder: str) -> History:
    """Every revision of every file under `folder` in its repository."""
    if not os.path.isdir(folder):
        return History(note="the folder does not exist")
    try:
        inside = _git(folder, "rev-parse", "--is-inside-work-tree").strip() == b"true"
        if not inside:
            return History(note="the content is not in a git repository")
        if _git(folder, "rev-parse", "--is-shallow-repository").strip() == b"true":
            return History(note="the repository's history is shallow (clone it with all its history)")
        top = _git(folder, "rev-parse", "--show-toplevel").decode().strip()
        log = _git(folder, "log", "--no-renames", "--name-only", f"--format={_LOG_FORMAT}", "--", ".")
    except FileNotFoundError:
        return History(note="git is not installed")
    except subprocess.CalledProcessError as error:
        said = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return History(note=f"git could not read the history ({said[0] if said else 'no reason given'})")
    except (subprocess.TimeoutExpired, OSError):
        return History(note="git could not read the history")
    prefix = os.path.relpath(os.path.realpath(folder), os.path.realpath(top)).replace(os.sep, "/")
    changes = _changes(log.decode("utf-8", "replace"), "" if prefix == "." else prefix + "/")
    return History(files=_texts(folder, changes))


def _changes(log: str, prefix: str) -> list[tuple[str, dt.date, str, str]]:
    """(hash, date, path from the top, path in the folder) of each file each
    commit changed, newest commit first."""
    found = []
    for record in log.split("\x00")[1:]:
        lines = record.strip("\n").split("\n")
        commit, day = lines[0].split(" ", 1)
        for name in lines[1:]:
            name = name.strip()
            if name.startswith(prefix) and name.endswith(".md"):
                found.append((commit, dt.date.fromisoformat(day.strip()), name, name[len(prefix) :]))
    return found


def _texts(folder: str, changes) -> dict[str, list[Revision]]:
    """Each change's text, through one `git cat-file --batch`; a file the
    commit deleted has none, and is left out, as is a text that is not
    UTF-8."""
    if not changes:
        return {}
    asked = "".join(f"{commit}:{path}\n" for commit, _day, path, _name in changes).encode()
    answer = _git(folder, "cat-file", "--batch", data=asked)
    files: dict[str, list[Revision]] = {}
    at = 0
    for commit, day, _path, name in changes:
        end = answer.index(b"\n", at)
        header = answer[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] != b"blob":  # "<name> missing": deleted there
            continue
        size = int(header[2])
        data = answer[at : at + size]
        at += size + 1
        try:
            text = data.decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError:
            # Not UTF-8 (saved as Windows-1252 once): Pelican could not read
            # it either, so it was never published; read with replacement
            # characters, "Renée" would be "Ren\ufffde", which no register matches.
            continue
        files.setdefault(name, []).append(Revision(commit, day, text))
    for revisions in files.values():
        revisions.reverse()  # oldest first
    return files
