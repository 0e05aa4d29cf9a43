"""Publication checks: nothing that identifies a child, nothing unfinished and
nothing inaccessible is published. registry.py lists every check."""

from pelican import signals

from lscb_core.build_state import begin
from lscb_core.plugin_order import check_order

from . import beside
from .earlier_versions import vet_earlier_versions
from .published import early, stream
from .runner import run_output_stage, run_source_stage, run_start_stage
from .text import prefetch


def register():
    # When Pelican starts, before any other receiver: a fresh build state,
    # and PLUGINS checked (every lscb plugin connects both; each runs once).
    signals.initialized.connect(begin)
    signals.initialized.connect(check_order)
    # When Pelican starts, before it reads or copies any file (it follows
    # symbolic links): connected before the workers start, so a stop leaves
    # nothing running.
    signals.initialized.connect(run_start_stage)
    # While Pelican reads the Markdown, a second process reads the PDFs.
    signals.initialized.connect(prefetch.start)
    # ... and a third reads each item's body for the final gate as it is made.
    signals.initialized.connect(early.start)
    signals.content_object_init.connect(early.read)
    # Earlier versions of guidance, read by today's checks before the source
    # stage and before anything is written: one that fails is left out.
    signals.all_generators_finalized.connect(vet_earlier_versions)
    # After every file is read and before anything is written: source checks,
    # so unsafe content never reaches disk. Connected after the other plugins,
    # so their own findings are judged here too.
    signals.all_generators_finalized.connect(run_source_stage)
    # Each page as it is written, to the final gate's second process.
    signals.content_written.connect(stream.written)
    # Once the pages are written: the source checks run beside the writing are judged.
    signals.get_generators.connect(beside.generator)
    # After everything is written to the staging folder (the search index too):
    # links, anchors, ids, and every file and path of the site read as a reader would.
    signals.finalized.connect(run_output_stage)
