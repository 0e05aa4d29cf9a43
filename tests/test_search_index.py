"""Site search indexes the published pages and nothing else (plugins/lscb_search)."""

from __future__ import annotations

import gzip
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import guidance_markdown, review_markdown
from lscb_search.fragments import SIGNATURE, read_index
from lscb_search.indexer import SearchIndexFailed, build_index

# One made-up word per page: stemming leaves such words as they are, so each
# is in the index exactly when its page is.
PUBLISHED = {
    "guidance/published-procedure.md": "plumtrevox",
    "reviews/child-p.md": "quillotrane",
    "pages/opening-hours.md": "marzipholt",
}
NEVER = {
    "reviews/child-w.md": "withheldzorb",
    "reviews/child-e.md": "embargozink",
    "guidance/draft-procedure.md": "draftoquell",
    "pages/hidden-notes.md": "hiddenwexil",
}


def _write_every_kind(scenario):
    scenario.write(
        "guidance/published-procedure.md",
        guidance_markdown("Published procedure", body="This procedure mentions plumtrevox."),
    )
    scenario.write(
        "guidance/draft-procedure.md",
        guidance_markdown("Draft procedure", body="This draft mentions draftoquell.", Status="draft"),
    )
    scenario.write("pages/opening-hours.md", "Title: Opening hours\n\nThe office opens at nine: marzipholt.\n")
    scenario.write("pages/hidden-notes.md", "Title: Hidden notes\nStatus: hidden\n\nA hidden page about hiddenwexil.\n")
    # The summary is what search finds of a published review (REVIEW_NOINDEX).
    scenario.write(
        "reviews/child-p.md",
        review_markdown(
            Title="Child P: published review",
            Child="Child P",
            Pseudonyms="Child P, Mother",
            Summary="Learning about quillotrane.",
        ),
    )
    scenario.write(
        "reviews/child-w.md",
        review_markdown(
            Title="Child W: withheld review",
            Child="Child W",
            Pseudonyms="Child W, Mother",
            Summary="About withheldzorb.",
            Publication_decision="withhold",
        ),
    )
    scenario.write(
        "reviews/child-e.md",
        review_markdown(
            Title="Child E: embargoed review",
            Child="Child E",
            Pseudonyms="Child E, Mother",
            Summary="About embargozink.",
            Publish_after="2099-01-01",
        ),
    )


