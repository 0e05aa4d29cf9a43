"""The bench's preview timing (lscb_cli.bench_preview) on a real preview
server: plain Pelican's, on a small bench site."""

from __future__ import annotations

import sys

from conftest import ROOT
from lscb_cli.bench import PLAIN
from lscb_cli.bench_preview import free_port, latency, plain_settings_file
from lscb_cli.bench_site import generate


def _site(tmp_path):
    content = tmp_path / "content"
    generate(content, 20)
    return ROOT, content, plain_settings_file(tmp_path / "plainconf.py", ROOT, PLAIN)


def test_a_save_is_timed_until_the_preview_serves_it_and_the_page_is_put_back(tmp_path):
    root, content, settings = _site(tmp_path)
    page = content / "guidance" / "procedure-0.md"
    before = page.read_bytes()
    port = free_port()
    command = [sys.executable, "-m", "pelican", "--autoreload", "--listen", "--settings", str(settings)]
    command += ["--output", str(tmp_path / "out"), "--bind", "127.0.0.1", "--port", str(port), str(content)]
    seconds = latency(command, root, f"http://127.0.0.1:{port}/procedure-0/", page, "Procedure 0", start_timeout=120)
    assert isinstance(seconds, float) and 0 < seconds < 60, seconds
    assert page.read_bytes() == before
    assert "edited for the third timing" in (tmp_path / "out" / "procedure-0" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_preview_that_never_serves_the_page_is_reported_not_timed(tmp_path):
    root, content, _settings = _site(tmp_path)
    page = content / "guidance" / "procedure-0.md"
    port = free_port()
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    found = latency(command, tmp_path, f"http://127.0.0.1:{port}/procedure-0/", page, "Procedure 0", start_timeout=3)
    assert found == "the first build was never served"
