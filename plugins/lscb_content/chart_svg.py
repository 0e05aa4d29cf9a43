"""Draw a horizontal bar chart as an accessible inline SVG, in a <figure>.

Built with xml.etree, so the labels (editors' text) are always escaped. The
SVG has `role="img"` and `aria-labelledby` naming its <title> and <desc>;
the <desc> says in words what the chart shows, and the <figcaption> points
to the table below it, which stays the full text alternative.

No `style` attributes and no <style> element (the site's content security
policy allows only its own style sheet): the colours come from classes in
theme/static/css/main.css, so high visibility and forced colours restyle the
chart like the rest of the page.

Sizes are in user units of a viewBox DESIGN_WIDTH wide. The font size, 18,
is the body text size when the chart is drawn at its widest (17.75em in the
style sheet, so it grows with the text-size modes), and about 16 pixels on a
phone 320 pixels wide, where the chart fills the width. Labels go on their own lines above each bar, wrapped, so long
names stay readable on a 320 pixel screen; amounts go after the bar.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree

from .chart_tables import Bar

SVG_NS = "http://www.w3.org/2000/svg"
DESIGN_WIDTH = 320
FONT = 18
LINE = 22  # height of a line of label text
BAR = 24  # height of a bar
GAP = 14  # space after each bar
# Average widths of a character, as a share of the font size, on the wide
# side for the theme's system fonts: text must never run out of the chart.
LABEL_CHAR = 0.6
VALUE_CHAR = 0.72


def _amount(value: float, money: bool) -> str:
    text = f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
    return ("£" + text) if money else text


def _share(part: float, whole: float) -> str:
    percent = 100 * part / whole
    return "less than 1%" if 0 < percent < 0.5 else f"{percent:.0f}%"


def describe(title: str, bars: list[Bar]) -> str:
    """The chart in words: how many bars, the largest and smallest, the total."""
    money = any(bar.shown.startswith("£") for bar in bars)
    total = sum(bar.value for bar in bars)
    largest = max(bars, key=lambda bar: bar.value)
    smallest = min(bars, key=lambda bar: bar.value)
    return (
        f"{title}, as a bar chart: {len(bars)} bars, one for each row of the table. "
        f"Largest: {largest.label}, {largest.shown} ({_share(largest.value, total)} of the total). "
        f"Smallest: {smallest.label}, {smallest.shown}. "
        f"Total: {_amount(total, money)}."
    )


def figure(bars: list[Bar], title: str, id_prefix: str) -> str:
    """The <figure> holding the chart, as HTML to insert before the table."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    per_line = int(DESIGN_WIDTH / (FONT * LABEL_CHAR))
    reserve = max(len(bar.shown) for bar in bars) * FONT * VALUE_CHAR + 8
    longest = max(bar.value for bar in bars)
    scale = (DESIGN_WIDTH - reserve - 1) / longest

    drawing: list[etree.Element] = []
    y = 4.0
    for bar in bars:
        for line in textwrap.wrap(bar.label, per_line) or [bar.label]:
            y += LINE
            drawing.append(_text(line, 0, y - 5.5, "chart__label"))
        y += 2
        length = round(bar.value * scale, 2)
        drawing.append(
            etree.Element(
                "rect",
                {
                    "class": "chart__bar",
                    "x": "1",
                    "y": f"{y:g}",
                    "width": f"{length:g}",
                    "height": str(BAR),
                },
            )
        )
        value = _text(bar.shown, 1 + length + 6, y + BAR / 2 + 6, "chart__value")
        value.set("font-weight", "bold")
        drawing.append(value)
        y += BAR + GAP
    height = y - GAP + 4

    svg = etree.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": "chart__svg",
            "viewBox": f"0 0 {DESIGN_WIDTH} {height:g}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{title_id} {desc_id}",
        },
    )
    etree.SubElement(svg, "title", {"id": title_id}).text = title
    etree.SubElement(svg, "desc", {"id": desc_id}).text = describe(title, bars)
    etree.SubElement(
        svg,
        "line",
        {
            "class": "chart__axis",
            "x1": "0.5",
            "y1": "4",
            "x2": "0.5",
            "y2": f"{height - 4:g}",
        },
    )
    svg.extend(drawing)

    holder = etree.Element("figure", {"class": "chart"})
    holder.append(svg)
    caption = etree.SubElement(holder, "figcaption", {"class": "chart__caption"})
    caption.text = "Chart of the table below, which has the figures."
    return etree.tostring(holder, encoding="unicode") + "\n"


def _text(content: str, x: float, y: float, css_class: str) -> etree.Element:
    element = etree.Element(
        "text",
        {
            "class": css_class,
            "x": f"{round(x, 2):g}",
            "y": f"{round(y, 2):g}",
            "font-size": str(FONT),
        },
    )
    element.text = content
    return element
