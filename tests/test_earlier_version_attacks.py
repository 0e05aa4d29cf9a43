"""Red team round 9: earlier versions of guidance (from the history of the
content folder) and the small changes to the final gate. Each test plants
something in a site whose content folder is a git repository and builds it
with the settings of the published site: either the build refuses, or
nothing planted reaches output/."""

from __future__ import annotations

import os
import subprocess

import pytest
from leak_search import find

from conftest import build_site, guidance_markdown, review_markdown

PAGE = "guidance/referral.md"
URL = "guidance/referral/"
NAME = "Zebedee Quinlan"


def _git(root, *args, date: str = "2026-01-01T12:00:00"):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Rowena Thistlewood",
        "GIT_AUTHOR_EMAIL": "rowena.thistlewood@example.org",
        "GIT_COMMITTER_NAME": "Rowena Thistlewood",
        "GIT_COMMITTER_EMAIL": "rowena.thistlewood@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _commit(scenario, files: dict[str, str], date: str, message: str = "Change"):
    for path, text in files.items():
        scenario.write(path, text)
        _git(scenario.root, "add", f"content/{path}", date=date)
    _git(scenario.root, "commit", "-q", "-m", message, date=date)


def _page(body: str = "Refer by phone to the front door team.", **fields) -> str:
    return guidance_markdown("Making a referral", body, **fields)


def _history(scenario, old_text: str, extra: dict[str, str] | None = None) -> None:
    """An old version of the page (`old_text`, as the file was), then the
    current one, clean."""
    _git(scenario.root, "init", "-q")
    _commit(scenario, {PAGE: old_text, **(extra or {})}, "2025-03-30T10:00:00")
    _commit(
        scenario,
        {PAGE: _page("Refer online.", Date="2025-02-03", Modified="2026-08-10", Change_note="Refer online.")},
        "2026-08-11T10:00:00",
    )


def _build(scenario, **overrides):
    return build_site(scenario.content, scenario.output, settings="publishconf.py", **overrides)


def _assert_refused_or_absent(site, *values: str) -> None:
    if not site.ok:
        return
    for value in values:
        assert find(site.output, value) == [], (value, find(site.output, value))


