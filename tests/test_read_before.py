"""What the final gate remembers between builds in one process
(lscb_checks.published.read_before), on real builds: the same site built
again, elsewhere, has only its new blocks read; a change to any input of the
detectors makes the gate read everything again, so a name that was allowed
is refused once it no longer is."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gate_memory import ALLOWLIST, BODY, CLEAN, GUIDANCE, NAME, count_reads, pii001, site_with  # noqa: E402

from conftest import ScenarioSite, guidance_markdown, review_markdown  # noqa: E402
from lscb_checks.checks import published_text  # noqa: E402
from lscb_checks.published import detect, read_before  # noqa: E402


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    yield from count_reads(monkeypatch)


@pytest.fixture
def fresh():
    """Nothing remembered from earlier tests, nor left for later ones."""
    read_before.forget_all()
    yield
    read_before.forget_all()


@pytest.fixture
def inputs(monkeypatch) -> list[tuple]:
    """The (site, redaction, forenames) each build's gate keyed its memory by."""
    seen: list[tuple] = []
    key = read_before.inputs_key

    def recorded(site, redaction, forenames):
        seen.append((site, redaction, forenames))
        return key(site, redaction, forenames)

    monkeypatch.setattr(read_before, "inputs_key", recorded)
    read_before.forget_all()
    yield seen
    read_before.forget_all()


def _site(root: Path, body: str = BODY) -> ScenarioSite:
    return site_with(root, body)


_pii001 = pii001


def test_the_same_site_built_again_elsewhere_has_only_what_is_new_read(tmp_path, reads):
    reads.append(0)
    first = _site(tmp_path / "a", CLEAN).build()
    assert first.ok, first.messages()
    reads.append(0)
    second = _site(tmp_path / "b", CLEAN + "\nA new paragraph was added to the second copy.\n").build()
    assert second.ok, second.messages()
    assert 0 < reads[1] < reads[0] / 5, reads  # the new paragraph with what is beside it, little more


def test_a_name_no_longer_allowed_is_refused_in_the_next_build(tmp_path, reads):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    site = _site(tmp_path / "site")
    reads.append(0)
    allowed = site.build(REDACTION_ALLOWLIST=str(allowlist))
    assert allowed.ok, allowed.messages()
    before = sorted(p.relative_to(site.output) for p in site.output.rglob("*"))
    reads.append(0)
    allowlist.write_text("# The entry was taken out.\n", encoding="utf-8")
    refused = site.build(REDACTION_ALLOWLIST=str(allowlist))  # the same pages and settings
    assert not refused.ok
    assert _pii001(refused) == [("making-a-referral.md", 7)], refused.messages()
    assert reads[1] >= reads[0] / 2, reads  # read in full again, not from the first build
    assert sorted(p.relative_to(site.output) for p in site.output.rglob("*")) == before


def test_the_same_name_is_refused_again_after_a_build_that_allowed_it_elsewhere(tmp_path, fresh):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    allowed = _site(tmp_path / "allowed").build(REDACTION_ALLOWLIST=str(allowlist))
    assert allowed.ok, allowed.messages()
    refused = _site(tmp_path / "plain").build()
    assert _pii001(refused) == [("making-a-referral.md", 7)], refused.messages()


