"""Attempts to get an identifier past the final gate by way of the blocks it
keeps as read clean (published.blocks.Blocks: a set of keys per scope and
kind of reading), in one build, in a second process and on disk
(published.gate_cache). A block read clean in one scope, or as an address,
must be read again in another scope, or as words; a block with a finding,
waived where it was found, must not be kept as clean for the next build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import find  # noqa: E402
from test_gate_cache_attacks import NAME, _build, _refused_at  # noqa: E402

from conftest import ScenarioSite, guidance_markdown, review_markdown  # noqa: E402
from lscb_checks.published import gate_cache  # noqa: E402
from lscb_checks.published.blocks import Blocks  # noqa: E402

# Without the search index: its fragment of a page (a page of no item, read
# whole) would give a planted value away on its own.
PLUGINS = ["lscb_content", "lscb_reviews", "lscb_checks"]


def _leaks(site: ScenarioSite, value: str, where: str) -> list:
    return [hit for hit in find(site.output, value) if hit.where.startswith(where)]


def test_a_name_a_review_credits_is_read_again_on_a_guidance_page(tmp_path):
    """Review Q credits its author and names them in a link's title (one
    text, one block): read clean in the review's scope and kept on disk. A
    guidance page then gives a link the same title: in scope "item" no
    credit counts, and the block must be read there, not taken as clean."""
    site = ScenarioSite(tmp_path / "site")
    note = f'See [the author\'s note](/guidance/a-referral/ "{NAME}").'
    body = (
        f"## Findings\n\nProfessionals did not share what they knew. {note}\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    site.write("reviews/child-q.md", review_markdown(body, Credits=f"{NAME} (independent author)"))
    site.write("guidance/a-referral.md", guidance_markdown("Making a referral", "The referral form."))
    first = _build(site)
    assert first.ok, first.messages()
    assert _leaks(site, NAME, "reviews/child-q")  # where the credit counts
    link = f'The referral form. Read [the note](/reviews/child-q/ "{NAME}").'
    site.write("guidance/a-referral.md", guidance_markdown("Making a referral", link))
    planted = _build(site)
    assert _refused_at(planted, "PII001", "a-referral.md"), planted.messages()
    assert not planted.ok
    assert not _leaks(site, NAME, "guidance")


def test_a_host_read_clean_as_an_address_is_read_again_as_words(tmp_path):
    """A link's address as written is read by the detectors of what an
    address holds whole, its host left out of its words (it names a
    website): `https://zebedee.quinlan.example` is clean there. The same
    text as a link's title is words, and a full name."""
    host = "https://zebedee.quinlan.example"
    site = ScenarioSite(tmp_path / "site")
    site.write("guidance/a-map.md", guidance_markdown("Map", f"Visit [the site](<{host}>)."))
    assert _build(site).ok
    site.write("guidance/b-leaflet.md", guidance_markdown("Leaflet", f'Read [the leaflet](/guidance/a-map/ "{host}").'))
    planted = _build(site)
    assert _refused_at(planted, "PII001", "b-leaflet.md"), planted.messages()
    assert not _leaks(site, NAME, "guidance/b-leaflet")


@pytest.mark.parametrize("way", ["one process", "two halves", "pages read as written", "kept in memory"])
def test_a_block_waived_where_it_was_found_is_not_kept_clean(tmp_path, monkeypatch, way):
    """Page A names a person in a link's title, waived on A's line: the
    build passes. Whichever process read A, the block had a finding, and is
    not in what the build keeps: page B's same title, with no waiver, is
    refused by the next build (a new process, only the disk remembering;
    or the same process, its memory too: published.read_before)."""
    import lscb_checks.checks.published_text as gate

    monkeypatch.setattr(gate, "_FORK_FROM", 0 if way == "two halves" else 10**9)
    monkeypatch.setattr(gate, "_STREAM_FROM", 0 if way == "pages read as written" else 10**9)
    waiver = f'<!-- waive PII001 "{NAME}": opened the centre as mayor; approved by Business Manager -->'
    link = f'See [the opening](/guidance/b-leaflet/ "{NAME}"). {waiver}'
    site = ScenarioSite(tmp_path / "site")
    site.write("guidance/a-opening.md", guidance_markdown("Opening", f"The centre was opened.\n\n{link}"))
    site.write("guidance/b-leaflet.md", guidance_markdown("Leaflet", "The leaflet was printed."))
    site.write("guidance/c-escalation.md", guidance_markdown("Escalation", "Ask your manager first."))
    first = _build(site, PLUGINS=PLUGINS)
    assert first.ok, first.messages()
    title = f'The leaflet was printed.\n\nRead [the leaflet](/guidance/a-opening/ "{NAME}").'
    site.write("guidance/b-leaflet.md", guidance_markdown("Leaflet", title))
    planted = site.build(PLUGINS=PLUGINS) if way == "kept in memory" else _build(site, PLUGINS=PLUGINS)
    assert _refused_at(planted, "PII001", "b-leaflet.md"), planted.messages()
    assert not _leaks(site, NAME, "guidance/b-leaflet")


def test_the_file_keeps_each_block_in_its_own_group():
    """Packed as a second process sends them and as the file holds them:
    the same group from two parts, a scope of any characters (a review's
    path with its digest after a NUL, an undecodable file name), a group
    read as an address beside the same scope read as words, an empty group
    and a key of the wrong length. Each key comes back in its group only."""
    review = "reviews/child-\udcff q.md\0" + "ab" * 16
    words, address, other = b"w" * 16, b"a" * 16, b"o" * 16
    first = Blocks()
    first.add(words, review, False)
    first.add(b"short", review, False)
    first.add(address, review, True)
    second = Blocks({("item", False): {other}, ("\0no item\0", True): set()})
    second.add(words, review, False)
    read = gate_cache._blocks(gate_cache._MAGIC + gate_cache.pack(first, second) + gate_cache.pack(second))
    assert sorted(read) == sorted([(words, review, False), (address, review, True), (other, "item", False)])
    assert not read.has(words, review, True) and not read.has(address, review, False)
    assert not read.has(other, review, False) and not read.has(words, "item", False)
