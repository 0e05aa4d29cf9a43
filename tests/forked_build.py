"""Run `scripts/build.py ARGS` as its own process, without paying for Python
and the project's imports each time.

A fresh `python scripts/build.py` spends about as long importing Pelican
and the plugins as it spends building a small site. Here one server process
per test process
does what scripts/build.py does before it builds anything (`from
lscb_cli.build import main`, with the same sys.path), and then forks one
child per build: the child takes the build's environment, folder and
arguments, writes what it prints into two files (its own stdout and stderr,
at the level of the file descriptors, so nothing printed escapes), runs
main() as scripts/build.py does and exits with its status. The server never
builds, so every child starts from the state a fresh interpreter has once
it has imported scripts/build.py's imports; the project reads the
environment when it builds, never when it is imported. Like the pipes of a
subprocess, none of the server's streams is a terminal.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build.py"

# The server: read one request a line (JSON), fork, answer "pid N" then
# "exit N". Its own stdout is kept for the answers only.
_SERVER = r"""
import json, os, sys, traceback
answers = os.fdopen(os.dup(1), "w", buffering=1)
null = os.open(os.devnull, os.O_RDWR)
os.dup2(null, 1)
sys.path[0] = SCRIPTS
from lscb_cli.build import main
for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.flush(); sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            answers.close()
            os.dup2(null, 0)
            os.environ.clear()
            os.environ.update(request["env"])
            os.chdir(request["cwd"])
            for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
                out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(out, fd)
                os.close(out)
            sys.argv = [request["script"], *request["args"]]
            try:
                code = main(prog="build.py")
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            except BaseException:
                traceback.print_exc()
                code = 1
        finally:
            try:
                sys.stdout.flush(); sys.stderr.flush()
            finally:
                os._exit(code or 0)
    answers.write(f"pid {pid}\n")
    _, status = os.waitpid(pid, 0)
    answers.write(f"exit {os.waitstatus_to_exitcode(status)}\n")
"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


class _Server:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
        self.errors = tempfile.TemporaryFile()  # what the server itself prints, if it fails
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"SCRIPTS = {str(SCRIPT.parent)!r}\n{_SERVER}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=env,
            cwd=ROOT,
        )
        self.owner = os.getpid()
        self.read = b""

    def alive(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def answer(self, timeout: float) -> int:
        """The number in the server's next line ("pid N", "exit N")."""
        fd = self.process.stdout.fileno()
        while b"\n" not in self.read:
            ready, _, _ = select.select([fd], [], [], timeout)
            more = os.read(fd, 4096) if ready else b""
            if not more:
                self.errors.seek(0)
                said = self.errors.read().decode(errors="replace")[-2000:]
                raise TimeoutError(f"the build server stopped or did not answer:\n{said}")
            self.read += more
        line, _, self.read = self.read.partition(b"\n")
        return int(line.split()[1])

    def close(self) -> None:
        if self.alive():
            self.process.stdin.close()
            self.process.wait(timeout=30)


_server: _Server | None = None


def run(args: list[str], env: dict[str, str], cwd: Path, folder: Path, timeout: float = 300) -> Run:
    """scripts/build.py ARGS in its own process, with exactly `env` as its
    environment, from `cwd`; what it printed is kept in `folder`."""
    global _server
    if _server is None or not _server.alive():
        _server = _Server()
        atexit.register(_server.close)
    folder.mkdir(parents=True, exist_ok=True)
    stdout, stderr = folder / "build.stdout", folder / "build.stderr"
    request = {
        "script": str(SCRIPT),
        "args": [str(arg) for arg in args],
        "env": dict(env),
        "cwd": str(cwd),
        "stdout": str(stdout),
        "stderr": str(stderr),
    }
    _server.process.stdin.write(json.dumps(request).encode() + b"\n")
    _server.process.stdin.flush()
    pid = _server.answer(30)
    try:
        code = _server.answer(timeout)
    except TimeoutError:
        os.kill(pid, signal.SIGKILL)
        _server.process.kill()
        _server = None
        raise
    return Run(code, stdout.read_text(), stderr.read_text())
