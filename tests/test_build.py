"""A failed build publishes nothing and leaves the last good site as it was."""

from __future__ import annotations

import hashlib

from conftest import review_markdown


def _fingerprint(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_failed_build_leaves_the_previous_output_byte_for_byte_unchanged(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    good = scenario.build()
    assert good.ok
    before = _fingerprint(scenario.output)
    assert "reviews/child-q/index.html" in before

    scenario.write("reviews/child-q.md", review_markdown(Document="reviews/documents/missing.pdf"))
    scenario.write("guidance/new.md", "Title: New\nDate: 2026-01-01\nSummary: New.\n\nText.\n")
    failed = scenario.build()

    assert not failed.ok
    assert _fingerprint(scenario.output) == before
    leftovers = [p.name for p in scenario.root.iterdir() if p.name.startswith(".output.")]
    assert leftovers == []


def test_a_successful_build_replaces_the_output_completely(scenario):
    scenario.write("guidance/old.md", "Title: Old\nDate: 2026-01-01\nSummary: Old.\n\nText.\n")
    scenario.build()
    assert (scenario.output / "guidance/old/index.html").exists()
    (scenario.content / "guidance/old.md").unlink()
    scenario.write("guidance/new.md", "Title: New\nDate: 2026-01-01\nSummary: New.\n\nText.\n")
    site = scenario.build()
    assert site.ok
    assert not (scenario.output / "guidance/old/index.html").exists()
    assert (scenario.output / "guidance/new/index.html").exists()


def test_a_page_pelican_cannot_read_fails_the_build_instead_of_vanishing(scenario):
    scenario.write("guidance/no-title.md", "Date: 2026-01-01\n\nText without a title.\n")
    site = scenario.build()
    assert not site.ok
    assert "no-title.md" in site.messages()
