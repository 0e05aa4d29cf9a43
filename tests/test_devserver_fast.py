"""The preview's fast path (lscb_cli.devserver.fast): a saved page is shown
before the full build, never when a check finds an error in it, and once the
full build after each kind of edit has finished the preview's output folder
is byte for byte what `make html` makes of the same files."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from devserver_helpers import LEAK, Preview, clean_build
from factories import png_clean
from PIL import Image
from register_helpers import write_register

from conftest import DEMO_TODAY, ROOT, add_standard_pages, build_site, fingerprint, guidance_markdown, review_markdown
from lscb_cli.devserver.fast import fast_path, site_links
from lscb_cli.devserver.kept import read_site
from lscb_cli.devserver.preview import Preview as PreviewState

SENTENCE = "This sentence was added while previewing."


def _start(tmp_path: Path, settings: Path | None = None, reviews: dict[str, str] | None = None) -> Preview:
    running = Preview(tmp_path, settings)
    content = running.content
    (content / "reviews").mkdir(parents=True)
    (content / "reviews" / "child-q.md").write_text(review_markdown(), encoding="utf-8")
    for name, text in (reviews or {}).items():
        (content / "reviews" / name).write_text(text, encoding="utf-8")
    (content / "guidance" / "images").mkdir(parents=True)
    (content / "guidance" / "images" / "flow.png").write_bytes(png_clean())
    (content / "guidance" / "referrals.md").write_text(
        guidance_markdown("Referrals", "How to refer.\n\n![The referral flow](images/flow.png)", Date="2026-02-01"),
        encoding="utf-8",
    )
    (content / "guidance" / "escalation.md").write_text(
        guidance_markdown("Escalation", "How to escalate a concern.", Date="2026-03-01"), encoding="utf-8"
    )
    add_standard_pages(content)
    running.start()
    running.wait_until_ready()
    return running


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """The preview of the two tests below, started once: each saves files of
    its own, waits until the preview has settled and, when the saved page
    fails a check, puts it right before it ends."""
    preview = _start(tmp_path_factory.mktemp("preview"))
    yield preview
    preview.stop()


def test_a_saved_page_is_served_before_the_full_build_and_the_full_build_follows(started):
    preview = started
    preview.wait_until_ready()
    saves = preview.status()["saves"]
    start = len(preview.log.read_text())  # what the preview printed before this save
    _append(preview.content / "guidance" / "referrals.md", SENTENCE)
    on_disk = preview.output / "guidance" / "referrals" / "index.html"
    while SENTENCE.encode() not in preview.get("/guidance/referrals/")[1]:
        pass
    # Served from memory: the output folder has not got it yet.
    assert SENTENCE.encode() not in on_disk.read_bytes()
    assert "Checked the page in" in preview.log.read_text()[start:]
    status = preview.wait_until_settled(saves)
    assert status["ok"] is True, status["report"]
    assert SENTENCE.encode() in on_disk.read_bytes() and b"__devserver" not in on_disk.read_bytes()


def test_a_page_that_fails_a_check_is_never_served(started):
    preview = started
    preview.wait_until_ready()
    for relative, address in (
        ("reviews/child-q.md", "/reviews/child-q/"),
        ("guidance/escalation.md", "/guidance/escalation/"),
    ):
        saves = preview.status()["saves"]
        source = preview.content / relative
        start = len(preview.log.read_text())  # what the preview printed before this save
        _append(source, LEAK)
        line = len(source.read_text(encoding="utf-8").splitlines())
        status = preview.wait_for(lambda status, saves=saves: status["saves"] > saves and status["ok"] is False, 60)
        # The fast path's own checks stopped it, before the full build.
        assert f"{relative}:{line}:1: PII001" in status["report"], status["report"]
        assert "Quennell" not in status["report"]
        assert b"Quennell" not in preview.get(address)[1]
        status = preview.wait_until_settled(saves)
        assert status["ok"] is False and f"{relative}:{line}:1: PII001" in status["report"]
        assert b"Quennell" not in preview.get(address)[1]
        assert not any(b"Quennell" in p.read_bytes() for p in preview.output.rglob("*") if p.is_file())
        terminal = preview.log.read_text()[start:]
        assert terminal.count("Checked the page in") >= 1
        source.write_text(source.read_text(encoding="utf-8").replace(LEAK, ""), encoding="utf-8")
        assert preview.wait_until_settled(saves + 1)["ok"] is True


def _edits(content: Path, theme: Path):
    referrals = content / "guidance" / "referrals.md"
    escalation = content / "guidance" / "escalation.md"
    review = content / "reviews" / "child-q.md"
    images = content / "guidance" / "images"

    def renamed_image():
        (images / "flow.png").rename(images / "referral-flow.png")
        referrals.write_text(referrals.read_text(encoding="utf-8").replace("flow.png", "referral-flow.png"))

    def template():
        base = theme / "templates" / "base.html"
        base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- changed -->\n</body>", 1))

    return [
        ("body", lambda: _append(referrals, SENTENCE)),
        (
            "title",
            lambda: referrals.write_text(referrals.read_text().replace("Title: Referrals", "Title: Making referrals")),
        ),
        (
            "metadata moving a page between listings",
            lambda: escalation.write_text(
                escalation.read_text().replace("Date: 2026-03-01", "Date: 2026-03-01\nStatus: draft")
            ),
        ),
        (
            "a new file",
            lambda: (content / "guidance" / "new.md").write_text(guidance_markdown("New page", Date="2026-04-01")),
        ),
        ("a deleted file", lambda: (content / "guidance" / "new.md").unlink()),
        ("a withheld review", lambda: review.write_text(review_markdown(Publication_decision="withhold"))),
        ("a renamed image", renamed_image),
        ("a template", template),
    ]


def test_after_each_kind_of_edit_the_preview_is_what_a_clean_build_makes(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\nTHEME = {str(theme)!r}\n"
    )
    preview = _start(tmp_path / "preview", settings)
    try:
        for number, (kind, edit) in enumerate(_edits(preview.content, theme)):
            saves = preview.status()["saves"]
            edit()
            status = preview.wait_until_settled(saves)
            assert status["ok"] is True, f"{kind}: {status['report']}"
            clean = clean_build(preview.content, tmp_path / f"clean-{number}", settings)
            assert fingerprint(preview.output) == fingerprint(clean), kind
    finally:
        preview.stop()


# --- What the fast path must refuse as the full build does -----------------------------

GUIDANCE = "guidance/referrals.md"
WITHHELD = review_markdown(
    Title="Child W: local child safeguarding practice review",
    Child="Child W",
    Pseudonyms="Child W, Mother",
    Publication_decision="withhold",
)


def _kept(tmp_path: Path, review_place: str, reviews: dict[str, str]):
    """A site read in this process as the preview reads it, with a guidance
    page to save."""
    content = tmp_path / "content"
    (content / "guidance").mkdir(parents=True)
    (content / review_place).parent.mkdir(parents=True, exist_ok=True)
    (content / review_place).write_text(review_markdown(), encoding="utf-8")
    for place, text in reviews.items():
        (content / place).write_text(text, encoding="utf-8")
    (content / GUIDANCE).write_text(guidance_markdown("Referrals", "How to refer."), encoding="utf-8")
    add_standard_pages(content)
    return content, lambda: read_site(
        ROOT / "pelicanconf.py", {"PATH": str(content), "LSCB_TODAY": DEMO_TODAY}, tmp_path / "output"
    )


def _save(content: Path, kept, text: str):
    page = content / GUIDANCE
    original = page.read_text(encoding="utf-8")
    _append(page, text)
    try:
        return fast_path(kept, GUIDANCE)
    finally:
        page.write_text(original, encoding="utf-8")


def _quiet_then_refused(content: Path, kept, quiet: str, leak: str, code: str, hidden: bytes) -> None:
    """A saved sentence that is fine is served; one that leaks (`hidden`)
    is refused with `code` and never served."""
    served, why = _save(content, kept, quiet)
    assert served is not None and served.ok, (why, served and [f.code for f in served.findings])
    outcome, why = _save(content, kept, leak)
    assert outcome is not None, why
    assert not outcome.ok and code in {f.code for f in outcome.findings}, leak
    assert hidden not in outcome.body


def _full_build_refuses(content: Path, output: Path, leak: str, codes: set[str]) -> None:
    """The full build of the same save refuses it too (the page put back after)."""
    page = content / GUIDANCE
    original = page.read_text(encoding="utf-8")
    _append(page, leak)
    try:
        full = build_site(content, output)
    finally:
        page.write_text(original, encoding="utf-8")
    assert not full.ok and codes & set(full.codes()), leak


def test_a_term_of_a_register_kept_beside_its_review_in_the_review_s_own_folder_is_never_served(tmp_path, monkeypatch):
    """Registers sit beside their review (content/reviews/child-q/redaction/
    child-q.json for content/reviews/child-q/child-q.md): the fast path's
    checks of a guidance page read them, as the full build's do."""
    monkeypatch.setenv("LSCB_REDACTION_KEY", "devserver-test-board-key-5e1f0c9a")
    content, read = _kept(tmp_path, "reviews/child-q/child-q.md", {})
    write_register(content, "reviews/child-q/child-q.md", ["Wenlock"])
    kept = read()
    assert kept is not None

    leak = "The Wenlock family moved away."
    _quiet_then_refused(content, kept, "The family moved away.", leak, "RED001", b"Wenlock")
    _full_build_refuses(content, tmp_path / "full" / "output", leak, {"RED001"})


