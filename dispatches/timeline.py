"""When: find the time expressions of one article and turn them into dates.

Each sentence is scanned with a fixed set of patterns built once from the ``time_*`` lexicons (month and
weekday names, relative phrases, unit and number words, fuzzy phrases, guards). Where patterns overlap the
longest wins; phrases in ``time_guards.txt`` ("Sunday Times", "for the first time") block any match they touch.
Neighbouring expressions are then joined into ranges ("from Sunday to Tuesday", "between 14 and 16 September",
"since Sunday"). Each expression is resolved against ``article.published`` by the rules of
:mod:`dispatches.timeline_resolve` (SPEC.md's time conventions); an article without a publication date keeps
its relative expressions unresolved and says so once with a warning.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from bisect import bisect_left
from dataclasses import dataclass
from itertools import chain

import pandas as pd

from . import timeline_resolve as rules
from .alternation import alternation
from .clauses import ClauseBreaks
from .frames import typed_frame
from .layout import DispatchesWarning
from .lexicons import load_table, load_words
from .text import normalise
from .words_before import WordsBefore

COLUMNS = ["sentence_id", "expression", "start", "end", "granularity", "anchored", "date_prec", "event",
           "status", "source", "expr_start", "expr_end"]


class MissingPublicationDate(DispatchesWarning):
    """Relative time expressions were left unresolved because the article has no publication date."""


# ---------------------------------------------------------------- vocabulary from the lexicons

def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first, each escaped, inner spaces matching any white space."""
    return alternation(words)


_MONTH_ROWS = load_table("time_months.csv")
MONTH_NUMBER = {row["word"]: int(row["month"]) for row in _MONTH_ROWS}
_FULL_MONTHS = {word for word in MONTH_NUMBER
                if not any(other != word and other.startswith(word) and MONTH_NUMBER[other] == MONTH_NUMBER[word]
                           for other in MONTH_NUMBER)}
_SHORT_MONTHS = set(MONTH_NUMBER) - _FULL_MONTHS
# A bare month name needs a context word before it when it is also an ordinary word, or an abbreviation.
_MONTH_NEEDS_CONTEXT = {row["word"] for row in _MONTH_ROWS if row["ambiguous"] == "yes"} | _SHORT_MONTHS
WEEKDAY_NUMBER = {row["word"]: int(row["weekday"]) for row in load_table("time_weekdays.csv")}
RELATIVE = {row["phrase"]: (row["unit"], int(row["offset"]), row["part"]) for row in load_table("time_relative.csv")}
UNITS = {row["word"]: (row["unit"], int(row["size"])) for row in load_table("time_units.csv")}
NUMBERS = {row["word"]: int(row["value"]) for row in load_table("time_numbers.csv")}
FUZZY = load_words("time_fuzzy.txt")
GUARDS = load_words("time_guards.txt")
FUTURE = load_words("time_future.txt")
PARTS_OF_DAY = load_words("time_parts_of_day.txt")
SEASON_MONTH = {row["word"]: int(row["first_month"]) for row in load_table("time_seasons.csv")}


def _month(name: str) -> str:
    return (rf"(?P<{name}>(?:{_alternation(_FULL_MONTHS)})(?![\w'])"
            rf"|(?:{_alternation(_SHORT_MONTHS)})(?:\.|(?![\w'])))")


def _opening_with(openings, pattern: str) -> str:
    """``pattern`` behind a look-ahead for what its matches can open with: an ASCII digit, or the first letter
    of one of ``openings`` in any case. The same matches, but ``re`` passes over other positions at once
    instead of trying each optional opening group there."""
    letters = "".join(sorted({word[0] for word in openings}))
    return rf"(?=(?i:[0-9{re.escape(letters)}])){pattern}"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


_WEEKDAY = rf"(?:{_alternation(WEEKDAY_NUMBER)})\b"
_YEAR = r"(?:19|20)\d\d(?![\d])"
_PART = rf"(?:{_alternation(PARTS_OF_DAY)})"
_LEAD_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?)?"
_RANGE_WORD = r"(?:-|to|and|until|till|through)"
_COUNT = rf"(?P<count>\d+|{_alternation(NUMBERS)})"
_SEASON = rf"(?P<season>{_alternation(SEASON_MONTH)})"
_ANAPHORA_UNITS = ("day", "morning", "afternoon", "evening", "night", "week")  # "the next day", "that morning"
_LIGHT_CHANGES = ("dawn", "dusk", "daybreak", "first light", "nightfall")  # "at dawn", "before first light"

