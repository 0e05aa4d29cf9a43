"""The redaction register: normalisation, the register file, the check in
real builds (RED001-RED005), and scripts/redaction-register."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pty
import select
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register_helpers import write_register  # noqa: E402
from script_runs import ScriptRunner  # noqa: E402

from conftest import ROOT, build_site, review_markdown  # noqa: E402
from lscb_checks.text.register import MIN_WORDS, Hasher, RegisterError, add_terms, load  # noqa: E402
from lscb_checks.text.register_matcher import Matcher  # noqa: E402
from lscb_core.text.normalise import normalise, tokens  # noqa: E402

KEY = "test-board-key-4f1c9a27be0d4d3c8e51"
OTHER_KEY = "another-board-key-77d03e9a1b2c4f60"
SCRIPT = ROOT / "scripts" / "redaction-register"
# Runs the script (tests/script_runs.py: each run a fork of one process that
# has imported what the script imports, not a new interpreter importing it).
REGISTER_SCRIPT = ScriptRunner(SCRIPT)


@pytest.fixture(scope="module", autouse=True)
def _stop_the_runner():
    yield
    REGISTER_SCRIPT.close()


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    return KEY


def _found(register_terms: list[str], text: str, tmp_path: Path) -> list[str]:
    """The pieces of `text` a register of `register_terms` finds."""
    path = tmp_path / "reviews" / "redaction" / "child-q.json"
    add_terms(path, KEY.encode(), register_terms)
    register = load(path)
    words = tokens(text)
    matcher = Matcher(Hasher(KEY.encode()), register.entries, register.max_words)
    return [text[words[i].start : words[i + n - 1].end] for i, n in matcher.find([w.text for w in words])]


# --- Normalisation -----------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Jane Smith",
        "JANE SMITH",
        "jane  smith",
        "Jane\nSmith",
        "Jane Smith's",
        "Jane Smith’s",
        "jane-smith",
        "Jane–Smith",
        "Jáne Smíth",
        "Jane%20Smith",
        "Jane&nbsp;Smith",
        "jane_smith",
        "J\u00adane Smith",
        "‘Jane’ Smith",
        "Ｊａｎｅ Ｓｍｉｔｈ",
    ],
)
def test_every_way_of_writing_a_name_normalises_the_same(written):
    assert normalise(written) == "jane smith"


@pytest.mark.parametrize(
    "written, expected",
    [
        ("O'Brien", "obrien"),
        ("Oʼbrien", "obrien"),
        ("Zoë", "zoe"),
        ("straße", "strasse"),
        ("03/05/2015", "3 5 2015"),
        ("007", "7"),
        ("0", "0"),
        ("Child L's", "child l"),
        ("NS1 4AB", "ns1 4ab"),
        ("3ʳᵈ May", "3rd may"),
    ],
)
def test_normalisation_rules(written, expected):
    assert normalise(written) == expected


def test_tokens_keep_their_place_in_the_original_text():
    text = "Seen by Zoë O’Brien’s  aunt on 03/05."
    pieces = [text[t.start : t.end] for t in tokens(text)]
    assert pieces == ["Seen", "by", "Zoë", "O’Brien", "aunt", "on", "03", "05"]


def test_fast_and_general_tokenisers_agree():
    """Plain text takes a fast path; it must give exactly what the general
    path gives, offsets included, and words() what tokens() gives."""
    import random

    from lscb_core.text import normalise as module

    pieces = list("abXYZ0190 '’ʼ‘-–—_.,;:\n\t\"“”s£©½²ʳé\u00ad%&") + [
        "'s",
        "’s",
        "\u00a0",
        "…",
        "%20",
        "&amp;",
        "e\u0301",
        "ﬁ",
        "O'Brien's",
        "007",
    ]
    chooser = random.Random(3)
    samples = ["".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 30))) for _ in range(5000)]
    samples += [path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*.md")]
    for text in samples:
        found = tokens(text)
        assert found == module._tokens_by_run(text), repr(text)
        assert module.words(text) == [token.text for token in found], repr(text)


# --- The register file -------------------------------------------------------


def test_register_holds_no_plaintext_and_no_word_counts(tmp_path):
    terms = ["Tamsin Greywell", "Rowan Lodge, 14 Acacia Avenue", "Pip", "Little Fennick Primary School"]
    path = tmp_path / "redaction" / "child-q.json"
    result = add_terms(path, KEY.encode(), terms)
    assert result.added == 4
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == {"format", "version", "about", "hash", "key_check", "max_words", "entries"}
    assert data["max_words"] == MIN_WORDS  # says nothing about terms up to MIN_WORDS words
    assert len(data["entries"]) == 3 * len(terms)  # three for every term, whatever its length
    assert data["entries"] == sorted(data["entries"])  # not in the order they were typed
    for term in terms:
        for word in normalise(term).split():  # hex digits can spell short words and numbers
            if len(word) > 3 and word.isalpha():
                assert word not in text.lower().replace(data["about"].lower(), "")
    expected_check = hmac.new(KEY.encode(), b"k:lscb redaction register key check", hashlib.sha256)
    assert data["key_check"] == expected_check.hexdigest()


def test_adding_again_keeps_one_copy_and_refuses_another_key(tmp_path):
    path = tmp_path / "child-q.json"
    add_terms(path, KEY.encode(), ["Tamsin Greywell"])
    again = add_terms(path, KEY.encode(), ["TAMSIN  greywell", "Pip"])
    assert (again.added, again.already) == (1, 1)
    assert len(load(path).entries) == 6
    with pytest.raises(RegisterError, match="another key"):
        add_terms(path, OTHER_KEY.encode(), ["Pip"])


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something-else"}', "not a redaction register"),
        ('{"format": "lscb-redaction-register", "version": 3}', "format version 3"),
        (
            '{"format": "lscb-redaction-register", "version": 1, "key_check": "00", "max_words": 8, "entries": []}',
            "key_check",
        ),
    ],
)
def test_unreadable_registers_say_why(tmp_path, text, reason):
    path = tmp_path / "child-q.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegisterError, match=reason):
        load(path)


def test_terms_of_many_words_match_whole(tmp_path):
    address = "Flat 3 Rowan Court 14 Acacia Avenue Little Fennick Northshire"  # 10 words
    found = _found(
        [address],
        "They moved to Flat 3, Rowan Court, 14 Acacia Avenue,\nLittle Fennick, Northshire in the spring.",
        tmp_path,
    )
    assert len(found) == 1 and found[0].startswith("Flat 3") and found[0].endswith("Northshire")
    assert load(tmp_path / "reviews" / "redaction" / "child-q.json").max_words == 10


@pytest.mark.parametrize(
    "written",
    [
        "3 May 2015",
        "03/05/2015",
        "3/5/2015",
        "2015-05-03",
        "May 3, 2015",
        "3rd May 2015",
        "Sunday 3rd of May 2015",
        "03.05.2015",
        "3 MAY 2015",
        "May 3rd 2015",
        "20150503",
    ],
)
def test_a_date_of_birth_is_found_however_it_is_written(tmp_path, written):
    assert _found(["03/05/2015"], f"Child Q was born on {written} in hospital.", tmp_path)


@pytest.mark.parametrize("other", ["3 May 2016", "5 March 2015", "13 May 2015", "May 2015", "3 5 20"])
def test_other_dates_are_not_the_date_of_birth(tmp_path, other):
    assert not _found(["3 May 2015"], f"The meeting was on {other}.", tmp_path)


def test_run_together_names_and_overlaps(tmp_path):
    found = _found(
        ["Tamsin Greywell", "Greywell"],
        "See TamsinGreywell.pdf and Tamsin Greywell's letter; Tamsin alone is fine.",
        tmp_path,
    )
    # The longest term wins where terms overlap; the first name alone was not registered.
    assert found == ["TamsinGreywell", "Tamsin Greywell"]


# --- The check in real builds ------------------------------------------------

LEAK = "Child Q's cousin, Tamsin Greywell, stayed at weekends."


def _review(scenario, body_line: str = "", **fields):
    """A complete review added to a copy of the demo site (which builds with
    no findings), so that the build's result is down to the review."""
    if not (scenario.content / "pages").exists():
        shutil.copytree(ROOT / "content", scenario.content, dirs_exist_ok=True)
    body = (
        "## Findings\n\nProfessionals did not share what they knew.\n\n"
        f"{body_line}\n\n"
        "## Recommendations\n\n1. Share information sooner.\n\n"
        "## The board's response\n\nThe board accepted the recommendation.\n"
    )
    return scenario.write("reviews/child-q.md", review_markdown(body, **fields))


