"""Dates in metadata, and the build's idea of today.

Set LSCB_TODAY=YYYY-MM-DD in the environment (or the LSCB_TODAY setting) to
build the site as it will look on another day: useful to preview an embargo
lifting, and to make builds reproducible in tests.
"""

from __future__ import annotations

import datetime as dt
import os


def today(settings) -> dt.date:
    value = os.environ.get("LSCB_TODAY") or settings.get("LSCB_TODAY")
    if value:
        return as_date(value)
    return dt.date.today()


def as_date(value) -> dt.date:
    """A date from metadata: a date/datetime object or an ISO 'YYYY-MM-DD'.

    Raises ValueError with a plain-English message when it is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"'{text}' is not a date written as YYYY-MM-DD") from None


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
