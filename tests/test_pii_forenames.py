"""The forename list PII001 uses: derived once from the names-dataset
package into the cache folder, then read from there."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import review_markdown  # noqa: E402

from lscb_checks.text import forenames as fn  # noqa: E402


def test_the_check_reads_the_forenames_from_the_cache_file(scenario, tmp_path):
    cache = tmp_path / "cache"
    settings = {"LSCB_CACHE_DIR": str(cache)}
    path = fn.cache_file(settings)
    path.parent.mkdir(parents=True)
    path.write_text("kyle\nzoe\n", encoding="utf-8")
    body = "## Findings\n\nKyle Brennan, Zoë Brontë and Jane Smith were all there.\n"
    scenario.write("reviews/child-q.md", review_markdown(body))
    site = scenario.build(LSCB_CACHE_DIR=str(cache))
    assert [f.term for f in site.result.findings if f.code == "PII001"] == ["Kyle Brennan", "Zoë Brontë"]


def test_forenames_are_derived_once_then_loaded_quickly(tmp_path):
    settings = {"LSCB_CACHE_DIR": str(tmp_path)}
    path = fn.cache_file(settings)
    assert path.name == f"forenames-{fn.package_version()}-{fn.SELECTION}.txt"
    assert not path.exists()

    started = time.perf_counter()
    names = fn.forenames(settings)  # derives from the package and writes the file
    derived_in = time.perf_counter() - started
    assert path.is_file()
    fn._load.cache_clear()
    started = time.perf_counter()
    again = fn.forenames(settings)
    loaded_in = time.perf_counter() - started
    print(f"\nforenames: {len(names)} names; derived in {derived_in:.1f} s, loaded from "
          f"{path.stat().st_size // 1024} KB cache in {loaded_in * 1000:.0f} ms")

    assert again == names
    assert loaded_in < 0.5
    assert len(names) > 20000
    # Names common in England, of many origins, folded for lookup.
    for name in ("jane", "mohammed", "muhammad", "oluwaseun", "siobhan", "aoife", "zoe", "anne-marie",
                 "priya", "wojciech", "kai", "grace", "will", "may", "mark", "rose"):
        assert name in names, name
    # Words the package lists that are never somebody's first name in a review.
    for word in ("the", "head", "court", "staff", "quality", "police", "school", "monday"):
        assert word not in names, word
