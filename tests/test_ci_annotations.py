"""The workflow's own check command, run on a pull request's content: a full
name left in a review fails the job with a GitHub annotation on that file
and line (which GitHub shows on the changed line of the pull request); clean
content passes with only the summary notice."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, add_standard_pages, review_markdown

LEAK = "Sarah Jenkins"


def check_command() -> str:
    """The `run:` of the step with id `checks` in the workflow."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    (command,) = [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", [])
                  if step.get("id") == "checks"]
    return command


def run_check(content: Path, output: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LSCB_CONTENT": str(content), "OUTPUT": str(output), "LSCB_TODAY": "2026-11-23"}
    env.pop("LSCB_REDACTION_KEY", None)
    return subprocess.run(["bash", "-e", "-c", check_command()], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def pull_request(tmp_path):
    content = tmp_path / "content"
    (content / "reviews").mkdir(parents=True)
    add_standard_pages(content)
    return content


def test_a_leaked_name_fails_with_an_annotation_naming_the_file_and_line(pull_request, tmp_path):
    body = ("## Findings\n\nProfessionals did not share what they knew.\n\n"
            f"{LEAK} told the school nurse about the bruises.\n\n"
            "## Recommendations\n\n1. Share information sooner.\n\n"
            "## The board's response\n\nThe board accepted the recommendation.\n")
    review = pull_request / "reviews" / "child-q.md"
    review.write_text(review_markdown(body), encoding="utf-8")
    line = review.read_text(encoding="utf-8").splitlines().index(
        f"{LEAK} told the school nurse about the bruises.") + 1

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
