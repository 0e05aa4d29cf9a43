"""Site search: a pagefind index of the published pages, built with the site
and served as plain files (no server, no third-party service)."""

from pelican import signals

from .indexer import build_index


def register():
    # After everything is written to the staging folder, and after the
    # publication checks' output stage (this plugin is listed after
    # lscb_checks): a site that fails a check is never indexed.
    signals.finalized.connect(build_index)
