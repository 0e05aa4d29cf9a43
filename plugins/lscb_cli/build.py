"""Build the site so that a failed build publishes nothing.

`lscb build` (make html, make publish) and `lscb check` (make check, the
same build with --check: every check, and the output folder is left as it
was). The build itself is lscb_core.build; this is its command line: the
options, Pelican's log, and the findings printed in text, JSON or GitHub
annotations with the one-line summary.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pelican.log import console

import lscb_checks.registry  # noqa: F401  declares every rule: BLD005 even when the settings cannot be read
from lscb_core import report
from lscb_core.build import build
from lscb_core.pelican_log import MaskedFormatter, ReportedElsewhere


def main(argv: list[str] | None = None, prog: str = "lscb build") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", help="content folder (default: PATH in the settings)")
    parser.add_argument("--check", action="store_true", help="run every check but do not change the output folder")
    parser.add_argument(
        "--format", choices=report.FORMATS, default="text", help="how findings are printed (default: text)"
    )
    parser.add_argument(
        "--report",
        action="append",
        default=[],
        type=_report_target,
        metavar="FORMAT:FILE",
        help="also write the findings in FORMAT (text, json or github) to FILE; may be given more than once",
    )
    parser.add_argument("--show-waived", action="store_true", help="list waived findings too")
    parser.add_argument(
        "--only", nargs="*", metavar="FILE", help="report findings in these files only (for pre-commit)"
    )
    parser.add_argument("--timings", action="store_true", help="print how long each check took, slowest first")
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
    for form, target in args.report:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(report.render(findings, form, show_waived=args.show_waived) + "\n", encoding="utf-8")
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


def _report_target(value: str) -> tuple[str, Path]:
    """`--report json:findings.json` -> ("json", Path("findings.json"))."""
    form, colon, file = value.partition(":")
    if not colon or form not in report.FORMATS or not file:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not FORMAT:FILE; write e.g. json:findings.json (formats: {', '.join(report.FORMATS)})"
        )
    return form, Path(file)


def check(argv: list[str] | None = None) -> int:
    """`lscb check`: the build with --check."""
    return main(["--check", *(sys.argv[1:] if argv is None else argv)], prog="lscb check")
