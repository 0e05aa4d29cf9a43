"""The gate corpus: every one-leak case (tests/leak_corpus.py) built for real
and judged as an attacker would (tests/leak_sites.py, tests/leak_search.py).

Each case is labelled: `expect="refused"` fails here when the value reaches
the site or the build's messages; `known_leak="why"` is a strict expected
failure, so a leak that is now stopped fails too, asking for the label to go.
The recall per channel and per detector is printed (pytest -s to see it).
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import leak_corpus
import leak_search
import leak_sites
import pytest
from leak_sites import LEAKED, NOT_PUBLISHED, REFUSED, SAFE, WRONG_PLACE, Result

WORKERS = 2
MEASURED = Path(__file__).resolve().parent / "fixtures" / "gate_corpus" / "measured" / "recall.md"
MEASURED_INTRO = (
    "Each case plants one invented identifier through one channel into an otherwise clean site, "
    "builds it in publish mode, and searches the whole output for it as an attacker would (raw "
    "bytes, text without markup, decompressed search fragments, PDF and image internals, file "
    "names) and the build's own messages (tests/leak_corpus.py, tests/test_gate_corpus_leaks.py). "
    "Refused: the build stopped naming the file; wrong place: it stopped without naming it; leaked: "
    "the value was published."
)


def _selected(session) -> list[str]:
    """Ids of the cases this run will test (all of them, unless -k chose some)."""
    chosen = {
        item.callspec.params["case"].id
        for item in session.items
        if item.originalname == "test_case" and hasattr(item, "callspec")
    }
    wants_all = any(
        item.originalname == "test_recall_table_renders_every_channel_and_detector" for item in session.items
    )
    return [case.id for case in leak_corpus.CASES if wants_all or case.id in chosen]


@pytest.fixture(scope="module")
def results(request, tmp_path_factory) -> dict[str, Result]:
    """The cases, each in its own temporary site, on a pool of two processes."""
    base = tmp_path_factory.mktemp("gate-corpus")
    roots = {case_id: tempfile.mkdtemp(prefix=case_id[:40] + "-", dir=base) for case_id in _selected(request.session)}
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no pytest state, no forked locks
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        futures = {case_id: pool.submit(leak_sites.run_in_folder, case_id, root) for case_id, root in roots.items()}
        done = {case_id: future.result() for case_id, future in futures.items()}
    measured = [case for case in leak_corpus.CASES if case.id in done]
    print("\n" + leak_sites.recall_table(measured, done) + "\n" + leak_sites.leaks_list(measured, done))
    return done


def test_the_corpus_is_large_and_covers_every_channel():
    channels = {case.channel for case in leak_corpus.CASES}
    assert len(leak_corpus.CASES) >= 80
    assert channels >= {
        "markup-split",
        "file-name",
        "pdf",
        "image",
        "attachment",
        "withheld",
        "waiver",
        "partial-name",
        "other-page",
        "build-messages",
        "register",
        "plain",
    }
    for channel in channels:
        assert sum(case.channel == channel for case in leak_corpus.CASES) >= 3, channel


@pytest.mark.parametrize("case", leak_corpus.CASES, ids=[case.id for case in leak_corpus.CASES])
def test_case(case, results):
    result = results[case.id]
    detail = (
        f"{case.id}: {case.description}: {result.outcome}"
        f"{'; ' + result.note if result.note else ''}; errors {result.codes}; "
        f"read in {result.hits[:6]}"
    )
    if case.known_leak:
        if result.outcome != LEAKED:
            pytest.fail(
                f"{detail}\nNo longer leaks: remove its known_leak label ({case.known_leak!r})"
                f" and expect {result.outcome!r}."
            )
        pytest.xfail(case.known_leak)
    assert result.outcome in SAFE, detail
    if case.expect == REFUSED:
        assert result.outcome in (REFUSED, WRONG_PLACE), detail
    else:
        assert result.outcome == NOT_PUBLISHED, detail


def test_recall_table_renders_every_channel_and_detector(results):
    table = leak_sites.recall_table(leak_corpus.CASES, results)
    assert table.count("| **All** |") == 2
    for case in leak_corpus.CASES:
        assert f"| {case.channel} |" in table
        assert f"| {case.code or '(none)'} |" in table
    leaks = leak_sites.leaks_list(leak_corpus.CASES, results)
    for case in leak_corpus.CASES:
        assert (f"`{case.id}`" in leaks) == (results[case.id].outcome == LEAKED), case.id


def test_the_recall_shown_in_the_docs_is_the_one_measured(results):
    """docs/checks.md shows the measured table (from MEASURED, through
    `make checks-doc`): a change to the gate or the corpus that changes the
    recall must update it. LSCB_UPDATE_MEASURED=1 writes the new table."""
    table = (
        "### Recall on the one-leak cases\n\n"
        + MEASURED_INTRO
        + "\n\n"
        + leak_sites.recall_table(leak_corpus.CASES, results)
        + "\nWhat still leaks, by channel:\n\n"
        + leak_sites.leaks_list(leak_corpus.CASES, results)
    )
    if os.environ.get("LSCB_UPDATE_MEASURED"):
        MEASURED.write_text(table, encoding="utf-8")
    assert MEASURED.read_text(encoding="utf-8") == table, (
        "the measured recall changed: run LSCB_UPDATE_MEASURED=1 pytest tests/test_gate_corpus_leaks.py, "
        "then make checks-doc, and commit both"
    )


# --- The search itself: it finds what it must, and not what is not there -------------------


@pytest.mark.parametrize(
    "written",
    [
        "Zebedee Quinlan",
        "ZEBEDEE  QUINLAN",
        "zebedee-quinlan.pdf",
        "ZebedeeQuinlan.png",
        "Zebe\u00addee Quinlan",
        "Zebe\u200bdee Quinlan",
        "Zebe\u2060dee Quinlan",
        "Z\u0435bedee Quinlan",
        "Zébedee Quinlan",
        "Ｚｅｂｅｄｅｅ Quinlan",
        "zebedee%20quinlan",
    ],
)
def test_search_reads_a_name_however_it_is_written(written):
    assert leak_search.contains(leak_search.View("", "", leak_search.markup_text(written)[2]), "Zebedee Quinlan")


@pytest.mark.parametrize("written", ["Zebedee Quinn", "Zebedee lives in Quinlan Street", "Quinlan Zebedee"])
def test_search_does_not_read_what_is_not_there(written):
    assert not leak_search.contains(written, "Zebedee Quinlan")


def test_search_reads_markup_pdfs_images_and_archives(tmp_path):
    import media

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>Zebe<!-- x -->dee Quin&#108;an</p>", encoding="utf-8")
    # A Cyrillic letter makes pypdf write the string as UTF-16: not readable in the raw bytes.
    (tmp_path / "a.pdf").write_bytes(media.with_orphan_text(media.make_pdf(), "Ottolin\u0435 Brisk"))
    (tmp_path / "b.jpg").write_bytes(media.make_jpeg(gps=(53.4012, -2.2034)))
    (tmp_path / "c.docx").write_bytes(media.make_docx("Notes on Perpetua Vantley"))
    (tmp_path / "zebedee%20quinlan").mkdir()
    output = leak_search.Output(tmp_path)
    assert {hit.where for hit in output.find("Zebedee Quinlan")} == {"page/index.html", "zebedee%20quinlan"}
    assert [hit.how for hit in output.find("Ottoline Brisk")] == ["PDF internals"]
    assert [hit.how for hit in output.find("53.4012, -2.2034")] == ["image metadata"]
    assert {hit.where for hit in output.find("Perpetua Vantley")} == {"c.docx!word/document.xml"}
    assert output.find("Absent Name") == []
