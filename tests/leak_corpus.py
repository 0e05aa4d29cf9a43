"""The gate corpus: one-leak attack cases, each planting ONE invented
identifier through ONE channel into an otherwise clean site.

Every person, street, postcode, school and number here is invented. Each case
is labelled with what the gate does today: `expect="refused"` (or "not
published"), or `known_leak="why"` when the value reaches the published site
or the build's messages. tests/test_gate_corpus_leaks.py builds every case
(tests/leak_sites.py says how) and holds the labels to the measurement.
"""

from __future__ import annotations

import media
from leak_sites import (
    ALT,
    ANNUAL,
    ANNUAL_BODY,
    ANNUAL_FIELDS,
    GUIDANCE,
    IMAGE,
    PDF,
    PDF_PAGES,
    PLACE,
    REVIEW_FIELDS,
    Case,
    drop,
    fields_text,
    page,
    page_text,
    put,
    review,
    symlink,
)

NAME = "Zebedee Quinlan"
FORENAME, SURNAME = NAME.split()
ADDRESS = "27 Marlpit Lane"
STREET = "Marlpit Lane"
POSTCODE = "NS4 7QX"
DOB = "14 March 2017"
MOBILE = "07700 900461"
SCHOOL = "Brackenfold Primary School"
GPS = (53.4012, -2.2034)
GPS_TEXT = "53.4012, -2.2034"
REGISTER = (NAME, FORENAME, SURNAME, ADDRESS, POSTCODE, "14/03/2017")

R = "refused"
FINDINGS = "Professionals did not share what they knew."
MET = "The reviewer met"
TITLE = "local child safeguarding practice review"
SUMMARY_TAIL = "and how agencies shared information."
NO_SHARE = "The gate does not read"


def sentence(written: str) -> str:
    return f"{MET} {written} twice at home."


def body(written: str):
    return review(after_findings=sentence(written))


def alt(written: str):
    return review(replace=[(ALT, f"A drawing by {written}, using pseudonyms")])


def review_pdf(data) -> tuple:
    return (put(PDF, data),)


def pdf(*pages: str, **options) -> bytes:
    return media.make_pdf(pages or PDF_PAGES, **options)


PDF_WITH_NAME_PAGE = (PDF_PAGES[0], f"Findings\n{NAME} was not seen alone.")
CASES: list[Case] = []


def case(id, channel, description, value, plant, file, **labels) -> None:
    CASES.append(Case(id, channel, description, value, tuple(plant), file, **labels))


# --- Controls: the identifier written plainly, where the detectors look ----------

case(
    "plain-name-body",
    "plain",
    "full name in the review body",
    NAME,
    [body(NAME)],
    PLACE,
    line=MET,
    code="PII001",
    expect=R,
)
case(
    "plain-name-title",
    "plain",
    "full name in the Title",
    NAME,
    [review(Title=f"{NAME}: {TITLE}")],
    PLACE,
    line="Title:",
    code="PII001",
    expect=R,
)
case(
    "plain-name-summary",
    "plain",
    "full name in the Summary",
    NAME,
    [review(Summary=f"How agencies worked with {NAME} {SUMMARY_TAIL}")],
    PLACE,
    line="Summary:",
    code="PII001",
    expect=R,
)
case(
    "plain-name-alt",
    "plain",
    "full name in image alt text",
    NAME,
    [alt(NAME)],
    PLACE,
    line="![",
    code="PII001",
    expect=R,
)
case(
    "plain-address",
    "plain",
    "street address in the body",
    ADDRESS,
    [review(after_findings=f"The family lived at {ADDRESS} for a year.")],
    PLACE,
    line="The family lived",
    code="PII003",
    expect=R,
)
case(
    "plain-postcode",
    "plain",
    "postcode in the body",
    POSTCODE,
    [review(after_findings=f"The family moved to a flat near {POSTCODE} in the spring.")],
    PLACE,
    line="The family moved",
    code="PII002",
    expect=R,
)
case(
    "plain-dob",
    "plain",
    "date of birth in the body",
    DOB,
    [review(after_findings=f"Child Q was born on {DOB} at the county hospital.")],
    PLACE,
    line="Child Q was born",
    code="PII004",
    expect=R,
)
case(
    "plain-mobile",
    "plain",
    "mobile number in the body",
    MOBILE,
    [review(after_findings=f"Mother's mobile number, {MOBILE}, was on the referral.")],
    PLACE,
    line="Mother's mobile",
    code="PII005",
    expect=R,
)
case(
    "plain-school",
    "plain",
    "named school in the body",
    SCHOOL,
    [review(after_findings=f"Child Q started at {SCHOOL} in Year 1.")],
    PLACE,
    line="Child Q started",
    code="PII010",
    expect=R,
)

# --- Dates of birth given by the structure of the report, with no "born" or "DOB" near them ---

DOB_NUMERIC = "14/03/2017"
FAMILY_DOB_TABLE = f"""| Person | Relationship to Child Q | Date of birth | Sex |
| --- | --- | --- | --- |
| Child Q | Subject of the review, the youngest child | {DOB_NUMERIC} | M |
| Mother | Mother of Child Q and of Sibling 1 | 03/05/1989 | F |"""
BORN_TABLE = f"""| Family member | Relationship to Child Q | Household member | Born |
| --- | --- | --- | --- |
| Child Q | Subject of the review | Yes, throughout the period | {DOB} |"""
ROW_TABLE = """| Child Q | 14.03.2017 | M | subject |
| --- | --- | --- | --- |
| Mother | 03.05.1989 | F | mother |"""
case(
    "structure-dob-column",
    "structure",
    "family table with a Date of birth column",
    DOB_NUMERIC,
    [review(after_findings=FAMILY_DOB_TABLE)],
    PLACE,
    line="| Child Q | Subject",
    code="PII004",
    expect=R,
)
case(
    "structure-dob-list",
    "structure",
    "a list of who is who: Mother (F) and her date of birth",
    "03/05/1989",
    [review(after_findings="Who is who:\n\n- Child Q (M), the subject of the review\n- Mother (F) 03/05/1989")],
    PLACE,
    line="- Mother (F)",
    code="PII004",
    expect=R,
)
case(
    "structure-born-column",
    "structure",
    "family table with a Born column",
    DOB,
    [review(after_findings=BORN_TABLE)],
    PLACE,
    line="| Child Q |",
    code="PII004",
    expect=R,
)
case(
    "structure-dob-row",
    "structure",
    "a row: Child Q, a date, a sex, subject",
    "14.03.2017",
    [review(after_findings=ROW_TABLE)],
    PLACE,
    line="| Child Q | 14.03.2017",
    code="PII004",
    expect=R,
)
case(
    "structure-chronology-birth",
    "structure",
    "a chronology row recording a sibling's birth",
    "4 May 2019",
    [
        review(
            after_findings="| Date | Event |\n| --- | --- |\n| 2 April 2019 | Mother seen by the midwife at home |\n"
            "| 4 May 2019 | Sibling 1 born |"
        )
    ],
    PLACE,
    line="| 4 May 2019 |",
    code="PII004",
    expect=R,
)

# --- A name split by markup inside a word -------------------------------------------

SPLITS = {
    "charref": "Zebe&#100;ee Quinlan",
    "comment": "Zebe<!-- -->dee Quin<!-- -->lan",
    "wbr": "Zebe<wbr>dee Quin<wbr>lan",
    "span": "Ze<span>bedee</span> Quinlan",
    "emphasis": "*Zeb*edee Quinlan",
    "link-part": "[Zeb](/about/)edee Quinlan",
    "soft-hyphen": "Zebe\u00addee Quin\u00adlan",
    "shy-entity": "Zebe&shy;dee Quinlan",
    "zero-width-space": "Zebe\u200bdee Quinlan",
    "word-joiner": "Zebe\u2060dee Quinlan",
    "cyrillic": "Z\u0435bedee Quinlan",  # Cyrillic small ie for the first e
}
for kind, written in SPLITS.items():
    case(
        f"split-{kind}-body",
        "markup-split",
        f"name split by {kind} in the body",
        NAME,
        [body(written)],
        PLACE,
        line=MET,
        code="PII001",
        expect=R,
    )
for kind in ("charref", "comment", "soft-hyphen", "zero-width-space", "cyrillic"):
    written = SPLITS[kind]
    case(
        f"split-{kind}-title",
        "markup-split",
        f"name split by {kind} in the Title",
        NAME,
        [review(Title=f"{written}: {TITLE}")],
        PLACE,
        line="Title:",
        code="PII001",
        expect=R,
    )
    case(
        f"split-{kind}-summary",
        "markup-split",
        f"name split by {kind} in the Summary",
        NAME,
        [review(Summary=f"How agencies worked with {written} {SUMMARY_TAIL}")],
        PLACE,
        line="Summary:",
        code="PII001",
        expect=R,
    )
for kind in ("charref", "soft-hyphen", "zero-width-space", "cyrillic"):
    case(
        f"split-{kind}-alt",
        "markup-split",
        f"name split by {kind} in image alt text",
        NAME,
        [alt(SPLITS[kind])],
        PLACE,
        line="![",
        code="PII001",
        expect=R,
    )

# --- Names in file names, slugs and link targets -----------------------------------

case(
    "file-review-name",
    "file-name",
    "the review's file is named after the child",
    NAME,
    [review(place="reviews/zebedee-quinlan.md")],
    "reviews/zebedee-quinlan.md",
    code="REV011",
    expect=R,
)
case(
    "file-slug",
    "file-name",
    "Slug: names the child",
    NAME,
    [review(Slug="zebedee-quinlan")],
    PLACE,
    line="Slug:",
    code="PII001",
    expect=R,
)
case(
    "file-image-name",
    "file-name",
    "the review's image is named after the child",
    NAME,
    [
        drop(IMAGE),
        put("reviews/images/zebedee-quinlan.png", media.make_png),
        review(replace=[("images/child-q-network.png", "images/zebedee-quinlan.png")]),
    ],
    PLACE,
    line="![",
    code="PII001",
    expect=R,
)
case(
    "file-pdf-name",
    "file-name",
    "the review's Document is named after the child",
    NAME,
    [
        drop(PDF),
        put("reviews/documents/zebedee-quinlan-report.pdf", pdf),
        review(Document="reviews/documents/zebedee-quinlan-report.pdf"),
    ],
    PLACE,
    line="Document:",
    code="PII001",
    expect=R,
)
case(
    "file-link-local",
    "file-name",
    "a link to a shared PDF named after the child",
    NAME,
    [
        put("documents/zebedee-quinlan.pdf", pdf),
        review(after_findings="Read [the chronology (PDF, 1 KB)](/documents/zebedee-quinlan.pdf)."),
    ],
    PLACE,
    line="Read [the chronology",
    code="PII001",
    expect=R,
)
case(
    "file-link-external",
    "file-name",
    "an external link whose address names the child",
    NAME,
    [review(after_findings="Read [the press statement](https://example.org/zebedee-quinlan).")],
    PLACE,
    line="Read [the press",
    code="PII001",
    expect=R,
)
case(
    "file-guidance-name",
    "file-name",
    "a guidance page named after the child",
    NAME,
    [
        page(
            "guidance/zebedee-quinlan.md",
            "Title: Neglect\nDate: 2026-03-01\nOwner: Policy and Procedures "
            "Subgroup\nReview_date: 2027-09-01\nSummary: Neglect, in brief.\n\nNeglect in brief.\n",
        )
    ],
    "guidance/zebedee-quinlan.md",
    expect=R,
)
case(
    "file-shared-image-name",
    "file-name",
    "an unlinked image in images/ named after the child",
    NAME,
    [put("images/zebedee-quinlan.png", media.make_png)],
    "images/zebedee-quinlan.png",
    expect=R,
)
case(
    "file-camelcase-image",
    "file-name",
    "an unlinked image named ZebedeeQuinlan.png",
    NAME,
    [put("images/ZebedeeQuinlan.png", media.make_png)],
    "images/ZebedeeQuinlan.png",
    expect=R,
)

