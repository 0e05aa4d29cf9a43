"""The Python code passes ruff's linter and formatter as configured in
pyproject.toml ([tool.ruff]): the same as `make lint`, the pre-commit hook
and CI, so that the test command alone finds a style problem too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def _ruff(*args: str) -> subprocess.CompletedProcess:
    ruff = str(RUFF) if RUFF.exists() else shutil.which("ruff")
    assert ruff, "ruff is not installed: it is in the test extra (requirements.lock)"
    return subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_ruff_check_finds_nothing():
    result = _ruff("check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_ruff_format_would_change_nothing():
    result = _ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_ruff_finds_a_planted_problem(tmp_path):
    """The configuration is read and the rules are on: an unused import
    and a badly formatted line in a copy of the settings are both found."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx = {  'a':1 }\n", encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    checked = _ruff("check", "--config", config, "--output-format", "concise", str(bad))
    assert checked.returncode == 1 and "F401" in checked.stdout, checked.stdout
    formatted = _ruff("format", "--config", config, "--check", str(bad))
    assert formatted.returncode == 1, formatted.stdout
