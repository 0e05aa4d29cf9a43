"""linkchecker over the served site: every page a start URL, anchors checked."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .problems import Problem
from .tools import linkchecker

# Internal links only (the test machine has no internet, and other sites are
# not ours to fix); #fragments checked against the ids of the target page.
#
# linkchecker waits 0.1 to 0.6 s between two requests to one host unless the
# host answers with a `LinkChecker` header (the audit server does:
# lscb_audit.serve); then it keeps to maxrequestspersecond, here high enough
# not to wait. Without it the demo's 31 pages took 66 s, nearly all waiting.
_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
[csv]
separator=;
"""


def run_linkchecker(base_url: str, addresses: list[str]) -> list[Problem]:
    """Broken links and missing anchors on every page. linkchecker follows
    links only from its start URLs, so every page is one (depth 1: each
    page's own links are checked, nothing further)."""
    with tempfile.TemporaryDirectory(prefix="lscb-linkchecker-") as folder:
        config = Path(folder) / "linkcheckerrc"
        # Every address of the test server is the site's: served from a
        # folder (http://127.0.0.1:8000/website/), a link to /guidance/ that
        # misses the folder must be checked (and found broken), not skipped
        # as another site's.
        parts = urlsplit(base_url)
        host = re.escape(f"{parts.scheme}://{parts.netloc}/")
        config.write_text(_CONFIG.replace("checkextern=0\n", f"checkextern=0\ninternlinks=^{host}\n"), encoding="utf-8")
        done = subprocess.run(
            [
                linkchecker(),
                "-f",
                str(config),
                "--no-status",
                "--no-robots",
                "-o",
                "csv",
                "-r",
                "1",
                *[base_url + address for address in addresses],
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    if done.returncode not in (0, 1):
        return [Problem("", "linkchecker", "", f"linkchecker failed ({done.returncode}): {done.stderr[-500:]}")]
    rows = csv.DictReader(
        io.StringIO("\n".join(line for line in done.stdout.splitlines() if line and not line.startswith("#"))),
        delimiter=";",
    )
    problems, seen = [], set()
    for row in rows:
        broken = row["valid"] == "False"
        anchor = "Anchor `" in (row["warningstring"] or "")
        if not (broken or anchor):
            continue
        parent = urlsplit(row["parentname"] or "").path.lstrip("/")
        key = (parent, row["urlname"])
        if key in seen:
            continue
        seen.add(key)
        what = row["result"] if broken else row["warningstring"].split(" Available anchors")[0]
        problems.append(Problem(parent, "linkchecker", f'line {row["line"]} <a href="{row["urlname"]}">', what))
    return problems
