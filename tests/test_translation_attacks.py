"""Red team round 9: pages in other languages (content/translations/, Lang,
Translation_of, the theme's message catalogue) against the promise that no
identifier reaches output/, and realistic translated pages against false
alarms. Real Pelican builds with publishconf.py's settings.

Each leak or false alarm still open is an xfail(strict=True) test with its
reason; the defences that held are plain tests, so they stay held.
"""

from __future__ import annotations

import shutil

import pytest
from leak_search import contains
from register_helpers import write_register

from conftest import ROOT, markdown_file, review_markdown
from lscb_checks.published.files import path_texts

KEY = "test-key-for-the-board-0123456789"


def translation(lang: str, body: str, title: str = "Strona", of: str = "pages/report-a-concern.md") -> str:
    return markdown_file({"Title": title, "Translation_of": of, "Lang": lang}, body + "\n")


def published(scenario):
    return scenario.build(settings="publishconf.py")


def output_bytes(site) -> bytes:
    return b"\n".join(path.read_bytes() for path in site.all_files())


def errors(site) -> list[str]:
    return [f"{f.code} {f.message}" for f in site.result.findings if not f.waived and f.severity.name == "ERROR"]


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)


# --- Defences that held ------------------------------------------------------------


def _theme_with_polish(scenario, line: str) -> str:
    theme = scenario.root / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("node_modules"))
    catalogue = theme / "translations" / "pl.toml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('"Display" = "Widok"', line), encoding="utf-8")
    return str(theme)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('"Display" = "Widok Brackenfold"', "RED001"),
        ('"Display" = "Widok: Jessamy Pollard"', "PII001"),
        ('"Display" = "Widok, born 14 March 2015"', "PII004"),
    ],
)
def test_an_identifier_in_the_theme_catalogue_is_refused_on_the_translated_page(scenario, keyed, line, code):
    """The catalogue is not content: only the final gate reads what it puts
    on the page, and it does."""
    scenario.write("translations/report-a-concern-pl.md", translation("pl", "Zadzwoń pod numer 999."))
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", ["Brackenfold"])
    site = scenario.build(settings="publishconf.py", THEME=_theme_with_polish(scenario, line))
    assert not site.ok and code in site.codes(), site.messages()


@pytest.mark.parametrize(
    "fields",
    [
        {"Lang": "pl", "Status": "draft"},
        {"Lang": "pl", "Publication_decision": "withhold"},
    ],
)
def test_a_lang_on_a_review_cannot_send_it_to_pelicans_lang_save_as(scenario, fields):
    """Pelican writes a page whose lang is not DEFAULT_LANG with *_LANG_SAVE_AS
    (drafts/{slug}-{lang}.html), which publishconf.py does not empty: Lang on
    a review is refused (META001) before that can happen."""
    scenario.write("reviews/child-q.md", review_markdown(Title="Child Q Marker review", **fields))
    site = published(scenario)
    assert not site.ok and "META001" in site.codes()
    assert b"Child Q Marker" not in output_bytes(site) if site.output.exists() else True


@pytest.mark.parametrize(
    "of", ["reviews/child-q.md", "child-q", "pages/../reviews/child-q.md", "content/reviews/child-q.md", "Child Q"]
)
def test_a_translation_of_a_review_by_any_spelling_is_refused(scenario, of):
    scenario.write("reviews/child-q.md", review_markdown(Publication_decision="withhold"))
    scenario.write("translations/child-q-pl.md", translation("pl", "Dziecko Q.", title="Tytuł Marker", of=of))
    site = published(scenario)
    assert not site.ok and "TRN002" in site.codes(), site.messages()


def test_a_draft_translation_is_not_written_by_a_publishing_build(scenario):
    scenario.write(
        "translations/report-a-concern-pl.md",
        markdown_file(
            {
                "Title": "Szkic Zzyzxmarker",
                "Translation_of": "pages/report-a-concern.md",
                "Lang": "pl",
                "Status": "draft",
            },
            "Zadzwoń pod numer 999.\n",
        ),
    )
    site = published(scenario)
    assert site.ok, site.messages()
    assert b"zzyzxmarker" not in output_bytes(site).lower()
    assert not site.exists("report-a-concern/pl/")


# --- Leaks still open --------------------------------------------------------------


def _urdu_page_with_term(scenario, term: str, written: str):
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", [term])
    scenario.write("translations/report-a-concern-ur.md", translation("ur", f"فوراً 999 پر کال کریں۔ {written} یہاں۔"))
    return published(scenario)


def test_a_register_term_in_arabic_script_stretched_with_a_kashida_is_refused(scenario, keyed):
    """A kashida (tatweel, U+0640: a letter by category, Lm) only widens the
    joint between two letters: "عائـشہ" is "عائشہ" to a reader, and now to
    the register (RED001)."""
    site = _urdu_page_with_term(scenario, "عائشہ", "عائـشہ")
    assert not site.ok and "RED001" in site.codes(), site.messages()


