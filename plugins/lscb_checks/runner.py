"""Run the checks at each stage, apply waivers, and stop the build on errors.

Findings reported by other plugins (BuildState.report, lscb_core.build_state)
and by the checks in registry.py are judged together: severity for the build's mode (draft or
publish), waivers, then any error raises BuildStopped, which Pelican turns
into a non-zero exit and lscb_core.build into "nothing published".
"""

from __future__ import annotations

import dataclasses
import time

from lscb_core.articles import REVIEW_TEXT_TYPES
from lscb_core.build_state import BuildState, build_state
from lscb_core.findings import BuildStopped, Finding
from lscb_core.mode import mode as mode_of
from lscb_core.rules import RULES
from lscb_core.waivers import apply_waivers, waivers_in

from . import beside, registry
from .checks import published_text
from .output import collect_output
from .published import early, stream
from .published.reencode import reencode_output
from .site import collect_site
from .text import prefetch


def _timed(state: BuildState, name: str, run) -> list[Finding]:
    started = time.perf_counter()
    found = list(run())
    state.add_time(name, time.perf_counter() - started)
    return found


def _in_mode(findings: list[Finding], mode) -> list[Finding]:
    return [
        dataclasses.replace(f, severity=RULES[f.code].severity_in(mode)) if f.code in RULES else f for f in findings
    ]


def _stop_on_errors(state: BuildState, found: list[Finding], upto: int | None = None) -> None:
    """`found`: the findings reported since the last judgement (up to
    `upto`, when others have been reported since), judged."""
    everything = state.findings
    everything[state.judged : len(everything) if upto is None else upto] = found
    state.judged += len(found)
    if any(f.is_error for f in found):
        raise BuildStopped(everything)


def run_start_stage(pelican) -> None:
    """Before Pelican reads any file: what must stop the build before it
    reads or copies anything (a symbolic link in content/)."""
    settings = pelican.settings
    state = build_state(settings)
    stream.stop()  # workers left by a build that stopped half-way
    beside.stop()
    found = []
    for module in registry.start_checks():
        found.extend(
            _timed(state, module.__name__.rsplit(".", 1)[-1], lambda module=module: module.check_start(settings))
        )
    found = _in_mode(found, mode_of(settings))
    if any(f.is_error for f in found):
        raise BuildStopped(state.findings + found)
    state.report(found)  # judged with the source stage


def run_source_stage(generators) -> None:
    settings = generators[0].settings
    state = build_state(settings)
    try:
        site = _timed(state, "(collect the site)", lambda: [collect_site(generators, settings)])[0]
        state.site = site
        # Every rule must be known before waivers are read, including those
        # of the output stage, or a waiver of LINK001 would name an unknown code.
        _timed(state, "(import the checks)", lambda: [registry.load_all_rules()])
        early.finish()  # the items' bodies read so far for the final gate
        prefetch.settle()  # the PDFs read so far; the checks read any others
        upto = len(state.findings)
        # On two cores the source checks run beside Pelican writing the pages
        # into the staging folder (beside.py), and are judged before the
        # output checks; on one, here and now.
        if not _stops_before_writing(site) and beside.start(lambda: _source_findings(site, state, upto)):
            state.beside_upto = upto
        else:
            _judge_source(state, _source_findings(site, state, upto), upto)
    finally:
        prefetch.stop()
    # On a large site a second process reads each page as it is written.
    _timed(state, "(start reading pages as written)", lambda: [published_text.start_stream(settings, site)])


def _stops_before_writing(site) -> bool:
    """Whether a check that guards the writing itself (a module with
    BEFORE_WRITING, such as two files at one address, which Pelican would
    stop on) finds an error that no waiver covers: then every source check
    runs here, before anything is written, and the build stops on it."""
    modules = [module for module in registry.source_checks() if getattr(module, "BEFORE_WRITING", False)]
    if not modules:
        return False
    found = _in_mode([finding for module in modules for finding in module.check(site)], site.mode)
    waivers = [w for item in site.items for w in waivers_in(item.source, site.mode)]
    return any(f.is_error and not any(waive.covers(f) for waive in waivers) for f in found)


def _source_findings(site, state: BuildState, upto: int) -> tuple[list[Finding], list, dict[str, float]]:
    """Every source check's findings, with those reported before them (the
    first `upto` of the build's), in the build's mode and with the waivers
    applied; the waivers; and the seconds each check took."""
    times: dict[str, float] = {}
    found = list(state.findings[state.judged : upto])
    for module in registry.source_checks():
        started = time.perf_counter()
        found.extend(module.check(site))
        name = module.__name__.rsplit(".", 1)[-1]
        times[name] = times.get(name, 0.0) + time.perf_counter() - started
    waivers = [w for item in site.items for w in waivers_in(item.source, site.mode)]
    rules = registry.load_all_rules()
    source_codes = {code for code, rule in rules.items() if rule.stage in ("start", "source")}
    # On a page other than a review only the final gate reports people's
    # details: a waiver of those codes there is judged after it has run.
    not_yet = source_codes - published_text.reported_codes()
    reviews = {item.path for item in site.of_type(*REVIEW_TEXT_TYPES)}

    def judged(waive) -> set[str]:
        return source_codes if waive.path in reviews else not_yet

    found = apply_waivers(_in_mode(found, site.mode), waivers, codes_judged=judged, mode=site.mode)
    return found, waivers, times


def _judge_source(state: BuildState, answer, upto: int) -> None:
    found, waivers, times = answer
    state.waivers = waivers
    for name, seconds in times.items():
        state.add_time(name, seconds)
    _stop_on_errors(state, found, upto)


def join_source_stage(settings) -> None:
    """The source checks' findings from the second process, judged now;
    if it failed, the checks run here."""
    state = build_state(settings)
    upto, state.beside_upto = state.beside_upto, None
    if upto is None:
        return
    answer = beside.result()
    if answer is None:
        answer = _source_findings(state.site, state, upto)
    _judge_source(state, answer, upto)


def run_output_stage(pelican) -> None:
    try:
        _run_output_stage(pelican)
    finally:
        stream.stop()  # the gate has its findings, or the build stopped
        published_text.forget(pelican.output_path)
        early.forget()
        prefetch.forget()


def _run_output_stage(pelican) -> None:
    settings = pelican.settings
    state = build_state(settings)
    site = state.site
    if site is None:  # the source stage did not run (no content generators)
        return
    join_source_stage(settings)  # done already, after the pages were written (beside.generator)
    found = list(state.findings[state.judged :])
    # Every picture written again from its pixels, before anything reads
    # the output (published/reencode.py).
    found.extend(_timed(state, "(re-encode images)", lambda: reencode_output(pelican.output_path, site)))
    modules = registry.output_checks()
    if modules:
        output = _timed(state, "(read the output)", lambda: [collect_output(pelican.output_path, site, settings)])[0]
        # The final gate's worker, which read the pages as they were
        # written, reads the rest of its share while the other checks run.
        _timed(state, "published_text", lambda: [published_text.hand_over(output)])
        for module in modules:
            found.extend(
                _timed(state, module.__name__.rsplit(".", 1)[-1], lambda module=module: module.check_output(output))
            )
    found = apply_waivers(_in_mode(found, site.mode), state.waivers, codes_judged=None, mode=site.mode)
    _stop_on_errors(state, found)
