"""The sites the bench builds: guidance pages of 800 to 2,500 words of prose,
no two alike (seeded by the page's number, so the same on every run), with
numbered paragraphs, footnotes, tables and links; versions for children;
reviews with a PDF each; standard pages. See lscb_cli.bench."""

from __future__ import annotations

import textwrap
from pathlib import Path

from .project import ROOT


def _pdf(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)}),
        }
    )
    lines = textwrap.wrap(text, 80)
    ops = ["BT /F1 11 Tf 14 TL 56 780 Td"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


GUIDANCE = """\
Title: Procedure {n}: working together on referral {n}
Date: 2025-{month:02d}-{day:02d}
Owner: Policy and Procedures Subgroup
Review_date: 2027-{month:02d}-{day:02d}
Summary: How agencies in Northshire share information and act on concerns, part {n}.

## Purpose

This procedure sets out how practitioners share information when they are worried about a child.[^1] It applies to every agency represented on the board.

{prose}

Practitioners should record what they saw, what the child said and what they did next. The record should be made on the same day.

## Responsibilities

The designated safeguarding lead in each agency makes sure staff know this procedure and can find it quickly.

| Agency | Contact route | Timescale |
| --- | --- | --- |
| Children's social care | Front door | Same day |
| Police | 101 or 999 | Immediately if a child is in danger |
| Health | Named nurse | Within one working day |

## Making a referral

Read [the related procedure](../guidance/procedure-{other}.md) before making a referral. Explain the concern clearly and say what the family has been told.

After a referral, children's social care decide within one working day what happens next and tell the person who referred.

## Escalation

If you disagree with a decision, speak to your manager and use the escalation procedure. Keep a record of the disagreement and what happened.

[^1]: Working Together to Safeguard Children 2023 describes these duties.
"""

CHILDREN = """\
Title: Who can help you, part {n}
Date: 2025-{month:02d}-{day:02d}
Version_of: guidance/procedure-{n}.md
Summary: People who can help if you feel worried or unsafe.

## If you are worried

You can tell a grown-up you trust. This could be a teacher, a nurse or a family friend.

They will listen to you. They will help you stay safe.

## If you are in danger

Call 999 if you are in danger now. You can call Childline on 0800 1111 at any time.
"""

REVIEW = """\
Title: Child R{n}: local child safeguarding practice review
Date: 2025-{month:02d}-{day:02d}
Review_type: lcspr
Child: Child R{n}
Pseudonyms: Child R{n}, Mother, Sibling 1, School A
Publication_decision: publish
Decision_date: 2025-{month:02d}-01
Decision_by: Independent Chair
Sibling_risk_assessed: yes
Criminal_proceedings: none
Themes: Neglect, Information sharing
Document: reviews/documents/child-r{n}-overview-report.pdf
Summary: A review of how agencies worked with a child who was harmed by neglect.

This review is fictional and was generated for a benchmark.

## About this review

Child R{n} lived with Mother and Sibling 1. Child R{n} attended School A, where staff noticed that Child R{n} was often hungry.

## Findings

Professionals knew parts of the picture but did not bring what they knew together. School A shared concerns with the health visitor but not with children's social care.

## Recommendations

1. Agencies should share concerns about neglect with children's social care.
2. The board should audit how schools record concerns.

## The board's response

The board accepted both recommendations. A new procedure has been agreed, and the audit will report to the board next year.

The full [overview report (PDF, {size})](documents/child-r{n}-overview-report.pdf) is available.
"""

PAGE = """\
Title: Information page {n}
Date: 2025-{month:02d}-{day:02d}
Summary: General information from the board, page {n}.

## What the board does

The board brings together the council, the police, health services and schools to keep children safe.

## Contact the board

Write to the board at County Hall if you have a question about its work.
"""


# Words of the prose each guidance page is given, so that no two pages say
# the same thing: a check that skips text it has read before (the theme's
# header on every page) gets no help from the content. All in lower case, so
# that no pair of them reads as a person's name.
_SUBJECTS = """the practitioner | the social worker | the school nurse | the designated safeguarding lead |
the health visitor | the police officer | each agency | the team manager | the family support worker |
the board | the referrer | the lead professional | every member of staff | the duty team |
the early help coordinator | the named doctor | the youth worker | the housing officer""".split("|")
_VERBS = """records | shares | reviews | checks | explains | agrees | discusses | escalates | considers |
confirms | updates | assesses | plans | writes down | follows up | reports | notes | asks about""".split("|")
_OBJECTS = """the concern | the child's views | what happened next | the plan | the outcome of the meeting |
the risks to the child | the family's needs | the timescale | the decision | the chronology |
the information held by other agencies | any injuries seen | the support offered | the referral |
the history of previous concerns | the safety plan | the school's records | the consent given""".split("|")
_ENDINGS = """on the same day | within one working day | before the strategy discussion | at the next review |
with the family's agreement where it is safe to ask | in the case record | as soon as possible |
with the manager | at the core group meeting | when the situation changes | without delay |
in line with this procedure | after speaking to the child | when the plan is reviewed""".split("|")
_LINKS = """Where there is doubt, | If the child is at risk, | In every case, | Where it is safe to do so, |
When the concern is about neglect, | After any missed appointment, | Before the case is closed, |
If the family disagree, | Where a child moves area, | When a new worker is allocated,""".split("|")


def _prose(n: int) -> str:
    """800 to 2,500 words of guidance prose, different for every page and
    the same on every run (seeded by the page number)."""
    import random

    rng = random.Random(n)
    target = rng.randint(800, 2500)
    paragraphs, words = [], 0
    while words < target:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            parts = [
                rng.choice(_SUBJECTS).strip(),
                rng.choice(_VERBS).strip(),
                rng.choice(_OBJECTS).strip(),
                rng.choice(_ENDINGS).strip(),
            ]
            if rng.random() < 0.4:
                parts.insert(0, rng.choice(_LINKS).strip())
            sentence = " ".join(parts)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if len(paragraphs) % 6 == 0:
            paragraphs.append(f"### Part {len(paragraphs) // 6} of the procedure")
    return "\n\n".join(paragraphs)


def generate(folder: Path, pages: int) -> None:
    """A synthetic site with `pages` content pages: 70% guidance, 10% versions
    for children, 10% reviews (each with a PDF) and 10% pages."""
    counts = {"guidance": int(pages * 0.7), "children": pages // 10, "reviews": pages // 10}
    counts["pages"] = pages - sum(counts.values())
    pdf_text = "Overview report. Child R{n} lived with Mother and Sibling 1. " * 20
    size = f"{max(1, round(len(_pdf(pdf_text.format(n=0))) / 1024))} KB"
    for kind in counts:
        (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / "reviews" / "documents").mkdir(exist_ok=True)
    for n in range(counts["guidance"]):
        fields = {
            "n": n,
            "month": n % 12 + 1,
            "day": n % 28 + 1,
            "other": (n + 1) % counts["guidance"],
            "prose": _prose(n),
        }
        (folder / "guidance" / f"procedure-{n}.md").write_text(GUIDANCE.format(**fields), encoding="utf-8")
    for n in range(counts["children"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 28 + 1}
        (folder / "children" / f"who-can-help-{n}.md").write_text(CHILDREN.format(**fields), encoding="utf-8")
    for n in range(counts["reviews"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 27 + 2, "size": size}
        (folder / "reviews" / f"child-r{n}.md").write_text(REVIEW.format(**fields), encoding="utf-8")
        (folder / "reviews" / "documents" / f"child-r{n}-overview-report.pdf").write_bytes(_pdf(pdf_text.format(n=n)))
    for n in range(counts["pages"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 28 + 1}
        (folder / "pages" / f"information-{n}.md").write_text(PAGE.format(**fields), encoding="utf-8")
    # The standard pages the theme's navigation and footer link to (without
    # their special templates, which Pelican's own theme does not have).
    for page in sorted((ROOT / "tests" / "fixtures" / "standard-pages").glob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "pages" / page.name).write_text(
            "".join(line for line in lines if not line.startswith("Template:")), encoding="utf-8"
        )