def test_a_register_term_in_arabic_script_as_written_is_refused(scenario, keyed):
    site = _urdu_page_with_term(scenario, "عائشہ", "عائشہ")
    assert not site.ok and "RED001" in site.codes(), site.messages()


@pytest.mark.xfail(
    strict=True,
    reason="lscb_core.text.normalise does not fold the Arabic and Persian/Urdu forms of a letter "
    "(ي U+064A / ی U+06CC, ه U+0647 / ہ U+06C1, ك / ک): a register term typed on an Arabic keyboard "
    "is not matched on an Urdu page typed on an Urdu one, though drawn alike in most positions. Folding "
    "them changes the hashes of terms already registered with them: a register format change",
)
@pytest.mark.parametrize(("term", "written"), [("علي", "علی"), ("عائشہ", "عائشه")])
def test_a_register_term_in_arabic_script_is_matched_in_either_keyboards_letters(scenario, keyed, term, written):
    site = _urdu_page_with_term(scenario, term, written)
    # tests/leak_search.py reads no Arabic-script words: look at the bytes.
    assert not (site.ok and written.encode() in output_bytes(site)), "the term reached output/"


@pytest.mark.parametrize(("lang", "number"), [("ur", "۰۷۷۰۰ ۹۰۰۴۶۱"), ("ar", "٠٧٧٠٠ ٩٠٠٤٦١")])
def test_a_phone_number_in_arabic_indic_digits_is_refused(scenario, lang, number):
    """Digits of another script are read as the ASCII digits they stand for
    (lscb_core.text.characters.ascii_digit): a mobile number written in
    Arabic-Indic digits on an Urdu or Arabic page is a phone number (PII005)."""
    scenario.write(f"translations/report-a-concern-{lang}.md", translation(lang, f"999. {number}."))
    site = published(scenario)
    assert not site.ok and "PII005" in site.codes(), site.messages()


def test_the_boards_own_number_in_arabic_indic_digits_is_not_refused(scenario):
    scenario.write("translations/report-a-concern-ur.md", translation("ur", "فون ٠١٦٣٢ ٩٦٠ ١٢٣ پر۔"))
    site = published(scenario)
    assert site.ok, errors(site)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("pl", "Zuzia, urodzona 14.03.2015, mieszka tutaj."),
        ("ro", "Născută la 14 martie 2015."),
        ("pt", "Nascida a 14/03/2015."),
        ("so", "Waxay dhalatay 14/03/2015."),
    ],
)
def test_a_date_of_birth_in_a_translation_is_refused(scenario, lang, sentence):
    scenario.write(f"translations/report-a-concern-{lang}.md", translation(lang, sentence))
    site = published(scenario)
    assert not site.ok, "the date of birth reached output/"


@pytest.mark.xfail(
    strict=True,
    reason="the name checks find a full name by its capitals and a list of forenames in Latin letters: "
    "a name in Arabic script (no capitals) or in Cyrillic in a translation passes both the source "
    "checks and the final gate (Latin-script Polish, Romanian, Somali, Lithuanian and Turkish names are caught)",
)
@pytest.mark.parametrize(
    ("lang", "name"),
    [("ur", "عائشہ خان"), ("ar", "محمد العلي"), ("uk", "Олена Коваленко")],
)
def test_a_full_name_in_a_translation_in_another_script_is_refused(scenario, lang, name):
    scenario.write("translations/report-a-concern-" + lang + ".md", translation(lang, f"999. {name} 999."))
    site = published(scenario)
    assert not (site.ok and name.encode() in output_bytes(site)), "the name reached output/"


# --- False alarms: fixed ---------------------------------------------------------------

# Ordinary headings of a key page in 20 languages (5 each): before the fix,
# 18 of the 20 pages were refused, every time by a heading's anchor read as
# a full name (Jak, Uma, Marka, Si, Su, Del, Di, Az, Ang, Li... are forenames).
HEADINGS = [
    ("pl", "Jak rozmawiać z dzieckiem o internecie"),
    ("pt", "Se uma criança estiver em perigo agora"),
    ("so", "Haddii ilmo hadda khatar ku jiro"),
    ("so", "Maxaa dhaca marka aad wacdo"),
    ("tr", "Bir çocuk şu anda tehlikedeyse"),
    ("lt", "Jei nerimaujate dėl vaiko"),
    ("ro", "Pot să rămân anonim?"),
    ("es", "Si un niño está en peligro ahora"),
    ("fr", "Si un enfant est en danger maintenant"),
    ("it", "Come parlare con tuo figlio di internet"),
    ("de", "Was passiert, wenn Sie anrufen"),
    ("cy", "Beth sy'n digwydd pan fyddwch chi'n ffonio"),
    ("sq", "Nëse një fëmijë është në rrezik tani"),
    ("tl", "Kung ang bata ay nasa panganib ngayon"),
    ("vi", "Tìm sự giúp đỡ ở đâu"),
    ("ku", "Li ku derê alîkarî bibînin"),
]


