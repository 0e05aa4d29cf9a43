"""Any trace of a review that is not published found in the built site
(REV003).

Declared here; found and reported by code by lscb_reviews.leak_guard at
`finalized`, which reads the output before any picture is written again
from its pixels (lscb_checks.published.reencode), so a byte-for-byte copy of
a withheld review's file is still found by its bytes.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class BlockedReviewInOutput(Rule):
    """Flags any trace of a withheld, embargoed or draft review in the built
    site: its page, its files, a file with the same bytes as one of its
    files (wherever it came from, the theme included), or a link to its
    address.

    ## Why it matters
    A review the board decided not to publish, or not yet, must not be
    reachable at all: a link in a feed or sitemap is enough for it to be
    found and shared.

    ## Example
    A guidance page linking to /reviews/child-x/ while Child X is withheld.

    ## Use instead
    Remove the link until the review is published.

    ## Known limitations
    Looks for the review's address, and for its files by path and by exact
    bytes (an edited copy is a different file); text copied from the review
    into another page is caught by the redaction checks only.
    """

    code = "REV003"
    name = "blocked-review-in-output"
    waiver = Waiver.NEVER
    stage = "output"
