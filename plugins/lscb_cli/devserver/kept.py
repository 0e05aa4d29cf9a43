"""The site read once and kept in the preview's process, for the fast path.

Pelican reads every file with every plugin (readers, the publication gate,
versions, translations, glossary links, earlier versions, the source checks)
exactly as in `lscb build`, and stops just before it would write anything:
what the preview keeps is Pelican's settings, its generators (their context,
readers and Jinja environment) and every content object as the build would
render it. lscb_cli.devserver.fast re-reads one saved file against it.

Nothing is written: a small subclass of Pelican stops at the point where it
would make its writer. The source checks of lscb_checks still run (they may
leave out an earlier version of guidance, which changes what is rendered);
their findings are the full build's to report, not this reading's.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.log import console
from pelican.settings import read_settings

from lscb_core.articles import content_objects
from lscb_core.build import _Collector, _reset_pelican_log_dedup
from lscb_core.build_state import state_if_begun
from lscb_core.findings import BuildStopped

_reading = threading.local()  # the generators made by the Pelican reading in this thread


class _StopBeforeWriting(Exception):
    pass


class _ReadingPelican(Pelican):
    """Pelican, stopping where it would start writing."""

    def _get_writer(self):
        raise _StopBeforeWriting


def _keep_generator(generator) -> None:
    made = getattr(_reading, "generators", None)
    if made is not None:
        made.append(generator)


signals.generator_init.connect(_keep_generator)


@dataclass
class Kept:
    """One reading of the whole site."""

    pelican: Pelican
    settings: dict
    generators: list
    # content/-relative source path (forward slashes) -> (object, name of its list, its generator)
    objects: dict[str, tuple[object, str, object]]
    items: list  # lscb_core.content_item.Item of every content object, as the source checks saw them
    cache: dict = field(default_factory=dict)  # what the fast path works out once (the glossary)
    output: Path | None = None  # the folder the full builds write and the preview serves

    @property
    def site_mode(self):
        from lscb_core.mode import mode

        return mode(self.settings)

    def find(self, relative: str):
        return self.objects.get(relative)

    def items_with(self, old, item) -> list:
        """Every item the checks saw in the reading (lscb_core.site), with
        `item` in the place of the one of `old`."""
        return [item if known.obj is old else known for known in self.items]

    def replace(self, relative: str, new, item) -> None:
        """Put a re-read object in the place of the old one, in its
        generator's list, in the shared context (links to it) and among
        the items the checks see."""
        old, list_name, generator = self.objects[relative]
        self.items = self.items_with(old, item)
        items = getattr(generator, list_name)
        items[:] = [new if obj is old else obj for obj in items]
        generator.context["generated_content"][old.get_relative_source_path()] = new
        self.objects[relative] = (new, list_name, generator)


def read_site(settings_path: Path, overrides: dict, output: Path | None = None) -> Kept | None:
    """Read the site as `lscb build` would, without writing; None when
    Pelican stops before every file has been read (the full build says why).

    The Markdown cache (lscb_content.markdown_cache) is kept beside the
    output folder Pelican is given: the reading is given a folder beside
    `output`, so it shares the full build's cache, which each full build
    rewrites with the files of the day. Never beside a folder of the
    system's temporary folder, where the text of every page (withheld
    reviews too) would stay after the preview stops and the files are
    fixed. With no `output`, the cache is inside the scratch folder and
    goes with it."""
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".lscb-preview-read-", dir=output.parent if output is not None else None))
    target = scratch if output is not None else scratch / "output"
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    quiet, console.quiet = console.quiet, True
    _reset_pelican_log_dedup()
    _reading.generators = []
    try:
        settings = read_settings(str(settings_path), override={**overrides, "OUTPUT_PATH": str(target)})
        pelican = _ReadingPelican(settings)
        try:
            pelican.run()
        except _StopBeforeWriting:
            pass
        except BuildStopped as stop:
            # The source checks found an error: every file was read and every
            # other plugin has done its work (lscb_checks runs last).
            if not stop.findings or not _reading.generators:
                return None
            for generator in _reading.generators:
                if hasattr(generator, "refresh_metadata_intersite_links"):
                    generator.refresh_metadata_intersite_links()
        generators = [g for g in _reading.generators if g.settings is settings]
        if not generators:
            return None
        objects = {}
        for generator in generators:
            for obj, list_name in content_objects([generator]):
                objects[obj.get_relative_source_path().replace("\\", "/")] = (obj, list_name, generator)
        state = state_if_begun(settings)
        if state is None or state.site is None:
            return None
        return Kept(pelican, settings, generators, objects, list(state.site.items), output=output)
    except Exception:  # the full build reports what went wrong
        return None
    finally:
        _reading.generators = None
        _stop_checks_workers()
        console.quiet = quiet
        root.removeHandler(collector)
        shutil.rmtree(scratch, ignore_errors=True)


def _stop_checks_workers() -> None:
    """lscb_checks starts second processes while Pelican reads (the early
    reader of bodies, the PDF reader, the source checks beside the writing,
    the reader of pages as written); the build stops them once it has
    written, which this reading never does."""
    from lscb_checks import beside
    from lscb_checks.published import early, stream
    from lscb_checks.text import prefetch

    for stop in (stream.stop, beside.stop, early.stop, prefetch.stop):
        try:
            stop()
        except Exception:
            pass
