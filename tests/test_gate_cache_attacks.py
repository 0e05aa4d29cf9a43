"""Attempts to get an identifier past the final gate by way of what it
remembers: the texts it settles within a build (published.gate.Gate) and
the blocks an earlier build kept on disk (published.gate_cache). Each case
builds a legitimate site first (it passes, and writes the cache), then,
with nothing in memory (read_before.forget_all, as a new process), plants
an identifier and builds again: the build must be refused, and nothing
published may show the planted value."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak_search import find  # noqa: E402
from site_batches import snapshot  # noqa: E402

from conftest import ScenarioSite, guidance_markdown  # noqa: E402
from lscb_checks.published import read_before  # noqa: E402

NAME = "Zebedee Quinlan"
FILLER = "\n\n".join(
    [
        "Every referral is read by a social worker on the day it arrives, and a manager decides what happens next.",
        "The referrer is told the decision within one working day, in writing, with the name of the worker.",
        "Where the decision is no further action, the referrer may ask for it to be looked at again by a manager.",
    ]
)


@pytest.fixture(autouse=True)
def _new_process():
    read_before.forget_all()
    yield
    read_before.forget_all()


def _build(site: ScenarioSite, **overrides):
    read_before.forget_all()  # as a new process: only the disk remembers
    return site.build(**overrides)


def _refused_at(built, code: str, name: str) -> list[str]:
    return [f.as_text() for f in built.result.findings if f.code == code and not f.waived and Path(f.path).name == name]


def test_a_name_waived_on_one_page_is_not_settled_for_the_next(tmp_path):
    """Page A shows a link title twice (two links, one title) with the name
    in it, waived on A's line. The gate read the first title (a block new to
    this file, its finding waived), then met the second, found the block in
    its clean set (put there until the file's findings are known) and settled
    the text: the same title on page B, with no waiver, was then skipped and
    published. A block this file reads first no longer settles a text."""
    title = f"{NAME} at the opening"
    links = f'See [the opening](/guidance/a-opening/ "{title}") and [the photos](/guidance/b-leaflet/ "{title}").'
    waiver = f'<!-- waive PII001 "{NAME}": opened the centre as mayor; approved by Business Manager -->'
    site = ScenarioSite(tmp_path / "site")
    site.write("guidance/a-opening.md", guidance_markdown("Opening", f"The centre was opened.\n\n{links} {waiver}"))
    site.write("guidance/b-leaflet.md", guidance_markdown("Leaflet", "The leaflet was printed."))
    first = _build(site)
    assert first.ok, first.messages()
    before = snapshot(site.output)
    link = f'Read [the leaflet](/guidance/a-opening/ "{title}").'
    site.write("guidance/b-leaflet.md", guidance_markdown("Leaflet", f"The leaflet was printed.\n\n{link}"))
    planted = _build(site)
    assert _refused_at(planted, "PII001", "b-leaflet.md"), planted.messages()
    assert not planted.ok
    assert snapshot(site.output) == before  # the last good site, where only A shows it, on its waived line
    assert not [hit for hit in find(site.output, title) if "b-leaflet" in str(hit)]


class _Clock:
    """The clock as dateutil reads it (datetime.datetime.now) set to `day`:
    how the next builds see another day without waiting for one."""

    def __init__(self, monkeypatch, parser_module):
        self.monkeypatch, self.parser_module = monkeypatch, parser_module

    def set(self, day: dt.date) -> None:
        class Moved(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return cls(day.year, day.month, day.day, tzinfo=tz)

        clock = types.SimpleNamespace(**{name: getattr(dt, name) for name in dir(dt) if not name.startswith("__")})
        clock.datetime = Moved
        self.monkeypatch.setattr(self.parser_module, "datetime", clock)
        self.monkeypatch.setattr(read_before, "clock_day", lambda: day)


def test_a_range_of_birth_dates_is_read_the_same_whatever_the_clock_says(tmp_path, monkeypatch):
    """dateutil fills a date's missing year from the clock, not from
    LSCB_TODAY: "born between 3 March and 14 May 2015" was a range of a
    year's children while the clock said 2014, and one child's date of birth
    after, so a block read clean one day could be skipped on another. The
    first date now takes the end's year (text.birth_cohort), and the clock's
    day is in the cache's key besides (read_before.clock_day)."""
    import dateutil.parser._parser as parser_module

    clock = _Clock(monkeypatch, parser_module)
    site = ScenarioSite(tmp_path / "site")
    cohort = "Children born between 3 March and 14 May 2015 joined the group."
    one_child = "Zebedee was born between 3 March and 5 March 2015, the records disagree."
    for day in (dt.date(2014, 6, 1), dt.date(2026, 11, 23)):
        clock.set(day)
        site.write("guidance/a-history.md", guidance_markdown("History", f"The family moved twice.\n\n{cohort}"))
        assert _build(site, LSCB_TODAY="2026-11-23").ok, day
        site.write("guidance/a-history.md", guidance_markdown("History", f"The family moved twice.\n\n{one_child}"))
        refused = _build(site, LSCB_TODAY="2026-11-23")
        assert _refused_at(refused, "PII004", "a-history.md"), (day, refused.messages())
    assert read_before.clock_day() == dt.date(2026, 11, 23)


def _allowed_name_site(tmp_path: Path) -> tuple[Path, ScenarioSite]:
    """An allowlist that allows NAME, and a guidance page that names them
    well inside its body (the same block with the same text beside it on
    the page as in the body read early)."""
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(
        f'[[allow]]\ntext = "{NAME}"\nreason = "Chair of the board, named on the council\'s website"\n',
        encoding="utf-8",
    )
    site = ScenarioSite(tmp_path / "site")
    site.write(
        "guidance/making-a-referral.md",
        guidance_markdown("Making a referral", f"{FILLER}\n\n{NAME} leads the front door team.\n\n{FILLER}\n"),
    )
    return allowlist, site


def test_bodies_read_early_under_an_allowlist_since_changed_are_read_again(tmp_path, monkeypatch):
    """The early reader reads the allowlist when it starts; an allowlist
    saved while the build runs (the preview builds on every save) is what
    the gate reads. A body cleared early under the old entry was skipped by
    the gate under the new one, and kept on disk under the new key. What the
    early reader read counts only under the very inputs the gate reads."""
    from lscb_checks.published import early

    allowlist, site = _allowed_name_site(tmp_path)
    monkeypatch.setattr(early, "_WAIT_FOR_ALL", True)  # every body read early
    monkeypatch.setattr(early, "_EARLY_FROM", 0)
    finish = early.finish
    read_early: list[frozenset] = []

    def finish_then_save_the_allowlist() -> None:
        finish()
        read_early.append(early.cleared())
        allowlist.write_text("# The entry was taken out.\n", encoding="utf-8")

    monkeypatch.setattr(early, "finish", finish_then_save_the_allowlist)
    # Without the search index, whose fragment of the page (a page of no
    # item, read whole) would give the name away on its own.
    plugins = ["lscb_content", "lscb_reviews", "lscb_checks"]
    built = _build(site, REDACTION_ALLOWLIST=str(allowlist), PLUGINS=plugins)
    assert read_early and read_early[0], "nothing was read early"
    assert _refused_at(built, "PII001", "making-a-referral.md"), built.messages()


def test_pages_read_as_written_under_an_allowlist_since_changed_are_read_again(tmp_path, monkeypatch):
    """The worker that reads pages as they are written reads the allowlist
    when it starts; the build process reads it again for its own share at
    the end. An allowlist saved in between had a page judged under the old
    entry: the worker's answer is now taken only under the inputs the build
    process reads, and its pages are read again otherwise."""
    import lscb_checks.checks.published_text as gate

    allowlist, site = _allowed_name_site(tmp_path)
    start = gate.start_stream

    def start_then_save_the_allowlist(settings, built) -> None:
        start(settings, built)
        allowlist.write_text("# The entry was taken out.\n", encoding="utf-8")

    monkeypatch.setattr(gate, "start_stream", start_then_save_the_allowlist)
    monkeypatch.setattr(gate, "_STREAM_FROM", 0)
    plugins = ["lscb_content", "lscb_reviews", "lscb_checks"]  # no search fragment to read the page whole
    built = _build(site, REDACTION_ALLOWLIST=str(allowlist), PLUGINS=plugins)
    assert _refused_at(built, "PII001", "making-a-referral.md"), built.messages()
