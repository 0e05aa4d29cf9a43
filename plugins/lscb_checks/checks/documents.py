"""A page's `Document` (the full report of a review, the PDF of an annual
report) that names no file under content/ (DOC001).

Declared here; found and reported by code when the document is attached to
its page (lscb_core.documents.attach_document, called by the review gate for
a review that may be published and by lscb_content.documents for an annual
report), so a review that is not published never has its Document judged.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class DocumentMissing(Rule):
    """Flags a `Document` field that does not name a file under content/.

    ## Why it matters
    The page would promise a full report that readers cannot download.

    ## Example
        Document: reviews/documents/child-l-overview.pdf

    ## Use instead
    The path from content/ of a file that exists; the hint suggests the
    closest file in the same folder.

    ## Known limitations
    None.
    """

    code = "DOC001"
    name = "document-missing"
    waiver = Waiver.NEVER
