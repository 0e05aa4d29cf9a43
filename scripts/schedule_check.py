#!/usr/bin/env python3
"""Warn when the repository has been quiet long enough for GitHub to turn
off the daily run.

GitHub turns off a public repository's scheduled workflows after 60 days
with no activity. The daily run lifts embargoes and takes reviews down at
the end of their retention period, so a schedule that stops means a review
that stays up. The daily run keeps itself enabled through the API
(.github/workflows/site.yml, job keep-alive); this check is the second line:
it prints a warning (a GitHub annotation in a workflow run) when the last
commit is older than --warn-after days. It always exits 0: a quiet
repository is not an error.

    python3 scripts/schedule_check.py --warn-after 50 [--today YYYY-MM-DD]

See docs/deploying.md, "Keeping the daily run alive".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import UTC, date, datetime

DISABLED_AFTER = 60  # days, GitHub's rule for public repositories


def last_commit_day(folder: str = ".") -> date:
    """The day (UTC) of the last commit of the checked-out branch."""
    done = subprocess.run(
        ["git", "-C", folder, "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
    )
    return datetime.fromtimestamp(int(done.stdout.strip()), tz=UTC).date()


def warning(quiet_days: int, warn_after: int) -> str:
    """The warning for a repository quiet for `quiet_days`, or ''."""
    if quiet_days < warn_after:
        return ""
    left = DISABLED_AFTER - quiet_days
    when = f"in {left} day(s)" if left > 0 else "now"
    return (
        f"No commit for {quiet_days} days: GitHub may turn off the daily run {when}, "
        "and then embargoes and retention periods stop ending. Check Actions > Site "
        "(Enable workflow if it is off), or merge any change. See docs/deploying.md."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="schedule_check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--warn-after", type=int, default=50, help="days without a commit before warning")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the day to check as (YYYY-MM-DD)")
    parser.add_argument("--repo", default=".", help="the repository's folder")
    args = parser.parse_args(argv)
    today = args.today or datetime.now(UTC).date()
    quiet = (today - last_commit_day(args.repo)).days
    message = warning(quiet, args.warn_after)
    if not message:
        print(f"Last commit {quiet} day(s) ago: the daily run stays on.")
        return 0
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(f"::warning title=The daily run may stop::{message}")
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(f"**Warning:** {message}\n")
    else:
        print(f"warning: {message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
