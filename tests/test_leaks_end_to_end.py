"""End to end: an identifier left anywhere a review publishes it stops the
build, names the file and line, and leaves the last good site untouched.

Each case copies the demo site, adds a review (with an image and a PDF
report) that leaks in one place, and builds it with real Pelican into an
output folder that already holds a good build. The good build is made once
for the module; each case starts from a byte-for-byte copy of it.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from media import make_jpeg, make_pdf, make_png, xmp_packet  # noqa: E402
from register_helpers import write_register  # noqa: E402

from conftest import ROOT, build_site, review_markdown  # noqa: E402
from lscb_checks.registry import load_all_rules  # noqa: E402

KEY = "end-to-end-board-key-5b0e2c9d71a44f8f"
NAME = "Tamsin Greywell"  # the real name in the register
PLACE = "reviews/child-q.md"
PDF = "reviews/documents/child-q-overview-report.pdf"
TITLE = "Child Q: local child safeguarding practice review"
SUMMARY = "A fictional review used by the end-to-end tests."
ALT = "A diagram of Child Q's family, using pseudonyms only"
LINK_TEXT = "report a concern page"
LINK_URL = "../pages/report-a-concern.md"
BODY = f"""## About this review

Child Q is a young child who lived with Mother and Sibling 1.

![{ALT}](images/child-q-network.png)

The diagram shows who lived in Child Q's household.

Adults can find support on the [{LINK_TEXT}]({LINK_URL}).

## Findings

Professionals did not share what they knew.

## Recommendations

1. Share information sooner.

## The board's response

The board accepted the recommendation.
"""
PDF_PAGES = ["Child Q overview report", "Findings\nProfessionals did not share what they knew."]


@dataclass
class Review:
    """The review a case writes: fields, body and attached files."""

    fields: dict = field(default_factory=lambda: {"Title": TITLE, "Summary": SUMMARY, "Document": PDF})
    body: str = BODY
    files: dict = field(
        default_factory=lambda: {
            "reviews/images/child-q-network.png": make_png(),
            PDF: make_pdf(PDF_PAGES),
        }
    )

    def write(self, content: Path) -> Path:
        for relative, data in self.files.items():
            target = content / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        path = content / PLACE
        path.write_text(review_markdown(self.body, **self.fields), encoding="utf-8")
        return path


def _content(tmp_path: Path, review: Review) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content, review.write(content)


def _snapshot(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    """A good build of the demo site with Child Q's review, register and all."""
    root = tmp_path_factory.mktemp("good")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LSCB_REDACTION_KEY", KEY)
        content, _ = _content(root, Review())
        write_register(content, PLACE, [NAME, "03/05/2015"])
        site = build_site(content, root / "output")
    assert site.ok, site.messages()
    assert site.exists("reviews/child-q/index.html")
    assert site.exists("reviews/documents/child-q-overview-report.pdf")
    return site.output


@pytest.fixture
def previous_output(good_output, tmp_path) -> Path:
    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    return output


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def _build_leaky(tmp_path, review: Review, previous_output: Path, register: bool, monkeypatch):
    before = _snapshot(previous_output)
    content, path = _content(tmp_path, review)
    if register:
        monkeypatch.setenv("LSCB_REDACTION_KEY", KEY)
        write_register(content, PLACE, [NAME, "03/05/2015"])
    else:
        monkeypatch.delenv("LSCB_REDACTION_KEY", raising=False)
    site = build_site(content, previous_output)
    assert not site.ok, "the build published a leak"
    assert _snapshot(previous_output) == before, "a failed build changed the previous output"
    assert not list(previous_output.parent.glob(".output.*")), "a staging folder was left behind"
    return site, path


# --- With a redaction register: the name in every place ----------------------


def _field(name, value):
    def change(review: Review):
        review.fields[name] = value

    return change


def _body(old, new):
    def change(review: Review):
        review.body = review.body.replace(old, new)

    return change


def _file(relative, data, replaces=None):
    """Attach `data` as `relative`; with `replaces`, instead of that file."""

    def change(review: Review):
        if replaces:
            review.files.pop(replaces)
            review.body = review.body.replace(_name(replaces), _name(relative))
        review.files[relative] = data

    return change


def _name(relative: str) -> str:
    return relative.rsplit("/", 1)[-1]


