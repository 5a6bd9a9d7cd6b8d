"""Calendar rules that turn a recognised time expression into an interval of dates.

Every function is a small, testable statement of one SPEC.md convention. Weeks run Monday to Sunday; a
"weekend" is a Saturday and the Sunday after it. `published` is always a ``datetime.date``.

Precision follows the UCDP GED ``date_prec`` scale, computed from the length of the interval:
1 a single day; 2 a span of 2-6 days; 3 seven days (a week); 4 eight to 31 days (a month, or a span that fits in
one); 5 anything longer (a year, or a span of more than a month: UCDP has no coarser code). Fuzzy expressions
have no precision.
"""
from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]
DAY = dt.timedelta(days=1)


def day_span(day: dt.date, offset: int = 0) -> Interval:
    """The single day ``offset`` days after ``day``."""
    moved = day + offset * DAY
    return moved, moved


def week_span(day: dt.date, offset: int = 0) -> Interval:
    """The Monday-Sunday week holding ``day``, moved by ``offset`` weeks."""
    monday = day - day.weekday() * DAY + dt.timedelta(weeks=offset)
    return monday, monday + 6 * DAY


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """The (year, month) ``offset`` calendar months after ``year``-``month``."""
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def month_span(year: int, month: int, offset: int = 0) -> Interval:
    """The whole calendar month ``year``-``month``, moved by ``offset`` months."""
    year, month = shift_month(year, month, offset)
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int, offset: int = 0) -> Interval:
    """1 January to 31 December of ``year + offset``."""
    return dt.date(year + offset, 1, 1), dt.date(year + offset, 12, 31)


def weekend_span(published: dt.date) -> Interval:
    """The latest Saturday-Sunday weekend whose Saturday is on or before ``published``."""
    saturday = published - ((published.weekday() - 5) % 7) * DAY
    return saturday, saturday + DAY


def overnight_span(published: dt.date) -> Interval:
    """The night before publication: from the day before ``published`` to ``published``."""
    return published - DAY, published


def last_weekday(published: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published`` (strictly before if asked)."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - back * DAY


def next_weekday(published: dt.date, weekday: int, strictly_after: bool = True) -> dt.date:
    """The first ``weekday`` after ``published`` (or on it, when ``strictly_after`` is False)."""
    ahead = (weekday - published.weekday()) % 7
    if ahead == 0 and strictly_after:
        ahead = 7
    return published + ahead * DAY


def recent_month(published: dt.date, month: int, include_current: bool = True) -> tuple[int, int]:
    """The (year, month) of the most recent ``month`` not after ``published`` ("in June")."""
    this_year = month < published.month or (month == published.month and include_current)
    return (published.year if this_year else published.year - 1), month


def upcoming_month(published: dt.date, month: int, include_current: bool = True) -> tuple[int, int]:
    """The (year, month) of the next ``month`` on or after ``published`` ("elections are due in June")."""
    if month > published.month or (month == published.month and include_current):
        return published.year, month
    return published.year + 1, month


def nearest_date(published: dt.date, month: int, day: int) -> dt.date | None:
    """``day`` ``month`` in the year that puts it nearest to ``published`` (None if no year has that day)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda date: abs((date - published).days)) if candidates else None


def recent_day_of_month(published: dt.date, day: int) -> dt.date | None:
    """The most recent ``day``-th of a month on or before ``published`` ("on the 27th")."""
    year, month = published.year, published.month
    for _ in range(12):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate <= published:
            return candidate
        year, month = shift_month(year, month, -1)
    return None


def relative_span(published: dt.date, unit: str, offset: int, part: str = "whole") -> Interval:
    """A phrase from ``lexicons/time_relative.csv``: ``unit`` moved by ``offset``, whole or cut at publication."""
    if unit == "day":
        start, end = day_span(published, offset)
    elif unit == "week":
        start, end = week_span(published, offset)
    elif unit == "month":
        start, end = month_span(published.year, published.month, offset)
    elif unit == "year":
        start, end = year_span(published.year, offset)
    elif unit == "weekend":
        start, end = weekend_span(published)
    elif unit == "overnight":
        start, end = overnight_span(published)
    else:
        raise ValueError(f"unknown relative unit {unit!r} in time_relative.csv")
    if part == "to_date":
        return start, published
    if part == "from_date":
        return published, end
    return start, end


def ago_span(published: dt.date, unit: str, count: int) -> Interval:
    """"N units ago": N days (7N for weeks, whole days of hours) before publication; a whole month or year."""
    if unit in ("minute", "hour"):
        return day_span(published, -(count // (60 * 24 if unit == "minute" else 24)))
    if unit == "day":
        return day_span(published, -count)
    if unit == "week":
        return day_span(published, -7 * count)
    if unit == "month":
        return month_span(published.year, published.month, -count)
    if unit == "year":
        return year_span(published.year, -count)
    raise ValueError(f"unknown unit {unit!r} in time_units.csv")


def span_granularity(start: dt.date, end: dt.date) -> str:
    """Name an interval: a day, a Monday-Sunday week, a calendar month, a calendar year, or a range."""
    if start == end:
        return "day"
    if start.weekday() == 0 and (end - start).days == 6:
        return "week"
    if (start.day == 1 and start.year == end.year and start.month == end.month
            and end.day == calendar.monthrange(end.year, end.month)[1]):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "range"


GRANULARITY_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}


def date_prec(start: dt.date | None, end: dt.date | None, granularity: str) -> int | None:
    """UCDP GED precision: 1 a day, 2 a 2-6 day span, 3 a week, 4 up to a month, 5 longer; None if fuzzy."""
    if granularity == "fuzzy":
        return None
    if start is None or end is None:
        return GRANULARITY_PREC.get(granularity)
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def season_span(year: int, first_month: int) -> Interval:
    """The three months of a season starting in ``first_month`` of ``year`` (winter runs into the next year)."""
    start = month_span(year, first_month)[0]
    return start, month_span(year, first_month, 2)[1]


def pick_season(published: dt.date, first_month: int, which: str) -> Interval:
    """A season near ``published``: "last" (latest ended before it), "this" (of its year, or holding it),
    "next" (first starting after it), "future" (first not yet ended) or "recent" (latest started by then)."""
    instances = [season_span(year, first_month) for year in range(published.year - 2, published.year + 2)]
    if which == "last":
        return max(i for i in instances if i[1] < published)
    if which == "next":
        return min(i for i in instances if i[0] > published)
    if which == "future":
        return min(i for i in instances if i[1] >= published)
    if which == "this":
        holding = [i for i in instances if i[0] <= published <= i[1]]
        year = published.year - 1 if first_month == 12 and published.month <= 2 else published.year
        return holding[0] if holding else season_span(year, first_month)
    return max(i for i in instances if i[0] <= published)


def past_span(published: dt.date, unit: str, count: int) -> Interval:
    """"In the past N units": from N units before ``published`` (hours rounded up to days) to ``published``."""
    if unit in ("minute", "hour"):
        return published - DAY * -(-count // (60 * 24 if unit == "minute" else 24)), published
    if unit == "day":
        return published - count * DAY, published
    if unit == "week":
        return published - 7 * count * DAY, published
    months = count if unit == "month" else 12 * count
    year, month = shift_month(published.year, published.month, -months)
    return dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1])), published
