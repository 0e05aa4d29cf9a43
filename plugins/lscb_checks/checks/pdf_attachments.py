"""PDFs the site publishes: readable, without scripts, attached files or
forms, without the author's name in their properties or comments, without
text left under a redaction box, and without earlier versions of themselves.
Such a PDF is refused, not rewritten: the original is in content/, in a
public repository, so it must be exported again (docs/publishing-reviews.md).
Every string of every object (text/pdf_strings.py) is read for names by the
redaction checks and by the final gate.

Checked: every PDF a published page links to (its Document too), reported at
the line of the link, and every PDF in the shared STATIC_PATHS folders,
reported on the file itself when no page links it. Each PDF is read once per
process (text/attachments.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import file, identifier, known, say
from lscb_core.rules import Rule, Waiver

from ..text.attachments import PDF_SUFFIXES, Attachment, pdf_content, published_attachments
from ..text.pdf_people import _allowed_authors, _comment_authors, _people


class PdfUnreadable(Rule):
    """Flags a published PDF that cannot be checked: it does not open, it is
    encrypted (a password, or restrictions on copying and printing), or no
    page has any text.

    ## Why it matters
    Every other check reads the PDF's text and properties. A PDF that cannot
    be read could hold a child's name and nothing would notice. An encrypted
    PDF also stops some screen readers, and a PDF of scanned pages has no
    text for them at all.

    ## Example
    A report saved with "Restrict editing", or a scan of a printed report.

    ## Use instead
    Export the PDF again from the original document (File > Save as > PDF),
    with no password or restrictions.

    ## Known limitations
    A PDF where only some pages are scanned images passes: the text of those
    pages is not checked.
    """

    code = "PDF001"
    name = "pdf-unreadable"
    waiver = Waiver.NEVER


class PdfAuthorMetadata(Rule):
    """Flags a PDF whose properties name who wrote or edited it: Author,
    Last modified by, Company or Manager in the document information, and
    dc:creator, dc:contributor, pdf:Author and the same names in the XMP
    metadata; and the author of each comment (sticky note, text box,
    highlight) left in the PDF.

    Values that name the board (SITENAME, SITE_SHORT_NAME, or a name listed
    in LSCB_PDF_AUTHORS_ALLOWED) and placeholders such as "Windows User" are
    fine. The program that made the file (Creator, Producer, CreatorTool) is
    not checked here.

    ## Why it matters
    Word and other editors copy the name of the person who made the file into
    the PDF. In a case review that can be a social worker or a relative who
    drafted part of it, and anyone can read it in the PDF's properties.

    A PDF reader signs each comment with the name of the person who wrote
    it, and shows it to anyone who opens the comment.

    ## Example
        Author: Harriet Quennell

    or a sticky note on page 2 by "Harriet Quennell".

    ## Use instead
    Clear the author in the original document's properties (in Word: File >
    Info > Inspect Document), or set it to the board's name, delete the
    comments, and export the PDF again. A name that may be published (the
    board's independent reviewer) goes in LSCB_PDF_AUTHORS_ALLOWED in
    pelicanconf.py. A waiver in the review cannot cover what is inside the
    PDF: the file is fixed instead.

    ## Known limitations
    Titles, subjects and keywords are not checked here; the redaction checks
    read every property value, and the text of comments, bookmarks and form
    fields, for names.
    """

    code = "PDF002"
    name = "pdf-author-metadata"
    waiver = Waiver.NEVER


class PdfJavascript(Rule):
    """Flags a PDF that contains JavaScript (run when it opens, from a page,
    a link, a bookmark or a form field) or a Launch action (which starts a
    program).

    ## Why it matters
    A board's reports should be documents, not programs. Scripts can send
    readers elsewhere, track them, or be used to attack their computers; many
    organisations block PDFs with scripts, so readers could not open the
    report.

    ## Example
    A PDF made from a form template that checks fields as they are typed.

    ## Use instead
    Export the PDF again from the original document, or use "Print to PDF",
    which leaves scripts out.

    ## Known limitations
    Scripts in objects no page, bookmark or form refers to are not looked
    for; readers do not run them either. Their text is read for names with
    every other string of the file.
    """

    code = "PDF003"
    name = "pdf-javascript"
    waiver = Waiver.NEVER


class PdfEmbeddedFile(Rule):
    """Flags a PDF with other files inside it: attachments, file attachment
    comments, and embedded media.

    ## Why it matters
    An attached file (the original Word document, a spreadsheet of cases, a
    chronology) is published with the PDF but none of the checks read it. It
    can hold everything the report was redacted to hide.

    ## Example
    A PDF with the original chronology.xlsx attached.

    ## Use instead
    Remove the attachments (or export the PDF again without them). Publish a
    file separately only after it has been checked.

    ## Known limitations
    None known.
    """

    code = "PDF004"
    name = "pdf-embedded-file"
    waiver = Waiver.NEVER


class PdfForm(Rule):
    """Flags a PDF with fields a reader can fill in (an AcroForm or XFA
    form). Signature fields do not count.

    ## Why it matters
    Field values are not part of the page text, yet anyone can see them
    (the redaction checks read them too). A form can also send what a
    reader types to an address, and forms are hard to use with a screen
    reader.

    ## Example
    A report exported from a template with a "Prepared by" field filled in.

    ## Use instead
    Flatten the form (print it to PDF) or export the document again without
    form fields. Publish a form people should fill in as a web page or a
    Word document instead.

    ## Known limitations
    None known.
    """

    code = "PDF005"
    name = "pdf-form"
    waiver = Waiver.NEVER


class PdfTextUnderBox(Rule):
    """Flags text in a PDF that is hidden under a dark filled box drawn on top
    of it, under a redaction mark that was never applied, or by black
    highlighting (dark text drawn on a dark box).

    ## Why it matters
    Drawing a black rectangle over a name does not remove it: the name is
    still in the PDF, and anyone can copy it, search for it or read it with
    a screen reader. This is the most common way redactions fail.

    ## Example
    In Word, a black shape laid over "Sibling 1 attends Larchfield Primary",
    then saved as PDF.

    ## Use instead
    Delete or replace the words in the original document, then export the
    PDF again. In a PDF editor, use the redaction tool and apply the
    redactions, which removes the text. A waiver in the review cannot cover
    what is inside the PDF: the file is fixed instead.

    ## Known limitations
    Only rectangles and four-sided paths in a dark colour (black, dark grey,
    dark blue) count, drawn on the same page. Text hidden by a white or
    light box, by an image, by a shape with rounded corners or outside the
    page is not found (the redaction checks still read it). Where each
    letter is drawn is read from the font's widths (/Widths, /W); a font
    whose widths cannot be read is measured with estimates, and the message
    may then name a neighbouring word.

    Measured on real exports (tests/fixtures/pdf_real: LibreOffice Writer
    with TrueType subsets, Chromium's print to PDF with CID fonts; a box
    over a name, a surname, a cell of a table, a second line, black
    highlighting, Polish and Arabic names; clean files with black bars, a
    black table header with white text, block characters for a deleted
    name):

    | | Found (11 hidden) | Exact words | Clean files flagged (7) |
    | --- | --- | --- | --- |
    | Before | 4 (none from LibreOffice) | 3 | 0 |
    | After | 11 | 11 | 0 |

    Before, every LibreOffice PDF was also refused as unreadable (PDF001).
    """

    code = "PDF006"
    name = "pdf-text-under-box"
    waiver = Waiver.NEVER


class PdfEarlierVersions(Rule):
    """Flags a PDF that keeps earlier versions of itself: it was changed and
    saved in place ("incremental save"), so the file holds the old pages,
    comments or properties as well as the new ones. Found when the file
    defines the same object more than once, or has more cross-reference
    sections than one save writes.

    ## Why it matters
    PDF editors save a change by adding it to the end of the file and
    leaving the old version in place. A name replaced by a pseudonym in a
    PDF editor ("Jane Smith told the reviewer" changed to "Mother told the
    reviewer") is still in the file, and anyone can get the old version
    back. The other checks read only the latest version.

    ## Example
    An overview report edited in a PDF editor after export, to replace a
    name the panel missed, then saved with Save.

    ## Use instead
    Make the change in the original document and export the PDF again. Or
    save the edited PDF as a new file (Save As, or Print to PDF), which
    writes only the latest version.

    ## Known limitations
    A digitally signed PDF is flagged too: signing adds a version. Publish
    the unsigned export. Earlier versions are found, not read: the message
    does not say what changed.
    """

    code = "PDF007"
    name = "pdf-earlier-versions"
    waiver = Waiver.NEVER


def check(site) -> Iterable[Finding]:
    allowed = _allowed_authors(site.settings)
    for attachment in published_attachments(site):
        if attachment.path.lower().endswith(PDF_SUFFIXES):
            yield from _check_pdf(attachment, allowed)


def _check_pdf(attachment: Attachment, allowed: set[str]) -> Iterable[Finding]:
    pdf = pdf_content(attachment.path)
    name = file(attachment.path, name_only=True)  # under reviews/, masked like its path
    at = {"path": attachment.report_path, "line": attachment.line, "col": attachment.col}
    if pdf.error or not any(text.strip() for text in pdf.pages):
        if pdf.encrypted:
            yield PdfUnreadable.at(
                message=say("{name} is encrypted; it cannot be checked", name=name),
                hint="export it again without a password or restrictions",
                **at,
            )
        elif pdf.error:
            yield PdfUnreadable.at(
                message=say("{name} cannot be read (damaged, or not a PDF)", name=name),
                hint="export the PDF again from the original document",
                **at,
            )
        else:
            yield PdfUnreadable.at(
                message=say("{name} has no text to check (scanned?)", name=name),
                hint="export it from the original document, not a scan",
                **at,
            )
        return
    for value, fields in _people(pdf.metadata, allowed).items():
        yield PdfAuthorMetadata.at(
            message=say(
                "{name} properties name {value} ({field})",
                name=name,
                value=identifier(_short(value, 20)),
                field=known(_short(fields[0], 14)),
            ),
            hint="clear the author in the document's properties and export it again",
            term=value,
            **at,
        )
    for value, page in _comment_authors(pdf.comment_authors, allowed).items():
        yield PdfAuthorMetadata.at(
            message=say(
                "{name} p{page}: a comment by {value}", name=name, page=page, value=identifier(_short(value, 24))
            ),
            hint="delete the comments in the PDF, or export it again without them",
            term=value,
            **at,
        )
    if pdf.earlier_versions:
        yield PdfEarlierVersions.at(
            message=say("{name} keeps earlier versions of its text", name=name),
            hint="save it again as a new file (Save As / Print to PDF) so old versions are dropped",
            **at,
        )
    if pdf.scripts:
        yield PdfJavascript.at(
            message=say("{name} contains JavaScript ({where})", name=name, where=known(_short(pdf.scripts[0], 14))),
            hint="export it again, or use Print to PDF, to leave scripts out",
            **at,
        )
    if pdf.embedded_files:
        count = len(pdf.embedded_files)
        yield PdfEmbeddedFile.at(
            message=say("{name} has {count} file(s) attached inside it", name=name, count=count),
            hint="remove the attachments, or export the PDF again without them",
            **at,
        )
    if pdf.form_fields:
        yield PdfForm.at(
            message=say("{name} has {count} form field(s)", name=name, count=len(pdf.form_fields)),
            hint="flatten the form: print it to PDF, or export it without fields",
            **at,
        )
    by_page: dict[int, list[str]] = {}
    for page, text in pdf.covered:
        by_page.setdefault(page, []).append(text)
    for page, texts in by_page.items():
        more = known(f" +{len(texts) - 1}" if len(texts) > 1 else "")
        yield PdfTextUnderBox.at(
            message=say(
                "{name} p{page}: text under a box ({text}){more}",
                name=name,
                page=page,
                text=identifier(_short(texts[0], 18)),
                more=more,
            ),
            hint="delete the words in the original document and export it again",
            term=texts[0],
            **at,
        )


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"
