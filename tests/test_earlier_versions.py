"""Earlier versions of guidance, from the repository's history: listed on the
page, each a page of its own (replaced-on notice, noindex, out of search,
sitemap and feeds), amendments per quarter, authors never published, a
version that fails today's checks left out with a note, and a site without
history built as before."""

from __future__ import annotations

import os
import subprocess

import pytest
from leak_search import find

from conftest import ROOT, guidance_markdown

AUTHOR = "Jane Author"
EMAIL = "jane@example.org"
PAGE = "guidance/referral.md"
URL = "guidance/referral/"


def _git(root, *args, date: str = "2026-01-01T12:00:00"):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": AUTHOR,
        "GIT_AUTHOR_EMAIL": EMAIL,
        "GIT_COMMITTER_NAME": AUTHOR,
        "GIT_COMMITTER_EMAIL": EMAIL,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _commit(scenario, text: str, message: str, date: str, path: str = PAGE):
    scenario.write(path, text)
    _git(scenario.root, "add", f"content/{path}", date=date)
    _git(scenario.root, "commit", "-q", "-m", message, date=date)


def _page(body: str = "Refer by phone to the front door team.", **fields) -> str:
    return guidance_markdown("Making a referral", body, **fields)


def _history(scenario, middle_body: str = "Refer by phone or by the online form.") -> None:
    """Four versions: 2025-02-03 (first), 2025-08-04, 2026-05-06 (with a
    later typo fix), and the current one of 2026-08-10. The commit dates
    are deliberately not the versions' dates."""
    _git(scenario.root, "init", "-q")
    _commit(scenario, _page(Date="2025-02-03"), "First version", "2025-03-30T10:00:00")
    _commit(
        scenario,
        _page(
            "Refer by phone or by the online portal.",
            Date="2025-02-03",
            Modified="2025-08-04",
            Change_note="Adds the online portal.",
        ),
        "Online form",
        "2025-09-01T10:00:00",
    )
    third = dict(Date="2025-02-03", Modified="2026-05-06", Change_note="New thresholds document.")
    _commit(scenario, _page(middle_body + " Use the thresweld document.", **third), "Thresholds", "2026-05-01T10:00:00")
    _commit(scenario, _page(middle_body + " Use the thresholds document.", **third), "Typo", "2026-05-07T10:00:00")
    _commit(
        scenario,
        _page(
            "Refer online. Use the thresholds document.",
            Date="2025-02-03",
            Modified="2026-08-10",
            Change_note="Phone referrals end; refer online.",
        ),
        "Online only",
        "2026-08-11T10:00:00",
    )


def _listed(site) -> list[tuple[str, str, str]]:
    """(href, datetime, text) of each earlier version listed on the page."""
    section = site.soup(URL).select_one("section.earlier-versions")
    if section is None:
        return []
    return [(li.a["href"], li.time["datetime"], li.get_text(" ", strip=True)) for li in section.select("li")]


def test_each_earlier_version_is_listed_with_the_date_it_took_effect_and_its_change_note(scenario):
    _history(scenario)
    site = scenario.build()
    assert site.ok, site.messages()
    listed = _listed(site)
    assert [(href.rsplit("/", 2)[-2], day) for href, day, _text in listed] == [
        ("2026-05-06", "2026-05-06"),
        ("2025-08-04", "2025-08-04"),
        ("2025-02-03", "2025-02-03"),
    ]
    assert "New thresholds document." in listed[0][2]
    assert "Adds the online portal." in listed[1][2]
    # The version of 2026-05-06 shows its last text: the typo put right.
    version = site.soup(f"{URL}versions/2026-05-06/")
    assert "thresholds document" in version.main.get_text()
    assert "thresweld" not in version.main.get_text()


