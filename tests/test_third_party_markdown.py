"""Markdown written by others, built as pages of a real site: the HTML the
site publishes is well formed for any of it that is valid Markdown, and the
structural checks (HTML001-HTML003) name the files whose HTML is not.

The corpus (tests/fixtures/third_party_markdown/, see its README.md) is
Python-Markdown's syntax and extension documentation and a selection of the
CommonMark specification's examples (raw HTML, lists, code, emphasis).
MANIFEST.toml lists the files that must give findings.

The site's editorial checks (headings, link text, links to other files of
the documentation, names of people) are written for a board's pages, not for
third-party documentation: the source stage's checks are left out of these
builds, and only the structural check runs on the output. Everything else
(the reader, the Markdown extensions, the theme) is the site's own.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import html5lib
import pytest

from conftest import ROOT, build_site
from lscb_checks import registry
from lscb_checks.html_structure import problems

CORPUS = ROOT / "tests" / "fixtures" / "third_party_markdown"
MANIFEST = tomllib.loads((CORPUS / "MANIFEST.toml").read_text(encoding="utf-8"))["files"]
_STRUCTURE = ("HTML001", "HTML002", "HTML003")


def corpus_files() -> list[str]:
    return sorted(
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*.md")
        if path.name not in ("README.md", "LICENSE.md")
    )


def valid_files() -> list[str]:
    """The files whose built page must be valid HTML5."""
    return [
        relative
        for relative in corpus_files()
        if not MANIFEST.get(relative, {}).get("expect") and "html5" not in MANIFEST.get(relative, {})
    ]


def page_name(relative: str) -> str:
    return relative.removesuffix(".md").replace("/", "-").replace("_", "-")


def write_corpus(content: Path, files: list[str]) -> dict[str, Path]:
    """Each file as a page (the type that needs least metadata: a title)."""
    written = {}
    for relative in files:
        target = content / "pages" / f"{page_name(relative)}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (CORPUS / relative).read_text(encoding="utf-8")
        target.write_text(f"Title: {page_name(relative)}\n\n{text}", encoding="utf-8")
        written[relative] = target
    return written


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setattr(registry, "SOURCE_CHECKS", ())
    patch.setattr(registry, "OUTPUT_CHECKS", ("well_formed",))
    try:
        root = tmp_path_factory.mktemp("third-party")
        written = write_corpus(root / "content", corpus_files())
        site = build_site(root / "content", root / "output")
    finally:
        patch.undo()
    return written, site


def test_the_corpus_is_there_with_its_licences():
    files = corpus_files()
    assert len([f for f in files if f.startswith("commonmark/")]) >= 50
    assert "python-markdown/markdown-syntax.md" in files
    for licence in ("python-markdown/LICENSE.md", "commonmark/LICENSE-CC-BY-SA-4.0.txt"):
        assert (CORPUS / licence).is_file()
    assert set(MANIFEST) <= set(files)


@pytest.mark.parametrize("relative", corpus_files())
def test_each_file_gives_exactly_the_structural_findings_listed(corpus_build, relative):
    written, site = corpus_build
    page = written[relative].resolve()
    found = sorted(f.code for f in site.result.findings if Path(f.path).resolve() == page)
    assert found == MANIFEST.get(relative, {}).get("expect", []), site.messages()


def test_no_structural_finding_is_about_anything_but_the_corpus(corpus_build):
    written, site = corpus_build
    pages = {path.resolve() for path in written.values()}
    stray = [f for f in site.result.findings if Path(f.path).resolve() not in pages]
    assert not stray, site.messages()
    assert {f.code for f in site.result.findings} <= set(_STRUCTURE)


def test_the_valid_files_build_into_pages_that_are_well_formed_throughout(tmp_path, monkeypatch):
    """A strict second reading of every built page, whole (theme and
    body), of a site built from the valid files only: nothing is left open
    at the end of the page, no end tag is stray, no block sits in a <p>."""
    monkeypatch.setattr(registry, "SOURCE_CHECKS", ())
    monkeypatch.setattr(registry, "OUTPUT_CHECKS", ("well_formed",))
    valid = valid_files()
    write_corpus(tmp_path / "content", valid)
    site = build_site(tmp_path / "content", tmp_path / "output")
    assert site.ok, site.messages()
    pages = site.html_files()
    assert len(pages) > len(valid)
    bad = {str(path.relative_to(site.output)): problems(path.read_text(encoding="utf-8")) for path in pages}
    assert not {page: found for page, found in bad.items() if found}
    # The same pages, read by a parser of the WHATWG HTML standard in its
    # strict mode, which stops at the first parse error of any kind.
    strict = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    errors = {}
    for path in pages:
        try:
            strict.parse(path.read_text(encoding="utf-8"))
        except html5lib.html5parser.ParseError as error:
            errors[str(path.relative_to(site.output))] = str(error)
    assert not errors, "\n".join(f"{k}: {v}" for k, v in sorted(errors.items()))
