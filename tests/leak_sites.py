"""Plant one leak in a clean site, build it for real, and judge the result
as someone hunting for the leak would (tests/leak_corpus.py lists the cases).

Each case gets its own small site: a publishable review (Child Q) with an
image and a PDF report, a guidance page, an annual report and the standard
pages. The clean site is built once per process and must pass; each case
starts from a copy of its content and output. Then the leak is planted and the site is built again into the same output
folder with the real build (lscb_core.build.build). The outcome is one of:

* refused: the build failed, a finding names the planted file (and the line,
  where the case has one), and the previous output is byte-for-byte the same;
* refused, wrong place: the build failed but no finding names the planted file;
* not published: the build passed and the value is nowhere in the output;
* leaked: the build passed and the value can be read in the output
  (tests/leak_search.py), or the build's own messages printed it, or a
  failed build changed the previous output.
"""

from __future__ import annotations

import os
import shutil
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import leak_search
import media
from register_helpers import write_register
from script_runs import ScriptRunner

from conftest import DEMO_TODAY, ROOT, ScenarioSite, guidance_markdown, review_markdown
from lscb_core import report
from lscb_core.mask import mask

SETTINGS = ROOT / "publishconf.py"  # the build that publishes
KEY = "gate-corpus-board-key-8d41c6a0f2e94b17"
KEY_VARIABLE = "LSCB_REDACTION_KEY"

PLACE = "reviews/child-q.md"
PDF = "reviews/documents/child-q-overview-report.pdf"
IMAGE = "reviews/images/child-q-network.png"
GUIDANCE = "guidance/making-a-referral.md"
ANNUAL = "annual-reports/2025-26.md"
ALT = "A diagram of Child Q's family, using pseudonyms only"
FINDINGS_LINE = "Professionals did not share what they knew."
PDF_PAGES = ("Child Q overview report", "Findings\nProfessionals did not share what they knew.")

REVIEW_BODY = f"""## About this review

Child Q is a young child who lived with Mother and Sibling 1.

![{ALT}](images/child-q-network.png)

The diagram shows who lived in Child Q's household.

## Findings

{FINDINGS_LINE}

- School A saw Child Q most days.
- The health visitor saw Child Q at home.

## Recommendations

1. Share information sooner.

## The board's response

The board accepted the recommendation.
"""
REVIEW_FIELDS = {
    "Pseudonyms": "Child Q, Mother, Sibling 1, School A, Health visitor",
    "Summary": "A fictional review used by the gate corpus.",
    "Document": PDF,
}

GUIDANCE_BODY = """## When to refer

Refer when you think a child may be at risk of significant harm.

## How to refer

Call Northshire Children's Services and follow up in writing within two working days.
"""

ANNUAL_BODY = """## About this report

This is the board's fictional report for 2025 to 2026.

## How effective local safeguarding has been

Safeguarding improved, most clearly in how early neglect is recognised.

## Weaknesses and the actions taken

Information sharing when families move remains a weakness.

## Lessons from case reviews

The board published one review this year.

## Training

The board ran twelve courses for professionals.

## Partner contributions

The council, police and health services each paid a share.

## What the board spent

Most of the budget paid for reviews and training.
"""
ANNUAL_FIELDS = {
    "Title": "Annual report 2025 to 2026",
    "Date": "2026-10-01",
    "Reporting_year": "2025-26",
    "Approved_by": "Independent Chair",
    "Summary": "How well children in Northshire were safeguarded in 2025 to 2026.",
}


def fields_text(fields: dict) -> str:
    return "\n".join(f"{name}: {value}" for name, value in fields.items() if value is not None)


# --- The clean site, and the ways of changing it --------------------------------