_PATTERNS: dict[str, re.Pattern] = {name: re.compile(pattern) for name, pattern in {
    # Tuesday, 16 September 2025 / the 16th of September / 16 Sept
    "day_month": _opening_with([*WEEKDAY_NUMBER, "the"],
                               rf"(?<![:.,/])\b{_LEAD_WEEKDAY}(?:the\s+)?{_day('day')}(?:\s+of)?\s+{_month('month')}"
                               rf"(?:,?\s+(?P<year>{_YEAR}))?"),
    # Tuesday, Sept. 16, 2025 / September 16
    "month_day": _opening_with([*WEEKDAY_NUMBER, *MONTH_NUMBER],
                               rf"\b{_LEAD_WEEKDAY}{_month('month')}\s+{_day('day')}(?!\s*(?:-|to|and)\s*\d)"
                               rf"(?:,?\s+(?P<year>{_YEAR}))?"),
    # between 14 and 16 September / 14-16 Sept 2025 / from the 14th to the 16th of September
    "day_day_month": _opening_with(["between", "from", "the"],
                                   rf"(?<![:.,/])\b(?:(?P<lead>(?i:between|from))\s+)?(?:the\s+)?{_day('day1')}"
                                   rf"\s*{_RANGE_WORD}\s*(?:the\s+)?{_day('day2')}(?:\s+of)?\s+{_month('month')}"
                                   rf"(?:,?\s+(?P<year>{_YEAR}))?"),
    # between September 14 and 16 / Sept 14-16, 2025
    "month_day_day": _opening_with(["between", "from", *MONTH_NUMBER],
                                   rf"\b(?:(?P<lead>(?i:between|from))\s+)?{_month('month')}\s+{_day('day1')}\s*"
                                   rf"{_RANGE_WORD}\s*{_day('day2')}(?:,?\s+(?P<year>{_YEAR}))?"),
    # 27/09/2025, 09/27/2025, 27.09.2025
    "numeric": rf"(?<![\d/.])(?P<first>\d{{1,2}})(?P<sep>[/.])(?P<second>\d{{1,2}})(?P=sep)(?P<year>{_YEAR})",
    # 2025-09-27
    "iso": rf"(?<![\d-])(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d])",
    # September 2025 / early September 2025 / September of 2024
    "month_year": rf"\b(?:(?P<modifier>(?i:early|mid|late))[- ]\s*)?{_month('month')}(?:\s+of)?,?\s+"
                  rf"(?P<year>{_YEAR})",
    # in June / last June / June last year / early September
    "month": _opening_with(["last", "this", "next", "early", "mid", "late", *MONTH_NUMBER],
                           rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?(?:(?P<modifier>(?i:early|mid|late))[- ]\s*)?"
                           rf"{_month('month')}(?:\s+(?P<rel_year>last|this|next)\s+year\b)?"),
    # Monday / last Monday / Monday night / dawn on Sunday
    "weekday": _opening_with(["last", "this", "next", *PARTS_OF_DAY, *WEEKDAY_NUMBER],
                             rf"(?i:\b(?:(?P<rel>last|this|next)\s+)?(?:(?P<part_before>{_PART})\s+on\s+)?)"
                             rf"(?P<weekday>{_WEEKDAY})(?:\s+(?P<part_after>{_PART})\b)?"),
    "relative": rf"(?i:\b(?:{_alternation(RELATIVE)})\b)",
    # three days ago / a fortnight ago / 2 weeks ago
    "ago": rf"(?i:\b(?P<count>\d+|{_alternation(NUMBERS)})\s+(?P<unit>{_alternation(UNITS)})\s+ago\b)",
    # the 27th of last month
    "day_of_month": r"(?i:\bthe\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?P<rel>last|this|next)"
                    r"\s+month\b)",
    # on the 27th (not "the 27th Brigade")
    "ordinal": _opening_with(["on", "since", "by", "until", "till"],
                             r"\b(?i:on|since|by|until|till)\s+(?P<expr>the\s+(?P<day>3[01]|[12]\d|0?[1-9])"
                             r"(?:st|nd|rd|th))(?!\s+(?:of\s+)?[A-Za-z])\b"),
    # 2014-16 / 2014-2016
    "year_range": rf"(?<![\d,.$-])(?P<year1>{_YEAR})\s*-\s*(?P<year2>(?:19|20)?\d\d)(?![\d%])",
    "year": rf"(?<![\d,.$£€#/-])(?P<year>{_YEAR})(?![%]|[,.]\d|-\d|/\d)",
    # the 1990s / the early 2000s / the '90s
    "decade": r"(?i:(?:\bthe\s+)?(?:(?P<modifier>early|mid|late)[- ]\s*)?"
              r"(?:\b(?P<decade>(?:19|20)\d0)'?s|(?<![\w'])'(?P<short>\d0)s)\b)",
    # in the past week / over the last three days / in the past 24 hours
    "past": rf"(?i:\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:{_COUNT}\s+)?"
            rf"(?P<unit>{_alternation(UNITS)})\b)",
    # two days later / a week earlier / the next day / the following morning / that day
    "later": rf"(?i:\b{_COUNT}\s+(?P<unit>{_alternation(UNITS)})\s+(?P<direction>later|earlier)\b)",
    "next_day": r"(?i:\b(?:the\s+(?P<direction>next|following|previous|preceding)|(?P<same>that|the\s+same))\s+"
                rf"(?P<unit>{'|'.join(_ANAPHORA_UNITS)})\b(?!\s+(?:of|in|on|at|when|that|which)\b))",
    # at dawn / before first light (the publication day, when nothing else in the sentence dates it)
    "part_of_day": rf"(?i:\b(?:at|before|after|around|by|since)\s+(?P<expr>{_alternation(_LIGHT_CHANGES)}))\b",
    # this summer / last winter / in the spring / the autumn of 2024 (never "fall" the verb)
    "season": rf"(?i:\b(?:(?P<rel>last|this|next|early|late)\s+|(?P<lead>in|since|during|over|by|until|through)\s+"
              rf"(?:the\s+)?(?:(?:early|late)\s+)?|the\s+){_SEASON}(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b)",
    "fuzzy": _opening_with(FUZZY, rf"(?i:\b(?:{_alternation(FUZZY)})\b)"),
}.items()}
_GUARD = re.compile(rf"(?i:\b(?:{_alternation(GUARDS)})(?![\w]))")
# A live-blog entry's time stamp at the start of a paragraph: "09:42", "**14:05** -", "9.42am GMT:", "10am EST,".
_AM_PM = r"\s*[aApP]\.?[mM]\.?"
_STAMP = re.compile(rf"^(?:\*\*|__)?(?P<expr>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d(?:{_AM_PM})?|{_AM_PM})"
                    r"(?:\s+(?:[A-Z]{2,5}|local(?:\s+time)?))?)(?:\*\*|__)?(?=\s*[-:|/,]?\s)")
