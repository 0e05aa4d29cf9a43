"""Bar charts of the money tables in annual reports, drawn when the site is built.

A table gets a chart when it sits under a heading of one of the sections
marked `"chart": True` in ANNUAL_REPORT_SECTIONS (whose words find the
heading, as for AR001), unless the editor writes
`<!-- no chart -->` above it; any other table of an annual report gets one
only with `<!-- chart -->` above it. The chart is an inline SVG put right
before the table, which stays as the text alternative. A table that should
have a chart but cannot be drawn keeps its table, and the build says why
(AR002): nothing is guessed.
"""

from __future__ import annotations

from pelican.generators import ArticlesGenerator

from lscb_core import collect
from lscb_core.articles import all_articles, is_of_type
from lscb_core.findings import Severity
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver, finding
from lscb_core.sources import source_file

from . import chart_svg
from .chart_tables import NotChartable, bars, html_tables, match_sources, source_tables
from .report_sections import DEFAULT_SECTIONS, sections

class AnnualReportChartSkipped(Rule):
    """Flags a table in an annual report that should be drawn as a chart
    but cannot be: it is in one of the sections that get a chart (marked
    `"chart": True` in ANNUAL_REPORT_SECTIONS in pelicanconf.py: partner
    contributions and what the board spent), or has `<!-- chart -->` above
    it, and it is not one column of labels and one of amounts. An amount that is not a number
    (such as "TBC"), a negative amount, a row with no amount, a table with
    more than two columns, or only one row to draw all stop the chart. The
    table is still published, without a chart.

    ## Why it matters
    The chart is drawn from the table's figures. Guessing what "TBC" or
    "(1,200)" means would publish a chart that misleads, so the build draws
    nothing and tells you, rather than leaving the chart out silently.

    ## Example
        ## What the board spent

        | Item | Amount (£) |
        | --- | ---: |
        | Training | TBC |
        | Case reviews | 48,900 |

    ## Use instead
    Write each amount as a number, such as `48,900` or `£48,900`, and `0`
    or `-` when there is none. Rows whose label is bold or starts with
    "Total" are left out of the chart. If the table is not meant to be a
    chart, put `<!-- no chart -->` on the line above it.

    ## Known limitations
    Only tables written in Markdown are found in the source: a table written
    in HTML cannot be opted in or out, and its finding is given at its
    heading. Amounts in thousands or millions ("£1.2m") are not read.
    """

    code = "AR002"
    name = "annual-report-chart-skipped"
    severity = Severity.WARNING
    waiver = Waiver.LINE


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
    findings = []
    for report in all_articles(articles):
        if is_of_type(report, "annual-reports"):
            findings.extend(_chart_report(report, words))
    collect.report(settings, findings)


def _chart_report(report, section_words: list[list[str]]) -> list:
    html = report._content or ""
    if "<table" not in html:
        return []
    tables = html_tables(html)
    source = source_file(report.source_path)
    sources = match_sources(tables, source_tables(source.lines, source.body_start))
    findings, inserts = [], []
    for table, origin in zip(tables, sources):
        in_section = next((heading for heading in reversed(table.headings)
                           if any(w in heading.casefold() for words in section_words for w in words)),
                          None)
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
            findings.append(finding("AR002", report.source_path, line,
                                    say("no chart: {why}", why=problem.why), problem.hint))
            continue
        title = in_section or (table.headings[-1] if table.headings else report.title)
        prefix = f"chart-{report.slug}-{len(inserts) + 1}"
        inserts.append((table.start, chart_svg.figure(drawn, title, prefix)))
    for offset, markup in reversed(inserts):
        html = html[:offset] + markup + html[offset:]
    report._content = html
    return findings


def _heading_line(source, headings: list[str]) -> int:
    if headings:
        line, _ = source.locate(headings[-1])
        return line
    return source.field_line("Title")
