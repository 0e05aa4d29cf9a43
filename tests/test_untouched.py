"""A review's page is read in the review's own scope, except the texts its
declared people cannot touch (published.untouched): those are read as for a
review that declares nobody, once for every review. That is right only if,
on such a text, a declaration can take findings away and never add one.

The detectors are run both ways over the labelled sentences, the clean
review texts, names in many written forms, and lines written around the
declarations themselves (a pseudonym in a row beside a date, a credit's
surname after a title, initials, a pseudonym before a surname); then a real
build shows a date beside a declared pseudonym refused on the page of the
review that declares it, after the same text was read clean on another."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_block_locality import _pool  # noqa: E402

from conftest import ScenarioSite, review_markdown  # noqa: E402
from lscb_checks.allowlist import Allowlist  # noqa: E402
from lscb_checks.published import detect  # noqa: E402
from lscb_checks.published.untouched import Bare  # noqa: E402
from lscb_checks.redaction import Redaction  # noqa: E402
from lscb_checks.review_scan import Context  # noqa: E402
from lscb_checks.text.forenames import forenames  # noqa: E402
from lscb_core.text.cleaned import clean  # noqa: E402


class _Source:
    def __init__(self, text: str) -> None:
        self.text = text

    @staticmethod
    def field(name):
        return None


class _Review:
    type_key = "reviews"

    def __init__(self, path: str, pseudonyms: str, credits: str, source: str) -> None:
        self.path = path
        self.metadata = {"pseudonyms": pseudonyms, "credits": credits}
        self.source = _Source(source)


REVIEWS = [
    _Review(
        "reviews/child-p.md",
        "Child P, Mother, Pupil Z, Sibling 1",
        "Dr Tobias Arkwright (independent author); Ruth Ashby (board chair)",
        "We hope the family will find the review useful; grace and care matter.",
    ),
    _Review("reviews/ayla.md", "Ayla, School B, Family C", "Daniel Okonjo (business manager)", "ordinary words only"),
    _Review("reviews/bare.md", "", "", "nobody is declared here"),
]
# Lines a declaration could change: whole pseudonyms beside dates, in rows
# and before surnames; credits in every form People accepts; forenames the
# source writes in lower case.
AROUND = [
    "Pupil Z, 3 March 2015",
    "Pupil Z 3 March 2015 F",
    "Child P | 4 May 2016",
    "Sibling 1, 12 June 2014",
    "Ayla, 12 June 2014",
    "School B 3 March 2015",
    "Family C\n4 May 2016",
    "Pupil Z Quinlan moved school.",
    "School B Quinlan",
    "Dr Arkwright wrote the report.",
    "Tobias Arkwright MSc",
    "T. Arkwright and R. Ashby",
    "Arkwright's findings",
    "Daniel Okonjo\nBusiness Manager",
    "Okonjo, D.",
    "Hope and Will met Grace.",
    "We spoke to Hope about it.",
    "Mother, Will and Sibling 1",
    "Pupil Y, 3 March 2015",
    "Zebedee Quinlan, born 3 March 2015",
]


def _hits(text: str, context) -> set:
    return {
        (hit.rule.code, hit.start, term)
        for _index, hit, term, _written in detect.hits(text, [0], [len(text)], context, detect.DETECTORS)
    }


def test_on_a_text_its_declarations_cannot_touch_a_review_finds_no_more_than_a_review_that_declares_nobody():
    redaction = Redaction({}, Allowlist(""), (), frozenset())
    names = forenames()
    bare = Bare(redaction)
    rng = random.Random(20261207)
    pool = _pool()
    texts = AROUND + rng.sample(pool, 400)
    texts += ["\n\n".join(rng.sample(AROUND, 2) + rng.sample(pool, 2)) for _ in range(150)]
    more, checked = [], 0
    for review in REVIEWS:
        bare_item, _scope = bare.of(review)
        own, plain = Context(review, redaction, names), Context(bare_item, redaction, names)
        for text in texts:
            shown = clean(text).text
            found, found_bare = _hits(shown, own), _hits(shown, plain)
            if found - found_bare:
                more.append((review.path, text))
                assert not bare.untouched(review, shown), (review.path, text, sorted(found - found_bare))
            checked += bare.untouched(review, shown)
    # The declarations do make findings on some of these lines (a date
    # beside "Pupil Z"): each was found touched; and most texts were not.
    assert ("reviews/child-p.md", "Pupil Z, 3 March 2015") in more
    assert checked > len(texts)


GLOSSARY = """\
Title: Glossary
Summary: What the words used in safeguarding mean.

PZ (Pupil Z, 3 March 2015)
: A term made up for the test suite.
"""


def _review(pseudonyms: str) -> str:
    body = (
        "## Findings\n\nThe PZ was not shared.\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    child = pseudonyms.split(",")[0]
    return review_markdown(body, Pseudonyms=pseudonyms, Child=child, Title=f"{child}: a review")


def test_a_date_beside_a_declared_pseudonym_is_read_on_the_review_that_declares_it(tmp_path):
    """The glossary gives "PZ" the title "Pupil Z, 3 March 2015" wherever a
    page uses it. Review B declares no Pupil Z: the title is no date of birth
    there, and is read clean as for any review. Review P declares Pupil Z:
    on its page the title is a date beside a pseudonym, refused."""
    site = ScenarioSite(tmp_path / "site")
    site.write("pages/glossary.md", GLOSSARY)
    site.write("reviews/child-b.md", _review("Child B, Mother"))
    quiet = site.build(PLUGINS=["lscb_content", "lscb_reviews", "lscb_checks"])
    assert quiet.ok, quiet.messages()
    site.write("reviews/child-p.md", _review("Child P, Pupil Z"))
    built = site.build(PLUGINS=["lscb_content", "lscb_reviews", "lscb_checks"])
    refused = [f for f in built.result.findings if f.code == "PII004" and not f.waived]
    assert not built.ok
    assert refused and all("child-p" in f.path or "glossary" in f.path for f in refused), built.messages()
