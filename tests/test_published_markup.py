"""How the final gate reads a page's markup (lscb_checks.published.markup):
a page's head is read apart from the page only where it is a head as a
browser reads it; anything else that looks like one is read whole."""

from __future__ import annotations

from lscb_checks.published.markup import read_markup

NAME = "Zebedee Quinlan"
THEME_PAGE = (
    "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
    "<title>A procedure: Northshire Board</title>\n<!-- a note -->\n"
    "<script>var x = '</head>';</script>\n</head>\n<body>\n<p>Skip to main content</p>\n"
    "<main><h1>A procedure</h1><p>{body}</p></main></body></html>"
)


def test_a_pages_head_is_read_apart_from_its_body():
    extract = read_markup(THEME_PAGE.format(body="The plan was shared."), page=True)
    assert extract.head.split() == "A procedure: Northshire Board".split()
    assert "Northshire Board" not in extract.text and "Skip to main content" in extract.text


def test_markup_that_is_not_a_page_is_read_whole():
    extract = read_markup(THEME_PAGE.format(body="The plan was shared."))
    assert extract.head == "" and "Northshire Board" in extract.text


def _whole(markup: str) -> bool:
    extract = read_markup(markup, page=True)
    return extract.head == "" and NAME in " ".join(extract.text.split())


def test_a_stray_end_of_head_among_a_pages_words_is_read_whole():
    # A browser ignores a </head> in the body and shows the name whole.
    assert _whole("<html><body><p>Zebedee </head>Quinlan</p></body></html>")
    assert _whole("<html><head><title>x</title><body><p>Zebedee </head>Quinlan</p></body></html>")


def test_a_head_with_shown_text_outside_its_title_is_read_whole():
    assert _whole("<html><head><title>x</title>Zebedee </head><body>Quinlan</body></html>")
    assert _whole("<html><title>x</title>Zebedee </head>Quinlan</html>")  # no <head> tag at all


def test_an_svg_body_tag_ends_nothing():
    drawing = "<svg xmlns='http://www.w3.org/2000/svg'><head/><text>Zebedee</text><body/><text>Quinlan</text></svg>"
    assert _whole(drawing)
