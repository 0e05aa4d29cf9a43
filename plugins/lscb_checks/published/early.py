"""Read the pages' text for the final gate while Pelican reads the Markdown.

The final gate (lscb_checks.checks.published_text) runs the detectors of
people's details over every block of text of every built page, and most of
that text is the body of a content item. Pelican reads the Markdown on one
core, and the second core is idle then but for the PDFs (text/prefetch.py).
So on a large site each item's body, as soon as Pelican has made it
(`content_object_init`), is handed to a worker process that reads it the
way the gate reads a page (published.markup) and runs the same detectors on
each block of it, with the same allowlist and the board's details. What it
hands back is the blocks in which nothing was found.

When the gate later reads the built page, a block it meets that is the very
same text, with the same text beside it (detect.block_keys: the
detectors read across a blank line, so "Child Q, date of birth:" makes the
date in the next block a date of birth), on a page whose answer is the same
(scope_of: an item that is not a review and declares no Pseudonyms or
Credits), has been read already, as the gate already skips a block it has
read on another page in the same company. A block whose text changed on the
way (a link added, a number, a glossary term), or whose neighbours did (the
first and last blocks of a body, next to the page's summary and footer), is
read again, with the page's text beside it. A block with a finding is never handed back,
so the gate finds it again and reports it where it is published. Nothing is
read less: the same detectors read the same text once instead of twice.

Results are collected, without waiting, when the source checks end
(`finish`): an item the worker has not reached by then is read by the gate
as before. Reviews, items that declare people, small sites, machines with
one core and systems without fork() are not read early.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, wait

from pelican.contents import Article, Page

from lscb_core.articles import REVIEW_TEXT_TYPES

from ..forking import second_core

# From this many Markdown files under content/ (as published_text streams
# pages from this many items): below it, starting a process costs more.
_EARLY_FROM = 300

_pool: ProcessPoolExecutor | None = None
_pending: list[Future] = []
_batch: list[str] = []  # bodies not handed over yet
_BATCH = 4
_cleared: dict[bytes, frozenset[bytes]] = {}  # inputs (read_before.inputs_key) -> keys read clean
# Keys of blocks an earlier build read clean in scope "item", kept on disk
# (published.gate_cache): the worker hands them back without reading them.
_known: frozenset[bytes] = frozenset()
_settings = None  # the build's settings, until the worker is started
_inputs = b""  # in the worker: the inputs of the detectors it read (read_before.inputs_key)
# Tests set this to wait for every body instead of taking what is ready.
_WAIT_FOR_ALL = False


def start(pelican) -> None:
    """Make ready for the worker (Pelican's `initialized`), on a large enough
    site; it is started when the first body is made (`read`)."""
    global _cleared, _settings
    stop()
    _cleared = {}
    if not second_core():
        return
    folder = pelican.settings.get("PATH", "")
    if not folder or _markdown_files(folder) < _EARLY_FROM:
        return
    _warm(pelican.settings)
    _settings = pelican.settings


def _open() -> None:
    """Start the worker, once Pelican has made its readers: they complete
    the settings (MARKDOWN's extensions), and the settings are part of the
    key of what an earlier build kept (_start_worker)."""
    global _pool, _settings
    settings, _settings = _settings, None
    try:
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(settings,),
        )
    except (OSError, RuntimeError):
        _pool = None


def _markdown_files(folder: str) -> int:
    count = 0
    for _parent, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        count += sum(name.endswith(".md") for name in names)
        if count >= _EARLY_FROM:
            break
    return count


def read(instance) -> None:
    """Pelican's `content_object_init`: hand the body over, if its page's
    answer does not depend on the item (see the module's docstring)."""
    if _settings is not None:
        _open()
    if _pool is None or not isinstance(instance, (Article, Page)):
        return
    from .detect import declares_people

    content_type = getattr(instance, "content_type", None)
    if content_type is not None and content_type.key in REVIEW_TEXT_TYPES:
        return
    if declares_people(getattr(instance, "metadata", {})):
        return
    body = getattr(instance, "_content", None)
    if not body:
        return
    _batch.append(body)
    if len(_batch) >= _BATCH:
        _submit()


def _submit() -> None:
    """Hand the bodies gathered so far to the worker, in one message: each
    message wakes the pool's threads in this process, which Pelican is
    reading the Markdown in."""
    bodies = _batch[:]
    _batch.clear()
    if _pool is None or not bodies:
        return
    try:
        _pending.append(_pool.submit(_clean_bodies, bodies))
    except RuntimeError:  # the worker is gone: the gate reads them
        stop()


def finish() -> None:
    """Keep what the worker has answered so far and stop it; blocks of
    items it has not reached are read by the gate."""
    global _cleared
    found: dict[bytes, set[bytes]] = {}
    if _WAIT_FOR_ALL:
        _submit()
        wait(_pending)
    for future in _pending:
        if future.done() and not future.cancelled() and future.exception() is None:
            inputs, keys = future.result()
            found.setdefault(inputs, set()).update(keys)
    _cleared = {inputs: frozenset(keys) for inputs, keys in found.items()}
    stop()


def cleared(inputs: bytes | None = None) -> frozenset[bytes]:
    """The keys of the blocks of items' bodies read early without a
    finding, each with the text beside it in the body (detect.block_keys),
    read with these inputs of the detectors (read_before.inputs_key, as the
    worker read them when it started: an allowlist saved since, or any other
    input changed, and nothing read early counts). Without `inputs`: all."""
    if inputs is None:
        return frozenset().union(*_cleared.values())
    return _cleared.get(inputs, frozenset())


def forget() -> None:
    global _cleared
    _cleared = {}


def stop() -> None:
    global _pool, _settings
    pool, _pool, _settings = _pool, None, None
    _pending.clear()
    _batch.clear()
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


# -- in the worker

_context = None


def _set_up(settings) -> None:
    """Made once in the worker: what the gate's detectors read besides the
    text, for a page of an item that declares no people."""
    global _context
    from ..redaction import redaction
    from ..review_scan import Context
    from ..text.forenames import forenames

    _context = Context(_Item(), redaction(_Site(settings)), forenames(settings))
    # The digest of what the detectors read, for a page of scope "item" (the
    # settings, no reviews): the gate's key (read_before.inputs_key).
    global _inputs
    from .read_before import inputs_key

    _inputs = inputs_key(_Site(settings), _context.redaction, _context.forenames)


def _warm(settings) -> None:
    """Load the detectors' word lists here, once, before any process is
    forked: the worker, the source checks beside the writing and the final
    gate's reader of pages are all forked from this process, and would
    each load them again (about a tenth of a second each)."""
    _set_up(settings)
    _clean_blocks("<p>Zebedee Quinlan lived at 12 Mill Lane, born 3 March 2015 (tel 07700 900123).</p>")


def _start_worker(settings) -> None:
    """In the worker: what the detectors read, the digest of it (the
    answers carry it), and the blocks an earlier build kept on disk under
    that very digest (published.gate_cache), for scope "item"."""
    global _known
    from .gate_cache import load

    _set_up(settings)
    _known = load(settings, _inputs).keys("item", False)


def _clean_bodies(bodies: list[str]) -> tuple[bytes, list[bytes]]:
    return _inputs, [key for body in bodies for key in _clean_blocks(body)]


def _clean_blocks(body: str) -> list[bytes]:
    """The keys (detect.block_keys: each block with the text beside
    it) of the body's blocks with no finding."""
    from lscb_core.text.cleaned import clean

    from .detect import Runs, block_keys, text_blocks
    from .markup import read_markup

    blocks = text_blocks(clean(read_markup(body).text).text)  # as the gate measures them
    if not blocks:
        return []
    keys = block_keys(blocks)
    # A block an earlier build read clean in the same company, with the same
    # inputs (published.gate_cache), is not read again; the others are read
    # with what lies beside them, as the gate reads them (detect.Runs).
    needed = [index for index, key in enumerate(keys) if key not in _known]
    if not needed:
        return keys
    runs = Runs()
    runs.add(blocks, needed, needed)
    found = {index for index, *_rest in runs.hits(_context)}
    return [key for index, key in enumerate(keys) if index not in found]


class _Site:
    """The site as the allowlist is made from it: its settings (and no
    reviews, whose pseudonyms only pages without an item accept)."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self.cache: dict = {}

    def of_type(self, *type_keys: str) -> list:
        return []


class _Source:
    def field(self, name: str):
        return None


class _Item:
    """An item that is not a review and declares no Pseudonyms or Credits,
    as the detectors ask about it."""

    path = "(read early)"
    type_key = "pages"
    metadata: dict = {}
    source = _Source()
