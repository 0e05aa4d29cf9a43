"""A block's findings depend on its key alone (published.detect.block_keys:
the block with detect.REACH characters of the text on either side). The
final gate skips a block it has read clean in the same company, on another
page of the build and, since published.read_before, in a later build of the
process; a block whose neighbours were read before is read with only that
much of the page beside it. So each detector must find the same in a block
read with the whole text as read that way, whatever else the text holds.

Checked on the labelled sentences, the clean review texts and names written
in many forms, mixed at random with a fixed seed, on a page that is not a
review and on a review."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT  # noqa: E402
from lscb_checks.allowlist import Allowlist  # noqa: E402
from lscb_checks.published import detect  # noqa: E402
from lscb_checks.redaction import Redaction  # noqa: E402
from lscb_checks.review_scan import Context  # noqa: E402
from lscb_checks.text.forenames import forenames  # noqa: E402
from lscb_core.text.cleaned import clean  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
# Names in the forms the name readers take apart, and paragraphs that once
# changed how they were read elsewhere on the page.
FORMS = [
    f"Signed by {before}{forename}{gap}{surname} today."
    for before, forename, gap, surname in itertools.product(
        ("", "'", "*", "/", "@"),
        ("Zebedee", "zebedee", "ZEBEDEE", "Baby", "Mrs"),
        (" ", "\n", " | ", "_", ""),
        ("QUINLAN", "quinlán", "QUINLÁN", "Quinlan_09", "Quinlan"),
    )
]
COMPANY = [
    "Thanks to Oliver, Harry, George, Jack and Noah for the photographs.",
    "The PEMBERTON, HADDAD and FENWICK files, and the quinlan notes.",
    "See the Quinlan review (2019) for the lessons.",
]


def _pool() -> list[str]:
    sentences = [
        line.split("\t", 1)[1].rstrip("\n").replace("\\n", "\n")
        for line in (FIXTURES / "pii_labelled.txt").read_text(encoding="utf-8").splitlines()
        if "\t" in line and not line.startswith("#")
    ]
    blocks = [
        block
        for path in sorted((FIXTURES / "clean").glob("*.md"))
        for block in detect.text_blocks(clean(path.read_text(encoding="utf-8")).text)
    ]
    return sentences + blocks + FORMS + COMPANY * 40


class _Source:
    text = ""

    @staticmethod
    def field(name):
        return None


class _Item:
    path, metadata, source = "page.md", {}, _Source()

    def __init__(self, type_key: str):
        self.type_key = type_key


def _found(joined: str, starts: list[int], ends: list[int], context) -> dict[int, set]:
    found: dict[int, set] = {}
    for index, hit, term, _written in detect.hits(joined, starts, ends, context, detect.DETECTORS):
        found.setdefault(index, set()).add((hit.rule.code, term))
    return found


@pytest.mark.parametrize("type_key", ["guidance", "reviews"])
def test_each_block_is_read_the_same_with_the_whole_text_as_with_what_lies_beside_it(type_key):
    context = Context(_Item(type_key), Redaction({}, Allowlist(""), (), frozenset()), forenames())
    pool = _pool()
    rng = random.Random(20261207)
    differ = []
    for _trial in range(120):
        blocks = [rng.choice(pool) for _ in range(rng.randint(3, 12))]
        joined = detect.SEPARATOR.join(blocks)
        starts = list(itertools.accumulate((len(block) + len(detect.SEPARATOR) for block in blocks[:-1]), initial=0))
        ends = [start + len(block) + len(detect.SEPARATOR) for start, block in zip(starts, blocks)]
        whole = _found(joined, starts, ends, context)
        for index, (start, end) in enumerate(zip(starts, ends)):
            begin = max(0, start - detect.REACH)
            stop = min(len(joined), start + len(blocks[index]) + detect.REACH)
            alone = _found(joined[begin:stop], [start - begin], [end - begin], context).get(0, set())
            if alone != whole.get(index, set()):
                differ.append((blocks[index], sorted(whole.get(index, set())), sorted(alone)))
    assert not differ, differ[:5]
