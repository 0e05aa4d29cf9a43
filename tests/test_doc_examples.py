"""Every example page in the documentation builds: each fenced Markdown block
in docs/*.md and README.md that is a whole page (a header starting with
Title:, a blank line, then the text) is written into a copy of the demo site
where the documentation says it goes, and the site is built with every
check in publish mode, as `make check` does. The example must pass with no
finding at all on its own file."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, build_site  # noqa: E402
from lscb_cli import scaffold  # noqa: E402

FENCE = re.compile(r"^```(?:markdown|md)\n(.*?)^```", re.S | re.M)
FIELD = re.compile(r"^([A-Z][A-Za-z_]*): ?(.*)$")
FILE_LINE = re.compile(r"^File: `content/([^`]+\.md)`$")
DOCUMENTS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


@dataclass(frozen=True)
class Example:
    doc: Path
    line: int
    text: str
    path: str  # where it goes, relative to content/

    def __str__(self) -> str:
        return f"{self.doc.name}:{self.line}"


def header(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        match = FIELD.match(line)
        if not match:
            break
        fields[match.group(1)] = match.group(2)
    return fields


def _place(fields: dict[str, str], named: str | None) -> str:
    """The file the documentation names (`File: content/...` just above the
    example), or one made from the fields the way make new names files."""
    if named:
        return named
    if "Review_type" in fields:
        folder = "reviews"
    elif "Reporting_year" in fields:
        folder = "annual-reports"
    elif "Owner" in fields:
        folder = "guidance"
    elif "Start" in fields:
        folder = "events"
    else:
        folder = "pages"
    return f"{folder}/{scaffold.slugify(fields['Title'])}.md"


def examples() -> list[Example]:
    found = []
    for doc in DOCUMENTS:
        text = doc.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            body = match.group(1)
            fields = header(body)
            head, blank, rest = body.partition("\n\n")
            if "Title" not in fields or not blank or not rest.strip() or len(fields) != len(head.splitlines()):
                continue  # a fragment, not a whole page
            before = text[: match.start()].rstrip("\n").rsplit("\n", 3)[-3:]
            named = next((m.group(1) for m in map(FILE_LINE.match, before) if m), None)
            line = text[: match.start()].count("\n") + 2
            found.append(Example(doc, line, body, _place(fields, named)))
    return found


EXAMPLES = examples()
# Fields that make two files the same page: a second annual report for the
# same year, say.
SAME_PAGE = ("Reporting_year", "Child", "Version_of", "Save_as", "Template")


def _same_page(content: Path, example: Example) -> list[Path]:
    fields = header(example.text)
    folder = content / example.path.split("/", 1)[0]
    return [
        path
        for path in sorted(folder.glob("*.md"))
        if path.relative_to(content).as_posix() != example.path
        and any(
            name in fields and header(path.read_text(encoding="utf-8")).get(name) == fields[name] for name in SAME_PAGE
        )
    ]


def test_the_documentation_has_example_pages_of_every_kind():
    folders = {example.path.split("/", 1)[0] for example in EXAMPLES}
    assert folders >= {"guidance", "young-people", "children", "annual-reports", "reviews", "pages"}, folders


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_example_page_in_the_documentation_builds(example, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    # The example takes the place of the demo's page for the same thing (the
    # same year's report, say), so the demo's links to it still find it.
    target = next(iter(_same_page(content, example)), content / example.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example.text, encoding="utf-8")
    site = build_site(content, tmp_path / "output", settings="publishconf.py")
    mine = [
        f"{f.code} line {f.line}: {f.message}"
        for f in site.result.findings
        if Path(str(f.path)).resolve() == target.resolve()
    ]
    assert mine == [], f"{example} ({example.path}): " + "; ".join(mine)
    assert site.ok, site.messages()
