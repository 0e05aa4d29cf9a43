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
from register_helpers import write_register

from conftest import ROOT, markdown_file, review_markdown

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
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace('"Display" = "Widok"', line), encoding="utf-8"
    )
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
            {"Title": "Szkic Zzyzxmarker", "Translation_of": "pages/report-a-concern.md", "Lang": "pl", "Status": "draft"},
            "Zadzwoń pod numer 999.\n",
        ),
    )
    site = published(scenario)
    assert site.ok, site.messages()
    assert b"zzyzxmarker" not in output_bytes(site).lower()
    assert not site.exists("report-a-concern/pl/")


# --- Leaks still open --------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="lscb_core.text.normalise keeps the Arabic tatweel (U+0640, a letter of category Lm, not Cf) and "
    "does not fold the Arabic/Persian letter variants (ي U+064A / ی U+06CC, ه U+0647 / ہ U+06C1): a "
    "redaction register term in Arabic script, written with a kashida or the other keyboard's yeh or heh, "
    "is drawn the same but not matched (RED001), in the source and in the final gate",
)
@pytest.mark.parametrize(
    ("term", "written"),
    [
        ("عائشہ", "عائـشہ"),  # a kashida (tatweel) inside the word: stretched, same letters
        ("علي", "علی"),  # Arabic yeh / Farsi-Urdu yeh: the same letter in final form on most fonts
        ("عائشہ", "عائشه"),  # Urdu heh goal / Arabic heh
    ],
)
def test_a_register_term_in_arabic_script_is_matched_as_a_reader_reads_it(scenario, keyed, term, written):
    scenario.write("reviews/child-q.md", review_markdown())
    write_register(scenario.content, "reviews/child-q.md", [term])
    scenario.write("translations/report-a-concern-ur.md", translation("ur", f"فوراً 999 پر کال کریں۔ {written} یہاں۔"))
    site = published(scenario)
    # tests/leak_search.py reads no Arabic-script words: look at the bytes.
    assert not (site.ok and written.encode() in output_bytes(site)), "the term reached output/"


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


# --- False alarms ------------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="the final gate reads every id as an address (#se-uma-crianca-estiver-em-perigo-agora) and "
    "capitalises each word not on the English everyday list (published/address_words.py): the anchor "
    "of an ordinary heading of a Portuguese, Somali, Turkish or Lithuanian page reads as a full name "
    "(Uma Criança..., Haddii Aad, Marka Aad, Şu Anda..., Dėl Vaiko) and the page is refused (PII001 "
    "'in ... (id address)'); the same words in the text, in lower case, are not",
)
@pytest.mark.parametrize(
    ("lang", "title", "heading"),
    [
        ("pt", "Comunicar uma preocupação sobre uma criança", "Se uma criança estiver em perigo agora"),
        ("so", "Soo sheeg walaac ku saabsan ilmo", "Haddii ilmo hadda khatar ku jiro"),
        ("so", "Soo sheeg walaac ku saabsan ilmo", "Maxaa dhaca marka aad wacdo"),
        ("tr", "Bir çocukla ilgili endişenizi bildirin", "Bir çocuk şu anda tehlikedeyse"),
        ("lt", "Praneškite apie susirūpinimą dėl vaiko", "Jei nerimaujate dėl vaiko"),
    ],
)
def test_an_ordinary_heading_of_a_translated_key_page_is_not_read_as_a_name(scenario, lang, title, heading):
    body = f"## {heading}\n\nZadzwoń [999](tel:999)."
    scenario.write(f"translations/report-a-concern-{lang}.md", translation(lang, body, title=title))
    site = published(scenario)
    assert site.ok, errors(site)
