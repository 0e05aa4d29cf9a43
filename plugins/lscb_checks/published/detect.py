"""The final gate's detectors over blocks of text, shared by the gate
(checks/published_text.py) and the early reader of bodies (early.py).

A page's text is read in blocks (what lies between blank lines: a detector
never reads across one). The answer on a block depends on the block's text
and on its scope (scope_of): the same block gives the same answer anywhere
in the same scope, so a block read once without a finding is not read again.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.text.cleaned import clean

from ..checks import (
    pii_addresses,
    pii_contact,
    pii_dob,
    pii_institutions,
    pii_locations,
    pii_name_parts,
    pii_names,
    pii_numbers,
)
from ..review_scan import Context
from ..text.review_text import Span

# The modules of the detectors of people's details the gate runs.
DETECTOR_MODULES = (
    pii_names,
    pii_name_parts,
    pii_addresses,
    pii_dob,
    pii_contact,
    pii_locations,
    pii_numbers,
    pii_institutions,
)
DETECTORS = (
    pii_names.detect,
    pii_name_parts.detect,
    pii_addresses.detect,
    pii_dob.detect,
    pii_contact.detect,
    pii_locations.detect,
    pii_numbers.detect,
    pii_institutions.detect,
)
# A link's address as written (not read as words: see published.address_words)
# is read by the detectors of what an address can hold whole: a map link's
# coordinates ("maps?q=53.4012,-2.2034"), a landline after "tel:+44".
ADDRESS_DETECTORS = (pii_locations.detect, pii_contact.detect_address)
BLOCKS = re.compile(r"\n[ \t\u00a0]*\n\s*")
SEPARATOR = "\n\n\n"
# How far past a blank line a detector reads, at most ("date of birth:",
# then the date in the next block; "car" up to 60 characters before an old
# registration): a block is read with this much of the text on either side.
REACH = 250
# Between two runs of blocks read together: nothing a detector reads
# across (full stops end the words before and after; the spaces are wider
# than any window a detector looks around a match in).
BARRIER = "\n\n." + " " * 64 + ".\n\n"


def scope_of(item) -> str | None:
    """What the detectors' answer on a block of text depends on besides the
    text: a review's own pseudonyms and credits (its path); the same for
    every other item that declares neither ("item"); for a file that is not
    an item's page (a listing, a feed, the search index), those of the
    reviews it links to (None; published.shown_reviews)."""
    if item is None:
        return None
    if item.type_key in REVIEW_TEXT_TYPES or declares_people(item.metadata):
        return item.path
    return "item"


def declares_people(metadata) -> bool:
    """Whether an item's header names people the detectors accept on its
    page (its Pseudonyms or Credits)."""
    return bool(metadata.get("pseudonyms") or metadata.get("credits"))


def text_blocks(text: str) -> list[str]:
    """The blocks of a text (split at blank lines), blank ones left out."""
    return [block for block in BLOCKS.split(text) if block and not block.isspace()]


def key_digest(before: str, block: str, after: str) -> bytes:
    """A key (a block with the text beside it) as 16 bytes: what the gate
    keeps of each block it has read, and what the early reader hands back
    (a bench site's keys took 60 MB as text, and pickling them was most of
    the early reader's cost). The lengths come first, so that two keys
    never join to the same bytes."""
    data = f"{len(before)}:{len(block)}:{before}{block}{after}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def block_keys(blocks: list[str]) -> list[bytes]:
    """Each block's key (key_digest): the block with up to REACH characters
    of the text before and after it, as the blocks are read (joined with
    blank lines). A detector reads across a blank line (a date under the
    words "date of birth", a street name after "see the table"), so a
    block's findings are those of its key: the same block in other company
    is read again."""
    joined = SEPARATOR.join(blocks)
    keys = []
    offset = 0
    for block in blocks:
        end = offset + len(block)
        keys.append(key_digest(joined[max(0, offset - REACH) : offset], block, joined[end : end + REACH]))
        offset = end + len(SEPARATOR)
    return keys


class Runs:
    """Blocks to read, and only those, each with REACH characters of its text
    on either side, gathered from one or more texts into one text for the
    detectors: blocks whose surroundings meet are read as one run, and runs
    are joined by BARRIER, across which no detector reads. Each detector
    then runs once over all of it (`hits`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.owners: list = []
        self.length = 0

    def add(self, blocks: list[str], needed: list[int], owners: list) -> None:
        """The blocks of one text at the indexes `needed` (in order), each
        answering to the owner given with it."""
        joined = SEPARATOR.join(blocks)
        positions = []
        offset = 0
        for block in blocks:
            positions.append(offset)
            offset += len(block) + len(SEPARATOR)
        runs: list[list[int]] = []
        for index in needed:
            if runs and positions[index] - REACH <= positions[runs[-1][-1]] + len(blocks[runs[-1][-1]]) + REACH:
                runs[-1].append(index)
            else:
                runs.append([index])
        taken = 0  # the runs are `needed` cut in order
        for run in runs:
            begin = max(0, positions[run[0]] - REACH)
            stop = min(len(joined), positions[run[-1]] + len(blocks[run[-1]]) + REACH)
            if self.parts:
                self.parts.append(BARRIER)
                self.length += len(BARRIER)
            for index in run:
                self.starts.append(self.length + positions[index] - begin)
                self.ends.append(self.starts[-1] + len(blocks[index]) + len(SEPARATOR))
            self.owners.extend(owners[taken : taken + len(run)])
            taken += len(run)
            self.parts.append(joined[begin:stop])
            self.length += stop - begin

    def hits(self, context: Context, detectors=DETECTORS):
        """(owner, hit, term, the text as found) for each hit in a block read."""
        if not self.owners:
            return
        for index, hit, term, written in hits("".join(self.parts), self.starts, self.ends, context, detectors):
            yield self.owners[index], hit, term, written


def block_hits(blocks: list[str], context: Context, detectors=DETECTORS):
    """(index of the block, hit, term, the text as found) for each hit of
    `detectors` in `blocks`, read together as one text (every block needed:
    one run, see Runs)."""
    every = list(range(len(blocks)))
    runs = Runs()
    runs.add(blocks, every, every)
    yield from runs.hits(context, detectors)


def hits(joined: str, starts: list[int], ends: list[int], context: Context, detectors):
    """(index, hit, term, the text as found) for each hit of `detectors` in
    `joined` that starts in [starts[index], ends[index]) and that the
    allowlist and the board's details do not cover; hits elsewhere (in the
    text read only as what lies beside a block) are left out. Each detector
    runs once; the detectors read the clean copy (look-alike letters as
    Latin, invisible characters out: lscb_core.text.cleaned.clean), as
    the source checks do, and a hit is placed back in the original text."""
    cleaned = clean(joined)
    span = Span(cleaned.text, "", "")
    redaction_ = context.redaction
    for detect in detectors:
        for hit in detect(span, context):
            at = cleaned.start(hit.start) if cleaned.changed else hit.start
            index = bisect.bisect_right(starts, at) - 1
            if index < 0 or at >= ends[index]:
                continue
            term = hit.term or cleaned.text[hit.start : hit.end]
            if redaction_.allowed(span, hit.start, hit.end, term):
                continue
            yield index, hit, term, cleaned.text[hit.start : hit.end]
