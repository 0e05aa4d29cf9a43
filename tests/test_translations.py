"""Key pages in other languages (content/translations/): lang and dir, the
hreflang alternates both ways, the language list, the theme's chrome from
its message catalogue (and English with a warning where it has no entry),
the errors of Translation_of and Lang with file:line, and the publication
checks applied to a translation. Real Pelican builds of the demo and of
small sites."""

from __future__ import annotations

import shutil

import pytest
from register_helpers import write_register

from conftest import ROOT, markdown_file, review_markdown
from lscb_content.catalogue import theme_strings
from lscb_content.languages import language

POLISH = "report-a-concern/pl/"
URDU = "report-a-concern/ur/"


def translation(title="Zgłoś obawy dotyczące dziecka", body="Zadzwoń pod numer 999.", **fields) -> str:
    defaults = {"Title": title, "Translation_of": "pages/report-a-concern.md", "Lang": "pl"}
    return markdown_file({**defaults, **fields}, body + "\n")


def alternates(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


def ends(href: str, path: str) -> bool:
    return href.rstrip("/").endswith(path.rstrip("/"))


# --- The demo ----------------------------------------------------------------


def test_each_translation_has_its_language_and_direction(demo_site):
    assert demo_site.soup(POLISH).html["lang"] == "pl"
    assert demo_site.soup(POLISH).html["dir"] == "ltr"
    assert demo_site.soup(URDU).html["lang"] == "ur"
    assert demo_site.soup(URDU).html["dir"] == "rtl"
    english = demo_site.soup("report-a-concern/").html
    assert english["lang"].lower() == "en-gb" and english["dir"] == "ltr"


@pytest.mark.parametrize("shown", ["report-a-concern/", POLISH, URDU])
def test_the_english_page_and_each_translation_name_every_language_with_hreflang(demo_site, shown):
    found = alternates(demo_site.soup(shown))
    assert set(found) == {"en-GB", "pl", "ur", "x-default"}
    assert ends(found["pl"], POLISH) and ends(found["ur"], URDU)
    assert ends(found["en-GB"], "report-a-concern/") and found["x-default"] == found["en-GB"]


def test_a_page_without_translations_has_no_alternates_and_no_language_list(demo_site):
    soup = demo_site.soup("about/")
    assert not alternates(soup)
    assert soup.select_one(".languages") is None


def test_the_english_page_lists_its_languages_each_in_its_own_language(demo_site):
    links = demo_site.soup("report-a-concern/").select(".languages a")
    assert [(a.get_text(), a["lang"], a["hreflang"]) for a in links] == [
        ("Polski", "pl", "pl"),
        ("اردو", "ur", "ur"),
    ]
    assert ends(links[0]["href"], POLISH) and ends(links[1]["href"], URDU)
    assert links[1]["dir"] == "rtl"


def test_a_translation_links_back_to_english_and_to_the_other_languages(demo_site):
    links = demo_site.soup(URDU).select(".languages a")
    assert [a["lang"] for a in links] == ["en-GB", "pl"]
    assert links[0].get_text() == "English" and ends(links[0]["href"], "report-a-concern/")


def test_the_chrome_of_a_translation_is_read_from_the_catalogue(demo_site):
    polish, urdu, english = demo_site.soup(POLISH), demo_site.soup(URDU), demo_site.soup("report-a-concern/")
    assert polish.select_one(".skip-link").get_text() == "Przejdź do treści"
    assert urdu.select_one(".skip-link").get_text() == "مرکزی مواد پر جائیں"
    assert english.select_one(".skip-link").get_text() == "Skip to main content"
    button = polish.select_one(".exit-this-page__button").get_text(" ", strip=True)
    assert button.startswith("Opuść tę stronę")
    assert polish.select_one(".concern-banner__lead").get_text() == "Martwisz się o dziecko?"
    assert urdu.select_one(".concern-banner__link").get_text() == "تشویش کی اطلاع دیں"
    # The banner leads to report a concern in the page's language, where there is one.
    assert ends(urdu.select_one(".concern-banner__link")["href"], URDU)
    assert ends(english.select_one(".concern-banner__link")["href"], "report-a-concern/")
    assert polish.select_one("#display-options-remember + label, label[for=display-options-remember]").get_text() == (
        "Zapamiętaj na tym urządzeniu"
    )
    # The board's numbers keep their digits; their labels are translated.
    labels = [li.select_one(".contacts__who").get_text() for li in polish.select(".concern-box .contacts__item")]
    assert "Emergency Duty Team (zespół dyżurny)" in labels
    numbers = [a.get_text() for a in urdu.select(".concern-box .contacts__number")]
    assert "01632 960 123" in numbers and "0808 800 5000" in numbers and "0800 1111" in numbers


def test_every_theme_string_has_a_polish_and_an_urdu_translation(demo_site):
    assert not [f for f in demo_site.result.findings if f.code == "TRN006"]
    settings = {"THEME": str(ROOT / "theme"), **_contact_settings()}
    assert theme_strings(settings)


def _contact_settings() -> dict:
    namespace: dict = {}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), namespace)
    return {k: v for k, v in namespace.items() if k.isupper()}


