"""Benchmark: what the publication checks cost, against plain Pelican.

Generates synthetic sites (guidance pages of 800 to 2,500 words each, no two
alike, with numbered paragraphs, footnotes and tables; versions for children; case reviews with a PDF each; standard
pages) of 100, 1,000 and 5,000 pages, and builds each one three ways, side by
side in this one run, each in its own process:

  plain     Pelican with no plugins and its built-in theme
  site      this project's plugins and theme, without the checks
  checked   plugins, theme and every publication check, without search
  searched  the full build: checks and the search index (pagefind)

It prints wall time, CPU time (with any worker process: the checks read PDFs
in a second process while Pelican reads the Markdown) and peak memory of
each, the ratios, and the checks that took longest. The checks' overhead is
(checked - site) / plain, in wall time and in CPU time. Not a test: timings
depend on the machine, and on a shared machine they vary from run to run, so
use --repeat (the fastest build of each variant counts). Usage:
lscb bench [--sizes 100 1000 5000] [--repeat 1] [--instructions]   (make bench)

--instructions counts the instructions each build executes with valgrind
(callgrind) instead of timing it: about 50 times slower, but the same on a
busy machine as on an idle one.

--detectors times the PII detectors alone on one long review text (a PDF's
text layer of 9,000 to 37,000 words): the time per 1,000 words stays about
the same if the scan grows linearly, and grows with the length if it does not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from .project import ROOT

VARIANTS = ("plain", "site", "checked", "searched")
TARGET = 1.25  # the full checked build may take at most this many times the site without checks


def _pdf(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)}),
    })
    lines = textwrap.wrap(text, 80)
    ops = ["BT /F1 11 Tf 14 TL 56 780 Td"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    import io
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


GUIDANCE = """\
Title: Procedure {n}: working together on referral {n}
Date: 2025-{month:02d}-{day:02d}
Owner: Policy and Procedures Subgroup
Review_date: 2027-{month:02d}-{day:02d}
Summary: How agencies in Northshire share information and act on concerns, part {n}.

## Purpose

This procedure sets out how practitioners share information when they are worried about a child.[^1] It applies to every agency represented on the board.

{prose}

Practitioners should record what they saw, what the child said and what they did next. The record should be made on the same day.

## Responsibilities

The designated safeguarding lead in each agency makes sure staff know this procedure and can find it quickly.

| Agency | Contact route | Timescale |
| --- | --- | --- |
| Children's social care | Front door | Same day |
| Police | 101 or 999 | Immediately if a child is in danger |
| Health | Named nurse | Within one working day |

## Making a referral

Read [the related procedure](../guidance/procedure-{other}.md) before making a referral. Explain the concern clearly and say what the family has been told.

After a referral, children's social care decide within one working day what happens next and tell the person who referred.

## Escalation

If you disagree with a decision, speak to your manager and use the escalation procedure. Keep a record of the disagreement and what happened.

[^1]: Working Together to Safeguard Children 2023 describes these duties.
"""

CHILDREN = """\
Title: Who can help you, part {n}
Date: 2025-{month:02d}-{day:02d}
Version_of: guidance/procedure-{n}.md
Summary: People who can help if you feel worried or unsafe.

## If you are worried

You can tell a grown-up you trust. This could be a teacher, a nurse or a family friend.

They will listen to you. They will help you stay safe.

## If you are in danger

Call 999 if you are in danger now. You can call Childline on 0800 1111 at any time.
"""

REVIEW = """\
Title: Child R{n}: local child safeguarding practice review
Date: 2025-{month:02d}-{day:02d}
Review_type: lcspr
Child: Child R{n}
Pseudonyms: Child R{n}, Mother, Sibling 1, School A
Publication_decision: publish
Decision_date: 2025-{month:02d}-01
Decision_by: Independent Chair
Sibling_risk_assessed: yes
Criminal_proceedings: none
Themes: Neglect, Information sharing
Document: reviews/documents/child-r{n}-overview-report.pdf
Summary: A review of how agencies worked with a child who was harmed by neglect.

This review is fictional and was generated for a benchmark.

## About this review

Child R{n} lived with Mother and Sibling 1. Child R{n} attended School A, where staff noticed that Child R{n} was often hungry.

## Findings

Professionals knew parts of the picture but did not bring what they knew together. School A shared concerns with the health visitor but not with children's social care.

## Recommendations

1. Agencies should share concerns about neglect with children's social care.
2. The board should audit how schools record concerns.

## The board's response

The board accepted both recommendations. A new procedure has been agreed, and the audit will report to the board next year.

The full [overview report (PDF, {size})](documents/child-r{n}-overview-report.pdf) is available.
"""

PAGE = """\
Title: Information page {n}
Date: 2025-{month:02d}-{day:02d}
Summary: General information from the board, page {n}.

