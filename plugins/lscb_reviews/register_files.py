"""Where the redaction registers are kept: next to each review, in
<its folder>/redaction/<review file name>.json, and in
content/reviews/redaction/ (lscb_checks.text.register reads and writes
them). Known here, below the checks, because a withheld review's register
is withheld with it (lscb_reviews.withheld_files).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

FOLDER = "redaction"  # next to the reviews: content/reviews/redaction/


def register_path(review_path: str | os.PathLike) -> Path:
    """Where the register of a review lives: <its folder>/redaction/<name>.json."""
    review = Path(review_path)
    return review.parent / FOLDER / f"{review.stem}.json"


def register_files(review_paths: Iterable[str], content_path: str) -> list[tuple[str, str | None]]:
    """(register path, path of its review or None) for every register next
    to the given reviews, and in content/reviews/redaction/ (a register
    whose review was removed is still a register)."""
    reviews = {os.path.abspath(str(register_path(path))): path for path in review_paths}
    folders = {os.path.dirname(path) for path in reviews}
    folders.add(os.path.abspath(os.path.join(content_path, "reviews", FOLDER)))
    found = []
    for folder in sorted(folders):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json") and not name.startswith("."):
                path = os.path.join(folder, name)
                found.append((path, reviews.get(path)))
    return found
