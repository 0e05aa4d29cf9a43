"""False alarms of the redaction gate on clean, real-style case reviews.

One real site is built with every review of tests/fixtures/gate_corpus/clean/
(fictional, with no identifier of any family member, written with the
furniture real published reviews have) in publish mode with the project's
allowlist. Every gate finding on them is a false alarm. The measured table,
per finding code and per review, is printed (pytest -s).

The refused reviews must be exactly those labelled `known_false_alarm` in
MANIFEST.toml, like a strict xfail: a new false alarm fails, and so does a
labelled one that no longer happens (remove its label).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gate_corpus  # noqa: E402

from lscb_checks.text.forenames import forenames  # noqa: E402


@pytest.fixture(scope="module")
def manifest() -> gate_corpus.Manifest:
    return gate_corpus.load_manifest()


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    from conftest import build_site

    root = tmp_path_factory.mktemp("gate-corpus")
    gate_corpus.copy_corpus(root / "content")
    return build_site(root / "content", root / "output", **gate_corpus.build_settings())


@pytest.fixture(scope="module")
def measurement(corpus_site, manifest) -> gate_corpus.Measurement:
    return gate_corpus.measure(corpus_site.result.findings, manifest)


def test_the_manifest_lists_every_clean_review_and_nothing_else(manifest):
    files = {path.name for path in gate_corpus.corpus_files()}
    assert len(files) >= 40
    assert set(manifest.entries) == files
    for entry in manifest.entries.values():
        unknown = set(entry.furniture) - gate_corpus.FURNITURE
        assert not unknown, f"{entry.file}: unknown furniture tags {sorted(unknown)}"


def test_every_clean_review_is_the_right_length():
    for path in gate_corpus.corpus_files():
        words = len(path.read_text(encoding="utf-8").split())
        assert 600 <= words <= 2500, f"{path.name} has {words} words"


def test_every_clean_review_is_really_clean(manifest):
    """No identifier of a family member: numbers, emails, postcodes and
    street addresses are public ones, no date of birth, family tables list
    declared pseudonyms, full names are credits or public names."""
    names = forenames()
    problems = [
        f"{path.name}: {problem}"
        for path in gate_corpus.corpus_files()
        for problem in gate_corpus.cleanliness_problems(path, manifest.entries[path.name], manifest, names)
    ]
    assert problems == []


def test_the_clean_reviews_are_valid_publishable_reviews(corpus_site):
    """Nothing but the redaction gate finds fault with them (metadata,
    response section, accessibility, links)."""
    others = [f.as_text() for f in corpus_site.result.findings if not gate_corpus.is_gate(f.code)]
    assert others == [] and corpus_site.result.errors == []


def test_no_false_alarm_falls_outside_the_reviews(corpus_site):
    """A finding on a file that is not a review (the sitemap, a theme page,
    a listing) would refuse the whole site without refusing any review; the
    per-review measurement cannot see it, so it is checked here. The
    corpus's theme "Children as victims of domestic abuse" once made the
    sitemap's "victims" a name run together ("Vic Tims")."""
    outside = [
        f.as_text()
        for f in corpus_site.result.findings
        if f.is_error and not f.path.endswith(tuple(p.name for p in gate_corpus.corpus_files()))
    ]
    assert outside == []


def test_each_false_alarm_is_on_furniture_the_manifest_lists(measurement, manifest):
    misplaced = [
        f"{name}:{finding.line} {finding.code} on {place}"
        for name, result in measurement.reviews.items()
        for finding, place in zip(result.findings, result.places)
        if place not in manifest.entries[name].furniture
    ]
    assert misplaced == [], "add the furniture tag to MANIFEST.toml, or the finding is not on furniture"


def test_refused_clean_reviews_are_exactly_the_known_false_alarms(measurement, manifest):
    print("\n" + gate_corpus.text_table(measurement))
    known = {name for name, entry in manifest.entries.items() if entry.known_false_alarm}
    new = sorted(measurement.refused - known)
    fixed = sorted(known - measurement.refused)
    messages = []
    if new:
        messages.append(
            "new false alarms on clean reviews (the gate refuses them): "
            + "; ".join(
                f"{name} ({', '.join(sorted({f.code for f in measurement.reviews[name].findings}))})" for name in new
            )
        )
    if fixed:
        messages.append("no longer refused, remove `known_false_alarm` from MANIFEST.toml for: " + ", ".join(fixed))
    assert not messages, "\n".join(messages)


def test_the_markdown_table_reports_the_measurement(measurement):
    text = gate_corpus.markdown_table(measurement)
    assert text.startswith("### False alarms on clean reviews\n")
    assert gate_corpus.summary(measurement) in text
    for code in measurement.by_code():
        assert f"\n| {code} | " in text
    assert text.count("| refused |") == len(measurement.refused)


MEASURED = Path(__file__).resolve().parent / "fixtures" / "gate_corpus" / "measured" / "false-alarms.md"


def test_the_false_alarms_shown_in_the_docs_are_the_ones_measured(measurement):
    """docs/checks.md shows this table (through `make checks-doc`): a change
    that changes it must update it. LSCB_UPDATE_MEASURED=1 writes it."""
    table = gate_corpus.markdown_table(measurement)
    if os.environ.get("LSCB_UPDATE_MEASURED"):
        MEASURED.write_text(table, encoding="utf-8")
    assert MEASURED.read_text(encoding="utf-8") == table, (
        "the measured false alarms changed: run LSCB_UPDATE_MEASURED=1 pytest tests/test_gate_corpus_clean.py, "
        "then make checks-doc, and commit both"
    )
