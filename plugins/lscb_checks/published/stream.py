"""A second process that reads the built pages while Pelican writes the next.

The final gate reads every file of the built site. Most of them are the
pages of content items, and Pelican writes those one at a time, well before
it has finished (the listings, feeds, static files, the search index...).
So when the source checks have passed (`start`), a worker process is forked
with the site model, and Pelican's `content_written` signal hands it each
page of an item as soon as it is on disk (`written`): the worker reads it and
runs the detectors on the second core while the main process renders the
next pages. At the end (`finish`) the worker is told which of the files not
streamed it reads; the main process reads the others, as before.

Nothing is read less: before it reports, the worker reads each page it read
early once more and compares its bytes with what it read (a digest). If any
page changed, went, or was written twice, everything the worker read early
is thrown away and every page is read again from the finished output. If
the worker dies, the main process reads its files.

On a machine with one core, where processes cannot be forked, or on a small
site, nothing is streamed: the gate reads the finished output as before.
"""

from __future__ import annotations

import multiprocessing
import os

from ..forking import second_core

_worker: _Worker | None = None
_END = b"\0\0"  # after the last path (a path never holds a NUL character)
_PIPE_SIZE = 1 << 20  # room for the paths of 20,000 pages: a write never waits


class _Worker:
    def __init__(self, root: str, wanted: frozenset[str], process, connection, paths: int) -> None:
        self.root = root
        self.prefix = os.path.join(root, "")
        self.wanted = wanted
        self.process = process
        self.connection = connection  # for the end: what to read, and the findings
        self.paths = paths  # the pipe the paths go down, one write each
        self.sent: set[str] = set()


def start(root: str, wanted: frozenset[str], target, *args) -> bool:
    """Fork a worker running target(*args, inbox, connection): `inbox`
    yields each relative path handed over, as it comes; `connection` then
    receives the payload given to finish() and sends back the answer.
    `wanted`: the relative paths to hand over as they are written. False
    when no worker could be started."""
    global _worker
    stop()
    if not second_core():
        return False
    context = multiprocessing.get_context("fork")
    try:
        read_end, write_end = os.pipe()
        _widen(write_end)
        ours, theirs = context.Pipe(duplex=True)
        process = context.Process(target=_run, args=(target, args, read_end, write_end, theirs), daemon=True)
        process.start()
    except (OSError, RuntimeError):
        return False
    os.close(read_end)
    theirs.close()
    _worker = _Worker(os.path.abspath(root), wanted, process, ours, write_end)
    return True


def _widen(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # a smaller pipe: a write may wait for the worker, that is all


def active(root: str) -> bool:
    return _worker is not None and _worker.root == os.path.abspath(root) and _worker.process.is_alive()


def streamed() -> set[str]:
    """The relative paths handed to the worker so far."""
    return set(_worker.sent) if _worker is not None else set()


def written(path, context=None) -> None:
    """Pelican's `content_written`: hand the page to the worker if wanted."""
    worker = _worker
    if worker is None:
        return
    path = os.fspath(path)
    if not path.startswith(worker.prefix):
        path = os.path.abspath(path)
        if not path.startswith(worker.prefix):
            return
    rel = path[len(worker.prefix):].replace(os.sep, "/")
    if rel in worker.wanted:
        try:
            os.write(worker.paths, rel.encode("utf-8", "surrogateescape") + b"\0")
        except OSError:  # the worker is gone: the page is read at the end
            return
        worker.sent.add(rel)


def finish(payload):
    """Tell the worker to finish; returns a function that waits for its
    answer (None if the worker failed)."""
    global _worker
    worker, _worker = _worker, None
    try:
        os.write(worker.paths, _END)
        worker.connection.send(payload)
    except (OSError, ValueError, AttributeError):
        _close(worker)
        return lambda: None

    def wait():
        try:
            result = worker.connection.recv()
        except (EOFError, OSError):
            result = None
        worker.process.join()
        ok = worker.process.exitcode == 0
        _close(worker)
        return result if ok else None

    return wait


def stop() -> None:
    """Stop any worker (a build that stopped, or a new build)."""
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        _close(worker)
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.terminate()
            worker.process.join()


def _close(worker: _Worker | None) -> None:
    if worker is None:
        return
    worker.connection.close()
    try:
        os.close(worker.paths)
    except OSError:
        pass


def _run(target, args, read_end: int, write_end: int, connection) -> None:
    os.close(write_end)  # the worker's copy: the main process's closing is then seen
    try:
        target(*args, _paths(read_end), connection)
    finally:
        os.close(read_end)
        connection.close()


def _paths(fd: int):
    """Each path from the pipe as soon as it is there, read in as large
    pieces as are waiting; ends at the end mark. Raises EOFError if the
    main process closed the pipe without one (the build stopped)."""
    pending = b""
    while True:
        data = os.read(fd, 1 << 16)
        if not data:
            raise EOFError("the build stopped")
        pending += data
        *complete, pending = pending.split(b"\0")
        for raw in complete:
            if not raw:  # the end mark (two NULs) makes an empty piece
                return
            yield raw.decode("utf-8", "surrogateescape")
