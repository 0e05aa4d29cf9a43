"""A failed build publishes nothing and leaves the last good site as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from conftest import ROOT, fingerprint, guidance_markdown, review_markdown


def test_a_failed_build_leaves_the_previous_output_byte_for_byte_unchanged(scenario):
    scenario.write("reviews/child-q.md", review_markdown())
    good = scenario.build()
    assert good.ok
    before = fingerprint(scenario.output)
    assert "reviews/child-q/index.html" in before

    scenario.write("reviews/child-q.md", review_markdown(Document="reviews/documents/missing.pdf"))
    scenario.write("guidance/new.md", guidance_markdown("New"))
    failed = scenario.build()

    assert not failed.ok
    assert fingerprint(scenario.output) == before
    leftovers = [p.name for p in scenario.root.iterdir() if p.name.startswith(".output.")]
    assert leftovers == []


def test_a_successful_build_replaces_the_output_completely(scenario):
    scenario.write("guidance/old.md", guidance_markdown("Old"))
    scenario.build()
    assert (scenario.output / "guidance/old/index.html").exists()
    (scenario.content / "guidance/old.md").unlink()
    scenario.write("guidance/new.md", guidance_markdown("New"))
    site = scenario.build()
    assert site.ok
    assert not (scenario.output / "guidance/old/index.html").exists()
    assert (scenario.output / "guidance/new/index.html").exists()


def test_a_page_pelican_cannot_read_fails_the_build_instead_of_vanishing(scenario):
    scenario.write("guidance/no-title.md", "Date: 2026-01-01\n\nText without a title.\n")
    site = scenario.build()
    assert not site.ok
    assert "no-title.md" in site.messages()


# A plugin that stops the build at `finalized`, when the whole new site is in
# the staging folder but has not yet replaced the output: the worst moment to
# be killed.
_STALL_PLUGIN = """
import pathlib, time
from pelican import signals

def stall(pelican):
    pathlib.Path(pelican.settings["STALL_MARKER"]).write_text("reached")
    time.sleep(60)

def register():
    signals.finalized.connect(stall)
"""


def test_a_build_killed_half_way_leaves_the_previous_output_unchanged(scenario):
    scenario.write("guidance/old.md", guidance_markdown("Old"))
    assert scenario.build().ok
    before = fingerprint(scenario.output)

    plugins = scenario.root / "stall"
    plugins.mkdir()
    (plugins / "stall_build.py").write_text(_STALL_PLUGIN, encoding="utf-8")
    marker = scenario.root / "reached"
    settings = scenario.root / "stallconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(scenario.content)!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(plugins)!r}]\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGINS = PLUGINS[:-1] + ['stall_build'] + PLUGINS[-1:]\nSTALL_MARKER = {str(marker)!r}\n",
        encoding="utf-8",
    )
    scenario.write("guidance/new.md", guidance_markdown("New"))
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--settings",
            str(settings),
            "--output",
            str(scenario.output),
        ],
        cwd=scenario.root,
        env={**os.environ, "LSCB_TODAY": "2026-11-23"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the build never reached the finalized signal"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert fingerprint(scenario.output) == before
    stale = [p for p in scenario.root.iterdir() if p.name.startswith(".output.building-")]
    assert stale and (stale[0] / "guidance" / "new" / "index.html").exists()  # killed after writing
    # The next build clears what the killed one left behind.
    assert scenario.build().ok
    assert not [p for p in scenario.root.iterdir() if p.name.startswith(".output.")]
    assert (scenario.output / "guidance" / "new" / "index.html").exists()
