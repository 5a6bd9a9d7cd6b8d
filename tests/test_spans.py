"""SpanSet and the quotation look-ups answer what a look at every span would, from a look at a few."""
import random

from dispatches.quotations import inside, nearest_quote, quote_segments
from dispatches.spans import SpanSet


def test_span_set_overlaps_as_any_span_would():
    generator = random.Random(6)
    for _ in range(200):
        spans, found = [], SpanSet()
        for _ in range(generator.randint(0, 12)):
            lo = generator.randint(0, 50)
            span = (lo, lo + generator.choice([0, 1, 3, 9, 30]))
            spans.append(span)
            found.add(span)
            for start in range(0, 60, 3):
                for end in (start, start + 1, start + 7):
                    expected = any(lo < end and start < hi for lo, hi in spans)
                    assert found.overlaps((start, end)) == expected, (spans, start, end)
    assert SpanSet([(5, 9)]).overlaps((8, 12)) and not SpanSet([(5, 9)]).overlaps((9, 12))


def test_quotation_look_ups_agree_with_a_look_at_every_segment():
    generator = random.Random(8)
    pieces = ['"', "'", "a", " ", "said", "don't", ",", "x's", "'hi'", '"yo"']
    for _ in range(300):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        segments, _ = quote_segments(text, generator.choice([None, '"', "'"]))
        for anchor in range(len(text) + 1):
            nearest = min(segments, key=lambda s: min(abs(s[0] - anchor), abs(s[1] - anchor))) if segments else None
            expected = text[nearest[0]:nearest[1]].strip().strip(",").strip() or None if nearest else None
            assert nearest_quote(segments, text, (anchor, anchor + 1)) == expected
            for end in range(anchor, min(anchor + 5, len(text) + 1)):
                assert inside((anchor, end), segments) == any(lo <= anchor and end <= hi for lo, hi in segments)