_FUTURE = re.compile(rf"(?i:\b(?:{_alternation(FUTURE)})\b)")
_CLAUSE_BREAK = re.compile(r"[,;:\"()]|\s-\s|\b(?:said|says|told|added|announced|stated)\b", re.IGNORECASE)
_CLAUSE_BREAK_REACH = len("announced") + 2  # the longest break, the character after it, one to spare
# Patterns of the words just before an expression, each with the most runs of word characters a match holds
# (searched through WordsBefore, which needs that number).
_SINCE, _SINCE_WORDS = re.compile(r"(?i:\b(?:ever\s+)?since\s+)$"), 2
_BARE_SINCE, _BARE_SINCE_WORDS = re.compile(r"(?i:\bsince\s+)$"), 1
_RANGE_LEAD, _RANGE_LEAD_WORDS = re.compile(r"(?i:\b(?P<lead>from|between)\s+)$"), 1
_RANGE_GAP = re.compile(r"(?i:\s*(?P<word>-|to|and|until|till|through)\s*)")
# Words before a bare month or year that show it is a date ("in May", "since 2016", "the 2016 election").
_DATE_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|till|by|from|of|during|before|after|between|and|to|through|"
                           r"throughout|early|late|mid|last|this|next|the|around|on|year|spring|summer|"
                           r"autumn|fall|winter)[\s-]+)$")
_DATE_CONTEXT_WORDS = 1
_NUMBER_NOUN_AFTER = re.compile(r"^\s+[a-z]")
# A four-digit number followed by a lower-case word is a year after these ("in 2016 the army", "between 2015
# and 2021 talks stalled") or before a verb ("2020 was the worst year"); otherwise a count ("2000 troops").
_YEAR_BEFORE_WORD = re.compile(r"(?i:\b(?:in|since|until|till|by|during|before|after|of|early|late|mid|the|year|"
                               r"around|between|a|an|spring|summer|autumn|fall|winter)[\s-]+"
                               r"|\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|till)\s+)$")
_YEAR_BEFORE_WORD_WORDS = 3
_YEAR_VERB_AFTER = re.compile(r"^\s+(?:was|is|saw|had|has|marked|brought|began|ended|proved|became)\b")


# ---------------------------------------------------------------- triggers: which patterns can match a sentence
#
# Most sentences hold no time expression, so each pattern is tried only when the sentence holds a word (or a
# digit) that every match of that pattern contains. A sentence's words are its runs of a-z after lower-casing;
# the four non-ASCII letters that Python's case-insensitive matching treats as ASCII ones are folded first.

_WORD = re.compile(r"[a-z]+")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# Stand-ins among a sentence's words for a digit, a year (19xx or 20xx), a decade ("1990s", "'90s") and a month
# name as the lexicon writes it ("May", not the modal "may": the month patterns match case-sensitively).
_DIGIT, _YEAR_DIGITS, _DECADE_DIGITS, _MONTH_NAME = "<digit>", "<year>", "<decade>", "<month>"
_HAS_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_DECADE = re.compile(r"(?i:\d0'?s)")  # case-insensitive, as the decade pattern is
_HAS_MONTH_NAME = re.compile(alternation(MONTH_NUMBER, ignore_case=False))
_MONTH_WORDS = frozenset(word.lower() for word in MONTH_NUMBER)


def _words(text: str) -> set[str]:
    """The lower-case a-z words of ``text``, plus the stand-ins for the digits, years, decades and month names
    it holds."""
    words = set(_WORD.findall((text if text.isascii() else text.translate(_FOLD)).lower()))
    if not _MONTH_WORDS.isdisjoint(words) and _HAS_MONTH_NAME.search(text):
        words.add(_MONTH_NAME)
    if _HAS_DIGIT.search(text):
        words.add(_DIGIT)
        if _HAS_YEAR.search(text):
            words.add(_YEAR_DIGITS)
        if _HAS_DECADE.search(text):
            words.add(_DECADE_DIGITS)
    return words


