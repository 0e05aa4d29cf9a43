"""Read the site's PDFs in a second process while Pelican reads the Markdown.

Reading a PDF's text layer (pypdf, pure Python) costs a few milliseconds a
page, and the checks cannot start until Pelican has read every content
file. (Every other string of the file, read with pikepdf, adds about a
tenth: 0.2 ms for a bench PDF of 2 ms, 0.7 ms for the demo's of 12 ms.) So when Pelican starts (`initialized`), every PDF under the content
folder is handed to one worker process, which reads them while the main
process reads the Markdown; by the time the source checks ask for a PDF
(attachments.pdf_content) its content is usually ready. On a machine with
one core, or where processes cannot be forked, nothing changes: each PDF is
read when it is first needed, as before.

A result is used only for the same file, size, modification and change
time and inode it was read with (file_key), so a PDF changed since is read
again. The worker is stopped when the source checks have started (`stop`), whether they passed or not; what
it had read by then is kept for the rest of the build: on two cores the
source checks run in a forked process (lscb_checks.beside), and the final
gate, in this process, reads the same PDFs as published (`forget` at the
end of the build).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from ..forking import second_core

Key = tuple[str, int, int, int, int]  # absolute path, size, mtime and ctime in ns, inode

_pool: ProcessPoolExecutor | None = None
_pending: dict[Key, Future] = {}
_ready: dict[Key, object] = {}  # read before the worker stopped: kept for the build


def file_key(path: str) -> Key:
    """What a reading of the file is kept under. The modification time can
    be set back (a sync tool that keeps times, `touch -r`), so the change
    time is in it too, which any write or change of times sets to now, and
    the inode, which a file put in place of another has its own of."""
    stat = os.stat(path)
    return os.path.abspath(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def _pdfs_under(folder: str) -> list[str]:
    found = []
    for parent, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(os.path.join(parent, name) for name in names if name.lower().endswith(".pdf"))
    return sorted(found)


def start(pelican) -> None:
    """Hand every PDF under the content folder to a worker process."""
    global _pool
    stop()
    forget()
    if not second_core():
        return
    folder = pelican.settings.get("PATH", "")
    paths = _pdfs_under(folder) if folder and os.path.isdir(folder) else []
    if not paths:
        return
    from .attachments import read_pdf

    try:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        for path in paths:
            key = file_key(path)
            _pending[key] = _pool.submit(read_pdf, key[0])
    except (OSError, RuntimeError):  # no processes to be had: read them when needed
        stop()


def take(key: Key):
    """The content read in advance for this exact file, or None."""
    if key in _ready:
        return _ready.pop(key)
    future = _pending.pop(key, None)
    if future is None:
        return None
    try:
        return future.result()
    except Exception:  # the worker died (out of memory...): read it here instead
        return None


def settle() -> None:
    """Keep only the PDFs already read: a forked process (lscb_checks.beside)
    cannot wait for this pool, and reads the others itself."""
    for key in [key for key, future in _pending.items() if not future.done()]:
        del _pending[key]


def stop() -> None:
    """Stop the worker and forget what it has not delivered; what it has is
    kept until `forget`."""
    global _pool
    pool, _pool = _pool, None
    for key, future in _pending.items():
        if future.done() and not future.cancelled() and future.exception() is None:
            _ready[key] = future.result()
    _pending.clear()
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def forget() -> None:
    """Drop what was read in advance (the build is over)."""
    _ready.clear()
