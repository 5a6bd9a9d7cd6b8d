"""Where the clause before a position starts, from one scan of the sentence rather than one per position.

Rules ask many times per sentence where the clause holding a word begins: at the end of the last clause break
(a comma, "but", "said" ...) before it. Scanning ``text[:position]`` again for every word costs the sentence's
length each time, so one long sentence with many cues would cost its length squared. ``ClauseBreaks`` scans the
whole sentence once and answers from that scan. Only the last few characters before ``position`` are scanned
again, because a break there may differ once the text is cut ("that" needs the character after it to be a
word boundary): a break that starts at least ``reach`` characters earlier is read the same either way.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator


SHORT = 250  # characters: a prefix shorter than this is scanned again, as that costs less than keeping track


class ClauseBreaks:
    """The clause breaks of one sentence, read as far as the questions asked so far need. ``reach`` must exceed
    the longest text a break can match plus the one character a look-ahead such as ``\\b`` reads after it."""

    def __init__(self, pattern: re.Pattern, text: str, reach: int):
        self.pattern, self.text, self.reach = pattern, text, reach
        self._scan: Iterator[re.Match] | None = None
        self._next: re.Match | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []

    def clause_start(self, position: int) -> int:
        """Where the last break in ``text[:position]`` ends (0 when there is none): what scanning the cut text
        with ``pattern`` would find."""
        settled = position - self.reach  # a break starting here or before reads nothing beyond position
        end = scan_from = 0
        if position > SHORT:
            if self._scan is None:
                self._scan = self.pattern.finditer(self.text)
                self._next = next(self._scan, None)
            while self._next is not None and self._next.start() <= settled:
                self._starts.append(self._next.start())
                self._ends.append(self._next.end())
                self._next = next(self._scan, None)
            index = bisect_right(self._starts, settled)
            end = self._ends[index - 1] if index else 0
            scan_from = max(end, settled)
        for match in self.pattern.finditer(self.text, scan_from, position):
            end = match.end()
        return end
