"""The Markdown extension: relative links, numbered paragraphs, scrollable tables."""

from __future__ import annotations

import markdown
import pytest

from lscb_content.markdown_ext import LscbExtension, pelican_link


@pytest.mark.parametrize("url, expected", [
    ("images/genogram.jpg", "{static}images/genogram.jpg"),
    ("../documents/leaflet.pdf", "{static}../documents/leaflet.pdf"),
    ("making-a-referral.md", "{filename}making-a-referral.md"),
    ("../pages/glossary.md#lscb", "{filename}../pages/glossary.md#lscb"),
    ("../reviews/", "../reviews/"),
    ("https://www.nspcc.org.uk/", "https://www.nspcc.org.uk/"),
    ("mailto:board@example.org", "mailto:board@example.org"),
    ("tel:999", "tel:999"),
    ("#para-3", "#para-3"),
    ("/about/", "/about/"),
    ("{static}/images/a.png", "{static}/images/a.png"),
])
def test_relative_links_become_pelican_links_and_others_are_left_alone(url, expected):
    assert pelican_link(url) == expected


def _render(text: str, numbered: bool) -> str:
    return markdown.markdown(text, extensions=["tables", "footnotes", LscbExtension(numbered_paragraphs=numbered)])


def test_top_level_paragraphs_are_numbered_but_not_list_items_images_or_footnotes():
    html = _render(
        "First.[^1]\n\n- a list item\n\n![A chart](chart.png)\n\nSecond *with emphasis*.\n\n[^1]: A note.\n",
        numbered=True,
    )
    assert '<p class="numbered" id="para-1"><span class="para-number">1.</span> First.' in html
    assert '<p class="numbered" id="para-2"><span class="para-number">2.</span> Second <em>with emphasis</em>.</p>' in html
    assert "para-3" not in html
    assert '<img alt="A chart" src="{static}chart.png"' in html


def test_paragraphs_are_not_numbered_unless_asked():
    assert "para-1" not in _render("First.\n\nSecond.\n", numbered=False)


def test_tables_are_wrapped_in_a_focusable_scrolling_region():
    html = _render("| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter.\n", numbered=False)
    assert html.startswith('<div aria-label="Table 1" class="table-scroll" role="region" tabindex="0">\n<table>')
    assert "</table>\n</div>\n<p>After.</p>" in html