# --- PDF internals (the review's Document) -----------------------------------------

PDF_CASES = [
    ("page-text", "page text", pdf(*PDF_WITH_NAME_PAGE), "PII001", ""),
    ("author", "Author metadata", pdf(info={"/Author": NAME}), "PDF002", ""),
    ("title", "Title metadata", pdf(info={"/Title": f"Review of {NAME}"}), "PII001", ""),
    ("subject", "Subject metadata", pdf(info={"/Subject": f"Agencies and {NAME}"}), "PII001", ""),
    ("keywords", "Keywords metadata", pdf(info={"/Keywords": f"neglect; {NAME}"}), "PII001", ""),
    ("xmp", "XMP description", pdf(xmp=media.xmp_packet(dc_description=f"About {NAME}")), "PII001", ""),
    ("annotation", "a sticky note's text", media.with_comment(pdf(), f"Check {NAME} spelling"), "PII001", ""),
    ("popup", "a pop-up note's text", media.with_popup(pdf(), f"Check {NAME} spelling"), "PII001", ""),
    (
        "link-uri",
        "a link annotation's address",
        media.with_link(pdf(), "https://example.org/zebedee-quinlan"),
        "PII001",
        "",
    ),
    ("bookmark", "a bookmark title", media.with_bookmarks(pdf(), [f"{NAME} chronology"]), "PII001", ""),
    ("form", "a form field's value", pdf(form=True, form_value=NAME), "PDF005", ""),
    ("page-label", "a page label", media.with_page_labels(pdf(), f"{NAME} "), "PII001", ""),
    (
        "embedded-file",
        "an attached file",
        media.with_attachment(pdf(), "notes.txt", f"Notes on {NAME}\n".encode()),
        "PDF004",
        "",
    ),
    (
        "white-text",
        "text drawn in white",
        media.make_white_text_pdf("Child Q overview report", f"{NAME} was seen alone."),
        "PII001",
        "",
    ),
    ("under-box", "text under a black box", pdf(boxed_text=f"{NAME} told a teacher"), "PDF006", ""),
    ("orphan-object", "an object nothing refers to", media.with_orphan_text(pdf(), NAME), "PII001", ""),
    (
        "appearance",
        "a text box comment's appearance, with no comment text",
        media.with_appearance_text(pdf(), f"{NAME} was seen"),
        "PII001",
        "",
    ),
    (
        "unpainted-form",
        "a form XObject in the page's resources that is never drawn",
        media.with_unpainted_form(pdf(), f"{NAME} was seen"),
        "PII001",
        "",
    ),
    (
        "earlier-revision",
        "an earlier revision (incremental save)",
        media.saved_over(pdf(*PDF_WITH_NAME_PAGE), PDF_PAGES),
        "PDF007",
        "",
    ),
]
for kind, where, data, code, leak in PDF_CASES:
    labels = {"known_leak": leak} if leak else {"expect": R}
    case(f"pdf-{kind}", "pdf", f"name in the review PDF: {where}", NAME, review_pdf(data), PDF, code=code, **labels)
case(
    "pdf-shared-unlinked",
    "pdf",
    "name in the text of an unlinked PDF in documents/",
    NAME,
    [put("documents/chronology.pdf", pdf(*PDF_WITH_NAME_PAGE))],
    "documents/chronology.pdf",
    code="PII001",
    expect=R,
)

# --- Images ---------------------------------------------------------------------------

JPEG = "reviews/images/child-q-network.jpg"


def review_image(relative: str, data) -> tuple:
    return (
        drop(IMAGE),
        put(relative, data),
        review(replace=[("images/child-q-network.png", "images/" + relative.rsplit("/", 1)[1])]),
    )


def svg(**parts) -> str:
    return media.make_svg(**parts)


SVG = "reviews/images/child-q-network.svg"
IMAGE_CASES = [
    ("exif-artist", "EXIF Artist", JPEG, media.make_jpeg(exif={"Artist": NAME}), NAME, "IMG001"),
    (
        "exif-description",
        "EXIF ImageDescription",
        JPEG,
        media.make_jpeg(exif={"ImageDescription": NAME}),
        NAME,
        "IMG001",
    ),
    ("gps", "GPS coordinates", JPEG, media.make_jpeg(gps=GPS), GPS_TEXT, "IMG002"),
    ("png-text", "PNG tEXt chunk", IMAGE, media.make_png(text_chunks={"Author": NAME}), NAME, "IMG001"),
    ("png-itxt", "PNG iTXt chunk", IMAGE, media.make_png_itxt("Description", NAME), NAME, "IMG001"),
    ("xmp", "JPEG XMP", JPEG, media.make_jpeg(xmp=media.xmp_packet(dc_creator=NAME)), NAME, "IMG001"),
    ("jpeg-comment", "JPEG COM comment", JPEG, media.make_jpeg_comment(f"Photo of {NAME}"), NAME, "IMG001"),
    (
        "appended",
        "data after the image's end",
        IMAGE,
        media.with_trailing_data(media.make_png(), f"{NAME}\n".encode()),
        NAME,
        "IMG001",
    ),
    ("svg-text", "SVG <text>", SVG, svg(text=NAME), NAME, "PII001"),
    ("svg-title", "SVG <title>", SVG, svg(title=f"Drawn by {NAME}"), NAME, "PII001"),
    ("svg-desc", "SVG <desc>", SVG, svg(desc=f"A drawing by {NAME}"), NAME, "PII001"),
    ("svg-metadata", "SVG <metadata>", SVG, svg(metadata=f"Author: {NAME}"), NAME, "PII001"),
    ("svg-comment", "SVG comment", SVG, svg(comment=f"from {NAME}'s file"), NAME, "PII001"),
]
for kind, where, relative, data, value, code in IMAGE_CASES:
    case(
        f"image-{kind}",
        "image",
        f"the review's image carries the name in its {where}",
        value,
        review_image(relative, data),
        relative,
        code=code,
        expect=R,
    )
case(
    "image-shared-exif",
    "image",
    "an unlinked JPEG in images/ with EXIF Artist",
    NAME,
    [put("images/visit.jpg", media.make_jpeg(exif={"Artist": NAME}))],
    "images/visit.jpg",
    code="IMG001",
    expect=R,
)
case(
    "image-shared-svg",
    "image",
    "an unlinked SVG in images/ with the name in <text>",
    NAME,
    [put("images/family-tree.svg", svg(text=NAME))],
    "images/family-tree.svg",
    code="PII001",
    expect=R,
)
# Outside the safe subset of SVG (IMG004): words a reader sees that are not SVG text.
SVG_UNSAFE = [
    (
        "foreign-object",
        "HTML inside a <foreignObject>",
        f'<foreignObject width="120" height="40"><div xmlns="http://www.w3.org/1999/xhtml">{NAME}</div>'
        "</foreignObject>",
    ),
    ("style-content", "a <style> that adds words", f'<style>rect::after {{ content: "{NAME}"; }}</style>'),
    (
        "data-image",
        "a picture embedded as a data: address",
        '<image width="48" height="32" href="data:image/png;base64,'
        + __import__("base64").b64encode(media.make_png(text_chunks={"Author": NAME})).decode()
        + '"/>',
    ),
    (
        "external-image",
        "a picture fetched from another site",
        '<image width="48" height="32" xlink:href="https://example.org/zebedee-quinlan.png"/>',
    ),
]
for kind, where, inner in SVG_UNSAFE:
    case(
        f"image-svg-{kind}",
        "image",
        f"the review's SVG carries the name in {where}",
        NAME,
        review_image(SVG, media.make_svg_with(inner)),
        SVG,
        code="IMG004",
        expect=R,
    )
# Written again from its pixels: a private PNG chunk no check reads is not published.
case(
    "image-png-private-chunk",
    "image",
    "the review's PNG carries the name in a private chunk",
    NAME,
    review_image(IMAGE, media.with_png_chunk(media.make_png(), b"prVt", f"{NAME}\n".encode())),
    IMAGE,
    expect="not published",
)

# --- Other attachment types in the copied folders -------------------------------------

ATTACHMENTS = [
    ("docx", "documents/chronology.docx", media.make_docx(f"Chronology for {NAME}.")),
    ("txt", "documents/notes.txt", f"Notes: {NAME} lives at {ADDRESS}.\n"),
    ("csv", "documents/contacts.csv", f"Date,Name,Agency\n2025-03-01,{NAME},School\n"),
    ("html", "documents/summary.html", f"<!doctype html><title>Summary</title><p>{NAME} was seen.</p>\n"),
    ("json", "images/people.json", f'{{"child": "{NAME}"}}\n'),
    ("heic", "images/visit.heic", b"\x00\x00\x00\x18ftypheic" + f"{NAME}".encode()),
    ("ds-store", "documents/.DS_Store", b"\x00\x00\x00\x01Bud1" + f"{NAME}.pdf".encode("utf-16-be")),
    ("markdown", "documents/notes.md", f"# Notes\n\n{NAME} was seen at home.\n"),
]
for kind, relative, data in ATTACHMENTS:
    case(
        f"attachment-{kind}",
        "attachment",
        f"name inside a .{kind} file in {relative.split('/')[0]}/",
        NAME,
        [put(relative, data)],
        relative,
        code="ATT002",
        expect=R,
    )

# --- A withheld review's own files ------------------------------------------------------

WITHHELD = {"Publication_decision": "withhold"}
case(
    "withheld-documents-pdf",
    "withheld",
    "a withheld review links its PDF in /documents/",
    NAME,
    [
        put("documents/child-q-full-report.pdf", pdf(*PDF_WITH_NAME_PAGE)),
        review(after_findings="Read [the full report (PDF, 1 KB)](/documents/child-q-full-report.pdf).", **WITHHELD),
    ],
    "documents/child-q-full-report.pdf",
    code="PII001",
    expect=R,
)
case(
    "withheld-images-jpeg",
    "withheld",
    "a withheld review shows a photo from /images/",
    NAME,
    [
        put("images/child-q-home.jpg", media.make_jpeg(exif={"ImageDescription": f"Home of {NAME}"})),
        review(after_findings="![The family home](/images/child-q-home.jpg)", **WITHHELD),
    ],
    "images/child-q-home.jpg",
    code="IMG001",
    expect=R,
)
case(
    "withheld-images-svg",
    "withheld",
    "a withheld review shows an SVG from /images/ naming the child",
    NAME,
    [
        put("images/child-q-tree.svg", svg(text=NAME)),
        review(after_findings="![A family tree](/images/child-q-tree.svg)", **WITHHELD),
    ],
    "images/child-q-tree.svg",
    code="PII001",
    expect=R,
)
case(
    "withheld-own-pdf",
    "withheld",
    "a withheld review's own Document with the name in it",
    NAME,
    [put(PDF, pdf(*PDF_WITH_NAME_PAGE)), review(**WITHHELD)],
    PDF,
    code="PII001",
    expect=R,
)
case(
    "withheld-symlink",
    "withheld",
    "a symlink in documents/ to the folder of a withheld review",
    NAME,
    [symlink("documents/case-files", "../reviews"), body(NAME), review(**WITHHELD)],
    "documents/case-files",
    code="BLD002",
    expect=R,
)
case(
    "withheld-symlink-split",
    "withheld",
    "a symlink in documents/ to the folder of a withheld review that names the child",
    NAME,
    [symlink("documents/case-files", "../reviews"), body(SPLITS["comment"]), review(**WITHHELD)],
    "documents/case-files",
    code="BLD002",
    expect=R,
)
case(
    "withheld-symlink-content",
    "withheld",
    "a symlink in content/ to the reviews folder",
    NAME,
    [symlink("case-files", "reviews"), body(SPLITS["comment"]), review(**WITHHELD)],
    "case-files",
    code="BLD002",
    expect=R,
)

