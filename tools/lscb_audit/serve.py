"""Serve a built site on 127.0.0.1, as a static host would: with the headers
of the site's `_headers` file (the format Netlify and Cloudflare Pages read),
so the browser tests and the audit run under the live security policy."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """`_headers`: a line with an address pattern (`/*`, `/reviews/*`, `/`),
    then indented `Name: value` lines for it. [(pattern, [(name, value)])]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, address: str) -> list[tuple[str, str]]:
    found = []
    for pattern, headers in rules:
        if pattern == address or (pattern.endswith("*") and address.startswith(pattern[:-1])):
            found += headers
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # Every test load is fresh: a cached copy must not hide a change.
        self.send_header("Cache-Control", "no-store")
        # linkchecker (lscb_audit.links) throttles itself to about three
        # requests a second on a host that does not send this header.
        self.send_header("LinkChecker", "local audit server")
        # Read on every request: a test may change the file in a copy of the site.
        rules = read_headers_file(Path(self.directory) / "_headers")
        for name, value in headers_for(rules, urlsplit(self.path).path):
            self.send_header(name, value)
        super().end_headers()


class Server:
    """`with Server(folder) as base_url:` serves the folder until the block ends.

    The socket is bound when the Server is made, on a port the system picks
    (port 0) unless one is given: `server.port` is known, and held, before
    anything is built for it, so no other program can take it in between. The
    folder is read on each request, so it may be built after that."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.port: int = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.close()

    def close(self) -> None:
        """Let the port go (after the block, or when the block never ran)."""
        self.httpd.server_close()
