"""The sections statutory guidance expects in an annual report: the
ANNUAL_REPORT_SECTIONS setting, read once for the check that each is there
(AR001, lscb_checks.checks.annual_report_sections) and for the sections
whose tables are drawn as bar charts (lscb_content.charts).

For each section, a name (suggested as the heading) and the words any one
of which, in a heading of any level, shows the section is there (case does
not matter). A board that reports differently changes the list in
pelicanconf.py. `"chart": True` marks the sections whose tables are drawn
as bar charts.
"""

from __future__ import annotations

DEFAULT_SECTIONS = [
    {"name": "How effective local safeguarding has been", "headings": ["effective"]},
    {"name": "Weaknesses and the actions taken", "headings": ["weakness"]},
    {"name": "Lessons from case reviews", "headings": ["lesson", "learning"]},
    {"name": "Training", "headings": ["training"]},
    {"name": "Partner contributions", "headings": ["contribution"], "chart": True},
    {"name": "What the board spent", "headings": ["spent", "spending", "expenditure"], "chart": True},
]


def sections(settings) -> list[tuple[str, list[str]]]:
    value = settings.get("ANNUAL_REPORT_SECTIONS", DEFAULT_SECTIONS)
    checklist = []
    try:
        for entry in value:
            words = entry["headings"]
            words = [words] if isinstance(words, str) else list(words)
            name = str(entry["name"]).strip()
            if not name or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise ValueError
            checklist.append((name, [w.strip().casefold() for w in words]))
    except (TypeError, KeyError, ValueError):
        raise ValueError(
            "ANNUAL_REPORT_SECTIONS must be a list of {'name': ..., 'headings': [words...]} entries"
        ) from None
    return checklist
