"""The timeline's trigger words: a pattern is skipped only for sentences it cannot match.

``find_mentions`` tries a pattern only when the sentence holds that pattern's trigger words, so a trigger that
misses a match would silently lose a time expression. These tests try every pattern on phrases built from the
lexicons, in several spellings, and check that each pattern that matches was triggered.
"""
from __future__ import annotations

import pytest

from dispatches.timeline import (_PATTERNS, _TRIGGERS, FUZZY, GUARDS, MONTH_NUMBER, RELATIVE, SEASON_MONTH,
                                 UNITS, WEEKDAY_NUMBER, _triggered, _words, find_mentions)

_WRITTEN = [
    "on 3 March 2024", "Tuesday, 16 September 2025", "Tuesday, Sept. 16, 2025", "September 16",
    "the 16th of Sept. 2025", "Sept. 14-16, 2025",
    "between 14 and 16 September", "from the 14th to the 16th of September", "27/09/2025", "27.09.2025",
    "2025-09-27", "early September 2025", "September of 2024", "last June", "June last year", "mid-May",
    "late on Tuesday night", "dawn on Sunday", "three days ago", "a fortnight ago", "the 27th of last month",
    "since the 27th", "2014-16", "2014-2016", "in 2016 the army", "the 1990s", "the early 2000s", "the '90s",
    "in the past 48 hours", "over the last three days", "two days later", "a week earlier", "the next day",
    "that morning", "the same week", "at dawn", "before first light", "this summer", "the autumn of 2024",
    "since the spring",
] + list(RELATIVE) + list(FUZZY) + list(GUARDS) + [f"in {month}" for month in MONTH_NUMBER] + list(WEEKDAY_NUMBER) \
  + [f"two {unit} ago" for unit in UNITS] + [f"last {season}" for season in SEASON_MONTH]

# Letters that Python's case-insensitive matching takes for ASCII ones, and digits that are not ASCII.
_ODD_SPELLINGS = [str.maketrans({"s": "\u017f"}), str.maketrans({"k": "\u212a", "K": "\u212a"}),
                  str.maketrans({"i": "\u0131"}), str.maketrans({"i": "\u0130", "I": "\u0130"}),
                  str.maketrans({str(d): chr(0x0660 + d) for d in range(10)})]


def _spellings(phrase: str) -> list[str]:
    plain = f"Officials said it happened {phrase}, a report said."
    return [plain, plain.upper(), plain.lower(), plain.title()] + [plain.translate(odd) for odd in _ODD_SPELLINGS]


def test_every_pattern_has_trigger_words():
    assert set(_TRIGGERS) == set(_PATTERNS)
    assert all(_TRIGGERS[kind] and all(_TRIGGERS[kind]) for kind in _PATTERNS)


@pytest.mark.parametrize("phrase", _WRITTEN)
def test_a_pattern_that_matches_was_triggered(phrase):
    matched = set()
    for text in _spellings(phrase):
        triggered = set(_triggered(_words(text)))
        for kind, pattern in _PATTERNS.items():
            if pattern.search(text):
                matched.add(kind)
                assert kind in triggered, (kind, text)
    assert matched or phrase in GUARDS, phrase  # the guards alone need not hold a time expression


def test_every_kind_of_pattern_is_exercised():
    matched = {kind for phrase in _WRITTEN for text in _spellings(phrase)
               for kind, pattern in _PATTERNS.items() if pattern.search(text)}
    assert matched == set(_PATTERNS)


@pytest.mark.parametrize("text", ["The army denies everything.", "Witnesses counted 12 trucks near the bridge.",
                                  "The minister spoke to reporters at length."])
def test_sentences_without_time_words_try_no_date_pattern(text):
    assert not {"day_month", "month", "weekday", "relative", "year", "fuzzy"} & set(_triggered(_words(text)))
    assert find_mentions(text) == []


def test_an_opening_check_keeps_every_match_of_its_pattern():
    import re
    from dispatches.timeline import _opening_with
    plain = r"\b(?:(?i:last|early)\s+)?(?:June|July)\b(?:\s+\d{4})?"
    checked = re.compile(_opening_with(["last", "early", "June", "July"], plain))
    text = "Last June, early July 2024, in June and LAST July, not Junebug; since 3 July; EARLY June."
    assert [m.group() for m in checked.finditer(text)] == [m.group() for m in re.finditer(plain, text)]
    assert [m.group() for m in checked.finditer(text)][:2] == ["Last June", "early July 2024"]
