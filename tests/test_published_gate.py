"""The final gate reads the built site as a reader does, on every kind of page.

Each case writes a small site whose Markdown passes the source checks but
whose built output shows an identifier: a name split by markup inside a
word, a name in a listing's summary, in a file name, in a guidance page or an
annual report. The build must be refused, name the Markdown file (and line
where there is one), and leave the last good output untouched. The quiet
cases build the same sites with pseudonyms and public names only. The good
site is built once for the module and each case starts from a copy of it.
"""

from __future__ import annotations

import base64
import gzip
import html
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register_helpers import write_register  # noqa: E402
from site_batches import Batch, build_good, copy_of, in_reviews, plant_all, snapshot  # noqa: E402

from conftest import ROOT, build_site, guidance_markdown, review_markdown  # noqa: E402

NAME = "Zebedee Quinlan"
KEY = "published-gate-test-key-0c41d9e2"


def body(findings: str) -> str:
    return (
        f"## Findings\n\n{findings}\n\n## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )


def everything_published(output: Path) -> str:
    """Every file of the output as an attacker reads it: raw text, text with
    tags and comments removed and references decoded, gunzipped search
    fragments, and every path."""
    parts = []
    for path in sorted(output.rglob("*")):
        parts.append(str(path.relative_to(output)).replace("-", " "))
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.decode("utf-8", "replace")
        parts.append(text)
        parts.append(html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<!--.*?-->", "", text, flags=re.S))))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    """A site with one clean review and one guidance page, built once for
    the module."""

    def write(site):
        site.write("reviews/child-q.md", review_markdown())
        site.write("guidance/sharing-information.md", guidance_markdown("Sharing information"))

    return build_good(tmp_path_factory.mktemp("good"), write)


@pytest.fixture
def good_site(good, tmp_path):
    """A copy of the good site, content and output, so that each case can
    show the last good output is untouched."""
    return copy_of(good, tmp_path / "site")


def refused(scenario, code: str | tuple[str, ...], path: str, **overrides):
    site = scenario.build(**overrides)
    assert not site.ok, f"the build passed; published: {NAME in everything_published(scenario.output)}"
    codes = (code,) if isinstance(code, str) else code
    hits = [f for f in site.result.findings if f.code in codes and not f.waived]
    assert hits, site.messages()
    assert any(f.path.endswith(path) for f in hits), site.messages()
    assert snapshot(scenario.output) == scenario.before, "the last good output was changed"
    assert NAME.split()[0] not in site.messages(), "a finding printed the name"
    return hits


SPLIT_BY_MARKUP = [
    "Zebe<!-- -->dee Quin<!-- -->lan",
    "Zebe&#100;ee Quinlan",
    "Zebe<wbr>dee Quinlan",
    "Zeb<em>edee</em> Quinlan",
    "*Zeb*edee Quin*lan*",
    "[Zeb](https://example.org/)edee Quinlan",
    "Zebe<span hidden>xx</span>dee Quinlan",
    'Zebe<span style="display:none">xx</span>dee Quinlan',
]
ONLY_A_BROWSER_SHOWS = [
    "\u202enalniuQ eedebeZ\u202c",  # drawn right to left: shown as the name
    '<bdo dir="rtl">nalniuQ eedebeZ</bdo>',
    '<img src="data:image/svg+xml;base64,{}" alt="A drawing">'.format(
        base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Zebedee Quinlan</text></svg>').decode()
    ),
    '<script>document.title = "Zebedee Quinlan";</script>',
]


# Refused by the source checks, which read each review's Markdown on its own
# ("dee Quinlan" after the comment, "Quin" alone, the text of a hidden span
# or of a script): these are planted in a review each (Child A, Child B...),
# all in one build of a copy of the good site (tests/site_batches.py). The
# others are refused only by the final gate, which may name, for a name it
# reads on a page whose source does not write it, every page that writes the
# name: each of those is built alone.
SOURCE_REFUSES = [
    "Zebe<!-- -->dee Quin<!-- -->lan",
    "Zebe<wbr>dee Quinlan",
    "*Zeb*edee Quin*lan*",
    "Zebe<span hidden>xx</span>dee Quinlan",
    'Zebe<span style="display:none">xx</span>dee Quinlan',
    '<script>document.title = "Zebedee Quinlan";</script>',
]


def _review_body(written: str) -> str:
    if written in SPLIT_BY_MARKUP:
        return body(f"{written} was known to the school.")
    return body(f"The school knew. {written}")


@pytest.fixture(scope="module")
def names_for_the_source_checks(good, tmp_path_factory) -> Batch:
    bodies = {written: _review_body(written) for written in SOURCE_REFUSES}
    return plant_all(good, tmp_path_factory.mktemp("names") / "site", in_reviews(bodies))


def test_the_reviews_around_the_names_are_refused_for_nothing_else(names_for_the_source_checks):
    assert names_for_the_source_checks.errors_outside() == []


def _name_refused(request, written: str, codes: str | tuple[str, ...]) -> list:
    """The review writing the name `written` is refused by its own finding."""
    if written in SOURCE_REFUSES:
        names = request.getfixturevalue("names_for_the_source_checks")
        path, _text = names.plants[written]
        return names.refused(written, codes, path, NAME.split()[0])
    good_site = request.getfixturevalue("good_site")
    good_site.write("reviews/child-q.md", review_markdown(_review_body(written)))
    return refused(good_site, codes, "reviews/child-q.md")


@pytest.mark.parametrize("written", SPLIT_BY_MARKUP)
def test_a_name_split_by_markup_in_a_review_is_refused_at_its_line(request, written):
    # "Quin" of "Quin<!-- -->lan" is a forename standing alone in the source
    # (PII011): the source checks refuse it first.
    hits = _name_refused(request, written, ("PII001", "PII011"))
    body_line = review_markdown("").split("\n").index("") + 4  # header, blank, heading, blank
    assert any(f.line == body_line for f in hits), (written, [f.as_text() for f in hits])


@pytest.mark.parametrize("written", ONLY_A_BROWSER_SHOWS)
def test_a_name_written_so_that_only_a_browser_shows_it_is_refused(request, written):
    _name_refused(request, written, "PII001")


def test_a_name_split_in_the_summary_is_refused_at_the_summary_line(good_site):
    good_site.write("reviews/child-q.md", review_markdown(Summary="Zebe&#100;ee Quin<!-- -->lan and the school."))
    hits = refused(good_site, ("PII001", "PII011"), "reviews/child-q.md")
    summary_line = 1 + list(review_markdown().split("\n")).index(
        next(line for line in review_markdown().split("\n") if line.startswith("Summary:"))
    )
    assert any(f.line == summary_line for f in hits), [f.as_text() for f in hits]


def test_a_full_name_on_a_guidance_page_is_refused(good_site):
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown("Sharing information", body=f"When {NAME} moved school, nothing was passed on."),
    )
    refused(good_site, "PII001", "guidance/sharing-information.md")


def test_a_case_study_in_an_annual_report_is_refused_for_each_detail(tmp_path, demo_site):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    # The last good site: the demo content's own build (the session's demo_site, which passed).
    shutil.copytree(demo_site.output, output)
    before = snapshot(output)
    report = sorted((content / "annual-reports").glob("*.md"))[-1]
    case = (
        f"\n\n## A case study\n\n{NAME} lived at 14 Marlpit Lane, Northshire NS4 7QD, "
        "and her mobile number was 07700 900123.\n"
    )
    report.write_text(report.read_text(encoding="utf-8") + case, encoding="utf-8")
    site = build_site(content, output)
    assert not site.ok
    codes = {f.code for f in site.result.findings if f.path.endswith(report.name)}
    assert {"PII001", "PII002", "PII003", "PII005"} <= codes, site.messages()
    assert snapshot(output) == before


def test_a_name_in_the_file_name_of_an_unlinked_image_is_refused(good_site):
    png = (ROOT / "content" / "reviews" / "images").glob("*.png")
    good_site.write_bytes("images/zebedee-quinlan-at-school.png", sorted(png)[0].read_bytes())
    site = good_site.build()
    assert not site.ok
    hits = [f for f in site.result.findings if f.code == "PII001"]
    assert hits, site.messages()
    assert all("zebedee" not in f.as_text().lower() for f in hits), "the file name was printed"
    assert snapshot(good_site.output) == good_site.before


def test_a_register_term_split_by_markup_is_refused(good_site, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    good_site.write("reviews/child-q.md", review_markdown(body("The family lived near Marl<!-- -->pit Fields.")))
    write_register(good_site.content, "reviews/child-q.md", ["Marlpit Fields"])
    hits = refused(good_site, "RED001", "reviews/child-q.md")
    assert all("arlpit" not in f.as_text() for f in hits)


def test_pseudonyms_public_names_and_board_details_stay_quiet(good_site):
    good_site.write(
        "reviews/child-q.md",
        review_markdown(
            body(
                "Child Q told Mother about Sib&#108;ing 1. Sibling 1 was <em>not</em> seen. "
                "Mother called the NSPCC helpline on 0808 800 5000."
            ),
            Summary="Child Q and Mother: what <em>agencies</em> knew.",
        ),
    )
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown(
            "Sharing information",
            body="Follow Working Together to Safeguard Children (2023), chapter 2.\n\n"
            # Its anchor, leaving-this-page-quickly, is not the name "Page Quickly".
            "## Leaving this page quickly\n\nUse the Exit button.\n",
        ),
    )
    site = good_site.build()
    assert site.ok, site.messages()
    assert not [f for f in site.result.findings if f.code.startswith(("PII", "RED"))]


def test_the_demo_site_gives_the_gate_nothing_to_refuse(demo_site):
    assert not [f for f in demo_site.result.findings if f.code.startswith(("PII", "RED"))]
    assert "published_text" in demo_site.result.timings


def test_plugins_in_the_wrong_order_are_refused_with_a_hint(good_site):
    site = good_site.build(PLUGINS=["lscb_content", "lscb_reviews", "lscb_checks", "lscb_search"])
    assert not site.ok
    text = "\n".join(site.result.errors)
    assert "lscb_search after lscb_checks" in text and "hint:" in text
    assert snapshot(good_site.output) == good_site.before


def test_the_two_processes_together_report_what_one_would(good_site, monkeypatch):
    """The gate reads half the files in a second process on a larger site:
    findings in both halves are reported, each once."""
    import lscb_checks.checks.published_text as gate

    for number, name in enumerate(["Zebedee Quinlan", "Marigold Fenwright", "Tobias Ashcombe"]):
        good_site.write(
            f"guidance/page-{number}.md",
            guidance_markdown(
                f"Page {number}", body=f"When {name[:3]}<!-- -->{name[3:]} moved school, nothing was passed on."
            ),
        )
    monkeypatch.setattr(gate, "_FORK_FROM", 0)
    forked = sorted(f.as_text() for f in good_site.build().result.findings if f.code == "PII001")
    monkeypatch.setattr(gate, "_FORK_FROM", 10**9)
    single = sorted(f.as_text() for f in good_site.build().result.findings if f.code == "PII001")
    assert len(single) == 3 and forked == single


def test_pages_read_as_they_are_written_give_what_one_process_gives(good_site, monkeypatch):
    """On a large site a second process reads each page of an item as
    Pelican writes it (lscb_checks.published.stream): the same findings,
    each once, in a review, a guidance page and a class value alike."""
    import lscb_checks.checks.published_text as gate
    from lscb_checks.published import stream

    for number, name in enumerate(["Zebedee Quinlan", "Marigold Fenwright", "Tobias Ashcombe"]):
        good_site.write(
            f"guidance/page-{number}.md",
            guidance_markdown(
                f"Page {number}", body=f"When {name[:3]}<!-- -->{name[3:]} moved school, nothing was passed on."
            ),
        )
    good_site.write(
        "guidance/page-classes.md",
        guidance_markdown("Classes", body='<p class="prudence-ashcombe">A page with a class.</p>'),
    )
    good_site.write("reviews/child-q.md", review_markdown(body("Zeb<!-- -->edee Quinlan was known to the school.")))
    handed: list[list[str]] = []
    finish = stream.finish
    monkeypatch.setattr(stream, "finish", lambda more: handed.append(sorted(stream.streamed())) or finish(more))
    monkeypatch.setattr(gate, "_STREAM_FROM", 0)
    streamed = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    assert handed and "guidance/page-0/index.html" in handed[0], handed
    monkeypatch.setattr(gate, "_STREAM_FROM", 10**9)
    monkeypatch.setattr(gate, "_FORK_FROM", 10**9)
    single = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    assert len(handed) == 1, "the second build streamed too"
    assert single and streamed == single
    assert any("page-classes" in finding for finding in single), single


def test_what_the_worker_has_not_read_when_the_site_is_written_is_shared(good_site, monkeypatch):
    """When the worker reading pages as written is behind, the build process
    takes files from the back of what is left (stream.Share): each file is
    read by one of the two, and the findings are those of one process."""
    import lscb_checks.checks.published_text as gate
    from lscb_checks.published import stream

    for number, name in enumerate(["Zebedee Quinlan", "Marigold Fenwright", "Tobias Ashcombe"]):
        good_site.write(
            f"guidance/page-{number}.md",
            guidance_markdown(
                f"Page {number}", body=f"When {name[:3]}<!-- -->{name[3:]} moved school, nothing was passed on."
            ),
        )
    good_site.write("reviews/child-q.md", review_markdown(body("Zeb<!-- -->edee Quinlan was known to the school.")))
    read_page = gate.read_page

    def slow(rel, data):  # only the worker reads pages as written
        time.sleep(0.3)
        return read_page(rel, data)

    taken: list[str] = []
    take = stream.Share.take

    def recorded(share):
        for rel in take(share):
            taken.append(rel)
            yield rel

    monkeypatch.setattr(gate, "read_page", slow)
    monkeypatch.setattr(stream.Share, "take", recorded)
    monkeypatch.setattr(gate, "_STREAM_FROM", 0)
    shared = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    assert any(rel.endswith(".html") for rel in taken), taken
    monkeypatch.setattr(gate, "read_page", read_page)
    monkeypatch.setattr(gate, "_STREAM_FROM", 10**9)
    monkeypatch.setattr(gate, "_FORK_FROM", 10**9)
    single = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    assert len(single) >= 4 and shared == single


def test_a_page_changed_after_it_was_read_as_written_is_read_again(good_site, monkeypatch):
    """A page read as it was written and changed afterwards (here by a
    plugin once the articles are written) is read again as finally built."""
    from pelican import signals

    import lscb_checks.checks.published_text as gate

    monkeypatch.setattr(gate, "_STREAM_FROM", 0)
    pattern = ".output.building-*/guidance/sharing-information/index.html"
    planted = []

    def plant(generator, writer=None) -> None:
        time.sleep(0.5)  # time for the second process to read the page first
        for path in good_site.output.parent.glob(pattern):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("</main>", f"<p>{NAME} was known to the school.</p></main>"), encoding="utf-8")
            planted.append(path)

    signals.article_writer_finalized.connect(plant)
    try:
        site = good_site.build()
    finally:
        signals.article_writer_finalized.disconnect(plant)
    assert planted and not site.ok
    assert any(f.code == "PII001" and "sharing-information" in f.path for f in site.result.findings), site.messages()
    assert snapshot(good_site.output) == good_site.before


def test_a_date_of_birth_in_a_table_written_in_html_is_refused(good_site):
    """The source checks read Markdown tables as rows; a table written in
    HTML is read as rows only in the built page."""
    table = (
        "<table>\n<thead>\n<tr>\n<th>Person</th>\n<th>Date</th>\n<th>Sex</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>Child Q</td>\n<td>14.03.2017</td>\n<td>M</td>\n</tr>\n</tbody>\n</table>"
    )
    good_site.write("reviews/child-q.md", review_markdown(body(f"The family:\n\n{table}\n")))
    refused(good_site, "PII004", "reviews/child-q.md")


def _paragraph_table(heading: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    """A table as a word processor exports it: each cell's text in a paragraph."""

    def cells(tag: str, texts) -> str:
        return "".join(f"<{tag}><p>{text}</p></{tag}>" for text in texts)

    body_rows = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', heading)}</tr></thead><tbody>{body_rows}</tbody></table>"


def test_a_date_of_birth_in_a_table_whose_cells_hold_paragraphs_is_refused(good_site):
    """Each row is still read as a row: the date two rows under the heading
    "Date of birth" is a date of birth (each row was a block of its own)."""
    table = _paragraph_table(
        ("Person", "Date of birth"), [("Mother", "not known"), ("Father", "not known"), ("Child", "21/09/2019")]
    )
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown("Sharing information", body=f"The household:\n\n{table}\n"),
    )
    refused(good_site, "PII004", "guidance/sharing-information.md")


def test_a_table_of_meetings_whose_cells_hold_paragraphs_passes(good_site):
    table = _paragraph_table(
        ("Date", "Meeting"),
        [("14/03/2026", "Strategy discussion"), ("21/03/2026", "Review of the plan"), ("02/04/2026", "Case closed")],
    )
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown("Sharing information", body=f"The meetings held:\n\n{table}\n"),
    )
    site = good_site.build()
    assert site.ok, site.messages()


