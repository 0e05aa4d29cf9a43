"""The source checks judge the text Pelican rendered: each Markdown file as
Pelican's reader read it in this build (lscb_core.sources.read_by_pelican),
not the file as it is on disk when a check gets to it. An editor who saves a
page while a build runs must not get the old page published under the new
page's checks (a field the checks refuse, a waiver, a declaration)."""

from __future__ import annotations

import pytest
from pelican import signals

from conftest import ScenarioSite, guidance_markdown

PUBLISHED = guidance_markdown(Colour="blue")  # META001: no such field
SAVED_LATER = guidance_markdown()


@pytest.fixture
def saved_after_reading(tmp_path):
    """A build whose page is saved again, clean, once Pelican has read every
    file and before the checks start."""
    site = ScenarioSite(tmp_path)
    page = site.write("guidance/procedure.md", PUBLISHED)

    def save_again(_generator) -> None:
        page.write_text(SAVED_LATER, encoding="utf-8")

    signals.article_generator_finalized.connect(save_again)
    yield site, page
    signals.article_generator_finalized.disconnect(save_again)


def test_a_page_saved_again_during_the_build_is_checked_as_pelican_read_it(saved_after_reading):
    site, page = saved_after_reading
    built = site.build()
    assert page.read_text(encoding="utf-8") == SAVED_LATER  # the save did happen, mid-build
    assert not built.ok
    codes = [finding.code for finding in built.result.findings]
    assert "META001" in codes, built.messages()
    assert not (site.output / "guidance" / "procedure" / "index.html").exists()


def test_the_next_build_checks_the_page_as_saved(saved_after_reading):
    site, page = saved_after_reading
    site.build()  # reads the published version, then the clean one is saved
    built = site.build()  # reads the clean one (and saves it again, unchanged)
    assert built.ok, built.messages()
    assert "META001" not in [finding.code for finding in built.result.findings]
