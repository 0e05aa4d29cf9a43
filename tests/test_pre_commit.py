"""The pre-commit hook runs the publication checks on a commit that changes
content, and stops a commit that would put a child's name in the history."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = ROOT / ".venv" / "bin" / "pre-commit"

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None,
    reason="needs git and the project's .venv (make test creates it)",
)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "board-site"
    repo.mkdir()
    for name in ("pelicanconf.py", "publishconf.py", ".pre-commit-config.yaml", "redaction-allowlist.toml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, repo / name)
    for folder in ("plugins", "scripts", "theme", "content"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (repo / ".venv").symlink_to(ROOT / ".venv")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "editor@example.invalid")
    _git(repo, "config", "user.name", "Editor")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Site", "--no-verify")
    return repo


def _commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "LSCB_TODAY": "2026-11-23"}
    subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, check=True, capture_output=True)
    _git(repo, "add", "-A")
    return subprocess.run(["git", "commit", "-m", "Edit"], cwd=repo, env=env, capture_output=True, text=True)


def test_a_leaked_name_in_a_review_stops_the_commit(repo, tmp_path):
    review = repo / "content" / "reviews" / "child-r.md"
    text = review.read_text(encoding="utf-8")
    review.write_text(
        text.replace("Child R has recovered and agreed", "Child R (Jessica Thornton) has recovered and agreed"),
        encoding="utf-8",
    )
    result = _commit(repo, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "content/reviews/child-r.md:22:" in output and "PII001" in output
    assert "Jessica" not in output and "Thornton" not in output  # masked
    log = subprocess.run(["git", "log", "--oneline"], cwd=repo, capture_output=True, text=True).stdout
    assert len(log.splitlines()) == 1  # nothing was committed


def test_a_clean_content_change_is_committed(repo, tmp_path):
    about = repo / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nThe board meets four times a year.\n", encoding="utf-8")
    result = _commit(repo, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "publication checks" in result.stdout + result.stderr