def test_the_translations_are_written_with_their_pages_template(demo_site):
    assert demo_site.soup(URDU).select_one(".concern-box h2").get_text() == "فون نمبر"
    assert demo_site.soup(URDU).select_one("h1").get_text() == "کسی بچے کے بارے میں تشویش کی اطلاع دیں"


def test_a_translation_is_not_marked_up_from_the_english_glossary(demo_site):
    assert demo_site.soup(POLISH).select(".prose a.glossary-term") == []


# --- Small sites ---------------------------------------------------------------


def test_a_translation_of_the_childrens_page_goes_under_children_and_speaks_to_children(scenario):
    (scenario.content / "children").mkdir(parents=True)
    shutil.copyfile(ROOT / "content" / "children" / "index.md", scenario.content / "children" / "index.md")
    scenario.write(
        "translations/children-pl.md",
        translation(
            "Dla dzieci",
            "Każdy ma prawo czuć się bezpiecznie. Możesz zadzwonić do Childline pod numer 0800 1111.",
            Translation_of="children",
        ),
    )
    site = scenario.build()
    assert site.ok, site.messages()
    soup = site.soup("children/pl/")
    assert soup.html["lang"] == "pl"
    assert soup.body["class"] == ["audience-children"]
    assert [a["lang"] for a in site.soup("children/").select(".languages a")] == ["pl"]


def test_the_reading_age_of_a_translation_is_not_scored_with_english_formulas(scenario):
    (scenario.content / "children").mkdir(parents=True)
    shutil.copyfile(ROOT / "content" / "children" / "index.md", scenario.content / "children" / "index.md")
    long_words = " ".join(["Nieprzewidywalnośćuniwersalizacyjnego rozpoznawalnościowych niebezpieczeństw."] * 40)
    scenario.write("translations/children-pl.md", translation("Dla dzieci", long_words, Translation_of="children"))
    site = scenario.build()
    assert "READ001" not in site.codes(), site.messages()
    # The English page with the same words is scored.
    scenario.write(
        "children/index.md",
        markdown_file({"Title": "For children", "Date": "2026-11-20", "Summary": "For you."}, long_words),
    )
    assert "READ001" in scenario.build().codes()


