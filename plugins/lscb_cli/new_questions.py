"""The questions `lscb new` asks (lscb_cli.new): each answer checked, and a
wrong one explained and asked again, keeping the answers already given."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from lscb_content.versions import normalise_reference
from lscb_core.suggest import closest_path

from . import scaffold

DONE, REFUSED, USAGE = 0, 1, 2


class Stop(Exception):
    """Ends the script with a message and an exit status."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _shown(path: Path) -> str:
    """A path as the editor would type it: relative to the current folder."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# How `make new` spells each option (Makefile: TYPE=, TITLE=, ...).
MAKE_NAMES = {
    "--type": "TYPE",
    "--title": "TITLE",
    "--version-of": "VERSION_OF",
    "--translation-of": "TRANSLATION_OF",
    "--lang": "LANG_CODE",
    "--child": "CHILD",
    "--name": "NAME",
}


def _option(needed: str) -> str:
    """An option as the editor can give it: '--title (TITLE= with make new)'."""
    return f"{needed} ({MAKE_NAMES[needed]}= with make new)" if needed in MAKE_NAMES else needed


class Asker:
    """Questions on standard input. A wrong answer is explained and asked
    again, whether the answers come from a terminal or are piped in one a
    line; the answers accepted so far are kept, and shown as a `make new`
    command line when the answers run out. With `ask=False` (--no-input)
    nothing is asked: a missing answer is an error."""

    def __init__(self, ask: bool = True):
        self.tty = ask and sys.stdin.isatty()
        self.asking = ask
        self.kept: list[tuple[str, str]] = []  # (option, accepted answer)
        self.problem = ""  # the last wrong answer's reason

    def keep(self, option: str, value: str) -> str:
        self.kept.append((option, value))
        self.problem = ""
        return value

    def carry_on(self) -> str:
        """The `make new` command line that repeats the answers kept so far."""
        if not self.kept:
            return ""
        words = " ".join(f"{MAKE_NAMES[option]}={shlex.quote(value)}" for option, value in self.kept)
        return f" To carry on from your answers: make new {words}"

    def require(self, needed: str) -> None:
        """Stop before a question when nothing may be asked (--no-input)."""
        if not self.asking:
            raise Stop(USAGE, f"this page needs {_option(needed)}: nothing is asked with --no-input.")

    def ask(self, question: str, needed: str) -> str:
        self.require(needed)
        print(question, end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            print()
            first = f"{self.problem} " if self.problem else ""
            raise Stop(
                USAGE, f"{first}No answer: give {_option(needed)}, or run scripts/new in a terminal." + self.carry_on()
            )
        if not self.tty:
            print()  # the piped answer is not echoed: end the question's line
        return line.strip()

    def again(self, problem: str) -> None:
        """Report a wrong answer; the question is asked again."""
        self.problem = problem
        print(f"  {problem}", flush=True)


def _type_key(written: str) -> str:
    """The content type an editor means: its number in the menu, its key, or
    its key in the singular ("review")."""
    keys = list(scaffold.KINDS)
    text = written.strip().casefold().replace(" ", "-").replace("_", "-")
    if text.isdigit() and 1 <= int(text) <= len(keys):
        return keys[int(text) - 1]
    for key in keys:
        if text in (key, key.rstrip("s"), scaffold.KINDS[key].replace(" ", "-")):
            return key
    close = closest_path(text, keys) or closest_path(text + "s", keys)
    allowed = ", ".join(keys)
    hint = f" Did you mean {close}?" if close else ""
    raise ValueError(f"'{written.strip()[:30]}' is not a type.{hint} The types are: {allowed}.")


def _choose_type(asker: Asker) -> str:
    asker.require("--type")
    print("What kind of page do you want to start?")
    for number, (key, label) in enumerate(scaffold.KINDS.items(), start=1):
        print(f"  {number}. {label[0].upper()}{label[1:]} (content/{key}/)")
    while True:
        answer = asker.ask(f"Type a number from 1 to {len(scaffold.KINDS)}: ", "--type")
        try:
            return _type_key(answer)
        except ValueError as error:
            asker.again(str(error))


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValueError("the title is empty: write the page's title, e.g. 'Making a referral'.")
    if not scaffold.slugify(title):
        raise ValueError("the title gives no file name: use letters or numbers in it.")
    return title


def _ask_title(asker: Asker) -> str:
    while True:
        answer = asker.ask("Title of the page: ", "--title")
        try:
            return _check_title(answer)
        except ValueError as error:
            asker.again(str(error))


def _guidance_pages(content: Path) -> list[str]:
    return sorted(p.relative_to(content).as_posix() for p in (content / "guidance").glob("*.md"))


def _title_of(path: Path) -> str:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            break
        if line.startswith("Title:"):
            return line[len("Title:") :].strip()
    return ""


def _check_version_of(written: str, content: Path) -> str:
    pages = _guidance_pages(content)
    wanted = normalise_reference(written) if written.strip() else ""
    if wanted in pages:
        return wanted
    if not pages:
        raise ValueError("there is no guidance page to adapt yet: write the guidance first.")
    close = closest_path(wanted, pages) if wanted else None
    hint = f"did you mean {close}?" if close else "the guidance pages are: " + ", ".join(pages)
    raise ValueError(f"'{written.strip()[:40]}' is not a guidance page in {_shown(content)}/: {hint}")


def _ask_version_of(asker: Asker, content: Path, audience: str) -> str:
    pages = _guidance_pages(content)
    if not pages:
        raise Stop(USAGE, "there is no guidance page to adapt yet: write the guidance first.")
    asker.require("--version-of")
    print(f"Which guidance page is this a version of, for {audience}?")
    for number, page in enumerate(pages, start=1):
        print(f"  {number}. {page}: {_title_of(content / page)}")
    while True:
        answer = asker.ask(f"Type a number from 1 to {len(pages)}: ", "--version-of")
        if answer.isdigit() and 1 <= int(answer) <= len(pages):
            return pages[int(answer) - 1]
        try:
            return _check_version_of(answer, content)
        except ValueError as error:
            asker.again(str(error))


def _check_child(name: str) -> str:
    name = " ".join(name.split())
    if not scaffold.is_pseudonym(name):
        # Not repeated: it may be the child's real name.
        raise ValueError(
            "that is not a pseudonym: write Child and one capital letter, e.g. Child L."
            if name
            else "the pseudonym is empty: write e.g. Child L."
        )
    return name


def _ask_child(asker: Asker, title: str) -> str:
    found = scaffold.pseudonyms_in(title)
    default = found[0] if found else ""
    if default and not asker.tty:
        return default  # scripted: the first pseudonym in the title
    question = f"The child's pseudonym [{default}]: " if default else "The child's pseudonym, e.g. Child L: "
    while True:
        answer = asker.ask(question, "--child") or default
        try:
            return _check_child(answer)
        except ValueError as error:
            asker.again(str(error))


def _confirm(asker: Asker, question: str) -> bool:
    answer = asker.ask(question, "--yes").casefold()
    return answer in ("", "y", "yes")
