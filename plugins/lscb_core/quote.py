"""Quote what a content file says in a message, masked.

Build messages are read by more people than the content: CI logs, GitHub
annotations, JSON handed to other tools. So a message never prints a value a
case review holds. A message is a template the check writes, plus the values
it quotes as separate parts:

    say("{field} '{value}' is not allowed", field=known("Review_type"), value=written)

and each part is printed according to what it is:

- a plain `str` is something a content file says (a metadata value, a link
  target, a word of the text, an error Pelican raised about it). In a
  finding about a review's file (its path has a `reviews` folder) it is
  masked, `J*** S****`, except the pseudonyms in it (declared in the file's
  `Pseudonyms`, or of the pseudonym shape: "School B", "Child Q"). On other
  pages it is printed as written: they are the board's public pages, their
  values are published as they are, and their editors need to see the typo;
- `identifier(text)`: what a detector found (a name, a postcode): masked on
  every page;
- `known(text)`: the check's own vocabulary, never taken from content
  (field names, allowed values, glossary words, formats): printed as is;
- `file(path)`: the name of a file, printed with mask_path();
- a number: printed as is (counts, line numbers, sizes the check measured).

Rule.at() renders messages and hints here, and refuses text that is not a
string literal of the plugins' code (an f-string, a `%` or a concatenation):
a new check cannot print a raw value by accident, only through a part.

File paths, in messages and as the finding's own path, are masked by
mask_path(): below a `reviews` (or `briefings`) folder every word of a folder or file name is
masked unless it is a word of a pseudonym or role ("child-q", "sibling-1",
"mother") or a word of the site's own file naming ("documents", "overview",
"report"); the extension is kept. `content/reviews/zebedee-quinlan.md` is
printed `content/reviews/z******-q******.md`: the first letters, the lengths
and the line number are enough to find it. Paths outside `reviews` are the
addresses of public pages and are printed as they are. A path relative to a
review's file ("zebedee-quinlan.md" in a link) is masked the same way.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass, field
from types import CodeType, FrameType

from .mask import mask, star
from .pseudonyms import KINDS, SHAPE, declared_in

# Folders whose files are a review's text: the reviews, and the 7-minute
# briefings of their learning (lscb_core.articles.REVIEW_TEXT_TYPES).
_REVIEW_FOLDERS = ("reviews", "briefings")

# Words of the site's own file and folder naming that never name a person.
_FILE_WORDS = {
    "content",
    "output",
    "reviews",
    "review",
    "briefings",
    "documents",
    "document",
    "images",
    "image",
    "files",
    "overview",
    "report",
    "reports",
    "summary",
    "executive",
    "chronology",
    "network",
    "action",
    "plan",
    "response",
    "easy",
    "read",
    "appendix",
    "annex",
    "briefing",
    "learning",
    "lessons",
    "local",
    "child",
    "children",
    "safeguarding",
    "practice",
    "lcspr",
    "cspr",
    "scr",
    "letter",
    "final",
    "index",
    "html",
    "redaction",
    "register",
    "toml",
    "diagram",
    "timeline",
    "genogram",
    "picture",
    "drawing",
    "photo",
    "photos",
    "map",
    "leaflet",
    "poster",
    "version",
    "papers",
    "notes",
    "minutes",
    "statement",
    "agenda",
    "scope",
    "terms",
    "reference",
    "references",
    "family",
    "young",
    "people",
    "parents",
    "carers",
    "professionals",
    "practitioners",
    "seven",
    "minute",
}
_FILE_WORDS |= {word.lower() for kind in KINDS for word in re.split(r"[\s'’-]+", kind) if word}
_PATH_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SEPARATOR = re.compile(r"([/\\])")


@dataclass(frozen=True)
class Known:
    """Text the check wrote or chose from its own vocabulary: printed as is."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Identifier:
    """What a detector found (a name, an address, a number): masked on
    every page, not only in reviews."""

    text: str

    def __str__(self) -> str:
        return mask_value(self.text)


@dataclass(frozen=True)
class File:
    """The name of a file: printed with mask_path()."""

    path: str
    name_only: bool = False

    def __str__(self) -> str:
        return _mask_file(self.path, False, self.name_only)


@dataclass(frozen=True)
class Words:
    """Text from content whose words are masked unless in `vocabulary`
    (lower case): a metadata key such as "XMP dc:creator"."""

    text: str
    vocabulary: frozenset

    def __str__(self) -> str:
        return _PATH_WORD.sub(
            lambda m: m.group(0) if m.group(0).lower() in self.vocabulary else mask(m.group(0)), self.text
        )


@dataclass(frozen=True)
class Message:
    """A literal template and the parts it quotes (see say())."""

    template: str
    parts: dict = field(default_factory=dict)


def known(text) -> Known:
    """Mark text as the check's own vocabulary. Never wrap what an editor wrote."""
    return Known(str(text))


def identifier(text) -> Identifier:
    """Mark a detected identifier: masked wherever it was found."""
    return Identifier(str(text))


def file(path, name_only: bool = False) -> File:
    """A file's path; with `name_only`, printed as its (masked) name alone."""
    return File(str(path), name_only)


@functools.cache
def _module_literals(filename: str) -> frozenset[str]:
    """Every string constant written in a module's source."""
    try:
        with open(filename, encoding="utf-8") as handle:
            code = compile(handle.read(), filename, "exec")
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    found, stack = set(), [code]
    while stack:
        for constant in stack.pop().co_consts:
            if isinstance(constant, str):
                found.add(constant)
            elif isinstance(constant, CodeType):
                stack.append(constant)
    return frozenset(found)


