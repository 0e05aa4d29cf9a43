"""Publish only what the gate can read completely: pictures written again
from their pixels (published/reencode.py), the allowlist of file types
(ATT002), SVG in a safe subset (IMG004), and every string of a PDF
(text/pdf_strings.py). Real builds; the output is searched byte by byte.
"""

from __future__ import annotations

import io

import media
from PIL import Image

from conftest import ROOT, guidance_markdown
from lscb_checks.published.reencode import reencode
from lscb_checks.text.attachments import read_pdf

MARKERS = {
    "photo.jpg": media.make_jpeg(
        exif={"Artist": "Quorvex Artist", "ImageDescription": "Quorvex Caption"},
        gps=(53.4012, -2.2034),
        xmp=media.xmp_packet(dc_creator="Quorvex Creator"),
    ),
    "note.jpg": media.make_jpeg_comment("Quorvex Comment"),
    "chart.png": media.make_png(text_chunks={"Author": "Quorvex Author"}),
    "label.png": media.make_png_itxt("Description", "Quorvex Itxt"),
    "tail.png": media.with_trailing_data(media.make_png(), b"Quorvex Tail\n"),
    "private.png": media.with_png_chunk(media.make_png(), b"prVt", b"Quorvex Private"),
}
# What must be gone from the published bytes: the words, and the signatures
# of each kind of metadata.
GONE = (
    b"Quorvex",
    b"Exif\x00",
    b"http://ns.adobe.com/xap",
    b"tEXt",
    b"iTXt",
    b"zTXt",
    b"eXIf",
    b"prVt",
    b"\xff\xfe",
    b"iCCP",
)


def _guidance_with_images(scenario, names) -> None:
    body = "\n\n".join(f"![Test picture {index}]({{static}}/images/{name})" for index, name in enumerate(names, 1))
    scenario.write(
        "guidance/pictures.md", guidance_markdown("Pictures", body + "\n", Date="2026-03-01", Review_date="2027-09-01")
    )


def _carries_its_pixels_and_nothing_else(name: str, data: bytes, published: bytes) -> None:
    assert b"Quorvex" in data, name  # the test plants what it looks for
    for signature in GONE:
        assert signature not in published, (name, signature)
    before, after = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(published))
    assert (after.format, after.size, after.mode) == (before.format, before.size, before.mode), name
    assert not after.getexif() and "comment" not in after.info, name
    if after.format == "PNG":
        assert published.endswith(b"IEND\xaeB`\x82"), name  # nothing after the end
        assert list(after.tobytes()) == list(before.convert(after.mode).tobytes()), name
    else:
        assert published.endswith(b"\xff\xd9"), name


def test_a_picture_written_again_carries_its_pixels_and_nothing_else():
    """Every kind of metadata, and data after the end, is gone once a picture
    is written again from its pixels (the build refuses most of them in the
    source already, IMG001 and IMG002, and cannot waive them)."""
    for name, data in MARKERS.items():
        _carries_its_pixels_and_nothing_else(name, data, reencode(data, name))


def test_the_build_publishes_pictures_written_again(scenario):
    """What no source check reads (a private PNG chunk) is not published:
    the build writes every picture again."""
    quiet = {name: MARKERS[name] for name in ("private.png",)}
    for name, data in quiet.items():
        scenario.write_bytes(f"images/{name}", data)
    _guidance_with_images(scenario, list(quiet))
    site = scenario.build()
    assert site.ok, site.messages()
    for name, data in quiet.items():
        published = (site.output / "images" / name).read_bytes()
        assert published == reencode(data, name)
        _carries_its_pixels_and_nothing_else(name, data, published)


def test_the_demo_pictures_look_the_same(demo_site):
    source = ROOT / "content" / "reviews" / "images" / "child-l-family-network.png"
    published = demo_site.output / "reviews" / "images" / "child-l-family-network.png"
    before, after = Image.open(source), Image.open(published)
    assert (after.size, after.mode) == (before.size, before.mode)
    assert list(after.convert("RGBA").tobytes()) == list(before.convert("RGBA").tobytes())


def test_a_picture_that_does_not_decode_is_refused_on_its_file(scenario):
    whole = media.make_png()
    cut = whole[: whole.index(b"IDAT") + 12]  # the header, and the picture cut short
    path = scenario.write_bytes("images/diagram.png", cut)
    scenario.write_bytes("images/logo.png", whole)
    site = scenario.build()
    assert not site.ok
    refused = [f for f in site.result.findings if f.code == "IMG003"]
    assert [f.path for f in refused] == [str(path)], site.messages()
    assert "diagram.png" in refused[0].message


