"""Annual reports' money tables are drawn as accessible bar charts: rows of
HTML text, each with an inline SVG bar.

The built HTML is read with BeautifulSoup; each chart's <figure> is then parsed
again, from the page's own text, with an XML parser, which proves it is
well-formed, with its bars in the SVG namespace. Expected bars are computed
from the table that follows each chart on the same page. (The widths the
browser draws are measured in tests/browser/test_charts.py.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import pytest

from conftest import ScenarioSite

SVG = "{http://www.w3.org/2000/svg}"
_FIGURE = re.compile(r'<figure class="chart">.*?</figure>', re.DOTALL)


def report(*sections: str, **fields) -> str:
    header = {
        "Title": "Annual report 2025 to 2026",
        "Date": "2026-10-01",
        "Reporting_year": "2025-26",
        "Summary": "How well children were kept safe.",
        **fields,
    }
    lines = "\n".join(f"{name}: {value}" for name, value in header.items())
    standard = [
        "## How effective local safeguarding has been\n\nSafeguarding improved.",
        "## Weaknesses and the actions taken\n\nReferrals were slow.",
        "## Lessons from case reviews\n\nOne rapid review was held.",
    ]
    return lines + "\n\n" + "\n\n".join(standard + list(sections)) + "\n"


def table(header: str, *rows: str, total: str | None = None) -> str:
    lines = [f"| {header} | Amount (£) |", "| --- | ---: |", *(f"| {row} |" for row in rows)]
    if total:
        lines.append(f"| **Total** | **{total}** |")
    return "\n".join(lines)


def amount(text: str) -> float:
    bare = text.replace("£", "").replace(",", "").replace("*", "").strip()
    return 0.0 if bare in ("-", "") else float(bare)


def charts(html: str) -> list[etree.Element]:
    """Each chart's <figure>, parsed as XML from the page's text."""
    return [etree.fromstring(markup) for markup in _FIGURE.findall(html)]


def svg_of(html: str, soup, figure_tag) -> etree.Element:
    """The chart's drawing parsed from the page's own text (BeautifulSoup
    would lower-case SVG attributes)."""
    index = soup.find_all("figure", class_="chart").index(figure_tag)
    return charts(html)[index].find("div")


def rows_after(figure_tag) -> list[tuple[str, str]]:
    """(label, amount) of the data rows of the table right after a chart."""
    region = figure_tag.find_next_sibling()
    assert region is not None and region.name == "div" and "table-scroll" in region["class"]
    rows = []
    for tr in region.find("tbody").find_all("tr"):
        label, value = (cell.get_text(" ", strip=True) for cell in tr.find_all("td"))
        if tr.find("td").find("strong") or label.lower().startswith("total"):
            continue
        rows.append((label, value))
    return rows


def _texts(drawing: etree.Element, css_class: str) -> list[str]:
    return [element.text for element in drawing.iter("span") if element.get("class") == css_class]


def assert_chart_matches_table(drawing: etree.Element, rows: list[tuple[str, str]]) -> None:
    bars = drawing.findall(f"div/{SVG}svg")
    assert len(bars) == len(rows) == len(drawing.findall("div"))
    values = [amount(value) for _, value in rows]
    longest = max(values)
    for svg, value in zip(bars, values):
        rects = svg.findall(f"{SVG}rect")
        if value == 0:
            assert rects == []  # no bar for 0
            continue
        share, least = rects
        assert share.get("width").endswith("%") and least.get("width") == "4"
        assert float(share.get("width")[:-1]) / 100 == pytest.approx(value / longest, abs=0.00001)
    assert _texts(drawing, "chart__value") == [
        value if value.startswith("£") else "£" + (value if value != "-" else "0") for _, value in rows
    ]
    assert _texts(drawing, "chart__label") == [label for label, _ in rows]


def assert_accessible_svg(drawing: etree.Element, page_ids: set[str]) -> None:
    assert drawing.get("role") == "img" and drawing.get("class") == "chart__drawing"
    title, desc = drawing.findall("span")[:2]
    assert title.get("class") == desc.get("class") == "visually-hidden"
    assert title.text.strip()
    assert "Total" in desc.text and "Largest" in desc.text
    assert drawing.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.get("id") in page_ids and desc.get("id") in page_ids
    # The bars are hidden from screen readers, which read the title and description.
    assert all(svg.get("aria-hidden") == "true" for svg in drawing.iter(f"{SVG}svg"))
    # The site's content security policy allows no inline styles.
    assert not list(drawing.iter(f"{SVG}style")) and not list(drawing.iter("style"))
    assert all(element.get("style") is None for element in drawing.iter())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    scenario = ScenarioSite(tmp_path_factory.mktemp("charts"))
    scenario.write(
        "annual-reports/2025-26.md",
        report(
            "## Training\n\n" + table("Course", "Neglect | 1,200", "Exploitation | 900"),
            "### Courses next year\n\n<!-- chart -->\n" + table("Course", "Online harm | 400", "Transition | 600"),
            "## Partner contributions\n\n"
            + table(
                "Partner",
                "Police & Crime Commissioner | 54,200",
                "Schools < 5 | £1,200",
                "Cafcass | -",
                "Fire service | 12.5",
                total="55,412.5",
            ),
            "## What the board spent\n\n" + table("Item", "Staff | 180,000", "Training | TBC"),
            "### Grants\n\n<!-- no chart -->\n\n" + table("Grant", "Youth club | 2,000", "Helpline | 3,000"),
        ),
    )
    scenario.write(
        "annual-reports/2024-25.md",
        report(
            "## Partner contributions\n\n" + table("Partner", "Council | -1,200", "Police | 500"),
            "## What the board spent\n\n" + table("Item", "Staff | 1,000", total="1,000"),
            Title="Annual report 2024 to 2025",
            Reporting_year="2024-25",
            Date="2025-10-01",
        ),
    )
    built = scenario.build()
    assert built.ok, built.messages()
    built.scenario = scenario
    return built


def _page(site, slug):
    html = (site.output / "annual-reports" / slug / "index.html").read_text(encoding="utf-8")
    return html, site.soup(f"annual-reports/{slug}/index.html")


def _chart_findings(site, name):
    return sorted((f.line, f.message) for f in site.result.findings if f.code == "AR002" and f.path.endswith(name))


def _line_of(site, name, text):
    lines = (site.scenario.content / "annual-reports" / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_demo_reports_chart_both_money_tables(demo_site):
    for slug in ("2024-25", "2023-24"):
        html = (demo_site.output / "annual-reports" / slug / "index.html").read_text(encoding="utf-8")
        soup = demo_site.soup(f"annual-reports/{slug}/index.html")
        figures = soup.find_all("figure", class_="chart")
        parsed = charts(html)
        assert len(figures) == len(parsed) == 2
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        for figure_tag, figure in zip(figures, parsed):
            assert "table below" in figure_tag.figcaption.get_text()
            svg = figure.find("div")
            assert_accessible_svg(svg, ids)
            assert_chart_matches_table(svg, rows_after(figure_tag))
        headings = [figure_tag.find_previous("h2").get_text(strip=True) for figure_tag in figures]
        assert headings == ["Partner contributions", "What the board spent"]


def test_chart_ids_are_unique_on_every_page(demo_site):
    for path in demo_site.html_files():
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), path


def test_labels_are_escaped_and_amounts_read_as_written(site):
    html, soup = _page(site, "2025-26")
    figure_tag = soup.find("h2", string="Partner contributions").find_next("figure")
    svg = svg_of(html, soup, figure_tag)
    rows = rows_after(figure_tag)
    assert rows[0][0] == "Police & Crime Commissioner" and rows[1][0] == "Schools < 5"
    assert_chart_matches_table(svg, rows)
    assert_accessible_svg(svg, {tag["id"] for tag in soup.find_all(id=True)})
    assert "Police &amp; Crime Commissioner" in html and "Schools &lt; 5" in html
    assert _texts(svg, "chart__value") == ["£54,200", "£1,200", "£0", "£12.5"]
    assert "Total: £55,412.50" in svg.findall("span")[1].text


def test_a_table_outside_the_chart_sections_has_no_chart(site):
    _, soup = _page(site, "2025-26")
    training = soup.find("h2", string="Training")
    assert training.find_next_sibling().name == "div"  # the table itself, no figure first
    assert "Neglect" in training.find_next_sibling().get_text()


def test_chart_marker_opts_a_table_in(site):
    html, soup = _page(site, "2025-26")
    heading = soup.find("h3", string="Courses next year")
    figure_tag = heading.find_next_sibling()
    assert figure_tag.name == "figure"
    assert_chart_matches_table(svg_of(html, soup, figure_tag), rows_after(figure_tag))


def test_no_chart_marker_opts_a_table_out(site):
    _, soup = _page(site, "2025-26")
    heading = soup.find("h3", string="Grants")  # under "What the board spent"
    assert heading.find_next_sibling().name == "div"
    assert not any("Grant" in message for _, message in _chart_findings(site, "2025-26.md"))


def test_a_table_that_cannot_be_charted_keeps_its_table_and_says_why(site):
    _, soup = _page(site, "2025-26")
    spent = soup.find("h2", string="What the board spent")
    assert spent.find_next_sibling().name == "div"
    assert "TBC" in spent.find_next_sibling().get_text()
    assert _chart_findings(site, "2025-26.md") == [
        (_line_of(site, "2025-26.md", "| Training | TBC |"), "no chart: 'TBC' is not an amount")
    ]
    finding = next(f for f in site.result.findings if f.code == "AR002")
    assert len(finding.message) < 80 and "<!-- no chart -->" in finding.hint


def test_negative_amounts_and_a_single_row_are_not_charted(site):
    html, _ = _page(site, "2024-25")
    assert charts(html) == []
    assert _chart_findings(site, "2024-25.md") == sorted(
        [
            (_line_of(site, "2024-25.md", "-1,200"), "no chart: '-1,200' is negative: bars cannot show it"),
            (_line_of(site, "2024-25.md", "| Item |"), "no chart: 1 row to draw: a chart needs 2 or more"),
        ]
    )


def test_the_chart_sections_are_marked_in_the_sections_setting(tmp_path):
    scenario = ScenarioSite(tmp_path)
    scenario.write(
        "annual-reports/2025-26.md",
        report(
            "## Training\n\n" + table("Course", "Neglect | 1,200", "Exploitation | 900"),
            "## Partner contributions\n\n" + table("Partner", "Council | 1,000", "Police | 500"),
        ),
    )
    checklist = [
        {"name": "Training", "headings": ["training"], "chart": True},
        {"name": "Partner contributions", "headings": ["contribution"]},
    ]
    site = scenario.build(ANNUAL_REPORT_SECTIONS=checklist)
    assert site.ok, site.messages()
    _, soup = _page(site, "2025-26")
    assert soup.find("h2", string="Training").find_next_sibling().name == "figure"
    assert soup.find("h2", string="Partner contributions").find_next_sibling().name == "div"

    checklist[0]["chart"] = "yes"
    wrong = scenario.build(ANNUAL_REPORT_SECTIONS=checklist)
    assert not wrong.ok
    assert "'chart' of 'Training' must be True or False" in wrong.messages()
