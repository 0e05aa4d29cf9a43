"""Keep a review's redaction register: the real names, nicknames, addresses,
schools and dates of birth that must never be published with it.

    lscb register add content/reviews/child-x.md     (make register REVIEW=...)
        Type the terms, one a line (nothing is shown as you type); an empty
        line finishes. Or pipe them in: ... add content/reviews/child-x.md < terms.txt
    lscb register remove content/reviews/child-x.md
        Type the terms to take out, as they were added (for a one-word term
        that is also an ordinary word: add the full name first, then remove
        the word). Other terms stay.
    lscb register check content/reviews/child-x.md   (make register-check REVIEW=...)
        Does the key match the register, and how many entries it holds.
    lscb register new-key
        Print a new random key, for the board to keep as a secret.

The key comes from the environment variable LSCB_REDACTION_KEY. Terms are
never accepted on the command line (they would stay in the shell's history)
and are never printed or written anywhere except as keyed hashes in
<review folder>/redaction/<review name>.json. See docs/publishing-reviews.md.
scripts/redaction-register is the same command.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from lscb_checks.text.register import (
    KEY_VARIABLE,
    Hasher,
    RegisterError,
    add_terms,
    key_from_env,
    load,
    register_path,
    remove_terms,
)

MIN_KEY_LENGTH = 20


def _fail(message: str) -> int:
    print(f"redaction-register: {message}", file=sys.stderr)
    return 1


def _key() -> bytes | None:
    key = key_from_env()
    if key is None:
        _fail(
            f"{KEY_VARIABLE} is not set. Set it to the board's key from the password "
            "manager (see docs/publishing-reviews.md)."
        )
    return key


def _read_terms():
    """Terms from standard input: typed without echo, or piped."""
    if sys.stdin.isatty():
        import getpass

        print(
            "Type one term a line: a name, nickname, address, school or date of birth.\n"
            "Nothing is shown as you type. Press Enter on an empty line to finish.",
            file=sys.stderr,
        )
        while True:
            term = getpass.getpass("Term: ")
            if not term.strip():
                return
            yield term
    else:
        for line in sys.stdin:
            if line.strip():
                yield line.rstrip("\r\n")


def add(review: Path) -> int:
    key = _key()
    if key is None:
        return 1
    path = register_path(review)
    if not path.exists() and len(key) < MIN_KEY_LENGTH:
        return _fail(
            f"the key in {KEY_VARIABLE} is too short to be safe; make one with `scripts/redaction-register new-key`."
        )
    if not review.exists():
        print(f"Note: {review} does not exist (yet): check the name. The register is named after it.", file=sys.stderr)
    try:
        result = add_terms(path, key, _read_terms())
    except RegisterError as error:
        return _fail(f"{path} {error}. Nothing was added.")
    except KeyboardInterrupt:
        return _fail("stopped; nothing was added.")
    if not path.exists():
        return _fail("no term was given, so no register was created.")
    print(
        f"Added {result.added} term(s) to {path}"
        + (f"; {result.already} were already there" if result.already else "")
        + (f"; skipped {result.skipped} line(s) that were empty, one letter or too long" if result.skipped else "")
        + f". The register now holds {result.entries} entries.",
        file=sys.stderr,
    )
    print("Commit the register with the review. Never commit the list you typed from.", file=sys.stderr)
    return 0


def remove(review: Path) -> int:
    key = _key()
    if key is None:
        return 1
    path = register_path(review)
    if not path.exists():
        return _fail(f"{review} has no register ({path} does not exist).")
    try:
        result = remove_terms(path, key, _read_terms())
    except RegisterError as error:
        return _fail(f"{path} {error}. Nothing was removed.")
    except KeyboardInterrupt:
        return _fail("stopped; nothing was removed.")
    print(
        f"Removed {result.removed} term(s) from {path}"
        + (f"; {result.absent} were not in it (type them as they were added)" if result.absent else "")
        + (f"; skipped {result.skipped} line(s) that were empty, one letter or too long" if result.skipped else "")
        + f". The register now holds {result.entries} entries.",
        file=sys.stderr,
    )
    if result.removed:
        print("Commit the register with the review.", file=sys.stderr)
    return 0


def check(review: Path) -> int:
    key = _key()
    if key is None:
        return 1
    path = register_path(review)
    if not path.exists():
        return _fail(f"{review} has no register ({path} does not exist).")
    try:
        register = load(path)
    except RegisterError as error:
        return _fail(f"{path} {error}.")
    if not register.key_matches(Hasher(key)):
        return _fail(f"the key in {KEY_VARIABLE} is not the key of {path}.")
    print(f"{path}: the key matches; {len(register.entries)} entries (three for each term, more for a date of birth).")
    return 0


def new_key() -> int:
    print(secrets.token_urlsafe(32))
    print(
        "Keep this key in the board's password manager and as the CI secret "
        f"{KEY_VARIABLE}. Never put it in the repository.",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None, prog: str = "lscb register") -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] not in ("add", "remove", "check", "new-key", "-h", "--help"):
        return _fail("the command is add, remove, check or new-key (see --help).")
    parser = argparse.ArgumentParser(
        prog=prog, description="Keep a review's redaction register (see docs/publishing-reviews.md)."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("add", "add terms, read from standard input"),
        ("remove", "remove terms, read from standard input"),
        ("check", "check the key and count the entries"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("review", type=Path, help="the review's Markdown file")
    commands.add_parser("new-key", help="print a new random key")
    args, extra = parser.parse_known_args(argv)
    if extra:
        # Never echo them: they may be the very terms the register protects.
        return _fail(
            "terms are never accepted on the command line, where the shell keeps them "
            "in its history; remove that line from your history. Run the command "
            "without them and type the terms when asked."
        )
    if args.command in ("add", "remove", "check") and args.review.suffix.lower() not in (".md", ".markdown"):
        # Not echoed either: it may be a term typed in the wrong place.
        return _fail("give the review's Markdown file, e.g. content/reviews/child-x.md.")
    if args.command == "add":
        return add(args.review)
    if args.command == "remove":
        return remove(args.review)
    if args.command == "check":
        return check(args.review)
    return new_key()