def test_the_cells_of_a_built_table_do_not_run_into_each_other(good_site):
    """A forename ending one cell and a capitalised word starting the next
    are not a full name."""
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown(
            "Sharing information", body=("| Grant | Amount (£) |\n| --- | ---: |\n| Youth club | 2,000 |\n")
        ),
    )
    site = good_site.build()
    assert site.ok, site.messages()


def test_a_public_name_on_a_guidance_page_can_be_waived_on_its_line(good_site):
    """Only the final gate reads a guidance page for names, so a waiver there
    is judged once the built site has been read: used, not 'waives nothing'."""
    good_site.write(
        "guidance/sharing-information.md",
        guidance_markdown(
            "Sharing information",
            body=(
                f"The board thanks {NAME} for chairing the review panel. "
                f'<!-- waive PII001 "{NAME}": our independent chair; approved by Business Manager -->'
            ),
        ),
    )
    site = good_site.build()
    assert site.ok, site.messages()
    assert [(f.code, bool(f.waived)) for f in site.result.findings] == [("PII001", True)]


def test_bodies_read_early_give_what_the_gate_gives_alone(good_site, monkeypatch):
    """On a large site a third process reads each item's body while Pelican
    reads the Markdown (lscb_checks.published.early) and hands back the
    blocks with no finding, which the gate then skips on the built pages.
    The findings are the same as the gate's alone: a name split by markup,
    a name in a table, a date of birth, each where it was written."""
    from lscb_checks.published import detect, early

    for number, name in enumerate(["Zebedee Quinlan", "Marigold Fenwright", "Tobias Ashcombe"]):
        good_site.write(
            f"guidance/page-{number}.md",
            guidance_markdown(
                f"Page {number}",
                body=(
                    f"Staff met the family twice.\n\nWhen {name[:3]}<!-- -->{name[3:]} moved "
                    "school, nothing was passed on.\n\nThe plan was reviewed monthly."
                ),
            ),
        )
    good_site.write(
        "guidance/page-table.md",
        guidance_markdown(
            "Table",
            body=(
                "The record was shared.\n\n| Person | Date | Sex |\n| --- | --- | --- |\n| Child Q | 14.03.2017 | M |\n"
            ),
        ),
    )
    cleared: list[frozenset] = []
    finish = early.finish

    def finish_and_keep() -> None:
        finish()
        cleared.append(early.cleared())

    monkeypatch.setattr(early, "finish", finish_and_keep)
    # Keys as text, not digests, to see which blocks were cleared.
    monkeypatch.setattr(detect, "key_digest", lambda before, block, after: (before, block, after))
    monkeypatch.setattr(early, "_WAIT_FOR_ALL", True)  # not what is ready by then: every body
    monkeypatch.setattr(early, "_EARLY_FROM", 0)
    read_early = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    blocks = {block for _before, block, _after in cleared[-1]} if cleared else set()
    # (Read without the paragraph's number: lscb_checks.published.furniture.)
    assert "Staff met the family twice." in {block.strip() for block in blocks}, cleared
    assert not any("moved school" in block or "14.03.2017" in block for block in blocks)
    monkeypatch.setattr(early, "_EARLY_FROM", 10**9)
    alone = sorted(f.as_text() for f in good_site.build().result.findings if f.code.startswith("PII"))
    assert not cleared[-1], "the second build read bodies early too"
    assert len([f for f in alone if "PII001" in f]) == 3 and any("PII004" in f for f in alone), alone
    assert read_early == alone


