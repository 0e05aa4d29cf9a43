"""Template filters for the theme."""

from __future__ import annotations

from lscb_core.dates import as_date


def long_date(value) -> str:
    """'2027-03-05' or a date -> '5 March 2027'; anything else unchanged."""
    try:
        day = as_date(value)
    except (ValueError, TypeError):
        return str(value)
    return f"{day.day} {day:%B %Y}"


def add_filters(generator) -> None:
    environment = getattr(generator, "env", None)
    if environment is not None:
        environment.filters["long_date"] = long_date
