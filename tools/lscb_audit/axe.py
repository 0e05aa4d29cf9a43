"""axe-core in the page: WCAG 2.0, 2.1 and 2.2, levels A and AA."""

from __future__ import annotations

from .problems import Problem
from .tools import AXE_JS

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_SOURCE: str | None = None


def add_axe(context) -> None:
    """Load axe-core into every page the context opens, before the page's own
    scripts: sent to the browser once, not with each page (run_axe)."""
    context.add_init_script(path=str(AXE_JS))


def run_axe(page, address: str) -> tuple[list[Problem], list[Problem]]:
    """(violations, items axe could not decide and a person must review)."""
    global _SOURCE
    if not page.evaluate("() => !!window.axe"):
        if _SOURCE is None:
            _SOURCE = AXE_JS.read_text(encoding="utf-8")
        page.evaluate("source => { (0, eval)(source); }", _SOURCE)
    result = page.evaluate(
        "async tags => {"
        " const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']});"
        " const pick = list => list.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "   nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim()}))}));"
        " return {violations: pick(r.violations), incomplete: pick(r.incomplete)}; }",
        TAGS,
    )

    def problems(items) -> list[Problem]:
        return [
            Problem(
                address,
                f"axe {item['id']}",
                node["target"],
                f"{item['help']}" + (f" ({node['summary']})" if node["summary"] else ""),
            )
            for item in items
            for node in item["nodes"]
        ]

    return problems(result["violations"]), problems(result["incomplete"])