@dataclass
class Draft:
    """The content a case writes: the review's fields and body, the other
    pages, and files by their path under content/. `plant` operations change
    it; `write` puts it on disk."""

    review_place: str = PLACE
    review_fields: dict = field(default_factory=lambda: dict(REVIEW_FIELDS))
    review_body: str = REVIEW_BODY
    pages: dict = field(
        default_factory=lambda: {
            GUIDANCE: guidance_markdown(
                "Making a referral", GUIDANCE_BODY, Date="2026-03-01", Review_date="2027-09-01"
            ),
            ANNUAL: fields_text(ANNUAL_FIELDS) + "\n\n" + ANNUAL_BODY,
        }
    )
    files: dict = field(
        default_factory=lambda: {
            IMAGE: media.make_png(),
            PDF: media.make_pdf(PDF_PAGES, info={"/Title": "Overview report"}),
            "images/board-logo.png": media.make_png(),
            "documents/leaflet.pdf": media.make_pdf(["How to report a concern"], info={"/Title": "Leaflet"}),
        }
    )
    symlinks: dict = field(default_factory=dict)

    def write(self, content: Path) -> None:
        (content / self.review_place).parent.mkdir(parents=True, exist_ok=True)
        (content / self.review_place).write_text(
            review_markdown(self.review_body, **self.review_fields), encoding="utf-8"
        )
        for relative, text in self.pages.items():
            (content / relative).parent.mkdir(parents=True, exist_ok=True)
            (content / relative).write_text(text, encoding="utf-8")
        for relative, data in self.files.items():
            (content / relative).parent.mkdir(parents=True, exist_ok=True)
            (content / relative).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        for relative, target in self.symlinks.items():
            (content / relative).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, content / relative)


Plant = Callable[[Draft], None]


def review(
    *, place: str | None = None, replace: Sequence[tuple[str, str]] = (), after_findings: str | None = None, **fields
) -> Plant:
    """Change the review: its file name, a field (None removes it), text in
    its body, or a paragraph added after the first finding."""

    def plant(draft: Draft) -> None:
        if place:
            draft.review_place = place
        draft.review_fields.update(fields)
        for old, new in replace:
            assert old in draft.review_body, old
            draft.review_body = draft.review_body.replace(old, new, 1)
        if after_findings is not None:
            draft.review_body = draft.review_body.replace(
                FINDINGS_LINE, f"{FINDINGS_LINE}\n\n{textwrap.dedent(after_findings).strip()}", 1
            )

    return plant


def put(relative: str, make: Callable[[], bytes | str] | bytes | str) -> Plant:
    """Add or replace the file content/<relative>."""

    def plant(draft: Draft) -> None:
        draft.files[relative] = make() if callable(make) else make

    return plant


def drop(relative: str) -> Plant:
    def plant(draft: Draft) -> None:
        draft.files.pop(relative)

    return plant


def page(relative: str, text: str) -> Plant:
    """Add or replace a page (Markdown with its fields) at content/<relative>."""

    def plant(draft: Draft) -> None:
        draft.pages[relative] = textwrap.dedent(text).lstrip()

    return plant


def page_text(relative: str, after: str, text: str) -> Plant:
    """Add a paragraph to a page after the line `after`."""

    def plant(draft: Draft) -> None:
        assert after in draft.pages[relative], after
        draft.pages[relative] = draft.pages[relative].replace(after, f"{after}\n\n{text}", 1)

    return plant


def symlink(relative: str, target: str) -> Plant:
    def plant(draft: Draft) -> None:
        draft.symlinks[relative] = target

    return plant


# --- A case, and what happened to it ---------------------------------------------

REFUSED = "refused"
WRONG_PLACE = "refused, wrong place"
NOT_PUBLISHED = "not published"
LEAKED = "leaked"
OUTCOMES = (REFUSED, WRONG_PLACE, NOT_PUBLISHED, LEAKED)
SAFE = frozenset({REFUSED, WRONG_PLACE, NOT_PUBLISHED})


@dataclass(frozen=True)
class Case:
    id: str
    channel: str
    description: str
    value: str  # what someone hunting for the leak looks for
    plant: tuple  # Plant operations, applied in order to the clean site
    file: str  # the file the leak is planted in, under content/
    line: str | None = None  # text on the line a finding must name
    code: str | None = None  # the detector that should refuse it
    expect: str = ""  # "refused" or "not published"
    known_leak: str = ""  # why it leaks today (a strict expected failure)
    register: tuple = ()  # terms in Child Q's redaction register
    messages: bool = False  # also run scripts/build.py --check and read what it prints

    def __post_init__(self):
        assert bool(self.expect) != bool(self.known_leak), f"{self.id}: expect or known_leak, not both"
        assert not self.expect or self.expect in (REFUSED, NOT_PUBLISHED), self.id