def test_the_address_of_a_withheld_review_is_never_served(tmp_path):
    """The full build refuses a page naming a blocked review's address
    (REV003, lscb_reviews.leak_guard; LINK003 for a link to it): so does
    the fast path, whatever the form of the address."""
    content, read = _kept(tmp_path, "reviews/child-q.md", {"reviews/child-w.md": WITHHELD})
    kept = read()
    assert kept is not None

    for text in ("See /reviews/child-w/ for more.", "See [the review](/reviews/child-w)."):
        _quiet_then_refused(
            content, kept, "See [the review of Child Q](/reviews/child-q/).", text, "REV003", b"child-w"
        )
        _full_build_refuses(content, tmp_path / "full" / "output", text, {"REV003", "LINK003"})


def test_a_style_written_in_a_saved_page_is_never_served(tmp_path):
    """A style written in a page (HTML004, lscb_checks.checks.html_style) is
    refused by the fast path as by the full build: words it hides could
    stand between a label and an identifier."""
    content, read = _kept(tmp_path, "reviews/child-q.md", {})
    kept = read()
    assert kept is not None

    leak = 'Date of birth: <span style="color:transparent">see page</span> not recorded.'
    _quiet_then_refused(content, kept, "Date of birth: not recorded.", leak, "HTML004", b"transparent")
    _full_build_refuses(content, tmp_path / "full" / "output", leak, {"HTML004"})


