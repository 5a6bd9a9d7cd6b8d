"""Validation of the teaching corpus: articles, gold annotations, the scenario's events and outlets, the splits.

Every gold time is recomputed here by a small resolver that is independent of the package's timeline code, so
a wrong date in a gold file (or an expression nobody can resolve by the documented conventions) fails a test.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

DATASETS = Path(__file__).parents[1] / "datasets"
ANNOTATIONS = sorted((DATASETS / "annotations").glob("*.json"))

SOURCE_TYPES = {"official", "expert", "witness", "anonymous", "unnamed_group", "social_media", "media", "document"}
STATUSES = {"denied", "speculated", "reported", "confirmed", "claimed", "unattributed"}
GRANULARITIES = {"day", "week", "month", "year", "range", "fuzzy"}
PARTIES = {None, "Kestria", "Sarvenia", "Calvoria", "Askar Highlands authorities"}

_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                        "\u2013": "-", "\u2014": "-"})


def _plain(text: str) -> str:
    return text.translate(_ASCII)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _raw(gold: dict) -> str:
    """The article file's text; for a saved page, only its <body> (the <head> repeats the headline)."""
    raw = (DATASETS / gold["file"]).read_text(encoding="utf-8")
    body = re.search(r"<body\b.*", raw, flags=re.DOTALL | re.IGNORECASE)
    return body.group(0) if body else raw


def _rows(name: str) -> list[dict]:
    with open(DATASETS / "scenario" / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _ids(paths):
    return [p.stem for p in paths]


# ---------------------------------------------------------------- a small, independent date resolver

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}
_FUZZY = {"recently", "in recent years", "recent years", "in recent weeks", "recent weeks", "in recent months",
          "recent months", "in recent days", "recent days", "lately", "in the past", "for some time"}
_DAY_PARTS = r"(?:morning|afternoon|evening|night)"
_CLOCK = (r"(?:(?:shortly |just )?(?:before|after|around|at|by) )?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)?"
          r"(?:\s?(?:gmt|bst|utc))?")
_DAY_WORDS = {"today", "this morning", "this afternoon", "this evening", "tonight", "at dawn", "at dusk",
              "earlier today", "at midnight"}
_MONTH_RE = r"(?P<month>[a-z]+)\.?"


class Uninterpretable(ValueError):
    """The test's resolver has no rule for this expression."""


def _span(start, end, granularity):
    return start, end, granularity


def _last_weekday(name: str, on_or_before: dt.date) -> dt.date:
    back = (on_or_before.weekday() - _WEEKDAYS.index(name)) % 7
    return on_or_before - dt.timedelta(days=back)


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date:
    candidates = [dt.date(published.year + k, month, day) for k in (-1, 0, 1)]
    return min(candidates, key=lambda d: abs((d - published).days))


def _single_date(text: str, published: dt.date, default_month: int | None = None) -> dt.date | None:
    """A calendar date written out ("14 September", "Sept. 14, 2025", "27/09/2025", "Tuesday, 16 September")."""
    text = re.sub(rf"^(?:{'|'.join(_WEEKDAYS)}),?\s+", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    forms = [rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH_RE},?(?: (?P<year>\d{{4}}))?",
             rf"{_MONTH_RE} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?"]
    for form in forms:
        match = re.fullmatch(form, text)
        if match and match["month"] in _MONTHS:
            month, day = _MONTHS[match["month"]], int(match["day"])
            return dt.date(int(match["year"]), month, day) if match["year"] else _nearest_year(month, day, published)
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    if match and default_month:
        return _nearest_year(default_month, int(match[1]), published)
    return None


def _weekday_range(first: str, last: str, published: dt.date):
    end = _last_weekday(last, published)
    return _span(_last_weekday(first, end), end, "range")