def test_a_block_read_early_is_measured_as_the_detectors_read_it(good_site, monkeypatch):
    """A paragraph of zero-width spaces is nothing on the page and nothing to
    the detectors, but it filled the 250 characters of text beside a block
    that its key holds: the early reader cleared the date in the body, and
    the label in the page's Summary, read beside it on the built page, was
    never put with it (found by red-team round 7). Blocks and keys are now
    measured in the text the detectors read."""
    from lscb_checks.published import early

    padding = "\u200b" * 300
    good_site.write(
        "pages/family-details.md",
        f"Title: Family details\nSummary: Sibling 1, date of birth\n\n{padding}\n\n14 March 2017\n\n"
        f"{padding}\n\nOther information is held by the board.\n",
    )
    monkeypatch.setattr(early, "_WAIT_FOR_ALL", True)
    monkeypatch.setattr(early, "_EARLY_FROM", 0)
    site = good_site.build()
    assert not site.ok
    assert any(f.code == "PII004" and "family-details" in f.path for f in site.result.findings), site.messages()


def test_source_checks_beside_the_writing_judge_as_they_do_before_it(good_site, monkeypatch):
    """On two cores the source checks run in a second process while Pelican
    writes the pages into the staging folder (lscb_checks.beside), and are
    judged before the output checks: the same findings and waivers as when
    they run first, the build refused, the last good output untouched."""
    from lscb_checks import beside

    good_site.write("reviews/child-q.md", review_markdown(body(f"{NAME} was known to the school.")))
    good_site.write(
        "guidance/contacts.md",
        guidance_markdown(
            "Contacts",
            body=(
                "Training dates are [here](sharing-information.md).\n\n"
                "<!-- waive A11Y005: the training team's wording; approved by Business Manager -->\n"
                "For venues, [click here](sharing-information.md).\n"
            ),
        ),
    )
    taken: list[bool] = []
    start = beside.start
    monkeypatch.setattr(beside, "start", lambda run: taken.append(start(run)) or taken[-1])
    site = good_site.build()
    assert taken == [True], "the source checks did not run in a second process"
    assert not site.ok and snapshot(good_site.output) == good_site.before
    found_beside = sorted((f.as_text(), bool(f.waived)) for f in site.result.findings)
    assert "pii_names" in site.result.timings and "a11y_link_text" in site.result.timings

    monkeypatch.setattr(beside, "start", lambda run: False)  # one core: they run first
    site = good_site.build()
    assert not site.ok and snapshot(good_site.output) == good_site.before
    found_first = sorted((f.as_text(), bool(f.waived)) for f in site.result.findings)
    assert found_beside == found_first
    assert any("PII001" in text for text, _waived in found_first), found_first
    assert [text for text, waived in found_first if waived and "A11Y005" in text], found_first
    assert [text for text, waived in found_first if not waived and "A11Y005" in text], found_first


