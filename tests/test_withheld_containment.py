"""A review that is not published contributes nothing to the site, by any path.

Each test builds a real site with a withheld (or retired) review and then
reads the whole output folder the way an attacker would: every file, as raw
bytes, looking for the review's marker text and for the bytes of its files
and of the redaction registers. Each has a quiet case: the same file is
published when the review is.

Variations that cannot stand in for each other (a link, a copy, a review
with its own file, bytes and marker) share one build, and each test judges
its own variation in it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from media import make_pdf
from PIL import Image
from register_helpers import write_register
from site_batches import tags

from conftest import ScenarioSite, Site, fingerprint, guidance_markdown, review_markdown
from lscb_checks.published.reencode import reencode
from lscb_core.documents import human_size

MARKER = "kestrel-walrus"
KEY = "containment-board-key-7d1e55a0c4f24b6e"


def _png(shade: int) -> bytes:
    """A small PNG without metadata; each shade gives different bytes.
    Saved as the build writes every picture again (published/reencode.py),
    so a published copy has exactly these bytes and a leak is found by them."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (shade, 90, 140)).save(buffer, "PNG")
    picture = reencode(buffer.getvalue(), "picture.png")
    assert reencode(picture, "picture.png") == picture
    return picture


NETWORK = _png(10)  # the withheld review's family-network diagram
LOGO = _png(200)  # the board's logo
OTHER = _png(120)  # an image only published pages use
REPORT = make_pdf([f"Overview report about Child Q ({MARKER})."])
LEAFLET = make_pdf(["A leaflet for parents and carers."])
REPORT_LINK = f"The overview report (PDF, {human_size(len(REPORT))})"


