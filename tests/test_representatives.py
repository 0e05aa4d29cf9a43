"""lscb_audit.representatives: the pages that hold every kind of element,
which the browser tests check in the settings where not every page is."""

from __future__ import annotations

from lscb_audit.representatives import representatives

PAGE = '<!doctype html><html lang="{lang}"><body class="{body}"><main>{main}</main></body></html>'


def _site(tmp_path, pages: dict[str, tuple[str, str, str]]) -> list[str]:
    for address, (lang, body, main) in pages.items():
        path = tmp_path / (address + "index.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(lang=lang, body=body, main=main), encoding="utf-8")
    return list(pages)


def test_a_page_with_nothing_new_is_left_out(tmp_path):
    addresses = _site(
        tmp_path,
        {
            "": ("en", "home", "<p>Hello</p><table><tr><td>1</td></tr></table>"),
            "about/": ("en", "home", "<p>About us</p>"),
        },
    )
    assert representatives(tmp_path, addresses) == [""]


def test_one_new_kind_of_element_language_or_attribute_brings_its_page_in(tmp_path):
    addresses = _site(
        tmp_path,
        {
            "": ("en", "home", "<p>Hello</p>"),
            "a/": ("en", "home", '<p class="callout">A callout</p>'),
            "b/": ("pl", "home", "<p>Cześć</p>"),
            "c/": ("en", "home", '<p aria-live="polite">News</p>'),
            "d/": ("en", "home", "<p>Same as home</p>"),
            "e/": ("ur", "home", '<p dir="rtl">سلام</p>'),
        },
    )
    assert representatives(tmp_path, addresses) == ["a/", "b/", "c/", "e/"]
