"""Read what is inside attachments: the text layer and metadata of PDFs, and
the metadata of images. Results are cached per file (path, size, mtime), so a
PDF linked from two pages is read once per process.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff")


@dataclass(frozen=True)
class PdfContent:
    pages: tuple[str, ...] = ()  # text layer of each page
    metadata: tuple[tuple[str, str], ...] = ()  # (/Author, value), XMP entries...
    error: str = ""  # the PDF could not be read


@dataclass(frozen=True)
class ImageContent:
    metadata: tuple[tuple[str, str], ...] = ()  # (EXIF Artist, value), (GPS, ...), ...
    error: str = ""


def _key(path: str) -> tuple[str, int, int]:
    stat = os.stat(path)
    return os.path.abspath(path), stat.st_size, stat.st_mtime_ns


def pdf_content(path: str) -> PdfContent:
    return _pdf_content(*_key(path))


def image_content(path: str) -> ImageContent:
    return _image_content(*_key(path))


@functools.lru_cache(maxsize=1024)
def _pdf_content(path: str, size: int, mtime: int) -> PdfContent:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        pages = tuple(page.extract_text() or "" for page in reader.pages)
        metadata = tuple((str(k), str(v)) for k, v in (reader.metadata or {}).items())
    except Exception as error:  # a broken PDF is a finding, not a crash
        return PdfContent(error=f"{type(error).__name__}: {error}")
    return PdfContent(pages=pages, metadata=metadata)


@functools.lru_cache(maxsize=1024)
def _image_content(path: str, size: int, mtime: int) -> ImageContent:
    from PIL import Image

    try:
        with Image.open(path) as image:
            exif = image.getexif()
            metadata = [(f"EXIF {tag}", str(value)) for tag, value in exif.items()]
            for key, value in (image.info or {}).items():
                if isinstance(value, (str, bytes)) and key not in ("icc_profile", "transparency"):
                    metadata.append((str(key), value.decode("utf-8", "replace") if isinstance(value, bytes) else value))
    except Exception as error:
        return ImageContent(error=f"{type(error).__name__}: {error}")
    return ImageContent(metadata=tuple(metadata))
