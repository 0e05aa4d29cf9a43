"""The final gate's blocks read clean, kept on disk between builds
(lscb_checks.published.gate_cache), on real builds. Each second build starts
with nothing in memory (read_before.forget_all), as a new process does (a CI
run with its cache restored, the preview's full build after a save): what it
skips, it skips because of the file beside the output folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gate_memory import ALLOWLIST, BODY, CLEAN, GUIDANCE, count_reads, pii001, site_with  # noqa: E402

from conftest import ScenarioSite, guidance_markdown  # noqa: E402
from lscb_checks.published import read_before  # noqa: E402


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    yield from count_reads(monkeypatch)


def _site(root: Path, body: str = CLEAN) -> ScenarioSite:
    return site_with(root, body)


def _build(site: ScenarioSite, reads: list[int], **overrides):
    read_before.forget_all()  # as a new process: only the disk remembers
    reads.append(0)
    return site.build(**overrides)


def _kept(site: ScenarioSite) -> list[Path]:
    return sorted((site.output.parent / ".cache" / "gate").glob("*"))


_pii001 = pii001


def test_a_new_process_reads_only_what_the_last_build_did_not_keep(tmp_path, reads):
    site = _site(tmp_path / "site")
    assert _build(site, reads).ok
    assert len(_kept(site)) == 1
    site.write(GUIDANCE, guidance_markdown("Making a referral", CLEAN + "\nA new paragraph was added.\n"))
    assert _build(site, reads).ok
    assert 0 < reads[1] < reads[0] / 5, reads  # the new paragraph with what is beside it, little more


def test_without_the_setting_every_block_is_read_and_nothing_is_kept(tmp_path, reads):
    site = _site(tmp_path / "site")
    assert _build(site, reads, GATE_CACHE=False).ok
    assert _build(site, reads, GATE_CACHE=False).ok
    assert reads[1] >= reads[0] / 2, reads
    assert _kept(site) == []


def test_a_name_no_longer_allowed_is_refused_by_a_new_process(tmp_path, reads):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    site = _site(tmp_path / "site", BODY)
    allowed = _build(site, reads, REDACTION_ALLOWLIST=str(allowlist))
    assert allowed.ok, allowed.messages()
    before = sorted(p.relative_to(site.output) for p in site.output.rglob("*"))
    allowlist.write_text("# The entry was taken out.\n", encoding="utf-8")
    refused = _build(site, reads, REDACTION_ALLOWLIST=str(allowlist))
    assert _pii001(refused) == [("making-a-referral.md", 7)], refused.messages()
    assert reads[1] >= reads[0] / 2, reads  # read in full: the allowlist is part of the file's name
    assert sorted(p.relative_to(site.output) for p in site.output.rglob("*")) == before
    assert len(_kept(site)) == 1  # the file of the old inputs is gone


def test_a_damaged_file_is_only_slower(tmp_path, reads):
    site = _site(tmp_path / "site")
    assert _build(site, reads).ok
    (kept,) = _kept(site)
    kept.write_bytes(kept.read_bytes()[:-7])  # cut short
    site.write(GUIDANCE, guidance_markdown("Making a referral", BODY))
    refused = _build(site, reads)
    assert _pii001(refused) == [("making-a-referral.md", 7)], refused.messages()
    kept.write_bytes(b"not a cache at all")
    site.write(GUIDANCE, guidance_markdown("Making a referral", CLEAN))
    assert _build(site, reads).ok
    assert reads[2] >= reads[0] / 2, reads  # nothing was taken from it


def test_what_the_file_lists_is_not_read_again_so_the_live_site_never_uses_one(tmp_path, reads):
    """The file is trusted as the code is: a block it lists is skipped. Here
    the file of a build that allowed the name is put in place of the next
    build's, and the name passes; that is why the live site is built without
    a cache restored (tests/test_workflows.py, docs/deploying.md), and why
    GATE_CACHE = False reads everything."""
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    site = _site(tmp_path / "site", BODY)
    assert _build(site, reads, REDACTION_ALLOWLIST=str(allowlist)).ok
    (allowed,) = _kept(site)
    listing = allowed.read_bytes()
    allowlist.write_text("# The entry was taken out.\n", encoding="utf-8")
    assert not _build(site, reads, REDACTION_ALLOWLIST=str(allowlist)).ok
    (refusing,) = _kept(site)
    refusing.write_bytes(listing)  # what another build read clean, under these inputs
    assert _build(site, reads, REDACTION_ALLOWLIST=str(allowlist)).ok
    off = _build(site, reads, REDACTION_ALLOWLIST=str(allowlist), GATE_CACHE=False)
    assert _pii001(off) == [("making-a-referral.md", 7)], off.messages()


@pytest.mark.parametrize("way", ["pages read as written", "two halves"])
def test_the_blocks_kept_are_those_one_process_keeps(tmp_path, reads, monkeypatch, way):
    """The second processes send back what they read clean, packed as the
    file holds it: the file is the same whichever way the pages were read."""
    import lscb_checks.checks.published_text as gate
    from lscb_checks.published.gate_cache import _blocks

    site = _site(tmp_path / "site")
    site.write("guidance/escalation.md", guidance_markdown("Escalation", "Ask your manager first.\n"))
    monkeypatch.setattr(gate, "_STREAM_FROM", 10**9)
    monkeypatch.setattr(gate, "_FORK_FROM", 10**9)
    assert _build(site, reads).ok
    (kept,) = _kept(site)
    alone = set(_blocks(kept.read_bytes()))
    kept.unlink()
    monkeypatch.setattr(gate, "_STREAM_FROM" if way == "pages read as written" else "_FORK_FROM", 0)
    assert _build(site, reads).ok
    (kept,) = _kept(site)
    assert set(_blocks(kept.read_bytes())) == alone
    assert {scope for _key, scope, _address in alone} >= {"item"}
