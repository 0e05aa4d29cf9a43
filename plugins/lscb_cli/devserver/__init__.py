"""The editors' live preview (`make devserver`, `lscb devserver`).

Builds the site with every check, serves it on 127.0.0.1, and rebuilds each
time a file under content/, theme/ or plugins/ (or a settings file) is saved.
Each rebuild prints its findings in the terminal exactly as `make html` does.
A build with errors changes nothing in the output folder (lscb_core.build),
so the preview keeps showing the last good site, and every open page shows a
banner with the problems instead. A page reloads itself after a good build.

The reload script is added to pages as they are served, never written into
the output folder, so nothing of the preview can reach the live site.
Builds run in a fresh process each time, so a change to a plugin or a
setting takes effect on the next save too.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import watchfiles

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
PREFIX = "/__devserver/"
ASSETS = {"reload.js": "text/javascript", "devserver.css": "text/css"}
RELOAD_TAG = f'<script src="{PREFIX}reload.js" defer></script>'.encode()
# Shown before the first good build, in place of a missing page.
PLACEHOLDER = (
    b'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
    b"<title>Preview</title></head><body><main><h1>No page here yet</h1>"
    b"<p>Either the site has not been built yet, or this address does not exist. "
    b"The terminal running make devserver says what happened.</p></main></body></html>"
)


@dataclass
class Status:
    version: int = 0  # counts finished builds
    ok: bool | None = None  # None until the first build has finished
    report: str = ""  # what the build printed: findings and the summary line
    changed: str = ""  # what was saved, for the banner


class Preview:
    """Runs builds one at a time and remembers how the last one went."""

    def __init__(self, settings: Path, output: Path, content: Path | None, out=sys.stdout):
        self.settings, self.output, self.content, self.out = settings, output, content, out
        self.status = Status()
        self.lock = threading.Lock()

    def command(self) -> list[str]:
        command = [
            sys.executable,
            "-m",
            "lscb_cli",
            "build",
            "--settings",
            str(self.settings),
            "--output",
            str(self.output),
        ]
        if self.content is not None:
            command += ["--content", str(self.content)]
        return command

    def rebuild(self, changed: str = "") -> Status:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        print(f"\n[{stamp}] {f'Saved: {changed}. ' if changed else ''}Building...", file=self.out, flush=True)
        done = subprocess.run(self.command(), cwd=ROOT, capture_output=True, text=True)
        # Pelican's progress lines ("Done: Processed ...") are noise here.
        lines = [
            line
            for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith(("Done: Processed", "and ", "-> "))
        ]
        report = "\n".join(lines)
        print(report, file=self.out, flush=True)
        if done.returncode != 0:
            print(
                "The preview still shows the last good build. Fix the problems above and save again.",
                file=self.out,
                flush=True,
            )
        with self.lock:
            self.status = Status(self.status.version + 1, done.returncode == 0, report, changed)
            return self.status

    def as_json(self) -> bytes:
        with self.lock:
            status = self.status
        return json.dumps(
            {"version": status.version, "ok": status.ok, "report": status.report, "changed": status.changed}
        ).encode()


def watched_paths(settings: Path, content: Path) -> list[Path]:
    candidates = [
        content,
        ROOT / "theme",
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


def _relevant(change: watchfiles.Change, path: str) -> bool:
    name = Path(path).name
    return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp", ".pyc")))


def watch(preview: Preview, paths: list[Path], stop: threading.Event) -> None:
    """Rebuild after each batch of saves, until `stop` is set."""
    for changes in watchfiles.watch(
        *paths, watch_filter=_relevant, debounce=300, step=50, stop_event=stop, raise_interrupt=False
    ):
        kinds: dict[str, set] = {}
        for change, path in changes:
            kinds.setdefault(path, set()).add(change)
        # An editor's temporary file, made and removed within one save.
        passing = {watchfiles.Change.added, watchfiles.Change.deleted}
        names = sorted(_display(Path(p)) for p, seen in kinds.items() if not passing <= seen)
        if not names:
            continue
        preview.rebuild(", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else ""))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, adding the reload script to every page."""

    preview: Preview

    def log_message(self, *args):  # the terminal is for findings
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(PREFIX):
            return self._devserver(path[len(PREFIX) :])
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            return self._page(local, 200)
        if not local.exists():
            missing = Path(self.directory) / "404.html"
            if missing.is_file():
                return self._page(missing, 404)
            return self._send(404, "text/html; charset=utf-8", PLACEHOLDER + RELOAD_TAG)
        return super().do_GET()

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _page(self, file: Path, code: int) -> None:
        body = file.read_bytes()
        at = body.rfind(b"</head>")
        body = body[:at] + RELOAD_TAG + body[at:] if at >= 0 else body + RELOAD_TAG
        self._send(code, "text/html; charset=utf-8", body)

    def _devserver(self, name: str) -> None:
        if name == "status":
            return self._send(200, "application/json", self.preview.as_json())
        if name in ASSETS:
            return self._send(200, f"{ASSETS[name]}; charset=utf-8", (HERE / name).read_bytes())
        self.send_error(404)


def serve(preview: Preview, bind: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer((bind, port), functools.partial(handler, directory=str(preview.output)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
    preview.rebuild()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        watch(preview, watched_paths(settings, content), stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        print("\nPreview stopped.", flush=True)
    return 0