def test_a_second_process_that_dies_leaves_the_checks_to_the_build_process(good_site, monkeypatch):
    """If the process running the source checks dies, they run in the build
    process: the build is refused as before, never published unchecked."""
    import os

    from lscb_checks import beside

    good_site.write("reviews/child-q.md", review_markdown(body(f"{NAME} was known to the school.")))
    start = beside.start
    monkeypatch.setattr(beside, "start", lambda run: start(lambda: os._exit(3)))
    refused(good_site, "PII001", "reviews/child-q.md")


def _read_early(monkeypatch, on: bool = True) -> None:
    """Bodies read by the worker while Pelican reads the Markdown
    (lscb_checks.published.early), on a small site and waiting for every
    body; `on=False`: the gate alone."""
    from lscb_checks.published import early

    monkeypatch.setattr(early, "_WAIT_FOR_ALL", True)
    monkeypatch.setattr(early, "_EARLY_FROM", 0 if on else 10**9)


def _refused_both_ways(scenario, monkeypatch, code: str, path: str, planted: str) -> None:
    """Refused by the gate alone, and refused the same with the bodies read
    early: the planted text is nowhere in the output either way."""
    for on in (False, True):
        _read_early(monkeypatch, on)
        site = scenario.build()
        published = everything_published(scenario.output)
        assert not site.ok, f"passed with bodies read early={on}; planted text published: {planted in published}"
        assert any(f.code == code and f.path.endswith(path) for f in site.result.findings), site.messages()
        assert planted not in published


