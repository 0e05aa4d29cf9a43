"""Paths a name could take into the site that the first version of the checks
did not see: found by building real sites, kept here so they stay closed."""

from __future__ import annotations

import pytest
from media import make_pdf, make_png
from register_helpers import write_register

from conftest import guidance_markdown, review_markdown

KEY = "leak-paths-board-key-2f6a1c0e93b84d5d"
NAME = "Chelsea Dawson"


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)


def _errors(site) -> list[tuple[str, str, int]]:
    return sorted(
        (f.path.rsplit("/", 2)[-2] + "/" + f.path.rsplit("/", 1)[-1], f.code, f.line)
        for f in site.result.findings
        if f.is_error
    )


def test_a_review_named_after_the_child_is_refused(scenario):
    scenario.write("reviews/chelsea-dawson.md", review_markdown())
    site = scenario.build()
    assert not site.ok
    assert _errors(site) == [("reviews/chelsea-dawson.md", "REV011", 1)]
    assert "Dawson" not in site.messages() and "Chelsea" not in site.messages()


def test_a_registered_name_in_any_page_file_name_is_found(scenario, keyed):
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", [NAME])
    scenario.write("guidance/chelsea-dawson.md", guidance_markdown("Neglect"))
    site = scenario.build()
    assert ("guidance/chelsea-dawson.md", "RED001", 1) in _errors(site)


def test_a_pdf_linked_by_its_site_address_is_read(scenario):
    scenario.write_bytes("documents/child-q-report.pdf", make_pdf([f"Overview. {NAME} told the reviewer."]))
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            "## Findings\n\nRead [the overview report (PDF, 1 KB)](/documents/child-q-report.pdf).\n\n"
            "## The board's response\n\nAccepted.\n"
        ),
    )
    site = scenario.build()
    assert ("reviews/child-q.md", "PII001", 16) in _errors(site)
    assert "child-q-report.pdf page 1" in site.messages()


def test_a_registered_name_in_an_unlinked_shared_file_is_found(scenario, keyed):
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", [NAME])
    scenario.write_bytes("documents/leaflet.pdf", make_pdf([f"Call {NAME} for help."]))
    site = scenario.build()
    assert ("documents/leaflet.pdf", "RED001", 1) in _errors(site)


@pytest.mark.parametrize(
    "written",
    [
        "<b>Chelsea</b> Dawson",
        "Chelsea[^1] Dawson",
        "*Chelsea* Dawson",
        "Chelsea&nbsp;Dawson",
        "<span>Chelsea</span> <span>Dawson</span>",
    ],
)
def test_markup_between_the_words_of_a_name_does_not_hide_it(scenario, keyed, written):
    body = (
        f"## Findings\n\nThe reviewer met {written} twice.\n\n## The board's response\n\nAccepted.\n\n[^1]: A note.\n"
    )
    scenario.write("reviews/child-q.md", review_markdown(body))
    write_register(scenario.content, "reviews/child-q.md", [NAME])
    codes = {code for _path, code, line in _errors(scenario.build()) if line == 16}
    assert {"PII001", "RED001"} <= codes


@pytest.mark.parametrize("written", ["3/5/15", "03/05/15", "03.05.15", "030515"])
def test_a_registered_date_of_birth_matches_two_digit_years(scenario, keyed, written):
    body = f"## Findings\n\nThe entry of {written} was checked.\n\n## The board's response\n\nAccepted.\n"
    scenario.write("reviews/child-q.md", review_markdown(body))
    write_register(scenario.content, "reviews/child-q.md", ["03/05/2015"])
    assert ("reviews/child-q.md", "RED001", 16) in _errors(scenario.build())


def test_an_approval_that_is_not_given_waives_nothing(scenario):
    waiver = f'<!-- waive PII001 "{NAME}": not yet approved by the Chair -->'
    body = f"## Findings\n\nThe reviewer met {NAME}. {waiver}\n\n## The board's response\n\nAccepted.\n"
    scenario.write("reviews/child-q.md", review_markdown(body))
    codes = [code for _path, code, _line in _errors(scenario.build())]
    assert sorted(codes) == ["PII001", "WAIV004"]


@pytest.mark.parametrize(
    "address, reported",
    [
        # An online form's address: a page name, then a query of keys and values.
        ("https://forms.office.com/Pages/ResponsePage.aspx?id=AbCdEfGhIjKlMnOp&lang=en-GB", []),
        ("https://www.example.org/SafeguardingPartnership/Threshold?lang=en-GB&page=2", []),
        # A name in the query's values, split across two keys or in one.
        ("https://booking.example/form?first=Chelsea&last=Dawson", ["PII001"]),
        ("https://booking.example/form?attendee=chelsea-dawson", ["PII001"]),
        ("https://booking.example/ChelseaDawson?lang=en-GB", ["PII001"]),
    ],
)
def test_a_query_is_read_as_values_not_as_keys_run_into_names(scenario, address, reported):
    body = f"Book a place through [the booking form]({address}).\n"
    scenario.write("guidance/training.md", guidance_markdown("Training", body))
    site = scenario.build(settings="publishconf.py")
    errors = [f for f in site.result.findings if f.is_error]
    assert sorted({f.code for f in errors}) == reported, site.messages()
    assert "Chelsea" not in site.messages() and "Dawson" not in site.messages()
    written = guidance_markdown("Training", body).splitlines().index(body.strip()) + 1
    assert all(f.line == written for f in errors), site.messages()  # the line that writes the address


def test_a_name_run_together_in_a_file_name_is_masked_in_the_message(scenario):
    scenario.write_bytes("images/ChelseaDawson.png", make_png())
    scenario.write("guidance/drawings.md", guidance_markdown("Drawings"))
    site = scenario.build(settings="publishconf.py")
    assert "PII001" in site.codes(), site.messages()
    assert "Chelsea" not in site.messages() and "Dawson" not in site.messages()
