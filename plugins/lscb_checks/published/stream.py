"""A second process that reads the built pages while Pelican writes the next.

The final gate reads every file of the built site. Most of them are the
pages of content items, and Pelican writes those one at a time, well before
it has finished (the listings, feeds, static files, the search index...).
So when the source checks have passed (`start`), a worker process is forked
with the site model, and Pelican's `content_written` signal hands it each
page of an item as soon as it is on disk (`written`): the worker reads it and
runs the detectors on the second core while the main process renders the
next pages. At the end (`finish`) the files that repeat the pages' text
(listings, feeds, the search index) are handed over the same way.

Both processes then share what is left to read. Every file handed over has
a number, in the order handed; the worker takes them from the front, one at
a time, and the main process, once its other checks are done, takes them
from the back (`take`), so that neither waits while the other still has a
backlog. A shared pair of numbers under a lock says where each has got to:
no file is read by both, none by neither.

Nothing is read less: before it reports, the worker reads each page it read
early once more and compares its bytes with what it read (a digest). If any
page changed, went, or was written twice, everything the worker read early
is thrown away and every page it took is read again from the finished
output. If the worker dies, the main process reads its files.

On a machine with one core, where processes cannot be forked, or on a small
site, nothing is streamed: the gate reads the finished output as before.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

from ..forking import second_core

_worker: _Worker | None = None
_END = b"\0\0"  # after the last path (a path never holds a NUL character)
_PIPE_SIZE = 1 << 20  # room for the paths of 20,000 pages: a write never waits
_FRONT, _BACK = 0, 1  # in the shared pair: the worker's next file, the first file the main process took
_NOT_YET = 1 << 62  # the back while files are still handed over


class _Worker:
    def __init__(self, root: str, wanted: frozenset[str], process, connection, paths: int, ends, lock) -> None:
        self.root = root
        self.prefix = os.path.join(root, "")
        self.wanted = wanted
        self.process = process
        self.connection = connection  # for the end: the findings
        self.paths = paths  # the pipe the paths go down, one write each
        self.ends = ends  # shared with the worker: [_FRONT, _BACK]
        self.lock = lock
        self.sent: list[str] = []  # every path handed over, in order: its number is its place


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
        ends = context.RawArray("q", [0, _NOT_YET])
        lock = context.Lock()
        process = context.Process(
            target=_run, args=(target, args, read_end, write_end, theirs, ends, lock), daemon=True
        )
        process.start()
    except (OSError, RuntimeError):
        return False
    os.close(read_end)
    theirs.close()
    _worker = _Worker(os.path.abspath(root), wanted, process, ours, write_end, ends, lock)
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
    rel = path[len(worker.prefix) :].replace(os.sep, "/")
    if rel in worker.wanted:
        _hand(worker, rel)


def _hand(worker: _Worker, rel: str) -> bool:
    try:
        os.write(worker.paths, rel.encode("utf-8", "surrogateescape") + b"\0")
    except OSError:  # the worker is gone: the file is read at the end
        return False
    worker.sent.append(rel)
    return True


class Share:
    """What is left to read once the site is written, shared with the
    worker: `take` gives the files this process reads, `wait` the worker's
    answer, `taken` the files this process took."""

    def __init__(self, worker: _Worker | None, unsent: list[str]) -> None:
        self.worker = worker
        self.unsent = unsent  # files that could not be handed over: read here
        self.sent = list(worker.sent) if worker is not None else []
        self.taken: list[str] = []

    def take(self) -> Iterator[str]:
        """The files for this process, one at a time from the back, until
        the worker and this process meet."""
        yield from self.unsent
        worker = self.worker
        if worker is None:
            return
        while True:
            with worker.lock:
                back = worker.ends[_BACK]
                if back <= worker.ends[_FRONT]:
                    return
                worker.ends[_BACK] = back - 1
            rel = worker.sent[back - 1]
            self.taken.append(rel)
            yield rel

    def wait(self):
        """The worker's answer, or None if it failed: then the files it
        took (`worker_files`) are read here."""
        worker, self.worker = self.worker, None
        if worker is None:
            return None
        try:
            result = worker.connection.recv()
        except (EOFError, OSError):
            result = None
        worker.process.join()
        ok = worker.process.exitcode == 0
        _close(worker)
        return result if ok else None

    def stop(self) -> None:
        """Stop the worker without its answer (a build that stopped)."""
        worker, self.worker = self.worker, None
        if worker is not None:
            _end(worker)

    def worker_files(self) -> list[str]:
        """Every file handed over that this process did not take."""
        taken = set(self.taken)
        return [rel for rel in dict.fromkeys(self.sent) if rel not in taken]


def finish(more: list[str]) -> Share:
    """Hand over `more` (files written after the pages: listings, feeds,
    the search index), then the end mark, and open the rest of the work to
    this process too (Share.take)."""
    global _worker
    worker, _worker = _worker, None
    unsent = [rel for rel in more if not _hand(worker, rel)]
    try:
        os.write(worker.paths, _END)
    except OSError:
        pass  # the worker is gone: take() gives every file it did not read
    with worker.lock:
        worker.ends[_BACK] = len(worker.sent)
    return Share(worker, unsent)


def stop() -> None:
    """Stop any worker (a build that stopped, or a new build)."""
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        _end(worker)


def _end(worker: _Worker) -> None:
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


def _run(target, args, read_end: int, write_end: int, connection, ends, lock) -> None:
    os.close(write_end)  # the worker's copy: the main process's closing is then seen
    try:
        target(*args, _claimed(_paths(read_end), ends, lock), connection)
    finally:
        os.close(read_end)
        connection.close()


def _claimed(paths: Iterator[str], ends, lock) -> Iterator[str]:
    """In the worker: each path handed over that the main process has not
    taken, claimed before it is read (see Share.take)."""
    for number, rel in enumerate(paths):
        with lock:
            if number >= ends[_BACK]:
                continue  # taken by the main process (and so is every later one)
            ends[_FRONT] = number + 1
        yield rel


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
