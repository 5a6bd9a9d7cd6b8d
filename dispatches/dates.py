"""Parsing the publication date a user passes in, and month names shared by the reader."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}

# A written month name or abbreviation, any case, with an optional full stop ("Sept.", "SEPTEMBER", "June").
MONTH_PATTERN = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def parse_published(value) -> dt.date | None:
    """Return ``value`` as a date: None, a date, a datetime, or an ISO ``YYYY-MM-DD`` string."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
    raise ValueError(
        f"published={value!r} is not a date: pass it as YYYY-MM-DD, for example published=\"2020-10-06\"."
    )


def month_day_year(month: str, day: str | int, year: str | int | None) -> tuple[int, int, int | None]:
    """Return numbers for a written month name, day and optional year, raising ValueError if impossible."""
    number = MONTHS.get(month.lower().rstrip("."))
    if number is None:
        raise ValueError(f"{month!r} is not a month name")
    day, year = int(day), (int(year) if year else None)
    dt.date(year or 2000, number, day)  # validates the day (2000 is a leap year)
    return number, day, year