def _red(site) -> list:
    return [f for f in site.result.findings if f.code.startswith("RED")]


def test_register_term_in_a_review_stops_the_build(scenario, key):
    path = _review(scenario, LEAK)
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    site = scenario.build()
    assert not site.ok
    [finding] = [f for f in _red(site) if f.code == "RED001"]
    line = path.read_text().splitlines().index(LEAK) + 1
    assert (Path(finding.path).resolve(), finding.line, finding.col) == (path.resolve(), line, LEAK.index("Tamsin") + 1)
    assert finding.message == "a 2-word redaction register term is in the text"
    assert len(finding.message) < 80 and finding.hint
    # Not even masked (other checks may mask it); nothing prints it or the key.
    assert not [f for f in _red(site) if "T*****" in f.message or "G*******" in f.message]
    for secret in ("Tamsin", "Greywell", KEY):
        assert secret not in site.messages()
    assert not scenario.output.exists()


def test_review_with_register_and_no_term_builds(scenario, key):
    _review(scenario, "Child Q's cousin stayed at weekends.")
    register = write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell", "3 May 2015"])
    site = scenario.build()
    assert _red(site) == [], site.messages()
    assert site.ok, site.messages()
    # The register is never published, nor anything from it.
    hashes = json.loads(register.read_text())["entries"]
    published = [p.relative_to(site.output).as_posix() for p in site.all_files()]
    # (pagefind-entry.json is the search index's own manifest.)
    assert not [
        p for p in published if "redaction" in p or (p.endswith(".json") and p != "pagefind/pagefind-entry.json")
    ]
    everything = site.text_of_everything()
    assert not [h for h in hashes if h in everything]


