"""The source checks in a second process, beside Pelican writing the pages.

The source checks need every file read, so they start when Pelican has read
the last one (`all_generators_finalized`), and on one core Pelican waits for
them before it writes anything. But what Pelican writes goes into a staging
folder that nobody is served (lscb_core.build), and it replaces output/ only
after every check has passed. So on a machine with two cores the checks run
in a forked process, with the site as it was read, while Pelican renders and
writes the pages into the staging folder. Their findings are judged once the
pages and listings are written, before Pelican copies the static files and
before any plugin reads or indexes the built site (`generator`, a generator
Pelican runs after the others), exactly as they would have been: an error
stops the build there, the staging folder is deleted and output/ is left as
it was. Nothing is published earlier or with fewer checks.

If the process cannot be forked, dies or sends nothing, the checks are run
in the build process at that point, as on one core. The PDFs read ahead
(text/prefetch.py) are handed over only when they are finished: a forked
process cannot wait for another's pool.
"""

from __future__ import annotations

from .forking import Forked, fork_call

_worker: Forked | None = None


def start(run) -> bool:
    """Fork a process that calls run() and sends back what it returns.
    False when no process could be forked (the caller runs it itself)."""
    global _worker
    stop()
    _worker = fork_call(run)
    return _worker is not None


def result():
    """What run() returned in the second process, or None if it failed."""
    global _worker
    worker, _worker = _worker, None
    return worker.result() if worker is not None else None


def stop() -> None:
    """Stop a process left by a build that stopped half-way."""
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        worker.stop()


def generator(pelican):
    """Pelican's `get_generators`: a generator that Pelican runs after those
    that write the pages and listings, and before it copies the static files
    and plugins read the built site (`finalized`). The source checks running
    beside the writing are judged there, so that an error stops the build
    before anything reads or indexes the output."""
    from pelican.generators import Generator

    from .runner import join_source_stage

    class _Judge(Generator):
        def generate_context(self) -> None:
            pass

        def generate_output(self, writer) -> None:
            join_source_stage(self.settings)

    return _Judge
