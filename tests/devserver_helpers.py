"""A running live preview (lscb devserver) on a scenario content
folder, for the devserver tests and the browser test of its banner."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from script_runs import ScriptRunner

from conftest import ROOT, add_standard_pages, review_markdown

LEAK = "Harriet Quennell, born 3 March 2015, was seen at the clinic."


class Preview:
    def __init__(self, tmp_path: Path, settings: Path | None = None):
        self.settings = settings or (ROOT / "pelicanconf.py")
        self.content = tmp_path / "content"
        self.output = tmp_path / "output"
        self.log = tmp_path / "terminal.txt"
        self._port: int | None = None

    def start(self):
        # Port 0: the preview binds a port the system picks and prints it, so
        # no other program can take the port between choosing and binding.
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lscb_cli",
                "devserver",
                "--settings",
                str(self.settings),
                "--content",
                str(self.content),
                "--output",
                str(self.output),
                "--port",
                "0",
            ],
            cwd=ROOT,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            env={**os.environ, "LSCB_TODAY": "2026-11-23"},
        )

    @property
    def port(self) -> int:
        """The port the running preview listens on, from its first line."""
        deadline = time.monotonic() + 60
        while self._port is None:
            found = re.search(r"^Preview at http://127\.0\.0\.1:(\d+)/", self.log.read_text(), re.MULTILINE)
            if found:
                self._port = int(found.group(1))
            elif self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the preview did not start listening:\n{self.log.read_text()}")
            else:
                time.sleep(0.05)
        return self._port

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def status(self) -> dict:
        return json.loads(self.get("/__devserver/status")[1])

    def wait_for_build(self, version: int, seconds: float = 60) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                status = self.status()
                if status["version"] >= version:
                    return status
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"build {version} did not finish:\n{self.log.read_text()}")

    def wait_until_ready(self, seconds: float = 120) -> dict:
        """The first full build done and the site read for the fast path."""
        return self.wait_for(
            lambda status: status["fast"] and not status["building"] and status["version"] >= 1, seconds
        )

    def wait_until_settled(self, saves: int, seconds: float = 120) -> dict:
        """More than `saves` saves handled, and the full build after the
        last of them finished (and no save since, for a second)."""

        def settled(status):
            return status["saves"] > saves and not status["building"]

        while True:
            status = self.wait_for(settled, seconds)
            time.sleep(1)  # a second part of the same change (a file renamed)
            again = self.status()
            if settled(again) and again["saves"] == status["saves"]:
                return again

    def wait_for(self, ready, seconds: float) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                status = self.status()
                if ready(status):
                    return status
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.05)
        raise AssertionError(f"the preview did not settle:\n{self.log.read_text()}")


# `python -m lscb_cli build`: each run a fork of one process that has imported
# it and done nothing else (tests/script_runs.py), not a new interpreter
# importing the project again.
_BUILD = ScriptRunner.module("lscb_cli", ["lscb_cli.build"], cwd=ROOT)


def clean_build(content: Path, output: Path, settings: Path | None = None) -> Path:
    """The site `make html` makes of `content`, in `output`, the way the
    preview runs it (a process that has built nothing before, the preview's
    date)."""
    done = _BUILD.run(
        ["build", "--settings", str(settings or ROOT / "pelicanconf.py")]
        + ["--content", str(content), "--output", str(output)],
        env={**os.environ, "LSCB_TODAY": "2026-11-23"},
    )
    assert done.returncode == 0, done.stderr
    return output


def review_preview(root: Path) -> Preview:
    """A preview started on a content folder holding one review (and the
    standard pages)."""
    running = Preview(root)
    (running.content / "reviews").mkdir(parents=True)
    (running.content / "reviews" / "child-q.md").write_text(review_markdown(), encoding="utf-8")
    add_standard_pages(running.content)
    running.start()
    return running


@pytest.fixture
def preview(tmp_path):
    running = review_preview(tmp_path)
    yield running
    running.stop()
