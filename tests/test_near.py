"""lscb_checks.text.near runs a costly pattern only around the places where
its matches can be: the same matches as running it over the whole text, for
every pattern given to it, over the corpora, the demo content, the documents
and texts made to stretch its limits."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from lscb_checks.checks import pii_addresses, pii_dob, pii_locations
from lscb_checks.text import home_addresses
from lscb_checks.text.near import any_case_words, finditer_near

FOLDERS = ("tests/fixtures/gate_corpus", "tests/fixtures/rules", "content", "docs")
STRETCHED = [
    "Flat" + " " * 70 + "12 Mill Lane, then 4 Rose Court.",
    "They lived at\n\n   12\n   Mill Lane.",
    "12 Mill Lane Road Street Close Way Park Gate",
    "1 2 3 4 5 6 7 8 9 10 Mill Lane 11 Long Very Long Name Road",
    "Apartment. 3, 12a Mill Lane and No.27 Marlpit Lane and Number 9 High Street",
    "x" * 500 + " 12 Mill Lane " + "y" * 500,
    "12 " + "Averyveryveryverylongwordthatgoesonandon" * 20 + " Lane",
    "The house at 12 Mill Lane was searched; 4 Rose was searched too.",
    "NS4<br>7QX and ns4 7qx and NS4\n7QX and NS4  \\\n7QX",
    "address:  Flat 3, 12 Mill Lane in May",
    "12 Mill\nLane\n27 The Maltings\n14 Acacia Avenue",
    "born on the third of May two thousand and fifteen, and on\n14 March\n2017",
    "14-Mar-2017, 2017-03-14, MAY 14 2017, 14/03/17, 14" + " " * 80 + "March 2017",
    "September the twenty-first, nineteen eighty-nine; 1st of Jan 2020.",
    "parked at 53.401234, -2.203456 and at N 53° 24' 12.3\" W 2° 12' 4.5\" and 53 24 12, 2 12 4",
    "They lived at Marlpit Farm, moved to Rose Cottage, then moved into The Old Mill House and"
    " Address : Long Acre Hall Farmhouse; she lived at\n\nMarlpit Farm; moved to a  very   old   rose   Cottage",
    "longitude: -2.2034567 latitude 53.4012345; lat 53.401234" + " " * 60 + "lon -2.203456",
]


def _texts() -> list[str]:
    texts = list(STRETCHED)
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt", ".toml") and path.is_file():
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    texts.append((ROOT / "tests" / "leak_corpus.py").read_text(encoding="utf-8").replace("\\n", "\n"))
    return texts


TEXTS = _texts()


def _spans(matches) -> list[tuple]:
    return [(match.start(), match.end(), match.groups()) for match in matches]


# Every pattern read near its anchors: (module, pattern's name, (anchor, words before, words after)).
NEAR = (
    [(pii_addresses, name, spec) for name, spec in sorted(pii_addresses.NEAR.items())]
    + [(pii_locations, name, spec) for name, spec in sorted(pii_locations.NEAR.items())]
    + [(home_addresses, name, spec) for name, spec in sorted(home_addresses.NEAR.items())]
)


@pytest.mark.parametrize("module, name, spec", NEAR, ids=[name for _module, name, _spec in NEAR])
def test_a_pattern_read_near_its_anchors_finds_what_it_finds_in_the_whole_text(module, name, spec):
    pattern = getattr(module, name)
    found = 0
    for text in TEXTS:
        whole = _spans(pattern.finditer(text))
        assert _spans(finditer_near(pattern, text, *spec)) == whole, (name, text[:200])
        found += len(whole)
    assert found, f"{name} matched nothing in the texts: the comparison shows nothing"


def test_a_match_running_into_the_last_words_of_its_window_is_read_again_wider():
    """A match seen ending in the words kept for look-aheads may be cut short
    by the window: the window is widened until the match ends inside it."""
    pattern = re.compile(r"\d+(?: [a-z]+)+")
    text = "Intro. 12 " + "word " * 40 + "End."
    whole = _spans(pattern.finditer(text))
    assert whole and _spans(finditer_near(pattern, text, re.compile(r"\d"), 1, 2)) == whole


def test_a_pattern_longer_than_its_words_allow_loses_matches():
    """What the comparison over the corpora guards against: a match that
    cannot be seen at all in its window (here, "Lane" is 12 words on) is
    lost. So each pattern's words before and after are set from what the
    pattern can match, and compared with the whole-text reading above."""
    pattern = re.compile(r"\d+ (?:[A-Z]\w* ?)+Lane")
    text = "Intro. 12 " + "Long " * 12 + "Lane, and more text after it."
    assert _spans(pattern.finditer(text))
    assert not _spans(finditer_near(pattern, text, re.compile(r"\d"), 1, 2))


def test_a_window_without_what_every_match_holds_is_not_read():
    """`needs`: a window in which it is not found is skipped, so it must be
    in every match (as each address pattern's kind of street is); given one
    that is not, the matches in the other windows are lost."""
    pattern = re.compile(r"\d+ [A-Z]\w+ (?:Lane|Road)")
    text = "At 12 Mill Lane" + " then" * 20 + " and 14 Mill Road."
    assert len(_spans(finditer_near(pattern, text, re.compile(r"\d"), 1, 2))) == 2
    kept = _spans(finditer_near(pattern, text, re.compile(r"\d"), 1, 2, re.compile(r"Lane")))
    assert [text[start:end] for start, end, _groups in kept] == ["12 Mill Lane"]


# Letters that match a Latin letter in any case besides its own two: the
# long s, the Kelvin sign, the dotted and the dotless i.
_ODD_CASES = "\u017f \u212a \u0130 \u0131 \u017fTUFF MıLL KILN-x OAſT e-FARM ’Farm Farm’s Farm'S"


@pytest.mark.parametrize(
    "words, not_after, end",
    [
        (home_addresses.HOUSE_NAME_KINDS, r"[\w'’-]", r"(?![\w-]|['’][A-Za-z])"),
        ("Kiln|Oast|Silo|Stile|Inn|Is", r"[\w-]", r"\b"),
        (pii_dob.WAS_BORN, r"\w", r"\b"),
        (pii_dob.HEADING_WORDS, r"\S", r"(?:\s|$)"),
    ],
)
def test_any_case_words_finds_what_the_plain_pattern_finds(words, not_after, end):
    plain = re.compile(rf"(?<!{not_after})(?i:{words}){end}")
    fast = any_case_words(words, not_after, end)
    found = 0
    for text in [*TEXTS, _ODD_CASES, " ".join(words.split("|")), " ".join(words.upper().split("|"))]:
        whole = _spans(plain.finditer(text))
        assert _spans(fast.finditer(text)) == whole, text[:200]
        found += len(whole)
    assert found


def test_every_full_date_holds_a_digit_or_a_month_so_lines_without_one_are_skipped():
    """pii_dob reads a line for dates of birth only if it holds one of
    DATE_ANCHORS."""
    found = 0
    for text in TEXTS:
        for match in pii_dob._FULL_DATE.finditer(text):
            assert any(anchor.search(text, match.start(), match.end()) for anchor in pii_dob.DATE_ANCHORS), match
            found += 1
    assert found
    assert not any(anchor.search("the third of may two thousand") for anchor in pii_dob.DATE_ANCHORS)
    assert not pii_dob._FULL_DATE.search("the third of may two thousand")
