"""output/ is always a whole site: the last good one or the new one.

The swap (lscb_core.swap) is run in a child process that is killed just
before its k-th change to the file system, for every k: after each kill the
next build's start (`recover`) must find a whole site in output/. With the
atomic exchange, output/ must be whole at every step even without recovery.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, fingerprint, guidance_markdown
from lscb_core.swap import recover

# A child process: output/ holds the old site, the staging folder the new
# one; it swaps them, and before each file system change (Python's audit
# events) writes down whether output/ is whole, or stops dead at change KILL_AT.
CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    sys.path.insert(0, {plugins!r})
    from lscb_core.swap import swap_into_place

    output, staging = Path({output!r}), Path({staging!r})
    kill_at, atomic = int(sys.argv[1]), sys.argv[2] == "atomic"
    changes = 0
    EVENTS = {{"os.rename", "os.replace", "os.remove", "os.rmdir", "shutil.rmtree",
              "lscb.swap.exchange", "os.mkdir"}}

    def whole():
        pages = sorted(p.name for p in output.glob("*.html")) if output.is_dir() else []
        return pages == ["a.html", "b.html", "index.html"]

    def hook(event, args):
        global changes
        if event not in EVENTS:
            return
        changes += 1
        print(event, "whole" if whole() else "BROKEN", flush=True)
        if changes == kill_at:
            os._exit(9)

    sys.addaudithook(hook)
    swap_into_place(staging, output, atomic=atomic)
    print("done", "whole" if whole() else "BROKEN", flush=True)
""")


def _site(folder: Path, version: str) -> None:
    folder.mkdir(parents=True)
    for name in ("index.html", "a.html", "b.html"):
        (folder / name).write_text(f"{version} {name}", encoding="utf-8")
    (folder / "images").mkdir()
    (folder / "images" / "x.png").write_bytes(version.encode())


def _version(output: Path) -> str | None:
    if not output.is_dir():
        return None
    texts = {
        (output / n).read_text(encoding="utf-8").split()[0]
        for n in ("index.html", "a.html", "b.html")
        if (output / n).exists()
    }
    return texts.pop() if len(texts) == 1 and len(list(output.glob("*.html"))) == 3 else "mixed"


def _run(tmp_path: Path, kill_at: int, mode: str) -> list[str]:
    output, staging = tmp_path / "output", tmp_path / ".output.building-abc123"
    _site(output, "old")
    _site(staging, "new")
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(plugins=str(ROOT / "plugins"), output=str(output), staging=str(staging)))
    run = subprocess.run([sys.executable, str(script), str(kill_at), mode], capture_output=True, text=True, timeout=60)
    assert run.returncode in (0, 9), run.stderr
    return run.stdout.split("\n")


def _steps(tmp_path: Path, mode: str) -> list[str]:
    lines = [line for line in _run(tmp_path / "count", 0, mode) if line]
    assert lines[-1] == "done whole"
    return lines


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RENAME_EXCHANGE is Linux only")
def test_the_atomic_swap_never_leaves_output_incomplete(tmp_path):
    lines = _steps(tmp_path, "atomic")
    assert lines[0] == "lscb.swap.exchange whole", lines  # one step, then the old site is deleted
    assert not any(line.startswith("os.rename") for line in lines), lines
    assert not any(line.endswith("BROKEN") for line in lines), lines


@pytest.mark.parametrize("mode", ["atomic", "two-renames"])
def test_a_swap_killed_at_any_step_leaves_a_whole_site_after_recovery(tmp_path, mode):
    steps = len(_steps(tmp_path, mode)) - 1
    assert steps >= 2
    for kill_at in range(1, steps + 2):
        case = tmp_path / f"kill-{kill_at}"
        _run(case, kill_at, mode)
        output = case / "output"
        recover(output)
        assert _version(output) in ("old", "new"), (kill_at, sorted(p.name for p in case.iterdir()))
        leftovers = [p.name for p in case.iterdir() if p.name.startswith(".output.")]
        assert leftovers == [], (kill_at, leftovers)


def test_recovery_restores_the_last_good_site_when_output_is_missing(tmp_path):
    """The state a build killed between the two renames leaves (the bug:
    the next build deleted the old site)."""
    output = tmp_path / "output"
    _site(tmp_path / ".output.old-k1", "old")
    _site(tmp_path / ".output.building-k2", "half")
    (tmp_path / ".output.building-k2" / "b.html").unlink()
    recover(output)
    assert _version(output) == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_the_build_after_an_interrupted_one_keeps_the_good_site(scenario):
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral"))
    good = scenario.build()
    assert good.ok, good.messages()
    before = fingerprint(scenario.output)
    # Killed between the two renames: no output/, the good site beside it.
    parent = scenario.output.parent
    scenario.output.rename(parent / ".output.old-x7k2")
    (parent / ".output.building-q9w1").mkdir()
    (parent / ".output.building-q9w1" / "index.html").write_text("half written")

    # The next build fails (a broken link): the last good site must be there.
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "See [x](missing.md)."))
    failed = scenario.build()
    assert not failed.ok
    assert fingerprint(scenario.output) == before
    assert not [p for p in parent.iterdir() if p.name.startswith(".output.")]

    # And a build that passes replaces it as usual.
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Changed text."))
    passed = scenario.build()
    assert passed.ok, passed.messages()
    assert fingerprint(scenario.output) != before


def test_an_interrupted_build_leaves_no_unchecked_site_beside_output(scenario, monkeypatch):
    import lscb_core.build as building

    scenario.write("guidance/referral.md", guidance_markdown("Making a referral"))
    good = scenario.build()
    assert good.ok, good.messages()
    before = fingerprint(scenario.output)

    class Interrupted(building.Pelican):
        def run(self):  # the site is written into the staging folder, then Ctrl-C before the swap
            super().run()
            raise KeyboardInterrupt

    monkeypatch.setattr(building, "Pelican", Interrupted)
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Unchecked kestrel-walrus."))
    with pytest.raises(KeyboardInterrupt):
        scenario.build()
    assert fingerprint(scenario.output) == before
    parent = scenario.output.parent
    assert [p.name for p in parent.iterdir() if p.name.startswith(".output.")] == []
