"""The Python code passes ruff's linter and formatter check as configured in
pyproject.toml ([tool.ruff]): the same as `make lint`, the pre-commit hooks
and CI, so that the test command alone finds a problem too."""

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


def test_ruff_finds_a_planted_problem(tmp_path):
    """The configuration is read and the rules are on: an unused import,
    imports out of order and a name used before it exists are found."""
    bad = tmp_path / "bad.py"
    bad.write_text("import sys\nimport os\nprint(undefined_name)\n", encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    checked = _ruff("check", "--config", config, "--output-format", "concise", str(bad))
    assert checked.returncode == 1, checked.stdout
    assert all(code in checked.stdout for code in ("F401", "I001", "F821")), checked.stdout


def test_ruff_format_would_change_nothing():
    result = _ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_ruff_format_finds_a_badly_laid_out_file(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("x = {'a':1,\n 'b' :2}\n", encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    checked = _ruff("format", "--check", "--config", config, str(bad))
    assert checked.returncode == 1 and "bad.py" in checked.stdout, checked.stdout + checked.stderr