# --- Waivers for an ordinary word that is also the child's name -------------------------
# A register term can never be waived (RED001: the register or the text is
# changed instead), and a waiver names one place: these are all refused.

HOPE = ("Hope Quinlan", "Hope", SURNAME)
WAIVE_HOPE = 'RED001 "Hope": an ordinary word in the response; approved by Independent Chair'
HOPE_RESPONSE = (
    "The board accepted the recommendation.",
    "The board accepted the recommendation and has every hope it will help.",
)
case(
    "waiver-hope-title",
    "waiver",
    "Waive: for 'Hope' lets the child's forename into the Title",
    f"Hope: {TITLE}",
    [review(Title=f"Hope: {TITLE}", Waive=WAIVE_HOPE, replace=[HOPE_RESPONSE])],
    PLACE,
    line="Title:",
    code="RED001",
    register=HOPE,
    expect=R,
)
case(
    "waiver-hope-body",
    "waiver",
    "Waive: for 'Hope' lets the child's forename into the body",
    "Hope was four years old",
    [review(Waive=WAIVE_HOPE, replace=[HOPE_RESPONSE], after_findings="Hope was four years old at the time.")],
    PLACE,
    line="Hope was four",
    code="RED001",
    register=HOPE,
    expect=R,
)
case(
    "waiver-hope-pdf",
    "waiver",
    "Waive: for 'Hope' lets the child's forename into the PDF",
    "Hope was four years old",
    [
        review(Waive=WAIVE_HOPE, replace=[HOPE_RESPONSE]),
        put(PDF, pdf(PDF_PAGES[0], "Findings\nHope was four years old.")),
    ],
    PDF,
    code="RED001",
    register=HOPE,
    expect=R,
)
case(
    "waiver-hope-line",
    "waiver",
    "a line waiver of RED001 for 'hope' in the response",
    "Hope was four years old",
    [
        review(
            replace=[(HOPE_RESPONSE[0], HOPE_RESPONSE[1] + f" <!-- waive {WAIVE_HOPE} -->")],
            after_findings="Hope was four years old at the time.",
        )
    ],
    PLACE,
    line="Hope was four",
    code="RED001",
    register=HOPE,
    expect=R,
)

# A name waived where it is allowed (a line, a field) is still refused
# elsewhere: on another line, split by markup the source checks read apart,
# or in the review's PDF.
WAIVE_NAME = f'PII001 "{NAME}": named at the public inquiry; approved by Independent Chair'
AT_INQUIRY = f"{NAME} gave evidence at the public inquiry. <!-- waive {WAIVE_NAME} -->"
LATER = "\n\n".join(["Agencies did not meet."] * 4)
case(
    "waiver-name-other-line",
    "waiver",
    "a name waived on one line, written again ten lines on",
    NAME,
    [review(after_findings=f"{AT_INQUIRY}\n\n{LATER}\n\n{NAME} was seen again later.")],
    PLACE,
    line="was seen again later",
    code="PII001",
    expect=R,
)
case(
    "waiver-name-other-line-split",
    "waiver",
    "a name waived on one line, split by a span ten lines on (read whole as built)",
    NAME,
    [review(after_findings=f"{AT_INQUIRY}\n\n{LATER}\n\n{SPLITS['span']} was seen again later.")],
    PLACE,
    line="was seen again later",
    code="PII001",
    expect=R,
)
case(
    "waiver-name-field-pdf",
    "waiver",
    "a waiver of a name in the Document field does not cover the PDF",
    NAME,
    [review(Waive=WAIVE_NAME.replace('": ', '" in Document: ', 1)), put(PDF, pdf(*PDF_WITH_NAME_PAGE))],
    PDF,
    code="PII001",
    expect=R,
)
case(
    "waiver-name-summary-body",
    "waiver",
    "a name waived in the Summary, written in the body too",
    NAME,
    [
        review(
            Summary=f"{NAME} gave evidence at the public inquiry.",
            Waive=WAIVE_NAME.replace('": ', '" in Summary: ', 1),
            after_findings=f"{MET} {NAME} twice at home.",
        )
    ],
    PLACE,
    line=MET,
    code="PII001",
    expect=R,
)

# --- Part of a name, or a street without its number ---------------------------------------

PARTS = [
    (
        "forename-title",
        "forename alone in the Title",
        FORENAME + " " + TITLE,
        review(Title=f"{FORENAME}: {TITLE}"),
        "Title:",
    ),
    (
        "forename-summary",
        "forename alone in the Summary",
        f"How agencies helped {FORENAME}",
        review(Summary=f"How agencies helped {FORENAME} {SUMMARY_TAIL}"),
        "Summary:",
    ),
    (
        "possessive",
        "forename as a possessive in the body",
        f"{FORENAME}'s school",
        body(f"{FORENAME}'s school staff"),
        MET,
    ),
    ("surname-family", "family surname alone", f"the {SURNAME} family", body(f"the {SURNAME} family"), MET),
    (
        "street-no-number",
        "street without a house number",
        STREET,
        review(after_findings=f"The family lived on {STREET} for a year."),
        "The family lived",
    ),
    (
        "list-two-lines",
        "a name whose words fall on two lines of a list item",
        NAME,
        review(after_findings=f"- The reviewer spoke to {FORENAME}\n  {SURNAME} at school."),
        "The reviewer spoke",
    ),
]
# A part of a name is refused without a register: a forename alone (PII011),
# a family's surname alone (PII012), a street without a house number (PII003).
PART_CODES = {
    "forename-title": "PII011",
    "forename-summary": "PII011",
    "possessive": "PII011",
    "surname-family": "PII012",
    "street-no-number": "PII003",
    "list-two-lines": "PII001",
}
# With a register the same cases are refused: by the register (RED001), and
# the street by PII003, since the register matches whole terms ('27 Marlpit
# Lane' does not find 'Marlpit Lane').
for kind, description, value, plant, line in PARTS:
    case(
        f"part-{kind}",
        "partial-name",
        description + " (no register)",
        value,
        [plant],
        PLACE,
        line=line,
        code=PART_CODES[kind],
        expect=R,
    )
    case(
        f"part-{kind}-register",
        "register",
        description + " (in the register)",
        value,
        [plant],
        PLACE,
        line=line,
        code="PII003" if kind == "street-no-number" else "RED001",
        register=REGISTER,
        expect=R,
    )

# --- Pages other than reviews: annual reports, guidance, standard pages -------------------

CASE_STUDY = "The board published one review this year."
PAGE_IDENTIFIERS = [
    ("name", NAME, f"In one case study, {NAME} was helped by an early help worker.", "PII001"),
    ("address", ADDRESS, f"The family in one case study lived at {ADDRESS}, Northshire.", "PII003"),
    ("postcode", POSTCODE, f"The family in one case study lived near {POSTCODE}.", "PII002"),
    ("mobile", MOBILE, f"The mother in one case study gave her mobile, {MOBILE}.", "PII005"),
]
for kind, value, text, code in PAGE_IDENTIFIERS:
    case(
        f"annual-{kind}",
        "other-page",
        f"{kind} in an annual report's case study",
        value,
        [page_text(ANNUAL, CASE_STUDY, text)],
        ANNUAL,
        line=text[:20],
        code=code,
        expect=R,
    )
GUIDANCE_LINE = "Refer when you think a child may be at risk of significant harm."
for kind, value, text, code in PAGE_IDENTIFIERS + [
    ("dob", DOB, f"For example, a child born on {DOB} started school in 2021.", "PII004"),
    ("school", SCHOOL, f"For example, {SCHOOL} referred a child last year.", "PII010"),
]:
    case(
        f"guidance-{kind}",
        "other-page",
        f"{kind} in a guidance page",
        value,
        [page_text(GUIDANCE, GUIDANCE_LINE, text)],
        GUIDANCE,
        line=text[:20],
        code=code,
        expect=R,
    )
# A forename and a family name both in no word list, in a sentence about a
# person (found by a plant before a stop: published in a page, a PDF's name
# and its text).
case(
    "guidance-unlisted-name",
    "other-page",
    "a forename and a family name both in no list, in a guidance page",
    "Odalysine Trevarrow",
    [page_text(GUIDANCE, GUIDANCE_LINE, "The worker met Odalysine Trevarrow at the clinic.")],
    GUIDANCE,
    line="The worker met",
    code="PII001",
    expect=R,
)
case(
    "page-about-name",
    "other-page",
    "full name on the About page",
    NAME,
    [page("pages/about.md", f"Title: About the board\n\nThe board thanks {NAME}'s family for taking part.\n")],
    "pages/about.md",
    line="The board thanks",
    code="PII001",
    expect=R,
)
case(
    "annual-register-name",
    "register",
    "a registered name in the annual report",
    NAME,
    [page_text(ANNUAL, CASE_STUDY, f"One review was about {NAME}.")],
    ANNUAL,
    line="One review was about",
    code="RED001",
    register=REGISTER,
    expect=R,
)

# --- The register, through the channels the pattern detectors miss -----------------------

REGISTERED = [
    ("body", "registered name in the body", body(NAME), PLACE, MET),
    ("comment-split", "registered name split by a comment", body(SPLITS["comment"]), PLACE, MET),
    ("cyrillic", "registered name with a look-alike letter", body(SPLITS["cyrillic"]), PLACE, MET),
    ("zero-width", "registered name with a zero-width space", body(SPLITS["zero-width-space"]), PLACE, MET),
    ("alt", "registered address in alt text", alt(ADDRESS), PLACE, "!["),
]
REGISTERED_LEAKS: dict[str, str] = {}
for kind, description, plant, file, line in REGISTERED:
    value = ADDRESS if kind == "alt" else NAME
    leak = REGISTERED_LEAKS.get(kind, "")
    case(
        f"register-{kind}",
        "register",
        description,
        value,
        [plant],
        file,
        line=line,
        code="RED001",
        register=REGISTER,
        **({"known_leak": leak} if leak else {"expect": R}),
    )
case(
    "register-pdf-dob",
    "register",
    "registered date of birth in the PDF",
    "14/03/2017",
    review_pdf(pdf(PDF_PAGES[0], "Findings\nBorn 14/03/2017.")),
    PDF,
    code="RED001",
    register=REGISTER,
    expect=R,
)
case(
    "register-image-name",
    "register",
    "registered name in an image's file name",
    NAME,
    review_image("reviews/images/zebedee-quinlan.png", media.make_png()),
    PLACE,
    line="![",
    code="RED001",
    register=REGISTER,
    expect=R,
)
case(
    "register-svg",
    "register",
    "registered name in an SVG's <title>",
    NAME,
    review_image(SVG, svg(title=NAME)),
    SVG,
    code="RED001",
    register=REGISTER,
    expect=R,
)

# --- The build's own messages echo an identifier -------------------------------------------

