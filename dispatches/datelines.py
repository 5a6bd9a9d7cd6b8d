"""Wire and agency datelines at the start of a story: "KYIV, March 3 (Reuters) - " and its cousins.

The city (in capitals) goes to ``Article.dateline``; a date in the dateline becomes the publication date when
the user gave none, taking its year from the dateline or the file's metadata, never from a guess.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import MONTH_PATTERN, month_day_year
from .text import normalise

_CITY = r"(?P<city>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
_DATE = (rf"(?:(?P<month>{MONTH_PATTERN}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?"
         rf"|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH_PATTERN})(?: (?P<year2>\d{{4}}))?)")
_PATTERNS = [
    # KYIV, March 3 (Reuters) - ...    ORVANE, Sept 14, 2025 (Meridian Wire) — ...    LONDON (AP) — ...
    re.compile(rf"^{_CITY}(?:, {_DATE})?\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*-{{1,2}}\s+"),
    # YEREVAN, SEPTEMBER 28, ARMENPRESS. ...
    re.compile(rf"^{_CITY}, {_DATE}, (?P<agency>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\.\s+", re.IGNORECASE),
]


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph."""

    city: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    length: int  # characters of the paragraph the dateline takes

    def date(self, fallback_year: int | None = None) -> dt.date | None:
        """The dateline's date, with ``fallback_year`` when it has no year of its own; None if unknown."""
        year = self.year or fallback_year
        if self.month is None or year is None:
            return None
        return dt.date(year, self.month, self.day)


def find_dateline(paragraph: str) -> Dateline | None:
    """Return the dateline that opens ``paragraph``, or None."""
    text = normalise(paragraph)
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if not groups["city"].isupper():
            continue
        month = groups["month"] or groups["month2"]
        day = groups["day"] or groups["day2"]
        year = groups["year"] or groups["year2"]
        numbers = (None, None, None)
        if month:
            try:
                numbers = month_day_year(month, day, year)
            except ValueError:
                continue
        return Dateline(groups["city"].title(), groups["agency"], *numbers, length=match.end())
    return None
