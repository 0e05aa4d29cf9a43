"""What Markdown made of each file is kept between builds, by the SHA-256 of
the file's bytes (lscb_content.markdown_cache), and a build from the cache is
the same site, byte for byte, with every check run again."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings

from conftest import DEMO_TODAY, ROOT, build_site, fingerprint, guidance_markdown, review_markdown
from lscb_content import markdown_cache
from lscb_content.reader import LscbMarkdownReader
from lscb_core.build_state import STATE_KEY, BuildState

PAGE = "guidance/making-a-referral.md"
SENTENCE = "Ring the front door team before you write to them."
MARKER = "This text was read from the cache."


def _site(root: Path) -> tuple[Path, Path]:
    content = root / "content"
    (content / "guidance").mkdir(parents=True)
    (content / PAGE).write_text(guidance_markdown("Making a referral", SENTENCE), encoding="utf-8")
    return content, root / "out" / "output"


def _cache_files(output: Path) -> list[Path]:
    return sorted(p for p in (output.parent / ".cache" / "markdown").rglob("*") if p.is_file())


def _entries(output: Path) -> dict:
    found = {}
    for path in _cache_files(output):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def _tamper(output: Path, page: Path, old: str, new: str) -> None:
    """Change the HTML the cache keeps for `page`: only a build that reads
    the cache can show it."""
    (path,) = _cache_files(output)
    cache = json.loads(path.read_text(encoding="utf-8"))
    stamp, kept = cache[str(page.resolve())]
    html, meta, headings = json.loads(kept)
    assert old in html
    cache[str(page.resolve())] = [stamp, json.dumps([html.replace(old, new), meta, headings])]
    path.write_text(json.dumps(cache), encoding="utf-8")


def test_a_build_from_the_cache_is_the_same_site_as_one_without_it(tmp_path):
    content, output = _site(tmp_path)
    first = build_site(content, output)
    assert first.ok, first.messages()
    assert _cache_files(output), "the first build kept no conversion"
    second = build_site(content, output)
    assert second.ok, second.messages()
    without = build_site(content, tmp_path / "cold" / "output", MARKDOWN_CACHE=False)
    assert without.ok, without.messages()
    assert fingerprint(output) == fingerprint(tmp_path / "cold" / "output")
    assert not (tmp_path / "cold" / ".cache" / "markdown").exists()


def test_an_unchanged_file_is_read_from_the_cache_and_an_edited_one_is_converted_again(tmp_path):
    content, output = _site(tmp_path)
    assert build_site(content, output).ok
    _tamper(output, content / PAGE, SENTENCE, MARKER)
    read = build_site(content, output)
    assert read.ok, read.messages()
    assert MARKER in (output / "guidance" / "making-a-referral" / "index.html").read_text(encoding="utf-8")

    # An edit that keeps the file's size and its modification time: the
    # file's bytes decide, never its time.
    page = content / PAGE
    stat = page.stat()
    page.write_text(page.read_text(encoding="utf-8").replace("Ring", "Call"), encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert page.stat().st_size == stat.st_size
    edited = build_site(content, output)
    assert edited.ok, edited.messages()
    html = (output / "guidance" / "making-a-referral" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    assert "Call the front door team" in html


def test_a_change_to_the_converter_starts_an_empty_cache_and_deletes_the_old_one(tmp_path):
    content, output = _site(tmp_path)
    assert build_site(content, output).ok
    (old,) = {path.parent for path in _cache_files(output)}
    _tamper(output, content / PAGE, SENTENCE, MARKER)
    changed = build_site(content, output, MARKDOWN={"extensions": ["markdown.extensions.tables"]})
    assert changed.ok, changed.messages()
    assert MARKER not in (output / "guidance" / "making-a-referral" / "index.html").read_text(encoding="utf-8")
    assert not old.exists()
    assert {path.parent for path in _cache_files(output)} != {old}


def test_a_deleted_file_leaves_nothing_in_the_cache(tmp_path):
    content, output = _site(tmp_path)
    other = content / "guidance" / "neglect.md"
    other.write_text(guidance_markdown("Neglect", "A sentence only the neglect page holds."), encoding="utf-8")
    assert build_site(content, output).ok
    assert str(other.resolve()) in _entries(output)
    other.unlink()
    assert build_site(content, output).ok
    assert str(other.resolve()) not in _entries(output)
    assert str((content / PAGE).resolve()) in _entries(output)
    assert not any(b"only the neglect page holds" in path.read_bytes() for path in _cache_files(output))


def test_every_check_runs_again_on_a_page_read_from_the_cache(tmp_path):
    content, output = _site(tmp_path)
    (content / "reviews").mkdir()
    review = content / "reviews" / "child-q.md"
    review.write_text(review_markdown(), encoding="utf-8")
    assert build_site(content, output).ok
    # The name is planted in what the cache holds, not in the file: the page
    # is made from the cache, and the checks of the built site find it there.
    _tamper(output, review, "Professionals did not share", "Zebedee Quinlan did not share")
    stopped = build_site(content, output)
    assert not stopped.ok
    assert "PII001" in stopped.codes()
    assert "Zebedee" not in (output / "reviews" / "child-q" / "index.html").read_text(encoding="utf-8")


def test_off_when_the_setting_says_so(tmp_path):
    content, output = _site(tmp_path)
    assert build_site(content, output, MARKDOWN_CACHE=False).ok
    assert not (output.parent / ".cache" / "markdown").exists()


def test_a_file_saved_again_while_a_build_reads_it_is_kept_under_the_bytes_that_were_converted(tmp_path):
    """The digest and the conversion are of one reading of the file. Were the
    file read twice (once to hash, once to convert), an editor's save landing
    between the two would keep the new text under the old bytes' digest: the
    next build of the old bytes would publish text no file holds."""
    content, output = _site(tmp_path)
    page = content / PAGE
    clean = page.read_bytes()
    saved_meanwhile = clean.replace(SENTENCE.encode(), MARKER.encode())

    class SavedWhileRead(LscbMarkdownReader):
        """The editor's save lands once the build has begun reading the file."""

        def _convert_file(self, source_path, *rest):
            page.write_bytes(saved_meanwhile)
            return super()._convert_file(source_path, *rest)

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "LSCB_TODAY": DEMO_TODAY},
    )
    settings[STATE_KEY] = BuildState()
    SavedWhileRead(settings).read(str(page))
    markdown_cache.save([SimpleNamespace(settings=settings)])
    assert _entries(output), "the reading kept no conversion"

    page.write_bytes(clean)  # the editor's clean version again
    again = build_site(content, output)
    assert again.ok, again.messages()
    html = (output / "guidance" / "making-a-referral" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html and SENTENCE in html
    assert not any(MARKER.encode() in path.read_bytes() for path in output.rglob("*") if path.is_file())
    cold = build_site(content, tmp_path / "cold" / "output", MARKDOWN_CACHE=False)
    assert fingerprint(output) == fingerprint(tmp_path / "cold" / "output")
    assert cold.ok


def test_what_a_build_stopped_while_writing_the_cache_left_is_deleted_by_the_next(tmp_path):
    """A build killed while it wrote the cache (a CI job's time-out, a power
    cut) leaves its temporary file, holding the text of every page it read:
    the next build deletes it, even when it has nothing to write."""
    content, output = _site(tmp_path)
    assert build_site(content, output).ok
    (path,) = _cache_files(output)
    stray = path.parent / ".writing-killed"
    stray.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2] + MARKER.encode())
    again = build_site(content, output)
    assert again.ok, again.messages()
    assert not stray.exists()
    assert not any(MARKER.encode() in p.read_bytes() for p in (output.parent / ".cache").rglob("*") if p.is_file())


