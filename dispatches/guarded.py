"""A rule's regular expression, tried only on a text that holds one of the strings each of its matches holds.

Most sentences hold none of the words a rule is about ("according", "citing", "quoted ... by"), and ``in``
finds that out far faster than the regular expression would. ``tests/test_guarded.py`` checks every guarded
rule: taking its strings out of texts it matches must leave nothing for it to match, so a guard that drifts
from its pattern fails there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Guarded:
    """``pattern`` and ``needs``: every match of the pattern holds one of these strings."""

    pattern: re.Pattern
    needs: tuple[str, ...]

    def finditer(self, text: str):
        """``pattern.finditer(text)``, or no matches at once when ``text`` holds none of ``needs``."""
        if any(map(text.__contains__, self.needs)):
            return self.pattern.finditer(text)
        return iter(())
