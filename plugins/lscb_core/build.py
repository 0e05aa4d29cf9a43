"""Build the site so that a failed build publishes nothing.

Pelican writes its output in place and, when a page cannot be read, logs an
error, drops the page and still exits 0. Here the site is built into a
staging folder beside the output folder; only when the build finished with no
error does the staging folder replace the output folder, in one atomic step
(lscb_core.swap). A build that fails, or is killed half-way, leaves the last
good site exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter, console
from pelican.settings import read_settings

from .build_state import state_if_begun
from .findings import BuildStopped, Finding, display_path
from .pelican_log import error_finding, masked_text, to_finding
from .quote import mask_paths_in
from .swap import recover, swap_into_place

log = logging.getLogger("lscb.build")


class _Collector(logging.Handler):
    """Keeps every warning and error logged during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class BuildResult:
    ok: bool
    output: Path
    errors: list[str] = field(default_factory=list)  # logged by Pelican, not findings
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    # Seconds each check took, by module name (lscb_checks.runner).
    timings: dict[str, float] = field(default_factory=dict)


def _reset_pelican_log_dedup() -> None:
    # Pelican's log filter drops a message it has logged before in this
    # process; several builds in one process (tests, the dev server) must
    # each report all of their own problems.
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def build(
    settings_path: str | Path, output: str | Path, overrides: dict | None = None, check_only: bool = False
) -> BuildResult:
    """Build with the given settings file; replace `output` only on success.

    With check_only, run every check and throw the built site away."""
    started = time.monotonic()
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    recover(output)  # a build stopped half-way: the last good site comes back
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))

    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    _reset_pelican_log_dedup()
    result = BuildResult(ok=False, output=output)
    stopped: list[tuple[str, logging.LogRecord | None]] = []  # errors no check explains
    settings: dict = {}
    # Pelican prints its "Done: ..." line on stdout; stdout is for the
    # findings (JSON, GitHub annotations), so Pelican's console goes to stderr.
    console_file = console.file
    console.file = sys.stderr
    try:
        settings = read_settings(str(settings_path), override={**(overrides or {}), "OUTPUT_PATH": str(staging)})
        Pelican(settings).run()
        state = state_if_begun(settings)  # None when no lscb plugin is listed
        result.findings = list(state.findings) if state is not None else []
    except BuildStopped as stop:
        result.findings = stop.findings
    except Exception as exc:  # any other failure of Pelican or a plugin
        # A plugin's error is about settings or code; a path in it is masked.
        # The staging folder is a temporary name: the output folder is meant.
        said = str(exc).replace(str(staging), display_path(str(output)))
        text = f"{type(exc).__name__}: {mask_paths_in(said)}"
        result.errors.append(text)
        stopped.append((text, None))
    except BaseException:
        # Ctrl-C, a cancelled CI job, sys.exit in a plugin: the unchecked
        # site in the staging folder must not stay beside output/.
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
        console.file = console_file
        state = state_if_begun(settings)
        result.timings = dict(state.check_times) if state is not None else {}

    for record in collector.records:
        converted = to_finding(record, settings) if settings and record.levelno >= logging.ERROR else None
        if converted is not None:
            result.findings.append(converted)
            continue
        text = masked_text(record)
        if record.levelno >= logging.ERROR:
            result.errors.append(text)
            stopped.append((text, record))
        else:
            result.warnings.append(text)
    # Every error is a finding too, so every format counts it (BLD005).
    result.findings += [error_finding(text, display_path(str(settings_path)), record) for text, record in stopped]

    result.ok = not result.errors and not any(f.is_error for f in result.findings)
    if result.ok and not check_only:
        swap_into_place(staging, output)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.monotonic() - started
    return result
