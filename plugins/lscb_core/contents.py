"""Recognise a file by what it holds, whatever its name or folder.

A file that must not be published must not be published as a copy either: a
withheld review's PDF saved again as documents/leaflet-2.pdf, or a redaction
register copied into the theme. Files are compared by SHA-256 of their bytes;
only files of a size that is wanted are read, so a look at every file of a
site costs a few stat calls. Empty files hold nothing and match nothing.
"""

from __future__ import annotations

import hashlib
import os


def digest(path: str | os.PathLike) -> str:
    """SHA-256 of the file's bytes, as hex."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


class KnownContents:
    """Contents to recognise: digest -> what it is (e.g. the source file)."""

    def __init__(self) -> None:
        self.by_digest: dict[str, str] = {}
        self._sizes: set[int] = set()

    def __bool__(self) -> bool:
        return bool(self.by_digest)

    def add(self, path: str | os.PathLike, label: str) -> str | None:
        """Remember the file's content; return its digest (None if empty or unreadable)."""
        try:
            size = os.path.getsize(path)
            if size == 0:
                return None
            value = digest(path)
        except OSError:
            return None
        self._sizes.add(size)
        self.by_digest.setdefault(value, label)
        return value

    def match(self, path: str | os.PathLike) -> tuple[str, str] | None:
        """(digest, label) when the file holds a known content, else None."""
        try:
            if os.path.getsize(path) not in self._sizes:
                return None
            value = digest(path)
        except OSError:
            return None
        label = self.by_digest.get(value)
        return (value, label) if label is not None else None