## What the board does

The board brings together the council, the police, health services and schools to keep children safe.

## Contact the board

Write to the board at County Hall if you have a question about its work.
"""


# Words of the prose each guidance page is given, so that no two pages say
# the same thing: a check that skips text it has read before (the theme's
# header on every page) gets no help from the content. All in lower case, so
# that no pair of them reads as a person's name.
_SUBJECTS = """the practitioner | the social worker | the school nurse | the designated safeguarding lead |
the health visitor | the police officer | each agency | the team manager | the family support worker |
the board | the referrer | the lead professional | every member of staff | the duty team |
the early help coordinator | the named doctor | the youth worker | the housing officer""".split("|")
_VERBS = """records | shares | reviews | checks | explains | agrees | discusses | escalates | considers |
confirms | updates | assesses | plans | writes down | follows up | reports | notes | asks about""".split("|")
_OBJECTS = """the concern | the child's views | what happened next | the plan | the outcome of the meeting |
the risks to the child | the family's needs | the timescale | the decision | the chronology |
the information held by other agencies | any injuries seen | the support offered | the referral |
the history of previous concerns | the safety plan | the school's records | the consent given""".split("|")
_ENDINGS = """on the same day | within one working day | before the strategy discussion | at the next review |
with the family's agreement where it is safe to ask | in the case record | as soon as possible |
with the manager | at the core group meeting | when the situation changes | without delay |
in line with this procedure | after speaking to the child | when the plan is reviewed""".split("|")
_LINKS = """Where there is doubt, | If the child is at risk, | In every case, | Where it is safe to do so, |
When the concern is about neglect, | After any missed appointment, | Before the case is closed, |
If the family disagree, | Where a child moves area, | When a new worker is allocated,""".split("|")


def _prose(n: int) -> str:
    """800 to 2,500 words of guidance prose, different for every page and
    the same on every run (seeded by the page number)."""
    import random

    rng = random.Random(n)
    target = rng.randint(800, 2500)
    paragraphs, words = [], 0
    while words < target:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            parts = [rng.choice(_SUBJECTS).strip(), rng.choice(_VERBS).strip(), rng.choice(_OBJECTS).strip(),
                     rng.choice(_ENDINGS).strip()]
            if rng.random() < 0.4:
                parts.insert(0, rng.choice(_LINKS).strip())
            sentence = " ".join(parts)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if len(paragraphs) % 6 == 0:
            paragraphs.append(f"### Part {len(paragraphs) // 6} of the procedure")
    return "\n\n".join(paragraphs)