def _last_words(phrases) -> frozenset[str]:
    """The last a-z word of each phrase: a match of a whole-word alternation of ``phrases`` holds one of them."""
    last = set()
    for phrase in phrases:
        words = _WORD.findall(phrase.lower()) or ([_DIGIT] if _HAS_DIGIT.search(phrase) else [])
        if not words:
            raise ValueError(f"time phrase {phrase!r} has neither letters nor digits")
        last.add(words[-1])
    return frozenset(last)


_MONTHS = [_MONTH_NAME]
_UNITS = _last_words(UNITS)
# For each pattern, the groups of words a sentence needs one of each of before the pattern is tried.
_NEEDS: dict[str, tuple] = {
    "day_month": ([_DIGIT], _MONTHS), "month_day": ([_DIGIT], _MONTHS), "day_day_month": ([_DIGIT], _MONTHS),
    "month_day_day": ([_DIGIT], _MONTHS), "numeric": ([_YEAR_DIGITS],), "iso": ([_YEAR_DIGITS],),
    "month_year": ([_YEAR_DIGITS], _MONTHS), "month": (_MONTHS,), "weekday": (_last_words(WEEKDAY_NUMBER),),
    "relative": (_last_words(RELATIVE),), "ago": (["ago"], _UNITS), "day_of_month": ([_DIGIT], ["month"]),
    "ordinal": ([_DIGIT], ["on", "since", "by", "until", "till"]), "year_range": ([_YEAR_DIGITS],),
    "year": ([_YEAR_DIGITS],), "decade": ([_DECADE_DIGITS],), "past": (_UNITS, ["past", "last", "previous"]),
    "later": (_UNITS, ["later", "earlier"]), "next_day": (_ANAPHORA_UNITS,),
    "part_of_day": (_last_words(_LIGHT_CHANGES),), "season": (_last_words(SEASON_MONTH),),
    "fuzzy": (_last_words(FUZZY),),
}
_TRIGGERS = {kind: tuple(frozenset(words) for words in needs) for kind, needs in _NEEDS.items()}
_TRIGGER_WORDS = frozenset().union(*(words for needs in _TRIGGERS.values() for words in needs))
_TRIGGER_ORDER = [(kind, _TRIGGERS[kind]) for kind in _PATTERNS]  # pattern order decides ties between kinds
_GUARD_WORDS = _last_words(GUARDS)


def _triggered(words: set[str]) -> list[str]:
    """The kinds of pattern that can match a sentence with these ``_words``: those whose trigger words are there."""
    if _TRIGGER_WORDS.isdisjoint(words):
        return []
    kinds = []
    for kind, needs in _TRIGGER_ORDER:
        for needed in needs:
            if needed.isdisjoint(words):
                break
        else:
            kinds.append(kind)
    return kinds


# ---------------------------------------------------------------- detection

@dataclass(frozen=True)
class Mention:
    """A time expression found in a sentence: offsets in the sentence and the fields a pattern captured."""

    start: int
    end: int
    kind: str
    fields: dict


def _acceptable(kind: str, match: re.Match, text: str, before: WordsBefore) -> bool:
    """Context checks a regular expression cannot state on its own (modal "May", a count such as "2000 troops");
    ``before``: the sentence's words, to look just before the match."""
    if kind == "month":
        word = match.group("month").rstrip(".")
        has_frame = match.group("rel") or match.group("modifier") or match.group("rel_year")
        if word in _MONTH_NEEDS_CONTEXT or re.match(r"\s+[A-Z]", text[match.end():]):
            return bool(has_frame or before.search(_DATE_CONTEXT, match.start(), _DATE_CONTEXT_WORDS))
        return True
    if kind == "year":
        if before.search(_YEAR_BEFORE_WORD, match.start(), _YEAR_BEFORE_WORD_WORDS) \
                or re.match(r"'s\b", text[match.end():]):
            return True
        after = text[match.end():]
        return bool(_YEAR_VERB_AFTER.match(after)) or not _NUMBER_NOUN_AFTER.match(after)
    if kind in ("day_day_month", "month_day_day"):
        return int(match.group("day1")) < int(match.group("day2"))
    if kind == "season":
        framed = match.group("rel") or match.group("lead") or match.group("year")
        return bool(framed or before.search(_BARE_SINCE, match.start(), _BARE_SINCE_WORDS))
    if kind == "year_range":
        first, second = int(match.group("year1")), int(match.group("year2")[-2:])
        return second > first % 100 or len(match.group("year2")) == 4 and int(match.group("year2")) > first
    return True


