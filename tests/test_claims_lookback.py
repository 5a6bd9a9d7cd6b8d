"""Helpers that let the claim rules look back from a cue without reading the sentence before it again."""
import random
import re

from dispatches.claims import _inside, _inside_ordered, _last_letters


def test_last_letters_is_the_last_run_of_letters_before_the_position():
    generator = random.Random(2)
    for _ in range(300):
        text = "".join(generator.choice(["May", "could", "x", " ", ", ", "9", "1990", "'s", "é", "-", "they"])
                       for _ in range(generator.randint(0, 30)))
        for position in range(len(text) + 1):
            runs = re.findall(r"[A-Za-z]+", text[:position])
            assert _last_letters(text, position) == (runs[-1] if runs else ""), (text, position)


def test_inside_ordered_agrees_with_inside_for_spans_in_order_that_do_not_overlap():
    generator = random.Random(4)
    for _ in range(300):
        cuts = sorted(generator.sample(range(60), generator.choice([0, 2, 4, 8])))
        spans = list(zip(cuts[::2], cuts[1::2]))
        for start in range(62):
            for end in range(start, min(start + 12, 62)):
                assert _inside_ordered((start, end), spans) == _inside((start, end), spans), (spans, start, end)


def test_mark_before_is_the_last_character_of_the_text_before_without_its_white_space():
    from dispatches.claims import _mark_before
    for text in ["", "  ", "a", "said,  ", "x ( ", "'quote'\t\n ", "\u00a0a\u00a0"]:
        for position in range(len(text) + 1):
            assert _mark_before(text, position) == text[:position].rstrip()[-1:], (text, position)
