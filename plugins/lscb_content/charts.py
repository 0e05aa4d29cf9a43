"""Bar charts of the money tables in annual reports, drawn when the site is built.

A table gets a chart when it sits under a heading of one of the sections
marked `"chart": True` in ANNUAL_REPORT_SECTIONS (whose words find the
heading, as for AR001), unless the editor writes
`<!-- no chart -->` above it; any other table of an annual report gets one
only with `<!-- chart -->` above it. The chart is an inline SVG put right
before the table, which stays as the text alternative. A table that should
have a chart but cannot be drawn keeps its table, and the build says why
(AR002, reported by lscb_checks.checks.annual_report_charts from each
report's `charts_not_drawn`): nothing is guessed.
"""

from __future__ import annotations

from pelican.generators import ArticlesGenerator

from lscb_core.articles import all_articles, is_of_type
from lscb_core.content_item import body, replace_body
from lscb_core.sources import source_file

from . import chart_svg
from .chart_tables import NotChartable, bars, html_tables, match_sources, source_tables
from .report_sections import DEFAULT_SECTIONS, sections


def chart_sections(settings) -> list[list[str]]:
    """The heading words of each ANNUAL_REPORT_SECTIONS entry with "chart": True."""
    checklist = sections(settings)  # checks the setting's shape
    found = []
    for entry, (name, words) in zip(settings.get("ANNUAL_REPORT_SECTIONS", DEFAULT_SECTIONS), checklist):
        chart = entry.get("chart", False)
        if not isinstance(chart, bool):
            raise ValueError(f"ANNUAL_REPORT_SECTIONS: 'chart' of {name!r} must be True or False")
        if chart:
            found.append(words)
    return found


def add_charts(generators) -> None:
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None:
        return
    settings = articles.settings
    words = chart_sections(settings)
    for report in all_articles(articles):
        if is_of_type(report, "annual-reports"):
            report.charts_not_drawn = _chart_report(report, words)


def _chart_report(report, section_words: list[list[str]]) -> list[tuple[int, NotChartable]]:
    """Draws the report's charts into its HTML; (line, why) of each table
    that should have a chart and cannot."""
    html = body(report)
    if "<table" not in html:
        return []
    tables = html_tables(html)
    source = source_file(report.source_path)
    sources = match_sources(tables, source_tables(source.lines, source.body_start))
    not_drawn, inserts = [], []
    for table, origin in zip(tables, sources):
        in_section = next(
            (
                heading
                for heading in reversed(table.headings)
                if any(w in heading.casefold() for words in section_words for w in words)
            ),
            None,
        )
        marker = origin.marker if origin else None
        if marker == "no chart" or (marker is None and in_section is None):
            continue
        try:
            drawn = bars(table)
        except NotChartable as problem:
            if origin is not None:
                line = origin.line + (2 + problem.row if problem.row is not None else 0)
            else:
                line = _heading_line(source, table.headings)
            not_drawn.append((line, problem))
            continue
        title = in_section or (table.headings[-1] if table.headings else report.title)
        prefix = f"chart-{report.slug}-{len(inserts) + 1}"
        inserts.append((table.start, chart_svg.figure(drawn, title, prefix)))
    for offset, markup in reversed(inserts):
        html = html[:offset] + markup + html[offset:]
    replace_body(report, html)
    return not_drawn


def _heading_line(source, headings: list[str]) -> int:
    if headings:
        line, _ = source.locate(headings[-1])
        return line
    return source.field_line("Title")
