"""The Nu HTML Checker (vnu.jar) over every built HTML file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .problems import Problem
from .tools import VNU_JAR, java


def run_vnu(folder: Path) -> list[Problem]:
    """Every error vnu reports, with the page and the line."""
    done = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(done.stderr or done.stdout)["messages"]
    except (ValueError, KeyError):
        return [Problem("", "vnu", "", f"vnu failed ({done.returncode}): {(done.stderr or done.stdout)[-500:]}")]
    problems = []
    for message in messages:
        url = message.get("url", "")
        path = Path(url.removeprefix("file:"))
        try:
            rel = path.relative_to(folder.resolve()).as_posix()
        except ValueError:
            rel = path.name
        address = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        line = message.get("lastLine") or message.get("firstLine")
        extract = " ".join((message.get("extract") or "").split())[:60]
        problems.append(
            Problem(address, "vnu", f"line {line}" + (f" `{extract}`" if extract else ""), message.get("message", ""))
        )
    return problems
