"""Waivers themselves (WAIV001-WAIV006): a waiver without a specific code,
without a reason, for a code that does not exist or cannot be waived,
without its quote or approval, without a place, or that waives nothing.

Declared here; found and reported by code where the waivers are read and
applied (lscb_core.waivers, called by lscb_checks.runner at each stage).
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class WaiverBlanket(Rule):
    """Flags a waiver that names no specific code (`all`, `*`, or nothing).

    ## Why it matters
    A blanket waiver silences checks that nobody has looked at, including
    checks added later. A leak would pass unnoticed.

    ## Example
        <!-- waive all: the text is fine -->

    ## Use instead
        <!-- waive A11Y004: "Working Together" is the title of the guidance -->

    ## Known limitations
    None.
    """

    code = "WAIV001"
    name = "waiver-blanket"
    waiver = Waiver.NEVER


class WaiverUnused(Rule):
    """Flags a waiver that waives no finding: nothing of its code (and quoted
    text) is at its place any more, or what it names is inside an attachment
    (a PDF page, an image's metadata, a file name), which no waiver in the
    Markdown can cover.

    ## Why it matters
    A waiver left behind after the text changed would silently waive a new
    problem of the same kind later. Text inside a PDF or an image is
    published as it is in the file, whatever the review says about it.

    ## Example
    `<!-- waive A11Y005: the list is the only link -->` on a line whose
    link text is now clear; or `<!-- waive PII001 "Peter Connelly": ... -->`
    on the line that links a PDF naming him.

    ## Use instead
    Remove the waiver. For an attachment, fix the file: export the PDF again
    without the text, or remove the image's metadata.

    ## Known limitations
    Waivers of checks on the built site are only judged when the build gets
    that far (no source check failed).
    """

    code = "WAIV002"
    name = "waiver-unused"
    waiver = Waiver.NEVER


class WaiverWithoutReason(Rule):
    """Flags a waiver that gives no reason after the codes.

    ## Why it matters
    The next editor needs to know why the finding was accepted, and whether
    the reason still holds.

    ## Example
        <!-- waive A11Y004 -->

    ## Use instead
        <!-- waive A11Y004: "Working Together" is the title of the guidance -->

    ## Known limitations
    Any text counts as a reason; nobody checks that it is a good one.
    """

    code = "WAIV003"
    name = "waiver-without-reason"
    waiver = Waiver.NEVER


class RedactionWaiverMisplaced(Rule):
    """Flags a waiver of a redaction finding that does not quote the text it
    allows, or does not name the role of whoever approved it.

    ## Why it matters
    Publishing something that looks like a name, an address or a date of
    birth in a review is a decision for a senior person, not an editor. The
    quote ties the decision to one piece of text on one line: the same name
    anywhere else is still stopped.

    ## Example
        Her name was Peter Connelly. <!-- waive PII001: public name -->

    ## Use instead
        Her name was Peter Connelly. <!-- waive PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding -->

    or, for a finding in a metadata field:

        Waive: PII001 "Peter Connelly" in Summary: named in a national review; approved by Head of Safeguarding

    ## Known limitations
    The role is free text: the build cannot check that the person approved.
    """

    code = "WAIV004"
    name = "redaction-waiver-misplaced"
    waiver = Waiver.NEVER


class WaiverUnknownCode(Rule):
    """Flags a waiver naming a code that does not exist, or one that cannot be
    waived.

    ## Why it matters
    A mistyped code waives nothing, and the editor believes a problem is dealt
    with. Some codes can never be waived: the publication gate, leaks of
    reviews that are not published, a term of the review's redaction register
    (RED001: the register or the text is changed instead), and problems
    inside a PDF or an image (the file is fixed instead).

    ## Example
        <!-- waive A11Y04: link text is a title -->
        Waive: RED001 "hope": the ordinary word; approved by Head of Safeguarding

    ## Use instead
    Copy the code from the finding, e.g. `A11Y004`. See docs/checks.md for
    which codes can be waived. For RED001, reword the text ("we expect
    that"), or replace a one-word term in the register with the full name
    (`scripts/redaction-register remove`, then `add`; see
    docs/publishing-reviews.md).

    ## Known limitations
    None.
    """

    code = "WAIV005"
    name = "waiver-unknown-code"
    waiver = Waiver.NEVER


class WaiverPlaceMissing(Rule):
    """Flags a waiver that does not say where its finding is: a `Waive:`
    field without `in <field>` for a finding on a line or in a field (the
    whole-file form, which covered the text everywhere in the file), a
    `Waive:` field naming a field the header does not have, or a comment
    waiver inside the header.

    ## Why it matters
    A waiver for the whole file covers the same text wherever it is: a
    waiver meant for a name quoted from a national review in one paragraph
    would also let the same words through in the title, the summary and
    every other paragraph, where they may name someone in this review.

    ## Example
        Waive: PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding

    ## Use instead
    On the line that has the text:

        The review of Peter Connelly's death is relevant. <!-- waive PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding -->

    or, for text in a metadata field, name the field:

        Waive: PII001 "Peter Connelly" in Summary: named in a national review; approved by Head of Safeguarding

    ## Known limitations
    A finding about the whole page (reading age, a term used without
    explanation, a missing section, an overdue review date) is still waived
    in the header without a field.
    """

    code = "WAIV006"
    name = "waiver-place-missing"
    waiver = Waiver.NEVER
