"""The forename list PII001 uses: committed as lscb_checks/data/forenames.txt
(written by scripts/derive-word-lists from names-dataset) and read from there,
so the build needs neither the package nor a cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, review_markdown  # noqa: E402
from lscb_checks.text import forenames as fn  # noqa: E402
from lscb_checks.text import wordlists  # noqa: E402

LIST = wordlists.DATA / "forenames.txt"


def test_the_forename_list_is_committed_with_where_it_comes_from():
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", str(LIST)], cwd=ROOT, capture_output=True, text=True
    )
    assert tracked.returncode == 0, tracked.stderr
    head = LIST.read_text(encoding="utf-8").splitlines()[:8]
    assert head[0].startswith("# ") and "scripts/derive-word-lists" in " ".join(head)
    assert "names-dataset" in " ".join(head) and "Apache License" in " ".join(head)


def test_the_check_reads_the_committed_list():
    names = fn.forenames()
    written = {line for line in LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    assert names == frozenset(written) - fn.NOT_FORENAMES
    assert len(names) > 20000
    # Names common in England, of many origins, folded for lookup.
    for name in (
        "jane",
        "mohammed",
        "muhammad",
        "oluwaseun",
        "siobhan",
        "aoife",
        "zoe",
        "anne-marie",
        "priya",
        "wojciech",
        "kai",
        "grace",
        "will",
        "may",
        "mark",
        "rose",
    ):
        assert name in names, name
    # Words the package lists that are never somebody's first name in a review.
    for word in ("the", "head", "court", "staff", "quality", "police", "school", "monday"):
        assert word not in names, word


def test_a_build_finds_names_without_the_package_or_a_cache_folder(scenario, tmp_path):
    """The build never imports names_dataset: a site builds, and finds a
    name, in a process where the package cannot be imported and the cache
    folder does not exist."""
    body = "## Findings\n\nKyle Brennan and Zoë Brontë were both there.\n"
    scenario.write("reviews/child-q.md", review_markdown(body))
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "names_dataset.py").write_text("raise ImportError('names_dataset is not for builds')\n")
    code = (
        "import json, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from conftest import build_site\n"
        "from pathlib import Path\n"
        f"site = build_site(Path({str(scenario.content)!r}), Path({str(tmp_path / 'out')!r}))\n"
        "print(json.dumps(sorted(f.term for f in site.result.findings if f.code == 'PII001')))\n"
        "print('names_dataset' in sys.modules)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker), str(ROOT / "plugins")]),
        "XDG_CACHE_HOME": str(tmp_path / "no-cache"),
        "HOME": str(tmp_path / "home"),
    }
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    terms, imported = done.stdout.strip().splitlines()[-2:]
    assert terms == '["Kyle Brennan", "Zo\\u00eb Bront\\u00eb"]'
    assert imported == "False"
    assert not (tmp_path / "no-cache").exists()
