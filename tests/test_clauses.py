"""ClauseBreaks answers from one scan exactly what scanning each cut ``text[:position]`` would."""
import random
import re

import pytest

from dispatches.claims import CLAUSE_BREAK, CLAUSE_BREAK_REACH
from dispatches.clauses import ClauseBreaks
from dispatches.timeline import _CLAUSE_BREAK, _CLAUSE_BREAK_REACH

# Pieces that put breaks next to words, digits, apostrophes and the cut point in every way
PIECES = ["that", "and", "but", "which", "although", "because", "said", "announced", "told", "thats", "andy",
          "x", "7", "'s", ",", ";", ":", "(", ")", '"', " - ", "-", " ", "  ", "and,", "who", "whose", "stated"]


def _last_break_end(pattern: re.Pattern, text: str, position: int) -> int:
    breaks = list(pattern.finditer(text[:position]))
    return breaks[-1].end() if breaks else 0


@pytest.mark.parametrize("pattern, reach", [(CLAUSE_BREAK, CLAUSE_BREAK_REACH), (_CLAUSE_BREAK, _CLAUSE_BREAK_REACH)])
def test_clause_start_matches_a_scan_of_the_cut_text(pattern, reach):
    generator = random.Random(9)
    for _ in range(200):  # short sentences, and long ones (read from one scan) asked in any order
        text = "".join(generator.choice(PIECES) for _ in range(generator.choice([5, 40, 400])))
        breaks = ClauseBreaks(pattern, text, reach)
        for position in generator.sample(range(len(text) + 1), min(len(text) + 1, 150)):
            assert breaks.clause_start(position) == _last_break_end(pattern, text, position), (text, position)


def test_a_break_cut_at_the_position_counts_in_a_long_sentence():
    text = "word " * 100 + "the report thatx said, it did"
    position = text.index("thatx") + 4  # "that" is a word, so a break, only once the "x" is cut off
    assert _last_break_end(CLAUSE_BREAK, text, position) == position
    assert ClauseBreaks(CLAUSE_BREAK, text, CLAUSE_BREAK_REACH).clause_start(position) == position
    assert ClauseBreaks(CLAUSE_BREAK, text, CLAUSE_BREAK_REACH).clause_start(len(text)) == text.index(", it") + 1