def test_the_harness_publishes_a_clean_earlier_version(scenario):
    _history(scenario, _page(Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    assert site.exists(f"{URL}versions/2025-02-03/index.html")
    assert find(site.output, "Thistlewood") == []


def _withheld_review() -> str:
    return review_markdown(Publication_decision="withhold")


def test_a_version_linking_to_a_review_withheld_today_by_its_file(scenario):
    _history(scenario, _page("See [the review](../reviews/child-q.md).", Date="2025-02-03"))
    scenario.write("reviews/child-q.md", _withheld_review())
    site = _build(scenario)
    assert site.ok, site.messages()
    _assert_refused_or_absent(site, "child-q")


def test_a_version_linking_to_a_review_withheld_today_by_its_address(scenario):
    """The version was written when the review was published; today the
    review is withheld. The version must be left out, and the build go on
    (the history cannot be edited)."""
    _history(scenario, _page("See [the review](/reviews/child-q/).", Date="2025-02-03"))
    scenario.write("reviews/child-q.md", _withheld_review())
    site = _build(scenario)
    assert site.ok, site.messages()
    _assert_refused_or_absent(site, "child-q")
    assert any("2025-02-03" in w and "REV003" in w for w in site.result.warnings), site.messages()


def test_a_version_linking_to_a_published_review_whose_address_begins_as_a_withheld_ones(scenario):
    _history(scenario, _page("See [the review](/reviews/child-q-2/).", Date="2025-02-03"))
    scenario.write("reviews/child-q.md", _withheld_review())
    scenario.write(
        "reviews/child-q-2.md",
        review_markdown(Title="Child Q 2: a review", Child="Child Q 2", Pseudonyms="Child Q 2, Mother"),
    )
    site = _build(scenario)
    assert site.ok, site.messages()
    assert site.exists(f"{URL}versions/2025-02-03/index.html")


def test_a_version_linking_by_address_to_a_page_deleted_since(scenario):
    """Old versions link to pages that were removed since: the version is
    left out (or its link kept), and the build goes on."""
    _history(scenario, _page("See [the old procedure](/guidance/old-procedure/).", Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    assert not site.exists(f"{URL}versions/2025-02-03/index.html")
    assert any("2025-02-03" in w and "LINK001" in w for w in site.result.warnings), site.messages()


def test_a_version_linking_to_a_heading_renamed_since(scenario):
    scenario.write("guidance/escalation.md", guidance_markdown("Escalation", "## Who to call\n\nThe duty manager."))
    _history(scenario, _page("See [who to ring](/guidance/escalation/#who-to-ring).", Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    assert site.exists(f"{URL}versions/2025-02-03/index.html")  # the page is there; the heading was renamed


def test_a_version_with_a_relative_address_link_that_worked_on_the_page(scenario):
    """`../escalation/` worked from guidance/referral/; from the version's
    address, two folders deeper, it goes nowhere."""
    scenario.write("guidance/escalation.md", guidance_markdown("Escalation"))
    _history(scenario, _page("See [escalation](../escalation/).", Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    link = site.soup(f"{URL}versions/2025-02-03/").find("a", string="escalation")
    assert link["href"].endswith("/guidance/escalation/"), link  # from the page's address, not the version's


KEY = "test-key-for-the-board-0123456789"


def _register(scenario, monkeypatch, *terms: str) -> None:
    from register_helpers import write_register

    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", list(terms))


def _history_bytes(scenario, old: bytes) -> None:
    _git(scenario.root, "init", "-q")
    scenario.write_bytes(PAGE, old)
    _git(scenario.root, "add", f"content/{PAGE}")
    _git(scenario.root, "commit", "-q", "-m", "Old", date="2025-03-30T10:00:00")
    _commit(
        scenario,
        {PAGE: _page("Refer online.", Date="2025-02-03", Modified="2026-08-10", Change_note="Refer online.")},
        "2026-08-11T10:00:00",
    )


def test_a_version_saved_in_windows_1252_with_a_register_term(scenario, monkeypatch):
    """An editor's program saved the file in Windows-1252 once: read with
    replacement characters, 'Renée Okonkwo' is 'Ren\ufffde Okonkwo', which no
    register term matches."""
    _register(scenario, monkeypatch, "Renée Okonkwo")
    old = _page("Renée Okonkwo's school asked for a referral form.", Date="2025-02-03").encode("cp1252")
    _history_bytes(scenario, old)
    site = _build(scenario)
    _assert_refused_or_absent(site, "Okonkwo")


def test_a_version_whose_status_draft_is_indented(scenario):
    """Markdown reads `   Status: draft` (up to three spaces) as a field; the
    history's reader took it for the line above it continued."""
    old = "Title: Making a referral\n   Status: draft\nDate: 2025-02-03\nOwner: Policy team\n"
    old += "Review_date: 2027-01-01\nSummary: Draft.\n\nWombatcheese unpublished wording.\n"
    _history(scenario, old)
    site = _build(scenario)
    _assert_refused_or_absent(site, "Wombatcheese")


@pytest.mark.parametrize(
    "field",
    ["Change_note", "Owner", "Summary", "Title"],
)
def test_a_register_term_in_a_field_of_a_version(scenario, monkeypatch, field):
    _register(scenario, monkeypatch, NAME)
    fields = {"Date": "2025-02-03", field: f"As agreed with {NAME}"}
    if field == "Title":
        old = guidance_markdown(f"Referral for {NAME}", "Refer by phone.", Date="2025-02-03")
    else:
        old = _page(**fields)
    _history(scenario, old)
    site = _build(scenario)
    _assert_refused_or_absent(site, NAME, "Quinlan")


@pytest.mark.parametrize("field", ["Change_note", "Owner", "Summary", "body"])
def test_a_detected_name_in_a_version(scenario, field):
    text = "Agreed with Zebedee Quinlan, the child's mother's partner."
    if field == "body":
        old = _page(text, Date="2025-02-03")
    else:
        old = _page(**{"Date": "2025-02-03", field: text})
    _history(scenario, old)
    site = _build(scenario)
    _assert_refused_or_absent(site, "Quinlan")


def test_a_reverted_change_makes_two_versions_of_the_same_day(scenario):
    """The version of 3 Feb 2025, a change of 4 Aug 2025 reverted (`git
    revert`: the file is as it was on 3 Feb again), then the current
    version. The reverted text says it took effect on 3 Feb 2025 again: two
    versions of one day would share one address (the build stopped) and one
    remembered source; it took effect when it was committed."""
    _git(scenario.root, "init", "-q")
    first = dict(Date="2025-02-03")
    _commit(scenario, {PAGE: _page("Refer by phone.", **first)}, "2025-02-03T10:00:00")
    changed = dict(Date="2025-02-03", Modified="2025-08-04", Change_note="Adds the portal.")
    _commit(scenario, {PAGE: _page("Refer by phone or the portal.", **changed)}, "2025-08-05T10:00:00")
    _commit(scenario, {PAGE: _page("Refer by phone.", **first)}, "2025-09-01T10:00:00")
    _commit(
        scenario,
        {PAGE: _page("Refer online.", Date="2025-02-03", Modified="2026-08-10", Change_note="Refer online.")},
        "2026-08-11T10:00:00",
    )
    site = _build(scenario)
    assert site.ok, site.messages()
    for page in sorted(site.output.glob(f"{URL}versions/*/index.html")):
        soup = site.soup(str(page.relative_to(site.output)))
        took, replaced = (t["datetime"] for t in soup.select(".facts time"))
        assert took < replaced, (took, replaced)
    days = sorted(p.parent.name for p in site.output.glob(f"{URL}versions/*/index.html"))
    assert days == ["2025-02-03", "2025-08-04", "2025-09-01"]


# The gate's small changes: a query's values are read together, its keys apart
# (a key that is not a program's word is read with its value too).
_ADDRESSES = [
    "https://records.example.org/families/zebedee?surname=quinlan",
    "https://records.example.org/families/zebedee#quinlan",
    "https://records.example.org/find?zebedee=quinlan",
    "https://records.example.org/find?zebedee&quinlan",
    "https://records.example.org/find?q=zebedee&quinlan=1",
    "https://records.example.org/zebedee/?quinlan",
]


@pytest.mark.parametrize(
    "address",
    _ADDRESSES,
)
def test_a_name_split_over_the_parts_of_an_address(scenario, address):
    """Detectors only (no register): a full name in a link's address."""
    scenario.write("guidance/referral.md", _page(f"See [the record]({address})."))
    site = _build(scenario)
    _assert_refused_or_absent(site, "quinlan")


@pytest.mark.parametrize("address", _ADDRESSES)
def test_a_register_term_split_over_the_parts_of_an_address(scenario, monkeypatch, address):
    _register(scenario, monkeypatch, NAME)
    scenario.write("guidance/referral.md", _page(f"See [the record]({address})."))
    site = _build(scenario)
    _assert_refused_or_absent(site, "quinlan")


# The gate's small changes: a range of birth dates a month or more long is a cohort.
@pytest.mark.parametrize(
    "sentence",
    [
        "Child Q was born on 3 March 2014.",
        "Child Q was born on 3 March 2014 - 14 May 2014 was the first visit by the health visitor.",
        "Child Q was born 3 March 2014 \u2013 12 June 2014 saw the first referral.",
        "Child Q was born on 3 March 2014 - 3 April was the first visit.",
    ],
)
def test_one_childs_date_of_birth_followed_by_another_date(scenario, sentence):
    scenario.write("guidance/referral.md", _page(sentence))
    site = _build(scenario)
    _assert_refused_or_absent(site, "3 March 2014")


@pytest.mark.parametrize("linked", ["../reviews/documents/child-q-report.pdf", "../documents/copy.pdf"])
def test_a_version_linking_the_report_of_a_review_withheld_today(scenario, linked):
    """When the version was current, Child Q was published and the guidance
    linked its report (or a copy of it); the board has since withheld it.
    The version is left out, and the build goes on."""
    from media import make_pdf

    from lscb_core.documents import human_size

    report = make_pdf(["Overview report, kestrel-walrus."])
    link = f"the report (PDF, {human_size(len(report))})"
    scenario.write_bytes("reviews/documents/child-q-report.pdf", report)
    scenario.write_bytes("documents/copy.pdf", report)  # a copy, with the same bytes
    body = f"## Findings\n\nSee [{link}](documents/child-q-report.pdf).\n"
    scenario.write("reviews/child-q.md", review_markdown(body, Publication_decision="withhold"))
    _history(scenario, _page(f"Read [{link}]({linked}).", Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    _assert_refused_or_absent(site, "kestrel", "child-q")
    assert not site.exists(f"{URL}versions/2025-02-03/index.html")
    assert any("2025-02-03" in w for w in site.result.warnings), site.messages()


def test_an_earlier_version_is_kept_out_of_site_search_whatever_its_markup(scenario):
    """An earlier version is out of site search; its text may hold markup of its own."""
    body = '<div data-pagefind-body markdown="1">Refer by fax to Wombatcheese House.</div>'
    _history(scenario, _page(body, Date="2025-02-03"))
    site = _build(scenario)
    assert site.ok, site.messages()
    if site.exists(f"{URL}versions/2025-02-03/index.html"):
        assert [h for h in find(site.output, "Wombatcheese") if "pagefind" in h.where] == []


def test_the_change_note_of_a_version_left_out_is_shown_nowhere(scenario, monkeypatch):
    _register(scenario, monkeypatch, NAME)
    _git(scenario.root, "init", "-q")
    _commit(scenario, {PAGE: _page("Refer by phone.", Date="2025-02-03")}, "2025-02-03T10:00:00")
    left_out = dict(Date="2025-02-03", Modified="2025-08-04", Change_note="Adds the Wombatnote portal.")
    _commit(scenario, {PAGE: _page(f"Refer by phone; {NAME} can help.", **left_out)}, "2025-08-05T10:00:00")
    _commit(
        scenario,
        {PAGE: _page("Refer online.", Date="2025-02-03", Modified="2026-08-10", Change_note="Refer online.")},
        "2026-08-11T10:00:00",
    )
    site = _build(scenario)
    assert site.ok, site.messages()
    assert site.exists(f"{URL}versions/2025-02-03/index.html")
    _assert_refused_or_absent(site, "Wombatnote", "Quinlan")


# The gate's small changes: the board's shared mailboxes. False alarms?
@pytest.mark.parametrize(
    "mailbox",
    [
        "training@northshire-scb.example",
        "lado@northshire-scb.example",
        "early-help@northshire-scb.example",
        "childprotection@northshire-scb.example",
        "earlyhelp@northshire-scb.example",
    ],
)
def test_a_shared_mailbox_of_the_board_is_published(scenario, mailbox):
    scenario.write("guidance/referral.md", _page(f"Email [{mailbox}](mailto:{mailbox}) to book."))
    site = _build(scenario)
    assert site.ok, site.messages()


@pytest.mark.parametrize("mailbox", ["zebedee.quinlan@northshire-scb.example", "zebedeequinlan@northshire-scb.example"])
def test_a_persons_address_at_the_boards_domain_is_refused(scenario, mailbox):
    scenario.write("guidance/referral.md", _page(f"Email [{mailbox}](mailto:{mailbox}) to book."))
    _assert_refused_or_absent(_build(scenario), "quinlan")


@pytest.mark.parametrize("code", ["PII001", "RED001"])
def test_a_waiver_in_an_earlier_version_for_a_name_in_todays_register(scenario, monkeypatch, code):
    """The waiver was approved when the version was current; the name is in
    a register today (the person turned out to be the child's relative)."""
    _register(scenario, monkeypatch, NAME)
    waiver = f'<!-- waive {code} "{NAME}": named in a national review; approved by Head of Safeguarding -->'
    _history(scenario, _page(f"Read the national review of {NAME}. {waiver}", Date="2025-02-03"))
    site = _build(scenario)
    _assert_refused_or_absent(site, "Quinlan")
