"""What the tests of the gate's memory share (tests/test_read_before.py, in
one process; tests/test_gate_cache.py, on disk): a guidance page that names a
public person, the allowlist entry that allows the name, and a spy on the
characters handed to the gate's detectors in each build."""

from __future__ import annotations

from pathlib import Path

from conftest import ScenarioSite, guidance_markdown
from lscb_checks.published import detect, read_before

NAME = "Dorothy Pemberton"
GUIDANCE = "guidance/making-a-referral.md"
BODY = f"The referral form was designed with {NAME}, who leads the front door team.\n"
CLEAN = "The referral form was designed with the front door team.\n"
ALLOWLIST = f'[[allow]]\ntext = "{NAME}"\nreason = "Head of the front door team, named on the council\'s website"\n'


def count_reads(monkeypatch):
    """Characters handed to the gate's detectors, one count per build (a
    spy: the detectors still run): a fixture's body (`yield from`); append a
    0 before each build. Nothing is remembered in memory before or after."""
    counts: list[int] = []
    hits = detect.hits

    def counted(joined, *args, **kwargs):
        counts[-1] += len(joined)
        return hits(joined, *args, **kwargs)

    monkeypatch.setattr(detect, "hits", counted)
    read_before.forget_all()
    yield counts
    read_before.forget_all()


def site_with(root: Path, body: str) -> ScenarioSite:
    site = ScenarioSite(root)
    site.write(GUIDANCE, guidance_markdown("Making a referral", body))
    return site


def pii001(built) -> list[tuple[str, int]]:
    return [(Path(f.path).name, f.line) for f in built.result.findings if f.code == "PII001" and not f.waived]
