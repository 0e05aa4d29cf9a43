"""Accessibility of content: alt text, headings, link text, tables, links to
documents and duplicate ids, on every content item, found at the Markdown
line the editor wrote.

The rule fixtures (tests/fixtures/rules/A11Y*.md) show each code firing and
staying quiet; these tests cover both modes, items readers do not see yet,
waivers, and where findings point when the same thing appears twice."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, build_site, guidance_markdown, review_markdown


def _build(scenario, publish=False, **overrides):
    """Build the scenario (with the standard pages the theme links to)."""
    settings = "publishconf.py" if publish else "pelicanconf.py"
    return build_site(scenario.content, scenario.output, settings=settings, **overrides)


def _found(site, prefix="A11Y"):
    return sorted(
        (f.path.rsplit("/", 1)[-1], f.line, f.code)
        for f in site.result.findings
        if f.code.startswith(prefix) and not f.waived
    )


def _png():
    from factories import FACTORIES

    return FACTORIES["png_clean"]()


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
def test_findings_stop_the_build_in_both_modes(scenario, publish):
    scenario.write("pages/training.md", "Title: Training\n\n# Training\n\n## Courses\n\nText.\n")
    site = _build(scenario, publish)
    assert not site.ok
    [finding] = [f for f in site.result.findings if f.code == "A11Y004"]
    assert finding.is_error
    assert (finding.line, finding.col) == (3, 1)


def test_drafts_hidden_pages_and_withheld_reviews_are_checked(scenario):
    scenario.write("pages/draft.md", "Title: Draft\nStatus: draft\n\n### Too deep\n\nText.\n")
    scenario.write("pages/hidden.md", "Title: Hidden\nStatus: hidden\n\n### Too deep\n\nText.\n")
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            body="## Findings\n\n#### Too deep\n\nText.\n\n## The board's response\n\nAccepted.\n",
            Publication_decision="withhold",
        ),
    )
    site = _build(scenario, publish=True)
    review = (scenario.content / "reviews/child-q.md").read_text().splitlines()
    review_line = review.index("#### Too deep") + 1
    assert _found(site) == [
        ("child-q.md", review_line, "A11Y003"),
        ("draft.md", 4, "A11Y003"),
        ("hidden.md", 4, "A11Y003"),
    ]


def test_the_undeclared_image_is_found_even_after_a_declared_one_of_the_same_file(scenario):
    scenario.write_bytes("pages/images/line.png", _png())
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        '![](images/line.png){: role="presentation" }\n\nText.\n\n![](images/line.png)\n',
    )
    site = _build(scenario)
    assert _found(site) == [("training.md", 9, "A11Y002")]
    [finding] = [f for f in site.result.findings if f.code == "A11Y002"]
    assert finding.message == "image line.png has empty alt text"
    assert page.read_text().splitlines()[finding.line - 1].startswith("![](images/line.png)")


def test_a_heading_with_formatting_is_found_at_its_own_line(scenario):
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\nSee the *courses* below.\n\n#### The *courses* in detail\n\nText.\n",
    )
    site = _build(scenario)
    [finding] = [f for f in site.result.findings if f.code == "A11Y003"]
    assert (finding.line, finding.col) == (7, 1)
    assert finding.message == "heading skips from level 2 to level 4"
    assert finding.hint.startswith("make it a level 3 heading (###)")


def test_unclear_link_text_is_found_at_the_link_not_at_an_earlier_clear_one(scenario):
    scenario.write("pages/courses.md", "Title: Courses\n\n## Courses\n\nCourses.\n")
    page = scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "See our [list of courses](courses.md).\n\nFor dates, [click here](courses.md).\n",
    )
    site = _build(scenario)
    [finding] = [f for f in site.result.findings if f.code == "A11Y005"]
    line = page.read_text().splitlines()[finding.line - 1]
    assert line[finding.col - 1 :].startswith("[click here]")
    assert finding.message == 'link text "click here" does not say where it goes'


def test_a_links_aria_label_is_its_name_for_the_link_text_check(scenario):
    """A link's aria-label is what a screen reader says instead of its text:
    "read more" as the label is flagged though the text is clear, a clear
    label over the text "here" is not, and an empty label leaves the text."""
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        'See the <a href="courses.md" aria-label="read more">list of courses</a>.\n\n'
        'For dates, <a href="courses.md" aria-label="dates of the courses">here</a>.\n\n'
        "For venues, <a href='courses.md' aria-label=''>click here</a>.\n\n"
        'The <a href="courses.md" aria-label="Course &#104;ere">course list</a>.\n',
    )
    site = _build(scenario)
    found = sorted((f.line, f.message) for f in site.result.findings if f.code == "A11Y005")
    assert found == [
        (5, 'link text "read more" does not say where it goes'),
        (9, 'link text "click here" does not say where it goes'),
    ], found


def test_a_line_waiver_accepts_a_finding(scenario):
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "<!-- waive A11Y006: the address is what readers must type in at the venue -->\n"
        "Sign in at <https://venue.example/wifi>.\n",
    )
    site = _build(scenario)
    assert site.ok, site.messages()
    assert [f.code for f in site.result.findings if f.waived] == ["A11Y006"]


def test_a_document_link_hint_gives_the_real_format_and_size(scenario):
    scenario.write_bytes("pages/documents/plan.pdf", b"%PDF-1.4\n" + b"0" * 50_000)
    scenario.write(
        "pages/plans.md",
        "Title: Plans\n\n## Plans\n\nRead the [plan](documents/plan.pdf).\n\n"
        "Read the [plan (PDF, 4 MB)](documents/plan.pdf).\n\n"
        "Read the [plan](documents/plan.pdf) (PDF, 49 KB) before the meeting.\n",
    )
    site = _build(scenario)
    assert _found(site) == [("plans.md", 5, "A11Y008"), ("plans.md", 7, "A11Y010")]
    hints = {f.code: f.hint for f in site.result.findings}
    assert hints["A11Y008"] == 'add "(PDF, 49 KB)" to the link text'
    assert hints["A11Y010"] == 'correct the size in the link text: "(PDF, 49 KB)"'


def test_a_document_named_with_the_next_link_does_not_count_for_the_first(scenario):
    scenario.write_bytes("pages/documents/a.pdf", b"%PDF-1.4\n")
    scenario.write_bytes("pages/documents/b.pdf", b"%PDF-1.4\n")
    scenario.write(
        "pages/plans.md",
        "Title: Plans\n\n## Plans\n\nRead [plan A](documents/a.pdf) and [plan B](documents/b.pdf) (PDF, 9 bytes).\n",
    )
    site = _build(scenario)
    [finding] = [f for f in site.result.findings if f.code == "A11Y008"]
    assert finding.col == len("Read ") + 1


def test_a_heading_that_takes_an_id_of_the_theme_is_reported_in_the_markdown(scenario):
    scenario.write(
        "guidance/referral.md",
        guidance_markdown(
            "Making a referral", "## Contents heading\n\nText.\n\n## Next steps\n\nText.\n\n## More\n\nText.\n"
        ),
    )
    site = _build(scenario)
    [finding] = [f for f in site.result.findings if f.code == "A11Y009"]
    assert finding.path.endswith("guidance/referral.md")
    assert finding.line == 7  # the contents list of the theme is "contents-heading" too
    assert "theme uses this id" in finding.hint


def test_an_id_the_theme_uses_twice_is_reported_once_for_every_page(scenario, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace(
            "</footer>", '<span id="help"></span><span id="help"></span></footer>'
        ),
        encoding="utf-8",
    )
    scenario.write("pages/training.md", "Title: Training\n\n## Courses\n\nText.\n")
    site = _build(scenario, THEME=str(theme))
    [finding] = [f for f in site.result.findings if f.code == "A11Y009"]
    assert finding.path.startswith("output/")
    assert finding.message.startswith('id "help" is used 2 times on this page (and ')
    assert "theme/templates" in finding.hint


def test_the_demo_site_is_accessible_in_both_modes(tmp_path):
    for settings in ("pelicanconf.py", "publishconf.py"):
        site = build_site(ROOT / "content", tmp_path / settings, settings=settings)
        assert not [f for f in site.result.findings if f.code.startswith("A11Y")], site.messages()
