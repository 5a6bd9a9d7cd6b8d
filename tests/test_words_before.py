"""WordsBefore searches a pattern anchored at the end of ``text[:position]`` from a few words back, and finds
exactly what a search of the whole cut text finds."""
import random

import pytest

from dispatches.timeline import (_BARE_SINCE, _BARE_SINCE_WORDS, _DATE_CONTEXT, _DATE_CONTEXT_WORDS, _RANGE_LEAD,
                                 _RANGE_LEAD_WORDS, _SINCE, _SINCE_WORDS, _YEAR_BEFORE_WORD, _YEAR_BEFORE_WORD_WORDS)
from dispatches.words_before import WordsBefore

PIECES = ["in", "since", "ever", "between", "from", "and", "to", "till", "the", "mid", "2015", "1999", "year",
          "x", "sinces", "ever-since", " ", "  ", "-", " - ", "\n", ",", "'", "Since", "BETWEEN", "a"]
PATTERNS = [(_SINCE, _SINCE_WORDS), (_BARE_SINCE, _BARE_SINCE_WORDS), (_RANGE_LEAD, _RANGE_LEAD_WORDS),
            (_DATE_CONTEXT, _DATE_CONTEXT_WORDS), (_YEAR_BEFORE_WORD, _YEAR_BEFORE_WORD_WORDS)]


def _span(match):
    return match and (match.span(), match.groupdict())


@pytest.mark.parametrize("pattern, words", PATTERNS)
def test_search_from_a_few_words_back_finds_what_a_whole_search_finds(pattern, words):
    generator = random.Random(5)
    for _ in range(300):
        text = "".join(generator.choice(PIECES) for _ in range(generator.choice([10, 60, 300])))
        before = WordsBefore(text)
        for position in generator.sample(range(len(text) + 1), min(len(text) + 1, 200)):
            assert _span(before.search(pattern, position, words)) == _span(pattern.search(text[:position])), \
                (text, position)


def test_too_few_words_would_miss_a_longer_match():
    text = "word " * 60 + "talks between 2015 and 2021"
    position = text.index("2021")
    assert _YEAR_BEFORE_WORD.search(text[:position]).start() == text.index("between")
    assert WordsBefore(text).search(_YEAR_BEFORE_WORD, position, _YEAR_BEFORE_WORD_WORDS).start() == \
        text.index("between")
    assert WordsBefore(text).search(_YEAR_BEFORE_WORD, position, 1) is None
