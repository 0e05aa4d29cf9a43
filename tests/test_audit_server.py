"""The server the browser tests and `make audit` use (lscb_audit.serve): it
holds its port from the moment it is made, so a site can be built for that
port with no other program taking it in between, and it serves what is
built afterwards with the headers of the site's `_headers` file."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from lscb_audit.serve import Server


def _bind(port: int) -> None:
    with socket.socket() as other:
        # As the server itself does: a closed connection's TIME_WAIT does not
        # count, a socket still listening on the port does.
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        other.bind(("127.0.0.1", port))


def test_the_port_is_held_from_the_start_and_what_is_built_later_is_served(tmp_path):
    folder = tmp_path / "site"
    server = Server(folder)
    with pytest.raises(OSError):  # no other program can take the port now
        _bind(server.port)
    assert server.url == f"http://127.0.0.1:{server.port}/"
    with server as url:
        folder.mkdir()  # built after the port was chosen, as build_for_audit does
        (folder / "index.html").write_text("<p>Built for this port.</p>", encoding="utf-8")
        (folder / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.read() == b"<p>Built for this port.</p>"
            assert response.headers["X-Frame-Options"] == "DENY"
            assert response.headers["Cache-Control"] == "no-store"
    _bind(server.port)  # let go when the block ends


def test_a_server_never_started_lets_its_port_go_when_closed(tmp_path):
    server = Server(tmp_path)
    server.close()
    _bind(server.port)
