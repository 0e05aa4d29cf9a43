"""Benchmark: what the publication checks cost, against plain Pelican.

Generates synthetic sites (guidance pages of 800 to 2,500 words each, no two
alike, with numbered paragraphs, footnotes and tables; versions for children; case reviews with a PDF each; standard
pages) of 100, 1,000 and 5,000 pages, and builds each one three ways, side by
side in this one run, each in its own process:

  plain     Pelican with no plugins and its built-in theme
  site      this project's plugins and theme, without the checks
  checked   plugins, theme and every publication check, without search
  searched  the full build: checks and the search index (pagefind)
  warm      the full build again with the Markdown cache of an earlier build,
            after one page changed (a CI run with its cache restored)

and, from the same Markdown, with Hugo and Eleventy (installed by the bench
into .cache/bench-tools/, at fixed versions: lscb_cli.bench_others), unless
--without-others is given or they cannot be installed.

It prints wall time, CPU time (with any worker process: the checks read PDFs
in a second process while Pelican reads the Markdown) and peak memory of
each, the ratios, and the checks that took longest. The checks' overhead is
(checked - site) / plain, in wall time and in CPU time. Not a test: timings
depend on the machine, and on a shared machine they vary from run to run, so
use --repeat (the fastest build of each variant counts). Usage:
lscb bench [--sizes 100 1000 5000] [--repeat 1] [--without-others] [--instructions]   (make bench)

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
from pathlib import Path

from . import bench_others, bench_preview
from .bench_site import generate
from .project import ROOT

VARIANTS = ("plain", "site", "checked", "searched")
# The full build again with the Markdown cache of a build of the same pages
# (lscb_content.markdown_cache), after one guidance page was changed: a CI
# run with its cache restored. The cold variants convert every file.
WARM = "warm"
WARM_EDIT = "\n\nA sentence added to time a build after one page changed.\n"
TARGET = 1.25  # the full checked build may take at most this many times the site without checks


# Plain Pelican: no plugins, its own theme, the same Markdown extensions.
PLAIN = {
    "PLUGINS": [],
    "THEME": "notmyidea",
    "THEME_STATIC_DIR": "theme",
    "ARTICLE_URL": "{slug}/",
    "ARTICLE_SAVE_AS": "{slug}/index.html",
    "SLUGIFY_SOURCE": "basename",
    "USE_FOLDER_AS_CATEGORY": True,
    "CATEGORY_SAVE_AS": "category/{slug}.html",
    "DIRECT_TEMPLATES": ["index"],
    "MARKDOWN": {
        "extensions": [
            "markdown.extensions.footnotes",
            "markdown.extensions.tables",
            "markdown.extensions.toc",
        ],
        "output_format": "html5",
    },
}

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
    overrides = {
        "PATH": str(content),
        "LSCB_TODAY": "2026-11-23",
        "DELETE_OUTPUT_DIRECTORY": False,
        "MARKDOWN_CACHE": variant == WARM,
        "GATE_CACHE": variant == WARM,
    }
    if variant == "plain":
        overrides.update(PLAIN)
    elif variant == "site":
        overrides["PLUGINS"] = ["lscb_content", "lscb_reviews"]
    elif variant == "checked":
        overrides["PLUGINS"] = ["lscb_content", "lscb_reviews", "lscb_checks"]
    code = CHILD.format(
        plugins=str(ROOT / "plugins"),
        overrides=json.dumps(overrides),
        settings=str(ROOT / "pelicanconf.py"),
        output=str(work / f"out-{variant}"),
    )
    command = [sys.executable, "-c", code]
    if instructions:
        # Instructions executed, counted by valgrind: the same on a busy
        # machine as on an idle one (and about 50 times slower to run).
        # A forked process starts with the counts of its parent: they are
        # zeroed as it starts (PyOS_AfterFork_Child runs in the child
        # only), so that it counts its own work.
        command = [
            "valgrind",
            "--tool=callgrind",
            "--trace-children=yes",
            "--zero-before=PyOS_AfterFork_Child",
            f"--callgrind-out-file={work}/callgrind-{variant}.%p",
            *command,
        ]
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


def warm_build(content: Path, work: Path) -> dict:
    """A full build with the Markdown cache filled by a build of the same
    pages, after one guidance page has changed; the page is put back."""
    run_variant(WARM, content, work)  # fills the cache; not timed
    page = next(iter(sorted((content / "guidance").glob("*.md"))))
    before = page.read_bytes()
    try:
        page.write_bytes(before + WARM_EDIT.encode())
        return run_variant(WARM, content, work)
    finally:
        page.write_bytes(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lscb bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the fastest counts")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind instead of timing (slow; steady on a busy machine)",
    )
    parser.add_argument(
        "--detectors", action="store_true", help="time the PII detectors on long review texts instead of building sites"
    )
    parser.add_argument(
        "--without-others", action="store_true", help="time the Pelican builds only, without Hugo and Eleventy"
    )
    parser.add_argument(
        "--without-preview", action="store_true", help="do not time a save to the page served in each preview"
    )
    args = parser.parse_args(argv)
    if args.detectors:
        return time_detectors()
    if args.instructions:
        return count_instructions(args.sizes)

    tools: dict[str, list[str] | str] = {}
    if not args.without_others:
        tools = bench_others.install(ROOT / ".cache" / "bench-tools")
        for tool, command in tools.items():
            if isinstance(command, str):
                print(f"{tool} is left out: {command}", flush=True)
    others = {tool: command for tool, command in tools.items() if isinstance(command, list)}

    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="lscb-bench-") as tmp:
            work = Path(tmp)
            content = work / "content"
            generate(content, size)
            folders = bench_others.export(content, work, ROOT / ".cache" / "bench-tools" / "node" / "node_modules")
            best = {}
            for _ in range(args.repeat):
                for variant in (*VARIANTS, WARM, *others):  # interleaved, so drift hits all alike
                    if variant == WARM:
                        result = warm_build(content, work)
                    elif variant in others:
                        result = bench_others.run_tool(others[variant], folders[variant])
                        if not result["ok"] or bench_others.built_pages(folders[variant]) < size:
                            raise SystemExit(f"{variant} build failed:\n" + "\n".join(result["errors"]))
                    else:
                        result = run_variant(variant, content, work)
                    if variant not in best or result["seconds"] < best[variant]["seconds"]:
                        best[variant] = result
            rows.append((size, best))
            plain, site, checked, searched = (best[v] for v in VARIANTS)
            print(
                f"{size:>5} pages  plain {plain['seconds']:6.2f} s {plain['peak_mb']:6.0f} MB | "
                f"site {site['seconds']:6.2f} s {site['peak_mb']:6.0f} MB | "
                f"checked {checked['seconds']:6.2f} s {checked['peak_mb']:6.0f} MB | "
                f"checks add {(checked['seconds'] - site['seconds']) / plain['seconds']:6.1%} of plain, "
                f"checked/plain {checked['seconds'] / plain['seconds']:4.2f}x, "
                f"{1000 * (checked['seconds'] - site['seconds']) / size:5.2f} ms/page",
                flush=True,
            )
            print(
                f"{'':>5}        CPU: plain {plain['cpu']:6.2f} s | site {site['cpu']:6.2f} s | "
                f"checked {checked['cpu']:6.2f} s | checks add "
                f"{(checked['cpu'] - site['cpu']) / plain['cpu']:6.1%} of plain",
                flush=True,
            )
            print(
                f"{'':>5}        checked/site: wall {checked['seconds'] / site['seconds']:4.2f}x "
                f"(target {TARGET:.2f}x), CPU of the build process "
                f"{checked['cpu_self'] / site['cpu_self']:4.2f}x, CPU with its second processes "
                f"{checked['cpu'] / site['cpu']:4.2f}x",
                flush=True,
            )
            print(
                f"{'':>5}        search index adds {searched['seconds'] - checked['seconds']:5.2f} s, "
                f"{(searched['seconds'] - checked['seconds']) / plain['seconds']:6.1%} of plain "
                f"(CPU {(searched['cpu'] - checked['cpu']) / plain['cpu']:6.1%}), "
                f"full build/plain {searched['seconds'] / plain['seconds']:4.2f}x",
                flush=True,
            )
            warm = best[WARM]
            print(
                f"{'':>5}        warm build (Markdown cache, one page changed) {warm['seconds']:6.2f} s "
                f"{warm['peak_mb']:6.0f} MB, {warm['seconds'] / searched['seconds']:4.2f}x the full build "
                f"(target 2 s at 1,000 pages)",
                flush=True,
            )
            if others:
                print(
                    f"{'':>5}        "
                    + " | ".join(
                        f"{tool} {best[tool]['seconds']:6.2f} s {best[tool]['peak_mb']:6.0f} MB" for tool in others
                    )
                    + f" | full build {searched['seconds']:6.2f} s {searched['peak_mb']:6.0f} MB = "
                    + ", ".join(f"{searched['seconds'] / best[tool]['seconds']:4.1f}x {tool}" for tool in others),
                    flush=True,
                )
            if not args.without_preview:
                found = bench_preview.previews(
                    content, work, ROOT, sys.executable, {**PLAIN, "LSCB_TODAY": "2026-11-23"}, others, folders
                )
                print(
                    f"{'':>5}        save to page served: "
                    + " | ".join(
                        f"{tool} {value:5.2f} s" if isinstance(value, float) else f"{tool}: {value}"
                        for tool, value in found.items()
                    ),
                    flush=True,
                )
            slowest = sorted(checked["timings"].items(), key=lambda kv: -kv[1])[:5]
            print(
                f"{'':>5}        slowest checks: "
                + ", ".join(f"{name} {1000 * seconds:.0f} ms" for name, seconds in slowest),
                flush=True,
            )
    if len(rows) > 1:
        (small, a), (large, b) = rows[0], rows[-1]
        per_small = (a["checked"]["seconds"] - a["site"]["seconds"]) / small
        per_large = (b["checked"]["seconds"] - b["site"]["seconds"]) / large
        print(
            f"Cost of the checks per page: {1000 * per_small:.2f} ms at {small} pages, "
            f"{1000 * per_large:.2f} ms at {large} pages (linear growth keeps these close)."
        )
    return 0


def time_detectors(copies: tuple[int, ...] = (10, 20, 40)) -> int:
    """The detectors on a clean review's text repeated `copies` times."""
    import time
    from types import SimpleNamespace

    from lscb_checks.allowlist import Allowlist
    from lscb_checks.checks import (
        pii_addresses,
        pii_contact,
        pii_dob,
        pii_institutions,
        pii_name_parts,
        pii_names,
        pii_numbers,
    )
    from lscb_checks.redaction import Redaction
    from lscb_checks.review_scan import Context
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
        print(
            f"{words:>7} words  detectors {seconds:6.2f} s  {1000 * seconds / words * 1000:6.1f} ms per 1,000 words",
            flush=True,
        )
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
        print(
            f"{size:>5} pages  instructions: plain {plain['instructions'] / 1e9:6.2f} G | "
            f"site {site['instructions'] / 1e9:6.2f} G | checked {checked['instructions'] / 1e9:6.2f} G "
            f"(+ {checked['worker_instructions'] / 1e9:.2f} G in second processes: the PDF reader, "
            f"the final gate's reader of pages as written) | "
            f"checks add {added / plain['instructions']:6.1%} of plain to the build, "
            f"{(added + checked['worker_instructions']) / plain['instructions']:6.1%} with the second processes; "
            f"checked/site {checked['instructions'] / site['instructions']:4.2f}x in the build process "
            f"(target {TARGET:.2f}x)",
            flush=True,
        )
    return 0
