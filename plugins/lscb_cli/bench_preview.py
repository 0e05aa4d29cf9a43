"""From a save to the changed page served, in each tool's own preview.

For each tool the bench starts its preview server on the bench's pages
(`make devserver` for this project, `pelican --autoreload --listen` for
plain Pelican, `hugo server`, `eleventy --serve --incremental`), waits for
the first build to be served (this project's preview: and its site read for the fast
path; then 3 s more, for its watcher to start), then three times adds a sentence to one
guidance page and times how long until the server's copy of that page holds
it, fetching it every 10 ms. The median of the three counts. The page is put
back as it was afterwards.
"""

from __future__ import annotations

import http.client
import os
import signal
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROUNDS = ("first", "second", "third")
START_TIMEOUT = 900  # seconds for the first build at 5,000 pages
EDIT_TIMEOUT = 300


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, http.client.HTTPException, OSError):
        # Not served yet, or a file the server was writing while it sent it.
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    """Seconds until the page at `url` holds `text`, or None at `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _fetch(url):
            return time.perf_counter() - started
        time.sleep(0.01)
    return None


def latency(
    command: list[str],
    cwd: Path,
    url: str,
    page: Path,
    ready: str,
    env: dict | None = None,
    start_timeout: float = START_TIMEOUT,
    status_url: str = "",
) -> float | str:
    """The median seconds from a save of `page` to `url` serving it, or why
    it could not be measured. `ready`: text the page holds once the first
    build is served."""
    original = page.read_text(encoding="utf-8")
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        if not ready or _wait_for(url, ready, start_timeout) is None:
            return "the first build was never served"
        # This project's preview reads the whole site into its own process
        # beside its first build; a save is timed once it says it has.
        if status_url and _wait_for(status_url, '"building": false, "fast": true', start_timeout) is None:
            return "the preview never got ready for instant previews"
        # A watcher may start only once the first build is served: a save
        # before it is watching would never be seen.
        time.sleep(3)
        times = []
        for round_ in ROUNDS:
            marker = f"This page was edited for the {round_} timing."
            page.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            seconds = _wait_for(url, marker, EDIT_TIMEOUT)
            if seconds is None:
                return f"the {round_} edit was not served within {EDIT_TIMEOUT} s"
            times.append(seconds)
            time.sleep(1)  # the watcher settles before the next save
        return statistics.median(times)
    finally:
        page.write_text(original, encoding="utf-8")
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def free_port() -> int:
    """A port nothing listens on now (the bench's servers start one at a time)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def plain_settings_file(path: Path, root: Path, plain_settings: dict) -> Path:
    """A settings file for `pelican` itself: the project's pelicanconf.py
    with the bench's plain-Pelican settings over it."""
    import json

    path.write_text(
        "import json, sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "from pelicanconf import *  # noqa\n"
        f"globals().update(json.loads({json.dumps(plain_settings)!r}))\n",
        encoding="utf-8",
    )
    return path


def previews(content: Path, work: Path, root: Path, python: str, plain_settings: dict, others: dict, folders: dict):
    """{tool: latency or why not} for this project, plain Pelican and each
    installed other tool, on the page guidance/procedure-0."""
    page = Path("guidance") / "procedure-0.md"
    ready = "Procedure 0"
    found: dict[str, float | str] = {}
    port = free_port()
    found["this project"] = latency(
        [
            python,
            "-m",
            "lscb_cli",
            "devserver",
            "--settings",
            str(root / "pelicanconf.py"),
            "--output",
            str(work / "out-preview"),
            "--content",
            str(content),
            "--port",
            str(port),
        ],
        root,
        f"http://127.0.0.1:{port}/guidance/procedure-0/",
        content / page,
        ready,
        {"LSCB_TODAY": "2026-11-23"},
        status_url=f"http://127.0.0.1:{port}/__devserver/status",
    )
    settings = plain_settings_file(work / "plainconf.py", root, plain_settings)
    port = free_port()
    found["plain Pelican"] = latency(
        [
            python,
            "-m",
            "pelican",
            "--autoreload",
            "--listen",
            "--settings",
            str(settings),
            "--output",
            str(work / "out-plain-preview"),
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            str(content),
        ],
        root,
        f"http://127.0.0.1:{port}/procedure-0/",
        content / page,
        ready,
    )
    if "hugo" in others:
        port = free_port()
        found["hugo"] = latency(
            [others["hugo"][0], "server", "--bind", "127.0.0.1", "--port", str(port), "--disableLiveReload"],
            folders["hugo"],
            f"http://127.0.0.1:{port}/guidance/procedure-0/",
            folders["hugo"] / "content" / page,
            ready,
        )
    if "eleventy" in others:
        port = free_port()
        found["eleventy"] = latency(
            [others["eleventy"][0], "--serve", "--incremental", "--port", str(port)],
            folders["eleventy"],
            f"http://localhost:{port}/guidance/procedure-0/",
            folders["eleventy"] / "src" / page,
            ready,
        )
    return found