def find_mentions(text: str) -> list[Mention]:
    """All time expressions of one (normalised) sentence, non-overlapping, longest first, guards applied."""
    words = _words(text)
    kinds = _triggered(words)
    if not kinds:
        return []
    guards = [] if _GUARD_WORDS.isdisjoint(words) else [m.span() for m in _GUARD.finditer(text)]
    candidates, before = [], WordsBefore(text)
    for kind in kinds:
        pattern = _PATTERNS[kind]
        for match in pattern.finditer(text):
            if not _acceptable(kind, match, text, before):
                continue
            start, end = match.span("expr") if "expr" in pattern.groupindex else match.span()
            if any(start < g_end and g_start < end for g_start, g_end in guards):
                continue
            fields = {key: value for key, value in match.groupdict().items() if value is not None}
            candidates.append(Mention(start, end, kind, fields))
    chosen: list[Mention] = []
    starts, ends = [], []  # of the chosen mentions, in text order (they never overlap, so their ends are too)
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        index = bisect_left(starts, mention.end)  # the chosen mentions starting before this one ends
        if index == 0 or ends[index - 1] <= mention.start:
            starts.insert(index, mention.start)
            ends.insert(index, mention.end)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "from X to Y" / "between X and Y" / "X to Y" into one range, and mark "since X"."""
    joined: list[Mention] = []
    before = WordsBefore(text)
    for mention in mentions:
        if joined and _joinable(text, joined[-1], mention, before):
            first = joined.pop()
            lead = before.search(_RANGE_LEAD, first.start, _RANGE_LEAD_WORDS)
            start = lead.start() if lead else first.start
            joined.append(Mention(start, mention.end, "range", {"first": first, "last": mention}))
            continue
        since = before.search(_SINCE, mention.start, _SINCE_WORDS)
        if since and mention.kind != "fuzzy":
            mention = Mention(since.start(), mention.end, "since", {"first": mention})
        joined.append(mention)
    return joined


_RANGE_FAMILIES = {"weekday": "weekday", "day_month": "date", "month_day": "date", "numeric": "date", "iso": "date",
                   "month": "month", "month_year": "month", "year": "year"}


def _joinable(text: str, first: Mention, last: Mention, before: WordsBefore) -> bool:
    """True when two neighbouring expressions of one family are the two ends of a range."""
    family = _RANGE_FAMILIES.get(first.kind)
    if family is None or family != _RANGE_FAMILIES.get(last.kind):
        return False
    gap = _RANGE_GAP.fullmatch(text, first.end, last.start)
    if not gap:
        return False
    if gap.group("word").lower() != "and":
        return True
    lead = before.search(_RANGE_LEAD, first.start, _RANGE_LEAD_WORDS)  # "and" joins a range only after "between"
    return bool(lead) and lead.group("lead").lower() == "between"


# ---------------------------------------------------------------- resolution

@dataclass(frozen=True)
class Resolved:
    """Where an expression sits in time; ``needs_published`` when it could not be placed without that date."""

    start: dt.date | None
    end: dt.date | None
    granularity: str
    anchored: bool
    needs_published: bool = False


def _unresolved(granularity: str) -> Resolved:
    return Resolved(None, None, granularity, False, needs_published=True)


def _fixed(start: dt.date, end: dt.date, granularity: str | None = None) -> Resolved:
    return Resolved(start, end, granularity or rules.span_granularity(start, end), False)


def _anchored(start: dt.date, end: dt.date, granularity: str | None = None) -> Resolved:
    return Resolved(start, end, granularity or rules.span_granularity(start, end), True)


def _future(text: str, position: int, breaks: ClauseBreaks | None = None) -> bool:
    """True when the clause before ``position`` speaks of the future ("talks will resume on Friday");
    ``breaks``: the sentence's ``_CLAUSE_BREAK`` matches, when the caller has them."""
    start = (breaks or ClauseBreaks(_CLAUSE_BREAK, text, _CLAUSE_BREAK_REACH)).clause_start(position)
    return bool(_FUTURE.search(text[start:position]))


def _month_number(word: str) -> int:
    return MONTH_NUMBER[word.rstrip(".")]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[" ".join(word.lower().split())]


