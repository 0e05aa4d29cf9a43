"""Rule fixtures: one annotated Markdown file per finding code.

tests/fixtures/rules/<CODE>.md is placed in a small site and built. Lines at
the very top of the fixture that are HTML comments are directives, removed
before the file is written:

    <!-- fixture: reviews/child-x.md -->               where the file goes under content/ (required)
    <!-- file: reviews/documents/x.pdf = pdf_plain --> another file, made by tests/factories.py
    <!-- copy: guidance/roles-of-agencies.md -->       a file copied from the demo content/
    <!-- write: guidance/other.md -->                  the Markdown that follows, up to
    ...                                                <!-- end -->, is written there
    <!-- settings: {"LSCB_MODE": "publish"} -->        settings overrides, as JSON
    <!-- env: LSCB_REDACTION_KEY=fixture-key -->       environment variables for the build
    <!-- register: "Jane Doe"; "Acacia Avenue" -->     a redaction register for the fixture
    <!-- symlink: images/x.md = ../pages/x.md -->      a symbolic link (target as `ln -s` takes it)
    <!-- quiet: reviews/child-p.md -->                 a quiet twin: the Markdown that follows, up to
    ...                                                <!-- end -->, is written there, and must give
                                                       no finding of the fixture's code

In the rest of the file, a line that must give a finding ends with
`<!-- expect: CODE -->` (several codes: `<!-- expect: CODE1, CODE2 -->`) and a
line that must give none ends with `<!-- ok -->`.

A quiet case must sit where the rule could fire (tests/test_rule_fixtures.py
checks this): an `ok` line in the same part of the file (metadata or body)
as a line that fires. A rule that reports a whole file (on its line 1 only),
or looks at one field that a file has once, needs a quiet twin instead: a
page of the same type (the same folder) differing from the fixture in a
line or two, the ones that make the rule fire. The markers are removed
before the build (so they do not change what the checks see) and line numbers
are those of the written file. The test compares the (line, code) pairs of
the findings in the fixture file with the expectations, exactly.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "rules"

_DIRECTIVE = re.compile(r"^<!--\s*(fixture|file|copy|write|quiet|settings|env|register|symlink):\s*(.*?)\s*-->\s*$")
_EXPECT = re.compile(r"\s*<!--\s*expect:\s*([A-Z0-9, ]+?)\s*-->")
_OK = re.compile(r"\s*<!--\s*ok\s*-->")


@dataclass
class Fixture:
    code: str
    place: str = ""
    files: dict[str, str] = field(default_factory=dict)  # relative -> factory name
    copies: list[str] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)  # relative -> Markdown
    settings: dict = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    register: list[str] = field(default_factory=list)
    symlinks: dict[str, str] = field(default_factory=dict)  # link -> target
    quiet: dict[str, str] = field(default_factory=dict)  # relative -> Markdown of a quiet twin
    text: str = ""
    expected: set[tuple[int, str]] = field(default_factory=set)
    ok_lines: set[int] = field(default_factory=set)


def load(path: Path) -> Fixture:
    fixture = Fixture(code=path.stem)
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = _DIRECTIVE.match(lines[index])
        if not match:
            break
        kind, value = match.groups()
        index += 1
        if kind == "fixture":
            fixture.place = value
        elif kind == "file":
            relative, _, name = value.partition("=")
            fixture.files[relative.strip()] = name.strip()
        elif kind == "copy":
            fixture.copies.append(value)
        elif kind in ("write", "quiet"):
            body = []
            while index < len(lines) and lines[index].strip() != "<!-- end -->":
                body.append(lines[index])
                index += 1
            index += 1
            (fixture.writes if kind == "write" else fixture.quiet)[value] = "\n".join(body) + "\n"
        elif kind == "settings":
            fixture.settings.update(json.loads(value))
        elif kind == "env":
            name, _, env_value = value.partition("=")
            fixture.env[name.strip()] = env_value.strip()
        elif kind == "symlink":
            link, _, target = value.partition("=")
            fixture.symlinks[link.strip()] = target.strip()
        elif kind == "register":
            fixture.register = [t.strip().strip('"') for t in value.split(";") if t.strip()]
    if not fixture.place:
        raise ValueError(f"{path}: the first line must be <!-- fixture: <path under content/> -->")
    body = []
    for number, line in enumerate(lines[index:], start=1):
        expect = _EXPECT.search(line)
        if expect:
            for code in expect.group(1).split(","):
                fixture.expected.add((number, code.strip()))
            line = line[: expect.start()] + line[expect.end() :]
        ok = _OK.search(line)
        if ok:
            fixture.ok_lines.add(number)
            line = line[: ok.start()] + line[ok.end() :]
        body.append(line)
    fixture.text = "\n".join(body) + "\n"
    return fixture


def write_site(fixture: Fixture, content: Path) -> Path:
    """Write the fixture's files under `content`; return the fixture file's path."""
    from factories import FACTORIES

    for relative in fixture.copies:
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "content" / relative, target)
    for relative, text in {**fixture.writes, **fixture.quiet}.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for relative, name in fixture.files.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(FACTORIES[name]())
    path = content / fixture.place
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(fixture.text, encoding="utf-8")
    for relative, target in fixture.symlinks.items():
        link = content / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    return path


def all_fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.md"))


def metadata_lines(text: str) -> int:
    """How many lines the metadata block at the top of a Markdown file takes
    (up to its first blank line)."""
    lines = text.splitlines()
    return lines.index("") if "" in lines else len(lines)
