"""Blocks of text the final gate read without a finding in an earlier build
in this process, for the next build whose detectors read the very same
inputs: the theme's header, menus and footer, the standard pages, and every
page that did not change are then not read again.

Within one build the gate skips a block it has read clean in the same
company (published.gate.Gate: the block with the text on either side of it,
its scope, and whether it was read as an address). Between two builds that
holds only if everything else the detectors can read is the same too.
`inputs_key` is a digest of all of it:

* the project's code and data: every file under plugins/, read at the first
  build in the process; the versions of Python, of its Unicode tables and of
  every installed package (a detector reads textstat's list of easy words,
  another parses dates with dateutil);
* every setting, as data (the content and output folders as placeholders, so
  the same site built in another folder shares the key); the environment's
  LSCB_ variables; the build's today, and the clock's (dateutil fills a
  date's missing year or day from it);
* the allowlist's entries and the forename list;

and the scope of a block carries the rest (`scope`). On an item's own page
(a review, or a page that declares Pseudonyms or Credits) the scope, its
path, gets a digest of its source and header (its pseudonyms, its credits,
the words it writes in lower case): an edited review is read again in full.
On a page of no item (a listing, a feed, the search index), where the
pseudonyms and credits of the reviews it links to are accepted
(published.shown_reviews), it is a digest of each of those reviews' place,
state, header and whole source: any change to one reads those pages again. The other items' pages depend on no review, so a
site whose reviews changed still skips the theme's header and footer and
the standard pages.

Only blocks the gate read to the end are kept, and only from a gate that read
every file it was given. The registers' terms are compared with every text of
every build (never skipped), and so are the texts of attachments' own files:
this only skips the detectors' reading of a block they found nothing in.
Kept in memory for a few sets of inputs, and on disk beside the output folder
with GATE_CACHE (published.gate_cache).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import sys
import unicodedata
from collections import OrderedDict
from functools import cache, lru_cache
from pathlib import Path

from lscb_core.dates import today

from . import gate_cache
from .blocks import Blocks

_PLUGINS = Path(__file__).resolve().parents[2]
_KEEP = 4  # sets of inputs kept (a test run builds many small sites)
_MOST = 400_000  # blocks kept for one set of inputs (about 60 MB)
_kept: OrderedDict[bytes, Blocks] = OrderedDict()  # never changed once kept
_SECRET = ("LSCB_REDACTION_KEY",)  # the registers' key: not an input of the detectors
# The build's own record (its findings and timings so far, lscb_core.build_state):
# written during the build, read by no detector.
_NOT_INPUTS = ("LSCB_STATE",)


@cache
def code_digest() -> bytes:
    """Every file under plugins/ (code, word lists, data) and the versions
    of what runs them (Python, its Unicode tables, every installed package:
    a detector reads textstat's list of easy words and parses dates with
    dateutil), read once per process."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{sys.version}\0{unicodedata.unidata_version}\0".encode())
    packages = sorted(
        f"{(dist.metadata['Name'] or '').lower()}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\0".join(packages).encode())
    for path in sorted(_PLUGINS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
            digest.update(str(path.relative_to(_PLUGINS)).encode() + b"\0")
            digest.update(hashlib.blake2b(path.read_bytes(), digest_size=32).digest())
    return digest.digest()


def plain(value, folders: dict[str, str] | None = None):
    """`value` as data, for a digest: the same data gives the same text, and
    values of different types never do (a list and a tuple, a date and its
    text, a dict and a list of pairs each carry their type). Something that
    is not data is written as its type and its text (a function or a module
    by its name: an address in memory would make every build's key a new one)."""
    if isinstance(value, str):
        for folder, placeholder in (folders or {}).items():
            if folder and (value == folder or value.startswith(folder + os.sep)):
                return ("folder", placeholder, value[len(folder) :])
        return value
    if value is None or isinstance(value, (bool, int, float)):
        return (type(value).__name__, value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return (type(value).__name__, value.isoformat())
    if isinstance(value, Path):
        return ("path", plain(str(value), folders))
    if isinstance(value, dict):
        return ("dict", sorted(([plain(k, folders), plain(v, folders)] for k, v in value.items()), key=repr))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [plain(v, folders) for v in value])
    if isinstance(value, (set, frozenset)):
        return ("set", sorted((plain(v, folders) for v in value), key=repr))
    if callable(value) or type(value).__name__ == "module":
        name = getattr(value, "__qualname__", None) or getattr(value, "__name__", "")
        return f"<{type(value).__name__} {getattr(value, '__module__', '')}.{name}>"
    return f"<{type(value).__module__}.{type(value).__qualname__}> {value}"


def _source_digest(item) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(item.source.text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + repr(plain(item.metadata)).encode("utf-8", "surrogatepass"))
    return digest.digest()


def reviews_digest(redaction) -> str:
    """Each review's place, type, state, header and source: what the
    detectors read on a page that is no item's own (a listing, a feed, the
    search index), where every review's pseudonyms and credits count."""
    reviews = sorted(
        (review.relative_path, review.type_key, review.state, _source_digest(review).hex())
        for review in redaction.reviews
    )
    return hashlib.blake2b(repr(reviews).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def scope(item, plain_scope: str | None, reviews: str) -> str:
    """The gate's scope for a block (detect.scope_of) with what the answer
    there depends on between builds: on an item's own page (its path), a
    digest of its source and header; on a page of no item, the digest of
    every review (reviews_digest). The scope "item" (an item that is no
    review and declares no people) depends on neither."""
    if plain_scope is None:
        return f"\0no item\0{reviews}"
    if plain_scope == "item" or item is None:
        return plain_scope
    return f"{plain_scope}\0{_source_digest(item).hex()}"


def clock_day() -> dt.date:
    """The day by the clock, as dateutil reads it to fill a date's missing
    parts (LSCB_TODAY does not move it)."""
    return dt.datetime.now().date()


@lru_cache(maxsize=4)
def _names_digest(names: frozenset[str]) -> str:
    # Tens of thousands of forenames: sorted once per list, not once per build.
    return hashlib.blake2b("\0".join(sorted(names)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def inputs_key(site, redaction, forenames) -> bytes:
    """A digest of everything the detectors read besides the text itself."""
    settings = site.settings
    folders = {
        os.path.abspath(str(settings.get("OUTPUT_PATH") or "")): "<output>",
        os.path.abspath(str(settings.get("PATH") or "")): "<content>",
    }
    digest = hashlib.blake2b(code_digest(), digest_size=32)
    parts = [
        plain({key: value for key, value in settings.items() if key.isupper() and key not in _NOT_INPUTS}, folders),
        sorted((key, value) for key, value in os.environ.items() if key.startswith("LSCB_") and key not in _SECRET),
        today(settings).isoformat(),
        # The clock's day as well: dateutil fills a date's missing year or day
        # from it (text.birth_cohort), whatever LSCB_TODAY says.
        clock_day().isoformat(),
        [(e.text, e.reason, e.role, e.line) for e in redaction.allowlist.entries],
        _names_digest(forenames),
    ]
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0\0")
    return digest.digest()


def cleared(key: bytes, settings=None) -> Blocks:
    """The blocks read clean by an earlier build with these inputs: in this
    process, or (given the settings) one whose blocks were kept on disk
    (published.gate_cache). Not to be changed: it is kept."""
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    found = gate_cache.load(settings, key) if settings is not None else Blocks()
    if found:
        _kept[key] = found
        _forget_oldest()
    return found


def keep(key: bytes, *parts: Blocks) -> None:
    """Keep the blocks a gate read clean (in parts), with those kept before
    (those of this gate alone once there are more than _MOST: a long
    preview session keeps every version of the page being edited)."""
    before = cleared(key)
    _kept[key] = Blocks.union(*parts) if len(before) > _MOST else Blocks.union(before, *parts)
    _kept.move_to_end(key)
    _forget_oldest()


def _forget_oldest() -> None:
    while len(_kept) > _KEEP:
        _kept.popitem(last=False)


def forget_all() -> None:
    _kept.clear()
