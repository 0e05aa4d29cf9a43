"""The test suite's own plumbing: browser tests are selectable by marker,
and CI cannot go green with no browser test run."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def collected(*args: str) -> tuple[str, ...]:
    """The tests `pytest --collect-only` selects from the whole suite with
    `args`. Made once per set of arguments (two tests here ask `-m browser`),
    and with --assert=plain: rewriting the assert statements of 150 test
    modules, which never run here, was half the time of each collection and
    changes no test's name or markers."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "--assert=plain"]
        + [*args, "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return tuple(line for line in done.stdout.splitlines() if "::" in line)


def test_the_browser_marker_selects_exactly_the_browser_tests():
    browser = collected("-m", "browser")
    others = collected("-m", "not browser")
    assert browser and all(test.startswith("tests/browser/") for test in browser)
    assert others and not any(test.startswith("tests/browser/") for test in others)


def test_the_docs_marker_selects_the_documentation_checks_and_they_are_counted_apart():
    docs = collected("-m", "docs")
    others = collected("-m", "not docs")
    modules = {"tests/test_checks_doc.py", "tests/test_setup_docs.py"}
    assert {test.split("::")[0] for test in docs} == modules
    assert sum("test_rule_is_fully_documented[" in test for test in docs) > 50
    assert not any(test.split("::")[0] in modules for test in others)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "test_docs_checks_md_is_up_to_date or test_names_are_unique",
            "tests/test_checks_doc.py",
            "tests/test_explain.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert "behaviour tests: 1 passed; documentation tests: 1 " in run.stdout, run.stdout[-2000:]


def _run_tools(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    """scripts/install-test-tools as a user who is not root, on a machine
    with no Java (PATH holds only a stand-in for `id`)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n")
    (bin_dir / "id").chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        ["/bin/bash", str(ROOT / "scripts" / "install-test-tools")], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_missing_browser_tools_fail_on_ci_and_are_only_reported_elsewhere(tmp_path):
    on_ci = _run_tools(tmp_path, ci=True)
    assert on_ci.returncode == 1, on_ci.stderr
    assert "browser tests must run" in on_ci.stderr
    locally = _run_tools(tmp_path, ci=False)
    assert locally.returncode == 0, locally.stderr
    assert "Browser tests will be skipped" in locally.stderr


def test_browser_tests_fail_on_ci_when_a_tool_is_missing_and_skip_elsewhere(tmp_path):
    """With Java out of reach (PATH empty), a browser test fails on CI and is
    skipped, with the reason, anywhere else."""
    first = collected("-m", "browser")[0]

    def run(ci: bool) -> subprocess.CompletedProcess:
        env = {**os.environ, "PATH": str(tmp_path), "CI": "true" if ci else ""}
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", first],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )

    on_ci = run(ci=True)
    assert on_ci.returncode == 1, on_ci.stdout[-2000:]
    assert "browser tools missing on CI" in on_ci.stdout
    locally = run(ci=False)
    assert locally.returncode == 0, locally.stdout[-2000:]
    assert "browser tests skipped" in locally.stdout and "Java" in locally.stdout
