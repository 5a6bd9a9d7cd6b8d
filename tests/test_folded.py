"""Folded finds the spans a case-insensitive search finds, on ASCII and other text alike."""
import random
import re

from dispatches.alternation import alternation
from dispatches.claims import cue_lexicon
from dispatches.folded import Folded, lower_case_twin
from dispatches.furniture import _ANY_PROMOTIONAL

WORDS = ["said", "Said", "not", "no one", "US", "think-tank", "'s", "according", "deny", "denied", "a"]
PIECES = WORDS + ["SAID", "No  One", "us", "Think-Tank", "x", " ", "-", "'", "\u017faid", "\u212a", "caf\u00e9", "\u0130"]


def test_the_same_spans_as_a_case_insensitive_search():
    folded = Folded(r"(?<![\w-])'?", [w.lstrip("'") for w in WORDS], r"(?!\w)")
    plain = re.compile(r"(?<![\w-])'?" + alternation([w.lstrip("'") for w in WORDS]) + r"(?!\w)", re.IGNORECASE)
    generator = random.Random(1)
    for _ in range(2000):
        text = " ".join(generator.choice(PIECES) for _ in range(generator.randint(0, 12)))
        found = [(m.span(), m.group().lower()) for m in folded.finditer(text)]
        assert found == [(m.span(), m.group().lower()) for m in plain.finditer(text)], text


def test_non_ascii_words_are_searched_in_any_case():
    folded = Folded(r"\b", ["caf\u00e9"], r"\b")
    assert folded.lower_case is None
    assert [m.group() for m in folded.finditer("CAF\u00c9 and caf\u00e9")] == ["CAF\u00c9", "caf\u00e9"]


def test_the_claim_lexicon_scans_lower_cased_ascii_text():
    assert cue_lexicon().openings.lower_case is not None


def test_a_lower_case_twin_finds_the_same_spans_in_lower_cased_ascii_text():
    for pattern in (_ANY_PROMOTIONAL, re.compile(r"\b(?:sign[ -]?up|our (?:site|readers))\b|[^a-z ]+", re.IGNORECASE)):
        twin = lower_case_twin(pattern)
        assert twin is not None
        generator = random.Random(2)
        pieces = ["Sign-Up", "SIGNUP", "our", "Site", "OUR READERS", "Newsletter", "x", " ", "-", "7"]
        for _ in range(2000):
            text = " ".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
            assert [m.span() for m in twin.finditer(text.lower())] == [m.span() for m in pattern.finditer(text)], text


def test_no_twin_where_lower_case_could_match_differently():
    assert lower_case_twin(re.compile(r"said", re.IGNORECASE)).pattern == "said"
    assert lower_case_twin(re.compile(r"said")) is None                   # not case-insensitive
    assert lower_case_twin(re.compile(r"\S+ said", re.IGNORECASE)) is None  # an upper-case escape
    assert lower_case_twin(re.compile(r"(?-i:a)b", re.IGNORECASE)) is None  # a flag set inside
    assert lower_case_twin(re.compile(r"[A-Z]b", re.IGNORECASE)) is None
