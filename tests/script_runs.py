"""Run one of the project's scripts (scripts/new, scripts/redaction-register)
many times in a test file without importing the project afresh for each run.

Such a script imports most of the project before it does anything (its
command's module imports lscb_checks, which imports every check and
Pelican): about a second of one core, where the script's own work takes a
few hundredths. A test file that runs it eighty times spent most of its time
importing. The same holds for `python -m lscb_cli build`
(`ScriptRunner.module`).

`ScriptRunner(script)` starts one Python process (on its first run) that
imports what the script imports, the way the script does: the script file
is executed once under another name than __main__, so its own
`sys.path.insert(...)` and imports run and its `main()` does not. Nothing
else is done in that process. Each run is a fork of it: the script file runs
as __main__, with the run's arguments, environment, working folder and
standard input, its standard output and error written to files, and its
exit status returned, as `subprocess.run(..., capture_output=True,
text=True)` returns them. A fork starts from the state just after the
imports, so no run sees what another run did.

What a run does not repeat is the interpreter's start and the imports. The
tests that need a brand-new process (in a terminal, through `make new`)
still start the script with exec.
"""

from __future__ import annotations

import atexit
import importlib
import io
import json
import locale
import os
import runpy
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path


class ScriptRunner:
    """Runs `python SCRIPT args...`; `ScriptRunner.module(...)` runs `python
    -m MODULE args...` instead."""

    def __init__(self, script: Path):
        self.script = Path(script)
        self._target = ["script", str(self.script)]
        self._shown = [sys.executable, str(self.script)]
        self._cwd: Path | None = None
        self._process: subprocess.Popen | None = None
        self._socket: socket.socket | None = None

    @classmethod
    def module(cls, name: str, imports: list[str], cwd: Path) -> ScriptRunner:
        """`python -m NAME`, always from the folder `cwd` (the first folder
        of its sys.path). `imports` are the modules it imports before it
        does anything: a package's __main__ may not be imported without
        running it, so its imports are named here."""
        runner = cls(Path(name))
        runner._target = ["module", name, str(cwd), *imports]
        runner._shown = [sys.executable, "-m", name]
        runner._cwd = Path(cwd)
        return runner

    def _start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with theirs:
            self._process = subprocess.Popen(
                [sys.executable, __file__, str(theirs.fileno()), *self._target],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        self._socket = ours
        atexit.register(self.close)  # if no fixture closed it first
        ours.settimeout(120)
        ready = json.loads(ours.recv(1 << 20) or b'"the process ended"')
        if ready != "ready":
            self.close()
            raise AssertionError(f"{self.script.name} could not be imported:\n{ready}")

    def run(
        self,
        args: list[str],
        *,
        input: str = "",
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess:
        """The script run with `args`; `env` and `cwd` are this process's
        when not given, as with subprocess.run."""
        if self._process is None:
            self._start()
        env = dict(os.environ) if env is None else env
        cwd = (self._cwd or Path.cwd()) if cwd is None else cwd
        assert self._cwd is None or Path(cwd) == self._cwd, "python -m is run from the folder it was started in"
        encoding = locale.getpreferredencoding(False)  # subprocess's text mode
        with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
            stdin.write(input.encode(encoding))
            stdin.seek(0)
            request = {"args": [str(a) for a in args], "env": dict(env), "cwd": str(cwd)}
            fds = [stdin.fileno(), stdout.fileno(), stderr.fileno()]
            socket.send_fds(self._socket, [json.dumps(request).encode()], fds)
            self._socket.settimeout(timeout)
            pid = json.loads(self._socket.recv(1 << 16))["pid"]
            try:
                returncode = json.loads(self._socket.recv(1 << 16))["returncode"]
            except TimeoutError:
                os.kill(pid, 9)
                json.loads(self._socket.recv(1 << 16))
                raise subprocess.TimeoutExpired([*self._shown, *args], timeout) from None
            outputs = []
            for stream in (stdout, stderr):
                stream.seek(0)
                outputs.append(io.TextIOWrapper(io.BytesIO(stream.read()), encoding=encoding).read())
        return subprocess.CompletedProcess([*self._shown, *args], returncode, *outputs)

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()  # the process ends when it reads nothing more
            self._socket = None
        if self._process is not None:
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None


# --- The process that imports once and forks a run ----------------------------


def _exit_code(code) -> int:
    """What Python exits with for SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _run(target: list[str], request: dict, fds: list[int]) -> int:
    for number, fd in enumerate(fds):  # the inherited sys.stdin, sys.stdout and sys.stderr now use them
        os.dup2(fd, number)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    kind, name = target[:2]
    sys.argv = [name, *request["args"]]
    try:
        if kind == "script":
            runpy.run_path(name, run_name="__main__")
        else:  # sys.argv[0] becomes the module's file, as with python -m
            runpy.run_module(name, run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as stop:
        code = _exit_code(stop.code)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            code = code or 120  # as Python does when flushing at exit fails
    return code


def _serve(channel: socket.socket, target: list[str]) -> None:
    kind, name = target[:2]
    try:
        if kind == "script":
            sys.path[0] = str(Path(name).parent)  # as `python SCRIPT` sets it
            sys.argv = [name]
            runpy.run_path(name, run_name="__imports__")
        else:
            sys.path[0] = target[2]  # as `python -m` sets it: the working folder
            for module in [name, *target[3:]]:
                importlib.import_module(module)
        # A fork copies only the thread that forks.
        assert threading.active_count() == 1, "importing the script started a thread"
    except BaseException as error:
        channel.send(json.dumps(f"{type(error).__name__}: {error}").encode())
        return
    channel.send(json.dumps("ready").encode())
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(channel, 1 << 20, 3)
        except OSError:
            return
        if not message:
            return
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                channel.close()
                code = _run(target, request, fds)
            finally:
                os._exit(code)
        for fd in fds:
            os.close(fd)
        channel.send(json.dumps({"pid": pid}).encode())
        _, status = os.waitpid(pid, 0)
        channel.send(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode())


if __name__ == "__main__":
    _serve(socket.socket(fileno=int(sys.argv[1])), sys.argv[2:])
