"""The one normaliser every matcher uses (lscb_core.text.normalise): each
class of character an editor or an attacker may use to write a name so that
it looks the same but compares differently, the clean copy the detectors
read, and that registers made before keep matching. End-to-end cases, on
real builds, are at the end."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register_helpers import write_register  # noqa: E402

from conftest import review_markdown  # noqa: E402
from lscb_checks.text.forenames import fold as forename_fold  # noqa: E402
from lscb_core.text import characters  # noqa: E402
from lscb_core.text import normalise as module  # noqa: E402
from lscb_core.text.characters import ignorable  # noqa: E402
from lscb_core.text.cleaned import clean  # noqa: E402
from lscb_core.text.normalise import (  # noqa: E402
    fold,
    fold_text,
    legacy_words,
    normalise,
    tokens,
    words,
)

# --- Each class of character ---------------------------------------------------

LOOK_ALIKES = {
    # Cyrillic а е о р с у х і, and capitals
    "Kаyden": "kayden",
    "Jеnna": "jenna",
    "Rоse": "rose",
    "Рiper": "piper",
    "Сasey": "casey",
    "Kyrа": "kyra",
    "Mаxine": "maxine",
    "Alех": "alex",
    "Іvy": "ivy",
    "Lіly": "lily",
    "Кayden": "kayden",
    "Ryаn": "ryan",
    "Harvеy": "harvey",
    "Taylоr": "taylor",
    "Kayden Smith": "kayden smith",
    "Jоy": "joy",
    "Рорру": "poppy",
    # Greek ο ν ρ, capitals Ο Ι Κ
    "Sοphie": "sophie",
    "Keνin": "kevin",
    "Οscar": "oscar",
    "Ιsla": "isla",
    "Κai": "kai",
    # full width, ligatures, mathematical letters
    "Ｋayden": "kayden",
    "ＫＡＹＤＥＮ": "kayden",
    "ﬁona": "fiona",
    "𝐊𝐚𝐲𝐝𝐞𝐧": "kayden",
    # Latin letters with strokes, dotless i
    "Søren": "soren",
    "Łukasz": "lukasz",
    "Yıldız": "yildiz",
}


@pytest.mark.parametrize("written, expected", LOOK_ALIKES.items())
def test_look_alike_letters_read_as_latin(written, expected):
    assert normalise(written) == expected


INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "soft hyphen": "\u00ad",
    "byte order mark": "\ufeff",
    "tag letter A": "\U000e0041",
    "tag cancel": "\U000e007f",
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "first strong isolate": "\u2068",
    "pop isolate": "\u2069",
    "Mongolian vowel separator": "\u180e",
    "variation selector 16": "\ufe0f",
    "variation selector 1": "\ufe00",
    "variation selector 17": "\U000e0100",
    "Hangul filler": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "combining grapheme joiner": "\u034f",
    "Arabic letter mark": "\u061c",
    "invisible times": "\u2062",
    "shorthand format control": "\U0001bca0",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_inside_a_word_are_removed(char):
    written = f"Kay{char}den Smi{char}th{char}"
    assert normalise(written) == "kayden smith"
    assert fold(f"Kay{char}den") == "kayden"
    assert clean(written).text == "Kayden Smith"
    # The tokens still point at the whole written word.
    assert [written[t.start : t.end] for t in tokens(written)] == [f"Kay{char}den", f"Smi{char}th"]


def test_every_default_ignorable_and_format_character_is_ignorable():
    """The character class of the module against Python's Unicode data: every
    Cf character, and the Default_Ignorable_Code_Point ranges of Unicode 15."""
    format_chars = [
        chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and unicodedata.category(chr(cp)) == "Cf"
    ]
    assert format_chars and all(characters._IGNORABLE_CHAR.match(c) for c in format_chars)
    for low, high in [
        (0xAD, 0xAD),
        (0x34F, 0x34F),
        (0x115F, 0x1160),
        (0x17B4, 0x17B5),
        (0x180B, 0x180F),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x206F),
        (0x3164, 0x3164),
        (0xFE00, 0xFE0F),
        (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0),
        (0xFFF0, 0xFFF8),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
    ]:
        assert all(ignorable(chr(cp)) for cp in range(low, high + 1)), hex(low)
    assert not any(ignorable(c) for c in "aZ09 -'’é\u00a0\u2013")


def test_accents_case_apostrophes_and_spaces_as_before():
    assert normalise("Zoë  Siobhán\nO’Brien's") == "zoe siobhan obrien"
    assert normalise("Zoe\u0308") == "zoe"  # a decomposed accent
    assert normalise("STRAẞE straße") == "strasse strasse"


def test_text_in_other_scripts_keeps_its_letters():
    # Letters without a Latin look-alike stay (ж, и, з); those with one are
    # read as it (н looks like a small H, ь like b); the words are still words.
    assert words("Жизнь 中文 العربية") == ["жизhb", "中文", "العربية"]
    assert normalise("Москва") == "mockba"  # read as it looks: м о с к в а


def test_ascii_is_never_read_through_the_confusables_table():
    # TR39 would read m as rn, I as l and 0 as O; plain text stays as typed.
    assert normalise("Jim Ian 0I") == "jim ian 0i"
    assert normalise("modern") == "modern"


def test_registers_made_before_keep_matching():
    """Every character the old rules already made ASCII gives the same
    result now, so a register term of Latin letters keeps its hash."""
    changed = []
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        char = chr(cp)
        before = module._legacy_fold_char(char)
        if before.isascii() and before and characters._fold_char(char) != before:
            changed.append(hex(cp))
    assert changed == []
    # Letters the old rules kept are read as before by legacy_words().
    assert legacy_words("Łukasz Søren") == ["łukasz", "søren"]
    assert words("Łukasz Søren") == ["lukasz", "soren"]


def test_one_fold_for_every_matcher():
    written = "Kаy\u200bden Sm\u00adith"
    assert fold(written) == "kayden smith"
    assert forename_fold("Kаyden") == forename_fold("KAYDEN") == "kayden"
    assert forename_fold("Anne-Marie") == "anne-marie"  # the hyphen stays for compound names
    assert fold_text(clean(written).text) == "kayden smith"


# --- The clean copy and its offsets ----------------------------------------------


def test_clean_copy_keeps_case_and_maps_offsets_back():
    written = "Seen by Kаy\u200bden Ｓmith’s aunt, Zoe\u0301 ﬁnn."
    cleaned = clean(written)
    assert cleaned.text == "Seen by Kayden Smith’s aunt, Zoé finn."
    for word in ("Kayden", "Smith", "aunt", "Zoé", "finn", "Seen"):
        start = cleaned.text.index(word)
        end = start + len(word)
        original = written[cleaned.start(start) : cleaned.end(end)]
        assert normalise(original) == normalise(word), (word, original)

    def original(word: str) -> str:
        start = cleaned.text.index(word)
        return written[cleaned.start(start) : cleaned.end(start + len(word))]

    assert original("Kayden") == "Kаy\u200bden"
    assert original("Zoé") == "Zoe\u0301"
    assert original("finn") == "ﬁnn"
    assert original("fi") == "ﬁ"  # half of a ligature is the whole ligature
    assert original("inn.") == "ﬁnn."


def test_plain_text_is_its_own_clean_copy():
    text = "Mother's partner, Kyle Brennan, had a history of violence."
    cleaned = clean(text)
    assert cleaned.text is text and not cleaned.changed
    assert (cleaned.start(5), cleaned.end(5)) == (5, 5)
    assert clean("Zoë said “yes” – twice.").text == "Zoë said “yes” – twice."


# --- End to end: real builds -------------------------------------------------------

REVIEW_BODY = (
    "## Findings\n\n{line}\n\n## Recommendations\n\n1. Share information sooner.\n\n"
    "## The board's response\n\nThe board accepted the recommendation.\n"
)
PSEUDONYMS = "Child Q, Mother, Mother's partner, Sibling 1"

DISGUISES = {
    "Cyrillic e": "Kylе Brennan",
    "Cyrillic capital K": "Кyle Brennan",
    "Cyrillic e in the surname": "Kyle Brеnnan",
    "zero-width space": "Ky\u200ble Brennan",
    "soft hyphen": "Ky\u00adle Bren\u00adnan",
    "tag characters": "Kyle\U000e0041 Brennan",
    "right-to-left override": "Kyle Bren\u202enan",
    "full width": "Ｋｙｌｅ Brennan",
    "word joiner": "K\u2060yle Brennan",
    "variation selector": "Kyle\ufe0f Brennan",
}


def _pii001(site) -> list:
    return [f for f in site.result.findings if f.code == "PII001"]


@pytest.mark.parametrize("name", DISGUISES.values(), ids=DISGUISES.keys())
def test_a_disguised_full_name_is_refused_where_it_is(scenario, name):
    line = f"Mother's partner, {name}, had a history of violence."
    text = review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS)
    path = scenario.write("reviews/child-q.md", text)
    site = scenario.build()
    assert not site.ok
    [finding] = _pii001(site)
    assert Path(finding.path).resolve() == path.resolve()
    assert finding.line == text.splitlines().index(line) + 1
    assert finding.col == line.index(name) + 1
    assert normalise(finding.term) == "kyle brennan"
    assert finding.message.isprintable() and len(finding.message) < 80


def test_a_disguised_name_in_a_file_name_is_refused(scenario):
    line = "The [chronology](documents/Kylе_Brennan.pdf) is attached."
    scenario.write("reviews/child-q.md", review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS))
    site = scenario.build()
    assert [normalise(f.term) for f in _pii001(site)] == ["kyle brennan"], site.messages()


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", "normalise-test-key-0123456789")


@pytest.mark.parametrize(
    "written",
    [
        "Tаmsin Greywell",
        "Tam\u200bsin Grey\u00adwell",
        "ＴＡＭＳＩＮ greywell",
        "Tamsin Greyw\u0435ll",
        "T\U000e0020amsin Greywell",
    ],
)
def test_a_disguised_register_term_is_refused(scenario, key, written):
    line = f"Child Q's cousin, {written}, stayed at weekends."
    text = review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS)
    scenario.write("reviews/child-q.md", text)
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    site = scenario.build()
    assert not site.ok
    [finding] = [f for f in site.result.findings if f.code == "RED001"]
    assert (finding.line, finding.col) == (text.splitlines().index(line) + 1, line.index(written) + 1)


def test_a_register_term_registered_with_a_look_alike_finds_the_plain_name(scenario, key):
    line = "Child Q's cousin, Tamsin Greywell, stayed at weekends."
    scenario.write("reviews/child-q.md", review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS))
    write_register(scenario.content, "reviews/child-q.md", ["Tаmsin Grеywell"])  # Cyrillic а, е
    assert [f.code for f in scenario.build().result.findings if f.code.startswith("RED")] == ["RED001"]


def test_a_register_of_format_1_still_finds_letters_the_old_rules_kept(scenario, key):
    """A register made before look-alikes were read holds "łukasz" as it was
    normalised then; the text is compared that way too."""
    import json

    from lscb_checks.text.register import Hasher

    line = "Child Q's cousin, Łukasz, stayed at weekends."
    scenario.write("reviews/child-q.md", review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS))
    path = write_register(scenario.content, "reviews/child-q.md", ["Placeholder Term"])
    data = json.loads(path.read_text())
    hasher = Hasher(b"normalise-test-key-0123456789")
    data["version"] = 1
    data["entries"] += [entry.hex() for entry in hasher.entries("łukasz", set())]
    path.write_text(json.dumps(data))
    found = [f for f in scenario.build().result.findings if f.code.startswith("RED")]
    assert [f.code for f in found] == ["RED001"]
    assert found[0].col == line.index("Łukasz") + 1


ALLOWLIST = '[[allow]]\ntext = "{text}"\nreason = "Named in the public inquiry into her death (2003)"\n'


@pytest.mark.parametrize(
    "entry, written, allowed",
    [
        ("Victoria Climbié", "Victоria Climbié", True),  # Cyrillic о in the text
        ("Victoria Climbié", "Vic\u200btoria Climbie", True),  # invisible character in the text
        ("Victоria Climbié", "Victoria Climbie", True),  # Cyrillic о in the allowlist entry
        ("Victoria Climbié", "Victoria Climbiеr", False),  # another name: a letter more
        ("Victoria Climbié", "Viсtoria Clambie", False),  # another name, with a look-alike
    ],
    ids=["look-alike-in-text", "invisible-in-text", "look-alike-in-entry", "longer-name", "other-name"],
)
def test_an_allowlisted_name_is_allowed_however_written_and_only_that_name(scenario, tmp_path, entry, written, allowed):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST.format(text=entry), encoding="utf-8")
    line = f"The lessons of the inquiry into the death of {written} were not learned."
    scenario.write("reviews/child-q.md", review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS))
    site = scenario.build(REDACTION_ALLOWLIST=str(allowlist))
    assert [normalise(f.term) for f in _pii001(site)] == ([] if allowed else [normalise(written)])


def test_a_waiver_quoting_the_plain_name_covers_the_disguised_one(scenario):
    waiver = '<!-- waive PII001 "Peter Connelly": named in a national review; approved by Head of Safeguarding -->'
    line = f"The national review after the death of Petеr Con\u200bnelly is relevant here. {waiver}"
    scenario.write("reviews/child-q.md", review_markdown(REVIEW_BODY.format(line=line)))
    site = scenario.build()
    assert site.ok, site.messages()
    assert [f.code for f in site.result.findings if f.waived] == ["PII001"]


def test_a_declared_pseudonym_written_with_a_look_alike_is_still_the_pseudonym(scenario):
    line = "Child Q's teacher, Lenа Hartwell, noticed the bruises."  # Cyrillic а
    text = review_markdown(REVIEW_BODY.format(line=line), Pseudonyms=PSEUDONYMS + ", Lena Hartwell")
    scenario.write("reviews/child-q.md", text)
    assert _pii001(scenario.build()) == []


def test_accented_names_and_other_scripts_cause_no_false_alarm(scenario):
    lines = "\n\n".join(
        [
            "Child Q called her teacher Zoë, and Sibling 1 spoke of Siobhán and Seán at the café.",
            "Mother's first language is Russian; the interpreter wrote «Мы живём в Москве» on the form.",
            "A leaflet in Greek («Καλημέρα, η οικογένεια») and Polish («Dzień dobry, Łódź») was given.",
            "The naïve façade of the crèche, and Sibling 1's piñata, were photographed.",
        ]
    )
    # The three forenames alone are declared (PII011), written without their accents.
    scenario.write(
        "reviews/child-q.md",
        review_markdown(REVIEW_BODY.format(line=lines), Pseudonyms="Zoe, Siobhan, Sean, " + PSEUDONYMS),
    )
    site = scenario.build()
    assert [f for f in site.result.findings if f.code.startswith(("PII", "RED"))] == [], site.messages()


@pytest.mark.parametrize(
    "written,read",
    [
        ("\u00d0\u0301avid", "David"),
        ("\u0110\u0301", "D"),
        ("Zebedee", "Zebedee"),
        ("caf\u00e9\u00a0\u2014", "caf\u00e9\u00a0\u2014"),
    ],
    ids=["eth-and-accent", "d-stroke-and-accent", "plain", "clean-already"],
)
def test_clean_reads_a_text_cleaned_once_as_cleaned_twice(written, read):
    """A letter that becomes a Latin one and keeps a mark it does not compose
    with ("\u00d0" and an acute accent) was cleaned to "D" and the accent,
    and only a second cleaning took the accent off: the final gate, which
    cleans the blocks it keys and then the text its detectors read, read
    the two differently."""
    from lscb_core.text.cleaned import clean

    once = clean(written).text
    assert once == read
    assert clean(once).text == once
