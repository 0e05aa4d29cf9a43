"""The build's report of findings: text for editors, JSON for programs and
GitHub Actions annotations, each with the summary line; `--check` changes
nothing; identifiers are masked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import add_standard_pages, guidance_markdown
from lscb_core.mask import mask

ROOT = Path(__file__).resolve().parent.parent

BROKEN_VERSION = """\
Title: Who helps children
Date: 2026-02-01
Version_of: guidance/roles-of-agency.md
Summary: A page for children.

Some words for children.
"""


def run_build(content: Path, output: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--settings",
            str(ROOT / "pelicanconf.py"),
            "--content",
            str(content),
            "--output",
            str(output),
            *args,
        ],
        cwd=content.parent,
        capture_output=True,
        text=True,
        # PYTHONPATH: this checkout's plugins, whatever the virtualenv's install points at.
        env={
            "PATH": "/usr/bin:/bin",
            "LSCB_TODAY": "2026-11-23",
            "PELICAN_PATH_OVERRIDE": "",
            "PYTHONPATH": str(ROOT / "plugins"),
        },
    )


@pytest.fixture
def broken_site(tmp_path) -> Path:
    content = tmp_path / "content"
    (content / "guidance").mkdir(parents=True)
    (content / "children").mkdir()
    (content / "guidance" / "roles-of-agencies.md").write_text(
        guidance_markdown("The roles of agencies"), encoding="utf-8"
    )
    (content / "children" / "who-helps.md").write_text(BROKEN_VERSION, encoding="utf-8")
    add_standard_pages(content)
    return content


def test_text_report_names_file_line_column_code_and_hint(broken_site, tmp_path):
    result = run_build(broken_site, tmp_path / "output")
    assert result.returncode == 1
    assert "content/children/who-helps.md:3:13: VER002 Version_of 'guidance/roles-of-agency.md'" in result.stderr
    assert "    hint: did you mean guidance/roles-of-agencies.md?" in result.stderr
    assert "1 error, 0 warnings, 0 waived." in result.stderr
    assert "Nothing was published" in result.stderr
    assert not (tmp_path / "output").exists()


def test_json_report_is_machine_readable(broken_site, tmp_path):
    result = run_build(broken_site, tmp_path / "output", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"errors": 1, "warnings": 0, "waived": 0}
    (finding,) = report["findings"]
    assert finding == {
        "path": "content/children/who-helps.md",
        "line": 3,
        "col": 13,
        "code": "VER002",
        "name": "version-of-dangling",
        "severity": "error",
        "message": "Version_of 'guidance/roles-of-agency.md' is not a guidance page",
        "hint": "did you mean guidance/roles-of-agencies.md?",
        "waived": None,
    }


def test_github_report_is_one_annotation_per_finding(broken_site, tmp_path):
    result = run_build(broken_site, tmp_path / "output", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        "::error file=content/children/who-helps.md,line=3,col=13,title=VER002 version-of-dangling"
        "::Version_of 'guidance/roles-of-agency.md' is not a guidance page"
        " (hint: did you mean guidance/roles-of-agencies.md?)"
    )
    assert lines[-1] == "::notice title=Publication checks::1 error, 0 warnings, 0 waived."


def test_one_build_writes_each_report_asked_for_beside_the_one_it_prints(broken_site, tmp_path):
    reports = tmp_path / "reports"
    result = run_build(
        broken_site,
        tmp_path / "output",
        "--format",
        "github",
        "--report",
        f"json:{reports / 'findings.json'}",
        "--report",
        f"text:{reports / 'findings.txt'}",
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/children/who-helps.md,line=3,col=13,title=VER002")
    written = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in written["findings"]] == ["VER002"]
    text = (reports / "findings.txt").read_text(encoding="utf-8")
    assert text.startswith("content/children/who-helps.md:3:13: VER002 ")
    assert text.rstrip().endswith("1 error, 0 warnings, 0 waived.")


def test_a_report_not_written_format_colon_file_is_refused_before_building(broken_site, tmp_path):
    result = run_build(broken_site, tmp_path / "output", "--report", "findings.json")
    assert result.returncode == 2
    assert "'findings.json' is not FORMAT:FILE; write e.g. json:findings.json" in result.stderr
    assert not (tmp_path / "output").exists()


def test_check_only_never_changes_the_output_folder(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    add_standard_pages(content)
    output = tmp_path / "output"
    output.mkdir()
    (output / "keep.txt").write_text("the last good site", encoding="utf-8")
    result = run_build(content, output, "--check")
    assert result.returncode == 0, result.stderr
    assert "Checks passed" in result.stderr
    assert sorted(p.name for p in output.iterdir()) == ["keep.txt"]


def test_timings_list_every_check_slowest_first(tmp_path):
    import re

    from lscb_checks import registry

    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    add_standard_pages(content)
    result = run_build(content, tmp_path / "output", "--check", "--timings")
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^ *([\d.]+) ms  (.+)$", result.stderr, re.MULTILINE)
    names = {name for _ms, name in rows}
    assert set(registry.SOURCE_CHECKS) | set(registry.OUTPUT_CHECKS) <= names
    assert "(read the output)" in names
    times = [float(ms) for ms, _name in rows]
    assert times == sorted(times, reverse=True)
    assert " ms  " not in run_build(content, tmp_path / "output", "--check").stderr


def test_mask_keeps_only_first_letters():
    assert mask("Jane Smith") == "J*** S****"
    assert mask("Anne-Marie  O'Brien") == "A***-M**** O'B****"
    assert mask("NS1 4AB") == "N** 4**"
    assert mask("0123 456 7890") == "0*** 4** 7***"
