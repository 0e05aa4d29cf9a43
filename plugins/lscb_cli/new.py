"""Start a new page: asks what kind of page and its title, then writes a file
with every field the checks need, ready to edit.

    make new                  (or lscb new, or scripts/new) asks its questions
    make new TYPE=guidance TITLE="Neglect"      asks nothing (also VERSION_OF=, CHILD=, NAME=)
    lscb new --type guidance --title "Making a referral" [--yes] [--no-input]
    lscb new --type children --title "Who helps you" --version-of guidance/roles-of-agencies.md
    lscb new --type reviews --title "Child L: local child safeguarding practice review" [--child "Child L"]

Every new file is a draft (`Status: draft`). A new case review is also
withheld until the board decides to publish it, and gets its empty
redaction register when LSCB_REDACTION_KEY is set. An existing file is never
changed. A wrong answer is explained and asked again, in a terminal or from
piped answers (the next line), and the answers already given are kept; with
--no-input nothing is asked, and a missing or wrong field is an error.
Exit status: 0 written, 1 refused (nothing written), 2 wrong input.
See docs/editing.md, "Starting a new page with make new".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lscb_checks.checks.annual_report_sections import sections
from lscb_checks.text.register import (
    KEY_VARIABLE,
    Hasher,
    Register,
    RegisterError,
    key_from_env,
    load,
    register_path,
    save,
)
from lscb_content import schema
from lscb_content.briefings import briefing_sections
from lscb_content.types import VERSION_AUDIENCES
from lscb_content.versions import normalise_reference
from lscb_core.dates import today

from . import register, scaffold
from .new_questions import (
    DONE,
    REFUSED,
    USAGE,
    Asker,
    Stop,
    _ask_child,
    _ask_title,
    _ask_version_of,
    _check_child,
    _check_title,
    _check_version_of,
    _choose_type,
    _confirm,
    _shown,
    _type_key,
)
from .new_translation import (
    ask_lang,
    ask_translation_of,
    check_lang,
    check_translation_of,
    draft_address,
    existing_translation,
    file_stem,
)
from .project import ROOT
from .register import MIN_KEY_LENGTH  # a new register's key, as `lscb register` asks


def _existing_version(folder: Path, version_of: str) -> Path | None:
    """A file in `folder` that is already a version of `version_of`."""
    for path in sorted(folder.glob("*.md")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            if line.startswith("Version_of:") and normalise_reference(line.split(":", 1)[1]) == version_of:
                return path
    return None


def _free_name(folder: Path, stem: str) -> str:
    number = 2
    while (folder / f"{stem}-{number}.md").exists():
        number += 1
    return f"{stem}-{number}.md"


def _file_name(type_key: str, title: str, version_of: str, child: str) -> str:
    """The stem of the new file, as docs/editing.md names each kind: a version
    shares its guidance page's name, a review is named after its pseudonym
    (REV011), every other page after its title."""
    if type_key in VERSION_AUDIENCES:
        return Path(version_of).stem
    if type_key == "reviews":
        return scaffold.slugify(child)
    return scaffold.slugify(title)


def _check_name(written: str, type_key: str, made: str) -> str:
    """A file name given with --name: lower case letters, numbers and hyphens."""
    stem = written.strip()
    stem = stem[:-3] if stem.endswith(".md") else stem
    if not stem or scaffold.slugify(stem) != stem:
        raise Stop(
            USAGE,
            f"--name '{written[:30]}': use lower case letters, numbers and hyphens only, "
            f"e.g. {scaffold.slugify(stem) or made}.",
        )
    if type_key == "reviews" and stem != made and not stem.startswith(made + "-"):
        raise Stop(USAGE, f"--name: a review's file name starts with its pseudonym, e.g. {made}-2026 (REV011).")
    return stem


def _settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"))


def _review_named(content: Path, title: str) -> str:
    """A new briefing's review: the review whose file name is the first
    pseudonym its title names ("7-minute briefing: Child L" -> child-l).
    None when that pseudonym has more than one review (child-l.md and
    child-l-2026.md, REV011): a guess could tie the briefing of a withheld
    review to a published one, and publish it."""
    for name in scaffold.pseudonyms_in(title):
        stem = scaffold.slugify(name)
        reviews = content / "reviews"
        if (reviews / f"{stem}.md").exists():
            namesakes = [p for p in reviews.rglob("*.md") if p.stem == stem or p.stem.startswith(f"{stem}-")]
            return stem if len(namesakes) == 1 else ""
    return ""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:  # "x": never replaces a file
        out.write(text)


def _register(review: Path, asker: Asker) -> None:
    """Create the review's empty redaction register, and offer to add terms."""
    register = register_path(review)
    key = key_from_env()
    later = f"make register REVIEW={_shown(review)}"
    print()
    if key is None:
        print(
            f"No redaction register was made: {KEY_VARIABLE} is not set. Set it to the board's key\n"
            f"from the password manager (export {KEY_VARIABLE}='...'), then run\n"
            f"  {later}\nto make the register and type the real names it must catch."
        )
        return
    if register.exists():
        try:
            matches = load(register).key_matches(Hasher(key))
        except RegisterError as error:
            print(f"{_shown(register)} already exists and {error}: it was not changed.")
            return
        print(
            f"{_shown(register)} already exists"
            + ("" if matches else f", made with a different key from {KEY_VARIABLE}")
            + ": it was not changed."
        )
        if not matches:
            return
    elif len(key) < MIN_KEY_LENGTH:
        print(
            f"No redaction register was made: the key in {KEY_VARIABLE} is too short to be safe.\n"
            f"Make one with `scripts/redaction-register new-key`, then run\n  {later}"
        )
        return
    else:
        save(Register(register, Hasher(key).key_check()))
        print(f"Made the empty redaction register {_shown(register)}. Commit it with the review.")
    if not _offer_terms(review, asker):
        print(
            f"Add the real names, nicknames, addresses, schools and dates of birth it must catch with\n"
            f"  {later}\n(typed, never shown, never on the command line)."
        )