IMAGE = "reviews/images/child-q-network.png"
# (case, change to the good review, text on the line the finding must name)
PLACES = [
    ("title", _field("Title", f"{NAME}: local child safeguarding practice review"), "Title:"),
    ("summary", _field("Summary", f"How agencies worked with {NAME} and her family."), "Summary:"),
    ("another metadata field", _field("Pseudonyms", f"Child Q, Mother, Sibling 1, {NAME.upper()}"), "Pseudonyms:"),
    ("body", _body("lived with Mother", f"lived with Mother at {NAME}'s grandmother's"), "lived with Mother"),
    ("body, across a line break", _body("Child Q is a young child", "Tamsin\nGreywell is a young child"), "Tamsin"),
    (
        "date of birth written another way",
        _body("young child", "young child, born on 3rd May 2015,"),
        "born on 3rd May",
    ),
    ("image alt text", _body(ALT, f"A diagram of {NAME}'s family"), "![A diagram"),
    ("link text", _body(LINK_TEXT, f"{NAME} page"), "Adults can find support"),
    ("link URL", _body(LINK_URL, "https://www.example.org/people/tamsin-greywell/"), "Adults can find support"),
    ("attachment file name", _file("reviews/images/TamsinGreywell.png", make_png(), IMAGE), "!["),
    ("PDF text layer", _file(PDF, make_pdf([PDF_PAGES[0], f"Findings\n{NAME} was not seen alone."])), "Document:"),
    ("PDF text under a black box", _file(PDF, make_pdf(PDF_PAGES, boxed_text=NAME)), "Document:"),
    ("PDF metadata", _file(PDF, make_pdf(PDF_PAGES, info={"/Author": NAME})), "Document:"),
    ("PDF XMP", _file(PDF, make_pdf(PDF_PAGES, xmp=xmp_packet(dc_creator=NAME))), "Document:"),
    ("image EXIF", _file(IMAGE, make_png(exif={"Artist": NAME})), "!["),
    ("PNG text chunk", _file(IMAGE, make_png(text_chunks={"Author": NAME})), "!["),
    ("JPEG EXIF", _file("reviews/images/child-q-network.jpg", make_jpeg(exif={"ImageDescription": NAME}), IMAGE), "!["),
    ("JPEG XMP", _file("reviews/images/child-q-network.jpg", make_jpeg(xmp=xmp_packet(dc_creator=NAME)), IMAGE), "!["),
]


@pytest.mark.parametrize("change, needle", [p[1:] for p in PLACES], ids=[p[0] for p in PLACES])
def test_registered_name_anywhere_stops_the_build(tmp_path, previous_output, monkeypatch, change, needle):
    review = Review()
    change(review)
    site, path = _build_leaky(tmp_path, review, previous_output, register=True, monkeypatch=monkeypatch)
    line = _line_of(path, needle)
    hits = [f for f in site.result.findings if f.code == "RED001" and not f.waived]
    assert (path.resolve(), line) in [(Path(f.path).resolve(), f.line) for f in hits], (
        f"expected RED001 at {path.name}:{line}\n{site.messages()}"
    )
    assert {Path(f.path).resolve() for f in hits} == {path.resolve()}
    assert all(f.is_error for f in hits)
    # Other checks may show a masked "T***** G*******"; the register's
    # findings do not even do that, and nothing shows the name or the key.
    mine = "\n".join(f.message + f.hint for f in hits)
    for secret in ("Tamsin", "Greywell", "T*****", "G*******", "May 2015"):
        assert secret.lower() not in mine.lower()
    for secret in ("Tamsin", "Greywell", KEY):
        assert secret not in site.messages()


def test_good_review_with_register_builds(good_output):
    """The quiet case for all of the above: the same review without the name."""
    published = (good_output / "reviews/child-q/index.html").read_text(encoding="utf-8")
    assert "Child Q" in published and NAME not in published


# --- Without a register: the pattern detectors -------------------------------

# (what leaks, the detector's code, a line of the review that leaks it)
PATTERNS = [
    ("full name", "PII001", "Child Q's aunt, Sarah Whitfield, raised the first concern."),
    ("postcode", "PII002", "The family moved to a flat near LS6 2QT in the spring."),
    ("street address", "PII003", "The family lived at 14 Acacia Avenue for a year."),
    ("date of birth", "PII004", "Child Q was born on 3 May 2015 at the county hospital."),
    ("phone number", "PII005", "Mother's mobile number, 07911 123456, was on the referral."),
    ("email address", "PII006", "The school wrote to sarah.whitfield@gmail.com about it."),
    ("NHS number", "PII007", "The referral gave Child Q's NHS number as 943 476 5919."),
    ("NI number", "PII008", "Father's National Insurance number, JT 48 21 93 B, was checked."),
    ("vehicle registration", "PII009", "A neighbour saw a car, registration LK19 XRT, outside."),
    ("named school", "PII010", "Child Q started at Oakfield Primary School in Year 1."),
]


@pytest.mark.parametrize("code, line_text", [p[1:] for p in PATTERNS], ids=[p[0] for p in PATTERNS])
def test_identifier_without_register_stops_the_build(tmp_path, previous_output, monkeypatch, code, line_text):
    assert code in load_all_rules(), f"{code} is not a declared rule: a leak test never skips"
    review = Review()
    review.body = review.body.replace(
        "Professionals did not share what they knew.", f"Professionals did not share what they knew.\n\n{line_text}"
    )
    site, path = _build_leaky(tmp_path, review, previous_output, register=False, monkeypatch=monkeypatch)
    line = _line_of(path, line_text)
    hits = [f for f in site.result.findings if f.code == code and f.is_error]
    assert [(Path(f.path).resolve(), f.line) for f in hits] == [(path.resolve(), line)], (
        f"expected {code} at {path.name}:{line}\n{site.messages()}"
    )
