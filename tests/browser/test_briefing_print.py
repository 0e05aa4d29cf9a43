"""A 7-minute briefing prints on one side of A4, measured in Chromium: each of
the demo's briefings, in every display mode, and a briefing of exactly
BRIEFING_WORD_LIMIT words; one over the budget is reported (BRF002) and
does run onto a second page, so the budget and the print stylesheet agree."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_briefings import SECTIONS  # noqa: E402

from conftest import build_site, markdown_file  # noqa: E402
from lscb_audit.browser import MODES, new_context  # noqa: E402
from lscb_audit.serve import Server  # noqa: E402
from lscb_checks.checks.briefing_length import count_words  # noqa: E402
from lscb_content.briefings import word_limit  # noqa: E402

from .conftest import _require_tools  # noqa: E402

SUMMARY = "What the board's audit of neglect cases found, for teams to talk through."
# Sentences of the length briefings use, and list items: the text of the
# measured briefings is both, as real ones are.
SENTENCE = "Professionals recorded each concern about the child on its own, so nobody saw the pattern."
ITEM = "- Ask who lives in the household and who visits, and record it."


def printed_pages(browser, url: str, mode: str = "default") -> int:
    """Pages of the PDF Chromium prints the page to on A4 paper, with the
    browser's own print margins, as a reader's Print would."""
    context = new_context(browser, mode)
    try:
        page = context.new_page()
        page.goto(url)
        pdf = page.pdf(format="A4", margin={"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"})
    finally:
        context.close()
    return len(PdfReader(io.BytesIO(pdf)).pages)


def briefing_of(words: int) -> str:
    """A briefing on a theme of about `words` words (as BRF002 counts them):
    each section a paragraph and two list items, then sentences added in
    turn until the count is reached."""
    paragraphs = {name: [SENTENCE] for name in SECTIONS}
    items = {name: [ITEM, ITEM] for name in SECTIONS}

    def text() -> str:
        return "\n\n".join(
            f"## {name}\n\n{' '.join(paragraphs[name])}\n\n" + "\n".join(items[name]) for name in SECTIONS
        )

    index = 0
    while count_words(SUMMARY + " " + text()) + count_words(SENTENCE) <= words:
        paragraphs[SECTIONS[index % len(SECTIONS)]].append(SENTENCE)
        index += 1
    fields = {"Title": "7-minute briefing: neglect audit", "Date": "2026-02-01", "Theme": "Neglect"}
    return markdown_file({**fields, "Summary": SUMMARY}, text() + "\n")


@pytest.mark.parametrize("mode", list(MODES))
def test_demo_briefings_print_on_one_side_of_a4(served_site, browser, mode):
    briefings = [p for p in served_site.pages if p.startswith("briefings/") and p.count("/") == 2]
    assert briefings, "the demo has no published briefing"
    for address in briefings:
        assert printed_pages(browser, served_site.url + address, mode) == 1, address


def test_the_word_budget_fits_one_side_and_more_does_not(browser, tmp_path):
    _require_tools()
    content = tmp_path / "content"
    limit = word_limit({})
    (content / "briefings").mkdir(parents=True)
    (content / "briefings" / "at-limit.md").write_text(briefing_of(limit), encoding="utf-8")
    (content / "briefings" / "over-limit.md").write_text(briefing_of(limit + 200), encoding="utf-8")
    site = build_site(content, tmp_path / "output")
    assert site.ok, site.messages()  # in a preview BRF002 warns
    over = [Path(f.path).name for f in site.result.findings if f.code == "BRF002"]
    assert over == ["over-limit.md"]
    with Server(site.output) as url:
        assert printed_pages(browser, url + "briefings/at-limit/") == 1
        assert printed_pages(browser, url + "briefings/over-limit/") > 1
