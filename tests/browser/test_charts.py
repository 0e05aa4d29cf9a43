"""Annual report charts, measured in the browser against the table under each
chart: bar widths in proportion to the table's amounts, a visible bar (at
least MIN_BAR pixels) and a label for every amount that is not 0, the chart
as wide as the content, and its text growing with the reader's text size on
a phone as on a desktop. Each check fails on a copy of the site broken for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lscb_audit.browser import new_context
from lscb_content.chart_svg import MIN_BAR

REPORTS = ["annual-reports/2024-25/", "annual-reports/2023-24/"]
WIDTHS = [1280, 390, 320]

# Each chart and the table after it, as drawn: the rows of the chart (label,
# amount, the width of its proportional bar, of its widest bar and of the
# track), the table's data rows (total rows left out), and the widths of the
# chart and of the table's region.
_READ = """() => Array.from(document.querySelectorAll("figure.chart")).map((figure) => {
  const region = figure.nextElementSibling;
  const rows = Array.from(figure.querySelectorAll(".chart__row")).map((row) => {
    const label = row.querySelector(".chart__label"), value = row.querySelector(".chart__value");
    const svg = row.querySelector("svg.chart__bar");
    const rects = Array.from(svg.querySelectorAll("rect"));
    const share = rects.find((r) => !r.classList.contains("chart__least"));
    const shown = (el) => !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== "hidden";
    return {
      label: label ? label.textContent.trim() : "",
      value: value && shown(value) ? value.textContent.trim() : "",
      share: share ? share.getBoundingClientRect().width : 0,
      drawn: Math.max(0, ...rects.map((r) => r.getBoundingClientRect().width)),
      track: svg.getBoundingClientRect().width,
      font: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
    };
  });
  const table = Array.from(region.querySelectorAll("tbody tr")).map((tr) => {
    const cells = Array.from(tr.querySelectorAll("td")).map((td) => td.textContent.trim());
    return {label: cells[0], amount: cells[1], total: !!tr.querySelector("td strong") || /^total/i.test(cells[0])};
  }).filter((row) => !row.total);
  return {rows, table, width: figure.getBoundingClientRect().width, content: region.getBoundingClientRect().width};
})"""


def _amount(text: str) -> float:
    bare = text.replace("£", "").replace(",", "").replace("*", "").strip()
    return 0.0 if bare in ("-", "–", "") else float(bare)


def _charts(browser, url: str, width: int, mode: str = "default") -> dict[str, list[dict]]:
    context = new_context(browser, mode, width)
    page = context.new_page()
    found = {}
    try:
        for address in REPORTS:
            page.goto(url + address)
            found[address] = page.evaluate(_READ)
    finally:
        context.close()
    return found


def bar_problems(charts: dict[str, list[dict]], width: int) -> list[str]:
    problems = []
    for address, figures in charts.items():
        if not figures:
            problems.append(f"/{address} at {width}px: no chart")
        for number, chart in enumerate(figures, start=1):
            where = f"/{address} chart {number} at {width}px"
            if abs(chart["width"] - chart["content"]) > 1:
                problems.append(f"{where}: {chart['width']:.0f}px wide, the content {chart['content']:.0f}px")
            if [row["label"] for row in chart["rows"]] != [row["label"] for row in chart["table"]]:
                problems.append(f"{where}: its labels are not the table's rows")
                continue
            amounts = [_amount(row["amount"]) for row in chart["table"]]
            longest = max(amounts)
            for row, amount in zip(chart["rows"], amounts):
                expected = row["track"] * amount / longest
                if abs(row["share"] - expected) > 1:
                    problems.append(f"{where}: {row['label']} is {row['share']:.1f}px, not {expected:.1f}px")
                if amount and row["drawn"] < MIN_BAR - 0.01:
                    problems.append(f"{where}: {row['label']}'s bar is {row['drawn']:.2f}px wide, not visible")
                if not amount and row["drawn"]:
                    problems.append(f"{where}: {row['label']} is 0 and has a bar")
                if _amount(row["value"] or "0") != amount or not row["value"]:
                    problems.append(f"{where}: {row['label']} is labelled {row['value']!r}, not {amount:g}")
    return problems


def text_problems(default: dict, large: dict, width: int) -> list[str]:
    problems = []
    for address in REPORTS:
        for number, (small, big) in enumerate(zip(default[address], large[address]), start=1):
            before, after = small["rows"][0]["font"], big["rows"][0]["font"]
            if after < 1.4 * before:
                problems.append(
                    f"/{address} chart {number} at {width}px: text {before:g}px, {after:g}px with large text"
                )
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_bars_are_in_proportion_to_the_table_and_every_amount_has_a_visible_bar_and_label(served_site, browser, width):
    problems = bar_problems(_charts(browser, served_site.url, width), width)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 320])
def test_chart_text_grows_with_the_text_size_at_every_width(served_site, browser, width):
    default = _charts(browser, served_site.url, width)
    large = _charts(browser, served_site.url, width, "large-text")
    problems = text_problems(default, large, width)
    assert not problems, "\n".join(problems)
    # The largest text at 320 pixels is still the body size: 24 pixels.
    assert width != 320 or large[REPORTS[0]][0]["rows"][0]["font"] >= 24


# -- the same checks fail on a copy of the site broken for each


def _edit(folder: Path, address: str, old: str, new: str) -> None:
    path = folder / address / "index.html"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {address}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_bar_out_of_proportion_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, REPORTS[0], 'width="49.986%"', 'width="30%"')  # £86,700 of £173,450
        problems = bar_problems(_charts(browser, url, 390), 390)
    assert len(problems) == 1 and "NHS Northshire Integrated Care Board is" in problems[0], problems


def test_a_bar_thinner_than_the_minimum_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        for address in REPORTS:
            path = folder / address / "index.html"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(f'width="{MIN_BAR}"', 'width="0"'), encoding="utf-8")
        problems = bar_problems(_charts(browser, url, 390), 390)
    assert any("Cafcass's bar is" in problem and "not visible" in problem for problem in problems), problems


def test_a_missing_value_label_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        _edit(folder, REPORTS[0], '<span class="chart__value">£550</span>', "")
        problems = bar_problems(_charts(browser, url, 1280), 1280)
    assert any("Cafcass is labelled ''" in problem for problem in problems), problems


def test_chart_text_of_a_fixed_size_is_reported(browser, broken_copy):
    with broken_copy() as (folder, url):
        with open(folder / "theme" / "css" / "main.css", "a", encoding="utf-8") as sheet:
            sheet.write("\n.chart__label { font-size: 15px; }\n")
        default = _charts(browser, url, 320)
        large = _charts(browser, url, 320, "large-text")
    problems = text_problems(default, large, 320)
    assert len(problems) == 4 and "text 15px, 15px with large text" in problems[0], problems