def test_the_preview_keeps_no_page_s_text_in_the_system_s_temporary_folder(tmp_path, monkeypatch):
    """The preview's reading of the site converts every page, a withheld
    review's too: what it keeps of them is the full build's Markdown cache,
    beside the output folder, rewritten as files are fixed or deleted;
    never a cache beside a folder of the system's temporary folder, which
    outlives the preview and the files."""
    temporary = tmp_path / "system-tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    marker = b"Only the withheld review holds this sentence."
    withheld = WITHHELD.replace("Professionals did not share", marker.decode() + " Professionals did not share")
    preview = _start(tmp_path / "preview", reviews={"child-w.md": withheld})
    preview.stop()
    cache = preview.output.parent / ".cache" / "markdown"
    assert any(marker in p.read_bytes() for p in cache.rglob("*") if p.is_file())
    assert not any(marker in p.read_bytes() for p in temporary.rglob("*") if p.is_file())

    # The review is deleted with the preview stopped, and the site built.
    (preview.content / "reviews" / "child-w.md").unlink()
    clean_build(preview.content, preview.output)
    assert not any(marker in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink())


def test_a_page_checked_after_the_full_build_of_its_save_has_finished_is_not_shown(tmp_path, monkeypatch):
    """The full build of a save can finish before the fast path of the same
    save does (the first save loads the checks' word lists). The full build
    refused the page: the fast path's page must not be shown after it, with
    no banner, as no other build follows to take it away."""
    monkeypatch.setenv("LSCB_TODAY", DEMO_TODAY)
    content, read = _kept(tmp_path, "reviews/child-q.md", {})
    kept = read()
    assert kept is not None
    output = tmp_path / "output"
    preview = PreviewState(ROOT / "pelicanconf.py", output, content, out=io.StringIO())
    page = output / "guidance" / "referrals" / "index.html"

    # A save whose full build is still to come: the fast path's page is shown.
    _append(content / GUIDANCE, SENTENCE)
    preview.saves = 1
    preview._fast(kept, GUIDANCE, 1, [GUIDANCE])
    assert SENTENCE.encode() in (preview.overlay_page(page) or b"") and preview.status.ok is True

    # The next save's full build finishes first, and refuses the page (a
    # link to a page the site does not have, which only the full build reads).
    _append(content / GUIDANCE, "See [the missing page](/guidance/nothing/).")
    preview.saves = 2
    assert preview.full_build(GUIDANCE).ok is False
    preview._fast(kept, GUIDANCE, 2, [GUIDANCE])
    assert preview.overlay_page(page) is None
    assert preview.status.ok is False


