"""Folded finds the spans a case-insensitive search finds, on ASCII and other text alike."""
import random
import re

from dispatches.alternation import alternation
from dispatches.claims import cue_lexicon
from dispatches.folded import Folded

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