def _offer_terms(review: Path, asker: Asker) -> bool:
    """In a terminal, offer to add terms now; whether they were added."""
    if not asker.tty:
        return False
    answer = asker.ask("Type the real names and details it must catch now? [y/N] ", "").casefold()
    if answer not in ("y", "yes"):
        return False
    # What `make register` runs, so the terms are typed the same way: never shown.
    return register.main(["add", str(review)]) == 0


def _report(path: Path, page: scaffold.Scaffold) -> None:
    fields = schema.fields_of(page.type_key)
    todo = [name for name in page.placeholders if not (page.type_key == "reviews" and name in scaffold.DECISION_FIELDS)]
    print("\nFill in next:")
    width = max([len(name) for name in todo] + [0])
    for name in todo:
        print(f"  {name:<{width}}  {fields[name].description}")
    print("  the text of the page." if page.type_key in ("pages", "translations") else "  the text under each heading.")
    if page.type_key == "reviews":
        _reminder(page, fields)
    print("\nTo check it: make html (every check, as a preview).")
    if page.type_key != "reviews":
        top = "" if page.type_key == "pages" else f"{page.type_key}/"
        address = draft_address(page.translation_of, page.lang) if page.translation_of else f"{top}{path.stem}/"
        print(f"To see it: make devserver, then open http://127.0.0.1:8000/drafts/{address}")


def _reminder(page: scaffold.Scaffold, fields) -> None:
    print(
        "\nThe publication decision. This review is kept off the site, even in the preview,\n"
        "until the board has decided to publish it. Change these fields only then:"
    )
    shown = ["Status", *scaffold.DECISION_FIELDS]
    width = max(len(f"{name}: {page.values.get(name, '')}") for name in shown)
    for name in shown:
        now = f"{name}: {page.values[name]}" if name in page.values else f"{name} (optional)"
        print(f"  {now:<{width}}  {fields[name].description}")
    print("See docs/publishing-reviews.md before you change any of them.")