def test_reencoding_keeps_transparency_frames_and_turns_photos():
    palette = Image.new("P", (20, 10))
    palette.putpalette([0, 0, 0, 255, 255, 255, 10, 200, 30])
    palette.paste(2, (0, 0, 10, 10))
    data = io.BytesIO()
    palette.save(data, "PNG", transparency=1)
    again = Image.open(io.BytesIO(reencode(data.getvalue(), "x.png")))
    assert again.mode == "P" and again.info.get("transparency") == 1

    frames = [Image.new("P", (10, 10), index) for index in range(3)]
    for frame in frames:
        frame.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255])
    gif = io.BytesIO()
    frames[0].save(
        gif, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300], loop=0, comment=b"Quorvex"
    )
    published = reencode(gif.getvalue(), "x.gif")
    assert b"Quorvex" not in published and Image.open(io.BytesIO(published)).n_frames == 3

    turned = Image.Exif()
    turned[0x0112] = 6  # "rotate 90 degrees", as a phone records it
    photo = io.BytesIO()
    Image.new("RGB", (30, 10), (0, 0, 255)).save(photo, "JPEG", exif=turned.tobytes())
    assert Image.open(io.BytesIO(reencode(photo.getvalue(), "x.jpg"))).size == (10, 30)


def test_other_file_types_are_refused_with_a_plain_hint(scenario):
    scenario.write_bytes("documents/chronology.docx", media.make_docx("Chronology for the panel."))
    scenario.write_bytes("images/visit.heic", b"\x00\x00\x00\x18ftypheic")
    scenario.write_bytes("images/.DS_Store", b"\x00\x00\x00\x01Bud1")
    scenario.write_bytes("documents/leaflet.pdf", media.make_pdf(["How to report a concern"]))
    site = scenario.build()
    refused = {f.path.rsplit("/", 1)[-1]: f for f in site.result.findings if f.code == "ATT002"}
    assert set(refused) == {"chronology.docx", "visit.heic", ".DS_Store"}, site.messages()
    assert "save it as PDF" in refused["chronology.docx"].hint
    assert "export it as PNG" in refused["visit.heic"].hint
    assert "delete it" in refused[".DS_Store"].hint


def test_the_allowlist_is_a_setting_within_what_the_gate_reads(scenario):
    scenario.write_bytes("documents/contacts.csv", b"Agency,Contact\nSchool,Meeting\n")
    scenario.write_bytes("documents/form.docx", media.make_docx("A form."))
    site = scenario.build(LSCB_PUBLISHED_FILE_TYPES=[".pdf", ".png", ".csv", ".docx"])
    refused = sorted(f.path.rsplit("/", 1)[-1] for f in site.result.findings if f.code == "ATT002")
    assert refused == ["form.docx"], site.messages()


def test_an_svg_outside_the_safe_subset_is_refused(scenario):
    scenario.write(
        "images/safe.svg",
        media.make_svg_with('<defs><linearGradient id="g"/></defs><use href="#g"/><text x="4" y="20">Mother</text>'),
    )
    scenario.write("images/script.svg", media.make_svg_with('<circle r="4" onclick="alert(1)"/>'))
    scenario.write("images/styled.svg", media.make_svg_with("<style>text { fill: red }</style>"))
    site = scenario.build()
    refused = sorted(f.path.rsplit("/", 1)[-1] for f in site.result.findings if f.code == "IMG004")
    assert refused == ["script.svg", "styled.svg"], site.messages()


def test_every_string_of_a_pdf_is_read(tmp_path):
    base = media.make_pdf(["Overview report"])
    planted = media.with_appearance_text(
        media.with_page_labels(media.with_link(base, "https://example.org/quorvex-link"), "Quorvex Label "),
        "Quorvex Box",
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(media.with_orphan_text(planted, "Quorvex Orphan"))  # last: a copy drops it
    content = read_pdf(str(path))
    values = dict((value, label) for label, value in content.metadata)
    assert values["Quorvex Link"].startswith("link address")
    assert values["Quorvex Label"] == "page label"
    assert values["Quorvex Orphan"].startswith("unreferenced object")
    assert values["Quorvex Box"].startswith("drawn text")
    assert content.unreferenced == 1
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(base)
    assert read_pdf(str(clean)).unreferenced == 0
