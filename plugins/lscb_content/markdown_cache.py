"""Keep what Markdown made of each page between builds (MARKDOWN_CACHE).

Converting the Markdown is most of what Pelican spends on a page. A page whose
bytes have not changed converts to the same HTML, as long as the converter is
the same: so each file's conversion (the body's HTML, the header's fields as
written, its level-two headings: plain strings only, as JSON) is kept in a file beside
the output folder (`.cache/markdown/<key>/conversions`), and the next build
takes it from there instead of converting the file again.

- **By content, never by time.** A conversion is used only for a file whose
  bytes have the SHA-256 they had when it was converted: an edit, a checkout
  or a CI cache restored with other timestamps always converts again.
- **The converter is part of the key.** The folder's name is a digest of the
  code that converts (this package's modules, the versions of Python,
  Pelican and Markdown) and of the settings the conversion reads (MARKDOWN,
  PATH, ...). A change to any of them starts an empty folder, and the
  folders of other keys are deleted.
- **Only the conversion is kept.** Each build reads the header's fields into
  values and makes every content object afresh, so every plugin and every
  publication check runs on every page in every build, as without the
  cache. Text read from PDFs and pictures is never kept
  (docs/performance.md).
- **Nothing outlives its file.** The file is written again only when
  something changed, with the conversions of the files this build read and
  no others (a deleted or renamed page's text goes), to a temporary file
  renamed into place: a build stopped half-way leaves the last whole cache,
  and the next build deletes what it was writing. A damaged entry, or a
  cache that cannot be read or written, is only slower.

`MARKDOWN_CACHE = False` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata as package_metadata
from pathlib import Path

from lscb_core.build_state import state_if_begun

log = logging.getLogger(__name__)

FOLDER = Path(".cache") / "markdown"
FILE = "conversions"
# What the conversion of a file reads from the settings, besides the file.
CONVERTER_SETTINGS = ("MARKDOWN", "PATH", "FORMATTED_FIELDS")
_HERE = Path(__file__).resolve().parent


@dataclass
class MarkdownCache:
    """One build's view of the cache: what an earlier build kept, and what
    this build used or converted (path -> [SHA-256 in hex, the conversion as
    JSON text])."""

    path: Path
    kept: dict[str, list]
    used: dict[str, list] = field(default_factory=dict)
    converted: int = 0


def converter_key(settings) -> str:
    """The digest of everything besides a file's bytes that decides its conversion."""
    digest = hashlib.sha256()
    versions = [sys.version, *(package_metadata.version(name) for name in ("pelican", "markdown"))]
    digest.update(repr(versions).encode())
    digest.update(repr([(name, settings.get(name)) for name in CONVERTER_SETTINGS]).encode())
    for module in sorted(_HERE.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:24]


def _open(settings) -> MarkdownCache:
    root = Path(settings["OUTPUT_PATH"]).resolve().parent / FOLDER
    key = converter_key(settings)
    for folder in root.glob("*"):
        if folder.name != key:  # another converter's: never read again
            shutil.rmtree(folder, ignore_errors=True)
    path = root / key / FILE
    # What a build stopped while writing left (it holds every page's text);
    # a build of the same key writing now only fails to write (save).
    for stray in (root / key).glob(".writing-*"):
        stray.unlink(missing_ok=True)
    kept: dict = {}
    try:
        with path.open("rb") as file:
            kept = json.load(file)
    except FileNotFoundError:
        pass
    except Exception as error:  # a cache that cannot be read is only slower
        log.info("markdown cache: %s could not be read (%s); converting every file", path, error)
    return MarkdownCache(path, kept if isinstance(kept, dict) else {})


def _cache(settings) -> MarkdownCache | None:
    if not settings.get("MARKDOWN_CACHE", True):
        return None
    state = state_if_begun(settings)
    if state is None:
        return None
    if state.markdown_cache is None:
        state.markdown_cache = _open(settings)
    return state.markdown_cache


def converted(settings, source_path: str, data: bytes, convert):
    """`convert(source_path, data)`, or what it gave in an earlier build for
    the same bytes. `data` is the file's bytes, read once by the caller: the
    digest and the conversion are of the same bytes, even when the file is
    saved again while the build reads it. What is returned is always a
    fresh copy."""
    cache = _cache(settings)
    if cache is None:
        return convert(source_path, data)
    digest = hashlib.sha256(data).hexdigest()
    key = os.path.abspath(source_path)
    entry = cache.kept.get(key)
    if entry is not None:
        try:
            if entry[0] == digest:
                result = _loads(entry[1])
                cache.used[key] = entry
                return result
        except Exception:  # a damaged entry: converted again
            pass
    result = convert(source_path, data)
    cache.used[key] = [digest, json.dumps(result, ensure_ascii=False)]
    cache.converted += 1
    return result


def _loads(text: str) -> tuple[str, dict, list]:
    """A conversion kept as JSON: (body's HTML, header fields as written,
    level-two headings as (id, text) pairs). Plain data only: reading a
    cache file never runs code, whoever wrote it."""
    content, meta, headings = json.loads(text)
    if not isinstance(content, str) or not isinstance(meta, dict) or not isinstance(headings, list):
        raise ValueError("not a conversion")
    return content, meta, [(str(anchor), str(text)) for anchor, text in headings]


def save(generators) -> None:
    """`all_generators_finalized`: every file has been read; write the cache
    if anything was converted or any kept file was not read."""
    settings = next((g.settings for g in generators if getattr(g, "settings", None)), None)
    state = state_if_begun(settings)
    cache = state.markdown_cache if state is not None else None
    if cache is None:
        return
    log.info("markdown cache: %d files read from it, %d converted", len(cache.used) - cache.converted, cache.converted)
    if not cache.converted and cache.used.keys() == cache.kept.keys():
        return
    try:
        cache.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".writing-", dir=cache.path.parent)
    except OSError as error:
        log.info("markdown cache: %s not written (%s)", cache.path, error)
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(cache.used, file, ensure_ascii=False)
        os.replace(temporary, cache.path)
    except OSError as error:  # another build deleted the folder or this file
        Path(temporary).unlink(missing_ok=True)
        log.info("markdown cache: %s not written (%s)", cache.path, error)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