case(
    "messages-review-type",
    "build-messages",
    "a name in Review_type, printed back by META003",
    NAME,
    [review(Review_type=NAME)],
    PLACE,
    line="Review_type:",
    code="META003",
    messages=True,
    expect=R,
)
case(
    "messages-publish-after",
    "build-messages",
    "a name in Publish_after, printed back by REV002",
    NAME,
    [review(Publish_after=NAME)],
    PLACE,
    line="Publish_after:",
    code="REV002",
    messages=True,
    expect=R,
)
case(
    "messages-document-did-you-mean",
    "build-messages",
    "a misspelt Document whose 'did you mean' names a file called after the child",
    NAME,
    [
        put("reviews/documents/zebedee-quinlan-report.pdf", pdf),
        review(Document="reviews/documents/zebedee-qiunlan-report.pdf"),
    ],
    PLACE,
    line="Document:",
    code="DOC001",
    messages=True,
    expect=R,
)
case(
    "messages-broken-link",
    "build-messages",
    "a broken link to a page named after the child",
    NAME,
    [review(after_findings="See [the chronology](zebedee-quinlan.md).")],
    PLACE,
    line="See [the chronology",
    code="LINK004",
    messages=True,
    expect=R,
)
case(
    "messages-broken-link-absolute",
    "build-messages",
    "a broken link to a PDF named after the child",
    NAME,
    [review(after_findings="See [the chronology (PDF, 1 KB)](/documents/zebedee-quinlan.pdf).")],
    PLACE,
    line="See [the chronology",
    code="LINK001",
    messages=True,
    expect=R,
)
case(
    "messages-unknown-field",
    "build-messages",
    "a name as an unknown field's value (META001)",
    NAME,
    [review(Reviewer_notes=NAME)],
    PLACE,
    line="Reviewer_notes:",
    code="META001",
    messages=True,
    expect=R,
)
case(
    "messages-review-file-name",
    "build-messages",
    "the review's file named after the child, in every message about it (its path)",
    NAME,
    [review(place="reviews/zebedee-quinlan.md")],
    "reviews/zebedee-quinlan.md",
    code="REV011",
    messages=True,
    expect=R,
)
case(
    "messages-sibling-risk",
    "build-messages",
    "a name in Sibling_risk_assessed, printed back by REV006",
    NAME,
    [review(Sibling_risk_assessed=NAME)],
    PLACE,
    line="Sibling_risk_assessed:",
    code="REV006",
    messages=True,
    expect=R,
)
case(
    "messages-pelican-unreadable",
    "build-messages",
    "a name as the Date, which Pelican cannot read and quotes in its own error (BLD001 and Pelican's log)",
    NAME,
    [review(Date=NAME)],
    PLACE,
    code="BLD001",
    messages=True,
    expect=R,
)
case(
    "messages-decision-log",
    "build-messages",
    "a name as the Publication_decision, which the gate's 'Not published' line quotes",
    NAME,
    [review(Publication_decision=NAME)],
    PLACE,
    line="Publication_decision:",
    code="META003",
    messages=True,
    expect=R,
)
case(
    "messages-guidance-links-review-file",
    "build-messages",
    "a guidance page's broken link to a review file named after the child (LINK004 on another page)",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, "See [the review](../reviews/zebedee-quinlan.md).")],
    GUIDANCE,
    line="See [the review]",
    code="LINK004",
    messages=True,
    expect=R,
)

# --- How an identifier is written: capitals, joins, initials, marks ----------------------
# The full-name detector wants a known forename in title case followed by a
# capitalised surname; the address detector a capitalised street. Names and
# streets written otherwise read the same to anyone.

WRITTEN = [
    (
        "upper-body",
        "full name in capitals in the body",
        NAME,
        review(after_findings="THE REVIEWER MET ZEBEDEE QUINLAN TWICE AT HOME."),
        "THE REVIEWER MET",
        "PII001",
        "",
    ),
    ("lower-body", "full name in lower case in the body", NAME, body("zebedee quinlan"), MET, "PII001", ""),
    (
        "title-surname-capitals",
        "a title and surname in capitals ('MRS QUINLAN')",
        "Mrs Quinlan",
        review(after_findings="The reviewer met MRS QUINLAN twice at home."),
        "The reviewer met MRS",
        "PII001",
        "",
    ),
    ("hyphen-joined", "forename and surname joined by a hyphen", NAME, body("Zebedee-Quinlan"), MET, "PII001", ""),
    (
        "handle",
        "a social media handle made of the name",
        "ZebedeeQuinlan",
        review(after_findings="Mother posted videos as @ZebedeeQuinlan2017 on a video app."),
        "Mother posted",
        "PII001",
        "",
    ),
    (
        "hashtag",
        "a hashtag made of the name",
        "ZebedeeQuinlan",
        review(after_findings="Friends shared #ZebedeeQuinlan online after the incident."),
        "Friends shared",
        "PII001",
        "",
    ),
    (
        "initial",
        "an initial and the surname ('Z. Quinlan')",
        "Z. Quinlan",
        review(after_findings="Z. Quinlan was seen twice at home."),
        "Z. Quinlan was",
        "PII001",
        "",
    ),
    (
        "combining-underline",
        "a name with combining low lines under two letters",
        NAME,
        body("Ze\u0332bedee Qu\u0332inlan"),
        MET,
        "PII001",
        "",
    ),
    (
        "guidance-upper",
        "full name in capitals on a guidance page",
        NAME,
        page_text(GUIDANCE, GUIDANCE_LINE, "FOR EXAMPLE, ZEBEDEE QUINLAN WAS REFERRED LAST YEAR."),
        "FOR EXAMPLE",
        "PII001",
        "",
    ),
    (
        "upper-heading",
        "full name in a heading in capitals",
        NAME,
        review(after_findings="## WHAT ZEBEDEE QUINLAN TOLD US\n\nThe reviewer met the family."),
        "## WHAT",
        "PII001",
        "",
    ),
    (
        "lower-possessive",
        "full name in lower case with a possessive",
        NAME,
        body("zebedee quinlan's"),
        MET,
        "PII001",
        "",
    ),
    (
        "lower-title",
        "a title and surname in lower case ('mrs quinlan')",
        "Mrs Quinlan",
        review(after_findings="The reviewer met mrs quinlan twice at home."),
        "The reviewer met mrs",
        "PII001",
        "",
    ),
    (
        "handle-lower",
        "a handle of the name in lower case with an underscore",
        "zebedee_quinlan",
        review(after_findings="Mother posted videos as @zebedee_quinlan on a video app."),
        "Mother posted",
        "PII001",
        "",
    ),
    (
        "handle-run-together",
        "a handle of the name run together in lower case",
        "zebedeequinlan",
        review(after_findings="Mother posted videos as @zebedeequinlan on a video app."),
        "Mother posted",
        "PII001",
        "",
    ),
    (
        "initials-two",
        "two initials and the surname ('Z. J. Quinlan')",
        "Z. J. Quinlan",
        review(after_findings="Z. J. Quinlan was seen twice at home."),
        "Z. J. Quinlan",
        "PII001",
        "",
    ),
    (
        "address-upper",
        "street address in capitals",
        ADDRESS,
        review(after_findings="The family lived at 27 MARLPIT LANE for a year."),
        "The family lived",
        "PII003",
        "",
    ),
    (
        "address-lower",
        "street address in lower case",
        ADDRESS,
        review(after_findings="The family lived at 27 marlpit lane for a year."),
        "The family lived",
        "PII003",
        "",
    ),
]
for kind, description, value, plant, line, code, leak in WRITTEN:
    file = GUIDANCE if kind.startswith("guidance") else PLACE
    case(
        f"written-{kind}",
        "written-form",
        description,
        value,
        [plant],
        file,
        line=line,
        code=code,
        **({"known_leak": leak} if leak else {"expect": R}),
    )

# --- Numbers and addresses written with other separators ----------------------------------

NUMBERS = [
    (
        "mobile-nb-hyphen",
        "a mobile with a non-breaking hyphen",
        MOBILE,
        "Mother's number was 07700\u2011900461.",
        "PII005",
        "",
    ),
    ("mobile-thin-space", "a mobile with a thin space", MOBILE, "Mother's number was 07700\u2009900461.", "PII005", ""),
    (
        "mobile-digits-spaced",
        "a mobile with a space between every digit",
        MOBILE,
        "Mother's number was 0 7 7 0 0 9 0 0 4 6 1.",
        "PII005",
        "",
    ),
    ("mobile-dotted", "a mobile written with dots", MOBILE, "Mother's number was 07700.900.461.", "PII005", ""),
    (
        "email-spelled-out",
        "an email address with 'at' and 'dot' written out",
        "zq2017 at example dot org",
        "Mother wrote from zq2017 at example dot org.",
        "PII006",
        "",
    ),
]
for kind, description, value, text, code, leak in NUMBERS:
    case(
        f"number-{kind}",
        "number-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=text[:15],
        code=code,
        **({"known_leak": leak} if leak else {"expect": R}),
    )

# --- Forenames the list does not hold --------------------------------------------------------

UNLISTED = [
    ("ali", "Ali Hussain", "a forename of three letters"),
    ("yusra", "Yusra Haddad", "a forename no country ranks among its 1,000 most common"),
    ("river", "River Quinlan", "a forename that is also an ordinary word"),
    ("bo", "Bo Lindqvist", "a forename of two letters"),
]
for kind, written, why in UNLISTED:
    case(
        f"forename-unlisted-{kind}",
        "forename-list",
        f"a full name, {why} ({written})",
        written,
        [body(written)],
        PLACE,
        line=MET,
        code="PII001",
        expect=R,
    )

# --- Fields that declare a name safe ---------------------------------------------------------

PSEUDONYMS = REVIEW_FIELDS["Pseudonyms"]
case(
    "declared-credit-mother",
    "declared-field",
    "Credits names the child's mother, with her role",
    NAME,
    [review(Credits=f"{NAME} (mother of Child Q)")],
    PLACE,
    line="Credits:",
    code="META006",
    expect=R,
)
case(
    "declared-credit-subject",
    "declared-field",
    "Credits names the child as 'the subject of this review'",
    NAME,
    [review(Credits=f"{NAME} (the subject of this review)")],
    PLACE,
    line="Credits:",
    code="META006",
    expect=R,
)
case(
    "declared-pseudonym-full-name",
    "declared-field",
    "a full name listed in Pseudonyms, then written in the Summary",
    NAME,
    [review(Pseudonyms=f"{PSEUDONYMS}, {NAME}", Summary=f"How agencies worked with {NAME} {SUMMARY_TAIL}")],
    PLACE,
    line="Pseudonyms:",
    code="REV013",
    expect=R,
)

# --- More ways of writing details the detectors do not read ------------------------------

MORE = [
    (
        "written-form",
        "written-school-lower",
        "a named school in lower case",
        SCHOOL,
        "Child Q started at brackenfold primary school in Year 1.",
        "PII010",
        "",
    ),
    (
        "written-form",
        "written-dob-words",
        "a date of birth with the day in words",
        "fourteenth of March 2017",
        "Child Q was born on the fourteenth of March 2017.",
        "PII004",
        "",
    ),
    (
        "number-form",
        "number-postcode-line-break",
        "a postcode split by a line break (<br>)",
        POSTCODE,
        "The family moved near NS4<br>7QX in the spring.",
        "PII002",
        "",
    ),
    (
        "location",
        "location-coordinates",
        "map coordinates of the family's caravan in the body",
        GPS_TEXT,
        f"The family's caravan was parked at {GPS_TEXT} for the summer.",
        "PII013",
        "",
    ),
    (
        "location",
        "location-what3words",
        "a what3words address of the family's caravan",
        "filled.count.soap",
        "The caravan was parked at ///filled.count.soap by the canal.",
        "PII013",
        "",
    ),
    (
        "location",
        "location-map-link",
        "a map link to the family's caravan",
        GPS_TEXT,
        "See the [map of the caravan site](https://www.google.com/maps?q=53.4012,-2.2034).",
        "PII013",
        "",
    ),
    (
        "raw-html-attribute",
        "attribute-class",
        "the name as a class in raw HTML",
        NAME,
        '<span class="zebedee-quinlan">Child Q</span> was seen at home.',
        "PII001",
        "",
    ),
    (
        "raw-html-attribute",
        "attribute-data",
        "the name as a data- attribute's value in raw HTML",
        NAME,
        '<span data-child="zebedee-quinlan">Child Q</span> was seen at home.',
        "PII001",
        "",
    ),
    (
        "raw-html-attribute",
        "attribute-lang",
        "the name as a lang attribute in raw HTML",
        NAME,
        '<span lang="zebedee-quinlan">Child Q</span> was seen at home.',
        "PII001",
        "",
    ),
]
for channel, id_, description, value, text, code, leak in MORE:
    case(
        id_,
        channel,
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=text[:15],
        code=code,
        **({"known_leak": leak} if leak else {"expect": R}),
    )

