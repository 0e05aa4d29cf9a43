"""Findings of one build, kept in the build's own settings dict.

Pelican creates the settings dict afresh for every build and hands the same
dict to every generator and to the `finalized` signal, so this is per-build
state without module-level singletons. Plugins report here; lscb_checks
decides at the end of each stage whether the build stops.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding


def findings(settings) -> list[Finding]:
    return settings.setdefault("LSCB_FINDINGS", [])


def report(settings, new: Iterable[Finding]) -> None:
    findings(settings).extend(new)
