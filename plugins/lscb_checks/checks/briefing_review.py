"""A 7-minute briefing whose `Review` names no case review (BRF003).

Declared here; found and reported by code by the publication gate
(lscb_reviews.briefings), which keeps such a briefing out of the site as it
decides which reviews are published.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class BriefingReviewUnknown(Rule):
    """Flags a 7-minute briefing whose `Review` is not the file name of a
    case review in content/reviews/, or is the file name of two (in two
    folders: write the folder too, `2026/child-l`).

    ## Why it matters
    A briefing is published only when the review it comes from is: the gate
    keeps a briefing out with its withheld, embargoed, draft or retired
    review. A briefing naming no review cannot be judged that way, so it is
    kept out and the build stops until the name is right.

    ## Example
        Review: Child L

    ## Use instead
        Review: child-l

    The review's file name without `.md` (content/reviews/child-l.md). A
    briefing on a theme, or on an audit, names `Theme: Neglect` instead.

    ## Known limitations
    None.
    """

    code = "BRF003"
    name = "briefing-review-unknown"
    waiver = Waiver.NEVER
