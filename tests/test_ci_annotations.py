"""The workflow's own check command, run on a pull request's content: a full
name left in a review fails the job with a GitHub annotation on that file
and line (which GitHub shows on the changed line of the pull request); clean
content passes with only the summary notice.

The command runs as the workflow writes it, through the Makefile, with
`-o .venv/.installed-stamp` added: make then never installs the virtual
environment (from the network) when the stamp is missing or older than
pyproject.toml, and runs only the check target's own recipe."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, add_standard_pages, review_markdown

LEAK = "Sarah Jenkins"
# make never remakes the stamp, so it never reinstalls the virtual environment.
NO_INSTALL = "-o .venv/.installed-stamp"


def check_command() -> str:
    """The `run:` of the step with id `checks` in the workflow."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    (command,) = [
        step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if step.get("id") == "checks"
    ]
    return command


def without_install(command: str) -> str:
    """The workflow's command with make told not to remake the stamp."""
    changed, count = re.subn(r"^make ", f"make {NO_INSTALL} ", command.strip())
    assert count == 1, f"the checks step no longer starts with make: {command!r}"
    return changed


def run_check(content: Path, output: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LSCB_CONTENT": str(content), "OUTPUT": str(output), "LSCB_TODAY": "2026-11-23"}
    env.pop("LSCB_REDACTION_KEY", None)
    return subprocess.run(
        ["bash", "-e", "-c", without_install(check_command())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_check_command_runs_only_the_build_and_installs_nothing():
    """What make would run for the workflow's command (a dry run): the build
    with --check and --format github, and nothing that installs."""
    # Run as CI runs it, not as a make inside `make test` (which would print
    # "make[1]: Entering directory" around the plan).
    env = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    planned = subprocess.run(
        ["bash", "-e", "-c", without_install(check_command()).replace("make ", "make -n ", 1)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert planned.returncode == 0, planned.stderr
    (line,) = planned.stdout.splitlines()
    assert line.startswith(".venv/bin/python -m lscb_cli check --settings publishconf.py "), line
    assert "--format github" in line


@pytest.fixture
def pull_request(tmp_path):
    content = tmp_path / "content"
    (content / "reviews").mkdir(parents=True)
    add_standard_pages(content)
    return content


def test_a_leaked_name_fails_with_an_annotation_naming_the_file_and_line(pull_request, tmp_path):
    body = (
        "## Findings\n\nProfessionals did not share what they knew.\n\n"
        f"{LEAK} told the school nurse about the bruises.\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    review = pull_request / "reviews" / "child-q.md"
    review.write_text(review_markdown(body), encoding="utf-8")
    line = review.read_text(encoding="utf-8").splitlines().index(f"{LEAK} told the school nurse about the bruises.") + 1

    result = run_check(pull_request, tmp_path / "output")

    assert result.returncode != 0
    annotations = [a for a in result.stdout.splitlines() if a.startswith("::error ")]
    match = [a for a in annotations if re.match(rf"::error file=[^,]*reviews/child-q\.md,line={line},", a)]
    assert match, result.stdout + result.stderr
    assert "PII001" in match[0]
    reported = Path(re.match(r"::error file=([^,]+),", match[0]).group(1))
    assert (ROOT / reported).resolve() == review.resolve()
    assert LEAK not in result.stdout + result.stderr  # masked, even in the CI log
    assert not (tmp_path / "output").exists()


def test_clean_content_passes_with_only_the_summary(pull_request, tmp_path):
    (pull_request / "reviews" / "child-q.md").write_text(review_markdown(), encoding="utf-8")
    result = run_check(pull_request, tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout
    assert "::notice title=Publication checks::0 errors" in result.stdout
