"""What the gate kept out of this build.

Kept in the build's own settings dict, which Pelican creates afresh for every
build and shares with every generator and with the `finalized` signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Blocked:
    sources: set[str] = field(default_factory=set)  # paths under content/
    urls: set[str] = field(default_factory=set)  # URLs of pages never written
    # The reviews themselves: still checked (their source is in the
    # repository), never written.
    articles: list = field(default_factory=list)


def blocked(settings) -> Blocked:
    return settings.setdefault("LSCB_BLOCKED_REVIEWS", Blocked())