# --- Text drawn in another order than the file writes it ---------------------------------
# A reader sees where text is drawn; the file can write it in any order. Each
# page is read both ways (lscb_checks.text.pdf_order). A forename left alone
# on a line (a paragraph drawn bottom to top, a surname drawn after the next
# line, a table drawn column by column) is already refused as a forename
# (PII011): those are in tests/test_pdf_reading_order.py.


def drawn_pdf(content: str) -> tuple:
    return review_pdf(media.make_pdf_from_content(content))


_LETTERS = media.courier_letters(NAME, 72, 700)
DRAWN = [
    (
        "pdf-drawn-out-of-order",
        "the review PDF draws the forename left of the surname, written after it",
        NAME,
        f"BT /F1 12 Tf 72 700 Td ({SURNAME}) Tj -60 0 Td ({FORENAME}) Tj ET",
        "PII001",
    ),
    (
        "pdf-letters-out-of-order",
        "the review PDF places the name's letters one by one, every second one first",
        NAME,
        media.drawn_at(_LETTERS[1::2] + _LETTERS[::2]),
        "PII001",
    ),
    (
        "pdf-kerned-back",
        "the review PDF draws the surname, then moves back in the same TJ array to draw the forename before it",
        NAME,
        media.kerned_back(SURNAME, FORENAME, 200, 700),
        "PII001",
    ),
    (
        "pdf-postcode-out-of-order",
        "the review PDF draws the second half of the postcode, then the sentence before it",
        POSTCODE,
        media.drawn_at(
            [
                (media.courier_end("The family moved to NS4 "), 700, "7QX in the spring."),
                (72, 700, "The family moved to NS4"),
            ]
        ),
        "PII002",
    ),
    (
        "pdf-dob-out-of-order",
        "the review PDF draws the month and year of birth, then the day before them",
        DOB,
        media.drawn_at(
            [(media.courier_end("Child Q was born on 14 "), 700, "March 2017."), (72, 700, "Child Q was born on 14")]
        ),
        "PII004",
    ),
]
for id_, description, value, content, code in DRAWN:
    case(id_, "pdf", description, value, drawn_pdf(content), PDF, code=code, expect=R)

# --- Forms the name, address, school, date and location detectors do not read yet ----------
# Each is written as a reader reads the identifier: two cases in one name,
# an initial without its full stop, a title with one, a handle inside a web
# address, a school name with "and", a date of birth after "birth", a
# location as a plus code. All leak today.

FORMS = [
    # Names: the forename and the surname in two different cases.
    (
        "written-form",
        "written-mixed-lower-forename",
        "forename in lower case, surname capitalised",
        NAME,
        "The reviewer met zebedee Quinlan twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-mixed-capitals-forename",
        "forename in capitals, surname capitalised",
        NAME,
        "The reviewer met ZEBEDEE Quinlan twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-mixed-capitals-surname",
        "forename capitalised, surname in capitals",
        NAME,
        "The reviewer met Zebedee QUINLAN twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-surname-first-capitals",
        "surname first in capitals, as police records write it",
        "QUINLAN ZEBEDEE",
        "The police record listed QUINLAN, ZEBEDEE as the child.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-table-capitals",
        "forename and surname in capitals in two cells of a family table",
        NAME,
        "| Forename | Surname | Role |\n| --- | --- | --- |\n| ZEBEDEE | QUINLAN | subject |",
        "PII001",
        None,
    ),
    # Initials: without a full stop, without a space, before capitals or in lower case.
    (
        "written-form",
        "written-initial-no-full-stop",
        "an initial without a full stop ('Z Quinlan')",
        "Z Quinlan",
        "Z Quinlan was seen twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-initial-no-space",
        "an initial joined to the surname ('Z.Quinlan')",
        "Z.Quinlan",
        "Z.Quinlan was seen twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-initial-capitals",
        "an initial and the surname in capitals ('Z. QUINLAN')",
        "Z. QUINLAN",
        "The form was signed Z. QUINLAN in capitals.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-initial-lower",
        "an initial and the surname in lower case ('z quinlan')",
        "z quinlan",
        "The form was signed z quinlan in pen.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-initial-years",
        "an initial and the surname before the years of a life",
        "Z. Quinlan",
        "The board remembers Z. Quinlan (2017 to 2023).",
        "PII001",
        None,
    ),
    # Titles: with a full stop in lower case or capitals, and titles the list does not hold.
    (
        "written-form",
        "written-title-full-stop-lower",
        "a title with a full stop in lower case ('mrs. quinlan')",
        "Mrs Quinlan",
        "The reviewer met mrs. quinlan twice at home.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-title-full-stop-capitals",
        "a title with a full stop in capitals ('MRS. QUINLAN')",
        "Mrs Quinlan",
        "THE REVIEWER MET MRS. QUINLAN TWICE AT HOME.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-title-baby",
        "'Baby' and the surname, as a maternity ward labels a newborn",
        "Baby Quinlan",
        "Baby Quinlan was discharged from hospital after four days.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-title-master",
        "'Master' and the surname",
        "Master Quinlan",
        "The letter was addressed to Master Quinlan.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-surname-children",
        "the surname before 'children' without 'the'",
        "Quinlan children",
        "Both Quinlan children attended the same school.",
        "PII012",
        None,
    ),
    # Handles: inside a web address, without an @, or in lower case joined by a hyphen.
    (
        "written-form",
        "written-handle-in-address",
        "a handle inside a profile address ('tiktok.com/@...')",
        NAME,
        "Mother posted videos at tiktok.com/@zebedee_quinlan on a video app.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-handle-no-at",
        "a user name made of the name, without @",
        NAME,
        "Mother posted videos as zebedee_quinlan17 on a video app.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-profile-address",
        "a profile address made of the name ('instagram.com/...')",
        NAME,
        "Mother posted photos at instagram.com/zebedee.quinlan for a year.",
        "PII001",
        None,
    ),
    (
        "written-form",
        "written-lower-hyphen",
        "forename and surname joined by a hyphen in lower case",
        NAME,
        "Her username was zebedee-quinlan on the game.",
        "PII001",
        None,
    ),
    (
        "forename-list",
        "forename-unlisted-short-form",
        "a short form of the forename ('Zeb Quinlan')",
        "Zeb Quinlan",
        "The reviewer met Zeb Quinlan twice at home.",
        "PII001",
        None,
    ),
    # Streets, schools, dates of birth.
    (
        "written-form",
        "written-address-kind-lower",
        "street address with the kind of street in lower case",
        "27 Marlpit lane",
        "The family lived at 27 Marlpit lane for a year.",
        "PII003",
        "",
    ),
    (
        "written-form",
        "written-address-number-abbreviation",
        "street address after 'No.' ('No.27 Marlpit Lane')",
        ADDRESS,
        "The family lived at No.27 Marlpit Lane for a year.",
        "PII003",
        "",
    ),
    (
        "written-form",
        "written-school-capitals",
        "a named school in capitals",
        SCHOOL,
        "Child Q started at BRACKENFOLD PRIMARY SCHOOL in Year 1.",
        "PII010",
        "",
    ),
    (
        "written-form",
        "written-school-mixed",
        "a named school with the kind in lower case",
        SCHOOL,
        "Child Q started at Brackenfold primary school in Year 1.",
        "PII010",
        "",
    ),
    (
        "written-form",
        "written-school-and",
        "a named school whose kind has 'and' ('Junior and Infant School')",
        "Brackenfold Junior and Infant School",
        "Child Q started at Brackenfold Junior and Infant School in Year 1.",
        "PII010",
        "",
    ),
    (
        "written-form",
        "written-school-hashtag",
        "a school's hashtag ('#BrackenfoldPrimary')",
        "Brackenfold Primary",
        "The school posted on #BrackenfoldPrimary about the trip.",
        "PII010",
        "",
    ),
    (
        "written-form",
        "written-dob-birth-noun",
        "a date of birth after 'birth' ('Child Q's birth on ...')",
        DOB,
        f"Child Q's birth on {DOB} was two weeks early.",
        "PII004",
        "",
    ),
    (
        "written-form",
        "written-dob-hyphens",
        "a date of birth written 14-Mar-2017",
        "14-Mar-2017",
        "Child Q (born 14-Mar-2017) lived with Mother.",
        "PII004",
        "",
    ),
    # Phone numbers.
    (
        "number-form",
        "number-mobile-international-hyphens",
        "a mobile in international form with hyphens",
        "7700 900461",
        "Mother's number was +44-7700-900461.",
        "PII005",
        "",
    ),
    (
        "number-form",
        "number-mobile-0044-spaced",
        "a mobile after '00 44'",
        "7700 900461",
        "Mother's number was 00 44 7700 900461.",
        "PII005",
        "",
    ),
    (
        "number-form",
        "number-mobile-whatsapp-link",
        "a mobile in a WhatsApp link (wa.me/44...)",
        "7700 900461",
        "Mother messaged from [WhatsApp](https://wa.me/447700900461).",
        "PII005",
        "",
    ),
    # Precise locations.
    (
        "location",
        "location-hemisphere-first",
        "coordinates with the hemisphere first, as a GPS unit shows them",
        "53\u00b0 24.067",
        "The caravan was at N 53\u00b0 24.067' W 002\u00b0 12.203' for the summer.",
        "PII013",
        "",
    ),
    (
        "location",
        "location-plus-code",
        "a plus code (Open Location Code) of the family's caravan",
        "9C5VCQ2W+F9",
        "The caravan was at 9C5VCQ2W+F9 for the summer.",
        "PII013",
        "",
    ),
    (
        "location",
        "location-w3w-abbreviated",
        "a what3words address after 'w3w:'",
        "filled.count.soap",
        "The caravan was at w3w: filled.count.soap by the canal.",
        "PII013",
        "",
    ),
]
for channel, id_, description, value, text, code, leak in FORMS:
    case(
        id_,
        channel,
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=text.split("\n")[-1][:15],
        code=code,
        **({"known_leak": leak} if leak else {"expect": R}),
    )
case(
    "written-mixed-title",
    "written-form",
    "forename in capitals, surname capitalised, in the Title",
    NAME,
    [review(Title=f"ZEBEDEE Quinlan: {TITLE}")],
    PLACE,
    line="Title:",
    code="PII001",
    expect=R,
)
case(
    "guidance-mixed-capitals",
    "other-page",
    "forename in capitals, surname capitalised, on a guidance page",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, "For example, ZEBEDEE Quinlan was referred last year.")],
    GUIDANCE,
    line="For example",
    code="PII001",
    expect=R,
)

# --- Pseudonyms and credits that declare the name safe in other shapes ---------------------
# A declared pseudonym is trusted everywhere; REV013 reads each entry by its
# folded words (any case, hyphens, initials) and refuses two entries written
# side by side as one name; a credit's role must be an author's or a chair's.