def test_early_reading_keeps_a_date_of_birth_under_its_label(scenario, monkeypatch):
    """A guidance page gives a date of birth as a label paragraph and the
    date in a list below it. Read early, the label's block was clean (it
    holds no date) and was skipped on the built page, so the date was read
    without the words before it and published."""
    scenario.write(
        "guidance/a-record.md",
        guidance_markdown("A record", body="The record was shared.\n\nChild Q, date of birth:\n\n- 14 March 2017\n"),
    )
    _refused_both_ways(scenario, monkeypatch, "PII004", "guidance/a-record.md", "14 March 2017")


def test_early_reading_keeps_a_date_of_birth_under_the_summary_that_names_it(scenario, monkeypatch):
    """A page's summary is shown above its body ("Child Q, date of birth")
    and the body starts with the date. The worker reads the body alone, so
    the date's block is clean there; on the built page it follows the
    summary."""
    scenario.write(
        "pages/facts.md",
        "Title: Child Q facts\nSummary: Child Q, date of birth\n\n14 March 2017\n\nThe plan was reviewed monthly.\n",
    )
    _refused_both_ways(scenario, monkeypatch, "PII004", "pages/facts.md", "14 March 2017")


@pytest.mark.parametrize(
    "code,planted,harmless,telling",
    [
        # (An address no longer depends on the block before it: "See the
        # table", then "14 Acacia Avenue", is an address: test_identifiers_put_apart.)
        ("PII004", "14 March 2017", "The meetings were held on", "Child Q, date of birth:"),
        ("PII009", "A123 BCD", "Form references", "Police stopped the car"),
    ],
)
def test_early_reading_of_one_page_does_not_clear_the_same_block_beside_other_words(
    scenario, monkeypatch, code, planted, harmless, telling
):
    """The same list item on two guidance pages: after words that make it
    harmless on one ("See the table", then "14 Acacia Avenue"), after words
    that make it an address or a registration on the other. Read early, the
    harmless page cleared the block for every page."""
    scenario.write("guidance/a-record.md", guidance_markdown("A record", body=f"{telling}\n\n- {planted}\n"))
    scenario.write("guidance/zz-lists.md", guidance_markdown("Lists", body=f"{harmless}\n\n- {planted}\n"))
    _refused_both_ways(scenario, monkeypatch, code, "guidance/a-record.md", planted)


