"""The demo site built as it is published, served on 127.0.0.1, and Debian's
Chromium driven by Playwright.

When a tool is missing (no root to install Chromium or Java), every browser
test is skipped with the reason, which `-ra` prints in the summary: never
passed silently; on CI (CI=true) every browser test fails instead. `.ci/run`
installs them (scripts/install-test-tools, which fails on CI when it cannot).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lscb_audit import tools
from lscb_audit.browser import launch
from lscb_audit.representatives import representatives
from lscb_audit.serve import Server
from lscb_audit.site import build_for_audit, pages, samples

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test: `pytest -m browser`
    selects them and `-m "not browser"` leaves them out. (A `pytestmark` in a
    conftest marks nothing.)"""
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# What the end-of-run summary lists travels in each test's report
# (user_properties), so it reaches the summary when the tests run in several
# processes (make test: pytest-xdist) as well as in one.
_NEEDS_REVIEW = "lscb-needs-review"
_WEIGHTS = "lscb-page-weights"


@dataclass
class ServedSite:
    root: Path
    url: str  # http://127.0.0.1:<port>/
    pages: list[str] = field(default_factory=list)  # addresses under the root
    # The fewest pages holding every kind of element (lscb_audit.representatives):
    # a check run on every page in one setting runs on these in the others.
    representatives: list[str] = field(default_factory=list)

    @property
    def samples(self) -> list[str]:
        """One page of each kind (lscb_audit.site.samples)."""
        return samples(self.pages)

    def page_of_type(self, prefix: str) -> str:
        """The first content page under a folder (guidance/, children/...)."""
        return next(p for p in self.pages if p.startswith(prefix) and p.count("/") == 2)


# Read when the tests are collected: tests/conftest.py takes CI out of the
# environment for the builds (CFG002) before any fixture here runs.
_ON_CI = os.environ.get("CI") == "true"


def _require_tools() -> None:
    missing = tools.missing()
    if missing and _ON_CI:
        pytest.fail("browser tools missing on CI (the browser tests must run there): " + "; ".join(missing))
    if missing:
        pytest.skip("browser tests skipped: " + "; ".join(missing))


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, demo_today):
    _require_tools()
    folder = tmp_path_factory.mktemp("audit") / "site"
    server = Server(folder)  # bound first: the site is built for the port it holds
    with server as url:
        result = build_for_audit(folder, server.port, today=demo_today)
        assert result.ok, "the demo site did not build:\n" + "\n".join(
            [f.as_text() for f in result.findings if f.is_error] + result.errors
        )
        addresses = pages(folder)
        yield ServedSite(folder, url, addresses, representatives(folder, addresses))


@pytest.fixture(scope="session")
def browser():
    _require_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def needs_review(request) -> list:
    """Items axe could not decide: listed at the end of the run for a person."""
    found: list = []
    yield found
    rows = [(problem.check, problem.message, str(problem)) for problem in found]
    request.node.user_properties.append((_NEEDS_REVIEW, rows))


@pytest.fixture
def page_weights(request) -> list:
    """(page type, address, bytes by kind): printed at the end of the run."""
    found: list = []
    yield found
    request.node.user_properties.append((_WEIGHTS, [list(row) for row in found]))


def _reported(terminalreporter, name: str) -> list:
    rows = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) == "teardown":
                rows += [row for key, value in report.user_properties if key == name for row in value]
    return rows


@pytest.fixture
def broken_copy(served_site, tmp_path):
    """A copy of the built site to break one thing in, served on a port of
    its own (the site's absolute addresses rewritten to it).
    Usage: with broken_copy() as (folder, url): ..."""
    from contextlib import contextmanager

    @contextmanager
    def make():
        folder = tmp_path / "broken"
        shutil.copytree(served_site.root, folder)
        server = Server(folder)
        for path in folder.rglob("*"):
            if path.suffix in (".html", ".css", ".js", ".xml", ".txt"):
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace(served_site.url, server.url), encoding="utf-8")
        with server as url:
            yield folder, url

    return make


def pytest_terminal_summary(terminalreporter):
    needs_review = _reported(terminalreporter, _NEEDS_REVIEW)
    if needs_review:
        terminalreporter.section("axe: needs review by a person")
        seen = set()
        for check, message, example in needs_review:
            if (check, message) not in seen:
                seen.add((check, message))
                count = sum(1 for row in needs_review if (row[0], row[1]) == (check, message))
                terminalreporter.write_line(
                    f"{check}: {message} ({count} element{'s' if count > 1 else ''}, e.g. {example})"
                )
    weights = _reported(terminalreporter, _WEIGHTS)
    if weights:
        terminalreporter.section("page weight (compressed; PDFs and photos left out)")
        terminalreporter.write_line(
            f"{'page type':<24} {'HTML':>7} {'CSS':>7} {'JS':>7} {'images':>7} {'total':>8}  page"
        )
        for kind, address, sizes in weights:
            terminalreporter.write_line(
                f"{kind:<24} "
                + " ".join(f"{sizes[k] / 1024:6.1f}K" for k in ("html", "css", "js", "images"))
                + f" {sum(sizes.values()) / 1024:7.1f}K  /{address}"
            )
