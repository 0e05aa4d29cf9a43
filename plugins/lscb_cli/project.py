"""Where the project's files are: the command line runs from a checkout
(an editable install, `pip install -e .`), whose folder holds the settings,
content/, docs/ and tools/."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"


def use_tools() -> None:
    """Make the browser audit library (tools/lscb_audit) importable. It is
    not part of the installed package: it needs the test extra's packages
    (Playwright, linkchecker) and the npm and Debian tools of the browser
    tests, so only the commands that drive a browser ask for it."""
    if not (TOOLS / "lscb_audit").is_dir():
        raise SystemExit(
            f"The browser audit library is not here ({TOOLS / 'lscb_audit'}): run this from a checkout of the project."
        )
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