def test_an_earlier_version_is_marked_replaced_links_to_the_current_one_and_is_kept_out_of_search(scenario):
    _history(scenario)
    site = scenario.build()
    assert site.ok, site.messages()
    version = site.soup(f"{URL}versions/2025-08-04/")
    notice = version.select_one(".replaced")
    assert "This version was replaced on 6 May 2026" in notice.get_text(" ", strip=True)
    assert notice.select_one("time")["datetime"] == "2026-05-06"
    assert notice.a["href"].rstrip("/").endswith("guidance/referral")
    assert version.select_one('meta[name="robots"]')["content"] == "noindex"
    assert version.select_one("[data-pagefind-body]") is None
    assert "Refer by phone or by the online portal." in version.main.get_text()
    # The current page is in search, the sitemap and the feeds; no version is.
    assert site.soup(URL).select_one("[data-pagefind-body]") is not None
    for name in ("sitemap.xml", *(str(p.relative_to(site.output)) for p in site.output.rglob("*.xml"))):
        assert "/versions/" not in (site.output / name).read_text(encoding="utf-8"), name

    # Site search holds the current page, and no word only an earlier version has.
    def in_index(value: str) -> bool:
        return any(hit.where.startswith("pagefind/") for hit in find(site.output, value))

    assert in_index("thresholds") and not in_index("versions/")
    assert not in_index("portal")


def test_amendments_are_listed_per_quarter(scenario):
    _history(scenario)
    scenario.write("guidance/other.md", guidance_markdown("Another procedure", Date="2026-07-20"))
    site = scenario.build()
    assert site.ok, site.messages()
    listing = site.soup("guidance/").select("main a")
    assert any(a["href"].rstrip("/").endswith("guidance/amendments") for a in listing)
    quarters = site.soup("guidance/amendments/")
    links = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in quarters.select("main .card__title a")]
    assert links == ["2026-q3", "2026-q2", "2025-q3", "2025-q1"]
    q3 = site.soup("guidance/amendments/2026-q3/")
    changes = [
        (card.h2.get_text(strip=True), card.time["datetime"], card.get_text(" ", strip=True))
        for card in q3.select("main li.card")
    ]
    assert [(title, day) for title, day, _text in changes] == [
        ("Making a referral", "2026-08-10"),
        ("Another procedure", "2026-07-20"),
    ]
    assert "Phone referrals end; refer online." in changes[0][2]
    q2 = site.soup("guidance/amendments/2026-q2/")
    card = q2.select_one("main li.card")
    assert "New thresholds document." in card.get_text()
    assert any(a["href"].rstrip("/").endswith("versions/2026-05-06") for a in card.select("a"))


def test_commit_authors_are_in_no_output_file(scenario):
    _history(scenario)
    site = scenario.build()
    assert site.ok, site.messages()
    assert site.exists(f"{URL}versions/2025-02-03/index.html")
    for path in site.all_files():
        data = path.read_bytes().lower()
        assert b"jane" not in data, path
        assert EMAIL.encode() not in data, path
        assert b"example.org" not in data, path


def test_a_version_that_fails_a_check_today_is_left_out_with_a_note_and_the_build_succeeds(scenario):
    _history(scenario, middle_body="Refer by phone or call the family on 07700 900123.")
    site = scenario.build()
    assert site.ok, site.messages()
    assert not site.exists(f"{URL}versions/2026-05-06/index.html")
    assert "07700" not in site.text_of_everything()
    assert [href.rsplit("/", 2)[-2] for href, _day, _text in _listed(site)] == ["2025-08-04", "2025-02-03"]
    # Nor is it among the amendments: it was that quarter's only change.
    assert not site.exists("guidance/amendments/2026-q2/index.html")
    assert "2026-q2" not in site.soup("guidance/amendments/").decode()
    # The version before it was still replaced on that day.
    notice = site.soup(f"{URL}versions/2025-08-04/").select_one(".replaced time")
    assert notice["datetime"] == "2026-05-06"
    notes = "\n".join(site.result.warnings)
    assert "Earlier version not published" in notes
    assert "referral.md" in notes and "2026-05-06" in notes and "PII" in notes


def test_a_site_without_history_builds_with_no_earlier_versions(scenario):
    scenario.write(PAGE, _page(Date="2025-02-03", Modified="2026-08-10", Change_note="Refer online."))
    site = scenario.build()
    assert site.ok, site.messages()
    assert _listed(site) == []
    assert not list(site.output.rglob("versions"))
    assert site.exists("guidance/amendments/2026-q3/index.html")
    assert any(w.startswith("No earlier versions of guidance: git could not read") for w in site.result.warnings)


