"""Build the site as it is published and check every link in it.

Builds with publishconf.py (publish mode, every check) into --output, with
the site address http://127.0.0.1:<port>, serves it there (with the headers
of its _headers file, as the live host sends them) and runs linkchecker with
every page as a start address and #anchors checked (lscb_audit.links).

The folder is left behind as a preview of the site: serve it with
`python3 -m http.server <port>` from inside it and open
http://127.0.0.1:<port>/.

With --folder NAME the site is built for http://127.0.0.1:<port>/NAME and
served from that folder of the server, as a GitHub project site is
(https://org.github.io/NAME): a link that only works at the root of the host
is then broken.

Usage: lscb check-links [--output preview] [--port 8000] [--folder NAME]
Exit status 1 when a link is broken or the site does not build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .project import use_tools

use_tools()  # the browser audit library, tools/lscb_audit

from lscb_audit.links import run_linkchecker  # noqa: E402
from lscb_audit.serve import Server  # noqa: E402
from lscb_audit.site import build_for_audit, pages  # noqa: E402
from lscb_audit.tools import linkchecker  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lscb check-links", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("preview"))
    parser.add_argument("--port", type=int, default=8000, help="0: a free port the system picks")
    parser.add_argument("--content", type=Path, help="content folder (default: content/)")
    parser.add_argument("--folder", default="", help="serve the site from this folder of the server")
    args = parser.parse_args(argv)
    folder = args.folder.strip("/")
    if linkchecker() is None:
        print("linkchecker is not installed (pip install -e '.[test]')", file=sys.stderr)
        return 2
    if args.output.exists():
        shutil.rmtree(args.output)
    with tempfile.TemporaryDirectory(prefix="lscb-host-") as host:
        # With a folder, the host's root holds nothing but the site's folder.
        served = Path(host) if folder else args.output
        # Bound before the build, which is made for the port the server holds.
        server = Server(served, args.port)
        with server as url:
            built = build_for_audit(args.output, server.port, content=args.content, folder=folder)
            if not built.ok:
                for finding in built.findings:
                    if finding.is_error:
                        print(finding.as_text(), file=sys.stderr)
                for error in built.errors:
                    print(error, file=sys.stderr)
                print("The site does not build; run make check.", file=sys.stderr)
                return 1
            addresses = pages(args.output)
            if folder:
                (served / folder).parent.mkdir(parents=True, exist_ok=True)
                (served / folder).symlink_to(args.output.resolve(), target_is_directory=True)
            problems = run_linkchecker(url + (f"{folder}/" if folder else ""), addresses)
    for problem in problems:
        # A GitHub annotation; the built page is named, as it has no source line.
        print(f"::error title=linkchecker::{problem}")
    print(f"{len(addresses)} pages checked, {len(problems)} broken links.", file=sys.stderr)
    return 1 if problems else 0
