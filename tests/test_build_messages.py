"""What an editor reads when the build fails: every failure is a coded
finding in every format, at the line to fix, in words an editor follows,
and nothing else is printed around it (Pelican's duplicates, its "Done"
line, make's "Error 1")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import media
import pytest
from test_report_formats import run_build as _run_build

from conftest import ROOT, add_standard_pages, fingerprint, guidance_markdown, review_markdown

GUIDANCE_HEADER = "Date: 2026-01-01\nOwner: Policy and Procedures Subgroup\nReview_date: 2027-01-01\n"


def run_build(content: Path, output: Path, *args: str) -> subprocess.CompletedProcess:
    add_standard_pages(content)
    return _run_build(content, output, *args)


def _findings(site, code):
    return [f for f in site.result.findings if f.code == code]


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# -- 1. Two files at one address; any other error Pelican logs ----------------------------------


def _two_pages_at_one_address(scenario):
    scenario.write("pages/training.md", "Title: Training\n\n## Courses\n\nCourses for staff.\n")
    return scenario.write("pages/courses.md", "Title: Courses\nSlug: training\n\n## Courses\n\nMore courses.\n")


def test_two_pages_at_one_address_are_both_named_before_anything_is_written(scenario):
    scenario.write("pages/training.md", "Title: Training\n\n## Courses\n\nCourses for staff.\n")
    assert scenario.build().ok
    before = fingerprint(scenario.output)
    courses = _two_pages_at_one_address(scenario)
    site = scenario.build()
    assert not site.ok
    assert not site.result.errors, "stopped by the check, not by Pelican's error"
    found = {(Path(f.path).name, f.line, f.message) for f in _findings(site, "BLD004")}
    assert found == {
        ("training.md", 1, "pages/courses.md is published at /training/ too"),
        ("courses.md", _line_of(courses, "Slug:"), "pages/training.md is published at /training/ too"),
    }
    assert _findings(site, "BLD004")[0].hint == "give one of them another Slug (or another file name)"
    assert fingerprint(scenario.output) == before
    assert not list(scenario.root.glob(".output.*")), "no staging folder left behind"


def test_two_pages_at_one_address_fail_in_json_and_github_formats_too(scenario):
    _two_pages_at_one_address(scenario)
    result = run_build(scenario.content, scenario.output, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 2
    assert {f["code"] for f in report["findings"]} == {"BLD004"}
    assert "FileOverwriteFailedError" not in result.stdout + result.stderr
    assert ".building-" not in result.stdout + result.stderr
    github = run_build(scenario.content, scenario.output, "--format", "github")
    assert github.returncode == 1
    assert github.stdout.count("::error ") == 2 and "title=BLD004 output-path-clash" in github.stdout
    assert "::notice title=Publication checks::2 errors" in github.stdout


def test_a_page_at_the_address_of_the_themes_home_page_fails_as_a_finding(scenario):
    """What no check foresees (a page at the address of the theme's home
    page) still fails as a finding, counted in every format, and names the
    output folder rather than a temporary one."""
    scenario.write("pages/home.md", "Title: Home\nSave_as: index.html\n\n## Welcome\n\nHello.\n")
    result = run_build(scenario.content, scenario.output, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] >= 1
    [error] = [f for f in report["findings"] if f["code"] == "BLD005"]
    assert error["path"].endswith("pelicanconf.py") and error["line"] == 1
    assert error["message"].startswith("the build stopped: ") and len(error["message"]) < 80
    assert ".building-" not in result.stdout + result.stderr
    assert "Error:" not in result.stderr and "Failed:" not in result.stderr, "printed once, as a finding"


def test_a_page_pelican_skips_is_an_error_at_the_field_it_quotes(scenario):
    page = scenario.write("pages/old-address.md", "Title: Old address\nSave_as: ../old-address.html\n\nMoved.\n")
    site = scenario.build()
    assert not site.ok
    [finding] = _findings(site, "BLD005")
    assert (Path(finding.path).name, finding.line, finding.col) == ("old-address.md", _line_of(page, "Save_as"), 10)
    assert finding.message.startswith("Skipping this page: file '../old-address.html' would be written")
    assert len(finding.message) < 80 and not finding.message.endswith("outpu…")
    scenario.write("pages/old-address.md", "Title: Old address\nStatus: hidden\nSave_as: old-address.html\n\nMoved.\n")
    fixed = scenario.build()
    assert fixed.ok, fixed.messages()


# -- 2. A blank line inside the header ----------------------------------------------------------


def test_a_blank_line_inside_the_header_is_named_at_its_line(scenario):
    page = scenario.write(
        "guidance/referral.md",
        "Title: Making a referral\nDate: 2026-01-01\n"
        "Summary: How to make a referral.\n\nOwner: Policy and Procedures Subgroup\n"
        "Review_date: 2027-01-01\n\nThe procedure in brief.\n",
    )
    site = scenario.build()
    assert not site.ok
    [finding] = _findings(site, "META008")
    assert (finding.line, finding.col) == (4, 1)
    assert finding.message == "this blank line ends the header: Owner, Review_date below it are not read"
    assert finding.hint == "remove the blank line inside the header"
    assert _findings(site, "META002") == [], "the fields are there, below the blank line"
    page.write_text(
        page.read_text(encoding="utf-8").replace("referral.\n\nOwner", "referral.\nOwner"), encoding="utf-8"
    )
    assert scenario.build().ok


def test_text_that_starts_with_a_colon_is_not_taken_for_a_header(scenario):
    scenario.write(
        "guidance/referral.md",
        guidance_markdown("Making a referral", "Note: the form changed in May.\nSee the new form below.\n"),
    )
    site = scenario.build()
    assert _findings(site, "META008") == [], site.messages()


# -- 3. A file not saved as UTF-8 ---------------------------------------------------------------


def test_a_file_saved_in_the_windows_encoding_names_the_character_and_how_to_save_it(scenario):
    text = f"Title: Fees\n{GUIDANCE_HEADER}Summary: Course fees.\n\nThe course costs £40 and the café is open.\n"
    scenario.write_bytes("guidance/fees.md", text.encode("cp1252"))
    site = scenario.build()
    assert not site.ok
    [finding] = _findings(site, "BLD001")
    assert (finding.line, finding.col) == (7, 18)  # the £
    assert finding.message == "the file is not saved as UTF-8: the '£' here cannot be read"
    assert "UTF-8" in finding.hint and "Notepad" in finding.hint
    scenario.write("guidance/fees.md", text)
    assert scenario.build().ok


# -- 4. Messages cut at a word; links as the editor wrote them ----------------------------------


def test_a_long_pdf_name_is_shortened_and_its_page_number_kept(scenario):
    document = "reviews/documents/child-q-overview-report-for-the-partnership-board-final-version.pdf"
    scenario.write_bytes(
        document,
        media.make_pdf_from_content("BT /F1 12 Tf 72 700 Td (The reviewer met Zebedee Quinlan at home.) Tj ET"),
    )
    scenario.write("reviews/child-q.md", review_markdown(Document=document))
    site = scenario.build()
    assert not site.ok
    messages = [f.message for f in _findings(site, "PII001")]
    assert messages and all(m.endswith(".pdf page 1") and len(m) < 80 for m in messages), messages
    assert all(m.startswith("full name Z****** Q****** in child-q-") for m in messages), messages


def test_a_link_pelican_could_not_resolve_is_shown_as_written_at_its_header_line(scenario):
    page = scenario.write(
        "guidance/referral.md",
        "Title: Making a referral\n"
        + GUIDANCE_HEADER
        + "Summary: See [the form](referal-form.md) first.\n\nThe procedure.\n",
    )
    site = scenario.build()
    assert not site.ok
    found = _findings(site, "LINK001")
    assert found, site.messages()
    for finding in found:
        assert "{filename}" not in finding.message
        assert finding.message == "link referal-form.md finds no file"
        assert (Path(finding.path).name, finding.line) == ("referral.md", _line_of(page, "Summary:"))
    assert len(found) == 1, "one finding, not one per page showing the Summary"


# -- 5. The line of an image and of a heading ---------------------------------------------------


def test_a_missing_image_in_a_body_without_links_is_reported_at_its_line(scenario):
    # No link in the body: not even a glossary word, which the site links.
    page = scenario.write(
        "pages/chart.md", "Title: Chart\n\nSome words first.\n\n![A chart of referrals by month](/images/chart.png)\n"
    )
    site = scenario.build()
    [finding] = _findings(site, "LINK001")
    assert (Path(finding.path).name, finding.line, finding.col) == ("chart.md", _line_of(page, "!["), 1)
    assert "theme" not in finding.hint


@pytest.mark.parametrize(
    "heading, col", [("> #### Quoted detail", 3), ("####Detail", 1)], ids=["in-a-block-quote", "without-a-space"]
)
def test_a_skipped_heading_is_found_where_it_is_written(scenario, heading, col):
    page = scenario.write(
        "pages/steps.md", f"Title: Steps\n\n## Overview\n\nText.\n\n{heading}\n\nText.\n\n## Next steps\n\nMore.\n"
    )
    site = scenario.build()
    [finding] = _findings(site, "A11Y003")
    assert (finding.line, finding.col) == (_line_of(page, heading), col)


def test_a_level_one_heading_without_a_space_is_found_where_it_is_written(scenario):
    page = scenario.write("pages/steps.md", "Title: Steps\n\n## Overview\n\nText.\n\n#Top\n\nMore.\n")
    site = scenario.build()
    [finding] = _findings(site, "A11Y004")
    assert (finding.line, finding.col) == (_line_of(page, "#Top"), 1)


# -- 6. Nothing printed twice, no "Done" line, no "Error 1" -------------------------------------


def test_an_unreadable_page_is_printed_once_without_pelicans_lines(scenario):
    scenario.write("pages/about-us.md", "Date: 2026-01-01\nSummary: No title.\n\nText.\n")
    scenario.write("pages/chart.md", 'Title: Chart\n\n## Chart\n\nText.\n\n<img src="x.png" alt="">\n')
    result = run_build(scenario.content, scenario.output)
    assert result.returncode == 1
    assert "BLD001" in result.stderr
    assert "ERROR:" not in result.stderr and "Could not process" not in result.stderr
    assert "Empty alt attribute" not in result.stderr
    assert "Done: Processed" not in result.stderr


def test_pelicans_done_line_is_printed_when_asked_for(scenario):
    scenario.write("pages/training.md", "Title: Training\n\n## Courses\n\nCourses for staff.\n")
    quiet = run_build(scenario.content, scenario.output)
    assert quiet.returncode == 0 and "Done: Processed" not in quiet.stderr
    verbose = run_build(scenario.content, scenario.output, "--verbose")
    assert verbose.returncode == 0 and "Done: Processed" in verbose.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
@pytest.mark.parametrize("target", ["html", "publish", "check"])
def test_make_prints_the_builds_summary_and_no_error_line_of_its_own(tmp_path, target):
    """The real Makefile, with a stand-in for the virtualenv's python that
    fails as a build does: make adds nothing, and still fails."""
    shutil.copyfile(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "requirements.lock").write_text("", encoding="utf-8")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(
        textwrap.dedent("""\
        #!/bin/sh
        echo "1 error, 0 warnings, 0 waived." >&2
        echo "Nothing was published: the site in output/ was not changed." >&2
        exit "${FAKE_STATUS:-1}"
        """),
        encoding="utf-8",
    )
    python.chmod(0o755)
    (tmp_path / ".venv" / ".installed-stamp").write_text("", encoding="utf-8")
    for older in ("pyproject.toml", "requirements.lock"):  # older than the stamp: nothing is installed
        os.utime(tmp_path / older, (1, 1))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    failed = subprocess.run(["make", target], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert failed.returncode != 0
    assert failed.stderr.strip().splitlines()[-1] == "Nothing was published: the site in output/ was not changed."
    assert "Error" not in failed.stdout + failed.stderr.replace("1 error,", "")
    assert "lscb_cli" not in failed.stdout, "the command is not echoed"
    passed = subprocess.run(
        ["make", target], cwd=tmp_path, capture_output=True, text=True, env={**env, "FAKE_STATUS": "0"}
    )
    assert passed.returncode == 0


# -- 7. A reading age no reader has --------------------------------------------------------------

HARDEST = (
    "Notwithstanding interagency multidisciplinary considerations, institutional "
    "accountability necessitates comprehensive organisational reconfiguration, "
    "operationalising interdisciplinary safeguarding methodologies systematically. "
) * 6


def test_a_reading_age_beyond_adult_is_said_as_above_18(scenario):
    scenario.write("guidance/roles-of-agencies.md", guidance_markdown("The roles of agencies"))
    scenario.write(
        "children/who-helps.md",
        "Title: Who helps\nDate: 2026-02-01\n"
        "Version_of: guidance/roles-of-agencies.md\nSummary: Who helps children.\n\n"
        f"## About\n\n{HARDEST}\n",
    )
    site = scenario.build()
    [finding] = _findings(site, "READ001")
    assert finding.message == "reading age is above 18; the limit for children's pages is 9"
