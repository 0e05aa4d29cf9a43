"""Build the site as it is published, for a server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from .tools import ROOT


def build_for_audit(output: Path, port: int, content: Path | None = None, today: str | None = None, folder: str = ""):
    """Build with publishconf.py (publish mode, every check) into `output`,
    with SITEURL pointing at http://127.0.0.1:<port>, or at
    http://127.0.0.1:<port>/<folder> for a site served from a folder (a
    GitHub project site), so that every absolute link stays on the test
    server. Returns lscb_core.build's BuildResult."""
    from lscb_core.build import build

    address = f"http://127.0.0.1:{port}" + (f"/{folder.strip('/')}" if folder.strip("/") else "")
    overrides = {"SITEURL": address, "FEED_DOMAIN": address}
    if content is not None:
        overrides["PATH"] = str(content)
    if today is not None:
        overrides["LSCB_TODAY"] = today
    return build(ROOT / "publishconf.py", output, overrides=overrides)


def pages(folder: Path) -> list[str]:
    """The address of every HTML page under the site root, as a reader would
    type it: guidance/roles-of-agencies/ for .../index.html."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        found.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return found


def samples(addresses: list[str]) -> list[str]:
    """One page of each kind (each template): the first page of each folder
    at each depth, and every standard page. For checks that press keys on a
    page and would take minutes on every page."""
    kinds: dict[tuple, str] = {}
    for address in addresses:
        parts = address.rstrip("/").split("/")
        kinds.setdefault((parts[0], len(parts)) if len(parts) > 1 else (address,), address)
    return list(kinds.values())


def page_file(folder: Path, address: str) -> Path:
    """The built file of an address that pages() gave."""
    return folder / (address + "index.html" if address == "" or address.endswith("/") else address)
