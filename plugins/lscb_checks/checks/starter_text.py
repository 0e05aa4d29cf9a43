"""Starter text that `make new` writes, left in a page that is no longer a draft.

A new page (lscb_cli.scaffold, with lscb_content.starters) holds a line of instructions under each
heading and in the fields the editor must write ("Write the steps here.").
They are sentences nobody writes for readers, so wherever one is left, in
the header or in the text, the page is not finished.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lscb_content.starters import starter_phrases
from lscb_core.findings import Finding, Severity
from lscb_core.quote import known, say
from lscb_core.rules import Rule, Waiver

_COMMENT = re.compile(r"<!--.*?-->")


class StarterTextLeft(Rule):
    """Flags the starter text that `make new` writes, still in a page that
    is no longer a draft: the instructions under each heading ("Write the
    steps here."), in the `Summary` ("Write one or two sentences here."),
    and in the fields with an example (`Owner: Write the team or role
    here.`, `Themes: Write the themes here.`).

    ## Why it matters
    Once `Status: draft` is removed the page is published as it is. The
    starter text would be published as the page's summary, owner, themes
    or text, telling readers to "write the steps here".

    ## Example
        Summary: Write one or two sentences here. They are shown in listings.

    ## Use instead
        Summary: How to refer a child to children's services.

    Replace each "Write ... here" or "Say ..." line with your own words, or
    delete it. Keep `Status: draft` until the page is finished: starter text
    in a draft is not reported.

    ## Known limitations
    Only the first sentence of each instruction is looked for, as written
    (capital letters and spaces do not matter). A page that really needs
    to print one of these sentences can waive the finding on its line.
    Only `Status: draft` silences it: a case review kept off the site by
    its publication record or an embargo is checked, since it can go live
    without anyone editing it again.
    """

    code = "NEW001"
    name = "starter-text-left"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.LINE


HINT = "replace it with your own words, or delete it"


def _patterns() -> list[tuple[str, re.Pattern]]:
    return [
        (phrase, re.compile(r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE)) for phrase in starter_phrases()
    ]


def _start(phrase: str, words: int = 5) -> str:
    """The first words of a phrase, so that the message stays short."""
    split = phrase.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def is_starter(value: str) -> bool:
    """Whether a field's value is, or holds, starter text."""
    return any(pattern.search(value) for _phrase, pattern in _patterns())


def _could_hold(text: str, phrases: tuple[str, ...]) -> bool:
    """A first look over a page's whole text, in C: whether any phrase is in
    it, spaces and capitals aside. Only a page where one is is read line by
    line (where a phrase split over two lines, or in a comment, is not one)."""
    flat = " ".join(text.lower().split())
    return any(phrase in flat for phrase in phrases)


def check(site) -> Iterable[Finding]:
    patterns = _patterns()
    phrases = tuple(" ".join(phrase.lower().split()) for phrase, _pattern in patterns)
    for item in site.items:
        status = item.source.field("Status")
        if status is not None and status.value.strip().casefold() == "draft":
            continue  # not finished yet, and not published
        if not _could_hold(item.source.text, phrases):
            continue  # no phrase on any line
        for number, line in enumerate(item.source.lines, start=1):
            text = _COMMENT.sub(lambda m: " " * len(m.group(0)), line)
            for phrase, pattern in patterns:
                match = pattern.search(text)
                if match:
                    yield StarterTextLeft.at(
                        item.path,
                        number,
                        say("'{text}' is starter text from make new", text=known(_start(phrase))),
                        HINT,
                        col=match.start() + 1,
                    )
                    break