def _everything_in_the_index(output: Path) -> str:
    """Every file pagefind wrote, decompressed where it is compressed."""
    parts = []
    for path in sorted((output / "pagefind").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            try:
                data = gzip.decompress(data)
            except OSError:
                pass
            parts.append(data.decode("utf-8", errors="replace"))
    return "\n".join(parts)


@pytest.fixture
def preview(scenario):
    """Every kind of page, built for preview (drafts written under drafts/)."""
    _write_every_kind(scenario)
    site = scenario.build()
    assert site.ok, site.messages()
    return site


def test_the_index_holds_every_published_page(preview):
    indexed = {f.url: f for f in read_index(preview.output / "pagefind")}
    assert "/guidance/published-procedure/" in indexed
    assert "/reviews/child-p/" in indexed
    assert "/opening-hours/" in indexed
    everything = _everything_in_the_index(preview.output)
    for source, word in PUBLISHED.items():
        assert word in everything, f"{source}: {word} is not in the search index"
    assert indexed["/guidance/published-procedure/"].title == "Published procedure"


def test_no_word_of_a_withheld_embargoed_draft_or_hidden_page_is_in_the_index(preview):
    # The draft and the hidden page were written (a preview shows them), so
    # the index had the chance to take them.
    assert preview.exists("drafts/guidance/draft-procedure/index.html")
    assert preview.exists("hidden-notes/index.html")
    everything = _everything_in_the_index(preview.output)
    for source, word in NEVER.items():
        assert word not in everything, f"{source}: {word} is in the search index"
    urls = {f.url for f in read_index(preview.output / "pagefind")}
    assert not [u for u in urls if u.startswith("/drafts/")]
    assert "/hidden-notes/" not in urls
    assert "/404.html" not in urls
    assert "/search/" not in urls


def test_the_index_holds_no_navigation_or_footer_text(preview):
    fragment = next(f for f in read_index(preview.output / "pagefind") if f.url == "/guidance/published-procedure/")
    for text in ("Exit this page", "Skip to main content", "Worried about a child", "Back to top"):
        assert text not in fragment.content


def test_a_review_is_found_by_its_summary_not_by_its_text(preview):
    everything = _everything_in_the_index(preview.output)
    assert "quillotrane" in everything
    # review_markdown's body: "Professionals did not share what they knew."
    fragment = next(f for f in read_index(preview.output / "pagefind") if f.url == "/reviews/child-p/")
    assert "did not share what they knew" not in fragment.content
    assert "did not share what they knew" in preview.soup("reviews/child-p/").get_text()


def test_a_review_s_text_is_indexed_when_reviews_may_be_indexed(scenario):
    _write_every_kind(scenario)
    site = scenario.build(REVIEW_NOINDEX=False)
    assert site.ok, site.messages()
    fragment = next(f for f in read_index(site.output / "pagefind") if f.url == "/reviews/child-p/")
    assert "did not share what they knew" in fragment.content


def test_a_retired_review_is_not_in_the_index(scenario):
    scenario.write(
        "reviews/child-p.md",
        review_markdown(
            Title="Child P: old review",
            Child="Child P",
            Pseudonyms="Child P, Mother",
            Date="2019-01-15",
            Decision_date="2018-12-10",
            Summary="Learning about quillotrane.",
        ),
    )
    scenario.write("guidance/published-procedure.md", guidance_markdown("Published procedure"))
    site = scenario.build()
    assert site.ok, site.messages()
    assert "available on request" in site.soup("reviews/child-p/").get_text()
    urls = {f.url for f in read_index(site.output / "pagefind")}
    assert "/guidance/published-procedure/" in urls
    assert "/reviews/child-p/" not in urls


def test_a_page_an_editor_marks_for_search_stops_the_build_when_it_is_a_draft(scenario):
    scenario.write("guidance/published-procedure.md", guidance_markdown("Published procedure"))
    scenario.write(
        "guidance/draft-procedure.md",
        guidance_markdown(
            "Draft procedure",
            Status="draft",
            body='<div data-pagefind-body markdown="1">\nThis draft mentions draftoquell.\n</div>',
        ),
    )
    site = scenario.build()
    assert not site.ok
    message = "\n".join(site.result.errors)
    assert "draft-procedure.md" in message
    assert "not published" in message and "hint:" in message
    assert not site.output.exists()


def test_a_failing_indexer_stops_the_build_and_publishes_nothing(scenario):
    scenario.write("guidance/published-procedure.md", guidance_markdown("Published procedure"))
    good = scenario.build()
    assert good.ok, good.messages()
    before = sorted(p.relative_to(good.output) for p in good.all_files())

    site = scenario.build(PAGEFIND_PROGRAM="/bin/false")
    assert not site.ok
    message = "\n".join(site.result.errors)
    assert "pagefind failed (exit 1)" in message and "hint:" in message
    # The last good site, its index included, is exactly as it was.
    assert sorted(p.relative_to(site.output) for p in site.all_files()) == before


def test_a_missing_indexer_stops_the_build(scenario):
    scenario.write("guidance/published-procedure.md", guidance_markdown("Published procedure"))
    site = scenario.build(PAGEFIND_PROGRAM="/nonexistent/pagefind")
    assert not site.ok
    assert "could not run pagefind" in "\n".join(site.result.errors)


def test_a_site_that_fails_its_checks_is_not_indexed(scenario):
    # A link to a page that does not exist stops the build at the output
    # checks, which run before the indexer.
    scenario.write(
        "guidance/published-procedure.md",
        guidance_markdown("Published procedure", body="See [the missing page]({filename}/guidance/missing.md)."),
    )
    site = scenario.build()
    assert not site.ok
    assert not site.output.exists()


def test_a_site_with_no_page_marked_for_search_gets_no_index(tmp_path):
    # pagefind indexes every whole page, drafts too, when no page carries
    # data-pagefind-body: the indexer must not run at all then.
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "index.html").write_text(
        '<html lang="en"><body><main>draftoquell</main></body></html>', encoding="utf-8"
    )
    pelican = SimpleNamespace(settings={"PAGEFIND_PROGRAM": "/bin/false"}, output_path=str(tmp_path))
    build_index(pelican)  # /bin/false would fail the build if it were run
    assert not (tmp_path / "pagefind").exists()


def test_a_site_with_a_page_marked_for_search_runs_the_indexer(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html lang="en"><body><main data-pagefind-body>plumtrevox</main></body></html>', encoding="utf-8"
    )
    pelican = SimpleNamespace(settings={"PAGEFIND_PROGRAM": "/bin/false"}, output_path=str(tmp_path))
    with pytest.raises(SearchIndexFailed, match="pagefind failed"):
        build_index(pelican)


def test_every_fragment_is_a_pagefind_fragment(preview):
    files = sorted((preview.output / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert files
    for path in files:
        assert gzip.decompress(path.read_bytes()).startswith(SIGNATURE)
