"""What the gate kept out of this build.

Kept in the build's own settings dict, which Pelican creates afresh for every
build and shares with every generator and with the `finalized` signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lscb_core.contents import KnownContents


@dataclass
class Blocked:
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


def blocked(settings) -> Blocked:
    return settings.setdefault("LSCB_BLOCKED_REVIEWS", Blocked())
