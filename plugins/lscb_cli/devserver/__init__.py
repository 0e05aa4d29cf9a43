"""The editors' live preview (`make devserver`, `lscb devserver`).

Builds the site with every check, serves it on 127.0.0.1, and rebuilds each
time a file under content/, theme/ or plugins/ (or a settings file) is saved.
Each build prints its findings in the terminal exactly as `make html` does.
A build with errors changes nothing in the output folder (lscb_core.build),
so the preview keeps showing the last good site, and every open page shows a
banner with the problems instead. A page reloads itself after a good build.

A save of one Markdown page whose change stays on that page (its text, its
title or summary) is shown at once: the fast path (fast.py) reads the file
again against the site kept in this process (kept.py), runs every check that
concerns it and renders it; a page with an error is not shown, the banner
is. The full build follows in the background every time (preview.py), and
its output is what is served once it finishes. Any other save (a new or
deleted file, a template, a picture, a review's header) waits for the full
build, as before.

The reload script is added to pages as they are served, never written into
the output folder, and a page of the fast path is kept in memory, so nothing
of the preview can reach the live site. Full builds run in a fresh process
each time, so a change to a plugin or a setting takes effect on the next
save too (the fast path is then off until the preview is restarted).
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import watchfiles

from .preview import ROOT, Preview, Status
from .server import serve

__all__ = ["Preview", "Status", "main", "serve", "watch"]


def watched_paths(settings: Path, content: Path) -> list[Path]:
    candidates = [
        content,
        ROOT / "theme",
        _theme(settings, content),
        ROOT / "plugins",
        settings,
        ROOT / "pelicanconf.py",
        ROOT / "redaction-allowlist.toml",
    ]
    unique = []
    for path in candidates:
        if path.exists() and path not in unique:
            unique.append(path)
    return unique


def _theme(settings: Path, content: Path) -> Path:
    """The theme the settings name (the project's own, or a board's copy)."""
    from pelican.settings import read_settings

    try:
        return Path(read_settings(str(settings), override={"PATH": str(content)})["THEME"]).resolve()
    except Exception:  # the full build reports settings it cannot read
        return ROOT / "theme"


def _relevant(change: watchfiles.Change, path: str) -> bool:
    name = Path(path).name
    return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp", ".pyc")))


def watch(preview: Preview, paths: list[Path], stop: threading.Event) -> None:
    """Hand each batch of saves to the preview, until `stop` is set."""
    for changes in watchfiles.watch(
        *paths, watch_filter=_relevant, debounce=300, step=50, stop_event=stop, raise_interrupt=False
    ):
        kinds: dict[str, set] = {}
        for change, path in changes:
            kinds.setdefault(path, set()).add(change)
        # An editor's temporary file, made and removed within one save.
        passing = {watchfiles.Change.added, watchfiles.Change.deleted}
        saved = sorted(p for p, seen in kinds.items() if not passing <= seen)
        if not saved:
            continue
        # A file added or deleted never takes the fast path (fast.refuse:
        # the kept site does not have it, or the file is gone); an editor
        # that saves by writing a new file in its place does take it.
        paths_saved = [Path(p) for p in saved]
        preview.saved(paths_saved, [_display(p) for p in paths_saved])


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="lscb devserver", description="Preview the site and rebuild it on every save."
    )
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", help="content folder (default: PATH in the settings)")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    settings = Path(args.settings).resolve()
    output = Path(args.output).resolve()
    content = Path(args.content).resolve() if args.content else (ROOT / "content")
    preview = Preview(settings, output, content if args.content else None)
    output.mkdir(parents=True, exist_ok=True)
    try:
        server = serve(preview, args.bind, args.port)
    except OSError as error:
        print(
            f"devserver: cannot listen on {args.bind}:{args.port}: {error.strerror}.\n"
            f"    hint: another preview may be running; stop it, or use PORT=8001 make devserver",
            file=sys.stderr,
        )
        return 2
    url = f"http://{args.bind}:{server.server_address[1]}/"
    print(f"Preview at {url} (press Ctrl+C to stop). Rebuilding whenever a file is saved.", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    for work in (preview.builder, preview.reader):
        threading.Thread(target=work, args=(stop,), daemon=True).start()
    try:
        watch(preview, watched_paths(settings, content), stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        print("\nPreview stopped.", flush=True)
    return 0
