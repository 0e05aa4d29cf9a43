"""Case reviews: the publication gate, retention, the full report, and
theme pages for the review library."""

from pelican import signals

from .gate import apply_gate, drop_blocked_static
from .leak_guard import check_output
from .themes import get_generators


def register():
    # Before categories, feeds and dates are built from the article list.
    signals.article_generator_pretaxonomy.connect(apply_gate)
    # Files of blocked reviews are removed whichever way they were found.
    signals.static_generator_finalized.connect(drop_blocked_static)
    # One page per review theme, written with the other pages.
    signals.get_generators.connect(get_generators)
    # After everything is written to the staging folder: prove nothing leaked.
    signals.finalized.connect(check_output)