def test_a_damaged_entry_is_converted_again(tmp_path):
    """A cache file that can be read but holds a damaged conversion (a
    truncated entry, an entry of another shape) is only slower."""
    content, output = _site(tmp_path)
    other = content / "guidance" / "neglect.md"
    other.write_text(guidance_markdown("Neglect", "A sentence only the neglect page holds."), encoding="utf-8")
    assert build_site(content, output).ok
    (path,) = _cache_files(output)
    cache = json.loads(path.read_text(encoding="utf-8"))
    stamp, kept = cache[str((content / PAGE).resolve())]
    cache[str((content / PAGE).resolve())] = [stamp, kept[: len(kept) // 2]]
    cache[str(other.resolve())] = "not an entry"
    path.write_text(json.dumps(cache), encoding="utf-8")
    again = build_site(content, output)
    assert again.ok, again.messages()
    cold = build_site(content, tmp_path / "cold" / "output", MARKDOWN_CACHE=False)
    assert cold.ok
    assert fingerprint(output) == fingerprint(tmp_path / "cold" / "output")


class _Runs:
    """Unpickled, it would create a file: a cache file must never be read that way."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_reading_a_cache_file_never_runs_code(tmp_path):
    import pickle

    content, output = _site(tmp_path)
    assert build_site(content, output).ok
    (path,) = _cache_files(output)
    marker = tmp_path / "code-ran"
    path.write_bytes(pickle.dumps({str((content / PAGE).resolve()): _Runs(marker)}))
    pickle.loads(path.read_bytes())  # the payload works when unpickled
    assert marker.exists()
    marker.unlink()
    again = build_site(content, output)
    assert again.ok, again.messages()
    assert not marker.exists()
    assert SENTENCE in (output / "guidance" / "making-a-referral" / "index.html").read_text(encoding="utf-8")
