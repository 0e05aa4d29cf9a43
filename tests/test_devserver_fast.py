"""The preview's fast path (lscb_cli.devserver.fast): a saved page is shown
before the full build, never when a check finds an error in it, and once the
full build after each kind of edit has finished the preview's output folder
is byte for byte what `make html` makes of the same files."""

from __future__ import annotations

import shutil
from pathlib import Path

from devserver_helpers import LEAK, Preview, clean_build
from factories import png_clean

from conftest import ROOT, add_standard_pages, fingerprint, guidance_markdown, review_markdown

SENTENCE = "This sentence was added while previewing."


def _start(tmp_path: Path, settings: Path | None = None) -> Preview:
    running = Preview(tmp_path, settings)
    content = running.content
    (content / "reviews").mkdir(parents=True)
    (content / "reviews" / "child-q.md").write_text(review_markdown(), encoding="utf-8")
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


def test_a_saved_page_is_served_before_the_full_build_and_the_full_build_follows(tmp_path):
    preview = _start(tmp_path)
    try:
        saves = preview.status()["saves"]
        _append(preview.content / "guidance" / "referrals.md", SENTENCE)
        on_disk = preview.output / "guidance" / "referrals" / "index.html"
        while SENTENCE.encode() not in preview.get("/guidance/referrals/")[1]:
            pass
        # Served from memory: the output folder has not got it yet.
        assert SENTENCE.encode() not in on_disk.read_bytes()
        assert "Checked the page in" in preview.log.read_text()
        status = preview.wait_until_settled(saves)
        assert status["ok"] is True, status["report"]
        assert SENTENCE.encode() in on_disk.read_bytes() and b"__devserver" not in on_disk.read_bytes()
    finally:
        preview.stop()


def test_a_page_that_fails_a_check_is_never_served(tmp_path):
    preview = _start(tmp_path)
    try:
        for relative, address in (
            ("reviews/child-q.md", "/reviews/child-q/"),
            ("guidance/escalation.md", "/guidance/escalation/"),
        ):
            saves = preview.status()["saves"]
            source = preview.content / relative
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
            terminal = preview.log.read_text()
            assert terminal.count("Checked the page in") >= 1
            source.write_text(source.read_text(encoding="utf-8").replace(LEAK, ""), encoding="utf-8")
            assert preview.wait_until_settled(saves + 1)["ok"] is True
    finally:
        preview.stop()


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