def _range(text: str, published: dt.date):
    """ "between 14 and 16 September", "from Sunday to Tuesday", "14-16 September", "18 to 29 August"."""
    text = re.sub(r"^(?:between|from)\s+", "", text)
    parts = re.split(r"\s+(?:and|to|until|through)\s+|\s*-\s*", text)
    if len(parts) != 2:
        return None
    first, last = parts
    if first in _WEEKDAYS and last in _WEEKDAYS:
        return _weekday_range(first, last, published)
    end = _single_date(last, published)
    if end is None:
        return None
    start = _single_date(first, published, default_month=end.month)
    if start is None:
        return None
    if start > end:  # "28 December to 3 January"
        start = start.replace(year=start.year - 1)
    return _span(start, end, "range")


def expected_interval(expression: str, published: dt.date):
    """(start, end, granularity) of a gold time expression by the SPEC conventions, or Uninterpretable."""
    text = _plain(expression).lower().strip().rstrip(".,")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^(?:late|early|by|on|at dawn on|in the early hours of)\s+", "", text)
    text = re.sub(r"\s+at\s+\d{1,2}(?::\d{2})?\s?(?:am|pm)?$", "", text)  # "tonight at 21:00"
    if text in _FUZZY:
        return _span(None, None, "fuzzy")
    if re.fullmatch(r"\d{1,2}:\d{2}", text) or re.fullmatch(_CLOCK, text) and re.search(r"am|pm|:", text):
        return _span(published, published, "day")
    if text in _DAY_WORDS:
        return _span(published, published, "day")
    one_day = dt.timedelta(days=1)
    if re.fullmatch(rf"yesterday(?: {_DAY_PARTS})?|last night", text):
        return _span(published - one_day, published - one_day, "day")
    if text == "tomorrow":
        return _span(published + one_day, published + one_day, "day")
    if text == "overnight":
        return _span(published - one_day, published, "range")
    match = re.fullmatch(r"(\w+) days? ago", text)
    if match:
        count = _NUMBERS.get(match[1]) or (int(match[1]) if match[1].isdigit() else None)
        if count is None:
            raise Uninterpretable(expression)
        return _span(published - count * one_day, published - count * one_day, "day")
    monday = published - dt.timedelta(days=published.weekday())
    if text == "last week":
        return _span(monday - 7 * one_day, monday - one_day, "week")
    if text == "this week":
        return _span(monday, monday + 6 * one_day, "week")
    if text == "last weekend":
        return _span(monday - 2 * one_day, monday - one_day, "range")
    first_of_month = published.replace(day=1)
    if text == "last month":
        end = first_of_month - one_day
        return _span(end.replace(day=1), end, "month")
    if text == "this month":
        return _span(first_of_month, _month_end(published.year, published.month), "month")
    if text == "earlier this month":
        return _span(first_of_month, published, "range")
    if text in ("earlier this year", "since the start of the year", "since january"):
        return _span(dt.date(published.year, 1, 1), published, "range")
    if text == "this year":
        return _span(dt.date(published.year, 1, 1), dt.date(published.year, 12, 31), "year")
    if text == "last year":
        return _span(dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31), "year")
    match = re.fullmatch(r"the (\d{1,2})(?:st|nd|rd|th) of last month", text)
    if match:
        previous = first_of_month - one_day
        return _span(previous.replace(day=int(match[1])), previous.replace(day=int(match[1])), "day")
    match = re.fullmatch(rf"({'|'.join(_WEEKDAYS)})(?: {_DAY_PARTS})?", text)
    if match:
        day = _last_weekday(match[1], published)
        return _span(day, day, "day")
    match = re.fullmatch(r"since (.+)", text)
    if match:
        start = expected_interval(match[1], published)[0]
        if start is None:
            raise Uninterpretable(expression)
        return _span(start, published, "range")
    match = re.fullmatch(r"(?:in )?(?:the )?(\d{3})0s", text)
    if match:
        decade = int(match[1]) * 10
        return _span(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "range")
    match = re.fullmatch(r"(?:in )?(\d{4})", text)
    if match:
        return _span(dt.date(int(match[1]), 1, 1), dt.date(int(match[1]), 12, 31), "year")
    match = re.fullmatch(r"(?:in )?([a-z]+)\.?(?:,? (\d{4}))?", text)
    if match and match[1] in _MONTHS:
        month = _MONTHS[match[1]]
        year = int(match[2]) if match[2] else published.year - (month > published.month)
        return _span(dt.date(year, month, 1), _month_end(year, month), "month")
    date = _single_date(text, published)
    if date is not None:
        return _span(date, date, "day")
    found = _range(text, published)
    if found is not None:
        return found
    raise Uninterpretable(expression)


