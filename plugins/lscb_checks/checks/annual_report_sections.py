"""The sections statutory guidance expects in an annual report.

The checklist is the ANNUAL_REPORT_SECTIONS setting
(lscb_content.report_sections): for each section, a
name (suggested as the heading) and the words any one of which, in a
heading of any level, shows the section is there (case does not matter).
A board that reports differently changes the list in pelicanconf.py.
`"chart": True` marks the sections whose tables are drawn as bar charts
(lscb_content.charts).

A missing section warns in previews, where a report is often still being
written section by section, and stops publishing, since the published report
is the board's statutory account of its year. A draft report is not checked
when publishing (it is not published).
"""

from __future__ import annotations

from collections.abc import Iterable

from lscb_content.report_sections import sections
from lscb_core.findings import Finding, Severity, cut_words
from lscb_core.quote import known, say
from lscb_core.rules import Mode, Rule, Waiver


class AnnualReportSectionMissing(Rule):
    """Flags an annual report with no heading for one of the sections in the
    board's checklist (ANNUAL_REPORT_SECTIONS in pelicanconf.py). The demo
    checklist follows statutory guidance: how effective safeguarding has
    been, weaknesses and the actions taken, lessons from case reviews,
    training, what partners contributed, and what the board spent. A heading
    counts when it contains one of the section's words, such as "training".
    One finding is reported for each missing section, at the title.

    ## Why it matters
    Statutory guidance expects the annual report to cover these subjects,
    and inspectors, partners and families look for them. A report that
    leaves one out, or buries it where no heading points to it, is hard to
    hold the board to account with.

    ## Example
    A report with the headings "About this report", "Our year" and
    "Priorities for next year".

    ## Use instead
    Give each subject its own `##` heading:
        ## How effective local safeguarding has been
        ## Weaknesses and the actions taken
        ## Lessons from case reviews
        ## Training
        ## Partner contributions
        ## What the board spent
    If the page only introduces the full report in its `Document`, say so in
    the metadata: `Waive: AR001: the full report is the PDF in Document`.

    ## Known limitations
    Only headings are read: a heading with the right word and nothing under
    it passes, and a section with an unusual heading is reported missing.
    Add the words your board uses to the section's list in the setting.
    """

    code = "AR001"
    name = "annual-report-section-missing"
    severity = Severity.WARNING
    publish_severity = Severity.ERROR
    waiver = Waiver.FILE


def check(site) -> Iterable[Finding]:
    checklist = sections(site.settings)
    for item in site.of_type("annual-reports"):
        if site.mode is Mode.PUBLISH and item.state == "draft":
            continue
        headings = [heading.text.casefold() for heading in item.parsed.headings]
        line = item.source.field_line("Title")
        for name, words in checklist:
            if any(word in heading for heading in headings for word in words):
                continue
            shown = cut_words(name, 48)
            ors = " or ".join(f"'{word}'" for word in words[:3])
            yield AnnualReportSectionMissing.at(
                item.path,
                line,
                # The sections are the board's settings, not a page's content.
                say("annual report has no section: {name}", name=known(shown)),
                say(
                    "add a heading such as '## {name}'; any heading with {words} in it counts",
                    name=known(shown),
                    words=known(ors),
                ),
                term=name,
            )
