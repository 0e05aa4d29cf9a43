"""Phone numbers (PII005) in their international forms and in links that
dial or message them, built for real.

Each form is refused in a review, at its line, by the source checks, and on
a guidance page by the final gate over the built site, with the number
masked in every message and the last good output untouched. The quiet cases
are the board's own number written internationally or in a WhatsApp link,
helplines in international form and counts that sit next to "44".
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_published_gate import body, everything_published, snapshot  # noqa: E402

from conftest import guidance_markdown, review_markdown  # noqa: E402

GUIDANCE = "guidance/sharing-information.md"
REVIEW = "reviews/child-q.md"

# written, what no message may print
NUMBERS = {
    "+44 with hyphens": ("Mother's number was +44-7700-900461.", "7700-900461"),
    "+44 with dots": ("Mother's number was +44.7700.900461.", "7700.900461"),
    "00 44 with spaces": ("Mother's number was 00 44 7700 900461.", "7700 900461"),
    "00-44 with hyphens": ("Mother's number was 00-44-7700-900461.", "7700-900461"),
    "+44 (0)": ("Mother's number was +44 (0) 7700 900461.", "7700 900461"),
    "0044 (0)": ("Mother's number was 0044 (0)7700 900461.", "7700 900461"),
    "44 without + or 00": ("Mother's number was 447700900461.", "447700900461"),
    "44 spaced without + or 00": ("Mother's number was 44 7700 900461.", "7700 900461"),
    "wa.me link": ("Mother messaged from [WhatsApp](https://wa.me/447700900461).", "447700900461"),
    "wa.me link with +": ("Mother messaged from [WhatsApp](https://wa.me/+447700900461).", "447700900461"),
    "WhatsApp send?phone=": (
        "Mother messaged from [WhatsApp](https://api.whatsapp.com/send?phone=447700900461).",
        "447700900461",
    ),
    "Viber link, encoded +": ("Mother used [Viber](viber://chat?number=%2B447700900461).", "447700900461"),
    "tel: link": ("Mother left [her number](tel:+44-7700-900461) with the nursery.", "7700-900461"),
    "sms: link, bare 44": ("Mother left [her number](sms:447700900461) with the nursery.", "447700900461"),
    "landline in a tel: link, bare 44": ("The family's [landline](tel:441632960981) was cut off.", "441632960981"),
    "landline, 00 44": ("The family's landline was 00 44 1632 960981.", "1632 960981"),
    "landline only in a tel: link's address": ("The nursery had [her landline](tel:+441632960981).", "441632960981"),
}


@pytest.fixture
def good_site(scenario):
    scenario.write(REVIEW, review_markdown())
    scenario.write(GUIDANCE, guidance_markdown("Sharing information"))
    site = scenario.build()
    assert site.ok, site.messages()
    scenario.before = snapshot(scenario.output)
    return scenario


def refused_at(scenario, path: str, shown: str):
    site = scenario.build()
    assert not site.ok, f"the build passed; published: {shown in everything_published(scenario.output)}"
    hits = [f for f in site.result.findings if f.code == "PII005" and not f.waived and f.path.endswith(path)]
    assert hits, site.messages()
    assert snapshot(scenario.output) == scenario.before, "the last good output was changed"
    assert shown not in site.messages(), "a finding printed the number"
    return hits


def line_of(markdown: str, needle: str) -> int:
    return next(number for number, line in enumerate(markdown.split("\n"), 1) if needle in line)


@pytest.mark.parametrize("form", NUMBERS)
def test_a_number_in_a_review_is_refused_at_its_line(good_site, form):
    written, shown = NUMBERS[form]
    text = review_markdown(body(written))
    good_site.write(REVIEW, text)
    hits = refused_at(good_site, REVIEW, shown)
    assert [f.line for f in hits] == [line_of(text, written)], [f.as_text() for f in hits]


@pytest.mark.parametrize(
    "form",
    [
        "+44 with hyphens",
        "00 44 with spaces",
        "wa.me link",
        "Viber link, encoded +",
        "landline in a tel: link, bare 44",
        "landline only in a tel: link's address",
    ],
)
def test_a_number_on_a_guidance_page_is_refused_by_the_final_gate(good_site, form):
    written, shown = NUMBERS[form]
    text = guidance_markdown("Sharing information", body=written)
    good_site.write(GUIDANCE, text)
    hits = refused_at(good_site, GUIDANCE, shown)
    assert {f.line for f in hits} == {line_of(text, written)}, [f.as_text() for f in hits]


BOARD_NUMBER = "07700 900999"
QUIET = """Call the board's front door on +44-7700-900999, 00 44 7700 900999 or
[on WhatsApp](https://wa.me/447700900999), or [by text](sms:+447700900999).

Adults can call the NSPCC Helpline on 0808 800 5000; the council is on +44 (0)300 123 4567 or +44-300-123-4568.

The board met 44 times in the year; 7700 children were seen and 900461 contacts were logged.
In 2023, 44 7-year-olds and 12 8-year-olds were referred. See figures 44, 7700 and 900461.
The landline prefix 44 1632 960123 in prose is a count and two figures, not a number to ring."""


def test_the_boards_number_helplines_and_counts_stay_quiet(scenario):
    scenario.write(REVIEW, review_markdown(body(QUIET)))
    scenario.write(GUIDANCE, guidance_markdown("Sharing information", body=QUIET))
    contacts = [{"label": "Front door", "when": "Any time", "number": BOARD_NUMBER}]
    site = scenario.build(CONCERN_CONTACTS=contacts)
    assert site.ok, site.messages()
    assert not [f for f in site.result.findings if f.code == "PII005"], site.messages()


def test_the_boards_number_is_refused_without_its_setting(scenario):
    """The quiet case above is quiet about the board's number because of the
    setting: without it each way of writing it is reported."""
    scenario.write(REVIEW, review_markdown(body(QUIET)))
    site = scenario.build()
    assert not site.ok
    hits = [f for f in site.result.findings if f.code == "PII005"]
    assert len(hits) == 4, [f.as_text() for f in hits]
