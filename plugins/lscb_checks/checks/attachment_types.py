"""Files a case review links to are files the checks can read: PDFs, images
and plain text (.txt, .csv, .md, .html). Anything else (Word, Excel,
PowerPoint, OpenDocument, RTF, zip...) would be published without anyone
checking it for names.

Checked: every file under content/ a review links to, in any state (its
source and files are in a public repository), reported at the line of the
link. Other pages may link to such files (a board's referral form as a Word
document is fine).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import file, say
from lscb_core.rules import Rule, Waiver

from ..text.attachments import READABLE_SUFFIXES, TEXT_SUFFIXES, text_problem
from ..text.register import register_path
from ..text.review_text import attachment_paths


class AttachmentUnchecked(Rule):
    """Flags a file linked from a case review that the checks cannot read
    for names: anything that is not a PDF, an image or plain text (.txt,
    .csv, .md, .html), such as a Word, Excel, PowerPoint or OpenDocument
    file, RTF, or a zip; and a file named as plain text that is not (a Word
    file renamed .txt).

    ## Why it matters
    The redaction checks read a review's text, its PDFs, its images and
    their metadata. A chronology published as a spreadsheet, or the report
    as a Word document (with its tracked changes, comments and author), is
    published unread: it can name the child and the family even when the
    PDF of the same report is clean.

    ## Example
        [Chronology (DOCX, 1 KB)](documents/child-q-chronology.docx)

    ## Use instead
    Publish the file as a PDF (in Word: File > Save as > PDF) and link the
    PDF. A table can also go in the review itself, as a Markdown table.

    ## Known limitations
    Only files under content/ that a review links to are looked at; links to
    other websites are not (they are not published by the site). Files
    other pages link to are not checked here, nor a link to a redaction
    register (RED005 reports it).
    """

    code = "ATT001"
    name = "attachment-unchecked"
    waiver = Waiver.NEVER


HINT = "export it as a PDF (File > Save as > PDF) and link the PDF instead"


def check(site) -> Iterable[Finding]:
    reviews = site.of_type("reviews")
    # A link to a redaction register is RED005's (it must never be published).
    registers = {os.path.dirname(os.path.abspath(register_path(item.path))) for item in reviews}
    for item in reviews:
        for absolute in attachment_paths(item, site):
            if os.path.dirname(os.path.abspath(absolute)) in registers:
                continue
            name = posixpath.basename(absolute.replace("\\", "/"))
            lower = name.lower()
            if lower.endswith(READABLE_SUFFIXES) and not (
                    lower.endswith(TEXT_SUFFIXES) and text_problem(absolute)):
                continue
            line, col = item.source.locate(name, body_only=False)
            yield AttachmentUnchecked.at(
                item.path, line, say("{name} cannot be checked for names: publish it as a PDF",
                                     name=file(absolute, name_only=True)),
                HINT, col=col)
