"""The project's command line: one command, `lscb`, with a subcommand for
each job (`python -m lscb_cli` is the same). The Makefile's targets call it;
`lscb --help` lists the subcommands, `lscb SUBCOMMAND --help` their options.

Not a Pelican plugin. Each subcommand is a module of this package with a
`main(argv)` that returns the exit status; the arguments after the
subcommand's name reach it exactly as given (so that `lscb register`, which
refuses terms on the command line, sees them and never echoes them).
"""

from __future__ import annotations

import importlib
import sys

# name: (module:function, one line for --help), in the order `lscb --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build:main", "build the site; the output folder changes only when every check passes"),
    "check": ("build:check", "run every check as a build does and change nothing (make check)"),
    "explain": ("explain:main", "explain one finding code: lscb explain PII001"),
    "checks-doc": ("checks_doc:main", "write docs/checks.md from the checks' docstrings"),
    "new": ("new:main", "start a new page: asks its type and title, writes a draft ready to edit"),
    "register": ("register:main", "a review's redaction register: add, remove, check, new-key"),
    "devserver": ("devserver:main", "preview the site and rebuild it, with every check, on each save"),
    "serve": ("serve:main", "serve the output folder as last built (no rebuild, no checks)"),
    "bench": ("bench:main", "time the checks against plain Pelican on generated sites"),
    "audit": ("audit:main", "audit the built site in a browser; write the accessibility results"),
    "screenshots": ("screenshots:main", "take screenshots of the built site in each display mode"),
    "check-links": ("check_links:main", "build the site as published, serve it and check every link"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ["usage: lscb SUBCOMMAND [options]   (lscb SUBCOMMAND --help for its options)", "", "subcommands:"]
    lines += [f"  {name:<{width}}  {about}" for name, (_target, about) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage(), file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        # Not echoed: a term typed in the wrong place must not be printed.
        print(f"lscb: unknown subcommand. The subcommands are: {', '.join(COMMANDS)}.", file=sys.stderr)
        return 2
    module, function = COMMANDS[name][0].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)(rest)
