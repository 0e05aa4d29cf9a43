"""A table of an annual report that should be drawn as a chart but cannot
be (AR002).

lscb_content.charts draws the charts into each report's HTML before the
checks run, and keeps on the report (`charts_not_drawn`) each table it could
not draw, with why; this check reports them.
"""

from __future__ import annotations

from lscb_core.findings import Severity
from lscb_core.quote import say
from lscb_core.rules import Rule, Waiver


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


def check(site):
    for item in site.of_type("annual-reports"):
        for line, problem in getattr(item.obj, "charts_not_drawn", ()):
            yield AnnualReportChartSkipped.at(item.path, line, say("no chart: {why}", why=problem.why), problem.hint)
