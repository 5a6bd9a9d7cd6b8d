"""Ask what the last few words before a position are without searching the whole text before it again.

A rule such as "a year after 'in', 'since' or 'the'" is a pattern ending in ``$`` searched in
``text[:position]``. Such a search tries every start from the beginning of the text, so asking it at each of the
many positions of a long sentence costs the sentence's length squared. A match made of at most ``words`` runs of
word characters, the first at its start, starts at or after the ``words``-th last run before ``position``:
``WordsBefore`` finds that run by bisection in one scan of the text, and the search starts there.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_RUN = re.compile(r"\w+")
SHORT = 250  # characters: a text shorter than this is searched from its start, as that costs less


class WordsBefore:
    """The runs of word characters of one text, scanned on the first question."""

    def __init__(self, text: str):
        self.text = text
        self._starts: list[int] | None = None

    def search(self, pattern: re.Pattern, position: int, words: int) -> re.Match | None:
        """``pattern.search(text[:position])`` for a pattern anchored at the end (``$``) whose every match holds
        at most ``words`` runs of word characters and opens with one."""
        if position <= SHORT:
            return pattern.search(self.text, 0, position)
        if self._starts is None:
            self._starts = [run.start() for run in _RUN.finditer(self.text)]
        count = bisect_left(self._starts, position)  # runs that start before position
        return pattern.search(self.text, self._starts[count - words] if count >= words else 0, position)