@pytest.mark.parametrize(("lang", "heading"), HEADINGS)
def test_an_ordinary_heading_of_a_translated_key_page_is_not_read_as_a_name(scenario, lang, heading):
    """The gate read each anchor (#se-uma-crianca-estiver-em-perigo-agora)
    as an address, capitalising every word not on the English everyday list:
    on a page in another language, that is every word. The anchor of a
    heading that is its own words is now read in the heading
    (lscb_checks.published.heading_anchors)."""
    body = f"## {heading}\n\nTelefon [999](tel:999).\n\n## {heading}\n\n[999](tel:999)."
    scenario.write(f"translations/report-a-concern-{lang}.md", translation(lang, body))
    site = published(scenario)
    assert site.ok, errors(site)


@pytest.mark.parametrize(
    ("path", "text", "lang"),
    [
        # An anchor that is not its heading's words, on a translated page.
        ("translations/report-a-concern-pl.md", '<h2 id="zebedee-quinlan">Co robić</h2>\n\nTelefon 999.', "pl"),
        ("translations/report-a-concern-pl.md", '## Co robić <span id="zebedee-quinlan"></span>\n\nTelefon 999.', "pl"),
        # Every anchor of an English page: a name written in lower case in a heading.
        ("pages/extra.md", "## olivia smith\n\nCall 999.", None),
    ],
)
def test_an_anchor_that_is_not_a_translated_headings_words_is_still_read(scenario, path, text, lang):
    fields = {"Title": "Extra page"} if lang is None else {}
    scenario.write(path, markdown_file(fields, text + "\n") if lang is None else translation(lang, text))
    site = published(scenario)
    assert not site.ok and "PII001" in site.codes(), site.messages()


@pytest.mark.xfail(
    strict=True,
    reason="the price of the fix above: on a page not in English, a full name written in lower case in a "
    "heading (## olivia smith) was caught only by its anchor; it is now read only in the heading, in "
    "lower case, where the name checks (which find names by their capitals) do not see it -- as they do "
    "not in a paragraph of any page",
)
def test_a_full_name_in_lower_case_in_a_translated_heading_is_refused(scenario):
    scenario.write("translations/report-a-concern-pl.md", translation("pl", "## olivia smith\n\nTelefon 999."))
    site = published(scenario)
    assert not site.ok


# --- Fixed: the search index's file names of a translation's language --------------


def test_the_search_index_files_of_each_language_are_not_read_as_words(scenario):
    """Pagefind names a language's index files with its code and a hash
    (pagefind/fragment/hu_c3a9f01.pf_fragment): read as words, "Hu C3a9f01"
    or "Vi Fe12a9b Pf" was a full name, refusing a build with a Hungarian or
    Vietnamese page on the luck of a hash."""
    for lang in ("hu", "vi", "pl"):
        scenario.write(f"translations/report-a-concern-{lang}.md", translation(lang, "Telefon [999](tel:999)."))
    site = published(scenario)
    assert site.ok, errors(site)
    names = [str(p.relative_to(site.output)) for p in (site.output / "pagefind").rglob("*") if p.is_file()]
    coded = [name for name in names if "_" in name.rsplit("/", 1)[-1] and name.endswith((".pf_fragment", ".pf_index"))]
    assert {name.rsplit("/", 1)[-1][:2] for name in coded} >= {"hu", "vi", "pl"}
    for name in coded + [name for name in names if name.startswith("pagefind/wasm.")]:
        read = " ".join(text.text for text in path_texts(name)).lower()
        stem = name.rsplit("/", 1)[-1].split(".pf_")[0].split("_")[-1]
        assert stem.lower() not in read, (name, read)


@pytest.mark.parametrize("name", ["jo-quinlan_abcdef1.pf_fragment", "zebedee_abcdef1.pf_index"])
def test_a_search_file_name_that_is_not_a_language_code_is_still_read(name):
    read = " ".join(text.text for text in path_texts("pagefind/fragment/" + name))
    assert "Quinlan" in read or "Zebedee" in read


# --- Fixed: the tests' leak search reads other scripts --------------------------------


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        ("<p>فون پر عائشہ خان یہاں</p>", "عائشہ خان", True),
        ("<p>فون پر عائشہ یہاں</p>", "عائشہ خان", False),
        ("<p>Олена Коваленко</p>", "Олена Коваленко", True),
        ("<li>王小明的家</li>", "王小明的家", True),
        ("<p>Zebedee Quinlan</p>", "Zebedee Quinlan", True),
    ],
)
def test_the_leak_search_finds_a_value_in_any_script(text, value, found):
    """tests/leak_search.py read only Latin letters and digits as words: a
    value in Arabic script had no words, and was never found, so a test of a
    leak in an Urdu page could not fail."""
    assert contains(text, value) is found
