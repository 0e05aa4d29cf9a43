"""The final gate: what the built site publishes, read as a reader reads it.

The source checks read the Markdown an editor wrote. A reader, a search
engine and a scraper get the built files instead, where markup inside a
word has gone (`Zebe<!-- -->dee` is shown as `Zebedee`), character
references are decoded, titles and summaries are copied into listings,
feeds and the search index, and file names become addresses. This check
runs last, over the staging folder, after the search index is written and
before the folder replaces output/. It reads every file and every path
once (lscb_checks.published) and runs on all of it, for every kind of page:

* the redaction registers (RED001), on every piece of text of every file,
  program files and binary data included;
* the detectors of people's details: full names (PII001), postcodes and
  street addresses (PII002, PII003), dates of birth (PII004), phone numbers
  and email addresses (PII005, PII006), NHS, NI and vehicle numbers (PII007
  to PII009) and named schools and surgeries (PII010), with the same
  allowlist, board details and declared pseudonyms as the source checks.

A finding names the Markdown file and line that put the text there when one
can be found (the page's own source, or the page whose title or summary a
listing shows), and otherwise the output file. Where the source writes the
text on several lines, there is a finding for each line, so that a waiver
on one line (waivers are exact: lscb_core.waivers) covers that line only,
in the page, a listing or a feed alike. Text inside a file that is not
written from Markdown (a PDF, an image, a file name, an address, a file
copied from content/) is marked as inside it (Finding.inside): no waiver
covers it. A finding reuses the code of the source rule that would have
caught the text, so its documentation and its waivers are that rule's.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

from lscb_core.findings import Finding, display_path

from ..forking import fork_call
from ..output import Output, Page, items_by_save_as
from ..published import detect, early, gate_cache, read_before, stream
from ..published.blocks import Blocks
from ..published.files import MARKUP_SUFFIXES, class_texts, path_texts, read_file, read_page
from ..published.gate import Gate, item_of, known_findings
from ..published.theme_classes import theme_classes
from .redaction_register import RegisterTermPublished


def reported_codes() -> frozenset[str]:
    """The codes this check reports too: a waiver of one of them is judged
    (used or not) only once the built site has been read, since on a page
    other than a review only this check reports it."""
    modules = detect.DETECTOR_MODULES
    return frozenset(
        {RegisterTermPublished.code}
        | {
            value.code
            for module in modules
            for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__ and getattr(value, "code", "")
        }
    )


# Below this many files the site is read in one process: forking costs more.
_FORK_FROM = 300
# From this many content items, the pages are read as they are written
# (lscb_checks.published.stream).
_STREAM_FROM = 300


# Files handed to the worker at the end, besides the pages it read as they
# were written: those that repeat the pages' text (listings, feeds, the
# search index), whose blocks it has mostly read already. This process reads
# the others (PDFs, pictures, the theme's files...), then takes its part of
# what the worker has not read yet (stream.Share).
_REPEATING = MARKUP_SUFFIXES + (".pf_fragment", ".json")
_handed: dict[str, tuple] = {}  # output folder -> (the share of the work left, files of this process)


def hand_over(output) -> None:
    """Once the site is written: hand the worker reading pages as written
    (if there is one) the files that repeat them, so that it works while
    this process runs the other output checks. check_output collects."""
    if not stream.active(output.root):
        return
    files = _ordered(output)
    sent = stream.streamed()
    theirs = [rel for rel in files if rel not in sent and rel.lower().endswith(_REPEATING)]
    ours = [rel for rel in files if rel not in sent and not rel.lower().endswith(_REPEATING)]
    _handed[output.root] = (stream.finish(theirs), ours)


def forget(root: str) -> None:
    """A build that stopped before the gate collected: nothing is kept."""
    handed = _handed.pop(root, None)
    if handed is not None:
        handed[0].stop()


def _ordered(output) -> list[str]:
    # The pages of content items first: a finding is then reported on the
    # page that was written, not on a listing or feed that repeats it.
    return sorted(output.files, key=lambda rel: (item_of(output, rel) is None, rel))


def check_output(output) -> Iterable[Finding]:
    hand_over(output)
    handed = _handed.pop(output.root, None)
    if handed is not None:
        # The worker read the pages of items as Pelican wrote them; what it
        # has not read yet is shared between it and this process.
        share, ours = handed
        gate = _read(output, ours, Gate(output))
        _read(output, share.take(), gate)
        theirs = share.wait()
        if theirs is None or theirs[2] != gate.inputs:
            # The worker failed, or read other inputs of the detectors (an
            # allowlist saved since it started): its files are read here.
            theirs = _answer(_read(output, share.worker_files(), gate))
    else:
        files = _ordered(output)
        halves = [files[0::2], files[1::2]]
        other = _fork(output, halves[1]) if len(files) >= _FORK_FROM else None
        gate = _read(output, halves[0] if other is not None else files)
        theirs = other() if other is not None else ({}, b"", gate.inputs)
        if theirs is None or theirs[2] != gate.inputs:  # read here, as above
            theirs = _answer(_read(output, halves[1], gate))
    found = gate.findings
    their_findings, their_clean, _inputs = theirs
    for key, ranked in their_findings.items():
        if key not in found or ranked < found[key]:
            found[key] = ranked
    # Every file was read: what was read clean is kept for the next build
    # (published.gate_cache), with the bodies the early reader read clean.
    here = (*gate.read_clean_here(), Blocks.of(early.cleared(gate.inputs), "item"))
    gate_cache.save(output.site.settings, gate.inputs, (gate_cache.pack(*here), their_clean))
    # ... and in memory, for the next build in this process (once, here: a
    # second process's memory goes with it).
    read_before.keep(gate.inputs, *here)
    # What the source checks reported (and what was waived there) is not
    # reported again: judged here, with every finding reported so far (a
    # worker forked earlier knew only those of the source checks).
    known = known_findings(output.site.settings)
    return [
        finding
        for (path, line, code, folded, inside), (_rank, _rel, finding) in found.items()
        if inside or (display_path(path), line, code, folded) not in known
    ]


def _read(output, files: Iterable[str], gate: Gate | None = None) -> Gate:
    gate = gate or Gate(output)
    theme = theme_classes(output.root)  # the style sheets are read once, not once per page
    for rel in files:
        published = read_file(output.root, rel, output.site.content_path, theme)
        gate.read(rel, path_texts(rel) + published.texts)
    return gate


def _answer(gate: Gate) -> tuple[dict, bytes, bytes]:
    """What a second process sends back: its findings, the blocks it read
    clean, packed (for published.gate_cache), and the digest of the inputs
    of the detectors it read (read_before.inputs_key): the build process
    takes its answer only under the same."""
    return gate.findings, gate_cache.pack(*gate.read_clean_here()), gate.inputs


def start_stream(settings, site) -> None:
    """Once the source checks have passed: on a large site, a worker that
    reads each page of an item as Pelican writes it (published.stream)."""
    root = settings.get("OUTPUT_PATH", "")
    if len(site.items) < _STREAM_FROM or not root:
        stream.stop()
        return
    pages = {
        rel: Page(rel, os.path.join(root, rel), item)
        for rel, item in items_by_save_as(site).items()
        if rel.endswith(".html")
    }
    output = Output(root=os.path.abspath(root), site=site, pages=pages)
    stream.start(root, frozenset(pages), _streamed, output)


def _streamed(output, paths, connection) -> None:
    """In the worker: read each file handed over (`paths`: the pages as they
    are written, then the files that repeat them, less those the main
    process takes), then check that every page read early is still what was
    read. Sends its findings."""
    gate = Gate(output)
    digests: dict[str, bytes | None] = {}
    classes: dict[str, list[str]] = {}
    again = False  # a page was handed over twice: read everything again
    try:
        for rel in paths:
            if rel in digests:
                again = True
                continue
            data = _bytes(os.path.join(output.root, rel))
            digests[rel] = _digest(data)
            if data is None:
                continue
            if rel.lower().endswith(MARKUP_SUFFIXES):
                page = read_page(rel, data)
                classes[rel] = page.classes
                texts = page.texts
            else:  # a search fragment, JSON: written after the pages
                texts = read_file(output.root, rel, output.site.content_path).texts
            gate.read(rel, path_texts(rel) + texts)
    except EOFError:
        return  # the build stopped
    again = again or any(_digest(_bytes(os.path.join(output.root, rel))) != digest for rel, digest in digests.items())
    if again:
        connection.send(_answer(_read(output, list(digests))))
        return
    theme = theme_classes(output.root)
    for rel in digests:
        texts = class_texts(classes.get(rel, []), theme)
        if texts:
            gate.read(rel, texts)
    connection.send(_answer(gate))


def _bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _digest(data: bytes | None) -> bytes | None:
    return None if data is None else hashlib.blake2b(data, digest_size=20).digest()


def _fork(output, files: list[str]):
    """Read `files` in a forked second process (the site model is shared by
    the fork), on the second core; returns a function that waits for its
    findings, or None where processes cannot be forked. That function gives
    None if the process failed, and its files are then read here."""
    forked = fork_call(lambda: _answer(_read(output, files)))
    return forked.result if forked is not None else None
