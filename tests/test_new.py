"""scripts/new (make new): the file it writes for every content type passes
the checks in a real build, a new review stays unpublished and gets its
redaction register, and bad input is refused without touching any file."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from script_runs import ScriptRunner  # noqa: E402

from conftest import DEMO_TODAY, ROOT, add_standard_pages, guidance_markdown, review_markdown  # noqa: E402
from lscb_checks.checks.starter_text import is_starter  # noqa: E402
from lscb_checks.text.register import Hasher, load  # noqa: E402
from lscb_cli.new import _settings  # noqa: E402
from lscb_content import schema  # noqa: E402
from lscb_content.briefings import briefing_sections  # noqa: E402
from lscb_content.starters import starter_phrases  # noqa: E402
from lscb_core.findings import Severity  # noqa: E402
from lscb_reviews.register_files import register_path  # noqa: E402

SCRIPT = ROOT / "scripts" / "new"
KEY = "test-board-key-new-page-5e2d7c01a9"
TITLES = {
    "guidance": "Escalating concerns about a child",
    "young-people": "Who helps keep you safe",
    "children": "Who helps you",
    "annual-reports": "Annual report 2025 to 2026",
    "reviews": "Child M: local child safeguarding practice review",
    "events": "Recognising neglect: multi-agency training",
    "briefings": "7-minute briefing: the neglect audit",
    "pages": "Working with families",
    "translations": "Zgłoś obawy dotyczące dziecka",
}
GUIDANCE = "guidance/roles-of-agencies.md"
# Runs scripts/new (tests/script_runs.py: each run a fork of one process that
# has imported what the script imports, not a new interpreter importing it).
NEW = ScriptRunner(SCRIPT)


@pytest.fixture(scope="module", autouse=True)
def _stop_the_runner():
    yield
    NEW.close()


@pytest.fixture
def site(scenario):
    """A scenario with one guidance page for versions to adapt."""
    scenario.write(GUIDANCE, guidance_markdown("Roles of agencies"))
    # The page a new translation translates (the other standard pages come with the first build).
    stand_in = ROOT / "tests" / "fixtures" / "standard-pages" / "report-a-concern.md"
    scenario.write("pages/report-a-concern.md", stand_in.read_text(encoding="utf-8"))
    return scenario


def run_new(content: Path, *args: str, key: str | None = KEY, stdin: str = "") -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name != "LSCB_REDACTION_KEY"}
    env["LSCB_TODAY"] = DEMO_TODAY
    if key is not None:
        env["LSCB_REDACTION_KEY"] = key
    return NEW.run(["--content", str(content), *args], input=stdin, env=env, cwd=content.parent)


def args_for(type_key: str) -> list[str]:
    args = ["--type", type_key, "--title", TITLES[type_key]]
    if type_key == "translations":
        return args + ["--translation-of", "report-a-concern", "--lang", "pl"]
    return args + (["--version-of", GUIDANCE] if type_key in ("young-people", "children") else [])


def header(path: Path) -> dict[str, str]:
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return fields


def new_files(content: Path, before: set[Path]) -> list[Path]:
    return sorted(p for p in content.rglob("*.md") if p not in before)


@pytest.mark.parametrize("type_key", list(schema.TYPES))
def test_a_new_page_of_every_type_passes_the_checks(site, type_key, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    add_standard_pages(site.content)  # what a build adds first, so that only the new file is new
    before = set(site.content.rglob("*.md"))
    result = run_new(site.content, *args_for(type_key))
    assert result.returncode == 0, result.stderr
    [path] = new_files(site.content, before)
    assert path.parent == site.content / type_key
    written = header(path)
    required = [f.name for f in schema.TYPES[type_key] if f.required]
    assert set(required) <= set(written), result.stdout
    assert written["Title"] == TITLES[type_key] and written["Status"] == "draft"
    built = site.build()
    assert built.ok, built.messages()
    mine = [f for f in built.result.findings if Path(f.path).name == path.name]
    assert mine == [], built.messages()
    assert not [f for f in built.result.findings if f.severity is Severity.ERROR], built.messages()
    assert f"Wrote {path.relative_to(site.root)}" in result.stdout
    # Every field holding starter text is named as one to fill in, and no
    # field holds the schema's example, which could pass for a real value.
    starters = [name for name, value in written.items() if is_starter(value)]
    assert ("Summary" in starters) == ("Summary" in required)
    for name in starters:
        assert re.search(rf"^  {name} ", result.stdout, re.MULTILINE), result.stdout
    assert not [
        f.name
        for f in schema.TYPES[type_key]
        # The pseudonym, the page translated and the language are the editor's answers.
        if f.example and f.name not in ("Child", "Translation_of", "Lang") and written.get(f.name) == f.example
    ]


def test_the_guidance_file_is_exactly_this(site):
    result = run_new(site.content, "--type", "guidance", "--title", "Escalating concerns: a guide")
    assert result.returncode == 0, result.stderr
    assert (site.content / "guidance" / "escalating-concerns-a-guide.md").read_text(encoding="utf-8") == (
        "Title: Escalating concerns: a guide\n"
        "Date: 2026-11-23\n"
        "Owner: Write the team or role here.\n"
        "Review_date: 2027-11-23\n"
        "Summary: Write one or two sentences here. They are shown in listings.\n"
        "Status: draft\n"
        "\n"
        "## When to use this guidance\n"
        "\n"
        "Write here who this guidance is for and when to use it.\n"
        "\n"
        "## What to do\n"
        "\n"
        "Write the steps here. Each paragraph is numbered for you.\n"
        "\n"
        "## What happens next\n"
        "\n"
        "Write here what happens after the steps are done.\n"
    )
    for name in ("Owner", "Review_date", "Summary"):
        assert re.search(rf"^  {name} ", result.stdout, re.MULTILINE), result.stdout
    assert "drafts/guidance/escalating-concerns-a-guide/" in result.stdout


def test_a_draft_page_is_in_the_preview_only(site):
    assert run_new(site.content, *args_for("guidance")).returncode == 0
    built = site.build()
    assert built.ok, built.messages()
    assert built.exists("drafts/guidance/escalating-concerns-about-a-child/index.html")
    assert not built.exists("guidance/escalating-concerns-about-a-child/index.html")


def test_a_version_names_the_guidance_page_and_shares_its_file_name(site):
    result = run_new(
        site.content, "--type", "children", "--title", "Who helps you", "--version-of", "roles-of-agencies"
    )
    assert result.returncode == 0, result.stderr
    assert header(site.content / "children" / "roles-of-agencies.md")["Version_of"] == GUIDANCE


def test_a_new_review_is_not_published_and_has_an_empty_register(site, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    result = run_new(site.content, *args_for("reviews"))
    assert result.returncode == 0, result.stderr
    review = site.content / "reviews" / "child-m.md"
    register = load(register_path(review))
    assert register.key_matches(Hasher(KEY.encode())) and register.entries == set()
    for name in (
        "Publication_decision",
        "Decision_date",
        "Decision_by",
        "Sibling_risk_assessed",
        "Criminal_proceedings",
        "Publish_after",
    ):
        assert name in result.stdout
    assert "docs/publishing-reviews.md" in result.stdout
    assert "make register REVIEW=" in result.stdout

    built = site.build()
    assert built.ok, built.messages()
    assert "child-m" not in built.text_of_everything()
    assert not built.codes(), built.messages()

    # Without its draft line the review still is not published: the
    # decision record stops the build until it is written...
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("Status: draft\n", ""), encoding="utf-8")
    built = site.build()
    assert not built.ok and {"REV004", "REV005"} <= set(built.codes()), built.messages()
    # ...and once it is, the review is withheld until someone writes publish.
    review.write_text(
        text.replace("Status: draft\n", "")
        .replace("Decision_date:", "Decision_date: 2026-11-01")
        .replace("Decision_by:", "Decision_by: Independent Chair"),
        encoding="utf-8",
    )
    built = site.build()
    assert built.ok, built.messages()
    assert "child-m" not in built.text_of_everything()
    assert "Publication_decision is withhold" in built.messages()


def test_a_review_without_the_key_gets_no_register_and_is_told_how(site):
    result = run_new(site.content, *args_for("reviews"), key=None)
    assert result.returncode == 0, result.stderr
    assert not register_path(site.content / "reviews" / "child-m.md").exists()
    assert "LSCB_REDACTION_KEY is not set" in result.stdout
    assert "make register REVIEW=" in result.stdout


def test_an_existing_register_is_left_as_it_was(site):
    register = register_path(site.content / "reviews" / "child-m.md")
    register.parent.mkdir(parents=True)
    register.write_text("not a register", encoding="utf-8")
    result = run_new(site.content, *args_for("reviews"))
    assert result.returncode == 0, result.stderr
    assert register.read_text(encoding="utf-8") == "not a register"
    assert "already exists" in result.stdout


def test_answers_piped_in_are_read_one_a_line(site):
    result = run_new(site.content, stdin="reviews\nChild K: rapid review\n")
    assert result.returncode == 0, result.stderr
    written = header(site.content / "reviews" / "child-k.md")
    assert written["Child"] == "Child K" and written["Review_type"] == "rapid-review"


def test_a_wrong_piped_answer_is_explained_and_asked_again_keeping_the_earlier_answers(site):
    result = run_new(site.content, stdin="leaflet\nguidance\n\nNeglect\n")
    assert result.returncode == 0, result.stderr
    assert "'leaflet' is not a type. The types are: guidance" in result.stdout
    assert "the title is empty" in result.stdout
    written = site.content / "guidance" / "neglect.md"
    assert header(written)["Title"] == "Neglect"


def test_when_the_answers_run_out_the_reason_and_the_answers_given_are_shown(site):
    result = run_new(site.content, stdin="10\nA title\n")
    assert result.returncode == 2 and "is not a type" in result.stderr
    result = run_new(site.content, stdin="guidance\n   \n")
    assert result.returncode == 2
    assert "the title is empty" in result.stderr and "TITLE=" in result.stderr
    assert "make new TYPE=guidance" in result.stderr
    result = run_new(site.content, "--type", "guidance")
    assert result.returncode == 2 and "--title" in result.stderr
    assert sorted(p.name for p in (site.content / "guidance").iterdir()) == ["roles-of-agencies.md"]


def test_no_input_asks_nothing_and_writes_the_page(site):
    result = run_new(site.content, "--no-input", "--type", "guidance", "--title", "Neglect", stdin="n\n")
    assert result.returncode == 0, result.stderr
    assert "?" not in result.stdout.split("Wrote", 1)[0]  # no question before the file is written
    assert header(site.content / "guidance" / "neglect.md")["Title"] == "Neglect"
    result = run_new(site.content, "--no-input", "--type", "reviews", "--title", "Child Q: rapid review")
    assert result.returncode == 0, result.stderr
    assert header(site.content / "reviews" / "child-q.md")["Child"] == "Child Q"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--type", "leaflet", "--title", "A"],
            "'leaflet' is not a type. The types are: guidance, young-people, children, annual-reports, reviews, events, briefings, pages, translations.",
        ),
        (["--type", "guidance"], "this page needs --title (TITLE= with make new)"),
        (
            ["--type", "children", "--title", "Who helps you"],
            "this page needs --version-of (VERSION_OF= with make new)",
        ),
        (["--title", "A"], "this page needs --type (TYPE= with make new)"),
    ],
)
def test_no_input_with_a_field_missing_or_wrong_is_an_error_that_names_it(site, args, message):
    before = sorted(site.content.rglob("*"))
    result = run_new(site.content, "--no-input", *args, stdin="guidance\nA title\n1\n")
    assert result.returncode == 2, result.stdout
    assert message in result.stderr
    assert result.stdout == ""  # no menu, no question
    assert sorted(site.content.rglob("*")) == before


def make_new_command(*assignments: str) -> str:
    """The command `make new ...` runs, without running make's other steps."""
    done = subprocess.run(
        [
            "make",
            "-s",
            "-n",
            "-f",
            str(ROOT / "Makefile"),
            "new",
            "STAMP=",
            f"BIN={Path(sys.executable).parent}",
            *assignments,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.replace("\\\n", " ").split("\n")).strip()


@pytest.mark.parametrize("title", ["Neglect", 'Children\'s "first" steps; $HOME `id`'])
def test_make_new_passes_type_and_title_from_the_command_line(site, title):
    command = make_new_command("TYPE=guidance", f"TITLE={title}")
    assert "--no-input" in command
    env = {**os.environ, "TYPE": "guidance", "TITLE": title, "LSCB_TODAY": DEMO_TODAY}
    done = subprocess.run(
        ["sh", "-c", command + ' --content "$CONTENT"', "sh"],
        capture_output=True,
        text=True,
        env={**env, "CONTENT": str(site.content)},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    [written] = [p for p in (site.content / "guidance").glob("*.md") if p.name != "roles-of-agencies.md"]
    assert header(written)["Title"] == title


def test_make_new_without_type_asks():
    assert "--no-input" not in make_new_command()
    assert "--no-input" not in make_new_command("TITLE=Neglect")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--type", "guidence", "--title", "A"], "Did you mean guidance?"),
        (["--type", "leaflet", "--title", "A"], "The types are: guidance, young-people, children"),
        (["--type", "guidance", "--title", "   "], "the title is empty"),
        (["--type", "guidance", "--title", "?!"], "gives no file name"),
        (
            ["--type", "children", "--title", "A", "--version-of", "roles-of-agency"],
            "did you mean guidance/roles-of-agencies.md?",
        ),
        (
            ["--type", "children", "--title", "A", "--version-of", "nothing-like-it"],
            "the guidance pages are: guidance/roles-of-agencies.md",
        ),
        (["--type", "guidance", "--title", "A", "--version-of", GUIDANCE], "only for young-people and children"),
        (["--type", "reviews", "--title", "Our review", "--child", "Jane"], "not a pseudonym"),
        (["--type", "reviews", "--title", "Child M", "--name", "smith-family"], "starts with its pseudonym"),
        (["--type", "guidance", "--title", "A", "--name", "My Page"], "lower case letters"),
    ],
)
def test_bad_input_is_a_usage_error_and_writes_nothing(site, args, message):
    before = sorted(site.content.rglob("*"))
    result = run_new(site.content, *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert sorted(site.content.rglob("*")) == before


def test_a_name_that_is_not_a_pseudonym_is_not_repeated(site):
    result = run_new(site.content, "--type", "reviews", "--title", "Our review", "--child", "Jane Smith")
    assert result.returncode == 2 and "Jane" not in result.stderr and "J…" not in result.stderr


@pytest.mark.parametrize("type_key", ["guidance", "children", "reviews"])
def test_an_existing_file_is_never_changed(site, type_key):
    first = run_new(site.content, *args_for(type_key))
    assert first.returncode == 0, first.stderr
    path = site.root / re.search(r"^Wrote (\S+)\.$", first.stdout, re.MULTILINE).group(1)
    path.write_text(path.read_text(encoding="utf-8") + "\nThe editor's own words.\n", encoding="utf-8")
    kept = path.read_bytes()
    again = run_new(site.content, *args_for(type_key))
    assert again.returncode == 1
    assert str(path.relative_to(site.root)) in again.stderr and "nothing was written" in again.stderr.casefold()
    assert path.read_bytes() == kept
    if type_key != "children":  # a version's name is its guidance page's: no other name helps
        suggested = re.search(r"--name (\S+)\.", again.stderr).group(1)
        other = run_new(site.content, *args_for(type_key), "--name", suggested)
        assert other.returncode == 0, other.stderr
        assert (path.parent / f"{suggested}.md").exists() and path.read_bytes() == kept


def test_a_second_version_for_the_same_readers_is_refused(site):
    site.write(
        "young-people/older.md",
        "Title: Older\nDate: 2026-01-01\nVersion_of: guidance/roles-of-agencies.md\n"
        "Summary: An older version.\n\nText.\n",
    )
    result = run_new(site.content, *args_for("young-people"))
    assert result.returncode == 1
    assert "young-people/older.md is already the version" in result.stderr
    assert not (site.content / "young-people" / "roles-of-agencies.md").exists()


class Terminal:
    """scripts/new with a pseudo-terminal as its terminal, as `make new` runs it."""

    def __init__(self, content: Path, env: dict[str, str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            try:
                os.chdir(content.parent)
                os.execve(sys.executable, [sys.executable, str(SCRIPT), "--content", str(content)], env)
            finally:
                os._exit(127)
        self.screen = b""

    def answer(self, prompt: bytes, text: str) -> None:
        while prompt not in self.screen:
            ready, _, _ = select.select([self.fd], [], [], 60)
            assert ready, self.screen
            self.screen += os.read(self.fd, 1024)
        self.screen = self.screen.replace(prompt, b"<asked>", 1)
        os.write(self.fd, text.encode() + b"\n")

    def finish(self) -> int:
        try:
            while True:
                ready, _, _ = select.select([self.fd], [], [], 60)
                chunk = os.read(self.fd, 1024) if ready else b""
                if not chunk:
                    break
                self.screen += chunk
        except OSError:  # the child closed the terminal
            pass
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def test_in_a_terminal_it_asks_and_asks_again(site, monkeypatch):
    env = {**os.environ, "LSCB_TODAY": DEMO_TODAY, "LSCB_REDACTION_KEY": KEY}
    terminal = Terminal(site.content, env)
    terminal.answer(b"Type a number from 1 to 9: ", "10")  # not on the menu: asked again
    terminal.answer(b"Type a number from 1 to 9: ", "5")
    terminal.answer(b"Title of the page: ", "")  # empty: asked again
    terminal.answer(b"Title of the page: ", "Child M: local child safeguarding practice review")
    terminal.answer(b"pseudonym [Child M]: ", "")
    terminal.answer(b"Write content/reviews/child-m.md? [Y/n] ", "y")
    terminal.answer(b"must catch now? [y/N] ", "y")
    terminal.answer(b"Term: ", "Tamsin Greywell")
    terminal.answer(b"Term: ", "")
    assert terminal.finish() == 0, terminal.screen
    screen = terminal.screen.decode(errors="replace")
    assert "5. Case review (content/reviews/)" in screen and "'10' is not a type" in screen
    assert "the title is empty" in screen
    assert "Added 1 term(s)" in screen and "Tamsin" not in screen  # typed without echo
    register = load(register_path(site.content / "reviews" / "child-m.md"))
    assert len(register.entries) == 3
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    built = site.build()
    assert built.ok and not built.codes(), built.messages()


def test_in_a_terminal_a_version_is_chosen_from_the_guidance_pages_and_no_is_no(site):
    env = {**os.environ, "LSCB_TODAY": DEMO_TODAY}
    terminal = Terminal(site.content, env)
    terminal.answer(b"Type a number from 1 to 9: ", "children")
    terminal.answer(b"Title of the page: ", "Who helps you")
    terminal.answer(b"Type a number from 1 to 1: ", "1")
    terminal.answer(b"Write content/children/roles-of-agencies.md? [Y/n] ", "n")
    assert terminal.finish() == 1
    assert b"1. guidance/roles-of-agencies.md: Roles of agencies" in terminal.screen
    assert not (site.content / "children").exists()


def test_the_example_session_in_docs_editing_md_is_what_it_prints(site):
    docs = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    section = docs.split("## Starting a new page with make new", 1)[1]
    session = section.split("```text\n", 1)[1].split("```", 1)[0]
    result = run_new(site.content, stdin="1\nEscalating concerns about a child\n")
    assert result.returncode == 0, result.stderr
    menu, _, rest = session.partition("Type a number from")
    assert result.stdout.startswith(menu.split("\n", 1)[1])  # after "$ make new"
    assert result.stdout.strip().endswith(rest[rest.index("Wrote") :].strip())


def test_new_pages_merged_unfinished_publish_nothing(site, monkeypatch):
    """A new file of every type, committed as it was written, passes a publish
    build and adds nothing to the live site."""
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    for type_key in schema.TYPES:
        assert run_new(site.content, *args_for(type_key)).returncode == 0
    built = site.build(settings="publishconf.py")
    assert built.ok, built.messages()
    assert not [f for f in built.result.findings if f.severity is Severity.ERROR], built.messages()
    everything = built.text_of_everything()
    for type_key, title in TITLES.items():
        assert title not in everything, type_key
    assert "Write one or two sentences here" not in everything


def _finished(path: Path) -> str:
    """The new file with `Status: draft` removed, as an editor in a hurry would."""
    text = path.read_text(encoding="utf-8").replace("Status: draft\n", "")
    path.write_text(text, encoding="utf-8")
    return text


def _starter_lines(text: str) -> list[int]:
    phrases = [p.casefold() for p in starter_phrases()]
    return [n for n, line in enumerate(text.splitlines(), start=1) if any(p in line.casefold() for p in phrases)]


@pytest.mark.parametrize("type_key", list(schema.TYPES))
def test_starter_text_left_in_a_finished_page_stops_publishing_and_warns_in_a_preview(site, type_key, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    before = set(site.content.rglob("*.md"))
    assert run_new(site.content, *args_for(type_key)).returncode == 0
    [path] = new_files(site.content, before)
    text = _finished(path)
    lines = _starter_lines(text)
    assert lines, text

    published = site.build(settings="publishconf.py")
    mine = [f for f in published.result.findings if f.code == "NEW001" and Path(f.path).name == path.name]
    assert [f.line for f in mine] == lines, published.messages()
    assert all(f.severity is Severity.ERROR for f in mine) and not published.ok
    assert all(len(f.message) < 80 and "make new" in f.message for f in mine)

    preview = site.build()
    mine = [f for f in preview.result.findings if f.code == "NEW001" and Path(f.path).name == path.name]
    assert [f.line for f in mine] == lines
    assert all(f.severity is Severity.WARNING for f in mine)
    if type_key != "reviews":  # a review with no decision is REV004 once it is not a draft
        assert preview.ok, preview.messages()


def test_a_finished_page_in_its_own_words_has_no_starter_text(site):
    assert run_new(site.content, *args_for("guidance")).returncode == 0
    path = site.content / "guidance" / "escalating-concerns-about-a-child.md"
    text = _finished(path)
    own = {
        "Write the team or role here.": "Policy and Procedures Subgroup",
        "Write one or two sentences here. They are shown in listings.": "What to do when a concern is not acted on.",
        "Write here who this guidance is for and when to use it.": "Use it when you are still worried about a child.",
        "Write the steps here. Each paragraph is numbered for you.": "Talk to your manager first.",
        "Write here what happens after the steps are done.": "The manager replies within two working days.",
    }
    for starter, words in own.items():
        assert starter in text
        text = text.replace(starter, words)
    path.write_text(text, encoding="utf-8")
    built = site.build(settings="publishconf.py")
    assert "NEW001" not in built.codes() and built.ok, built.messages()


def test_a_new_briefing_names_the_review_its_title_names_and_has_the_seven_sections(site, monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
    site.write("reviews/child-q.md", review_markdown())
    result = run_new(site.content, "--type", "briefing", "--title", "7-minute briefing: Child Q")
    assert result.returncode == 0, result.stderr
    path = site.content / "briefings" / "7-minute-briefing-child-q.md"
    written = header(path)
    assert (written["Review"], written["Pseudonyms"], written["Status"]) == ("child-q", "Child Q", "draft")
    headings = re.findall(r"^## (.*)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert headings == list(briefing_sections(_settings()))
    built = site.build()
    assert built.ok and not [f for f in built.result.findings if Path(f.path).name == path.name], built.messages()
    # A title naming no review leaves Review empty for the editor.
    other = run_new(site.content, "--type", "briefing", "--title", "7-minute briefing: the neglect audit")
    assert other.returncode == 0, other.stderr
    assert header(site.content / "briefings" / "7-minute-briefing-the-neglect-audit.md")["Review"] == ""


def test_a_translation_asks_the_english_page_and_the_language(site):
    add_standard_pages(site.content)  # what a build adds first: the standard pages, report a concern among them
    pages = sorted(p.relative_to(site.content).as_posix() for p in (site.content / "pages").glob("*.md"))
    number = pages.index("pages/report-a-concern.md") + 1
    result = run_new(site.content, stdin=f"translations\nZgłoś obawy dotyczące dziecka\n{number}\nklingon\nPolish\n")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Which English page is this a translation of?" in result.stdout
    assert "'klingon' is not a language the site knows" in result.stdout
    path = site.content / "translations" / "report-a-concern-pl.md"
    assert path.read_text(encoding="utf-8") == (
        "Title: Zgłoś obawy dotyczące dziecka\n"
        "Translation_of: pages/report-a-concern.md\n"
        "Lang: pl\n"
        "Status: draft\n"
        "\n"
        "Write the translation of the English page here. Keep every phone number as it is.\n"
    )
    assert "http://127.0.0.1:8000/drafts/report-a-concern/pl/" in result.stdout
    built = site.build()
    assert built.ok, built.messages()
    assert built.soup("drafts/report-a-concern/pl/").html["lang"] == "pl"


def test_a_second_translation_into_the_same_language_is_refused(site):
    add_standard_pages(site.content)  # what a build adds first
    args = ["--type", "translations", "--title", "Zgłoś", "--translation-of", "report-a-concern", "--lang", "pl"]
    assert run_new(site.content, *args).returncode == 0
    again = run_new(site.content, *args, "--name", "other")
    assert again.returncode != 0 and "already translates pages/report-a-concern.md into pl" in again.stderr
    assert not (site.content / "translations" / "other.md").exists()


def test_a_translation_of_a_page_that_cannot_be_translated_is_refused(site):
    args = ["--type", "translations", "--title", "Rola", "--translation-of", GUIDANCE, "--lang", "pl", "--no-input"]
    result = run_new(site.content, *args)
    assert result.returncode != 0 and "is not a page that can be translated" in result.stderr
    assert not (site.content / "translations").exists()