def test_resolver_follows_the_spec_examples():
    """The resolver itself, on the worked examples of the datasheet (published Tuesday 23 September 2025)."""
    published = dt.date(2025, 9, 23)
    day = dt.date
    assert expected_interval("last week", published) == (day(2025, 9, 15), day(2025, 9, 21), "week")
    assert expected_interval("on Monday", published) == (day(2025, 9, 22), day(2025, 9, 22), "day")
    assert expected_interval("Tuesday", published) == (published, published, "day")
    assert expected_interval("in June", published) == (day(2025, 6, 1), day(2025, 6, 30), "month")
    assert expected_interval("28 December", day(2026, 1, 5))[0] == day(2025, 12, 28)
    assert expected_interval("from Sunday to Tuesday", published) == (day(2025, 9, 21), published, "range")
    assert expected_interval("between 14 and 16 September", published)[:2] == (day(2025, 9, 14), day(2025, 9, 16))
    with pytest.raises(Uninterpretable):
        expected_interval("the day after the strike", published)


# ---------------------------------------------------------------- scenario tables

def test_events_table_covers_the_war():
    events = _rows("events.csv")
    assert len(events) >= 30
    ids = [row["event_id"] for row in events]
    assert len(ids) == len(set(ids)), "duplicate event ids"
    for row in events:
        start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
        assert start <= end, row["event_id"]
        assert row["what_happened"].strip(), row["event_id"]
    starts = [dt.date.fromisoformat(row["start"]) for row in events]
    ends = [dt.date.fromisoformat(row["end"]) for row in events]
    assert (max(ends) - min(starts)).days >= 28
    assert any(row["notes"].strip().lower().startswith("unreported") for row in events)
    assert any("reported before it happened" in row["notes"].lower() for row in events)


def test_outlets_table_lists_nine_outlets():
    outlets = _rows("outlets.csv")
    assert len(outlets) == 9
    assert {"name", "country", "ownership", "stance", "kind", "notes"} <= set(outlets[0])


# ---------------------------------------------------------------- gold annotations

