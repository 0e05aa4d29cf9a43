"""The preview's web server: the output folder, a page the fast path made
in its place until the full build after it finishes, and the reload script
added to every page as it is sent (never written into the output folder)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

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


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, adding the reload script to every page."""

    preview = None  # lscb_cli.devserver.preview.Preview

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
        # A page the fast path rendered, until the full build after it is done.
        fresh = self.preview.overlay_page(local / "index.html" if path.endswith("/") else local)
        if fresh is not None:
            return self._send(200, "text/html; charset=utf-8", _with_reload(fresh))
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
        self._send(code, "text/html; charset=utf-8", _with_reload(file.read_bytes()))

    def _devserver(self, name: str) -> None:
        if name == "status":
            return self._send(200, "application/json", self.preview.as_json())
        if name in ASSETS:
            return self._send(200, f"{ASSETS[name]}; charset=utf-8", (HERE / name).read_bytes())
        self.send_error(404)


def _with_reload(body: bytes) -> bytes:
    at = body.rfind(b"</head>")
    return body[:at] + RELOAD_TAG + body[at:] if at >= 0 else body + RELOAD_TAG


def serve(preview, bind: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer((bind, port), functools.partial(handler, directory=str(preview.output)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
