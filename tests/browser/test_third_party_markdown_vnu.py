"""The pages built from third-party Markdown (tests/fixtures/third_party_markdown)
pass the Nu HTML Checker, as the demo's do (test_tools_and_weight.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_third_party_markdown import MANIFEST, valid_files, write_corpus  # noqa: E402

from conftest import build_site  # noqa: E402
from lscb_audit.html_check import run_vnu  # noqa: E402
from lscb_audit.problems import report  # noqa: E402
from lscb_checks import registry  # noqa: E402

from .conftest import _require_tools  # noqa: E402


def test_pages_built_from_third_party_markdown_pass_the_nu_html_checker(tmp_path, monkeypatch):
    _require_tools()
    # As in tests/test_third_party_markdown.py: the site's editorial checks
    # are not for third-party documentation; the structural one runs.
    monkeypatch.setattr(registry, "SOURCE_CHECKS", ())
    monkeypatch.setattr(registry, "OUTPUT_CHECKS", ("well_formed",))
    files = [relative for relative in valid_files() if "vnu" not in MANIFEST.get(relative, {})]
    write_corpus(tmp_path / "content", files)
    site = build_site(tmp_path / "content", tmp_path / "output")
    assert site.ok, site.messages()
    # What the source checks left out here would refuse in a real build:
    # links to files of the documentation that are not in the corpus
    # (LINK004 names each) and headings that skip a level (A11Y003).
    problems = [
        problem
        for problem in run_vnu(site.output)
        if "{filename}" not in problem.message and "skipping" not in problem.message
    ]
    assert not problems, report(problems)
    assert len(site.html_files()) > len(files)