def test_every_article_has_gold_and_every_gold_an_article():
    articles = {p.stem for p in (DATASETS / "articles").iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"}}
    assert articles == {p.stem for p in ANNOTATIONS}


@pytest.mark.parametrize("path", ANNOTATIONS, ids=_ids(ANNOTATIONS))
def test_gold_is_consistent(path):
    gold = _load(path)
    assert gold["id"] == path.stem
    assert (DATASETS / gold["file"]).is_file(), gold["file"]
    assert Path(gold["file"]).stem == gold["id"]
    dt.date.fromisoformat(gold["published"])
    outlets = {row["name"] for row in _rows("outlets.csv")}
    assert gold["outlet"] in outlets, gold["outlet"]
    raw = _raw(gold)
    if gold.get("headline"):
        assert raw.count(gold["headline"]) >= 1, "headline not in the file"
    whole_file = (DATASETS / gold["file"]).read_text(encoding="utf-8")
    for item in gold["boilerplate"] + gold["keep"]:
        assert item in whole_file, f"not in the file: {item!r}"
    entries = [("sources", e) for e in gold["sources"]] + [("claims", e) for e in gold["claims"]] + \
        [("times", e) for e in gold["times"]] + [("events", e) for e in gold["events"]]
    for kind, entry in entries:
        count = raw.count(entry["sentence"])
        assert count == 1, f"{kind}: {entry['sentence']!r} occurs {count} times"
    for entry in gold["sources"]:
        assert entry["type"] in SOURCE_TYPES, entry
        assert entry.get("party") in PARTIES, entry
        assert _plain(entry["source"]) in _plain(raw), f"source not written in the article: {entry['source']!r}"
    claimed = [entry["sentence"] for entry in gold["claims"]]
    assert len(claimed) == len(set(claimed)), "two claim entries for one sentence"
    for entry in gold["claims"]:
        assert entry["status"] in STATUSES, entry
    event_ids = {row["event_id"] for row in _rows("events.csv")}
    for entry in gold["events"]:
        assert entry["event_ids"] and set(entry["event_ids"]) <= event_ids, entry


def _line_of(raw: str, sentence: str) -> str:
    at = raw.index(sentence)
    return raw[raw.rfind("\n", 0, at) + 1: (raw.find("\n", at) + 1 or len(raw) + 1) - 1]


@pytest.mark.parametrize("path", ANNOTATIONS, ids=_ids(ANNOTATIONS))
def test_gold_times_follow_the_conventions(path):
    gold = _load(path)
    published = dt.date.fromisoformat(gold["published"])
    raw = _raw(gold)
    problems = []
    for entry in gold["times"]:
        expression = entry["expression"]
        if _plain(expression).lower() not in _plain(_line_of(raw, entry["sentence"])).lower():
            problems.append(f"{expression!r} is not written where its sentence is")
            continue
        try:
            start, end, granularity = expected_interval(expression, published)
        except Uninterpretable:
            problems.append(f"the test's resolver cannot interpret {expression!r}: extend it or reword the gold")
            continue
        wanted = (start and start.isoformat(), end and end.isoformat(), granularity)
        found = (entry["start"], entry["end"], entry["granularity"])
        if found != wanted:
            problems.append(f"{expression!r} in {entry['sentence']!r}: gold {found}, conventions give {wanted}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- splits

def test_splits_list_every_article_and_hold_out_at_least_a_fifth():
    path = DATASETS / "annotations" / "splits.csv"
    assert path.is_file(), "datasets/splits.csv is missing"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == {p.stem for p in ANNOTATIONS}
    assert len(rows) == len({row["id"] for row in rows})
    assert {row["split"] for row in rows} <= {"dev", "test"}
    share = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.2 <= share <= 0.42, share


# ---------------------------------------------------------------- the reader agrees with the gold

def _reader():
    dispatches = pytest.importorskip("dispatches")
    if not hasattr(dispatches, "read_article"):
        pytest.skip("dispatches.read_article is not written yet")
    return dispatches.read_article


@pytest.mark.parametrize("path", ANNOTATIONS, ids=_ids(ANNOTATIONS))
def test_reader_keeps_gold_sentences_whole(path):
    gold = _load(path)
    article = _reader()(DATASETS / gold["file"], published=gold["published"])
    sentences = [_plain(s) for s in article.sentences["text"]]
    entries = gold["sources"] + gold["claims"] + gold["times"] + gold["events"]
    split = sorted({e["sentence"] for e in entries if not any(_plain(e["sentence"]) in s for s in sentences)})
    assert not split, f"not inside one sentence of the reader: {split}"
    text = _plain(article.text)
    lost = [k for k in gold["keep"] if _plain(k) not in text]
    assert not lost, f"body text lost in cleaning: {lost}"
    lines = {line.strip() for line in text.splitlines()}
    kept = [b for b in gold["boilerplate"] if _plain(b).strip() and
            (_plain(b).strip() in lines or (len(b) >= 25 and _plain(b).strip() in text))]
    assert not kept, f"furniture survived cleaning: {kept}"
    if gold.get("headline"):
        assert _plain(article.headline or "") == _plain(gold["headline"])


@pytest.mark.parametrize("path", ANNOTATIONS, ids=_ids(ANNOTATIONS))
def test_every_sentence_has_one_claim(path):
    gold = _load(path)
    article = _reader()(DATASETS / gold["file"], published=gold["published"])
    claims = [_plain(c["sentence"]) for c in gold["claims"]]
    problems = []
    for part, sentence in zip(article.sentences["part"], article.sentences["text"]):
        if part == "byline":
            continue
        hits = sum(claim in _plain(sentence) for claim in claims)
        if hits != 1:
            problems.append(f"{hits} claim entries for: {sentence!r}")
    assert not problems, "\n".join(problems)