def resolve(mention: Mention, published: dt.date | None, text: str, anchor: Resolved | None = None,
            breaks: ClauseBreaks | None = None) -> Resolved | None:
    """Place one mention in time (None when it turns out not to be a real date, such as 31 September).

    ``anchor`` is the latest single day found before the mention in the article: "two days later", "the next
    day" and "that day" count from it."""
    f, kind = mention.fields, mention.kind
    try:
        if kind in ("later", "next_day"):
            return _resolve_anaphora(f, anchor)
        if kind == "part_of_day":
            return _anchored(published, published, "day") if published else _unresolved("day")
        if kind == "past":
            if published is None:
                return _unresolved("range")
            unit, size = UNITS[f["unit"].lower()]
            count = _count(f["count"]) * size if f.get("count") else size
            return _anchored(*rules.past_span(published, unit, count), "range")
        if kind == "season":
            return _resolve_season(f, published, _future(text, mention.start, breaks))
        if kind in ("day_month", "month_day", "iso"):
            month = int(f["month"]) if kind == "iso" else _month_number(f["month"])
            return _resolve_day(int(f["day"]), month, f.get("year"), published)
        if kind in ("day_day_month", "month_day_day"):
            return _resolve_day_range(int(f["day1"]), int(f["day2"]), _month_number(f["month"]), f.get("year"),
                                      published)
        if kind == "numeric":
            return _resolve_numeric(int(f["first"]), int(f["second"]), int(f["year"]), published)
        if kind == "month_year":
            return _fixed(*rules.month_span(int(f["year"]), _month_number(f["month"])))
        if kind == "month":
            return _resolve_month(f, published, _future(text, mention.start, breaks))
        if kind == "weekday":
            return _resolve_weekday(f, published, _future(text, mention.start, breaks))
        if kind == "relative":
            if published is None:
                return _unresolved(_relative_granularity(text[mention.start:mention.end]))
            unit, offset, part = RELATIVE[" ".join(text[mention.start:mention.end].lower().split())]
            return _anchored(*rules.relative_span(published, unit, offset, part))
        if kind == "ago":
            unit, size = UNITS[f["unit"].lower()]
            if published is None:
                return _unresolved(unit if unit in ("month", "year") else "day")
            return _anchored(*rules.ago_span(published, unit, _count(f["count"]) * size))
        if kind == "day_of_month":
            if published is None:
                return _unresolved("day")
            year, month = rules.shift_month(published.year, published.month,
                                            {"last": -1, "this": 0, "next": 1}[f["rel"].lower()])
            day = dt.date(year, month, int(f["day"]))
            return _anchored(day, day)
        if kind == "ordinal":
            if published is None:
                return _unresolved("day")
            day = rules.recent_day_of_month(published, int(f["day"]))
            return _anchored(day, day) if day else None
        if kind == "year":
            return _fixed(*rules.year_span(int(f["year"])))
        if kind == "year_range":
            first, second = f["year1"], f["year2"]
            last = int(second) if len(second) == 4 else int(first[:2] + second)
            return _fixed(rules.year_span(int(first))[0], rules.year_span(last)[1], "range")
        if kind == "decade":
            short = int(f.get("short", 0))
            decade = int(f["decade"]) if "decade" in f else short + (1900 if short >= 30 else 2000)
            return _fixed(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "range")
        if kind == "fuzzy":
            return Resolved(None, None, "fuzzy", False)
        if kind == "stamp":
            return _anchored(published, published, "day") if published else _unresolved("day")
        if kind == "since":
            return _resolve_since(f["first"], published, text, breaks)
        if kind == "range":
            return _resolve_range(f["first"], f["last"], published, text, breaks)
    except ValueError:  # an impossible calendar date such as 31 September
        return None
    raise ValueError(f"no rule for time expressions of kind {kind!r}")


def _relative_granularity(phrase: str) -> str:
    unit, _, part = RELATIVE[" ".join(phrase.lower().split())]
    if part != "whole" or unit in ("weekend", "overnight"):
        return "range"
    return unit


def _resolve_day(day: int, month: int, year: str | None, published: dt.date | None) -> Resolved | None:
    if year:
        date = dt.date(int(year), month, day)
        return _fixed(date, date)
    dt.date(2000, month, day)  # raises ValueError for a day no month of that name has
    if published is None:
        return _unresolved("day")
    date = rules.nearest_date(published, month, day)
    return _anchored(date, date)


def _resolve_day_range(first: int, last: int, month: int, year: str | None,
                       published: dt.date | None) -> Resolved | None:
    if first >= last:
        return None
    end = _resolve_day(last, month, year, published)
    if end.start is None:
        return _unresolved("range")
    start = end.start.replace(day=first)
    return Resolved(start, end.end, "range", end.anchored)


