"""What Pelican itself could not do: a content file it could not read
(BLD001), and an error that stopped the build or that Pelican logged and no
other check explains (BLD005).

Declared here; found and reported by code from the build itself
(lscb_core.pelican_log, called by lscb_core.build once Pelican has run),
since lscb_core imports no plugin.
"""

from __future__ import annotations

from lscb_core.rules import Rule, Waiver


class ContentUnreadable(Rule):
    """Flags a content file that Pelican could not read, or that lacks a
    field every page must have (`Title`, and `Date` for articles).

    ## Why it matters
    Pelican on its own would drop the page silently and publish the rest of
    the site without it.

    ## Example
        Date: 2026-01-01
        Summary: A page without a title.

    ## Use instead
        Title: Working with schools
        Date: 2026-01-01
        Summary: How the board works with schools.

    ## Known limitations
    The reason is Pelican's own error, which is sometimes technical; the line
    is always 1.
    """

    code = "BLD001"
    name = "content-unreadable"
    waiver = Waiver.NEVER


class BuildError(Rule):
    """Flags an error that stopped the build, or that Pelican logged, that
    no other check explains: a page Pelican skipped, a setting or plugin
    that failed.

    ## Why it matters
    Pelican on its own may print the error among other messages, drop a
    page and still report success, or stop half-way with an error about a
    temporary file. Here the build stops, nothing is published, and the
    error is counted in the summary and in every output format, so a
    build in CI never says "0 errors" when it failed.

    ## Example
        Title: Old address
        Save_as: ../old-address.html

    ## Use instead
        Title: Old address
        Save_as: old-address.html

    ## Known limitations
    The message is Pelican's own, cut to fit one line (`--verbose` prints
    it in full), and sometimes technical. When it names a page, the finding
    is on that page (on the field it quotes, if any); otherwise it is on
    line 1 of the settings file.
    """

    code = "BLD005"
    name = "build-error"
    waiver = Waiver.NEVER
