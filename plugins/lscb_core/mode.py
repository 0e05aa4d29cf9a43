"""Draft mode (`make html`) or publish mode (`make publish`, `make check`)."""

from __future__ import annotations

from .rules import Mode


def mode(settings) -> Mode:
    value = str(settings.get("LSCB_MODE", "draft")).strip().lower()
    try:
        return Mode(value)
    except ValueError:
        raise ValueError(f"LSCB_MODE must be 'draft' or 'publish', not {value!r}") from None
