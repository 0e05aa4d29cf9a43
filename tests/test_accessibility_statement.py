"""The accessibility statement shows the results of the last browser audit
(content/accessibility-audit.json, written by `make audit`): the date, the
tools, the pages checked and the problems, and the pages added since; a
broken audit file stops the build (A11Y011)."""

from __future__ import annotations

import json

from conftest import ROOT, build_site

AUDIT = {
    "date": "2026-11-20",
    "standard": "WCAG 2.2 level AA",
    "tools": {"axe-core": "4.14.1", "Chromium": "156.0"},
    "pages": ["", "about/"],
    "checks": [
        {"name": "WCAG 2.2 A and AA rules", "tool": "axe-core 4.14.1", "scope": "all 2 pages", "problems": []},
        {
            "name": "Valid HTML",
            "tool": "Nu HTML Checker 26.9.27",
            "scope": "all 2 pages",
            "problems": ["/about/ line 40: vnu: Stray end tag"],
        },
    ],
}


def _statement(scenario, audit) -> tuple:
    if audit is not None:
        scenario.write("accessibility-audit.json", audit if isinstance(audit, str) else json.dumps(audit, indent=2))
    site = scenario.build()
    return site, (site.soup("accessibility/index.html") if site.ok else None)


def test_the_statement_shows_the_audit_and_the_pages_added_since(scenario):
    site, soup = _statement(scenario, AUDIT)
    assert site.ok, site.messages()
    section = soup.find("section", class_="audit-results")
    text = " ".join(section.get_text(" ").split())
    assert "On 20 November 2026, 2 pages of this website were checked" in text
    assert "found 1 problem, listed below" in text
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in section.find("tbody").find_all("tr")]
    assert rows == [
        ["WCAG 2.2 A and AA rules", "axe-core 4.14.1", "all 2 pages", "0"],
        ["Valid HTML", "Nu HTML Checker 26.9.27", "all 2 pages", "1"],
    ]
    assert "Valid HTML: /about/ line 40: vnu: Stray end tag" in text
    added = [
        a.get_text() for a in section.find("h3", string="Pages added since the audit").find_next("ul").find_all("a")
    ]
    assert "/about/" not in added and "/accessibility/" in added
    assert "Tools used: axe-core 4.14.1, Chromium 156.0." in text


def test_without_an_audit_the_statement_claims_none(scenario):
    site, soup = _statement(scenario, None)
    assert site.ok, site.messages()
    section = soup.find("section", class_="audit-results")
    text = " ".join(section.get_text(" ").split())
    assert "No automated audit of this website in a web browser has been recorded yet." in text
    # No table of checks, no caption, no tools: nothing that claims an audit.
    assert section.find("table") is None and soup.find(id="audit-results-caption") is None
    assert "Checks made" not in soup.get_text() and "Tools used" not in text


def test_a_broken_audit_file_stops_the_build_at_its_line(scenario):
    site, _soup = _statement(scenario, '{\n  "date": "2026-11-20",\n  "pages": [,]\n}\n')
    assert not site.ok
    (finding,) = [f for f in site.result.findings if f.code == "A11Y011"]
    assert (finding.line, finding.col) == (3, 13) and finding.path.endswith("accessibility-audit.json")
    assert "make audit" in finding.hint

    site, _soup = _statement(scenario, {**AUDIT, "date": "2027-01-01"})
    assert [f.message for f in site.result.findings if f.code == "A11Y011"] == ["'date' 2027-01-01 is in the future"]


def test_the_demo_statement_shows_the_committed_audit(tmp_path):
    audit = json.loads((ROOT / "content" / "accessibility-audit.json").read_text(encoding="utf-8"))
    site = build_site(ROOT / "content", tmp_path / "output")
    assert site.ok, site.messages()
    section = site.soup("accessibility/index.html").find("section", class_="audit-results")
    text = " ".join(section.get_text(" ").split())
    assert f"{len(audit['pages'])} pages of this website were checked" in text
    assert len(section.find("tbody").find_all("tr")) == len(audit["checks"])
    for name, version in audit["tools"].items():
        assert f"{name} {version}" in text
