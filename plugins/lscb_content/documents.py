"""Annual reports may name a Document (their PDF): publish it with the page.

Reviews attach theirs in the review gate, only once they may be published."""

from __future__ import annotations

from lscb_core.articles import is_of_type
from lscb_core.build_state import build_state
from lscb_core.documents import attach_document


def attach_report_documents(generator) -> None:
    findings = []
    for article in generator.articles:
        if is_of_type(article, "annual-reports"):
            problem = attach_document(article, generator.context)
            if problem:
                findings.append(problem)
    if findings:
        build_state(generator.settings).report(findings)
