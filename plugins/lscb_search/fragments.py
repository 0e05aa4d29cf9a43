"""Read a pagefind index back: which pages it holds and their words.

pagefind writes one gzip-compressed fragment per page under pagefind/fragment/;
each starts with the signature "pagefind_dcd" followed by JSON with the page's
url, content and meta. The indexer reads them to prove that nothing but
published pages was indexed; the tests read them too.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class Fragment:
    file: Path
    url: str  # as pagefind records it: /guidance/roles-of-agencies/
    title: str
    content: str
    raw: str  # the whole decoded JSON text, for looking for any word anywhere


def read_fragment(path: Path) -> Fragment:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a pagefind fragment (no {SIGNATURE.decode()} signature)")
    raw = data[len(SIGNATURE) :].decode("utf-8")
    record = json.loads(raw)
    return Fragment(
        file=path,
        url=record.get("url", ""),
        title=(record.get("meta") or {}).get("title", ""),
        content=record.get("content", ""),
        raw=raw,
    )


def each_fragment(bundle: Path) -> Iterator[Fragment]:
    """Every page in the index under `bundle` (the site's pagefind/ folder),
    read one at a time: at 1,000 pages the whole index read at once took
    some 50 MB, the largest part of the build's peak memory."""
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        yield read_fragment(path)


def read_index(bundle: Path) -> list[Fragment]:
    """Every page in the index under `bundle`, as a list."""
    return list(each_fragment(bundle))