def generate(folder: Path, pages: int) -> None:
    """A synthetic site with `pages` content pages: 70% guidance, 10% versions
    for children, 10% reviews (each with a PDF) and 10% pages."""
    counts = {"guidance": int(pages * 0.7), "children": pages // 10, "reviews": pages // 10}
    counts["pages"] = pages - sum(counts.values())
    pdf_text = "Overview report. Child R{n} lived with Mother and Sibling 1. " * 20
    size = f"{max(1, round(len(_pdf(pdf_text.format(n=0))) / 1024))} KB"
    for kind, count in counts.items():
        (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / "reviews" / "documents").mkdir(exist_ok=True)
    for n in range(counts["guidance"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 28 + 1, "other": (n + 1) % counts["guidance"],
                  "prose": _prose(n)}
        (folder / "guidance" / f"procedure-{n}.md").write_text(GUIDANCE.format(**fields), encoding="utf-8")
    for n in range(counts["children"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 28 + 1}
        (folder / "children" / f"who-can-help-{n}.md").write_text(CHILDREN.format(**fields), encoding="utf-8")
    for n in range(counts["reviews"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 27 + 2, "size": size}
        (folder / "reviews" / f"child-r{n}.md").write_text(REVIEW.format(**fields), encoding="utf-8")
        (folder / "reviews" / "documents" / f"child-r{n}-overview-report.pdf").write_bytes(
            _pdf(pdf_text.format(n=n)))
    for n in range(counts["pages"]):
        fields = {"n": n, "month": n % 12 + 1, "day": n % 28 + 1}
        (folder / "pages" / f"information-{n}.md").write_text(PAGE.format(**fields), encoding="utf-8")
    # The standard pages the theme's navigation and footer link to (without
    # their special templates, which Pelican's own theme does not have).
    for page in sorted((ROOT / "tests" / "fixtures" / "standard-pages").glob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "pages" / page.name).write_text(
            "".join(line for line in lines if not line.startswith("Template:")), encoding="utf-8")


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {plugins!r})
from lscb_core.build import build
overrides = json.loads({overrides!r})
before = resource.getrusage(resource.RUSAGE_SELF)
started = time.perf_counter()
result = build({settings!r}, {output!r}, overrides=overrides, check_only=True)
seconds = time.perf_counter() - started
# CPU time of this process and of any worker it started (the PDF reader),
# once the workers have exited and been waited for.
import multiprocessing
deadline = time.monotonic() + 5
while multiprocessing.active_children() and time.monotonic() < deadline:
    time.sleep(0.01)
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
cpu = sum(u.ru_utime + u.ru_stime for u in usage) - before.ru_utime - before.ru_stime
cpu_self = usage[0].ru_utime + usage[0].ru_stime - before.ru_utime - before.ru_stime
peak = usage[0].ru_maxrss / 1024
print(json.dumps({{"ok": result.ok, "seconds": seconds, "cpu": cpu, "cpu_self": cpu_self, "peak_mb": peak,
                   "timings": result.timings,
                   "errors": [f.as_text() for f in result.findings if f.is_error][:5] + result.errors[:5]}}))
"""


def run_variant(variant: str, content: Path, work: Path, instructions: bool = False) -> dict:
    overrides = {"PATH": str(content), "LSCB_TODAY": "2026-11-23", "DELETE_OUTPUT_DIRECTORY": False}
    if variant == "plain":
        overrides.update({"PLUGINS": [], "THEME": "notmyidea", "THEME_STATIC_DIR": "theme",
                          "ARTICLE_URL": "{slug}/", "ARTICLE_SAVE_AS": "{slug}/index.html",
                          "USE_FOLDER_AS_CATEGORY": True, "CATEGORY_SAVE_AS": "category/{slug}.html",
                          "DIRECT_TEMPLATES": ["index"], "MARKDOWN": {
                              "extensions": ["markdown.extensions.footnotes", "markdown.extensions.tables",
                                             "markdown.extensions.toc"], "output_format": "html5"}})
    elif variant == "site":
        overrides["PLUGINS"] = ["lscb_content", "lscb_reviews"]
    elif variant == "checked":
        overrides["PLUGINS"] = ["lscb_content", "lscb_reviews", "lscb_checks"]
    code = CHILD.format(plugins=str(ROOT / "plugins"), overrides=json.dumps(overrides),
                        settings=str(ROOT / "pelicanconf.py"), output=str(work / f"out-{variant}"))
    command = [sys.executable, "-c", code]
    if instructions:
        # Instructions executed, counted by valgrind: the same on a busy
        # machine as on an idle one (and about 50 times slower to run).
        # A forked process starts with the counts of its parent: they are
        # zeroed as it starts (PyOS_AfterFork_Child runs in the child
        # only), so that it counts its own work.
        command = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--zero-before=PyOS_AfterFork_Child",
                   f"--callgrind-out-file={work}/callgrind-{variant}.%p", *command]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    stdout, stderr = process.communicate()
    completed = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if completed.returncode != 0:
        raise SystemExit(f"{variant} build crashed:\n{completed.stderr[-3000:]}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    if instructions:
        counts = {}
        for path in work.glob(f"callgrind-{variant}.*"):
            summary = next(line for line in path.read_text().splitlines() if line.startswith("summary:"))
            counts[int(path.suffix[1:])] = int(summary.split()[1])
            path.unlink()
        result["instructions"] = counts.pop(process.pid)  # the build itself
        result["worker_instructions"] = sum(counts.values())  # the PDF reader, on another core
        result["each_worker"] = sorted(counts.values())  # each second process on its own
    if not result["ok"]:
        raise SystemExit(f"{variant} build failed:\n" + "\n".join(result["errors"]))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lscb bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the fastest counts")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind instead of timing (slow; steady on a busy machine)")
    parser.add_argument("--detectors", action="store_true",
                        help="time the PII detectors on long review texts instead of building sites")
    args = parser.parse_args(argv)
    if args.detectors:
        return time_detectors()
    if args.instructions:
        return count_instructions(args.sizes)

    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="lscb-bench-") as tmp:
            work = Path(tmp)
            content = work / "content"
            generate(content, size)
            best = {}
            for _ in range(args.repeat):
                for variant in VARIANTS:  # interleaved, so drift hits all alike
                    result = run_variant(variant, content, work)
                    if variant not in best or result["seconds"] < best[variant]["seconds"]:
                        best[variant] = result
            rows.append((size, best))
            plain, site, checked, searched = (best[v] for v in VARIANTS)
            print(f"{size:>5} pages  plain {plain['seconds']:6.2f} s {plain['peak_mb']:6.0f} MB | "
                  f"site {site['seconds']:6.2f} s {site['peak_mb']:6.0f} MB | "
                  f"checked {checked['seconds']:6.2f} s {checked['peak_mb']:6.0f} MB | "
                  f"checks add {(checked['seconds'] - site['seconds']) / plain['seconds']:6.1%} of plain, "
                  f"checked/plain {checked['seconds'] / plain['seconds']:4.2f}x, "
                  f"{1000 * (checked['seconds'] - site['seconds']) / size:5.2f} ms/page",
                  flush=True)
            print(f"{'':>5}        CPU: plain {plain['cpu']:6.2f} s | site {site['cpu']:6.2f} s | "
                  f"checked {checked['cpu']:6.2f} s | checks add "
                  f"{(checked['cpu'] - site['cpu']) / plain['cpu']:6.1%} of plain", flush=True)
            print(f"{'':>5}        checked/site: wall {checked['seconds'] / site['seconds']:4.2f}x "
                  f"(target {TARGET:.2f}x), CPU of the build process "
                  f"{checked['cpu_self'] / site['cpu_self']:4.2f}x, CPU with its second processes "
                  f"{checked['cpu'] / site['cpu']:4.2f}x", flush=True)
            print(f"{'':>5}        search index adds {searched['seconds'] - checked['seconds']:5.2f} s, "
                  f"{(searched['seconds'] - checked['seconds']) / plain['seconds']:6.1%} of plain "
                  f"(CPU {(searched['cpu'] - checked['cpu']) / plain['cpu']:6.1%}), "
                  f"full build/plain {searched['seconds'] / plain['seconds']:4.2f}x", flush=True)
            slowest = sorted(checked["timings"].items(), key=lambda kv: -kv[1])[:5]
            print(f"{'':>5}        slowest checks: " + ", ".join(
                f"{name} {1000 * seconds:.0f} ms" for name, seconds in slowest), flush=True)
    if len(rows) > 1:
        (small, a), (large, b) = rows[0], rows[-1]
        per_small = (a["checked"]["seconds"] - a["site"]["seconds"]) / small
        per_large = (b["checked"]["seconds"] - b["site"]["seconds"]) / large
        print(f"Cost of the checks per page: {1000 * per_small:.2f} ms at {small} pages, "
              f"{1000 * per_large:.2f} ms at {large} pages (linear growth keeps these close).")
    return 0


def time_detectors(copies: tuple[int, ...] = (10, 20, 40)) -> int:
    """The detectors on a clean review's text repeated `copies` times."""
    import time
    from types import SimpleNamespace

    from lscb_checks.allowlist import Allowlist
    from lscb_checks.redaction import Redaction
    from lscb_checks.review_scan import Context
    from lscb_checks.checks import (pii_addresses, pii_contact, pii_dob, pii_institutions, pii_name_parts,
                                    pii_names, pii_numbers)
    from lscb_checks.text.forenames import forenames
    from lscb_checks.text.review_text import Span
    from lscb_core.sources import parse

    paragraph = (ROOT / "tests" / "fixtures" / "clean" / "child-m.md").read_text(encoding="utf-8")
    item = SimpleNamespace(path="x.md", type_key="reviews", source=parse("x.md", paragraph), metadata={})
    context = Context(item, Redaction({}, Allowlist(""), (), frozenset()), forenames())
    for module in (pii_names, pii_name_parts):  # the first call loads word lists: not counted
        list(module.detect(Span(paragraph, "x.md", "warm-up"), context))
    for n in copies:
        text = paragraph * n
        span = Span(text, "x.md", "report.pdf page 1")
        started = time.perf_counter()
        for module in (pii_names, pii_name_parts, pii_addresses, pii_dob, pii_contact, pii_numbers, pii_institutions):
            list(module.detect(span, context))
        seconds = time.perf_counter() - started
        words = len(text.split())
        print(f"{words:>7} words  detectors {seconds:6.2f} s  {1000 * seconds / words * 1000:6.1f} ms per 1,000 words",
              flush=True)
    return 0


def count_instructions(sizes: list[int]) -> int:
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="lscb-bench-") as tmp:
            work = Path(tmp)
            content = work / "content"
            generate(content, size)
            # Without "searched": valgrind would trace the pagefind program too.
            counts = {variant: run_variant(variant, content, work, instructions=True) for variant in VARIANTS[:3]}
        plain, site, checked = (counts[v] for v in VARIANTS[:3])
        added = checked["instructions"] - site["instructions"]
        print(f"{size:>5} pages  instructions: plain {plain['instructions'] / 1e9:6.2f} G | "
              f"site {site['instructions'] / 1e9:6.2f} G | checked {checked['instructions'] / 1e9:6.2f} G "
              f"(+ {checked['worker_instructions'] / 1e9:.2f} G in second processes: the PDF reader, "
              f"the final gate's reader of pages as written) | "
              f"checks add {added / plain['instructions']:6.1%} of plain to the build, "
              f"{(added + checked['worker_instructions']) / plain['instructions']:6.1%} with the second processes; "
              f"checked/site {checked['instructions'] / site['instructions']:4.2f}x in the build process "
              f"(target {TARGET:.2f}x)",
              flush=True)
    return 0