def _resolve_numeric(first: int, second: int, year: int, published: dt.date | None) -> Resolved | None:
    """Day-first (British) unless impossible; when both orders are possible, the one nearer publication."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return None
    date = readings[0]
    if published is not None and len(readings) == 2:
        date = min(readings, key=lambda d: abs((d - published).days))
    return _fixed(date, date)


def _resolve_month(f: dict, published: dt.date | None, future: bool) -> Resolved:
    month = _month_number(f["month"])
    if published is None:
        return _unresolved("month")
    rel_year, rel = f.get("rel_year", "").lower(), f.get("rel", "").lower()
    if rel_year:
        year = published.year + {"last": -1, "this": 0, "next": 1}[rel_year]
    elif rel == "last":
        year, _ = rules.recent_month(published, month, include_current=False)
    elif rel == "this":
        year = published.year
    elif rel == "next":
        year, _ = rules.upcoming_month(published, month, include_current=False)
    elif future:
        year, _ = rules.upcoming_month(published, month)
    else:
        year, _ = rules.recent_month(published, month)
    return _anchored(*rules.month_span(year, month), "month")


def _resolve_weekday(f: dict, published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return _unresolved("day")
    weekday, rel = WEEKDAY_NUMBER[f["weekday"].capitalize()], f.get("rel", "").lower()
    if rel == "last":
        day = rules.last_weekday(published, weekday, strictly_before=True)
    elif rel == "next":
        day = rules.next_weekday(published, weekday)
    elif rel == "this":
        day = rules.week_span(published)[0] + weekday * rules.DAY
    elif future:
        day = rules.next_weekday(published, weekday, strictly_after=False)
    else:
        day = rules.last_weekday(published, weekday)
    return _anchored(day, day, "day")


def _resolve_anaphora(f: dict, anchor: Resolved | None) -> Resolved:
    if anchor is None:
        return Resolved(None, None, "day", False)
    unit = f["unit"].lower()
    if "count" in f:
        unit, size = UNITS[unit]
        if unit in ("month", "year"):
            return Resolved(None, None, "fuzzy", False)
        count = _count(f["count"]) * size
        step = {"minute": count // (60 * 24), "hour": count // 24, "day": count, "week": 7 * count}[unit]
        day = anchor.start + (step if f["direction"].lower() == "later" else -step) * rules.DAY
        return Resolved(day, day, "day", anchor.anchored)
    direction = 0 if f.get("same") else (1 if f["direction"].lower() in ("next", "following") else -1)
    if unit == "week":
        return Resolved(*rules.week_span(anchor.start, direction), "week", anchor.anchored)
    day = anchor.start + direction * rules.DAY
    return Resolved(day, day, "day", anchor.anchored)


def _resolve_season(f: dict, published: dt.date | None, future: bool) -> Resolved:
    first_month = SEASON_MONTH[f["season"].lower()]
    if f.get("year"):
        return _fixed(*rules.season_span(int(f["year"]), first_month), "range")
    if published is None:
        return _unresolved("range")
    which = (f.get("rel") or "").lower()
    which = which if which in ("last", "this", "next") else ("future" if future else "recent")
    return _anchored(*rules.pick_season(published, first_month, which), "range")


def _resolve_since(first: Mention, published: dt.date | None, text: str, breaks: ClauseBreaks | None
                   ) -> Resolved | None:
    origin = resolve(first, published, text, breaks=breaks)
    if origin is None:
        return None
    if published is None:
        return _unresolved("range")
    if origin.start is None:  # "since the next day" with no day before it
        return Resolved(None, None, "range", False)
    return Resolved(origin.start, published, "range", True)


def _resolve_range(first: Mention, last: Mention, published: dt.date | None, text: str,
                   breaks: ClauseBreaks | None) -> Resolved | None:
    end = resolve(last, published, text, breaks=breaks)
    start = resolve(first, published, text, breaks=breaks)
    if end is None or start is None:
        return None
    if end.start is None or start.start is None:
        return _unresolved("range") if (end.needs_published or start.needs_published) else None
    begin = start.start
    if begin > end.end and first.kind == "weekday":  # "from Saturday to Monday": the Saturday before that Monday
        begin = rules.last_weekday(end.end, begin.weekday())
    elif begin > end.end and start.anchored and first.kind not in ("year",):
        begin = begin.replace(year=begin.year - 1)
    if begin > end.end:
        return None
    return Resolved(begin, end.end, "range", start.anchored or end.anchored)


# ---------------------------------------------------------------- the event phrase

_EVENT_CUT = re.compile(r"[;:\"()|]|,(?!\d)|\s-\s|\b(?:that|which|when|while|where)\b")
_EVENT_SKIP = re.compile(r"(?i:^(?:and|but|or|as|after|before|since|until|on|in|at|by|from|of|during|between|to|"
                         r"the|a|an|it|its|this|also|then|just|only)\b\s*)")
_EVENT_TAIL = re.compile(r"(?i:\s*\b(?:on|in|at|by|from|of|during|since|until|between|to|the|a|an|and|or|"
                         r"early|late|last|this|next|as|was|were|had|has|have|is|are)\s*$)")
EVENT_WORDS = 6


def _tidy(words: list[str]) -> str:
    phrase = " ".join(words).strip(" .,!?'\"")
    for _ in range(3):
        tidier = _EVENT_TAIL.sub("", _EVENT_SKIP.sub("", phrase))
        if tidier == phrase:
            break
        phrase = tidier
    return phrase


class EventClauses:
    """The clauses of one sentence, cut at punctuation, at subordinating words and at its time expressions
    ``spans`` (masked once for the sentence), for the event phrase of each expression."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        pieces, done = [], 0
        for start, end in sorted(spans):
            start = max(start, done)
            if end > start:
                pieces += [text[done:start], "|" * (end - start)]
                done = end
        self.masked = "".join(pieces) + text[done:]
        self.cuts = list(_EVENT_CUT.finditer(self.masked))  # a masked expression is a cut of its own
        self.cut_starts = [cut.start() for cut in self.cuts]

    def event_phrase(self, start: int, end: int) -> str | None:
        """A few words from the clause around the expression ``[start, end)`` saying what happened then.

        The words just before the expression win (subject and verb usually come first in news English), then
        those just after it, then the nearest clause further away that has at least two words.
        """
        before, after = self._clauses_before(start), self._clauses_after(end)
        tidied_before, tidied_after = [], []  # each clause is tidied only when it is reached
        for tidied, words in chain([(tidied_before, next(before)), (tidied_after, next(after))],
                                   ((tidied_before, words) for words in before),
                                   ((tidied_after, words) for words in after)):
            tidied.append(_tidy(words))
            if len(tidied[-1].split()) >= 2:
                return tidied[-1]
        return next((phrase for phrase in tidied_before + tidied_after if phrase), None)

    def _clauses_before(self, start: int):
        """The last words of each clause before ``start``, nearest first."""
        end = start
        for index in range(bisect_left(self.cut_starts, start) - 1, -1, -1):  # cuts before it end before it
            cut = self.cuts[index]
            yield self.masked[cut.end():end].rsplit(None, EVENT_WORDS)[-EVENT_WORDS:]
            end = cut.start()
        yield self.masked[:end].rsplit(None, EVENT_WORDS)[-EVENT_WORDS:]

    def _clauses_after(self, end: int):
        """The first words of each clause after ``end``, nearest first."""
        start = end
        for index in range(bisect_left(self.cut_starts, end), len(self.cuts)):
            cut = self.cuts[index]
            yield self.masked[start:cut.start()].split(None, EVENT_WORDS)[:EVENT_WORDS]
            start = cut.end()
        yield self.masked[start:].split(None, EVENT_WORDS)[:EVENT_WORDS]


