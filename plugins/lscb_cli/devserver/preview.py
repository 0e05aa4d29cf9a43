"""What the preview knows and does on a save: the fast path when it can, and
always the full checked build after it, in the background.

A full build is `lscb build` in a fresh process, as `make html` runs it:
it swaps the output folder only when every check passed (lscb_core.build),
so a failed build leaves the last good site. Builds run one at a time; saves
made during one are built together by the next.

A page the fast path made (lscb_cli.devserver.fast) is kept in memory, never
in the output folder, and served in place of the output folder's copy until
a full build that started after the save has finished, whatever its result:
then the output folder is what is served again.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from lscb_core import report as report_text

from .fast import fast_path, refuse, site_links, warm
from .kept import Kept, read_site

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Status:
    version: int = 0  # counts what changed the preview: each full build, each page of the fast path
    ok: bool | None = None  # None until the first build has finished
    report: str = ""  # what the last build or check printed: findings and the summary line
    changed: str = ""  # what was saved, for the banner
    elsewhere: str = ""  # the broken links of a page shown at once, with other pages (fast.site_links)


class Preview:
    """Runs builds one at a time and remembers how the last one went."""

    def __init__(self, settings: Path, output: Path, content: Path | None, out=sys.stdout):
        self.settings, self.output, self.content, self.out = settings, output, content, out
        self.content_folder = content or (ROOT / "content")
        self.status = Status()
        self.lock = threading.Lock()
        self.saves = 0  # saves handled so far
        self.overlay: dict[str, tuple[bytes, int]] = {}  # output path -> (fast page, the save that made it)
        self.kept: Kept | None = None
        self.kept_wanted = 0  # the save after which the kept site must be read again (0: at start)
        self.fast_off = ""  # why the fast path is off for the rest of the session
        self.wanted = 0  # the last save a full build must include
        self.built = -1  # the last save the finished full builds include
        self.wake = threading.Condition(self.lock)
        self.changed_since_build: list[str] = []
        self.shown = None  # the page the fast path just showed, until its links are checked

    # -- the full build -------------------------------------------------
    def command(self) -> list[str]:
        command = [sys.executable, "-m", "lscb_cli", "build", "--settings", str(self.settings)]
        command += ["--output", str(self.output)]
        if self.content is not None:
            command += ["--content", str(self.content)]
        return command

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def full_build(self, changed: str = "") -> Status:
        """One full checked build, now, in this thread."""
        with self.lock:
            upto = self.saves
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.say(f"\n[{stamp}] {f'Saved: {changed}. ' if changed else ''}Building the whole site with every check...")
        done = subprocess.run(self.command(), cwd=ROOT, capture_output=True, text=True)
        # Pelican's progress lines ("Done: Processed ...") are noise here.
        lines = [
            line
            for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not line.startswith(("Done: Processed", "and ", "-> "))
        ]
        report = "\n".join(lines)
        self.say(report)
        if done.returncode != 0:
            self.say("The preview still shows the last good build. Fix the problems above and save again.")
        with self.lock:
            # The output folder now holds every save up to `upto` (or, after
            # a failure, the last good site): pages the fast path made for
            # those saves give way to it.
            self.overlay = {rel: kept for rel, kept in self.overlay.items() if kept[1] > upto}
            self.built = upto
            self.status = Status(self.status.version + 1, done.returncode == 0, report, changed)
            self.wake.notify_all()
            return self.status

    def builder(self, stop: threading.Event) -> None:
        """The background thread of full builds: one whenever a save asks."""
        while not stop.is_set():
            with self.lock:
                while self.built >= self.wanted and not stop.is_set():
                    self.wake.wait(0.5)
                if stop.is_set():
                    return
                names, self.changed_since_build = self.changed_since_build, []
            self.full_build(", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else ""))

    def reader(self, stop: threading.Event) -> None:
        """The background thread that reads the whole site into this
        process for the fast path: at start (beside the first full build),
        and after a save the fast path did not take, once the full build
        is done (it would only slow it down)."""
        while not stop.is_set():
            with self.lock:
                while not stop.is_set() and not self._kept_due():
                    self.wake.wait(0.5)
                if stop.is_set():
                    return
                self.kept_wanted = -1
            overrides = {"PATH": str(self.content)} if self.content is not None else {}
            started = time.monotonic()
            kept = read_site(self.settings, overrides, self.output)
            if kept is not None:
                try:
                    warm(kept)
                except Exception:  # a save of that page will say what is wrong
                    pass
            with self.lock:
                if self.kept_wanted >= 0 or self.fast_off:  # saved again while reading: read again
                    continue
                self.kept = kept
            if kept is None:
                self.say("Instant previews are off until the site can be read without errors.")
            else:
                self.say(f"Ready for instant previews (the site was read in {time.monotonic() - started:.1f} s).")

    def _kept_due(self) -> bool:
        if self.fast_off or self.kept is not None or self.kept_wanted < 0:
            return False
        return self.kept_wanted == 0 or self.built >= self.wanted

    def request_full_build(self, names: list[str]) -> None:
        with self.lock:
            self.wanted = self.saves
            self.changed_since_build = [*self.changed_since_build, *names]
            self.wake.notify_all()

    # -- a save ---------------------------------------------------------
    def saved(self, paths: list[Path], names: list[str]) -> None:
        """What the watcher saw saved (one batch): the fast path for one
        Markdown file when it can, then always a full build."""
        with self.lock:
            self.saves += 1
            save = self.saves
            kept = self.kept
        relative = self._content_relative(paths[0]) if len(paths) == 1 else None
        why = self.fast_off or ("several files" if len(paths) > 1 else "")
        if not why:
            why = "not under the content folder" if relative is None else refuse(kept, relative)
        if not why:
            why = self._fast(kept, relative, save, names)
        if why:
            self._stale(paths, save)
            self.say(f"\n{names[0] if len(names) == 1 else 'These files'}: the full build ({why}).")
        self.request_full_build(names)
        self._site_links()

    def _fast(self, kept: Kept, relative: str, save: int, names: list[str]) -> str:
        started = time.monotonic()
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        outcome, why = fast_path(kept, relative)
        if outcome is None:
            return why
        with self.lock:
            # A full build that includes this save finished while the page
            # was checked: what it made, or refused, is what is shown (no
            # other build follows to take a page shown now away again).
            late = self.built >= save
        if late:
            return ""
        report = report_text.render(outcome.findings)
        self.say(f"\n[{stamp}] Saved: {names[0]}. Checked the page in {time.monotonic() - started:.2f} s.")
        self.say(report)
        with self.lock:
            if outcome.ok:
                self.overlay[outcome.save_as] = (outcome.body, save)
            self.status = Status(self.status.version + 1, outcome.ok, report, names[0])
        if outcome.ok:
            self.say("Showing the page now; the whole site is being built and checked in the background.")
            self.shown = (kept, outcome, save, names[0])  # its links are checked next (site_links)
        else:
            self.say("The preview still shows the last good build. Fix the problems above and save again.")
        return ""

    def _site_links(self) -> None:
        """The links between the page just shown and the other pages, while
        the full build runs: shown in the terminal and on the open page."""
        shown, self.shown = self.shown, None
        if shown is None:
            return
        kept, outcome, save, name = shown
        started = time.monotonic()
        found = site_links(kept, outcome)
        if not found:
            return
        report = report_text.render(found)
        self.say(
            f"Links to or from this page are broken (checked in {time.monotonic() - started:.2f} s;"
            " the whole site will not build until they are fixed):"
        )
        self.say(report)
        with self.lock:
            if self.built < save and self.status.changed == name:  # no build or save has said more since
                self.status = Status(self.status.version + 1, True, self.status.report, name, report)

    def _content_relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.content_folder.resolve()).as_posix()
        except ValueError:
            return None

    def _stale(self, paths: list[Path], save: int) -> None:
        """A save the fast path did not take: the kept site is read again
        after the full build; a change of code or settings turns it off."""
        code = [ROOT / "plugins", self.settings, ROOT / "pelicanconf.py"]
        with self.lock:
            for path in paths:
                if any(path == place or place in path.parents for place in code):
                    if not self.fast_off:
                        self.fast_off = "a plugin or a setting changed: restart make devserver for instant previews"
            self.kept = None
            self.kept_wanted = save

    # -- what the server asks -------------------------------------------
    def overlay_page(self, local: Path) -> bytes | None:
        try:
            rel = local.resolve().relative_to(self.output.resolve()).as_posix()
        except ValueError:
            return None
        with self.lock:
            found = self.overlay.get(rel)
        return found[0] if found is not None else None

    def as_json(self) -> bytes:
        with self.lock:
            status = self.status
            building = self.built < self.wanted
            saves, fast = self.saves, self.kept is not None
        return json.dumps(
            {
                "version": status.version,
                "ok": status.ok,
                "report": status.report,
                "changed": status.changed,
                "elsewhere": status.elsewhere,
                "saves": saves,  # saves handled so far
                "building": building,  # a full build runs or is due
                "fast": fast,  # the fast path is ready
            }
        ).encode()
