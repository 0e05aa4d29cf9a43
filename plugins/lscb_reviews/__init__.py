"""Case reviews: the publication gate, retention, the full report, and
theme pages for the review library."""

from pelican import signals

from lscb_core.build_state import begin
from lscb_core.plugin_order import check_order

from .gate import apply_gate
from .leak_guard import check_output
from .themes import get_generators
from .withheld_files import withhold_files


def register():
    # When Pelican starts, before any other receiver: a fresh build state,
    # and PLUGINS checked (every lscb plugin connects both; each runs once).
    signals.initialized.connect(begin)
    signals.initialized.connect(check_order)
    # Before categories, feeds and dates are built from the article list.
    signals.article_generator_pretaxonomy.connect(apply_gate)
    # Once every page is read and the static files are listed, before
    # anything is written (and before lscb_checks judges the findings): the
    # files of reviews that are not published are taken out, in any form.
    signals.all_generators_finalized.connect(withhold_files)
    # One page per review theme, written with the other pages.
    signals.get_generators.connect(get_generators)
    # After everything is written to the staging folder: prove nothing leaked.
    signals.finalized.connect(check_output)
