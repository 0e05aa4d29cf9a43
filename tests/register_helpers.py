"""Make redaction registers in tests the way scripts/redaction-register does:
same code, key from LSCB_REDACTION_KEY in the environment."""

from __future__ import annotations

import os
from pathlib import Path

from lscb_checks.text.register import KEY_VARIABLE, add_terms
from lscb_reviews.register_files import register_path


def write_register(content: Path, place: str, terms: list[str]) -> Path:
    """Add `terms` to the register of the review at content/<place>; return
    the register's path."""
    path = register_path(Path(content) / place)
    add_terms(path, os.environ[KEY_VARIABLE].strip().encode("utf-8"), terms)
    return path
