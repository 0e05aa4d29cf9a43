"""Only Markdown is content: a page saved as .mkd, .markdown, .rst or .html
is not read, not published and named (BLD003); any other file in a content
folder is a page, a published type or ATT002; and every check reads every
page (a children's page cannot escape the reading age by its file name)."""

from __future__ import annotations

import pytest

from conftest import ROOT, guidance_markdown
from lscb_core.findings import Severity

# Long sentences of long words: far above a children's reading age.
HARD = (
    "Multidisciplinary safeguarding arrangements necessitate comprehensive interagency "
    "communication, systematic documentation and proportionate escalation procedures "
    "whenever practitioners identify cumulative indicators of significant harm. "
) * 6

CHILDREN_PAGE = f"""\
Title: Who helps you
Date: 2026-02-01
Version_of: guidance/roles-of-agencies.md
Summary: The people who can help you.

{HARD}
"""

RST_GUIDANCE = """\
Escalating concerns
###################

:date: 2026-01-01
:author: A. Person

Escalate when nothing changes.
"""

HTML_GUIDANCE = """\
<html><head><title>Escalating concerns</title><meta name="date" content="2026-01-01"></head>
<body><p>Escalate when nothing changes.</p></body></html>
"""


@pytest.fixture
def site(scenario):
    scenario.write("guidance/roles-of-agencies.md", guidance_markdown("Roles of agencies"))
    return scenario


def findings(built, code):
    return [f for f in built.result.findings if f.code == code]


@pytest.mark.parametrize("name", ["who-helps-you.mkd", "who-helps-you.markdown", "who-helps-you.mdown"])
def test_a_childrens_page_saved_as_other_markdown_is_refused_and_not_published(site, name):
    site.write(f"children/{name}", CHILDREN_PAGE)
    built = site.build(LSCB_MODE="publish")
    assert not built.ok
    [finding] = findings(built, "BLD003")
    assert finding.path.endswith(f"children/{name}") and finding.line == 1
    assert finding.severity is Severity.ERROR
    assert "rename it to end in .md" in finding.hint
    assert len(finding.message) < 80 and name in finding.message
    # Not read at all: no other check saw it as a page.
    assert [f.code for f in built.result.findings if f.path.endswith(name)] == ["BLD003"]


def test_the_same_page_saved_as_md_is_read_and_its_reading_age_checked(site):
    site.write("children/who-helps-you.md", CHILDREN_PAGE)
    built = site.build(LSCB_MODE="publish")
    assert findings(built, "BLD003") == []
    assert [f.line for f in findings(built, "READ001")], built.messages()


@pytest.mark.parametrize(
    "name, text",
    [
        ("escalating-concerns.rst", RST_GUIDANCE),
        ("escalating-concerns.html", HTML_GUIDANCE),
        ("escalating-concerns.htm", HTML_GUIDANCE),
    ],
)
def test_guidance_in_rst_or_html_is_refused_and_never_published(site, name, text):
    site.write(f"guidance/{name}", text)
    built = site.build()  # a preview
    assert not built.ok
    [finding] = findings(built, "BLD003")
    assert finding.path.endswith(f"guidance/{name}")
    assert "write it in Markdown and save it as .md" in finding.hint
    assert [f.code for f in built.result.findings if f.path.endswith(name)] == ["BLD003"]


def test_only_md_pages_and_published_types_are_quiet(site):
    site.write(
        "guidance/making-a-referral.md",
        guidance_markdown("Making a referral", body="See the [route (PNG, 1 KB)](images/route.png)."),
    )
    from factories import FACTORIES

    site.write_bytes("guidance/images/route.png", FACTORIES["png_clean"]())
    site.write_bytes("images/logo-spare.png", FACTORIES["png_clean"]())
    site.write_bytes("documents/leaflet.pdf", FACTORIES["pdf_plain"]())
    site.write_bytes("guidance/.DS_Store", b"\x00\x00\x00\x01Bud1")  # hidden: the build ignores it
    built = site.build(LSCB_MODE="publish")
    assert built.ok, built.messages()
    assert findings(built, "BLD003") == [] and findings(built, "ATT002") == []
    assert built.exists("guidance/making-a-referral/index.html")


def test_a_word_file_left_beside_the_pages_is_att002_on_the_file(site):
    site.write_bytes("guidance/referral-form.docx", b"PK\x03\x04 not really a Word file")
    built = site.build()
    [finding] = findings(built, "ATT002")
    assert finding.path.endswith("guidance/referral-form.docx") and finding.line == 1
    assert "save it as PDF" in finding.hint


def test_a_reviews_redaction_register_is_not_a_stray_file(scenario, monkeypatch):
    from register_helpers import write_register

    from conftest import review_markdown

    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-content-files-0001")
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", ["Quentin Zebedee"])
    built = scenario.build()
    assert built.ok, built.messages()
    assert findings(built, "ATT002") == [] and findings(built, "BLD003") == []


def test_pelican_is_left_no_page_reader_but_ours_for_md():
    """Whatever READERS says, Pelican reads .md pages with our reader, and
    copies static files; no other format is read as a page."""
    from pelican import signals
    from pelican.readers import Readers
    from pelican.settings import read_settings

    from lscb_content.reader import LscbMarkdownReader, install

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"READERS": {}})
    signals.readers_init.connect(install)  # as lscb_content's register() does
    readers = Readers(settings)
    assert sorted(readers.extensions) == ["md", "static"]
    assert isinstance(readers.readers["md"], LscbMarkdownReader)
