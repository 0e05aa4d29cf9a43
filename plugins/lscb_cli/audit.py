"""Audit the built site in a browser and record the results for the
accessibility statement.

Builds the site as it is published (publishconf.py), serves it on
127.0.0.1, runs axe-core, the Nu HTML Checker, linkchecker and the browser
measurements on it (tools/lscb_audit: the same checks as the browser tests),
and writes content/accessibility-audit.json, which the accessibility
statement shows: the date, the tools and their versions, the pages checked
and every problem found. Commit the file with the content it describes.

Usage: lscb audit [--out content/accessibility-audit.json]   (make audit)
Exit status 1 when any check found a problem (the file is written anyway:
the statement must list known problems, not hide them).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from pathlib import Path

from .project import ROOT, use_tools

use_tools()  # the browser audit library, tools/lscb_audit

from lscb_audit import tools  # noqa: E402
from lscb_audit.run import run_audit  # noqa: E402
from lscb_audit.serve import Server  # noqa: E402
from lscb_audit.site import build_for_audit, pages, samples  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lscb audit", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "content" / "accessibility-audit.json")
    args = parser.parse_args(argv)
    missing = tools.missing()
    if missing:
        print("Cannot audit: " + "; ".join(missing), file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from lscb_audit.browser import launch

    with tempfile.TemporaryDirectory(prefix="lscb-audit-") as tmp:
        folder = Path(tmp) / "site"
        server = Server(folder)  # its port is held from here, and the site is built for it
        with server as url:
            built = build_for_audit(folder, server.port)
            if not built.ok:
                print("The site does not build; run make check first.", file=sys.stderr)
                return 2
            addresses = pages(folder)
            with sync_playwright() as playwright:
                browser = launch(playwright)
                result = run_audit(browser, folder, url, addresses, samples(addresses), datetime.date.today())
                browser.close()
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    problems = sum(len(check["problems"]) for check in result["checks"])
    for check in result["checks"]:
        print(f"{len(check['problems']):4} problems  {check['name']} ({check['tool']})", file=sys.stderr)
    print(
        f"Wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
        f"{len(addresses)} pages, {problems} problems.",
        file=sys.stderr,
    )
    return 1 if problems else 0
