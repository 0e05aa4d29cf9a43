"""Every picture the site publishes is written again from its pixels.

Runs at the start of the checks' output stage, over the staging folder:
after Pelican has copied the files and every other plugin has written
its own (the search index, the withheld-review guard), before the final
gate reads the output. Each .png, .jpg, .jpeg, .gif and .webp file is
decoded whole and saved again as a new image of the same format, size and
mode, from its pixels only. Nothing else survives: no EXIF, GPS, XMP,
IPTC or Photoshop data, no PNG text chunks, no JPEG or GIF comments, no
application blocks, no thumbnail, no data after the end of the image.
The final gate then reads the file that will be published.

What is kept, and how:

* transparency (an alpha channel, a palette's transparent entry) and the
  palette of a palette image;
* the frames of an animated GIF, PNG or WebP, with their durations and
  loop count;
* JPEG quality: the photo's own quantisation tables and chroma
  subsampling, so it is not made worse or larger; progressive stays
  progressive. Where the tables cannot be read, quality 90;
* WebP: lossless stays lossless, lossy is saved at quality 90;
* the way a photo is turned: a phone records "rotate 90°" in EXIF rather
  than turning the pixels, so the turn is applied to the pixels first
  (the image's width and height swap), then the EXIF goes.

The colour (ICC) profile is not kept: a profile is a file of its own that
can carry text (a description, a copyright line) the gate does not read.
Pixels described by a profile other than sRGB (a Display P3 photo from a
phone, an Adobe RGB export) are converted to sRGB first, which is what
browsers assume for an image without one, so colours stay as they were.

A file that cannot be decoded whole (damaged, cut short, or not the format
its name says) is refused: IMG003, reported on the file under content/ it
was copied from.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable

from lscb_core.findings import Finding
from lscb_core.quote import file, say

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG", "GIF": "GIF", "WEBP": "WEBP"}
_JPEG_QUALITY = 90
_WEBP_QUALITY = 90


def reencode_output(root: str, site) -> list[Finding]:
    """Re-encode every raster image under `root`; findings for those that
    cannot be decoded (left as they are: the build stops)."""
    sources = {save_as: source for source, save_as in getattr(site, "static_files", [])}
    found = []
    for rel in _images(root):
        problem = reencode_file(os.path.join(root, rel))
        if problem:
            found.append(_unreadable(rel, sources.get(rel), problem))
    return found


def _images(root: str) -> Iterable[str]:
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith(RASTER_SUFFIXES):
                yield os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")


def reencode_file(path: str) -> str:
    """Write the image at `path` again from its pixels; "" when done, else
    why it could not be decoded."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        clean = reencode(data, path)
    except Exception as error:  # any decoding failure refuses the file
        return f"{type(error).__name__}: {error}"
    with open(path, "wb") as handle:
        handle.write(clean)
    return ""


def reencode(data: bytes, name: str = "") -> bytes:
    """The image in `data` saved again from its pixels alone."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        kind = _FORMATS.get(image.format or "")
        if kind is None:
            raise ValueError(f"a {image.format} image, not a PNG, JPEG, GIF or WebP")
        expected = os.path.splitext(name)[1].lower()
        if expected and kind != _suffix_format(expected):
            raise ValueError(f"a {image.format} image named {expected}")
        frames, timing = _frames(image)
        options = _options(image, kind, data, frames)
    out = io.BytesIO()
    first = frames[0]
    if len(frames) > 1:
        first.save(out, kind, save_all=True, append_images=frames[1:], **timing, **options)
    else:
        first.save(out, kind, **options)
    return out.getvalue()


def _suffix_format(suffix: str) -> str:
    return {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}[suffix]


def _frames(image) -> tuple[list, dict]:
    """Fresh images (no info, no metadata) of each frame, and the timing of
    an animation."""
    from PIL import ImageOps

    count = getattr(image, "n_frames", 1)
    if image.format in ("MPO",):
        count = 1  # a phone's second picture (a depth map): the first is the photo
    frames, durations, disposals = [], [], []
    for index in range(count):
        image.seek(index)
        image.load()
        frame = image
        if index == 0 and image.format in ("JPEG", "MPO", "WEBP", "PNG"):
            try:
                frame = ImageOps.exif_transpose(image) or image  # the turn a phone records
            except Exception:  # EXIF that does not parse records no turn we can apply
                frame = image
        frames.append(_fresh(frame))
        durations.append(image.info.get("duration", 100))
        disposals.append(image.info.get("disposal", 0) if image.format == "GIF" else 0)
    image.seek(0)
    timing: dict = {}
    if count > 1:
        timing = {"duration": durations, "loop": image.info.get("loop", 0)}
        if image.format == "GIF":
            timing["disposal"] = disposals
    return frames, timing


def _fresh(frame):
    """A new image with the frame's pixels (and palette), nothing else."""
    from PIL import Image

    frame = _to_srgb(frame)
    fresh = Image.frombytes(frame.mode, frame.size, frame.tobytes())
    if frame.mode in ("P", "PA"):
        palette = frame.getpalette(rawmode="RGBA") if frame.palette and frame.palette.mode == "RGBA" else None
        if palette is not None:
            fresh.putpalette(palette, rawmode="RGBA")
        else:
            fresh.putpalette(frame.getpalette() or [])
    if "transparency" in frame.info and frame.mode in ("P", "L", "RGB", "I;16", "I"):
        fresh.info["transparency"] = frame.info["transparency"]
    return fresh


def _to_srgb(frame):
    """The pixels converted to sRGB when a colour profile other than sRGB
    describes them; the frame unchanged otherwise."""
    icc = frame.info.get("icc_profile")
    if not icc or frame.mode not in ("RGB", "RGBA"):
        return frame
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = (ImageCms.getProfileDescription(source) or "").lower()
        if "srgb" in description:
            return frame
        return ImageCms.profileToProfile(frame, source, ImageCms.createProfile("sRGB"), outputMode=frame.mode)
    except Exception:  # an unreadable profile: the pixels as they are
        return frame


def _options(image, kind: str, data: bytes, frames) -> dict:
    first = frames[0]
    options: dict = {}
    if "transparency" in first.info:
        options["transparency"] = first.info["transparency"]
    if kind == "JPEG":
        from PIL import JpegImagePlugin

        tables = getattr(image, "quantization", None)
        if tables:
            options["qtables"] = [list(table) for _index, table in sorted(tables.items())]
            sampling = JpegImagePlugin.get_sampling(image)
            if sampling != -1:
                options["subsampling"] = sampling
        else:
            options["quality"] = _JPEG_QUALITY
        if image.info.get("progressive") or image.info.get("progression"):
            options["progressive"] = True
        options.pop("transparency", None)
    elif kind == "WEBP":
        if b"VP8L" in data[:4096] and b"VP8 " not in data[:4096]:
            options["lossless"] = True
        else:
            options["quality"] = _WEBP_QUALITY
        options.pop("transparency", None)
    elif kind == "PNG":
        options["optimize"] = True
    return options


def _unreadable(rel: str, source: str | None, problem: str) -> Finding:
    from ..checks.image_metadata import ImageUnreadable

    where = source or os.path.join("output", rel)
    return ImageUnreadable.at(
        where,
        1,
        say("{name} does not decode as an image", name=file(where, name_only=True)),
        "open it in an image editor and export it as PNG or JPEG",
    )