def test_register_terms_are_found_on_every_page(scenario, key):
    _review(scenario)
    page = scenario.content / "pages" / "about.md"
    page.write_text(page.read_text() + "\nWe thank Tamsin Greywell for her help.\n")
    write_register(scenario.content, "reviews/child-q.md", ["tamsin greywell"])
    site = scenario.build()
    hits = [f for f in _red(site) if f.code == "RED001"]
    assert [Path(f.path).resolve() for f in hits] == [page.resolve()], site.messages()


def test_term_in_metadata_names_the_field(scenario, key):
    path = _review(scenario, Summary="How agencies supported Tamsin Greywell.")
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    [finding] = [f for f in _red(scenario.build()) if f.code == "RED001"]
    assert finding.line == path.read_text().splitlines().index("Summary: How agencies supported Tamsin Greywell.") + 1
    assert finding.message.endswith("is in Summary")


def test_wrong_key_is_an_error(scenario, key, monkeypatch):
    _review(scenario, LEAK)
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    monkeypatch.setenv("LSCB_REDACTION_KEY", OTHER_KEY)
    site = scenario.build()
    assert [f.code for f in _red(site)] == ["RED003"]
    assert not site.ok
    assert OTHER_KEY not in site.messages() and KEY not in site.messages()


@pytest.mark.parametrize("settings, stops", [("pelicanconf.py", False), ("publishconf.py", True)])
def test_missing_key_warns_in_a_preview_and_stops_a_publish_build(scenario, key, monkeypatch, settings, stops):
    _review(scenario, "Child Q's cousin stayed at weekends.")
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    monkeypatch.delenv("LSCB_REDACTION_KEY")
    site = build_site(scenario.content, scenario.output, settings=settings)
    [finding] = _red(site)
    assert finding.code == "RED002" and finding.is_error is stops
    assert site.ok is not stops, site.messages()


