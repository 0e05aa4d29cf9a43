"""The Markdown extension: relative links, numbered paragraphs, scrollable tables."""

from __future__ import annotations

import markdown
import pytest

from lscb_content.markdown_ext import LscbExtension, pelican_link


@pytest.mark.parametrize(
    "url, expected",
    [
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
    ],
)
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
    assert (
        '<p class="numbered" id="para-2"><span class="para-number">2.</span> Second <em>with emphasis</em>.</p>' in html
    )
    assert "para-3" not in html
    assert '<img alt="A chart" src="{static}chart.png"' in html


def test_paragraphs_are_not_numbered_unless_asked():
    assert "para-1" not in _render("First.\n\nSecond.\n", numbered=False)


def test_tables_are_wrapped_in_a_focusable_scrolling_region():
    html = _render("| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter.\n", numbered=False)
    assert html.startswith('<div aria-label="Table 1" class="table-scroll" role="region" tabindex="0">\n<table>')
    assert "</table>\n</div>\n<p>After.</p>" in html


def _render_as_the_site_does(text: str) -> str:
    return markdown.markdown(
        text, extensions=["tables", "attr_list", "md_in_html", "footnotes", LscbExtension(numbered_paragraphs=True)]
    )


def test_raw_html_blocks_and_comments_are_not_numbered_or_put_inside_a_paragraph():
    html = _render_as_the_site_does(
        "First.\n\n<!-- waive A11Y006: an editor's note -->\nSecond.\n\n"
        '<div class="note">\nA raw block.\n</div>\n\n<table><tr><td>1</td></tr></table>\n\n'
        "<!-- a comment alone -->\n\nThird <!-- inline --> and <em>inline HTML</em>.\n"
    )
    assert (
        "</p>\n<!-- waive A11Y006: an editor's note -->\n"
        '<p class="numbered" id="para-2"><span class="para-number">2.</span> Second.</p>\n'
        '<div class="note">\nA raw block.\n</div>\n\n<table><tr><td>1</td></tr></table>\n\n'
        '<!-- a comment alone -->\n\n<p class="numbered" id="para-3">'
    ) in html
    assert [f"para-{n}" for n in (1, 2, 3)] == [part.split('"')[0] for part in html.split('id="')[1:]]
    assert '<span class="para-number">3.</span> Third <!-- inline --> and <em>inline HTML</em>.</p>' in html


def test_a_paragraph_with_its_own_id_keeps_its_number_and_its_para_anchor():
    html = _render_as_the_site_does("First.\n\nSecond, with an id.\n{: #second .lead }\n\nThird.\n")
    assert (
        '<p class="lead numbered" id="second"><span class="para-number" id="para-2">2.</span> Second, with an id.</p>'
    ) in html
    assert '<p class="numbered" id="para-3"><span class="para-number">3.</span> Third.</p>' in html


def test_a_built_guidance_page_numbers_only_its_paragraphs(scenario):
    from conftest import guidance_markdown

    scenario.write(
        "guidance/referral.md",
        guidance_markdown(
            "Making a referral",
            "Call the front door.\n\n<!-- note for editors: check the number with the team -->\nWrite it down.\n\n"
            '<div class="callout">\n<p>Call 999 in an emergency.</p>\n</div>\n\n'
            "Send it within 48 hours.\n{: #deadline }\n\nKeep a copy.\n",
        ),
    )
    scenario.write(
        "pages/training.md",
        "Title: Training\n\n## Courses\n\n"
        "Read [the deadline](../guidance/referral.md#para-3) "
        "and [its paragraph](../guidance/referral.md#deadline).\n",
    )
    site = scenario.build()
    assert site.ok, site.messages()
    body = site.soup("guidance/referral/index.html").select_one(".prose--numbered")
    numbers = [
        (p.get("id"), p.find("span", class_="para-number").get("id"), p.find("span", class_="para-number").get_text())
        for p in body.select("p.numbered")
    ]
    assert numbers == [
        ("para-1", None, "1."),
        ("para-2", None, "2."),
        ("deadline", "para-3", "3."),
        ("para-4", None, "4."),
    ]
    callout = body.select_one("div.callout")
    assert callout.parent.name != "p" and callout.find("p").get("id") is None
    assert not [p for p in body.find_all("p") if not p.get_text(strip=True)]
