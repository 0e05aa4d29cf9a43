"""The final gate's clean blocks kept on disk between builds (GATE_CACHE).

published.read_before keeps, in one process, the blocks of text the gate
read without a finding, under a digest of every input of the detectors
(`read_before.inputs_key`). This keeps the same set in a file beside the
output folder (`.cache/gate/<inputs digest>`), so that the next build in
another process (a CI run with its cache restored, the preview's full build
after a save) skips what an earlier build read clean, as a second build in
the same process does.

- **Only digests.** Each entry is a block's key (a 16-byte digest of the
  block with the text on either side of it: detect.key_digest), its scope
  and whether it was read as an address. No text is kept.
- **The inputs are the file's name.** Any change to the code, the data, a
  setting, the allowlist, the forename list or today's date gives another
  name; the files of other names are deleted when a build writes its own.
- **What one build read, no more.** The file holds the blocks the build
  read clean or found read clean before (and the bodies the early reader
  read clean), so a page deleted or edited takes its old blocks with it.
  It is written to a temporary name and renamed. A file that cannot be read
  is only slower.
- **A cache is trusted as the code is.** An entry makes the gate skip a
  block: a file written by someone else could hide a leak. The live site is
  never built with a cache restored (docs/deploying.md); `GATE_CACHE =
  False` turns it off.
"""

from __future__ import annotations

import logging
import os
import struct
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .blocks import Blocks

log = logging.getLogger(__name__)

FOLDER = Path(".cache") / "gate"
_MAGIC = b"lscb gate cache 1\n"
_HEAD = struct.Struct(">IBI")  # the scope's length in bytes, read as an address, number of keys
_KEY = 16  # bytes of a block's key (detect.key_digest)


def folder(settings) -> Path | None:
    """Where the files are, beside the output folder; None when off."""
    output = settings.get("OUTPUT_PATH") or ""
    if not settings.get("GATE_CACHE", False) or not output:
        return None
    return Path(output).resolve().parent / FOLDER


def load(settings, inputs: bytes) -> Blocks:
    """The blocks kept under these inputs."""
    where = folder(settings)
    if where is None:
        return Blocks()
    try:
        data = (where / inputs.hex()).read_bytes()
    except FileNotFoundError:
        return Blocks()
    except OSError as error:
        log.info("gate cache: %s could not be read (%s); reading every block", where, error)
        return Blocks()
    try:
        return _blocks(data)
    except (ValueError, struct.error, UnicodeDecodeError) as error:
        log.info("gate cache: %s is damaged (%s); reading every block", where, error)
        return Blocks()


def _blocks(data: bytes) -> Blocks:
    if not data.startswith(_MAGIC):
        raise ValueError("not a gate cache")
    at = len(_MAGIC)
    groups: dict[tuple[str, bool], set[bytes]] = {}
    while at < len(data):
        length, address, count = _HEAD.unpack_from(data, at)
        at += _HEAD.size
        scope = data[at : at + length].decode("utf-8", "surrogatepass")
        at += length
        end = at + count * _KEY
        if end > len(data) or address > 1:
            raise ValueError("cut short")
        groups.setdefault((scope, bool(address)), set()).update(data[i : i + _KEY] for i in range(at, end, _KEY))
        at = end
    return Blocks(groups)


def pack(*parts: Blocks) -> bytes:
    """The blocks of every part, as the file writes them (a second process
    sends its blocks so). One group is joined at a time."""
    groups = sorted({group for part in parts for group in part.groups if group[0] is not None})
    packed = []
    for scope, address in groups:
        keys = sorted({key for part in parts for key in part.groups.get((scope, address), ()) if len(key) == _KEY})
        if not keys:
            continue
        name = scope.encode("utf-8", "surrogatepass")
        packed += [_HEAD.pack(len(name), int(address), len(keys)), name, b"".join(keys)]
    return b"".join(packed)


def save(settings, inputs: bytes, packed: Iterable[bytes]) -> None:
    """Keep the blocks (each part made by `pack`) under these inputs, in
    place of what was kept."""
    where = folder(settings)
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        for other in where.iterdir():
            if other.name != inputs.hex():  # other inputs', or a build's stopped half-way
                other.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".writing-")
        with os.fdopen(handle, "wb") as file:
            file.write(_MAGIC)
            for part in packed:
                file.write(part)
        os.replace(temporary, where / inputs.hex())
    except OSError as error:
        log.info("gate cache: %s could not be written (%s)", where, error)