# ---------------------------------------------------------------- the frame

def _claims_for(article, claims):
    """The claims frame for ``article``: given, or computed when the claims analyser exists, else None."""
    if claims is not None:
        return claims
    try:
        from .claims import classify_claims
        return classify_claims(article)
    except ModuleNotFoundError:  # the claims analyser (or one it needs) is not there yet
        return None


def _sentence_mentions(sentences: pd.DataFrame):
    """Yield (sentence id, text, start, normalised text, mentions) per sentence, live-blog stamps included."""
    ids, texts = sentences["sentence_id"].tolist(), sentences["text"].tolist()
    norms = sentences["norm"].tolist() if "norm" in sentences else [normalise(text) for text in texts]
    first_of_paragraph: dict = {}
    for sentence_id, paragraph in zip(ids, sentences["paragraph"].tolist()):
        if paragraph not in first_of_paragraph or sentence_id < first_of_paragraph[paragraph]:
            first_of_paragraph[paragraph] = sentence_id
    first_ids = set(first_of_paragraph.values())
    for sentence_id, part, start, text, norm in zip(ids, sentences["part"].tolist(), sentences["start"].tolist(),
                                                    texts, norms):
        mentions = find_mentions(norm)
        stamp = _STAMP.match(norm) if sentence_id in first_ids and part == "body" else None
        if stamp and not any(m.start < stamp.end("expr") for m in mentions):
            mentions.insert(0, Mention(*stamp.span("expr"), "stamp", {}))
        if any(m.kind not in ("fuzzy", "part_of_day") for m in mentions):  # "at dawn on 14 September"
            mentions = [m for m in mentions if m.kind != "part_of_day"]
        if mentions:
            yield sentence_id, text, start, norm, _join_ranges(norm, mentions)


def _claim_columns(claims: pd.DataFrame | None) -> tuple[dict, dict]:
    """The claim status and source of each sentence in ``claims``, as {sentence_id: value} (empty without)."""
    if claims is None or not len(claims):
        return {}, {}
    ids = claims["sentence_id"].tolist()
    status = dict(zip(ids, claims["status"].tolist()))
    source = dict(zip(ids, claims["source"].tolist())) if "source" in claims else dict.fromkeys(ids)
    return status, source


# numbers and flags typed as built (date_prec is missing for a fuzzy expression); text and dates left to pandas
COLUMN_TYPES = {"sentence_id": "int64", "anchored": "bool", "date_prec": "Int64", "expr_start": "int64",
                "expr_end": "int64"}


def build_timeline(article, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per time expression of ``article`` (SPEC.md columns, then ``expr_start``/``expr_end``)."""
    published = article.published
    status_of, source_of = _claim_columns(_claims_for(article, claims))
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    unresolved, anchor = [], None
    for sentence_id, sentence, offset, text, mentions in _sentence_mentions(article.sentences):
        clauses = EventClauses(text, [(m.start, m.end) for m in mentions])
        breaks = ClauseBreaks(_CLAUSE_BREAK, text, _CLAUSE_BREAK_REACH)
        for mention in mentions:
            place = resolve(mention, published, text, anchor, breaks)
            if place is None:
                continue
            if place.start is not None and place.start == place.end:
                anchor = place
            expression = sentence[mention.start:mention.end]
            if place.needs_published:
                unresolved.append(expression)
            for name, value in (
                    ("sentence_id", sentence_id), ("expression", expression), ("start", place.start),
                    ("end", place.end), ("granularity", place.granularity), ("anchored", place.anchored),
                    ("date_prec", rules.date_prec(place.start, place.end, place.granularity)),
                    ("event", clauses.event_phrase(mention.start, mention.end)),
                    ("status", status_of.get(sentence_id)), ("source", source_of.get(sentence_id)),
                    ("expr_start", offset + mention.start), ("expr_end", offset + mention.end)):
                columns[name].append(value)
    if unresolved:
        _warn_unresolved(unresolved)
    return typed_frame(columns, COLUMN_TYPES)


def _warn_unresolved(expressions: list[str]) -> None:
    shown = ", ".join(f'"{e}"' for e in expressions[:4]) + (" ..." if len(expressions) > 4 else "")
    warnings.warn(
        f"This article has no publication date, so {len(expressions)} relative time expression(s) ({shown}) "
        "were left unresolved. Pass the date when you read it, for example "
        "dp.read_article(path, published=\"2025-09-23\") or dp.Article.from_text(text, published=\"2025-09-23\").",
        MissingPublicationDate, stacklevel=3)