def run(argv: list[str], prog: str = "lscb new") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Start a new page, ready to edit (see docs/editing.md).")
    parser.add_argument("--type", help="the kind of page: " + ", ".join(scaffold.KINDS))
    parser.add_argument("--title", help="the page's title")
    parser.add_argument("--version-of", help="for young-people or children: the guidance page it adapts")
    parser.add_argument("--translation-of", help="for translations: the English page it translates")
    parser.add_argument("--lang", help="for translations: the language's code, e.g. pl or ur")
    parser.add_argument("--child", help="for reviews: the child's pseudonym, e.g. 'Child L'")
    parser.add_argument("--name", help="the file name instead of the one made from the title, e.g. child-l-2026")
    parser.add_argument("--yes", action="store_true", help="write the file without asking first")
    parser.add_argument(
        "--no-input",
        action="store_true",
        help="ask nothing: every field the type needs is given as an option (implies --yes)",
    )
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="the content folder")
    args = parser.parse_args(argv)
    asker = Asker(ask=not args.no_input)
    content = args.content

    if args.type is None:
        type_key = _choose_type(asker)
    else:
        try:
            type_key = _type_key(args.type)
        except ValueError as error:
            raise Stop(USAGE, str(error)) from None
    asker.keep("--type", type_key)
    if args.version_of and type_key not in VERSION_AUDIENCES:
        raise Stop(USAGE, f"--version-of is only for {' and '.join(VERSION_AUDIENCES)}, not {type_key}.")
    if (args.translation_of or args.lang) and type_key != "translations":
        raise Stop(USAGE, f"--translation-of and --lang are only for translations, not {type_key}.")
    if args.child and type_key != "reviews":
        raise Stop(USAGE, f"--child is only for reviews, not {type_key}.")

    if args.title is None:
        title = _ask_title(asker)
    else:
        try:
            title = _check_title(args.title)
        except ValueError as error:
            raise Stop(USAGE, str(error)) from None
    asker.keep("--title", title)

    version_of = child = ""
    if type_key in VERSION_AUDIENCES:
        audience = VERSION_AUDIENCES[type_key]
        if args.version_of is None:
            version_of = _ask_version_of(asker, content, audience)
        else:
            try:
                version_of = _check_version_of(args.version_of, content)
            except ValueError as error:
                raise Stop(USAGE, str(error)) from None
        asker.keep("--version-of", version_of)
        other = _existing_version(content / type_key, version_of)
        if other is not None:
            raise Stop(
                REFUSED,
                f"{_shown(other)} is already the version of {version_of} for {audience}: "
                "edit that file instead. Nothing was written.",
            )
    if type_key == "reviews":
        if args.child is None:
            child = _ask_child(asker, title)
        else:
            try:
                child = _check_child(args.child)
            except ValueError as error:
                raise Stop(USAGE, str(error)) from None

    translation_of = lang = ""
    if type_key == "translations":
        translation_of, lang = _translation(args, asker, content)

    folder = content / type_key
    stem = file_stem(translation_of, lang) if translation_of else _file_name(type_key, title, version_of, child)
    if args.name is not None:
        stem = _check_name(args.name, type_key, stem)
    path = folder / f"{stem}.md"
    if path.exists():
        raise Stop(
            REFUSED,
            f"{_shown(path)} already exists, so nothing was written. Edit that file, "
            f"or choose another name, e.g. --name {_free_name(folder, stem)[:-3]}.",
        )
    checklist = sections(_settings()) if type_key == "annual-reports" else []
    briefing = briefing_sections(_settings()) if type_key == "briefings" else ()
    page = scaffold.Scaffold(
        type_key,
        title,
        today({}),
        version_of=version_of,
        child=child,
        sections=checklist,
        briefing_sections=briefing,
        review=_review_named(content, title) if type_key == "briefings" else "",
        translation_of=translation_of,
        lang=lang,
    )
    if asker.tty and not (args.yes or args.no_input):
        if not _confirm(asker, f"Write {_shown(path)}? [Y/n] "):
            raise Stop(REFUSED, "Nothing was written.")
    try:
        _write(path, page.text())
    except FileExistsError:
        raise Stop(REFUSED, f"{_shown(path)} appeared while asking: nothing was written.") from None
    print(f"\nWrote {_shown(path)}.")
    print("It is a draft: it is not published until you remove the line 'Status: draft'.")
    if type_key == "reviews":
        _register(path, asker)
    _report(path, page)
    return DONE


def _translation(args, asker: Asker, content: Path) -> tuple[str, str]:
    """The English page and the language of a new translation, asked or checked."""
    try:
        if args.translation_of is None:
            translation_of = ask_translation_of(asker, content)
        else:
            translation_of = check_translation_of(args.translation_of, content)
        asker.keep("--translation-of", translation_of)
        lang = ask_lang(asker) if args.lang is None else check_lang(args.lang)
    except ValueError as error:
        raise Stop(USAGE, str(error)) from None
    asker.keep("--lang", lang)
    other = existing_translation(content, translation_of, lang)
    if other is not None:
        raise Stop(REFUSED, f"{_shown(other)} already translates {translation_of} into {lang}: edit that file instead.")
    return translation_of, lang


def main(argv: list[str] | None = None, prog: str = "lscb new") -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv, prog)
    except Stop as stop:
        print(f"new: {stop}", file=sys.stderr)
        return stop.status
    except KeyboardInterrupt:
        print("\nnew: stopped.", file=sys.stderr)
        return REFUSED
