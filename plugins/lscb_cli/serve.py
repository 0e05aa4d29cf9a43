"""Serve the output folder exactly as last built (`make serve`): no
rebuild and no checks. `lscb devserver` rebuilds on every save instead.

Usage: lscb serve [--output output] [--bind 127.0.0.1] [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lscb serve", description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not Path(args.output).is_dir():
        print(f"Nothing to serve in {args.output}/: build the site first with make html.", flush=True)
        return 1
    print(
        f"Serving {args.output}/ on http://{args.bind}:{args.port}/ (Ctrl+C to stop; make devserver rebuilds on save).",
        flush=True,
    )
    import pelican

    # What `pelican --listen` does: the settings are read (pelicanconf.py in
    # the current folder), then the folder is served.
    pelican.main(["--listen", "--bind", args.bind, "--port", str(args.port), "--output", args.output])
    return 0
