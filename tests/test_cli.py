"""The command line, `lscb` (lscb_cli): one entry point whose subcommands
the Makefile runs, each make target with the arguments it always had."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lscb_cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def lscb(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lscb_cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120, **kwargs
    )


def test_help_lists_every_subcommand_on_one_line():
    shown = lscb("--help")
    assert shown.returncode == 0
    lines = [line.split() for line in shown.stdout.splitlines() if line.startswith("  ")]
    assert [words[0] for words in lines] == list(COMMANDS)
    assert all(len(words) > 3 for words in lines)  # each says what it does


def test_every_subcommand_names_a_function():
    for name, (target, _about) in COMMANDS.items():
        module, function = target.split(":")
        if module in ("audit", "screenshots", "check_links"):
            continue  # they need tools/ on the path: checked by test_the_browser_commands_find_the_audit_library
        assert callable(getattr(importlib.import_module(f"lscb_cli.{module}"), function)), name


def test_the_browser_commands_find_the_audit_library():
    for name in ("audit", "screenshots", "check-links"):
        done = lscb(name, "--help", env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"usage: lscb {name}"), done.stdout


def test_an_unknown_subcommand_is_refused_without_echoing_it():
    done = lscb("Ophelia Brackenridge")
    assert done.returncode == 2
    assert "unknown subcommand" in done.stderr and "Brackenridge" not in done.stdout + done.stderr
    assert lscb().returncode == 2


def test_the_console_script_is_the_same_entry_point():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["scripts"] == {"lscb": "lscb_cli:main"}


def make_plan(target: str, *assignments: str) -> str:
    """The commands `make TARGET` runs, without installing or running them."""
    done = subprocess.run(
        [
            "make",
            "-s",
            "-n",
            "-f",
            str(ROOT / "Makefile"),
            target,
            "STAMP=",
            "NODE_STAMP=",
            "BIN=.venv/bin",
            *assignments,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.replace("\\\n", " ").split())


LSCB = ".venv/bin/python -m lscb_cli"


@pytest.mark.parametrize(
    ("target", "assignments", "expected"),
    [
        ("html", ["FORMAT=json"], f"{LSCB} build --settings pelicanconf.py --output output --format json"),
        ("publish", ["OUTPUT=live"], f"{LSCB} build --settings publishconf.py --output live --format text"),
        (
            "check",
            ["FORMAT=github", "LSCB_CONTENT=fixture"],
            f"{LSCB} check --settings publishconf.py --content fixture --output output --format github",
        ),
        ("explain", ["CODE=PII001"], f"{LSCB} explain PII001"),
        ("checks-doc", [], f"{LSCB} checks-doc"),
        ("new", ["TYPE=guidance", "TITLE=Neglect"], f'{LSCB} new --no-input --type="$TYPE" --title="$TITLE"'),
        ("register", ["REVIEW=content/reviews/child-x.md"], f"{LSCB} register add content/reviews/child-x.md"),
        ("register-check", ["REVIEW=content/reviews/child-x.md"], f"{LSCB} register check content/reviews/child-x.md"),
        ("bench", [], f"{LSCB} bench"),
        (
            "devserver",
            ["PORT=8001"],
            f"{LSCB} devserver --settings pelicanconf.py --output output --bind 127.0.0.1 --port 8001",
        ),
        ("serve", ["HOST=0.0.0.0"], f"{LSCB} serve --output output --bind 0.0.0.0 --port 8000"),
        ("audit", [], f"scripts/install-test-tools {LSCB} audit"),
    ],
)
def test_each_make_target_runs_its_subcommand_with_its_arguments(target, assignments, expected):
    assert make_plan(target, *assignments).split(" || ")[0] == expected  # less QUIET_FAIL


def test_the_makefile_runs_python_only_through_lscb():
    commands = set(re.findall(r"^\t@?\$\(LSCB\) ([\w-]+)", MAKEFILE, re.MULTILINE))
    assert len(commands) > 10 and commands <= set(COMMANDS)
    assert not re.search(r"\$\(BIN\)/python scripts/", MAKEFILE)


def test_serve_says_when_there_is_nothing_to_serve(tmp_path):
    done = lscb("serve", "--output", str(tmp_path / "missing"))
    assert done.returncode == 1
    assert done.stdout == f"Nothing to serve in {tmp_path / 'missing'}/: build the site first with make html.\n"