def test_a_name_whose_surname_is_a_month_before_a_numbered_paragraph_is_refused(scenario, monkeypatch):
    """ "Zebedee May" in a list on a guidance page, then a numbered paragraph
    ("2. The family moved twice."): the detector of full names took the
    number of the next block, across the blank line, for the day of a date
    ("in June May 2024" is a date) and let the name through, with the
    bodies read early or not."""
    scenario.write(
        "guidance/a-record.md",
        guidance_markdown("A record", body="The record was shared.\n\n- Zebedee May\n\nThe family moved twice.\n"),
    )
    _refused_both_ways(scenario, monkeypatch, "PII001", "guidance/a-record.md", "Zebedee May")


# --- Red-team round 6: what two changes let through, fixed --------------------------


def test_a_pdf_replaced_during_the_build_with_the_same_size_and_time_is_read_as_published(good_site):
    """A sync tool that keeps modification times (rsync -a, cp -p, unzip), or
    a file system with coarse times, replaces content/documents/report.pdf
    while the build runs, after the PDF was read ahead: the copy published is
    the new one, so the final gate must read the new one."""
    import os

    import media
    from pelican import signals

    from lscb_checks.forking import second_core
    from lscb_checks.text import prefetch

    if not second_core():
        pytest.skip("one core: PDFs are not read ahead")
    clean = media.make_pdf(["Findings", "The reviewer met Xxxxxxx Yyyyyyy at home."])
    leaking = media.make_pdf(["Findings", f"The reviewer met {NAME} at home."])
    assert len(clean) == len(leaking)
    path = good_site.write_bytes("documents/report.pdf", clean)
    swapped = []

    def read_ahead(generator) -> None:  # the worker has read the PDF, as it usually has by now
        for future in list(prefetch._pending.values()):
            future.result(timeout=60)

    def replace(generators) -> None:  # after the source checks started, before the files are copied
        before = path.stat()
        path.write_bytes(leaking)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        swapped.append(path)

    signals.article_generator_init.connect(read_ahead)
    signals.all_generators_finalized.connect(replace)
    try:
        site = good_site.build()
    finally:
        signals.article_generator_init.disconnect(read_ahead)
        signals.all_generators_finalized.disconnect(replace)
    assert swapped
    copy = good_site.output / "documents" / "report.pdf"
    published = copy.exists() and copy.read_bytes() == leaking
    assert not (site.ok and published), "the build passed and published the PDF that names the child"


def test_a_date_of_birth_in_an_svg_written_into_a_review_as_a_data_address_is_refused(good_site):
    drawing = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40" width="160" height="40">'
        '<text x="4" y="14" font-size="10">Date of birth:</text><body/>'
        '<text x="4" y="30" font-size="10">14 March 2017</text></svg>'
    )
    address = "data:image/svg+xml;base64," + base64.b64encode(drawing.encode()).decode()
    good_site.write("reviews/child-q.md", review_markdown(body(f"![A timeline of the review]({address})")))
    refused(good_site, "PII004", "reviews/child-q.md")
