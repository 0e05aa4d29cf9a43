"""Draw a horizontal bar chart of a table, in a <figure>, as HTML and SVG.

Built with xml.etree, so the labels (editors' text) are always escaped.

Each row of the chart is HTML: the label and the amount as text (so they
wrap between words, and grow with the reader's text size at every width,
like the rest of the page), then the bar, a small inline SVG as wide as the
content whose rectangle is drawn in percent of that width: the largest
amount fills the width, and the others are in proportion. A second
rectangle, MIN_BAR pixels wide, is drawn under every amount that is not 0,
so the smallest partner's bar can always be seen. An amount of 0 has no
bar, only its label and "£0".

The drawing is `role="img"`, named by a title and a description in words
(visually hidden: the words are for screen readers, which skip the rows);
the <figcaption> points to the table below it, which stays the full text
alternative.

No `style` attributes and no <style> element (the site's content security
policy allows only its own style sheet): sizes and colours come from
classes in theme/static/css/main.css, so the text sizes, high visibility and
forced colours restyle the chart like the rest of the page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .chart_tables import Bar

SVG_NS = "http://www.w3.org/2000/svg"
MIN_BAR = 4  # pixels: the narrowest bar drawn for an amount that is not 0


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
    longest = max(bar.value for bar in bars)

    holder = etree.Element("figure", {"class": "chart"})
    drawing = etree.SubElement(
        holder, "div", {"class": "chart__drawing", "role": "img", "aria-labelledby": f"{title_id} {desc_id}"}
    )
    etree.SubElement(drawing, "span", {"class": "visually-hidden", "id": title_id}).text = title
    etree.SubElement(drawing, "span", {"class": "visually-hidden", "id": desc_id}).text = describe(title, bars)
    for bar in bars:
        row = etree.SubElement(drawing, "div", {"class": "chart__row"})
        etree.SubElement(row, "span", {"class": "chart__label"}).text = bar.label
        etree.SubElement(row, "span", {"class": "chart__value"}).text = bar.shown
        row.append(_bar(bar.value, longest))
    caption = etree.SubElement(holder, "figcaption", {"class": "chart__caption"})
    caption.text = "Chart of the table below, which has the figures."
    return etree.tostring(holder, encoding="unicode", short_empty_elements=False) + "\n"


def share_of_longest(value: float, longest: float) -> str:
    """The bar's width in percent of the chart's, as written in the SVG."""
    return f"{round(100 * value / longest, 3):g}%"


def _bar(value: float, longest: float) -> etree.Element:
    svg = etree.Element(
        "svg",
        {"xmlns": SVG_NS, "class": "chart__bar", "aria-hidden": "true"},
    )
    if value > 0:  # written `<svg ...></svg>` when empty: an HTML parser does not close `<svg/>`
        for width, kind in (
            (share_of_longest(value, longest), "chart__fill"),
            (str(MIN_BAR), "chart__fill chart__least"),
        ):
            etree.SubElement(svg, "rect", {"class": kind, "x": "0", "y": "0", "width": width, "height": "100%"})
    return svg