def is_literal(text: str, frame: FrameType) -> bool:
    """Whether `text` is a string constant written in the plugins' source
    (the calling module first): a literal the developer wrote, not a
    string built from what a content file says."""
    if text in frame.f_code.co_consts or text in _module_literals(frame.f_code.co_filename):
        return True
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None) or ""
        if name.startswith("lscb_") and filename and text in _module_literals(filename):
            return True
    return False


def say(template: str, /, **parts) -> Message:
    """A message: `template` must be a literal; values go in `parts`."""
    caller = sys._getframe(1)
    if not isinstance(template, str) or not is_literal(template, caller):
        raise TypeError(
            f"say() takes a literal template, not a built string ({caller.f_code.co_filename}:"
            f"{caller.f_lineno}): put each value in a part, e.g. say('{{value}} is wrong', value=x)"
        )
    return Message(template, dict(parts))


def checked(text, frame: FrameType) -> Message:
    """A message or hint as given to Rule.at(): a Message, or a literal."""
    if isinstance(text, Message):
        return text
    if isinstance(text, str) and is_literal(text, frame):
        return Message(text)
    raise TypeError(
        f"a finding's message or hint must be a literal or say(...), not a built string "
        f"({frame.f_code.co_filename}:{frame.f_lineno}): {mask(str(text))[:60]!r}"
    )


def _pseudonym_ranges(text: str, pseudonyms: tuple[str, ...]) -> list[tuple[int, int]]:
    ranges = [m.span() for m in SHAPE.finditer(text)]
    for name in sorted(pseudonyms, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)"
        ranges += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return sorted(ranges)


def mask_value(text: str, pseudonyms: tuple[str, ...] = ()) -> str:
    """Mask what a content file says, keeping the pseudonyms in it."""
    text = " ".join(str(text).split())
    out, at = [], 0
    for start, end in _pseudonym_ranges(text, pseudonyms):
        if start < at:
            continue
        out += [star(text[at:start]), text[start:end]]
        at = end
    out.append(star(text[at:]))
    return "".join(out)


def _mask_name(component: str) -> str:
    stem, dot, extension = component.rpartition(".") if "." in component[1:] else (component, "", "")

    def star(match: re.Match) -> str:
        word = match.group(0)
        return word if word.lower() in _FILE_WORDS else mask(word)

    return _PATH_WORD.sub(star, stem) + dot + extension


def mask_paths_in(text: str) -> str:
    """Free text (an exception's message) with the names below `reviews/`
    of every path in it masked; the rest is the program's own words."""
    return re.sub(r"[^\s'\"()]+", lambda m: mask_path(m.group(0)), str(text))


def mask_path(path: str, everywhere: bool = False) -> str:
    """A path with the names below `reviews/` masked (see the module's notes).

    With `everywhere`, every folder and file name is masked the same way, for
    paths nobody has checked exist (what Pelican was asked to find)."""
    pieces = _SEPARATOR.split(str(path))
    names = pieces[0::2]
    if everywhere:
        first = 0
    elif any(name in _REVIEW_FOLDERS for name in names):
        first = next(i for i, name in enumerate(names) if name in _REVIEW_FOLDERS) + 1
    else:
        return str(path)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 or index // 2 < first or not piece:
            out.append(piece)
        else:
            out.append(_mask_name(piece))
    return "".join(out)


def _mask_file(path: str, in_review: bool, name_only: bool = False) -> str:
    masked = mask_path(path)
    if masked == path and in_review and not path.startswith("/") and not os.path.isabs(path):
        # Relative to a review's file ("zebedee-quinlan.md", "documents/x.pdf"):
        # it may be in the review's folder, so its names are masked.
        masked = mask_path(path, everywhere=True)
    return _SEPARATOR.split(masked)[-1] if name_only else masked


def render(message: Message, pseudonyms: tuple[str, ...] = (), in_review: bool = False) -> str:
    """The message as printed: every part masked according to its kind.
    `in_review`: the finding is about a file under reviews/."""
    shown = {}
    for name, part in message.parts.items():
        if isinstance(part, Known):
            shown[name] = part.text
        elif isinstance(part, File):
            shown[name] = _mask_file(part.path, in_review, part.name_only)
        elif isinstance(part, Words):
            shown[name] = str(part) if in_review else part.text
        elif isinstance(part, Identifier):
            shown[name] = mask_value(part.text, pseudonyms)
        elif isinstance(part, (int, float)) and not isinstance(part, bool):
            shown[name] = part
        elif isinstance(part, Message):
            shown[name] = render(part, pseudonyms, in_review)
        elif in_review:
            shown[name] = mask_value(str(part), pseudonyms)
        else:
            # Another page's value, but a review's file it names is masked.
            shown[name] = mask_paths_in(str(part))
    return message.template.format(**shown) if message.parts else message.template


def render_for(message: Message | str, path: str) -> str:
    """Render a finding's message: the pseudonyms its own file declares are shown."""
    if isinstance(message, str):
        return message
    return render(message, tuple(declared_in(path)), _in_reviews(path))


def in_reviews(path) -> bool:
    """Whether `path` is a review's file: it has a `reviews` folder."""
    return _in_reviews(path)


def _in_reviews(path) -> bool:
    return any(name in _REVIEW_FOLDERS for name in _SEPARATOR.split(str(path))[0::2])
