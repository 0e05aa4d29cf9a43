"""A published page linking a file of a review that is not published
(REV012).

Declared here; found and reported by code by lscb_reviews.withheld_files,
which takes such files out of the site (or keeps a linked one, and reports
it) before anything is written.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class FileOfWithheldReview(Rule):
    """Flags a link from a page that is published to a file that is also a
    file of a review that is not published (withheld, embargoed, a draft,
    under ongoing proceedings), or to a copy of one with the same bytes.
    The file is kept in the site, and the build stops. (A retired review's
    file linked so is kept, and the build goes on.)

    ## Why it matters
    A review that is not published must contribute nothing to the site: not
    its page, and not its PDF, images or documents, whichever way they are
    linked. The build cannot tell the board's logo, shared by a review and
    a guidance page, from the review's own family-network diagram or report
    linked from another page by mistake. Dropping the file would break the
    published page; publishing it silently could publish the review.

    ## Example
    Child Q is withheld and links its report as `/documents/child-q.pdf`; a
    guidance page links the same file:

        Read [the review of Child Q (PDF, 1 MB)](/documents/child-q.pdf).

    ## Use instead
    Remove the link until the review is published. When the file is not
    the review's own (a shared logo or leaflet), waive on the published
    page's line, saying what the file is:

        ![Board logo](/images/logo.png) <!-- waive REV012: the board's logo, shared -->

    ## Known limitations
    Files are matched by path and by exact bytes: an edited copy (saved
    again, resized) is a different file, and its content is checked only
    by the redaction checks of the pages that link it.
    """

    code = "REV012"
    name = "file-of-withheld-review"
    waiver = Waiver.LINE
