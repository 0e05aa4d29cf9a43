"""Put a freshly built site in place of output/ so that output/ is always a
whole site: the last good one or the new one, never nothing, never a mix.

The site is built into a staging folder beside output/ (`.output.building-*`).
Then:

* Linux: one renameat2(RENAME_EXCHANGE) call swaps the two folders in a
  single step (the kernel does it atomically); the old site, now under the
  staging name, is deleted. A build killed at any moment leaves output/
  whole.
* Elsewhere, or on a file system that cannot exchange: output/ is renamed to
  `.output.old-*`, the staging folder to output/, and the old one deleted.
  Between the two renames there is no output/: a build killed exactly then
  leaves the last good site as `.output.old-*`, and `recover` (run when every
  build starts) puts it back before anything else happens.

output/ stays a plain folder (not a symbolic link), so web servers, rsync,
linkchecker and GitHub's upload action read it as they always have.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2 << 0  # from <linux/fs.h>
_renameat2 = None


def _load_renameat2():
    global _renameat2
    if _renameat2 is None:
        _renameat2 = False
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            function = libc.renameat2
        except (OSError, AttributeError):  # not Linux, or a C library without it
            return None
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
        _renameat2 = function
    return _renameat2 or None


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step. False when this system
    or file system cannot (nothing was changed then)."""
    function = _load_renameat2()
    if function is None:
        return False
    sys.audit("lscb.swap.exchange", first, second)  # for tests that trace each step
    result = function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False  # e.g. a file system without RENAME_EXCHANGE
    raise OSError(error, os.strerror(error), str(first), None, str(second))


def _leftovers(output: Path, kind: str) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}.{kind}-*"), key=lambda p: p.stat().st_mtime)


def recover(output: Path) -> None:
    """Before a build: tidy what an interrupted one left beside output/.

    A staging folder is never trusted (it may be half-written) and is
    deleted. When output/ is missing, a build was stopped between the two
    renames of the fallback swap: the last good site (`.output.old-*`, the
    newest if several) becomes output/ again. Only then are old folders
    deleted."""
    for staging in _leftovers(output, "building"):
        shutil.rmtree(staging, ignore_errors=True)
    olds = _leftovers(output, "old")
    if not output.exists() and not output.is_symlink() and olds:
        olds.pop().rename(output)
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def _fresh_name(output: Path, kind: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=f".{output.name}.{kind}-", dir=output.parent))
    path.rmdir()
    return path


def swap_into_place(staging: Path, output: Path, atomic: bool = True) -> None:
    """Make `staging` the new `output`; the old site is deleted afterwards.
    atomic=False takes the two-rename path (as on systems without
    RENAME_EXCHANGE)."""
    if not output.exists():
        staging.rename(output)  # a rename onto a free name is atomic
        return
    if atomic and output.is_dir() and not output.is_symlink() and exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    old = _fresh_name(output, "old")
    output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)
