"""Publication checks: nothing that identifies a child, nothing unfinished and
nothing inaccessible is published. registry.py lists every check."""

from pelican import signals

from .runner import run_output_stage, run_source_stage
from .text import prefetch


def register():
    # While Pelican reads the Markdown, a second process reads the PDFs.
    signals.initialized.connect(prefetch.start)
    # After every file is read and before anything is written: source checks,
    # so unsafe content never reaches disk. Connected after the other plugins,
    # so their own findings are judged here too.
    signals.all_generators_finalized.connect(run_source_stage)
    # After everything is written to the staging folder: links, anchors, ids.
    signals.finalized.connect(run_output_stage)