DECLARED = [
    ("pseudonym-lower", "the full name declared in lower case", "zebedee quinlan"),
    ("pseudonym-parts", "the forename and the surname declared as two pseudonyms", "Zebedee, Quinlan"),
    ("pseudonym-initial", "an initial and the surname declared", "Z. Quinlan"),
    ("pseudonym-capitals", "the full name declared in capitals", "ZEBEDEE QUINLAN"),
    ("pseudonym-hyphen", "the full name joined by a hyphen", "Zebedee-Quinlan"),
]
for kind, description, declared in DECLARED:
    written = (
        "Z. Quinlan" if kind == "pseudonym-initial" else ("Zebedee-Quinlan" if kind == "pseudonym-hyphen" else NAME)
    )
    case(
        f"declared-{kind}",
        "declared-field",
        f"{description}, then written in the Summary",
        written,
        [review(Pseudonyms=f"{PSEUDONYMS}, {declared}", Summary=f"How agencies worked with {written} {SUMMARY_TAIL}")],
        PLACE,
        line="Pseudonyms:",
        code="REV013",
        expect=R,
    )
case(
    "declared-credit-young-person",
    "declared-field",
    "Credits names the child as 'the young person at the centre of this review'",
    NAME,
    [review(Credits=f"{NAME} (the young person at the centre of this review)")],
    PLACE,
    line="Credits:",
    code="META006",
    expect=R,
)

# --- Second round: surname first without a comma, a surname and a bare initial, an initial
# after any capitalised word --------------------------------------------------------------
# Each was a leak until name_forms read a family name before an initial or a
# forename (surname_initial, surname_forename) and an initial after any word
# but a pseudonym label.
CHRONOLOGY = "| Date | Event |\n| --- | --- |\n| 3 May 2021 | {} seen at A&E with a burn |"
SECOND_ROUND = [
    (
        "written-surname-first-initial-chronology",
        "surname and initial in capitals in a chronology row ('QUINLAN Z')",
        "QUINLAN Z",
        CHRONOLOGY.format("QUINLAN Z"),
        "| 3 May 2021",
    ),
    (
        "written-surname-comma-initial",
        "surname, comma, initial without a stop ('Quinlan, Z')",
        "Quinlan, Z",
        "The GP record is headed Quinlan, Z (Child Q).",
        "The GP record",
    ),
    (
        "written-surname-first-capitals-no-comma",
        "surname in capitals then the forename, no comma ('QUINLAN Zebedee')",
        "QUINLAN Zebedee",
        CHRONOLOGY.format("QUINLAN Zebedee"),
        "| 3 May 2021",
    ),
    (
        "written-surname-first-title-case",
        "surname then forename in title case, no comma ('Quinlan Zebedee')",
        "Quinlan Zebedee",
        "The GP record is headed Quinlan Zebedee (Child Q).",
        "The GP record",
    ),
    (
        "written-surname-first-all-capitals",
        "surname then forename, both in capitals, no comma",
        "QUINLAN ZEBEDEE",
        CHRONOLOGY.format("QUINLAN ZEBEDEE"),
        "| 3 May 2021",
    ),
    (
        "written-surname-first-lower",
        "surname then forename in lower case ('quinlan zebedee')",
        "quinlan zebedee",
        "The GP record is headed quinlan zebedee (Child Q).",
        "The GP record",
    ),
    (
        "written-title-initial-capitals",
        "a title, an initial and the surname in capitals ('MR Z QUINLAN')",
        "Z QUINLAN",
        "The letter was addressed to MR Z QUINLAN at home.",
        "The letter was",
    ),
    (
        "written-initial-after-dear",
        "an initial and surname after 'Dear' ('Dear Z Quinlan')",
        "Z Quinlan",
        "The letter began Dear Z Quinlan and was short.",
        "The letter began",
    ),
    (
        "written-initial-after-label",
        "an initial and surname after a capitalised label ('Pupil Z. Quinlan')",
        "Z. Quinlan",
        "The register listed Pupil Z. Quinlan as absent.",
        "The register listed",
    ),
]
for id_, description, value, text, line in SECOND_ROUND:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII001",
        expect=R,
    )
case(
    "written-surname-initial-title",
    "written-form",
    "surname and initial in capitals in the Title ('QUINLAN Z')",
    "QUINLAN Z",
    [review(Title=f"QUINLAN Z: {TITLE}")],
    PLACE,
    line="Title:",
    code="PII001",
    expect=R,
)
case(
    "written-surname-initial-alt",
    "written-form",
    "surname and initial in image alt text ('Quinlan Z')",
    "Quinlan Z",
    [review(replace=[(ALT, "A scan of the file for Quinlan Z, using pseudonyms")])],
    PLACE,
    line="![",
    code="PII001",
    expect=R,
)
case(
    "pdf-surname-initial",
    "pdf",
    "surname and initial on a page of the review's PDF ('Quinlan Z')",
    "Quinlan Z",
    review_pdf(pdf(PDF_PAGES[0], "Findings\nQuinlan Z was not seen alone.")),
    PDF,
    code="PII001",
    expect=R,
)
case(
    "annual-surname-initial",
    "other-page",
    "surname and initial in capitals in an annual report's case study",
    "QUINLAN Z",
    [page_text(ANNUAL, CASE_STUDY, "One case study (QUINLAN Z) showed delay.")],
    ANNUAL,
    line="One case study",
    code="PII001",
    expect=R,
)

ADDRESS_FORMS = [
    (
        "written-address-la",
        "a street type shortened to 'La.' ('27 Marlpit La.')",
        "27 Marlpit La",
        "The family lived at 27 Marlpit La. for a year.",
        "",
    ),
    (
        "written-address-ln-capitals",
        "a shortened street type in capitals ('27 MARLPIT LN')",
        "27 MARLPIT LN",
        "ADDRESS: 27 MARLPIT LN",
        "",
    ),
    (
        "written-address-no-street-type",
        "a house number and a street name with no street type",
        "27 Marlpit",
        "The family lived at 27 Marlpit, Northshire, for a year.",
        "",
    ),
]
for id_, description, value, text, leak in ADDRESS_FORMS:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=text[:15],
        code="PII003",
        **({"known_leak": leak} if leak else {"expect": R}),
    )


def annual_fields(**fields):
    return page(ANNUAL, fields_text({**ANNUAL_FIELDS, **fields}) + "\n\n" + ANNUAL_BODY)


case(
    "metadata-change-note-surname-initial",
    "metadata",
    "surname and initial in a review's Change_note (shown on the updates page)",
    "QUINLAN Z",
    [review(Modified="2026-11-01", Change_note="Removed QUINLAN Z from page 4.")],
    PLACE,
    line="Change_note:",
    code="PII001",
    expect=R,
)
case(
    "metadata-approved-by-surname-initial",
    "metadata",
    "surname and initial as an annual report's Approved_by",
    "QUINLAN Z",
    [annual_fields(Approved_by="QUINLAN Z")],
    ANNUAL,
    line="Approved_by:",
    code="PII001",
    expect=R,
)
case(
    "metadata-annual-summary-surname-first",
    "metadata",
    "surname then forename in an annual report's Summary",
    "Quinlan Zebedee",
    [annual_fields(Summary="What we learned from the review about Quinlan Zebedee.")],
    ANNUAL,
    line="Summary:",
    code="PII001",
    expect=R,
)

# A family name the surname list does not hold, written without the capitals
# that give evidence of a name: read with a person in the sentence, in the
# police records' order, or in a handle (lscb_checks.text.unlisted_names).
RARE = "Tobias Fenwrighte"
case(
    "written-rare-surname-lower",
    "written-form",
    "a full name in lower case whose family name is in no list",
    RARE,
    [body("tobias fenwrighte")],
    PLACE,
    line=MET,
    code="PII001",
    expect=R,
)
case(
    "written-rare-surname-first",
    "written-form",
    "surname first in capitals, a family name in no list",
    "FENWRIGHTE Tobias",
    [review(after_findings="Referrals about FENWRIGHTE Tobias went to the hub.")],
    PLACE,
    line="Referrals about",
    code="PII001",
    expect=R,
)
case(
    "pdf-rare-surname-handle",
    "pdf",
    "a handle of a name whose family name is in no list, in the review's PDF",
    "tobias_fenwrighte",
    review_pdf(pdf(PDF_PAGES[0], "Mother posted as @tobias_fenwrighte on a video app.")),
    PDF,
    code="PII001",
    expect=R,
)

# Third round against lscb_checks.text.unlisted_names and the home-address
# reader (now _ADDRESS_AFTER_CUE): a family name in no list without capitals, and
# a house number with a street name but no street type, written in the other
# ways a review writes them. Each leaked when it was written; those still
# leaking carry their reason.
RARE_FORMS = [
    (
        "written-rare-surname-table-lower",
        "a family-composition table row in lower case, family name in no list",
        "tobias fenwrighte",
        "| Name | Relationship to Child Q | Age at the time |\n| --- | --- | --- |\n| tobias fenwrighte | brother | 9 |",
        "| tobias",
        "",
    ),
    (
        "written-rare-surname-no-person-word",
        "a full name in lower case with no person word in its sentence",
        "tobias fenwrighte",
        "Records for tobias fenwrighte were not shared between agencies.",
        "Records for",
        "",
    ),
    (
        "written-rare-surname-after-label",
        "a family member's label, a colon and the name in lower case",
        "amara fenwrighte",
        "Who is who:\n\n- Mother: amara fenwrighte (32)\n- Child Q: the subject of the review",
        "- Mother:",
        "",
    ),
    (
        "written-unlisted-forename-and-surname",
        "a forename and a family name both in no list, in title case",
        "Odalysine Trevarrow",
        "The social worker met Odalysine Trevarrow at the clinic.",
        "The social worker",
        "",
    ),
    (
        "written-rare-surname-wrapped",
        "a lower-case name across a line break in the Markdown source",
        "tobias fenwrighte",
        "The health visitor wrote that tobias\nfenwrighte was not brought to two appointments.",
        "The health visitor",
        "",
    ),
    (
        "written-rare-surname-everyday-forename",
        "a forename that is an everyday word, in capitals ('GRACE')",
        "GRACE FENWRIGHTE",
        "HER SISTER GRACE FENWRIGHTE WAS SEEN AT SCHOOL.",
        "HER SISTER",
        "",
    ),
    (
        "written-rare-surname-title-capitals",
        "a title and a family name in no list, in capitals ('MRS FENWRIGHTE')",
        "MRS FENWRIGHTE",
        "| Date | Event |\n| --- | --- |\n| 3 May 2021 | POLICE SPOKE TO MRS FENWRIGHTE AT HOME |",
        "| 3 May 2021",
        "",
    ),
    (
        "written-rare-surname-middle-initial",
        "forename, middle initial, family name in no list, in capitals",
        "TOBIAS J FENWRIGHTE",
        "THE REVIEWER MET TOBIAS J FENWRIGHTE AT HOME.",
        "THE REVIEWER",
        "",
    ),
    (
        "written-rare-surname-handle-run-together",
        "a handle with forename and family name run together",
        "tobiasfenwrighte",
        "Mother posted videos as @tobiasfenwrighte on a video app.",
        "Mother posted",
        "",
    ),
    (
        "written-rare-surname-handle-surname-first",
        "a handle with the family name first ('@fenwrighte_tobias')",
        "fenwrighte_tobias",
        "Mother posted videos as @fenwrighte_tobias on a video app.",
        "Mother posted",
        "",
    ),
    (
        "written-rare-surname-handle-no-at",
        "a user name with no '@' ('tobias_fenwrighte09')",
        "tobias_fenwrighte",
        "Mother's account, tobias_fenwrighte09, posted the video.",
        "Mother's account",
        "",
    ),
    (
        "written-rare-surname-handle-in-address",
        "a handle inside a profile address ('tiktok.com/@tobias_fenwrighte')",
        "tobias_fenwrighte",
        "Mother posted at tiktok.com/@tobias_fenwrighte about the move.",
        "Mother posted",
        "",
    ),
    (
        "written-rare-surname-baby",
        "a maternity label: 'Baby' and a family name in no list",
        "Baby Fenwrighte",
        "The maternity record was labelled Baby Fenwrighte.",
        "The maternity",
        "",
    ),
    (
        "written-rare-surname-accented-lower",
        "a lower-case name whose family name has an accent ('wójtowiczek')",
        "tomasz wójtowiczek",
        "The reviewer met tomasz wójtowiczek twice at home.",
        MET,
        "",
    ),
]
for id_, description, value, text, line, leak in RARE_FORMS:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII001",
        **({"known_leak": leak} if leak else {"expect": R}),
    )

