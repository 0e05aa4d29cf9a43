"""Where the audit's tools are, whether they are installed, and their versions.

Chromium and Java come from Debian's packages (`scripts/install-test-tools`
installs them); axe-core and vnu.jar from npm (package.json); linkchecker from
PyPI. No tool downloads a browser or a runtime of its own.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Debian's headless build of Chromium (package chromium-headless-shell): the
# same engine as the browser, without its window, tabs and profile machinery.
# The whole browser suite costs half the processor time it took in the full
# `chromium` run headless (measured: 614 s of CPU against 1,203 s).
CHROMIUM = "/usr/bin/chromium-headless-shell"
# Headless, with nothing that calls home: a closed network refuses it anyway.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str | None:
    return shutil.which("java")


def linkchecker() -> str | None:
    found = Path(sys.executable).with_name("linkchecker")
    return str(found) if found.exists() else shutil.which("linkchecker")


def missing() -> list[str]:
    """What is not installed, with how to install it; [] when all is ready."""
    problems = []
    if not Path(CHROMIUM).exists():
        problems.append(f"Chromium is not at {CHROMIUM} (as root: apt-get install chromium-headless-shell)")
    if java() is None:
        problems.append("Java is not installed, needed by vnu.jar (as root: apt-get install default-jre-headless)")
    if not AXE_JS.exists() or not VNU_JAR.exists():
        problems.append("axe-core and vnu-jar are not in node_modules/ (npm ci --ignore-scripts)")
    if linkchecker() is None:
        problems.append("linkchecker is not installed (pip install -e '.[test]')")
    if importlib.util.find_spec("playwright") is None:
        problems.append("Playwright for Python is not installed (pip install -e '.[test]')")
    return problems


@functools.lru_cache(maxsize=1)
def versions() -> dict[str, str]:
    """Name -> version of every tool the audit uses."""

    def run(*command: str) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return "unknown"
        return done.stdout + done.stderr

    def first(pattern: str, text: str) -> str:
        match = re.search(pattern, text)
        return match.group(1) if match else "unknown"

    found = {}
    found["Chromium"] = first(r"Chromium ([\d.]+)", run(CHROMIUM, "--version"))
    package = AXE_JS.parent / "package.json"
    found["axe-core"] = json.loads(package.read_text())["version"] if package.exists() else "unknown"
    found["Nu HTML Checker"] = first(r"^([\d.]+)", run(java() or "java", "-jar", str(VNU_JAR), "--version"))
    found["LinkChecker"] = first(r"LinkChecker ([\d.]+)", run(linkchecker() or "linkchecker", "--version"))
    from importlib.metadata import version

    found["Playwright"] = version("playwright")
    return found