def test_a_shallow_clone_builds_with_no_earlier_versions(scenario, tmp_path_factory):
    _history(scenario)
    clone = tmp_path_factory.mktemp("clone")
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{scenario.root}", str(clone / "site")],
        check=True,
        capture_output=True,
    )
    from conftest import build_site

    site = build_site(clone / "site" / "content", clone / "output")
    assert site.ok, site.messages()
    assert site.exists(f"{URL}index.html")
    assert _listed(site) == []
    assert any("history is shallow" in w for w in site.result.warnings)


def test_reviews_never_get_earlier_versions(scenario):
    from conftest import review_markdown

    _git(scenario.root, "init", "-q")
    _commit(scenario, review_markdown(Date="2026-01-15"), "Review", "2026-01-16T10:00:00", "reviews/child-q.md")
    _commit(
        scenario,
        review_markdown(Date="2026-01-15", Modified="2026-03-01", Change_note="Response updated."),
        "Review update",
        "2026-03-02T10:00:00",
        "reviews/child-q.md",
    )
    site = scenario.build()
    assert site.ok, site.messages()
    assert not list(site.output.rglob("versions"))


def _demo_history_note() -> str:
    """Why this checkout has none of the demo's history, or ""."""
    try:
        shallow = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "this copy of the project is not a git repository"
    return "this clone is shallow" if shallow == "true" else ""


def test_the_demo_guidance_on_making_a_referral_has_three_earlier_versions(demo_site):
    """From this repository's own history (CI fetches all of it). A copy
    without it (a shallow clone, a tarball) builds with none, as the tests
    above check; this one needs the history itself."""
    note = _demo_history_note()
    if note:
        pytest.skip(f"{note}: the demo's earlier versions come from the repository's history")
    section = demo_site.soup("guidance/making-a-referral/").select_one("section.earlier-versions")
    days = [li.time["datetime"] for li in section.select("li")]
    assert days == ["2026-10-19", "2026-09-28", "2026-09-01"]
    for day in days:
        version = demo_site.soup(f"guidance/making-a-referral/versions/{day}/")
        assert version.select_one('meta[name="robots"]')["content"] == "noindex"
        assert version.select_one(".replaced a")["href"].rstrip("/").endswith("guidance/making-a-referral")


def test_a_version_with_a_term_of_todays_redaction_register_is_left_out(scenario, monkeypatch):
    """A term added to a register after the version was replaced: today's
    register applies to it."""
    from register_helpers import write_register

    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-the-board-0123456789")
    _history(scenario, middle_body="Refer by phone; the Bluebell Kite group can help.")
    write_register(scenario.content, "reviews/child-q.md", ["Bluebell Kite"])
    site = scenario.build()
    assert site.ok, site.messages()
    assert not site.exists(f"{URL}versions/2026-05-06/index.html")
    assert site.exists(f"{URL}versions/2025-08-04/index.html")
    assert "bluebell" not in site.text_of_everything().lower()
    notes = "\n".join(site.result.warnings)
    assert "2026-05-06" in notes and "RED001" in notes


def test_a_version_linking_to_a_page_that_is_a_draft_today_is_left_out(scenario):
    _history(scenario, middle_body="Refer by phone; see [the escalation route](escalation.md).")
    scenario.write("guidance/escalation.md", guidance_markdown("Escalation", Status="draft"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert not site.exists(f"{URL}versions/2026-05-06/index.html")
    assert site.exists(f"{URL}versions/2025-08-04/index.html")
    notes = "\n".join(site.result.warnings)
    assert "2026-05-06" in notes and "LINK" in notes


def test_no_earlier_versions_when_the_board_turns_them_off(scenario):
    _history(scenario)
    site = scenario.build(GUIDANCE_EARLIER_VERSIONS=False)
    assert site.ok, site.messages()
    assert _listed(site) == []
    assert not list(site.output.rglob("versions"))


def test_a_version_linking_to_a_published_page_is_published_with_the_link(scenario):
    _history(scenario, middle_body="Refer by phone; see [the escalation route](escalation.md).")
    scenario.write("guidance/escalation.md", guidance_markdown("Escalation"))
    site = scenario.build()
    assert site.ok, site.messages()
    link = site.soup(f"{URL}versions/2026-05-06/").select_one('main a[href*="escalation"]')
    assert link["href"].rstrip("/").endswith("guidance/escalation")
