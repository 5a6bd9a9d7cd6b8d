"""Case-insensitive search for a list of words, run on the lower-cased text when that finds the same spans.

Python's ``re`` compares every letter of a case-insensitive pattern in both cases, and cannot pass over the
branches of a factored word list (:mod:`dispatches.alternation`) by their first letter as it does when case
matters, so a case-insensitive scan costs about twice as much. Lower-casing ASCII text keeps every offset, and
ASCII words match it in any case exactly when their lower-case forms match the lower-cased text: ``Folded``
scans that way when text and words are ASCII, and with the case-insensitive pattern otherwise. Matches found on
the lower-cased text hold its lower-cased words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .alternation import alternation


class Folded:
    """``before`` + any of ``words`` + ``after``, in any case; ``before`` and ``after`` hold no letters."""

    def __init__(self, before: str, words, after: str, flexible_spaces: bool = True):
        words = list(words)
        self.any_case = re.compile(before + alternation(words, flexible_spaces) + after, re.IGNORECASE)
        self.lower_case = re.compile(before + alternation([w.lower() for w in words], flexible_spaces,
                                                          ignore_case=False) + after) \
            if all(word.isascii() for word in words) else None

    def finditer(self, text: str):
        """The matches in ``text``, as ``any_case.finditer(text)`` finds them (their spans and lower-cased words)."""
        if self.lower_case is not None and text.isascii():
            return self.lower_case.finditer(text.lower())
        return self.any_case.finditer(text)


@lru_cache(maxsize=None)
def lower_case_twin(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without IGNORECASE, to scan ASCII text in lower case with the same spans; None when ``pattern``
    is not case-insensitive, or holds a capital letter (an upper-case escape such as ``\\S`` among them) or an
    inline flag, as the twin could then match differently."""
    if not pattern.flags & re.IGNORECASE or re.search(r"[A-Z]|\(\?[a-z-]", pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
