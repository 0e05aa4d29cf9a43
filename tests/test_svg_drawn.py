"""A drawing is read a second time as it draws (lscb_checks.published.svg_drawn):
without its definitions, titles, descriptions and hidden parts; a part that
shows itself again inside a hidden group is drawn; a clean drawing builds."""

from __future__ import annotations

from conftest import ScenarioSite
from lscb_checks.published.markup import read_markup
from lscb_checks.published.svg_drawn import drawn_text

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90">{}</svg>'


def test_only_what_is_drawn_is_read_as_drawn():
    drawing = SVG.format(
        "<title>Family diagram</title><defs><text id='t'>Not drawn</text></defs>"
        "<text y='20'>Mother</text><text y='40' display='none'>Hidden</text>"
        "<g visibility='hidden'><text y='60'>Also hidden</text><text y='80' visibility='visible'>Child Q</text></g>"
        "<text y='90'>Sib<tspan opacity='0'>xx</tspan>ling 1</text>"
    )
    assert drawn_text(drawing) == "Mother\nChild Q\nSibling 1"
    assert "Mother\nChild Q\nSibling 1" in read_markup(drawing).variants


def test_what_is_not_a_drawing_is_not_read_again():
    assert drawn_text("<html><body><p>Text</p></body></html>") is None
    assert drawn_text("<svg><text>unclosed") is None
    assert read_markup("<p>Mother <b>and</b> Child Q</p>").variants == []


def test_a_clean_drawing_with_definitions_and_titles_builds(tmp_path):
    scenario = ScenarioSite(tmp_path)
    drawing = SVG.format(
        "<title>Who lives in the house</title><desc>Mother and Child Q</desc>"
        "<defs><linearGradient id='g'><stop offset='0'/></linearGradient></defs>"
        "<rect width='40' height='20' fill='url(#g)'/><text y='40'>Mother</text><text y='60'>Child Q</text>"
    )
    scenario.write("pages/images/household.svg", drawing)
    scenario.write(
        "pages/a-record.md", "Title: A record\nSummary: A record.\n\n![Who lives in the house](images/household.svg)\n"
    )
    site = scenario.build()
    assert site.ok, site.messages()