def test_an_allowlist_edited_in_place_with_its_size_and_time_is_read_again(tmp_path, fresh):
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    site = _site(tmp_path / "site")
    assert site.build(REDACTION_ALLOWLIST=str(allowlist)).ok
    # One letter of the entry changed, as a save within the same tick of
    # the clock (or a copy that keeps the file's time) leaves it.
    kept = os.stat(allowlist)
    allowlist.write_text(ALLOWLIST.replace(NAME, NAME[:-1] + "x"), encoding="utf-8")
    os.utime(allowlist, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert os.stat(allowlist).st_size == kept.st_size
    refused = site.build(REDACTION_ALLOWLIST=str(allowlist))
    assert _pii001(refused) == [("making-a-referral.md", 7)], refused.messages()


def test_a_review_s_credit_edited_with_the_file_s_size_and_time_kept_no_longer_vouches(tmp_path, fresh):
    body = review_markdown().split("\n\n", 1)[1].replace("knew.", f"knew. {NAME} wrote the report.")
    site = ScenarioSite(tmp_path / "site")
    review = site.write("reviews/child-q.md", review_markdown(body, Credits=f"{NAME} (independent author)"))
    built = site.build()
    assert built.ok, built.messages()
    kept = os.stat(review)
    credit = NAME[:-1] + "x"  # one letter: the same size
    review.write_text(review_markdown(body, Credits=f"{credit} (independent author)"), encoding="utf-8")
    os.utime(review, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert os.stat(review).st_size == kept.st_size
    refused = site.build()
    line = next(n for n, text in enumerate(review.read_text(encoding="utf-8").splitlines(), 1) if "wrote" in text)
    assert ("child-q.md", line) in _pii001(refused), refused.messages()


def _key(site, redaction, forenames) -> bytes:
    return read_before.inputs_key(site, redaction, forenames)


def test_every_input_of_the_detectors_is_in_the_key(tmp_path, inputs, monkeypatch):
    site = _site(tmp_path / "site", CLEAN)
    site.write("reviews/child-q.md", review_markdown())
    assert site.build().ok
    built, redaction, forenames = inputs[-1]
    key = _key(built, redaction, forenames)
    assert _key(built, redaction, forenames) == key
    # The same site in another folder: the same key.
    moved = tmp_path / "moved"
    shutil.copytree(site.root, moved)
    assert ScenarioSite(moved).build().ok
    assert _key(*inputs[-1]) == key

    monkeypatch.delenv("LSCB_TODAY", raising=False)  # so that the setting is today
    changes = {
        "a setting": lambda: monkeypatch.setitem(built.settings, "LSCB_AREA_NAMES", ["Eastmoor"]),
        "a variable of the environment": lambda: monkeypatch.setenv("LSCB_EXTRA", "1"),
        "today": lambda: monkeypatch.setitem(built.settings, "LSCB_TODAY", "2027-01-01"),
    }
    for what, change in changes.items():
        change()
        assert _key(built, redaction, forenames) != key, what
        monkeypatch.undo()
        monkeypatch.delenv("LSCB_TODAY", raising=False)
        assert _key(built, redaction, forenames) == key, what
    assert _key(built, redaction, forenames | {"qxzwyvern"}) != key


def _scopes(gate_inputs) -> dict[str, str]:
    """The scope of the review's page, of a guidance page and of a page of
    no item, as the gate of that build keyed them."""
    site, redaction, _forenames = gate_inputs
    reviews = read_before.reviews_digest(redaction)
    review = next(i for i in site.items if i.type_key == "reviews")
    guidance = next(i for i in site.items if i.type_key == "guidance")
    return {
        "review": read_before.scope(review, detect.scope_of(review), reviews),
        "guidance": read_before.scope(guidance, detect.scope_of(guidance), reviews),
        "no item": read_before.scope(None, None, reviews),
    }


def test_an_allowlist_entry_changes_the_key(tmp_path, inputs):
    site = _site(tmp_path / "site", CLEAN)
    site.write("reviews/child-q.md", review_markdown())
    allowlist = tmp_path / "allow.toml"
    allowlist.write_text("# No entry yet.\n", encoding="utf-8")
    assert site.build(REDACTION_ALLOWLIST=str(allowlist)).ok
    key = _key(*inputs[-1])
    allowlist.write_text(ALLOWLIST, encoding="utf-8")
    assert site.build(REDACTION_ALLOWLIST=str(allowlist)).ok
    assert _key(*inputs[-1]) != key


def test_a_review_s_edit_reads_its_page_and_the_pages_of_no_item_again_not_the_others(tmp_path, inputs):
    site = _site(tmp_path / "site", CLEAN)
    review = site.write("reviews/child-q.md", review_markdown())
    assert site.build().ok
    key, before = _key(*inputs[-1]), _scopes(inputs[-1])
    assert site.build().ok
    assert (_key(*inputs[-1]), _scopes(inputs[-1])) == (key, before)  # nothing changed: all kept
    review.write_text(review_markdown(Pseudonyms="Child Q, Mother, Sibling 1, Sibling 2"), encoding="utf-8")
    assert site.build().ok
    after = _scopes(inputs[-1])
    assert _key(*inputs[-1]) == key
    assert after["review"] != before["review"]  # the same path, read again
    assert after["no item"] != before["no item"]  # listings, feeds, the search index: every review counts
    assert after["guidance"] == before["guidance"] == "item"  # depends on no review


def test_nothing_is_kept_from_a_gate_that_did_not_finish(tmp_path, monkeypatch):
    read_before.forget_all()
    site = _site(tmp_path / "site", CLEAN)

    def broken(*args, **kwargs):
        raise RuntimeError("the gate stopped")

    monkeypatch.setattr(published_text, "read_page", broken)
    monkeypatch.setattr(published_text, "read_file", broken)
    built = site.build()
    assert not built.ok
    assert not read_before._kept
    read_before.forget_all()


# A block is skipped once read clean with what lies beside it, in this build
# or an earlier one: so a detector's answer on a block must not depend on
# text further away. Each pair: a paragraph far from the name (more than
# detect.REACH away, so the name's block has the same key with or without
# it) that once changed how the name was read, and the name.
FAR_AND_NAME = [
    # Title-case forenames elsewhere on the page made the case-blind reader
    # go from the surname, which read an accented surname; from the forename,
    # it read only A-Z.
    ("Thanks to Oliver, Harry and George for the photographs on this page.", "Zebedee QUINLÁN"),
    # A family name run together with a forename counted only if the text
    # also held the family name as a word of its own.
    ("The Quinlan review (2019) set out the lessons for schools.", "ZebedeeQuinlan_09"),
]
FILLER = "\n\n".join(
    f"Step {n} of the procedure says what practitioners do next, in plain words, one step at a time." for n in range(6)
)


def _far_site(root: Path, far: str, last: str) -> ScenarioSite:
    site = ScenarioSite(root)
    site.write(GUIDANCE, guidance_markdown("Making a referral", f"{far}\n\n{FILLER}\n\n{last}"))
    return site


@pytest.mark.parametrize(("far", "name"), FAR_AND_NAME)
def test_a_name_reads_the_same_alone_as_with_the_rest_of_the_page(far, name):
    from lscb_checks.allowlist import Allowlist
    from lscb_checks.redaction import Redaction
    from lscb_checks.review_scan import Context
    from lscb_checks.text.forenames import forenames

    class Page:  # an item that is not a review and declares nobody
        path, type_key, metadata = "page.md", "pages", {}
        source = type("Source", (), {"field": staticmethod(lambda name: None), "text": ""})()

    context = Context(Page(), Redaction({}, Allowlist(""), (), frozenset()), forenames())
    sentence = f"The letter was signed by {name} at the bottom."
    alone = [term for _i, _hit, term, _w in detect.block_hits([sentence], context)]
    with_page = [term for i, _hit, term, _w in detect.block_hits([far, *FILLER.split("\n\n"), sentence], context) if i]
    assert alone, "the name is found"
    assert with_page == alone


@pytest.mark.parametrize(("far", "name"), FAR_AND_NAME)
def test_a_name_added_far_from_what_the_last_build_read_is_refused(tmp_path, fresh, far, name):
    site = _far_site(tmp_path / "site", far, "The letter was signed by the duty manager.")
    assert site.build().ok
    site = _far_site(tmp_path / "site", far, f"The letter was signed by {name} at the bottom.")
    refused = site.build()  # the page's other blocks were read clean by the build before
    line = (
        site.content.joinpath(GUIDANCE)
        .read_text(encoding="utf-8")
        .splitlines()
        .index(f"The letter was signed by {name} at the bottom.")
    )
    assert _pii001(refused) == [("making-a-referral.md", line + 1)], refused.messages()
    assert not any(name.encode() in p.read_bytes() for p in site.output.rglob("*") if p.is_file())


def test_settings_of_different_types_or_folders_never_read_the_same():
    import datetime as dt

    pairs = [
        ([1, 2], (1, 2)),
        ({"a": 1}, [["a", 1]]),
        (dt.date(2026, 1, 1), "2026-01-01"),
        (Path("/srv/x"), "/srv/x"),
        (1, "1"),
        (True, 1),
        (1, 1.0),
        ({"x"}, ["x"]),
    ]
    for one, other in pairs:
        assert repr(read_before.plain(one)) != repr(read_before.plain(other)), (one, other)
    folders = {"/srv/site/content": "<content>"}
    inside = read_before.plain("/srv/site/content/allow.toml", folders)
    assert inside == read_before.plain("/elsewhere/content/allow.toml", {"/elsewhere/content": "<content>"})
    assert read_before.plain("/srv/site/content-old/allow.toml", folders) == "/srv/site/content-old/allow.toml"


# A Pseudonyms field the header's reader (lscb_core.sources) sees and
# Markdown does not: a value on an indented line under an empty
# `Pseudonyms:` (fewer than four spaces) is read as the field's by the
# checks, and as the first line of the body by Markdown, so the page's
# metadata declares nobody.
HIDDEN_PAGE = "pages/meeting-notes.md"
STEPS = "\n\n".join(
    f"Step {n} of the procedure says what practitioners do next, in plain words, one step at a time." for n in range(4)
)


def _hidden_page(pseudonyms: str) -> str:
    # Hidden: not in listings, feeds or the search index, which every
    # review's pseudonyms vouch for and no other item's.
    header = "Title: Meeting notes\nStatus: hidden\n"
    if pseudonyms:
        header += f"Waive: META001 in Pseudonyms: the names of the review the notes were drawn from\nPseudonyms:\n  {pseudonyms},\n"
    body = f"{STEPS}\n\nThe letter was signed by {NAME} at the bottom.\n\n{STEPS}\n"
    return f"{header}\n{body}"


def _line(page: Path) -> int:
    return page.read_text(encoding="utf-8").splitlines().index(f"The letter was signed by {NAME} at the bottom.") + 1


def test_a_pseudonym_only_the_checks_read_in_a_header_vouches_for_nothing(tmp_path, fresh):
    """Markdown publishes the indented line as the page's first text: a name
    there may not vouch for itself (lscb_checks.redaction.declared)."""
    site = ScenarioSite(tmp_path / "site")
    page = site.write(HIDDEN_PAGE, _hidden_page(NAME))
    stray = site.build()
    assert (stray.ok, ("meeting-notes.md", _line(page)) in _pii001(stray)) == (False, True), stray.messages()


def test_a_pseudonym_only_the_checks_read_in_a_header_is_not_kept_for_the_next_build(tmp_path, fresh):
    site = ScenarioSite(tmp_path / "site")
    page = site.write(HIDDEN_PAGE, _hidden_page(NAME))
    site.build()
    page.write_text(_hidden_page(""), encoding="utf-8")  # the stray field taken out
    refused = site.build()
    assert _pii001(refused) == [("meeting-notes.md", _line(page))], refused.messages()
