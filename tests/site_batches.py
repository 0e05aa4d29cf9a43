"""Several independent plants in one real build, each judged on its own.

A test module that refuses many one-line variations of a leak builds a good
site once (`build_good`), copies it, writes every variation into a file of
its own in the copy (`plant_all`) and builds the copy once. Each variation
keeps its own test id and asserts on its own file: the build was refused, a
finding of its code names its file (and line, where the test has one),
nothing printed shows its planted text, and the last good output is the
same byte for byte. A batch whose build failed refuses every plant at once,
so a plant with no finding of its own fails its test, whatever the others
did. Plants must not interfere: each is in a file of its own; a batch holds
plants refused by the same stage of the build (an error in the source
checks stops the build before the final gate reads the output); and plants
the final gate refuses share a batch only when they write different values,
since for what it reads in the search index, or on a page whose source does
not write it as read, the gate names every page that writes the same words
(the source checks read each file on its own). `errors_outside` lists the
errors that name none of the planted files: a batch test asserts there are
none, so a planted file that breaks another check (or the scaffolding
itself) shows as such.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from conftest import ScenarioSite, Site, guidance_markdown, review_markdown

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def snapshot(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def tags(count: int) -> list[str]:
    """`count` short lower-case tags without digits, for file names: a ... z, ba ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i] if i < 26 else letters[i // 26] + letters[i % 26] for i in range(count)]


def in_reviews(bodies: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each body (a review's Markdown after its header) in a review of its
    own, named after its pseudonym: Child A, Child B... The header has the
    same lines as review_markdown()'s."""
    assert len(bodies) <= len(LETTERS), "one letter a review"
    return {
        case: (
            f"reviews/child-{letter.lower()}.md",
            review_markdown(
                text,
                Title=f"Child {letter}: local child safeguarding practice review",
                Child=f"Child {letter}",
                Pseudonyms=f"Child {letter}, Mother, Sibling 1",
            ),
        )
        for (case, text), letter in zip(bodies.items(), LETTERS)
    }


def on_guidance_pages(bodies: dict[str, str], stem: str = "guidance/sharing-information") -> dict[str, tuple[str, str]]:
    """Each body on a guidance page of its own, `stem`-a.md, `stem`-b.md..."""
    return {
        case: (f"{stem}-{tag}.md", guidance_markdown(f"Sharing information ({tag})", body=text))
        for (case, text), tag in zip(bodies.items(), tags(len(bodies)))
    }


def build_good(root: Path, write: Callable[[ScenarioSite], None], **overrides) -> Path:
    """Write a site with `write`, build it, require it to pass; its folder."""
    site = ScenarioSite(root)
    write(site)
    built = site.build(**overrides)
    assert built.ok, built.messages()
    return root


def copy_of(good: Path, folder: Path) -> ScenarioSite:
    """A copy of a good site (content, output and all), with `before`: a
    snapshot of its output."""
    shutil.copytree(good, folder, symlinks=True)
    site = ScenarioSite(folder)
    site.before = snapshot(site.output)
    return site


@dataclass
class Batch:
    """A copy of a good site with every plant written, built once."""

    site: ScenarioSite
    built: Site
    before: dict[str, bytes]
    after: dict[str, bytes]
    plants: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (file under content/, text)

    def hits(self, codes: str | tuple[str, ...], path: str) -> list:
        codes = (codes,) if isinstance(codes, str) else codes
        return [f for f in self.built.result.findings if f.code in codes and not f.waived and f.path.endswith(path)]

    def refused(self, case: str, codes: str | tuple[str, ...], path: str, shown: str) -> list:
        """The plant `case`, written at `path`, was refused by its own
        finding; the last good output is untouched and no message shows `shown`."""
        messages = self.built.messages()
        assert not self.built.ok, f"{case}: the batch's build passed"
        # An error of its own: the others' errors refuse the batch whatever
        # this plant does, so a warning alone would not have stopped it.
        hits = [finding for finding in self.hits(codes, path) if finding.is_error]
        assert hits, f"{case}: no {codes} error names {path}:\n{messages}"
        assert self.after == self.before, f"{case}: the last good output was changed"
        assert shown not in messages, f"{case}: a finding printed {shown!r}"
        return hits

    def errors_outside(self) -> list[str]:
        planted = {path for path, _text in self.plants.values()}
        return [
            f.as_text()
            for f in self.built.result.findings
            if f.is_error and not f.waived and not any(f.path.endswith(path) for path in planted)
        ]


def plant_all(good: Path, folder: Path, plants: dict[str, tuple[str, str]], **overrides) -> Batch:
    """Copy the good site, write each plant's text at its file, build once."""
    site = copy_of(good, folder)
    for path, text in plants.values():
        site.write(path, text)
    built = site.build(**overrides)
    return Batch(site, built, site.before, snapshot(site.output), plants)