def leaks(output: Path, texts=(), contents=()) -> list[str]:
    """Every file of the output holding one of the texts or one of the
    contents (as bytes), as 'path: what'."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        relative = path.relative_to(output).as_posix()
        found += [f"{relative}: text {text!r}" for text in texts if text.encode("utf-8") in data]
        found += [f"{relative}: content {index}" for index, content in enumerate(contents) if content in data]
    return found


def _review(scenario, body: str, letter: str = "q", marker: str = MARKER, **fields) -> None:
    child = f"Child {letter.upper()}"
    if letter != "q":
        fields = {"Child": child, "Pseudonyms": f"{child}, Mother, Sibling 1", **fields}
    scenario.write(
        f"reviews/child-{letter}.md",
        review_markdown(
            body=f"## Findings\n\n{body}\n\nMarker sentence {marker}.\n\n## The board's response\n\nAccepted.\n",
            Title=f"{child} {marker} review",
            **fields,
        ),
    )
    # A published review keeps the listing, feeds and theme pages alive.
    scenario.write(
        "reviews/child-z.md",
        review_markdown(Title="Child Z: published review", Child="Child Z", Pseudonyms="Child Z, Mother"),
    )


# -- Symbolic links --------------------------------------------------------------


def _withheld_review_with_register(scenario) -> bytes:
    _review(scenario, f"[{REPORT_LINK}](documents/child-q-report.pdf)", Publication_decision="withhold")
    scenario.write_bytes("reviews/documents/child-q-report.pdf", REPORT)
    return write_register(scenario.content, "reviews/child-q.md", ["Jessamy Pollard"]).read_bytes()


LINKS = [
    ("images/zz-archive", "../reviews"),  # the folder of every review, in a folder copied whole
    ("images/child-q.md", "../reviews/child-q.md"),  # one review's source
    ("documents/terms.json", "../reviews/redaction/child-q.json"),  # a register
    ("guidance/zz-reviews", "../reviews"),  # read as guidance pages
    ("reviews/documents/report-link.pdf", "child-q-report.pdf"),  # inside the reviews folder
    ("images/nowhere.png", "../missing.png"),  # a link to nothing
]


@dataclass
class Linked:
    """The site built without the links (quiet), then with every link."""

    good: Site
    good_leaks: list[str]
    before: dict[str, str]
    refused: Site
    refused_leaks: list[str]
    after: dict[str, str]


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Linked:
    """Each link is a file of its own, found by the check of the content
    folder before anything is read: all of them in one build, each test
    judging its own link's finding."""
    scenario = ScenarioSite(tmp_path_factory.mktemp("links"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LSCB_REDACTION_KEY", KEY)
        register = _withheld_review_with_register(scenario)
        scenario.write_bytes("images/photo.png", OTHER)
        good = scenario.build()
        before = fingerprint(scenario.output)
        good_leaks = leaks(scenario.output, [MARKER], [REPORT, register])
        for link, target in LINKS:
            (scenario.content / link).parent.mkdir(parents=True, exist_ok=True)
            (scenario.content / link).symlink_to(target)
        refused = scenario.build()
    return Linked(
        good,
        good_leaks,
        before,
        refused,
        leaks(scenario.output, [MARKER], [REPORT, register]),
        fingerprint(scenario.output),
    )


def _link_findings(site: Site) -> list:
    return [f for f in site.result.findings if f.code == "BLD002"]


def test_each_symbolic_link_is_found_once(linked):
    """Every link gives one finding, and nothing else gives one."""
    ends = [Path(f.path).as_posix() for f in _link_findings(linked.refused)]
    named = sorted(next((link for link, _ in LINKS if end.endswith(link)), end) for end in ends)
    assert named == sorted(link for link, _ in LINKS), ends


@pytest.mark.parametrize("link, target", LINKS)
def test_a_symbolic_link_in_content_stops_the_build_and_the_last_site_stays(linked, link, target):
    assert linked.good.ok, linked.good.messages()  # quiet: the same site without the links
    assert "BLD002" not in linked.good.codes()
    assert linked.good_leaks == []

    assert not linked.refused.ok
    found = [f for f in _link_findings(linked.refused) if Path(f.path).as_posix()[-len(link) :] == link]
    assert len(found) == 1, (link, [f.as_text() for f in _link_findings(linked.refused)])
    assert found[0].hint == "replace the link with a copy of the file, or remove it"
    assert linked.after == linked.before, link
    assert linked.refused_leaks == [], link


def test_a_content_folder_that_is_a_link_stops_the_build(scenario, tmp_path):
    scenario.write("guidance/procedure.md", guidance_markdown("A procedure"))
    assert scenario.build().ok  # quiet: the real folder
    linked = tmp_path / "linked-content"
    linked.symlink_to(scenario.content)
    from conftest import build_site

    site = build_site(linked, tmp_path / "other-output")
    assert not site.ok
    assert [(f.code, f.message) for f in site.result.findings if f.code == "BLD002"] == [
        ("BLD002", "the content folder is a symbolic link")
    ]
    assert not (tmp_path / "other-output").exists()


# -- A file linked in any form ---------------------------------------------------

LINK_FORMS = {
    "absolute image": ("![Family network](/images/child-q-network.png)", "images/child-q-network.png"),
    "absolute document": (f"[{REPORT_LINK}](/documents/child-q-report.pdf)", "documents/child-q-report.pdf"),
    "live address": (
        "![Family network](https://lscb.example/images/child-q-network.png)",
        "images/child-q-network.png",
    ),
    "html img": ('<img src="/images/child-q-network.png" alt="Family network">', "images/child-q-network.png"),
    "html a": (f'<a href="/documents/child-q-report.pdf">{REPORT_LINK}</a>', "documents/child-q-report.pdf"),
    "html relative": (
        '<img src="../../images/child-q-network.png" alt="Family network">',
        "images/child-q-network.png",
    ),
    "html srcset": (
        '<img src="data:," srcset="/images/child-q-network.png 2x" alt="Family network">',
        "images/child-q-network.png",
    ),
    "static": ("![Family network]({static}/images/child-q-network.png)", "images/child-q-network.png"),
    "relative": ("![Family network](../images/child-q-network.png)", "images/child-q-network.png"),
}


# Addresses a browser fetches, and lscb_content.site_links rewrites on the
# published page, but lscb_core.linked_files.attachment_paths does not
# read (it reads srcset of <img> only, and src/href/data of the other tags):
# the file is not the review's, so the folder copied whole publishes it.
UNREAD_LINK_FORMS = {
    "picture source srcset": (
        '<picture><source srcset="/images/child-q-network.png" type="image/png">'
        '<img src="data:," alt="Family network"></picture>',
        "images/child-q-network.png",
    ),
    "video poster": ('<video controls poster="/images/child-q-network.png"></video>', "images/child-q-network.png"),
    # A tag as a browser reads it (lscb_core.html_grammar): a ">" inside a
    # quoted value does not end it.
    "html img, > in a value": (
        '<img alt="Family network > Child" src="/images/child-q-network.png">',
        "images/child-q-network.png",
    ),
}


# Every form is linked from a review of its own (Child A, Child B...; not
# Child I or Child Z, whose slugs the site holds already), each linking a
# file of its own with bytes of its own and carrying a marker of its own:
# all the withheld ones in one build, all the published ones in another.
# Each form's test reads the output for its own review's marker, slug and file.
FREE_LETTERS = "abcdefghjklmnopqrstuvwxy"


@dataclass
class Linking:
    letter: str
    published_at: str
    forbidden: bytes
    marker: str


@dataclass
class Reviews:
    site: Site
    forms: dict[str, Linking]


def _reviews_linking(root: Path, decision: str, forms: dict[str, tuple[str, str]]) -> Reviews:
    scenario = ScenarioSite(root)
    scenario.write_bytes("images/other.png", OTHER)
    scenario.write_bytes("documents/leaflet.pdf", LEAFLET)
    linking = {}
    for index, form in enumerate(sorted(forms)):
        letter = FREE_LETTERS[index]
        written, published_at = (part.replace("child-q", f"child-{letter}") for part in forms[form])
        marker = f"{MARKER}-{letter}"
        if published_at.endswith(".png"):
            forbidden = _png(20 + 4 * index)
        else:
            forbidden = make_pdf([f"Overview report about Child {letter.upper()} ({marker})."])
            written = written.replace(REPORT_LINK, f"The overview report (PDF, {human_size(len(forbidden))})")
        scenario.write_bytes(published_at, forbidden)
        _review(scenario, written, letter, marker, Publication_decision=decision)
        linking[form] = Linking(letter, published_at, forbidden, marker)
    assert len({link.forbidden for link in linking.values()} | {NETWORK, LOGO, OTHER, LEAFLET}) == len(linking) + 4
    return Reviews(scenario.build(SITEURL="https://lscb.example"), linking)


@pytest.fixture(scope="module")
def withheld_reviews(tmp_path_factory) -> Reviews:
    return _reviews_linking(tmp_path_factory.mktemp("withheld"), "withhold", {**LINK_FORMS, **UNREAD_LINK_FORMS})


@pytest.fixture(scope="module")
def published_reviews(tmp_path_factory) -> Reviews:
    return _reviews_linking(tmp_path_factory.mktemp("published"), "publish", LINK_FORMS)


def _kept_out(reviews: Reviews, form: str) -> None:
    site, link = reviews.site, reviews.forms[form]
    assert site.ok, site.messages()
    # MARKER begins every review's marker: no part of any of them is published.
    assert leaks(site.output, [MARKER, link.marker, f"child-{link.letter}"], [link.forbidden]) == [], form


@pytest.mark.parametrize("decision", ["withhold", "publish"])
@pytest.mark.parametrize("form", sorted(LINK_FORMS))
def test_a_withheld_reviews_file_is_kept_out_however_it_is_linked(request, form, decision):
    if decision == "publish":  # quiet: a published review's file is published
        reviews = request.getfixturevalue("published_reviews")
        site, link = reviews.site, reviews.forms[form]
        assert site.ok, site.messages()
        assert site.exists(link.published_at), form
        assert (site.output / link.published_at).read_bytes() == link.forbidden, form
        return
    reviews = request.getfixturevalue("withheld_reviews")
    _kept_out(reviews, form)
    # The folders copied whole are still copied, less the review's file.
    assert reviews.site.exists("images/other.png") and reviews.site.exists("documents/leaflet.pdf")


@pytest.mark.parametrize("form", sorted(UNREAD_LINK_FORMS))
def test_a_withheld_reviews_file_linked_by_source_srcset_or_poster_is_kept_out(withheld_reviews, form):
    _kept_out(withheld_reviews, form)
    assert withheld_reviews.site.exists("images/other.png")


def test_a_retired_reviews_absolutely_linked_file_goes_with_it(scenario):
    scenario.write_bytes("images/child-q-network.png", NETWORK)
    scenario.write(
        "reviews/child-q.md",
        review_markdown(
            Date="2020-01-10",
            Decision_date="2019-12-01",
            body=f"## Findings\n\n![Family network](/images/child-q-network.png)\n\n{MARKER}.\n\n"
            "## The board's response\n\nAccepted.\n",
        ),
    )
    site = scenario.build(REVIEW_RETENTION_MONTHS=12)
    assert site.ok, site.messages()
    assert site.exists("reviews/child-q/index.html")  # the notice
    assert leaks(site.output, [MARKER], [NETWORK]) == []

    recent = scenario.build(REVIEW_RETENTION_MONTHS=120)  # quiet: within the period
    assert recent.exists("images/child-q-network.png")


@pytest.mark.parametrize("decision", ["withhold", "publish"])
def test_the_files_in_a_withheld_reviews_own_folder_are_kept_out(scenario, decision):
    scenario.write(
        "reviews/child-q/child-q.md",
        review_markdown(
            body=f"## Findings\n\nMarker sentence {MARKER}.\n\n## The board's response\n\nAccepted.\n",
            Publication_decision=decision,
        ),
    )
    scenario.write_bytes("reviews/child-q/network.png", NETWORK)
    scenario.write_bytes("reviews/child-q/notes.pdf", make_pdf([f"Working notes, {MARKER}."]))
    # The review's folder is published whole, as a board might set it up.
    site = scenario.build(STATIC_PATHS=["images", "documents", "reviews/child-q"])
    assert site.ok, site.messages()
    if decision == "publish":
        assert site.exists("reviews/child-q/network.png") and site.exists("reviews/child-q/notes.pdf")
        return
    assert leaks(site.output, [MARKER], [NETWORK]) == []


@pytest.mark.parametrize("decision", ["withhold", "publish"])
def test_a_copy_of_a_withheld_reviews_file_under_another_name_is_kept_out(scenario, decision):
    scenario.write_bytes("reviews/documents/child-q-report.pdf", REPORT)
    scenario.write_bytes("documents/annual-summary.pdf", REPORT)  # the same bytes
    scenario.write_bytes("documents/leaflet.pdf", LEAFLET)
    _review(scenario, "See the report.", Publication_decision=decision, Document="reviews/documents/child-q-report.pdf")
    site = scenario.build()
    assert site.ok, site.messages()
    assert site.exists("documents/leaflet.pdf")
    if decision == "publish":
        assert site.exists("documents/annual-summary.pdf")
        return
    assert leaks(site.output, [MARKER], [REPORT]) == []


# -- A file shared with a published page -----------------------------------------


def _shared_logo(scenario, about_line: str) -> Path:
    scenario.write_bytes("images/board-logo.png", LOGO)
    scenario.write_bytes("images/logo-copy.png", LOGO)
    scenario.write_bytes("images/child-q-network.png", NETWORK)
    _review(
        scenario,
        "![Northshire board logo](/images/board-logo.png)\n\n![Family network](/images/child-q-network.png)",
        Publication_decision="withhold",
    )
    return scenario.write("pages/about.md", f"Title: About the board\n\n## Who we are\n\n{about_line}\n")


@pytest.mark.parametrize("linked_as, copy", [("/images/board-logo.png", False), ("/images/logo-copy.png", True)])
def test_a_file_a_published_page_shares_with_a_withheld_review_stops_the_build(scenario, linked_as, copy):
    _shared_logo(scenario, f"![Northshire board logo]({linked_as})")
    site = scenario.build()
    assert not site.ok
    found = [(Path(f.path).name, f.code, f.line, f.message) for f in site.result.findings if f.code == "REV012"]
    what = "a copy of a file" if copy else "a file"
    assert found == [("about.md", "REV012", 5, f"links {what} of child-q.md, which is not published")]
    assert not site.output.exists()


def test_a_refused_build_leaves_the_last_site_byte_for_byte(scenario):
    _shared_logo(scenario, "The board brings partners together.")
    good = scenario.build()
    assert good.ok, good.messages()  # quiet: no published page links the logo
    assert leaks(good.output, [MARKER], [NETWORK, LOGO]) == []
    before = fingerprint(scenario.output)

    _shared_logo(scenario, "![Northshire board logo](/images/board-logo.png)")
    refused = scenario.build()
    assert not refused.ok and "REV012" in refused.codes()
    assert fingerprint(scenario.output) == before


def test_a_shared_file_waived_on_the_published_page_is_published(scenario):
    _shared_logo(
        scenario,
        "![Northshire board logo](/images/board-logo.png) <!-- waive REV012: the board's logo, on every page -->",
    )
    site = scenario.build()
    assert site.ok, site.messages()
    assert (site.output / "images/board-logo.png").read_bytes() == LOGO
    # The review's own diagram, which no published page links, stays out.
    assert leaks(site.output, [MARKER], [NETWORK]) == []


# -- Redaction registers ---------------------------------------------------------


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)


def _register_site(scenario, decision="publish") -> bytes:
    _review(scenario, "Professionals did not share what they knew.", Publication_decision=decision)
    return write_register(scenario.content, "reviews/child-q.md", ["Jessamy Pollard"]).read_bytes()


COPIES = ["documents/terms.json", "images/zz/child-q.json"]


@dataclass
class Copied:
    """The published review with its register, built (good); then with a
    copy of the register at each place of COPIES, built again (refused)."""

    good: Site
    good_leaks: list[str]
    good_registers: list[Path]
    before: dict[str, str]
    refused: Site
    after: dict[str, str]


@pytest.fixture(scope="module")
def copied(tmp_path_factory) -> Copied:
    scenario = ScenarioSite(tmp_path_factory.mktemp("copies"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LSCB_REDACTION_KEY", KEY)
        register = _register_site(scenario)
        good = scenario.build()
        good_leaks = leaks(scenario.output, [], [register])
        registers = [p for p in good.all_files() if "redaction" in p.relative_to(good.output).parts]
        before = fingerprint(scenario.output)
        for place in COPIES:
            scenario.write_bytes(place, register)
        refused = scenario.build()
    return Copied(good, good_leaks, registers, before, refused, fingerprint(scenario.output))


@pytest.mark.parametrize("decision", ["withhold", "publish"])
def test_no_file_of_the_output_is_a_register(request, decision):
    if decision == "publish":  # the good build of the copies' site is this site
        copied = request.getfixturevalue("copied")
        assert copied.good.ok, copied.good.messages()
        assert copied.good_leaks == [] and copied.good_registers == []
        return
    scenario = request.getfixturevalue("scenario")
    request.getfixturevalue("keyed")
    register = _register_site(scenario, decision)
    site = scenario.build()
    assert site.ok, site.messages()
    assert leaks(site.output, [], [register]) == []
    assert not [p for p in site.all_files() if "redaction" in p.relative_to(site.output).parts]


def _copy_findings(site: Site) -> list[tuple[str, str]]:
    return [(Path(f.path).as_posix(), f.code) for f in site.result.findings if f.code == "RED005"]


def test_each_copy_of_a_register_is_found_once(copied):
    found = _copy_findings(copied.refused)
    named = sorted(next((place for place in COPIES if path.endswith(place)), path) for path, _code in found)
    assert named == sorted(COPIES), found


@pytest.mark.parametrize("place", COPIES)
def test_a_copy_of_a_register_in_a_folder_published_whole_stops_the_build(copied, place):
    assert copied.good.ok, copied.good.messages()
    assert not copied.refused.ok
    found = [(path[-len(place) :], code) for path, code in _copy_findings(copied.refused)]
    assert [(end, code) for end, code in found if end == place] == [(place, "RED005")], (place, found)
    assert copied.after == copied.before, place


REGISTER_LINKS = [
    "/reviews/redaction/child-q.json",
    "https://lscb.example/reviews/redaction/child-q.json",
    "/documents/terms.json",
]


@pytest.fixture(scope="module")
def register_links(tmp_path_factory) -> tuple[Site, dict[str, str]]:
    """Each form of link on a guidance page of its own, all in one build;
    form -> the page's file name."""
    scenario = ScenarioSite(tmp_path_factory.mktemp("register-links"))
    pages = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LSCB_REDACTION_KEY", KEY)
        register = _register_site(scenario)
        scenario.write_bytes("documents/terms.json", register)
        for written, tag in zip(REGISTER_LINKS, tags(len(REGISTER_LINKS))):
            pages[written] = f"procedure-{tag}.md"
            scenario.write(
                f"guidance/{pages[written]}",
                guidance_markdown(
                    f"A procedure ({tag})",
                    body=f"The procedure in brief.\n\nThe [terms list (JSON, 1 KB)]({written}).\n",
                ),
            )
        site = scenario.build(SITEURL="https://lscb.example")
    return site, pages


@pytest.mark.parametrize("written", REGISTER_LINKS)
def test_a_link_to_a_register_in_any_form_stops_the_build(register_links, written):
    site, pages = register_links
    assert not site.ok
    lines = {(Path(f.path).name, f.line) for f in site.result.findings if f.code == "RED005"}
    assert (pages[written], 9) in lines, (written, sorted(lines))


def _folder_in_the_theme(tmp_path: Path, files: dict[str, bytes]) -> str:
    folder = tmp_path / "theme-extra"
    for relative, data in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return str(folder)


def test_a_register_copied_by_the_theme_is_found_in_the_output(scenario, keyed, tmp_path):
    register = _register_site(scenario)
    extra = _folder_in_the_theme(tmp_path, {"data/terms.json": register})
    site = scenario.build(THEME_STATIC_PATHS=["static", extra])
    assert not site.ok
    assert [(f.path, f.code) for f in site.result.findings if f.code == "RED005"] == [
        ("output/theme/data/terms.json", "RED005")
    ]
    quiet = scenario.build(THEME_STATIC_PATHS=["static"])
    assert quiet.ok, quiet.messages()


def test_a_file_under_a_reviews_redaction_folder_in_the_output_stops_the_build(scenario, tmp_path):
    scenario.write("guidance/procedure.md", guidance_markdown("A procedure"))
    extra = _folder_in_the_theme(tmp_path, {"redaction/old-register.json": b'{"format": "old"}\n'})
    site = scenario.build(THEME_STATIC_PATHS=[extra], THEME_STATIC_DIR="reviews")
    assert not site.ok
    assert [(f.path, f.code) for f in site.result.findings if f.code == "RED005"] == [
        ("output/reviews/redaction/old-register.json", "RED005")
    ]


def test_a_withheld_reviews_file_copied_by_the_theme_is_found_in_the_output(scenario, tmp_path):
    scenario.write_bytes("documents/child-q-report.pdf", REPORT)
    _review(scenario, f"[{REPORT_LINK}](/documents/child-q-report.pdf)", Publication_decision="withhold")
    extra = _folder_in_the_theme(tmp_path, {"files/report.pdf": REPORT})
    site = scenario.build(THEME_STATIC_PATHS=["static", extra])
    assert not site.ok
    assert [(f.path, f.code) for f in site.result.findings if f.code == "REV003"] == [
        ("output/theme/files/report.pdf", "REV003")
    ]
    quiet = scenario.build()
    assert quiet.ok and leaks(quiet.output, [MARKER], [REPORT]) == []