def test_a_file_of_a_withheld_review_linked_from_a_page_is_never_served(tmp_path):
    """The full build refuses a published page linking a file only a
    withheld review links (REV012, lscb_reviews.withheld_files): so does
    the fast path. A picture of the board's own stays quiet."""
    withheld = WITHHELD.replace(
        "Professionals did not share", "![The family home](/images/child-w-home.png)\n\nProfessionals did not share"
    )
    content, read = _kept(tmp_path, "reviews/child-q.md", {"reviews/child-w.md": withheld})
    (content / "images").mkdir()
    (content / "images" / "child-w-home.png").write_bytes(png_clean())
    board = io.BytesIO()
    Image.new("RGB", (6, 4), "teal").save(board, "PNG")  # not the bytes of the review's picture
    (content / "images" / "the-board.png").write_bytes(board.getvalue())
    kept = read()
    assert kept is not None

    leak = "![A home](/images/child-w-home.png)"
    _quiet_then_refused(content, kept, "![The board meeting](/images/the-board.png)", leak, "REV012", b"child-w-home")
    _full_build_refuses(content, tmp_path / "full" / "output", leak, {"REV012"})


def test_links_between_a_page_shown_at_once_and_the_other_pages_are_checked_next(tmp_path):
    """A heading renamed on the saved page breaks another page's link to it:
    the fast path shows the page, and its links are checked next against the
    last full build's pages (fast.site_links), naming the other page's line
    (LINK002), as the full build that follows refuses it; so is a link from
    the saved page to a heading the other page has not got."""
    content, read = _kept(tmp_path, "reviews/child-q.md", {})
    page, other = content / GUIDANCE, content / "guidance" / "escalation.md"
    page.write_text(
        guidance_markdown("Referrals", "How to refer.\n\n## Steps\n\n### Making a referral\n\nCall the front door."),
        encoding="utf-8",
    )
    link = "First read [the steps](referrals.md#making-a-referral)."
    other.write_text(guidance_markdown("Escalation", f"Escalate a concern.\n\n{link}"), encoding="utf-8")
    first = build_site(content, tmp_path / "output")
    assert first.ok, first.messages()
    kept = read()
    assert kept is not None

    quiet, why = _save(content, kept, "Another sentence.")
    assert quiet is not None and quiet.ok, why
    assert site_links(kept, quiet) == []

    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("### Making a referral", "### How to refer"), encoding="utf-8")
    try:
        renamed, why = fast_path(kept, GUIDANCE)
        full = build_site(content, tmp_path / "full" / "output")
    finally:
        page.write_text(original, encoding="utf-8")
    assert renamed is not None and renamed.ok and b"How to refer" in renamed.body, why
    line = other.read_text(encoding="utf-8").splitlines().index(link) + 1
    found = [(f.code, f.path.endswith("guidance/escalation.md"), f.line) for f in site_links(kept, renamed)]
    assert found == [("LINK002", True, line)]
    assert not full.ok and "LINK002" in full.codes()

    broken, why = _save(content, kept, "Then [escalate](escalation.md#no-such-heading).")
    assert broken is not None and broken.ok, why
    assert [(f.code, f.path.endswith(GUIDANCE)) for f in site_links(kept, broken)] == [("LINK002", True)]