def test_untranslated_theme_strings_fall_back_to_english_with_a_warning(scenario, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    catalogue = theme / "translations" / "pl.toml"
    lines = catalogue.read_text(encoding="utf-8").splitlines()
    catalogue.write_text("\n".join(line for line in lines if not line.startswith('"Skip to main content"')) + "\n")
    scenario.write("translations/report-a-concern-pl.md", translation())
    site = scenario.build(THEME=str(theme))
    assert site.ok, site.messages()
    assert site.soup(POLISH).select_one(".skip-link").get_text() == "Skip to main content"
    assert site.soup(POLISH).select_one(".concern-banner__lead").get_text() == "Martwisz się o dziecko?"
    warnings = [f for f in site.result.findings if f.code == "TRN006"]
    assert len(warnings) == 1 and warnings[0].path.endswith("pl.toml")
    assert "Polish" in warnings[0].message and "Skip to main content" in warnings[0].hint


def test_a_language_without_a_catalogue_is_shown_in_english_with_a_warning(scenario):
    scenario.write(
        "translations/report-a-concern-cy.md", translation("Rhoi gwybod am bryder", "Ffoniwch 999.", Lang="cy")
    )
    site = scenario.build()
    assert site.ok, site.messages()
    soup = site.soup("report-a-concern/cy/")
    assert soup.html["lang"] == "cy"
    assert soup.select_one(".skip-link").get_text() == "Skip to main content"
    assert [f.code for f in site.result.findings if f.code == "TRN006"] == ["TRN006"]


@pytest.mark.parametrize(
    ("fields", "code", "line", "hint"),
    [
        ({"Lang": "Polish"}, "TRN003", 3, "'Lang: pl'"),
        ({"Lang": "xx"}, "TRN003", 3, "languages.py"),
        ({"Lang": None}, "TRN003", 1, "pl (Polish)"),
        ({"Translation_of": "pages/report-concern.md"}, "TRN002", 2, "report-a-concern.md"),
        ({"Translation_of": "reviews/child-d.md"}, "TRN002", 2, "content/pages/"),
        ({"Translation_of": None}, "TRN001", 1, "Translation_of"),
    ],
)
def test_a_bad_lang_or_translation_of_stops_the_build_at_its_line(scenario, fields, code, line, hint):
    scenario.write("translations/bad.md", translation(**fields))
    site = scenario.build()
    assert not site.ok
    found = [f for f in site.result.findings if f.code == code]
    assert found, site.messages()
    assert found[0].path.endswith("translations/bad.md") and found[0].line == line
    assert hint in found[0].hint
    assert not site.exists("bad/")


def test_two_translations_into_one_language_are_refused(scenario):
    scenario.write("translations/a.md", translation())
    scenario.write("translations/b.md", translation("Zgłoś obawy"))
    site = scenario.build()
    assert "TRN004" in site.codes()


def test_a_translation_of_a_draft_page_is_refused(scenario):
    scenario.write("pages/staying-safe.md", markdown_file({"Title": "Staying safe", "Status": "draft"}, "Text.\n"))
    scenario.write("translations/staying-safe-pl.md", translation(Translation_of="staying-safe"))
    assert "TRN005" in scenario.build().codes()


def test_a_name_in_a_translation_is_refused_as_in_the_english_page(scenario):
    scenario.write(
        "translations/report-a-concern-pl.md",
        translation(body="Zadzwoń do Jane Smith pod numer 999, jeśli dziecku grozi niebezpieczeństwo."),
    )
    site = scenario.build()
    assert not site.ok
    names = [f for f in site.result.findings if f.code == "PII001"]
    assert names and names[0].path.endswith("translations/report-a-concern-pl.md")
    assert not (scenario.output / "report-a-concern" / "pl").exists()


@pytest.mark.parametrize(
    ("code", "expected"),
    [("pl", ("pl", "ltr")), ("UR", ("ur", "rtl")), ("pa-arab", ("pa-Arab", "rtl")), ("pt_br", ("pt-BR", "ltr"))],
)
def test_language_codes_are_written_as_bcp_47_writes_them(code, expected):
    found = language(code)
    assert (found.code, found.direction) == expected


def test_an_unknown_or_malformed_code_is_not_a_language():
    assert language("xx") is None and language("polish") is None and language("pl-") is None


def test_a_term_of_a_reviews_redaction_register_in_a_translation_is_refused(scenario, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", "test-key-for-the-board-0123456789")
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", ["Brackenfold"])
    scenario.write(
        "translations/report-a-concern-pl.md",
        translation(body="Rodziny z osiedla Brackenfold mogą dzwonić pod numer 999."),
    )
    site = scenario.build()
    assert not site.ok
    found = [f for f in site.result.findings if f.code.startswith("RED") and not f.waived]
    assert found and found[0].path.endswith("translations/report-a-concern-pl.md"), site.messages()
    assert not (scenario.output / "report-a-concern" / "pl").exists()
