"""Build the site so that a failed build publishes nothing.

Pelican writes its output in place and, when a page cannot be read, logs an
error, drops the page and still exits 0. Here the site is built into a
staging folder beside the output folder; only when the build finished with no
error does the staging folder replace the output folder, in one atomic step
(lscb_core.swap). A build that fails, or is killed half-way, leaves the last
good site exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter, console
from pelican.settings import read_settings

from . import report
from .findings import BuildStopped, Finding, display_path
from .pelican_log import MaskedFormatter, ReportedElsewhere, error_finding, masked_text, to_finding
from .quote import mask_paths_in
from .swap import recover, swap_into_place

log = logging.getLogger("lscb.build")


class _Collector(logging.Handler):
    """Keeps every warning and error logged during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class BuildResult:
    ok: bool
    output: Path
    errors: list[str] = field(default_factory=list)  # logged by Pelican, not findings
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    # Seconds each check took, by module name (lscb_checks.runner).
    timings: dict[str, float] = field(default_factory=dict)


def _reset_pelican_log_dedup() -> None:
    # Pelican's log filter drops a message it has logged before in this
    # process; several builds in one process (tests, the dev server) must
    # each report all of their own problems.
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def build(settings_path: str | Path, output: str | Path, overrides: dict | None = None,
          check_only: bool = False) -> BuildResult:
    """Build with the given settings file; replace `output` only on success.

    With check_only, run every check and throw the built site away."""
    started = time.monotonic()
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)  # a build stopped half-way: the last good site comes back
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))

    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    _reset_pelican_log_dedup()
    result = BuildResult(ok=False, output=output)
    stopped: list[tuple[str, logging.LogRecord | None]] = []  # errors no check explains
    settings: dict = {}
    # Pelican prints its "Done: ..." line on stdout; stdout is for the
    # findings (JSON, GitHub annotations), so Pelican's console goes to stderr.
    console_file = console.file
    console.file = sys.stderr
    try:
        settings = read_settings(
            str(settings_path), override={**(overrides or {}), "OUTPUT_PATH": str(staging)}
        )
        Pelican(settings).run()
        result.findings = list(settings.get("LSCB_FINDINGS", []))
    except BuildStopped as stop:
        result.findings = stop.findings
    except Exception as exc:  # any other failure of Pelican or a plugin
        # A plugin's error is about settings or code; a path in it is masked.
        # The staging folder is a temporary name: the output folder is meant.
        said = str(exc).replace(str(staging), display_path(str(output)))
        text = f"{type(exc).__name__}: {mask_paths_in(said)}"
        result.errors.append(text)
        stopped.append((text, None))
    except BaseException:
        # Ctrl-C, a cancelled CI job, sys.exit in a plugin: the unchecked
        # site in the staging folder must not stay beside output/.
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
        console.file = console_file
        result.timings = dict(settings.get("LSCB_CHECK_TIMES", {}))

    for record in collector.records:
        converted = to_finding(record, settings) if settings and record.levelno >= logging.ERROR else None
        if converted is not None:
            result.findings.append(converted)
            continue
        text = masked_text(record)
        if record.levelno >= logging.ERROR:
            result.errors.append(text)
            stopped.append((text, record))
        else:
            result.warnings.append(text)
    # Every error is a finding too, so every format counts it (BLD005).
    result.findings += [error_finding(text, display_path(str(settings_path)), record)
                        for text, record in stopped]

    result.ok = not result.errors and not any(f.is_error for f in result.findings)
    if result.ok and not check_only:
        swap_into_place(staging, output)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", help="content folder (default: PATH in the settings)")
    parser.add_argument("--check", action="store_true",
                        help="run every check but do not change the output folder")
    parser.add_argument("--format", choices=report.FORMATS, default="text",
                        help="how findings are printed (default: text)")
    parser.add_argument("--show-waived", action="store_true", help="list waived findings too")
    parser.add_argument("--only", nargs="*", metavar="FILE",
                        help="report findings in these files only (for pre-commit)")
    parser.add_argument("--timings", action="store_true",
                        help="print how long each check took, slowest first")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    for handler in logging.getLogger().handlers:  # Pelican's messages quote files too
        handler.setFormatter(MaskedFormatter("%(levelname)s: %(message)s"))
        if not args.verbose:
            # What the findings report already (every error, a file Pelican
            # could not read, an empty alt text) is not printed twice.
            handler.addFilter(ReportedElsewhere())
    # Pelican's "Done: Processed 10 articles..." line, only when asked for.
    console_quiet = console.quiet
    console.quiet = not args.verbose
    overrides = {"PATH": str(Path(args.content).resolve())} if args.content else None
    try:
        result = build(args.settings, args.output, overrides=overrides, check_only=args.check)
    finally:
        console.quiet = console_quiet
    findings = result.findings
    if args.only is not None:
        # An error of the whole build (BLD005) is kept whatever the files.
        wanted = {Path(f).resolve() for f in args.only}
        findings = [f for f in findings if Path(f.path).resolve() in wanted or f.code == "BLD005"]
    ok = not any(f.is_error for f in findings) if args.only is not None else result.ok

    stream = sys.stdout if args.format in ("json", "github") else sys.stderr
    print(report.render(findings, args.format, show_waived=args.show_waived), file=stream)
    if args.verbose:
        for error in result.errors:  # in full: a finding's message is one short line
            print(f"Pelican's error in full: {error}", file=sys.stderr)
    if args.timings:
        for name, seconds in sorted(result.timings.items(), key=lambda kv: -kv[1]):
            print(f"{seconds * 1000:8.1f} ms  {name}", file=sys.stderr)
    if not ok:
        where = "Nothing was published" if not args.check else "Checks failed"
        print(f"{where}: the site in {args.output}/ was not changed.", file=sys.stderr)
        return 1
    if args.check:
        print(f"Checks passed in {result.seconds:.1f} s; {args.output}/ was not changed.", file=sys.stderr)
    else:
        print(f"Built the site into {args.output}/ in {result.seconds:.1f} s.", file=sys.stderr)
    return 0
