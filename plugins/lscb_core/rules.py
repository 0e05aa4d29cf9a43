"""Every finding code the build can report, declared as a Rule subclass.

A rule is a small class next to the check that reports it:

    class PersonFullName(Rule):
        '''Flags a forename followed by a surname in a review.

        ## Why it matters
        ...
        ## Example
        ...
        ## Use instead
        ...
        ## Known limitations
        ...
        '''
        code = "PII001"
        name = "person-full-name"
        waiver = Waiver.APPROVED

The docstring is the rule's documentation: its first paragraph says what it
checks, and the sections below follow the template in DOC_SECTIONS.
docs/checks.md is generated from these docstrings (scripts/checks_doc.py).

A code never changes meaning and is never reused. The severity is the rule's
default in draft mode (`make html`); `publish_severity` applies to
`make publish` and `make check`.
"""

from __future__ import annotations

import enum
import inspect
import sys
from types import FrameType
from typing import ClassVar

from . import quote
from .findings import Finding, Severity, clip, display_path

# Sections every rule's docstring has, in this order, after the first
# paragraph ("What it checks"). "Waiving" is written from the rule's waiver.
DOC_SECTIONS = ("Why it matters", "Example", "Use instead", "Known limitations")


class Waiver(enum.Enum):
    """Where a finding of the rule can be waived (lscb_core.waivers)."""

    NEVER = "never"  # cannot be waived
    LINE = "line"  # on its line, or in the header naming its field (`in Summary`)
    FILE = "file"  # about the whole page: also in the header without a field
    APPROVED = "approved"  # on its line or field, quoting the text, naming who approved it


class Mode(enum.Enum):
    DRAFT = "draft"
    PUBLISH = "publish"


RULES: dict[str, type[Rule]] = {}


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    publish_severity: ClassVar[Severity | None] = None  # None: same as severity
    waiver: ClassVar[Waiver] = Waiver.LINE
    # "start": when the build starts, before any file is read; "source":
    # checked before anything is written; "output": on the built site.
    stage: ClassVar[str] = "source"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.code in RULES and RULES[cls.code] is not cls:
            raise ValueError(f"rule code {cls.code} is declared twice")
        RULES[cls.code] = cls

    @classmethod
    def severity_in(cls, mode: Mode) -> Severity:
        if mode is Mode.PUBLISH and cls.publish_severity is not None:
            return cls.publish_severity
        return cls.severity

    @classmethod
    def at(
        cls,
        path: str,
        line: int,
        message: str | quote.Message,
        hint: str | quote.Message,
        col: int = 1,
        term: str = "",
        mode: Mode = Mode.DRAFT,
        inside: str = "",
    ) -> Finding:
        """A finding of this rule at path:line:col.

        `message` and `hint` are literals, or say(...) with the values they
        quote as parts (lscb_core.quote): the values are masked here, so no
        format prints them raw. `term` is the detected text (kept for
        waivers, never printed). `inside`: the attachment the text is in (a
        PDF page, image metadata, a file name), when it is not in the
        Markdown itself: no waiver covers it.
        """
        return cls._at(path, line, message, hint, col, term, mode, sys._getframe(1), inside)

    @classmethod
    def _at(cls, path, line, message, hint, col, term, mode, caller: FrameType, inside: str = "") -> Finding:
        message, hint = quote.checked(message, caller), quote.checked(hint, caller)
        return Finding(
            path=display_path(path),
            line=max(1, line),
            col=max(1, col),
            code=cls.code,
            name=cls.name,
            message=_fit(quote.render_for(message, path), 79),
            hint=quote.render_for(hint, path),
            severity=cls.severity_in(mode),
            term=term,
            inside=inside,
        )

    @classmethod
    def doc(cls) -> dict[str, str]:
        """The docstring split into its sections; "What it checks" first."""
        text = inspect.cleandoc(cls.__doc__ or "")
        sections: dict[str, list[str]] = {"What it checks": []}
        current = "What it checks"
        for line in text.splitlines():
            if line.startswith("## "):
                current = line[3:].strip()
                sections[current] = []
            else:
                sections[current].append(line)
        return {title: "\n".join(lines).strip("\n").rstrip() for title, lines in sections.items()}


def finding(
    code: str,
    source_path: str,
    line: int,
    message: str | quote.Message,
    hint: str | quote.Message,
    col: int = 1,
    term: str = "",
    mode: Mode = Mode.DRAFT,
) -> Finding:
    """Shorthand for RULES[code].at(...): how a finding is reported from
    outside lscb_checks, whose checks/ declares every rule (lscb_core
    imports no plugin; lscb_checks.registry declares these codes when it
    is imported)."""
    if code not in RULES:
        raise LookupError(
            f"finding code {code} is not declared: lscb_checks.registry declares every rule, "
            "and is imported with the lscb_checks plugin"
        )
    return RULES[code]._at(source_path, line, message, hint, col, term, mode, sys._getframe(1))


def _fit(text: str, width: int) -> str:
    """Text cut to `width` characters at a word, marked with … when it was
    cut; a PDF's page number at the end stays (findings.clip)."""
    return clip(text, width)
