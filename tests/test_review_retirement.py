"""A review reaching the end of its retention period never fails the build.

The scheduled daily build runs on every date, including the day each review
is retired: that day, and the days around it, the site must build, and from
that day the review's text and its own files are gone, leaving the "available
on request" notice at its address.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import DEMO_TODAY, ROOT, build_site, guidance_markdown, review_markdown
from lscb_core.dates import add_months

RETENTION_MONTHS = 36  # pelicanconf.py's REVIEW_RETENTION_MONTHS


def _field(text: str, name: str) -> str:
    for line in text.splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name}")


def _retirement_day(text: str) -> dt.date:
    return add_months(dt.date.fromisoformat(_field(text, "Date")), RETENTION_MONTHS)


def _demo_copy(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def _own_files(text: str) -> list[str]:
    """Names of the files the review's body and Document link to."""
    names = []
    for part in text.split("](")[1:]:
        target = part.split(")", 1)[0]
        if not target.startswith(("http", "#", "../")) and "." in target.rsplit("/", 1)[-1]:
            names.append(target.rsplit("/", 1)[-1])
    if "Document:" in text:
        names.append(_field(text, "Document").rsplit("/", 1)[-1])
    return names


# The demo's reviews, each built on the day before its retirement, the day
# itself and the day after. Child D's retirement lies before the rest of the
# demo was written (a build then fails on pages from its future), so it is
# moved: its Date is set so that it retires after the demo's own date.
REVIEWS = {"child-r": None, "child-l": None, "child-d": "2024-01-10"}


@pytest.mark.parametrize("offset", [-1, 0, 1], ids=["day-before", "retirement-day", "day-after"])
@pytest.mark.parametrize("slug", sorted(REVIEWS))
def test_the_demo_builds_around_each_reviews_retirement(tmp_path, monkeypatch, slug, offset):
    content = _demo_copy(tmp_path)
    source = content / "reviews" / f"{slug}.md"
    text = source.read_text(encoding="utf-8")
    if REVIEWS[slug]:
        text = text.replace(f"Date: {_field(text, 'Date')}", f"Date: {REVIEWS[slug]}", 1)
        source.write_text(text, encoding="utf-8")
    retired_on = _retirement_day(text)
    assert retired_on.isoformat() >= DEMO_TODAY  # a day the demo's pages exist
    day = retired_on + dt.timedelta(days=offset)
    monkeypatch.setenv("LSCB_TODAY", day.isoformat())

    site = build_site(content, tmp_path / "output")

    assert site.ok, site.messages()
    page = site.output / "reviews" / slug / "index.html"
    assert page.exists()  # the review, or its notice
    body = page.read_text(encoding="utf-8")
    own = _own_files(text)  # Child L's picture and report; none for the others
    # A sentence of the review's text, read from its first section.
    sentence = text.split("## About this review", 1)[1].strip().split(". ", 1)[0]
    everything = site.text_of_everything()
    names = {path.name for path in site.all_files()}
    if offset < 0:
        assert sentence in body
        assert all(name in names for name in own)
    else:
        assert sentence not in everything
        assert not any(name in names for name in own), sorted(set(own) & names)


def test_a_page_linking_a_retired_review_still_builds(scenario):
    """Quiet on the day of retirement; the same link to a withheld review
    stops the build (LINK005)."""
    scenario.write("reviews/child-q.md", review_markdown(Date="2023-01-10", Decision_date="2022-12-01"))
    scenario.write(
        "guidance/lessons.md", guidance_markdown("Lessons", "Read [the review of Child Q](../reviews/child-q.md).")
    )
    retired = scenario.build(LSCB_TODAY="2026-01-10", REVIEW_RETENTION_MONTHS=36)
    assert retired.ok, retired.messages()
    assert retired.exists("reviews/child-q/index.html")  # the notice

    scenario.write("reviews/child-q.md", review_markdown(Publication_decision="withhold"))
    withheld = scenario.build()
    assert "LINK005" in withheld.codes()


def test_a_retired_reviews_file_shared_with_a_published_page_does_not_stop_the_build(scenario):
    """The file stays for the page that links it (it was public until
    today); the review's text goes. A withheld review's file linked the same
    way still stops the build (REV012)."""
    scenario.write_bytes("images/timeline.svg", TIMELINE)
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            Date="2023-01-10",
            Decision_date="2022-12-01",
            body="## Findings\n\nRetiring marker zx-retire-41.\n\n![Timeline](/images/timeline.svg)\n\n"
            "## The board's response\n\nAccepted.\n",
        ),
    )
    scenario.write(
        "guidance/lessons.md", guidance_markdown("Lessons", "![Timeline of the review](/images/timeline.svg)")
    )
    retired = scenario.build(LSCB_TODAY="2026-01-10", REVIEW_RETENTION_MONTHS=36)
    assert retired.ok, retired.messages()
    assert retired.exists("images/timeline.svg")
    assert "zx-retire-41" not in retired.text_of_everything()

    scenario.write(
        "reviews/child-q.md",
        review_markdown(Publication_decision="withhold", body="## Findings\n\n![Timeline](/images/timeline.svg)\n"),
    )
    assert "REV012" in scenario.build().codes()


TIMELINE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10" viewBox="0 0 40 10">'
    b'<title>Timeline</title><rect width="40" height="10" fill="#1d70b8"/></svg>'
)
