"""Attempts to get a name past the final gate by way of its scopes
(published.detect.scope_of): on a file that is no item's page (a listing, a
feed, a search fragment), the detectors accept the pseudonyms and credits of
the reviews the file shows. A review's credit must not vouch for the same
name on a file that shows no part of that review."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import find  # noqa: E402
from test_gate_cache_attacks import NAME, _build  # noqa: E402

from conftest import ScenarioSite, review_markdown  # noqa: E402

CREDITS = f"{NAME} (independent author)"


def _section_intro(words: str) -> str:
    # content/children/index.md: written only as the children's listing, a page of no item.
    return (
        "Title: For children\nDate: 2026-01-01\nSummary: Pages for you.\n\n"
        f"Everyone has the right to feel safe.\n\n{words}\n\nYou can ask a grown-up to read them with you.\n"
    )


def test_a_review_credit_does_not_vouch_for_a_name_on_a_page_that_shows_no_review(tmp_path):
    """Review Q credits its author. The children's section intro (written
    only as the children's listing, which shows no review) names the same
    person beside where they live: the listing accepted every review's
    credits, and the name was published."""
    site = ScenarioSite(tmp_path / "site")
    site.write("reviews/child-q.md", review_markdown(Credits=CREDITS))
    site.write("children/index.md", _section_intro("You can talk to the teacher."))
    assert _build(site).ok
    site.write("children/index.md", _section_intro(f"{NAME} lives at the farm by the school."))
    planted = _build(site)
    assert any(f.code == "PII001" and not f.waived for f in planted.result.findings), planted.messages()
    assert not planted.ok
    assert not [hit for hit in find(site.output, NAME) if hit.where.startswith("children")]


def test_a_review_credit_is_still_accepted_where_the_review_is_shown(tmp_path):
    """The same credit in the review's own summary, shown in the feeds
    (links relative to the site, not to feeds/) and in the review's search
    fragment: each of those files shows the review, and the build passes."""
    site = ScenarioSite(tmp_path / "site")
    site.write(
        "reviews/child-q.md",
        review_markdown(Credits=CREDITS, Summary=f"A review written by {NAME}, independent author."),
    )
    built = _build(site)
    assert built.ok, built.messages()
    assert NAME in (site.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