CHRONOLOGY_ROW = "| Date | Event |\n| --- | --- |\n| 3 May 2021 | {} |"
HOME_FORMS = [
    (
        "written-address-no-type-attended",
        "a chronology row: police attended a house number and street, no type",
        CHRONOLOGY_ROW.format("Police attended 27 Marlpit after a 999 call from a neighbour"),
        "| 3 May 2021",
        "",
    ),
    (
        "written-address-no-type-house-at",
        "'the house at' a house number and street, no type",
        "Police attended the house at 27 Marlpit, Northshire, after a 999 call.",
        "Police attended",
        "",
    ),
    (
        "written-address-no-type-lived-with",
        "'lived with grandmother at' a house number and street, no type",
        "The family lived with maternal grandmother at 27 Marlpit until May 2021.",
        "The family lived",
        "",
    ),
    (
        "written-address-no-type-evicted",
        "'evicted from' a house number and street, no type",
        "Mother was evicted from 27 Marlpit in May 2021 for rent arrears.",
        "Mother was evicted",
        "",
    ),
    (
        "written-address-no-type-since",
        "'lived at' a house number and street, no type, then 'since'",
        "The family lived at 27 Marlpit since 2019.",
        "The family lived",
        "",
    ),
    (
        "written-address-no-type-subject",
        "a house number and street, no type, starting the sentence",
        "27 Marlpit was searched on 3 May and drugs were found.",
        "27 Marlpit",
        "",
    ),
    (
        "written-address-no-type-table",
        "a house number and street, no type, in an Address column",
        "| Household | Address |\n| --- | --- |\n| Mother and Child Q | 27 Marlpit |",
        "| Mother and",
        "",
    ),
    (
        "written-address-no-type-the",
        "a street named 'The ...' with a house number ('27 The Maltings')",
        "The family lived at 27 The Maltings, Northshire, for a year.",
        "The family lived",
        "",
    ),
    (
        "written-address-house-name",
        "a house name with no number ('Marlpit Farm, Northshire')",
        "The family lived at Marlpit Farm, Northshire, for a year.",
        "The family lived",
        "",
    ),
]
for id_, description, text, line, leak in HOME_FORMS:
    value = next(v for v in ("27 The Maltings", "Marlpit Farm", "27 Marlpit") if v in text)
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII003",
        **({"known_leak": leak} if leak else {"expect": R}),
    )
case(
    "pdf-address-no-type-attended",
    "pdf",
    "'Police attended' a house number and street with no type, in the PDF",
    "27 Marlpit",
    review_pdf(pdf(PDF_PAGES[0], "Findings\nPolice attended 27 Marlpit after a 999 call.")),
    PDF,
    code="PII003",
    expect=R,
)

# Fourth round. english-rare.txt (wordfreq, Zipf 1.5 to 3) holds thousands of
# real family names (Petrenko, Savchenko, Jankovic, Hawkesworth), and a word in
# it is never an unknown word; before 2552c1b each of these was read.
RARE_ENGLISH = "the family name is in english-rare.txt, so it is not an unknown word, and no list holds it as a name"
ROUND4_NAMES = [
    (
        "written-rare-english-surname-lower",
        "a lower-case name whose family name is in english-rare.txt",
        "oksana petrenko",
        "The reviewer met oksana petrenko twice at home.",
        MET,
        "",
    ),
    (
        "written-rare-english-surname-capitals",
        "a name in capitals whose family name is in english-rare.txt",
        "OKSANA PETRENKO",
        "THE REVIEWER MET OKSANA PETRENKO AT HOME.",
        "THE REVIEWER",
        "",
    ),
    (
        "written-rare-english-surname-table",
        "a family table row in lower case, family name in english-rare.txt",
        "dmytro savchenko",
        "| Name | Relationship to Child Q | Age at the time |\n| --- | --- | --- |\n| dmytro savchenko | brother | 9 |",
        "| dmytro",
        "",
    ),
    (
        "written-rare-english-surname-title",
        "a title and a family name in english-rare.txt, in capitals",
        "MRS PETRENKO",
        CHRONOLOGY_ROW.format("POLICE SPOKE TO MRS PETRENKO AT HOME"),
        "| 3 May 2021",
        "",
    ),
    (
        "written-rare-english-surname-handle",
        "a handle whose family name is in english-rare.txt",
        "oksana_petrenko",
        "Mother posted videos as @oksana_petrenko on a video app.",
        "Mother posted",
        "",
    ),
    (
        "written-rare-english-surname-first",
        "surname first in capitals, a family name in english-rare.txt",
        "PETRENKO Oksana",
        "Referrals about PETRENKO Oksana went to the hub.",
        "Referrals about",
        "",
    ),
    (
        "written-rare-english-surname-english",
        "a lower-case English family name in english-rare.txt",
        "tobias hawkesworth",
        "The reviewer met tobias hawkesworth twice at home.",
        MET,
        "",
    ),
    (
        "written-rare-english-surname-serbian",
        "a lower-case name, family name in english-rare.txt ('jankovic')",
        "luka jankovic",
        "Police spoke to luka jankovic at the address.",
        "Police spoke",
        "",
    ),
    (
        "written-rare-surname-forename-surname-capitals",
        "the records' 'Forename SURNAME' form, a family name in no list",
        "Tobias FENWRIGHTE",
        "The reviewer met Tobias FENWRIGHTE twice at home.",
        MET,
        "",
    ),
    (
        "written-rare-surname-notes-for",
        "a lower-case name after 'Health notes for', no person word",
        "tobias fenwrighte",
        "Health notes for tobias fenwrighte were not shared between agencies.",
        "Health notes",
        "",
    ),
    (
        "written-rare-surname-handle-hyphen",
        "a handle joined by a hyphen ('@tobias-fenwrighte', as Snapchat allows)",
        "tobias-fenwrighte",
        "Child Q was contacted on Snapchat by @tobias-fenwrighte in May.",
        "Child Q was contacted",
        "",
    ),
]
for id_, description, value, text, line, leak in ROUND4_NAMES:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII001",
        **({"known_leak": leak} if leak else {"expect": R}),
    )
case(
    "written-rare-english-surname-summary",
    "written-form",
    "the Summary, a family name in english-rare.txt",
    "oksana petrenko",
    [review(Summary=f"How agencies worked with oksana petrenko and her son {SUMMARY_TAIL}")],
    PLACE,
    line="Summary:",
    code="PII001",
    expect=R,
)
case(
    "pdf-rare-english-surname",
    "pdf",
    "the review's PDF, a lower-case name whose family name is in english-rare.txt",
    "oksana petrenko",
    review_pdf(pdf(PDF_PAGES[0], "Findings\nThe reviewer met oksana petrenko at home.")),
    PDF,
    code="PII001",
    expect=R,
)

ROUND4_HOMES = [
    (
        "written-address-no-type-following",
        "'Police attended' a house number and street, no type, then 'following'",
        "27 Marlpit",
        CHRONOLOGY_ROW.format("Police attended 27 Marlpit following a 999 call"),
        "| 3 May 2021",
        "",
    ),
    (
        "written-address-no-type-bracket",
        "'moved to' a house number and street, no type, then a bracket",
        "27 Marlpit",
        "The family moved to 27 Marlpit (a two-bedroom flat) in 2019.",
        "The family moved",
        "",
    ),
    (
        "written-address-no-type-address-as",
        "'gave her address as' a house number and street, no type",
        "27 Marlpit",
        "Mother gave her address as 27 Marlpit when she registered with the GP.",
        "Mother gave",
        "",
    ),
    (
        "written-address-no-type-listed-word",
        "'Police attended' a house number and a street named by a listed word",
        "14 Westfield",
        CHRONOLOGY_ROW.format("Police attended 14 Westfield after a 999 call from a neighbour"),
        "| 3 May 2021",
        "",
    ),
    (
        "written-address-no-type-rare-word",
        "'Police attended' a house number and a street named by a rare English word",
        "27 Hackworth",
        "Police attended 27 Hackworth after a 999 call.",
        "Police attended",
        "",
    ),
]
for id_, description, value, text, line, leak in ROUND4_HOMES:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII003",
        **({"known_leak": leak} if leak else {"expect": R}),
    )

# Sixth round. 6f08d1b reads a page's head (everything before `</head>`, or
# before a `<body>` tag) as a text of its own. The split is looked for in any
# markup the gate reads, an SVG drawing too, where `<body/>` is an unknown
# element that draws nothing: a label before it and the value after it are
# then never read together. Each of these was refused before 6f08d1b.
HEAD_SPLIT = (
    "a `<body/>` (or `<head></head>`) in the drawing ends its 'page head': the label before it "
    "and the value after it are read as two texts, and no detector reads across"
)


def svg_texts(*texts: str, between: str = "", title: str = "") -> str:
    """An SVG drawing with each of `texts` on a line of its own, and
    `between` (markup) after the first."""
    inner = [f"<title>{title}</title>"] if title else []
    for number, text in enumerate(texts):
        if number == 1 and between:
            inner.append(between)
        inner.append(f'<text x="4" y="{12 + 14 * number}" font-size="10" fill="#fff">{text}</text>')
    return media.make_svg_with("\n".join(inner))


ROUND6_SVG = [
    (
        "image-svg-body-split-dob",
        "'Date of birth:' and the date on two lines, an empty <body/> between",
        DOB,
        svg_texts("Date of birth:", DOB, between="<body/>"),
        "PII004",
        HEAD_SPLIT,
    ),
    (
        "image-svg-body-split-dob-numeric",
        "'DOB' and a numeric date on two lines, an empty <body/> between",
        "14/03/2017",
        svg_texts("DOB", "14/03/2017", between="<body/>"),
        "PII004",
        HEAD_SPLIT,
    ),
    (
        "image-svg-body-split-car",
        "'Mother's car' and an old registration on two lines, <body/> between",
        "P123 ABC",
        svg_texts("Mother's car", "P123 ABC", between="<body/>"),
        "PII009",
        HEAD_SPLIT,
    ),
    (
        "image-svg-head-split-dob",
        "'Date of birth:' and the date on two lines, an empty <head></head> between",
        DOB,
        svg_texts("Date of birth:", DOB, between="<head></head>"),
        "PII004",
        HEAD_SPLIT,
    ),
    (
        "image-svg-title-split-dob",
        "'Date of birth:' as the drawing's <title>, <body/>, the date as its text",
        DOB,
        media.make_svg_with(f'<title>Date of birth:</title><body/><text x="4" y="24">{DOB}</text>'),
        "PII004",
        HEAD_SPLIT,
    ),
    # Not from 6f08d1b: two <text> lines are two blocks, and a label in one
    # and the value in the other are not read together, nor are a forename
    # and a surname drawn on two lines (a genogram's box).
    (
        "image-svg-two-lines-name",
        "a forename and a surname drawn as two <text> lines (a genogram's box)",
        NAME,
        svg_texts(FORENAME, SURNAME),
        "PII001",
        "two <text> elements are two blocks; no name detector reads across a blank line, and the source "
        "checks read each <text> alone",
    ),
    (
        "image-svg-two-lines-address",
        "'Address:' and a house number and street with no type on two lines",
        "27 Marlpit",
        svg_texts("Address:", "27 Marlpit"),
        "PII003",
        "the cue 'Address:' must be on the same line as the house number (_CUE then [ \\t\\u00a0]+)",
    ),
    (
        "image-svg-two-lines-house-name",
        "'Lived at:' and a house name on two lines",
        "Marlpit Farm",
        svg_texts("Lived at:", "Marlpit Farm"),
        "PII003",
        "the cue must be on the same line as the house's name (_HOUSE_NAME_AFTER_CUE: [ \\t\\u00a0]+)",
    ),
]
# All refused since d08d14a (a head is read apart only on an HTML page that
# has one) and the commit after it (an SVG's <text> lines read as lines of
# one block): the last item of each row is why it leaked before.
for id_, description, value, data, code, _leaked in ROUND6_SVG:
    case(id_, "image", f"the review's SVG: {description}", value, review_image(SVG, data), SVG, code=code, expect=R)
