"""axe-core in the page: WCAG 2.0, 2.1 and 2.2, levels A and AA."""

from __future__ import annotations

from .problems import Problem
from .tools import AXE_JS

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_SOURCE: str | None = None


def run_axe(page, address: str) -> tuple[list[Problem], list[Problem]]:
    """(violations, items axe could not decide and a person must review)."""
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = AXE_JS.read_text(encoding="utf-8")
    result = page.evaluate(
        "async ([source, tags]) => { if (!window.axe) { (0, eval)(source); }"
        " const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']});"
        " const pick = list => list.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "   nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim()}))}));"
        " return {violations: pick(r.violations), incomplete: pick(r.incomplete)}; }",
        [_SOURCE, TAGS],
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