@dataclass
class Result:
    id: str
    outcome: str
    hits: list = field(default_factory=list)  # where the value was read
    codes: list = field(default_factory=list)  # codes of the errors the build reported
    note: str = ""
    seconds: float = 0.0


def _snapshot(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def _line_number(path: Path, needle: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, start=1) if needle in line), None)


def names_the_file(findings, content: Path, case: Case) -> bool:
    """Whether some error names the planted file (by path, or by name in its
    message, as PDF findings do: "child-q-overview-report.pdf page 1"), at
    the case's line when it has one."""
    planted = content / case.file
    line = _line_number(planted, case.line) if case.line else None
    for finding in findings:
        if not finding.is_error or finding.waived:
            continue
        by_path = Path(finding.path).absolute() == planted.absolute() or (
            Path(finding.path).resolve() == planted.resolve()
        )
        by_name = planted.name in finding.message
        # A file whose own name holds the identifier is named masked.
        by_path = by_path or (
            Path(finding.path).name == mask(planted.name)
            and Path(finding.path).parent.resolve() == planted.parent.resolve()
        )
        if by_path and (line is None or finding.line == line):
            return True
        if by_name and not case.line:
            return True
    return False


BUILD_SCRIPT = ScriptRunner(ROOT / "scripts" / "build.py")


