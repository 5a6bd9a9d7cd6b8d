"""Spans of a sentence (which may overlap), kept in order, so that asking whether a span overlaps any of them
looks only at those starting near it rather than at every one: a long sentence with many attributions would
otherwise cost their number squared."""
from __future__ import annotations

from bisect import bisect_left, insort


class SpanSet:
    """(start, end) spans, with :meth:`overlaps` answering what ``any(lo < end and start < hi ...)`` would."""

    __slots__ = ("_spans", "_longest")

    def __init__(self, spans=()):
        self._spans = sorted(spans)
        self._longest = max([hi - lo for lo, hi in self._spans]) if self._spans else 0

    def add(self, span: tuple[int, int]) -> None:
        insort(self._spans, span)
        if span[1] - span[0] > self._longest:
            self._longest = span[1] - span[0]

    def overlaps(self, span: tuple[int, int]) -> bool:
        """True when ``span`` overlaps one of the spans (a span starting more than the longest one's length
        before ``span`` ends before it)."""
        if not self._spans:
            return False
        start, end = span
        for index in range(bisect_left(self._spans, (start - self._longest,)), len(self._spans)):
            lo, hi = self._spans[index]
            if lo >= end:
                return False
            if start < hi:
                return True
        return False
