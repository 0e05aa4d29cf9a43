"""The "Latest updates" page lists what was published or changed, newest
first, from Date and Modified; nothing unpublished is ever on it."""

from __future__ import annotations

from conftest import guidance_markdown, review_markdown


def _entries(site):
    """(title, label, ISO date, note) of each entry, in page order."""
    soup = site.soup("updates")
    found = []
    for entry in soup.select("li.update"):
        note = entry.select_one(".update__note")
        found.append(
            (
                entry.h3.get_text(strip=True),
                entry.select_one(".update__kind").get_text(),
                entry.time["datetime"],
                note.get_text(strip=True) if note else "",
            )
        )
    return found


def _site(scenario, **overrides):
    scenario.write(
        "guidance/changed.md",
        guidance_markdown(
            "Changed procedure",
            Date="2025-01-10",
            Modified="2026-11-02",
            Change_note="Paragraph 4 now gives the new duty number.",
        ),
    )
    scenario.write("guidance/new.md", guidance_markdown("New procedure", Date="2026-10-05"))
    scenario.write("guidance/old.md", guidance_markdown("Old procedure", Date="2024-03-01"))
    scenario.write("guidance/draft.md", guidance_markdown("Draft procedure", Date="2026-11-01", Status="draft"))
    scenario.write("guidance/hidden.md", guidance_markdown("Hidden procedure", Date="2026-11-01", Status="hidden"))
    scenario.write("reviews/child-q.md", review_markdown(Date="2026-09-20", Title="Child Q published review"))
    scenario.write(
        "reviews/child-w.md",
        review_markdown(
            Date="2026-11-03",
            Title="Child W withheld review",
            Child="Child W",
            Pseudonyms="Child W, Mother",
            Publication_decision="withhold",
        ),
    )
    return scenario.build(**overrides)


def test_updates_lists_changes_and_new_pages_newest_first_with_the_change_note(scenario):
    site = _site(scenario)
    assert site.ok, site.messages()
    assert _entries(site) == [
        ("Changed procedure", "Updated", "2026-11-02", "Paragraph 4 now gives the new duty number."),
        ("New procedure", "New", "2026-10-05", ""),
        ("Child Q published review", "New", "2026-09-20", ""),
    ]
    headings = [h2.get_text() for h2 in site.soup("updates").select("section.updates h2")]
    assert headings == ["November 2026", "October 2026", "September 2026"]


def test_updates_never_list_drafts_hidden_pages_or_withheld_reviews(scenario):
    site = _site(scenario)
    text = site.soup("updates").get_text()
    for title in ("Draft procedure", "Hidden procedure", "Child W withheld review"):
        assert title not in text


def test_updates_only_go_back_as_many_months_as_the_setting_says(scenario):
    site = _site(scenario, UPDATES_MONTHS=36)
    assert ("Old procedure", "New", "2024-03-01", "") in _entries(site)
    site = _site(scenario, UPDATES_MONTHS=1)
    assert [entry[0] for entry in _entries(site)] == ["Changed procedure"]


def test_updates_page_says_so_when_nothing_changed(scenario):
    scenario.write("guidance/old.md", guidance_markdown("Old procedure", Date="2020-03-01"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert not site.soup("updates").select("li.update")
    assert "Nothing has been published or changed" in site.soup("updates").select_one(".empty").get_text()


def test_guidance_page_shows_what_changed_next_to_last_updated(scenario):
    site = _site(scenario)
    facts = {
        row.dt.get_text(): row.dd.get_text(strip=True) for row in site.soup("guidance/changed").select(".facts__row")
    }
    assert facts["Last updated"] == "2 November 2026"
    assert facts["What changed"] == "Paragraph 4 now gives the new duty number."
    assert "What changed" not in site.soup("guidance/new").select_one(".facts").get_text()


def test_demo_site_links_to_its_updates_page_from_every_page(demo_site):
    footer_links = [a["href"] for a in demo_site.soup("about").select(".site-footer a")]
    assert any(href.rstrip("/").endswith("updates") for href in footer_links)
    assert _entries(demo_site)[0][1] == "Updated"
