"""Fixtures: real Pelican builds of the demo site and of small scenario sites."""

from __future__ import annotations

import hashlib
import os
import shutil
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lscb_core import report
from lscb_core.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
# The demo content is built as it looks on this day, so tests do not change
# as the calendar moves (embargoes lifting, reviews reaching retention).
DEMO_TODAY = "2026-11-23"


@pytest.fixture(scope="session")
def demo_today() -> str:
    return DEMO_TODAY


@pytest.fixture(scope="session", autouse=True)
def _no_date_from_environment():
    # The tests' builds are the same on a CI server (CI=true, where the live
    # site's address must be set: CFG002) as on a laptop.
    saved = {name: os.environ.pop(name, None) for name in ("LSCB_TODAY", "CI", "LSCB_SITEURL")}
    yield
    for name, value in saved.items():
        if value is not None:
            os.environ[name] = value


def pytest_terminal_summary(terminalreporter):
    """Tests of the documentation's text (marker `docs`) counted apart from
    tests of behaviour, so a count of tests is not swollen by the docs lint."""
    counts: dict[str, dict[str, int]] = {"behaviour": {}, "documentation": {}}
    for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        for result in terminalreporter.stats.get(outcome, []):
            keywords = getattr(result, "keywords", None)
            if keywords is None or (outcome == "passed" and result.when != "call"):
                continue
            kind = counts["documentation" if "docs" in keywords else "behaviour"]
            kind[outcome] = kind.get(outcome, 0) + 1
    if counts["documentation"]:
        terminalreporter.write_line(
            "; ".join(
                f"{name} tests: " + ", ".join(f"{n} {outcome}" for outcome, n in found.items())
                for name, found in counts.items()
                if found
            )
        )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` -> SHA-256 of its bytes: two equal
    fingerprints are the same site, byte for byte."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class Site:
    """A built site: its output folder and helpers to read it."""

    def __init__(self, result: BuildResult):
        self.result = result
        self.output = result.output

    @property
    def ok(self) -> bool:
        return self.result.ok

    def exists(self, relative: str) -> bool:
        return (self.output / relative).exists()

    def soup(self, relative: str) -> BeautifulSoup:
        path = self.output / relative
        if path.is_dir():
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def all_files(self) -> list[Path]:
        return sorted(p for p in self.output.rglob("*") if p.is_file())

    def text_of_everything(self) -> str:
        parts = []
        for path in self.all_files():
            if path.suffix in {".html", ".xml", ".txt", ".json", ".js"}:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)

    def messages(self) -> str:
        return "\n".join(
            [report.as_text(self.result.findings, show_waived=True)] + self.result.errors + self.result.warnings
        )

    def codes(self) -> list[str]:
        """Codes of the findings that were not waived, sorted."""
        return sorted(f.code for f in self.result.findings if not f.waived)


def add_standard_pages(content: Path) -> None:
    """Every board's site has the standard pages (about, privacy, report a
    concern...) that the theme's navigation and footer link to; a scenario
    gets short stand-ins (tests/fixtures/standard-pages/) for those it did
    not write itself."""
    for page in sorted((ROOT / "tests" / "fixtures" / "standard-pages").glob("*.md")):
        target = content / "pages" / page.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)


def build_site(
    content: Path, output: Path, settings: str = "pelicanconf.py", standard_pages: bool = True, **overrides
) -> Site:
    if standard_pages and content.resolve() != (ROOT / "content").resolve():
        add_standard_pages(content)
    overrides.setdefault("LSCB_TODAY", DEMO_TODAY)
    result = build(ROOT / settings, output, overrides={"PATH": str(content), **overrides})
    return Site(result)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Site:
    output = tmp_path_factory.mktemp("demo") / "output"
    site = build_site(ROOT / "content", output)
    assert site.ok, site.messages()
    return site


class ScenarioSite:
    """Write a few Markdown files under a content folder and build them."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.output = root / "output"
        self.content.mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, text: str) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def build(self, **overrides) -> Site:
        return build_site(self.content, self.output, **overrides)


@pytest.fixture
def scenario(tmp_path) -> ScenarioSite:
    return ScenarioSite(tmp_path)


REVIEW_FIELDS = {
    "Title": "Child Q: local child safeguarding practice review",
    "Date": "2026-01-15",
    "Review_type": "lcspr",
    "Child": "Child Q",
    "Pseudonyms": "Child Q, Mother, Sibling 1",
    "Publication_decision": "publish",
    "Decision_date": "2025-12-10",
    "Decision_by": "Independent Chair",
    "Sibling_risk_assessed": "yes",
    "Criminal_proceedings": "none",
    "Themes": "Neglect, Information sharing",
    "Summary": "A fictional review used by the test suite.",
}


def markdown_file(fields: dict, body: str) -> str:
    """A content file: a header line per field (a value of None leaves the
    field out), a blank line, the body."""
    header = "\n".join(f"{name}: {value}" for name, value in fields.items() if value is not None)
    return f"{header}\n\n{body}"


def review_markdown(body: str = "", **fields) -> str:
    """A complete, publishable review; keyword arguments change or add fields
    (a value of None removes the field)."""
    body = body or (
        "## Findings\n\nProfessionals did not share what they knew.\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    return markdown_file({**REVIEW_FIELDS, **fields}, body)


def guidance_markdown(title: str = "A procedure", body: str = "The procedure in brief.", **fields) -> str:
    """A complete guidance page; keyword arguments change or add fields."""
    defaults = {
        "Title": title,
        "Date": "2026-01-01",
        "Owner": "Policy and Procedures Subgroup",
        "Review_date": "2027-01-01",
        "Summary": f"{title}, for the test suite.",
    }
    return markdown_file({**defaults, **fields}, body + "\n")