def test_unreadable_register_is_an_error(scenario, key):
    _review(scenario)
    scenario.write("reviews/redaction/child-q.json", '{"format": "lscb-redaction-register",\n')
    site = scenario.build()
    [finding] = _red(site)
    assert finding.code == "RED004" and "not valid JSON" in finding.message
    assert not site.ok


def test_register_of_a_removed_review_still_protects_the_site(scenario, key):
    path = _review(scenario, LEAK)
    write_register(scenario.content, "reviews/child-old.md", ["Greywell"])
    hits = [f for f in _red(scenario.build()) if f.code == "RED001"]
    assert [Path(f.path).resolve() for f in hits] == [path.resolve()]


@pytest.mark.parametrize("where", ["line", "field", "file"])
def test_a_register_term_can_never_be_waived(scenario, key, where):
    """Not even approved, quoted and on its line: the register is changed
    instead, and the hint says how."""
    waiver = 'RED001 "meadow": the ordinary word, not the name; approved by Head of Safeguarding'
    text = "The flat looked over a meadow."
    fields = {}
    if where == "line":
        text += f" <!-- waive {waiver} -->"
    else:
        fields["Waive"] = waiver.replace('": ', '" in Summary: ') if where == "field" else waiver
        fields["Summary"] = "The flat looked over a meadow."
    _review(scenario, text, **fields)
    write_register(scenario.content, "reviews/child-q.md", ["Meadow"])
    site = scenario.build()
    assert not site.ok
    assert not [f for f in site.result.findings if f.waived]
    (refused,) = [f for f in site.result.findings if f.code == "WAIV005"]
    assert refused.message == "waiver code RED001 cannot be waived"
    assert "make register" in refused.hint and "docs/publishing-reviews.md" in refused.hint


def test_a_register_must_never_be_linked(scenario, key):
    _review(scenario, "The [register](redaction/child-q.json) lists the terms.")
    write_register(scenario.content, "reviews/child-q.md", ["Tamsin Greywell"])
    site = scenario.build()
    assert [f.code for f in _red(site)] == ["RED005"]
    assert not site.ok and not scenario.output.exists()


def test_demo_site_has_no_register_and_needs_no_key(demo_site):
    assert not list((ROOT / "content").rglob("redaction/*.json"))
    assert not [f for f in demo_site.result.findings if f.code.startswith("RED")]


# --- scripts/redaction-register ----------------------------------------------


def _script(args, cwd, stdin="", key=KEY):
    env = {k: v for k, v in os.environ.items() if k != "LSCB_REDACTION_KEY"}
    if key is not None:
        env["LSCB_REDACTION_KEY"] = key
    return REGISTER_SCRIPT.run(args, input=stdin, env=env, cwd=cwd, timeout=60)