def printed_by_the_build(
    content: Path, output: Path, settings: Path = SETTINGS, env: dict | None = None
) -> dict[str, str]:
    """What one scripts/build.py --check prints (its text report, with
    Pelican's own messages) and the JSON and GitHub annotations reports it
    writes (--report), by format. It runs as its own process
    (tests/script_runs.py: a fork of one process that has made the
    script's imports)."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "LSCB_TODAY": DEMO_TODAY, **(env or {})}
    reports = output.parent / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    run = BUILD_SCRIPT.run(
        [
            "--settings",
            str(settings),
            "--content",
            str(content),
            "--output",
            str(output),
            "--check",
            "--format",
            "text",
            f"--report=json:{reports / 'json'}",
            f"--report=github:{reports / 'github'}",
        ],
        env=environ,
        cwd=ROOT,
        timeout=300,
    )
    return {
        "text": run.stdout + run.stderr,
        **{form: (reports / form).read_text(encoding="utf-8") for form in ("json", "github")},
    }


# The clean site, built once per process and copied into each case's folder
# before the case plants its leak (and its redaction register, which lives
# outside the folders Pelican publishes): every case starts from the same
# real build's output (tests/test_gate_corpus_leaks.py).
_CLEAN: list[Path] = []


def _clean_site(beside: Path) -> Path:
    if not _CLEAN:
        root = beside / f"clean-{os.getpid()}"
        shutil.rmtree(root, ignore_errors=True)
        site = ScenarioSite(root)
        Draft().write(site.content)
        key = os.environ.pop(KEY_VARIABLE, None)
        try:
            good = site.build(settings=SETTINGS.name)
        finally:
            if key is not None:
                os.environ[KEY_VARIABLE] = key
        if not good.ok:
            raise AssertionError(f"the clean site did not build:\n{good.messages()}")
        _CLEAN.append(root)
    return _CLEAN[0]


def run_case(case: Case, root: Path) -> Result:
    """Copy the clean site, plant the case, build again, and judge."""
    started = time.monotonic()
    if case.register:
        os.environ[KEY_VARIABLE] = KEY
    else:
        os.environ.pop(KEY_VARIABLE, None)
    shutil.copytree(_clean_site(root.parent), root, symlinks=True, dirs_exist_ok=True)
    site = ScenarioSite(root)
    clean = Draft()
    if case.register:
        write_register(site.content, PLACE, list(case.register))
    before = _snapshot(site.output)

    draft = Draft()
    for plant in case.plant:
        plant(draft)
    for relative in list(clean.files) + list(clean.pages) + [PLACE]:
        (site.content / relative).unlink(missing_ok=True)
    draft.write(site.content)
    built = site.build(settings=SETTINGS.name)
    codes = sorted({f.code for f in built.result.findings if f.is_error and not f.waived})

    printed = {
        "in-process report": "\n".join(
            [report.as_text(built.result.findings, show_waived=True), *built.result.errors, *built.result.warnings]
        )
    }
    if case.messages:
        printed.update(
            {
                f"scripts/build.py --format {k}": v
                for k, v in printed_by_the_build(site.content, site.root / "check-output").items()
            }
        )
    echoed = [
        leak_search.Hit("build messages", how)
        for how, text in printed.items()
        if leak_search.contains(text, case.value)
    ]

    result = Result(case.id, LEAKED, codes=codes)
    if built.ok:
        hits = leak_search.find(site.output, case.value)
        result.hits = [str(h) for h in hits]
        result.outcome = LEAKED if hits else NOT_PUBLISHED
    elif _snapshot(site.output) != before:
        result.note = "a failed build changed the previous output"
    elif names_the_file(built.result.findings, site.content, case):
        result.outcome = REFUSED
    else:
        result.outcome = WRONG_PLACE
        named = sorted(
            {f"{Path(f.path).name}:{f.line} {f.code}" for f in built.result.findings if f.is_error and not f.waived}
        )
        result.note = f"no finding names {case.file}; found: {', '.join(named) or built.result.errors}"
    if echoed and case.messages:
        result.outcome = LEAKED
        result.hits += [str(h) for h in echoed]
    elif echoed:  # e.g. the path of a file named after the child: already in the repository
        result.note = (result.note + "; " if result.note else "") + "the build's messages print it"
    result.seconds = time.monotonic() - started
    return result


# --- The recall table --------------------------------------------------------------


def recall_rows(cases: Sequence[Case], results: dict[str, Result], key: Callable[[Case], str]):
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(key(case), []).append(case)
    rows = []
    for name, members in sorted(groups.items()):
        counts = {outcome: sum(results[c.id].outcome == outcome for c in members) for outcome in OUTCOMES}
        safe = sum(counts[o] for o in SAFE)
        rows.append((name, len(members), counts, safe))
    return rows


def recall_table(cases: Sequence[Case], results: dict[str, Result]) -> str:
    """The measured recall, per channel and per detector, as Markdown."""
    lines = []
    for title, key in (("Channel", lambda c: c.channel), ("Detector", lambda c: c.code or "(none)")):
        lines += [
            f"| {title} | Cases | Refused | Wrong place | Not published | Leaked | Recall |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        total = {o: 0 for o in OUTCOMES}
        for name, size, counts, safe in recall_rows(cases, results, key):
            for outcome in OUTCOMES:
                total[outcome] += counts[outcome]
            lines.append(
                f"| {name} | {size} | {counts[REFUSED]} | {counts[WRONG_PLACE]} | "
                f"{counts[NOT_PUBLISHED]} | {counts[LEAKED]} | {safe / size:.0%} |"
            )
        size = len(cases)
        safe = sum(total[o] for o in SAFE)
        lines.append(
            f"| **All** | {size} | {total[REFUSED]} | {total[WRONG_PLACE]} | "
            f"{total[NOT_PUBLISHED]} | {total[LEAKED]} | {safe / size:.0%} |"
        )
        lines.append("")
    return "\n".join(lines)


def leaking_channels(cases: Sequence[Case], results: dict[str, Result]) -> dict[str, list[Case]]:
    """Channel -> its cases that leaked."""
    leaks: dict[str, list[Case]] = {}
    for case in cases:
        if results[case.id].outcome == LEAKED:
            leaks.setdefault(case.channel, []).append(case)
    return leaks


def leaks_list(cases: Sequence[Case], results: dict[str, Result]) -> str:
    """What leaks today, by channel, as a Markdown list: each case and why."""
    lines = []
    for channel, leaked in sorted(leaking_channels(cases, results).items()):
        lines.append(f"- **{channel}** ({len(leaked)} of {sum(c.channel == channel for c in cases)}):")
        for case in leaked:
            lines.append(f"  - `{case.id}`: {case.description}; {case.known_leak or 'not labelled'}")
    return "\n".join(lines) + "\n"


def run_in_folder(case_id: str, root: str) -> Result:
    """Entry point for a worker process: look the case up by its id."""
    import leak_corpus

    case = leak_corpus.BY_ID[case_id]
    try:
        return run_case(case, Path(root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
