"""A review's date that the publication gate cannot read (REV002).

Declared here; found and reported by code by the gate itself
(lscb_reviews.gate), which keeps such a review out of the site as it reads
the date, before categories, feeds and listings are built.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class ReviewDateInvalid(Rule):
    """Flags a date field of a review (`Date`, `Publish_after`) that is not a
    date the publication gate can read.

    ## Why it matters
    The gate decides from these dates whether a review may be public today.
    An unreadable date keeps the review out, and stops the build so that the
    editor knows why.

    ## Example
        Publish_after: next March

    ## Use instead
        Publish_after: 2027-03-01

    ## Known limitations
    None.
    """

    code = "REV002"
    name = "review-date-invalid"
    waiver = Waiver.NEVER
