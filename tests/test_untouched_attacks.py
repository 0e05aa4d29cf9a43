"""Attempts to get a child's details past the final gate by way of the texts
a review's declarations cannot touch (published.untouched): such a text on
a review's page is read as for a review that declares nobody, once for
every review, and a block read clean there is skipped on every review.

Each case puts a glossary abbreviation's title on the page of a review
(the glossary gives the title wherever a page uses the abbreviation): a
text that is not the review's own, read clean elsewhere first (on the
glossary's page, on another review's page, or by an earlier build whose
blocks only the disk remembers), that the review's type or its
declarations make a finding of. The build must be refused, and the output
folder left as it was."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import find  # noqa: E402
from site_batches import snapshot  # noqa: E402

from conftest import ScenarioSite, review_markdown  # noqa: E402
from lscb_checks.published import read_before  # noqa: E402

PLUGINS = ["lscb_content", "lscb_reviews", "lscb_checks"]


@pytest.fixture(autouse=True)
def _new_process():
    read_before.forget_all()
    yield
    read_before.forget_all()


def _glossary(term: str, title: str) -> str:
    return f"Title: Glossary\nSummary: What the words used in safeguarding mean.\n\n{term} ({title})\n: A term made up for the test suite.\n"


def _review(pseudonyms: str, term: str) -> str:
    body = (
        f"## Findings\n\nThe {term} was not shared.\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    child = pseudonyms.split(",")[0]
    return review_markdown(body, Pseudonyms=pseudonyms, Child=child, Title=f"{child}: a review")


def _refused_on(built, code: str, slug: str) -> list[str]:
    """Findings of `code` on the page of `slug` (placed on the source line
    of the text: the glossary's, the page named in the message)."""
    found = [f.as_text() for f in built.result.findings if f.code == code and not f.waived]
    return [text for text in found if f"reviews/{slug}/" in text or f"reviews/{slug}.md" in text]


def _published_on(site: ScenarioSite, value: str, slug: str) -> list:
    return [hit for hit in find(site.output, value) if slug in str(hit)]


def test_a_lone_forename_read_clean_on_a_page_is_read_again_on_a_review(tmp_path):
    """A forename alone ("Zebedee's school") is a finding in a review's
    text only (pii_name_parts): the glossary's page, an item that is not a
    review, reads the title clean in the scope every such page shares. A
    review that declares nobody it could touch reads it as for a review
    (its bare item has the review's type, in a scope of its own), not as
    the glossary's page did: refused on the review's page."""
    site = ScenarioSite(tmp_path / "site")
    site.write("pages/glossary.md", _glossary("ZS", "Zebedee's school"))
    site.write("reviews/child-b.md", _review("Child B, Mother", "ZS"))
    built = site.build(PLUGINS=PLUGINS)
    assert _refused_on(built, "PII011", "child-b"), built.messages()
    assert not built.ok
    assert not _published_on(site, "Zebedee", "child-b")


def test_a_pseudonym_with_another_apostrophe_touches_the_text(tmp_path):
    """Review P declares "Pupil O'Neil"; the glossary's title writes
    "Pupil O’Neil, 3 March 2015" (a curly apostrophe). Read as a review that
    declares nobody (on review A's page, first) the date is no date of
    birth; as review P, a date beside its pseudonym, whose words the names
    are compared in ("oneil", no apostrophe): in the text folded as a word
    is, "o’neil", the word is not there, in the words of the text it is.
    The text is touched, read as review P: refused."""
    site = ScenarioSite(tmp_path / "site")
    site.write("pages/glossary.md", _glossary("PO", "Pupil O’Neil, 3 March 2015"))
    site.write("reviews/child-a.md", _review("Child A, Mother", "PO"))
    site.write("reviews/child-p.md", _review("Child P, Pupil O'Neil", "PO"))
    built = site.build(PLUGINS=PLUGINS)
    assert _refused_on(built, "PII004", "child-p"), built.messages()
    assert not built.ok
    assert not site.output.exists() or not _published_on(site, "3 March 2015", "child-p")


@pytest.mark.parametrize("way", ["one process", "two halves", "pages read as written"])
def test_a_pseudonym_that_ends_a_name_is_read_after_a_build_that_read_the_title_clean(tmp_path, monkeypatch, way):
    """ "Siobhan Tobias Jay Ward" is four words no name reader takes as a
    name; with "Jay" a declared pseudonym the name ends before it, and
    "Siobhan Tobias" is a full name. A first build (review Y declares no
    Jay) reads the title clean as for a review that declares nobody, and
    keeps that on disk. The next build, with nothing in memory and the pages
    read in this process, in two halves or as they are written, adds review
    J (read before Y: only the disk knows the title clean), which declares
    Jay: the title is touched there, read as review J, and refused; the
    output folder is the first build's."""
    import lscb_checks.checks.published_text as gate

    monkeypatch.setattr(gate, "_FORK_FROM", 0 if way == "two halves" else 10**9)
    monkeypatch.setattr(gate, "_STREAM_FROM", 0 if way == "pages read as written" else 10**9)
    site = ScenarioSite(tmp_path / "site")
    site.write("pages/glossary.md", _glossary("STJ", "Siobhan Tobias Jay Ward"))
    site.write("reviews/child-y.md", _review("Child Y, Mother", "STJ"))
    first = site.build(PLUGINS=PLUGINS)
    assert first.ok, first.messages()
    before = snapshot(site.output)
    read_before.forget_all()  # as a new process: only the disk remembers
    site.write("reviews/child-j.md", _review("Child J, Jay", "STJ"))
    planted = site.build(PLUGINS=PLUGINS)
    assert _refused_on(planted, "PII001", "child-j"), planted.messages()
    assert not planted.ok
    assert snapshot(site.output) == before
    assert not _published_on(site, "Siobhan Tobias", "child-j")
