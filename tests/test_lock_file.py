"""requirements.lock is what every install uses (make html, make test, CI and
the deploy all go through the Makefile): exact versions with their hashes,
and it agrees with pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


def locked(lock_text: str) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(lock_text)}


def disagreements(pyproject_text: str, lock_text: str) -> list[str]:
    """Each requirement of pyproject.toml (its dependencies and the test
    extra) that the lock lacks or pins outside its range."""
    project = tomllib.loads(pyproject_text)["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = locked(lock_text)
    problems = []
    for line in wanted:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in requirements.lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    return problems


def test_the_lock_agrees_with_pyproject():
    assert disagreements((ROOT / "pyproject.toml").read_text(encoding="utf-8"), LOCK.read_text(encoding="utf-8")) == []


def test_a_requirement_the_lock_does_not_satisfy_is_found():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = pyproject.replace('"pelican>=4.11,<5"', '"pelican>=5,<6"').replace(
        '"pytest>=8,<10",', '"pytest>=8,<10",\n    "a-package-nobody-locked>=1",'
    )
    assert sorted(disagreements(changed, LOCK.read_text(encoding="utf-8"))) == [
        "a-package-nobody-locked is not in requirements.lock",
        f"pelican=={locked(LOCK.read_text(encoding='utf-8'))['pelican']} is outside <6,>=5",
    ]


def test_every_locked_package_has_a_hash_and_no_machine_paths():
    text = LOCK.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [entry for entry in entries if PIN.match(entry)]
    assert len(pinned) == len(locked(text)) > 50
    assert all("--hash=sha256:" in entry for entry in pinned)
    assert "--index-url" not in text and "--find-links" not in text and "file://" not in text


def test_the_install_uses_the_lock_with_hashes():
    recipe = subprocess.run(
        ["make", "-n", "-B", "STAMP=.venv/.never-made", ".venv/.never-made"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    installs = [line for line in recipe.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert any("--require-hashes -r requirements.lock" in line for line in installs), installs
    project = [line for line in installs if "-e ." in line]
    assert project and all("--no-deps" in line for line in project), project
