"""The live site is never built for the example address on a CI server.

publishconf.py takes the site's address from the LSCB_SITEURL environment
variable; when it is not set (or empty, as an unset CI variable is) it uses
the address written in the file, `SITEURL_WHEN_UNSET`, which a board may
edit but which starts as the demo's example address. On a CI server (the
CI environment variable is set, as GitHub Actions and other services do) the
variable must be set: a site built there is deployed, and a site built for
the example address has every feed, sitemap and absolute link pointing
elsewhere. Checked when the build starts, before anything is read.

On a board's own computer `make publish` without LSCB_SITEURL builds for the
address written in publishconf.py, as docs/deploying.md says.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.rules import Rule, Waiver

from ..settings_lines import assignment_line, settings_file


class SiteAddressNotSet(Rule):
    """Flags a publish-mode build on a CI server (environment variable `CI`
    set) when LSCB_SITEURL is not set or is empty, so that the site would be
    built for the address written in publishconf.py (the example address,
    unless the board changed it) instead of the one it is served from.

    ## Why it matters
    The deployed site would link its feeds, sitemap and every absolute link
    to the wrong address: pages served from a sub-folder (a GitHub project
    site) would lose their styles and links. An unset repository variable
    is easy to miss; the build says so instead.

    ## Example
    GitHub Actions runs `make publish` with

        LSCB_SITEURL: ${{ vars.LSCB_SITEURL }}

    and the repository has no variable of that name.

    ## Use instead
    Set the variable: Settings > Secrets and variables > Actions > Variables
    > New repository variable, `LSCB_SITEURL`, the address readers use
    without a slash at the end (docs/deploying.md).

    ## Known limitations
    Only the environment variable counts on a CI server: an address written
    in publishconf.py is used on a board's own computer only. A wrong but
    set address is not detected.
    """

    code = "CFG002"
    name = "site-address-not-set"
    waiver = Waiver.NEVER
    stage = "start"


def on_ci_server() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def check_start(settings) -> Iterable[Finding]:
    if settings.get("LSCB_MODE") != "publish" or not on_ci_server():
        return
    fallback = settings.get("SITEURL_WHEN_UNSET")
    if fallback is None or os.environ.get("LSCB_SITEURL", "").strip():
        return
    if str(settings.get("SITEURL") or "").rstrip("/") != str(fallback).rstrip("/"):
        return  # set for this build (lscb check-links serves the site locally)
    path = settings_file(settings, "publishconf.py")
    yield SiteAddressNotSet.at(
        path,
        assignment_line(path, "SITEURL"),
        "LSCB_SITEURL is not set on this CI server: no address to build for",
        "set the LSCB_SITEURL variable to the site's address (docs/deploying.md)",
    )
