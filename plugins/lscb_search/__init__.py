"""Site search: a pagefind index of the published pages, built with the site
and served as plain files (no server, no third-party service)."""

from pelican import signals

from lscb_core.build_state import begin
from lscb_core.plugin_order import check_order

from .indexer import build_index


def register():
    # When Pelican starts, before any other receiver: a fresh build state,
    # and PLUGINS checked (every lscb plugin connects both; each runs once).
    signals.initialized.connect(begin)
    signals.initialized.connect(check_order)
    # After everything is written to the staging folder, before the
    # publication checks' output stage (this plugin is listed before
    # lscb_checks), whose final gate reads the index too.
    signals.finalized.connect(build_index)
