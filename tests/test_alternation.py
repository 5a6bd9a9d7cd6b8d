"""The factored alternation matches exactly what the plain longest-first alternation matches."""
import random
import re

import pytest

from dispatches.alternation import alternation


def plain(words, flexible_spaces=True):
    ordered = sorted(set(words), key=len, reverse=True)
    escaped = (re.escape(word) for word in ordered)
    return "(?:" + "|".join(e.replace(r"\ ", r"\s+") if flexible_spaces else e for e in escaped) + ")"


WORDS = ["said", "say", "says", "saying", "told", "tell", "stated", "state media", "state", "added", "add",
         "according to", "accused", "acknowledged", "a", "an", "announced"]


def test_a_shared_start_is_written_once():
    pattern = alternation(["said", "says", "stated"])
    assert pattern.count("s") < "saidsaysstated".count("s")
    assert re.fullmatch(pattern, "says") and re.fullmatch(pattern, "stated") and not re.fullmatch(pattern, "sa")


def test_the_longest_entry_wins_and_backtracking_finds_shorter_ones():
    pattern = re.compile(r"\b(" + alternation(WORDS) + r")\b")
    assert pattern.search("the state media  said").group(1) == "state media"
    assert pattern.search("the statement was stated").group(1) == "stated"   # 'state' is no whole word here
    assert pattern.search("he says so").group(1) == "says"


@pytest.mark.parametrize("flexible_spaces", [True, False])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_matches_are_those_of_the_plain_alternation(flexible_spaces, flags):
    rng = random.Random(7)
    texts = []
    for _ in range(2000):
        pieces = [rng.choice(WORDS)[:rng.randint(1, 12)] + rng.choice(["", "s", "ed", "-x"]) for _ in range(3)]
        text = rng.choice([" ", "", "  ", ", "]).join(pieces)
        texts.append(text.upper() if rng.random() < 0.2 else text)
    for wrap in (r"(?<![\w-])({})(?![\w-])", r"({})\b", r"(?:\w+\s+){{0,2}}?{}(?:\s+to)?"):
        factored = re.compile(wrap.format(alternation(WORDS, flexible_spaces)), flags)
        reference = re.compile(wrap.format(plain(WORDS, flexible_spaces)), flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in factored.finditer(text)] == \
                [(m.span(), m.groups()) for m in reference.finditer(text)], text


def test_case_twins_keep_the_plain_alternation_unless_matching_is_case_sensitive():
    words = ["AP", "apple", "Ap"]
    assert alternation(words) == plain(words)
    factored = alternation(words, ignore_case=False)
    assert factored != plain(words)
    for text in ["AP", "apple", "Ap", "Apple", "ap", "A"]:
        assert bool(re.fullmatch(factored, text)) == bool(re.fullmatch(plain(words), text))


def test_letters_outside_ascii_keep_the_plain_alternation_when_case_may_be_ignored():
    assert alternation(["communiqué", "communique"]) == plain(["communiqué", "communique"])


def test_an_empty_list_gives_an_empty_group():
    assert alternation(["", ""]) == "(?:)"
