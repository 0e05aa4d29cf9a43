"""The live preview (make devserver): rebuilds on save with every check,
prints findings in the terminal, keeps the last good site when a save has
problems, and never writes its reload script into the output."""

from __future__ import annotations

import subprocess
import sys

import pytest
from devserver_helpers import LEAK, review_preview

from conftest import ROOT, review_markdown


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """One preview for the module's tests: starting one is most of each
    test's time. The test that saves a leak puts a good review back before
    it ends; the others only read."""
    running = review_preview(tmp_path_factory.mktemp("preview"))
    yield running
    running.stop()


def test_preview_builds_serves_and_adds_its_reload_script_only_when_serving(preview):
    status = preview.wait_for_build(1)
    assert status["ok"] is True, status["report"]
    code, body = preview.get("/reviews/child-q/")
    assert code == 200 and b'src="/__devserver/reload.js"' in body
    on_disk = (preview.output / "reviews" / "child-q" / "index.html").read_bytes()
    assert b"__devserver" not in on_disk
    assert preview.get("/__devserver/reload.js")[0] == 200
    assert preview.get("/no-such-page/")[0] == 404


def test_a_save_with_a_leak_is_reported_and_the_last_good_preview_stays(preview):
    preview.wait_for_build(1)
    saves = preview.status()["saves"]
    page = preview.output / "reviews" / "child-q" / "index.html"
    before = page.read_bytes()
    start = len(preview.log.read_text())  # what the preview printed before this save
    review = preview.content / "reviews" / "child-q.md"
    review.write_text(review.read_text(encoding="utf-8") + f"\n{LEAK}\n", encoding="utf-8")

    status = preview.wait_until_settled(saves)
    assert status["ok"] is False
    line = len(review.read_text(encoding="utf-8").splitlines())
    assert f"child-q.md:{line}:1: PII001" in status["report"]
    assert "Quennell" not in status["report"]  # masked, as in every report
    assert page.read_bytes() == before
    terminal = preview.log.read_text()[start:]
    assert "Saved: " in terminal and f"child-q.md:{line}:1: PII001" in terminal
    assert "The preview still shows the last good build" in terminal

    review.write_text(review_markdown(Summary="Fixed after the preview complained."), encoding="utf-8")
    status = preview.wait_until_settled(saves + 1)
    assert status["ok"] is True, status["report"]
    assert b"Fixed after the preview complained." in preview.get("/reviews/child-q/")[1]


def test_a_busy_port_gets_a_clear_error(preview):
    preview.wait_for_build(1)
    done = subprocess.run(
        [sys.executable, "-m", "lscb_cli", "devserver", "--port", str(preview.port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{preview.port}" in done.stderr and "hint: " in done.stderr