def _files_containing(root: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            hits += [f"{path}: {n}" for n in needles if n.lower().encode() in data]
    return hits


def test_script_adds_terms_from_standard_input_and_never_writes_them(tmp_path):
    review = Path("content/reviews/child-q.md")
    (tmp_path / review).parent.mkdir(parents=True)
    (tmp_path / review).write_text(review_markdown(), encoding="utf-8")
    terms = ["Tamsin Greywell", "Quillon Street", "04/06/2014"]
    result = _script(["add", str(review)], tmp_path, stdin="\n".join(terms) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Added 3 term(s)" in result.stderr
    register = tmp_path / "content/reviews/redaction/child-q.json"
    assert register.exists()
    needles = ["Tamsin", "Greywell", "Quillon", "04/06/2014", "2014", "tamsin greywell"]
    for stream in (result.stdout, result.stderr):
        assert not [n for n in needles if n.lower() in stream.lower()]
    assert _files_containing(tmp_path, needles) == []

    checked = _script(["check", str(review)], tmp_path)
    assert checked.returncode == 0 and "the key matches" in checked.stdout
    wrong = _script(["check", str(review)], tmp_path, key=OTHER_KEY)
    assert wrong.returncode == 1 and "not the key" in wrong.stderr
    refused = _script(["add", str(review)], tmp_path, stdin="Pip\n", key=OTHER_KEY)
    assert refused.returncode == 1 and "another key" in refused.stderr
    no_key = _script(["add", str(review)], tmp_path, stdin="Pip\n", key=None)
    assert no_key.returncode == 1 and "LSCB_REDACTION_KEY is not set" in no_key.stderr


def test_register_made_by_the_script_is_checked_by_the_build(tmp_path, key):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    review = content / "reviews" / "child-q.md"
    review.write_text(
        review_markdown(
            "## Findings\n\nQuillon Street was where it happened.\n\n"
            "## Recommendations\n\n1. Share.\n\n"
            "## The board's response\n\nAccepted.\n"
        ),
        encoding="utf-8",
    )
    assert (
        _script(["add", "content/reviews/child-q.md"], tmp_path, stdin="quillon st\nquillon street\n").returncode == 0
    )
    site = build_site(content, tmp_path / "output")
    assert [f.code for f in _red(site)] == ["RED001"]


def test_a_one_word_term_that_is_an_ordinary_word_is_removed_from_the_register(tmp_path, key):
    """A register term is never waived: "hope" in the board's response is
    allowed by taking the one-word term out, the full name staying in."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    review = content / "reviews" / "child-q.md"
    review.write_text(
        review_markdown(
            "## Findings\n\nThe reviewer met Hope Quinlan twice.\n\n"
            "## Recommendations\n\n1. Share.\n\n"
            "## The board's response\n\nAccepted, in the hope it helps.\n"
        ),
        encoding="utf-8",
    )
    assert _script(["add", "content/reviews/child-q.md"], tmp_path, stdin="Hope\nHope Quinlan\n").returncode == 0
    site = build_site(content, tmp_path / "output")
    assert sorted(f.line for f in _red(site)) == [16, 24]
    removed = _script(["remove", "content/reviews/child-q.md"], tmp_path, stdin="hope\nQuinlan Hope\n")
    assert removed.returncode == 0, removed.stderr
    assert "Removed 1 term(s)" in removed.stderr and "1 were not in it" in removed.stderr
    assert "hope" not in (removed.stdout + removed.stderr).lower().replace("scripts/", "")
    site = build_site(content, tmp_path / "output")
    assert [f.line for f in _red(site)] == [16]  # the name, not the word in the response


@pytest.mark.parametrize(
    "args",
    [
        ["add", "content/reviews/child-q.md", "Tamsin Greywell"],
        ["add", "Tamsin Greywell"],
        ["Tamsin Greywell"],
    ],
)
def test_script_refuses_terms_on_the_command_line_without_repeating_them(tmp_path, args):
    result = _script(args, tmp_path)
    assert result.returncode != 0
    assert "Tamsin" not in result.stdout + result.stderr
    assert not (tmp_path / "content").exists()


def test_script_reads_a_terminal_without_echo(tmp_path):
    """Typed at a terminal, a term is read with echo off: it never appears on screen."""
    review = "content/reviews/child-q.md"
    env = {**os.environ, "LSCB_REDACTION_KEY": KEY}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the script, with the pseudo-terminal as its terminal
        try:
            os.chdir(tmp_path)
            os.execve(sys.executable, [sys.executable, str(SCRIPT), "add", review], env)
        finally:
            os._exit(127)
    screen = b""

    def read_until(marker: bytes) -> None:
        nonlocal screen
        while marker not in screen:
            ready, _, _ = select.select([fd], [], [], 30)
            assert ready, screen
            screen += os.read(fd, 1024)

    read_until(b"Term: ")
    os.write(fd, b"Tamsin Greywell\n")
    while screen.count(b"Term: ") < 2:
        ready, _, _ = select.select([fd], [], [], 30)
        assert ready, screen
        screen += os.read(fd, 1024)
    os.write(fd, b"\n")
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                break
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            screen += chunk
    except OSError:  # the child closed the terminal
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, screen
    assert b"Added 1 term(s)" in screen
    assert b"Tamsin" not in screen and b"Greywell" not in screen
    assert _files_containing(tmp_path, ["Tamsin", "Greywell"]) == []


def test_new_key_is_random_and_long():
    first, second = (_script(["new-key"], ROOT).stdout.strip() for _ in range(2))
    assert first != second and len(first) >= 40
