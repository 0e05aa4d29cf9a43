"""Red team round 9: earlier versions of guidance (from the history of the
content folder) and the small changes to the final gate. Each test plants
something in a site whose content folder is a git repository and builds it
with the settings of the published site: either the build refuses, or
nothing planted reaches output/.

Variations that cannot refuse each other (each on a page of its own, with
different text, or vetted on its own as an earlier version is) share one
build, and each is judged on its own page (tests/site_batches.py)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from leak_search import find
from site_batches import tags

from conftest import ScenarioSite, Site, build_site, guidance_markdown, review_markdown

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


# Versions planted with a name, each the earlier version of a guidance page
# of its own (referral-a.md, referral-b.md...), committed together: the
# versions with today's register in one build, those the detectors read
# (no register) in another. Each version is vetted on its own text and a
# version that fails is left out with a warning naming its page, the finding's
# code and its line in that version; each case is judged on its own page.
FIELDS = ["Change_note", "Owner", "Summary", "Title"]
WAIVED = ["PII001", "RED001"]
DETECTED = "Agreed with Zebedee Quinlan, the child's mother's partner."


def _field_version(field: str, tag: str) -> str:
    if field == "Title":
        return guidance_markdown(f"Referral for {NAME}", "Refer by phone.", Date="2025-02-03")
    return guidance_markdown(
        f"Making a referral ({tag})",
        "Refer by phone to the front door team.",
        **{"Date": "2025-02-03", field: f"As agreed with {NAME}"},
    )


def _detected_version(field: str, tag: str) -> str:
    if field == "body":
        return guidance_markdown(f"Making a referral ({tag})", DETECTED, Date="2025-02-03")
    return guidance_markdown(
        f"Making a referral ({tag})", "Refer by phone to the front door team.", Date="2025-02-03", **{field: DETECTED}
    )


def _waiver_version(code: str, tag: str) -> str:
    waiver = f'<!-- waive {code} "{NAME}": named in a national review; approved by Head of Safeguarding -->'
    return guidance_markdown(
        f"Making a referral ({tag})", f"Read the national review of {NAME}. {waiver}", Date="2025-02-03"
    )


@dataclass
class Versions:
    site: Site
    pages: dict[str, tuple[str, str]]  # case -> (page under content/, the earlier version's text)


def _versions(root: Path, make: dict) -> tuple[ScenarioSite, dict[str, tuple[str, str]]]:
    """Each case's earlier version on a page of its own, then every page's
    current version, clean, in two commits."""
    scenario = ScenarioSite(root)
    _git(scenario.root, "init", "-q")
    pages = {}
    for (case, version), tag in zip(make.items(), tags(len(make))):
        pages[case] = (f"guidance/referral-{tag}.md", version(tag))
    _commit(scenario, dict(pages.values()), "2025-03-30T10:00:00")
    current = {
        page: guidance_markdown(
            f"Making a referral ({tag})",
            "Refer online.",
            Date="2025-02-03",
            Modified="2026-08-10",
            Change_note="Refer online.",
        )
        for (page, _old), tag in zip(pages.values(), tags(len(pages)))
    }
    _commit(scenario, current, "2026-08-11T10:00:00")
    return scenario, pages


@pytest.fixture(scope="module")
def versions_with_a_register(tmp_path_factory) -> Versions:
    make = {("field", field): (lambda tag, field=field: _field_version(field, tag)) for field in FIELDS}
    make.update({("waiver", code): (lambda tag, code=code: _waiver_version(code, tag)) for code in WAIVED})
    scenario, pages = _versions(tmp_path_factory.mktemp("register"), make)
    with pytest.MonkeyPatch.context() as patch:
        _register(scenario, patch, NAME)
        return Versions(_build(scenario), pages)


@pytest.fixture(scope="module")
def versions_for_the_detectors(tmp_path_factory) -> Versions:
    make = {field: (lambda tag, field=field: _detected_version(field, tag)) for field in [*FIELDS[:3], "body"]}
    scenario, pages = _versions(tmp_path_factory.mktemp("detectors"), make)
    return Versions(_build(scenario), pages)


def _version_refused_or_left_out(versions: Versions, case, codes: set[str], *values: str) -> None:
    """Refused by a finding on the case's own page, or built with the case's
    version left out for a finding at the planted line, and the values nowhere."""
    site = versions.site
    page, old = versions.pages[case]
    if not site.ok:
        errors = [f for f in site.result.findings if f.is_error and not f.waived]
        assert any(f.path.endswith(page) for f in errors), (case, site.messages())
        return
    lines = [number for number, text in enumerate(old.split("\n"), 1) if "Quinlan" in text]
    assert lines, (case, "no line of the version names the person")
    line = lines[0]
    said = [w for w in site.result.warnings if f"{page} as of 2025-02-03" in w]
    assert any(f"({code}, line {line} of that version" in w for w in said for code in codes), (case, said)
    for value in values:
        assert find(site.output, value) == [], (case, value, find(site.output, value))


@pytest.mark.parametrize("field", FIELDS)
def test_a_register_term_in_a_field_of_a_version(versions_with_a_register, field):
    _version_refused_or_left_out(versions_with_a_register, ("field", field), {"RED001", "PII001"}, NAME, "Quinlan")


@pytest.mark.parametrize("field", [*FIELDS[:3], "body"])
def test_a_detected_name_in_a_version(versions_for_the_detectors, field):
    _version_refused_or_left_out(versions_for_the_detectors, field, {"PII001"}, "Quinlan")


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


# The gate's small changes: the board's shared mailboxes. False alarms? Each
# on a guidance page of its own, all in one build: a build that passes passes
# for each of them.
MAILBOXES = [
    "training@northshire-scb.example",
    "lado@northshire-scb.example",
    "early-help@northshire-scb.example",
    "childprotection@northshire-scb.example",
    "earlyhelp@northshire-scb.example",
]
# A person's address at the board's domain, each on a page of its own, in one
# build: the name is written as two words in one ("zebedee.quinlan") and as
# one word in the other ("zebedeequinlan"), so the final gate cannot name
# either page for what it reads on the other.
PERSONS = ["zebedee.quinlan@northshire-scb.example", "zebedeequinlan@northshire-scb.example"]


def _mail_pages(root: Path, mailboxes: list[str]) -> tuple[Site, dict[str, str]]:
    scenario = ScenarioSite(root)
    pages = {}
    for mailbox, tag in zip(mailboxes, tags(len(mailboxes))):
        pages[mailbox] = f"guidance/referral-{tag}.md"
        scenario.write(
            pages[mailbox],
            guidance_markdown(f"Making a referral ({tag})", f"Email [{mailbox}](mailto:{mailbox}) to book."),
        )
    return _build(scenario), pages


@pytest.fixture(scope="module")
def shared_mailboxes(tmp_path_factory) -> tuple[Site, dict[str, str]]:
    return _mail_pages(tmp_path_factory.mktemp("mailboxes"), MAILBOXES)


@pytest.fixture(scope="module")
def persons_mailboxes(tmp_path_factory) -> tuple[Site, dict[str, str]]:
    return _mail_pages(tmp_path_factory.mktemp("persons"), PERSONS)


@pytest.mark.parametrize("mailbox", MAILBOXES)
def test_a_shared_mailbox_of_the_board_is_published(shared_mailboxes, mailbox):
    site, pages = shared_mailboxes
    assert site.ok, (mailbox, site.messages())
    assert site.exists(pages[mailbox].removesuffix(".md") + "/index.html"), mailbox


@pytest.mark.parametrize("mailbox", PERSONS)
def test_a_persons_address_at_the_boards_domain_is_refused(persons_mailboxes, mailbox):
    site, pages = persons_mailboxes
    if not site.ok:
        errors = [f for f in site.result.findings if f.is_error and not f.waived]
        assert any(f.path.endswith(pages[mailbox]) for f in errors), (mailbox, site.messages())
        return
    assert find(site.output, "quinlan") == [], mailbox


@pytest.mark.parametrize("code", WAIVED)
def test_a_waiver_in_an_earlier_version_for_a_name_in_todays_register(versions_with_a_register, code):
    """The waiver was approved when the version was current; the name is in
    a register today (the person turned out to be the child's relative)."""
    _version_refused_or_left_out(versions_with_a_register, ("waiver", code), {"RED001", "PII001"}, "Quinlan")
