"""What a page costs to download: HTML, CSS, JavaScript and images, compressed."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

PHOTO_TYPES = ("image/jpeg", "image/webp", "image/avif", "image/heic")


def page_weight(page, url: str) -> dict[str, int]:
    """Bytes by kind ("html", "css", "js", "images", "other") after gzip, the
    way a static host serves them compressed; PDFs and photos are left out
    (a reader downloads a PDF on purpose)."""
    responses = []
    # Whatever the last page still had in flight (its icon, a late image)
    # ends here, before listening: its body goes with that page, and would
    # not be readable once this page has loaded.
    page.goto("about:blank")

    def seen(response) -> None:
        responses.append(response)

    page.on("response", seen)
    try:
        page.goto(url, wait_until="load")
    finally:
        page.remove_listener("response", seen)
    bodies: list[tuple[str, bytes]] = []
    for response in responses:
        if response.status == 200 and urlsplit(response.url).scheme.startswith("http"):
            kind = response.headers.get("content-type", "").split(";")[0].strip()
            bodies.append((kind, response.body()))
    totals = {"html": 0, "css": 0, "js": 0, "images": 0, "other": 0}
    for kind, body in bodies:
        if kind == "application/pdf" or kind in PHOTO_TYPES:
            continue
        key = (
            "html"
            if kind == "text/html"
            else "css"
            if kind == "text/css"
            else "js"
            if "javascript" in kind
            else "images"
            if kind.startswith("image/")
            else "other"
        )
        totals[key] += len(gzip.compress(body, compresslevel=6))
    return totals
