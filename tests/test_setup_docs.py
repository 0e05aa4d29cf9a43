"""The README's set-up: the two commands at its top, what they need
(prerequisites, the Debian packages the tests install), how to look at the
site, every make command listed in `make help` and in the README, and a first
install that says what it is doing instead of running silently. These check
the documentation: they carry the `docs` marker (see test_checks_doc.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.docs


def make(*args: str) -> str:
    """`make -n`-style output only: nothing here installs or builds."""
    done = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def phony_targets() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = re.search(r"^\.PHONY:(.*)$", text, re.MULTILINE).group(1)
    return [target for target in line.split() if target != "help"]


def top() -> str:
    """The README before its first section."""
    return README.split("\n## ", 1)[0]


def test_the_readme_starts_with_the_two_set_up_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make html", "make test"]
    assert README.index("```sh") < README.index("\n## ")


def test_the_prerequisites_are_listed_under_them():
    text = top()
    for needed in ("Python 3.11", "venv", "`make`", "Node.js", "npm"):
        assert needed in text, needed
    script = (ROOT / "scripts" / "install-test-tools").read_text(encoding="utf-8")
    packages = re.findall(r"need\+=\(([\w.-]+)\)", script)
    assert packages  # the script's packages were read at all
    for package in packages:
        assert f"`{package}`" in text, package


def test_the_readme_says_how_to_look_at_the_site():
    text = top()
    assert "`make devserver`" in text and "`make serve`" in text


def test_every_make_command_is_in_make_help_and_in_the_readme():
    shown = make("help")
    commands = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    for target in phony_targets():
        assert re.search(rf"^make {re.escape(target)}\b", shown, re.MULTILINE), f"make help lacks {target}"
        assert f"`make {target}" in commands, f"the README's commands lack {target}"


def test_the_first_install_says_what_it_is_doing():
    recipe = make("-n", "-B", "STAMP=.venv/.never-made", ".venv/.never-made")
    lines = recipe.splitlines()
    installs = [line for line in lines if "pip install" in line and "requirements.lock" in line]
    assert installs and all("--quiet" not in line and " -q" not in line for line in installs), installs
    # A line saying what happens before each command that takes time.
    for command in ("-m venv", "pip install --quiet --upgrade pip", "-r requirements.lock", "-e ."):
        at = next(n for n, line in enumerate(lines) if command in line)
        assert lines[at - 1].startswith("echo "), (command, lines[at - 1])


def test_one_name_for_the_redaction_register_commands():
    """Adding terms and checking a register are `make register REVIEW=...`
    and `make register-check REVIEW=...` wherever the project tells anyone
    (the README, the docs, make help, the checks' hints and make new);
    removing a term and making a key have no make command, so they are the
    script's own. docs/checks.md is generated from the checks' docstrings,
    which are read instead."""
    shown = make("help")
    assert "make register REVIEW=" in shown and "make register-check REVIEW=" in shown
    places = [
        ROOT / "README.md",
        ROOT / "scripts" / "new",
        *[p for p in (ROOT / "docs").glob("*.md") if p.name != "checks.md"],
        *(ROOT / "plugins").rglob("*.py"),
    ]
    other = re.compile(
        r"scripts/redaction-register(?: (?:add|check)\b|[\"')])|make (?:redaction-register|register-add)"
    )
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in places
        for match in other.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def _github_anchor(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def test_docs_editing_opens_with_a_quick_start_walkthrough():
    editing = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", editing, re.MULTILINE)
    assert sections[0] == "Quick start", sections[:3]
    quick = editing.split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    steps = ["make new", "make devserver", "make check", "pull request"]
    places = [quick.find(step) for step in steps]
    assert -1 not in places and places == sorted(places), dict(zip(steps, places))
    assert "make new TYPE=guidance TITLE=" in quick
    # Every link to a section of the guide, there and in the README, finds it.
    anchors = {_github_anchor(h) for h in re.findall(r"^#{2,4} (.+)$", editing, re.MULTILINE)}
    links = re.findall(r"\]\(#([\w-]+)\)", quick) + re.findall(r"docs/editing\.md#([\w-]+)", README)
    assert links and [link for link in links if link not in anchors] == []