case(
    "image-shared-svg-body-split-dob",
    "image",
    "an unlinked SVG in images/: 'Date of birth:' and the date on two lines, <body/> between",
    DOB,
    [put("images/timeline.svg", svg_texts("Date of birth:", DOB, between="<body/>"))],
    "images/timeline.svg",
    code="PII004",
    expect=R,
)
# Not from 6f08d1b (finditer_near finds what finditer found, tests/test_near.py):
# a house named without a number is read only after a cue on the same line,
# one word of living and "at", and at most three words of name.
ROUND6_HOMES = [
    (
        "written-house-name-wrapped",
        "a house name broken over two lines of the Markdown (hard-wrapped text)",
        "Marlpit Farm",
        "The family lived at Marlpit\nFarm, Northshire, for a year.",
        "The family lived",
        "the words of a house's name are joined only by [ \\t\\u00a0]+, and a hard-wrapped paragraph has a "
        "line break there (a browser shows a space)",
    ),
    (
        "written-house-name-wrapped-cue",
        "a house name on the line after 'lived at' (hard-wrapped text)",
        "Marlpit Farm",
        "The family lived at\nMarlpit Farm, Northshire, for a year.",
        "Marlpit Farm, Northshire",
        "the cue and the name are joined only by [ \\t\\u00a0]+, not a line break",
    ),
    (
        "written-house-name-lived-with",
        "'lived with maternal grandmother at' a house name",
        "Marlpit Farm",
        "Child Q lived with maternal grandmother at Marlpit Farm until May 2021.",
        "Child Q lived",
        "the word before 'at' must be a word of living ('lived'), here it is 'grandmother'",
    ),
    (
        "written-house-name-stayed-with",
        "'stayed with Father at' a house name",
        "Marlpit Farm",
        "Child Q stayed with Father at Marlpit Farm most weekends.",
        "Child Q stayed",
        "the word before 'at' must be a word of living ('stayed'), here it is 'Father'",
    ),
    (
        "written-house-name-quoted",
        "a house name in quotation marks",
        "Marlpit Cottage",
        "The family lived at 'Marlpit Cottage', Northshire, for a year.",
        "The family lived",
        "a quotation mark before the name does not start a word of the name ([A-Za-z])",
    ),
    (
        "written-house-name-four-words",
        "a house name of four words before the kind ('Higher Old Marlpit Mill Farm')",
        "Marlpit Mill Farm",
        "The family lived at Higher Old Marlpit Mill Farm, Northshire, for a year.",
        "The family lived",
        "a name holds at most three words before the kind ({1,3})",
    ),
    (
        "written-address-no-type-wrapped",
        "'Police attended' and a house number and street on the next line",
        "27 Marlpit",
        "Police attended\n27 Marlpit after a 999 call from a neighbour.",
        "27 Marlpit after",
        "the cue and the house number are joined only by [ \\t\\u00a0]+, not a line break",
    ),
]
# All refused since house names and addresses read across one line break,
# after "with" and up to three words, in quotation marks and with four words
# of name: the last item of each row is why it leaked before.
for id_, description, value, text, line, _leaked in ROUND6_HOMES:
    case(
        id_,
        "written-form",
        description,
        value,
        [review(after_findings=text)],
        PLACE,
        line=line,
        code="PII003",
        expect=R,
    )

# Found by the plants before stop 21 (both leaked with a passing build): a
# forename and a family name both in no word list after "heard from", and
# alone in the box of a review's drawing.
case(
    "written-unlisted-name-heard-from",
    "written-form",
    "a forename and a family name both in no list, after 'heard from'",
    "Odalysine Trevarrow",
    [review(after_findings="The panel heard from Odalysine Trevarrow about the plan.")],
    PLACE,
    line="The panel heard",
    code="PII001",
    expect=R,
)
case(
    "image-svg-two-lines-unlisted-name",
    "image",
    "the review's SVG: a forename and a family name both in no list, as two <text> lines (a genogram's box)",
    "Odalysine Trevarrow",
    review_image(SVG, svg_texts("Odalysine", "Trevarrow")),
    SVG,
    code="PII001",
    expect=R,
)

# Found by red-team round 7 (each published with a passing build): a space
# other than the ones the patterns join words with (a thin space, a figure
# space, a narrow no-break space, a form feed, an ideographic space) between
# the parts of an identifier, which a browser shows as a space.
for id_, description, value, text, line, code in (
    (
        "space-thin-postcode",
        "a postcode with a thin space",
        POSTCODE,
        f"The family's postcode was {POSTCODE.replace(' ', chr(0x2009))}.",
        "The family's postcode",
        "PII002",
    ),
    (
        "space-figure-dob",
        "born on, a figure space in the date",
        DOB,
        "Child Q was born on 14\u2007March 2017.",
        "Child Q was born",
        "PII004",
    ),
    (
        "space-narrow-address",
        "a street address with a narrow no-break space",
        "27 Marlpit Lane",
        "The family lived at 27 Marlpit\u202fLane.",
        "The family lived",
        "PII003",
    ),
    (
        "space-form-feed-unlisted-name",
        "two words in no list, a form feed between them",
        "Odalysine Trevarrow",
        "Mother's friend Odalysine\x0cTrevarrow visited.",
        "Mother's friend",
        "PII001",
    ),
    (
        "space-ideographic-row-dob",
        "a family row, ideographic spaces in the date",
        DOB,
        "Sibling 1 (M) 14\u3000March\u30002017",
        "Sibling 1 (M)",
        "PII004",
    ),
):
    case(id_, "written-form", description, value, [review(after_findings=text)], PLACE, line=line, code=code, expect=R)
case(
    "space-thin-guidance-name",
    "other-page",
    "a full name with a thin space in a guidance page",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, f"A referral about {NAME.replace(' ', chr(0x2009))} was made by the school.")],
    GUIDANCE,
    line="A referral about",
    code="PII001",
    expect=R,
)
# ... and a paragraph of zero-width spaces, nothing on the page, which took up
# the 250 characters a block's key holds of the text beside it: the date under
# "Date of birth:" counted as read, having been read under "Note:".
_ZERO_WIDTH = "\u200b" * 300
case(
    "zero-width-paragraph-dob",
    "markup-split",
    "a date of birth under its label, a paragraph of zero-width spaces between, the same date read harmlessly above",
    DOB,
    [
        page(
            "pages/family-notes.md",
            f"Title: Family notes\nSummary: A page about referrals.\n\nNote:\n\n{_ZERO_WIDTH}\n\n{DOB}\n\n{_ZERO_WIDTH}\n\n"
            f"Date of birth:\n\n{_ZERO_WIDTH}\n\n{DOB}\n\n{_ZERO_WIDTH}\n",
        )
    ],
    "pages/family-notes.md",
    code="PII004",
    expect=R,
)

# --- Training and events (content/events/): their fields, pages and .ics files ---
EVENT = "events/working-with-fathers.md"


def event(**fields) -> tuple:
    """An event of content/events/ with these fields changed."""
    merged = {
        "Title": "Working with fathers: briefing",
        "Date": "2026-11-02",
        "Start": "2027-02-03 09:30",
        "End": "2027-02-03 12:30",
        "Location": "online",
        "Audience": "Practitioners in health and children's services",
        "Cost": "Free",
        "Booking": "https://booking.northshire-scb.example/fathers",
        "Summary": "A short briefing on involving fathers and male carers in assessments.",
        **fields,
    }
    header = "\n".join(f"{name}: {value}" for name, value in merged.items() if value is not None)
    return (page(EVENT, f"{header}\n\n## What it covers\n\nHow to involve fathers in plans.\n"),)


# Audience and Cost were written into the page as HTML, where no check of
# markup runs: a block a browser shows on its own line (<xmp>, <center>)
# joined the name to the word before it for the final check, and a script's
# comment is read for the registers only. Now escaped (event_facts.html), and
# the page's text is read as shown as well as with the escaped tags taken out.
for id_, field, written in (
    ("event-audience-xmp", "Audience", f"Social workers<xmp>{NAME}</xmp>"),
    ("event-cost-center", "Cost", f"Free<center>{NAME}</center>"),
    ("event-audience-script-comment", "Audience", f"Social workers<script>/* {NAME} */</script>"),
    ("event-cost-noscript-mobile", "Cost", f"Free<noscript>{MOBILE}</noscript>"),
):
    case(
        id_,
        "metadata",
        f"an event's {field} with markup around the identifier",
        MOBILE if "mobile" in id_ else NAME,
        event(**{field: written}),
        EVENT,
        line=f"{field}:",
        code="PII005" if "mobile" in id_ else "PII001",
        expect=R,
    )
# Escaped markup in a page's text was read only with its tags taken out,
# which joined the word before to the name ("workersZebedee Quinlan").
case(
    "escaped-tag-joins-word-guidance",
    "markup-split",
    "a name after escaped markup glued to the word before, in a guidance page",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, f"Social workers&lt;b&gt;{NAME} was referred by the school.")],
    GUIDANCE,
    line="Social workers",
    code="PII001",
    expect=R,
)
# An address's host is left out (it names a website): a user name before it
# was left out with it.
case(
    "event-booking-user-name",
    "file-name",
    "an event's Booking address with the name as its user name (https://name@host/)",
    NAME,
    event(Booking="https://zebedee.quinlan@booking.northshire-scb.example/book"),
    EVENT,
    line="Booking:",
    code="PII001",
    expect=R,
)
case(
    "event-booking-host",
    "file-name",
    "an event's Booking address whose host names the child",
    NAME,
    event(Booking="https://zebedee-quinlan.booking-northshire.example/book"),
    EVENT,
    known_leak="an address's host is not read as words (it names a website; reading it would flag real charities' sites)",
)
case(
    "script-comment-guidance",
    "other-page",
    "a name in a comment of a <script> in a guidance page",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, f"<script>/* {NAME} */</script>")],
    GUIDANCE,
    # A script in a page is refused as HTML a page may not hold (HTML005).
    expect=R,
)
case(
    "name-glued-to-word-guidance",
    "written-form",
    "a full name glued to the word before it (no space), in a guidance page",
    NAME,
    [page_text(GUIDANCE, GUIDANCE_LINE, f"Social workers{NAME} was referred by the school.")],
    GUIDANCE,
    known_leak="a forename is read only after a word boundary: 'workersZebedee' is one word",
)
case(
    "title-block-tag-about-page",
    "markup-split",
    "a name in an <xmp> after a word of a page's Title (shown on its own line)",
    NAME,
    [page("pages/about.md", f"Title: About the board<xmp>{NAME}</xmp>\n\nThe board brings agencies together.\n")],
    "pages/about.md",
    expect=R,
)

BY_ID = {c.id: c for c in CASES}
assert len(BY_ID) == len(CASES), "case ids must be unique"
