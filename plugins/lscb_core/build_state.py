"""What the plugins hand each other during one build, in one typed object.

Pelican gives a plugin two things: the signals and the settings dict, the
same dict for every generator and every signal of one build. So the build's
state (the findings, the site the checks collected, the review gate's
blocked reviews...) is one `BuildState`, kept under one settings key
(`STATE_KEY`) and reached only through `build_state(settings)`. What a board
sets in pelicanconf.py (LSCB_TODAY, LSCB_MODE, LSCB_THEMES...) stays in the
settings; nothing made during a build goes there but this object.

A fresh state is made when Pelican starts (`begin`, on the `initialized`
signal; every lscb plugin connects it first, and it runs once), so a build
never sees the findings of an earlier one in the same process (the tests,
the bench). `lscb_core.build` makes a fresh settings dict and a fresh
Pelican for every build; the live preview runs each build in a new process.
Pelican's own --autoreload, which runs one Pelican again and again, is not
used: its later runs would share the first run's state, as they would skip
the start checks connected to `initialized`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .contents import KnownContents
from .findings import Finding
from .site import Site
from .waivers import Waive

STATE_KEY = "LSCB_STATE"


@dataclass
class BlockedReviews:
    """What the review gate (lscb_reviews) kept out of this build."""

    sources: set[str] = field(default_factory=set)  # paths under content/
    urls: set[str] = field(default_factory=set)  # URLs of pages never written
    # The reviews themselves: still checked (their source is in the
    # repository), never written.
    articles: list = field(default_factory=list)
    # Reviews past the retention period: a notice at their address, nothing
    # else of theirs is published.
    retired: list = field(default_factory=list)
    # Contents that must not reach the output under any name
    # (lscb_reviews.withheld_files): the files of those reviews, labelled
    # with the review's source, and the redaction registers.
    withheld: KnownContents = field(default_factory=KnownContents)
    registers: KnownContents = field(default_factory=KnownContents)
    # Digests of files a published page links too: kept in the site, with a
    # finding (REV012) that stops the build unless it is waived.
    kept_digests: set[str] = field(default_factory=set)


@dataclass
class BuildState:
    """One build's state, shared by the plugins."""

    # Every finding of the build, in the order reported: by the plugins
    # (report), and by the checks as lscb_checks.runner judges each stage.
    findings: list[Finding] = field(default_factory=list)
    # How many of `findings` lscb_checks.runner has judged (the build's
    # mode, waivers); those after it are judged at the end of the next stage.
    judged: int = 0
    # Every content object with its source, collected by lscb_checks at
    # `all_generators_finalized`; None until then (and without lscb_checks).
    site: Site | None = None
    # The waivers of every page, read with the source checks; applied again
    # to the output checks' findings.
    waivers: list[Waive] = field(default_factory=list)
    # Seconds each check took, by name, for `lscb build --timings` and the bench.
    check_times: dict[str, float] = field(default_factory=dict)
    # While the source checks run in a second process beside the writing
    # (lscb_checks.beside): how many findings were reported before them.
    # None when they ran in the build's own process, or have been judged.
    beside_upto: int | None = None
    blocked_reviews: BlockedReviews = field(default_factory=BlockedReviews)
    # What Markdown made of each file in an earlier build, and what this
    # build read or converted (lscb_content.markdown_cache.MarkdownCache).
    markdown_cache: Any = None

    def report(self, new: Iterable[Finding]) -> None:
        """Findings for lscb_checks to judge at the end of the stage."""
        self.findings.extend(new)

    def add_time(self, name: str, seconds: float) -> None:
        self.check_times[name] = self.check_times.get(name, 0.0) + seconds


class NoBuildState(RuntimeError):
    """A plugin's function ran with settings no build began with."""


def begin(pelican) -> BuildState:
    """Pelican's `initialized`: a fresh state for the build that starts."""
    from . import sources

    sources.new_build()  # the files as the last build's reader read them
    state = BuildState()
    pelican.settings[STATE_KEY] = state
    return state


def with_fresh_state(settings) -> tuple[dict, BuildState]:
    """A copy of the settings with a state of its own: for checks run again
    on one page outside a build (the live preview's fast path), whose
    findings must not reach the build's."""
    state = BuildState()
    return {**settings, STATE_KEY: state}, state


def build_state(settings) -> BuildState:
    """The state of the build these settings are of."""
    state = settings.get(STATE_KEY)
    if not isinstance(state, BuildState):
        raise NoBuildState(
            f"no {STATE_KEY} in the settings: the build did not start through an lscb plugin "
            "(lscb_core.build_state.begin, connected to Pelican's initialized signal)"
        )
    return state


def state_if_begun(settings) -> BuildState | None:
    """The state, or None when the build stopped before Pelican started
    (settings that could not be read): for lscb_core.build's report."""
    state = settings.get(STATE_KEY) if settings else None
    return state if isinstance(state, BuildState) else None
