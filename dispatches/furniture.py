"""Recognise page furniture in a pasted web page: navigation, teasers, sign-up blocks, footers, empty lines.

The rules are inspectable: a line is furniture when it is empty (white space or non-breaking spaces only), when
it is short and matches a pattern of ``lexicons/reader_furniture.txt``, or when, at any length, it holds two or
more promotional phrases of ``lexicons/reader_promotional.txt``. A short unpunctuated line right next to a
"Read more" line is the teaser headline of a related article.
"""
from __future__ import annotations

import re

from .folded import lower_case_twin
from .lexicons import load_words
from .text import normalise

SHORT_LINE_WORDS = 20
_FURNITURE = [re.compile(p, re.IGNORECASE) for p in load_words("reader_furniture.txt")]
_PROMOTIONAL = [re.compile(p, re.IGNORECASE) for p in load_words("reader_promotional.txt")]
# One pass over a line finds whether any promotional phrase is there; most lines hold none, so the phrases are
# counted one by one only when it finds one.
_ANY_PROMOTIONAL = re.compile("|".join(f"(?:{p.pattern})" for p in _PROMOTIONAL), re.IGNORECASE)
_READ_MORE = re.compile(r"\bread more\b|»\s*$", re.IGNORECASE)


def furniture_reason(line: str) -> str | None:
    """Return why ``line`` is furniture ("empty", "furniture: <pattern>", "promotional"), or None."""
    text = normalise(line).strip()
    if not text:
        return "empty"
    if len(text.split()) <= SHORT_LINE_WORDS:
        for pattern in _FURNITURE:
            if pattern.search(text):
                return f"furniture: {pattern.pattern}"
    if _has_promotional(text) and sum(1 for pattern in _PROMOTIONAL if pattern.search(text)) >= 2:
        return "promotional"
    return None


def _has_promotional(text: str) -> bool:
    """True when ``text`` holds any promotional phrase (an ASCII line is scanned in lower case, twice as fast)."""
    twin = lower_case_twin(_ANY_PROMOTIONAL)
    if twin is not None and text.isascii():
        return twin.search(text.lower()) is not None
    return _ANY_PROMOTIONAL.search(text) is not None


def is_teaser(line: str, neighbours: list[str]) -> bool:
    """True for a short headline-like line (no closing full stop) beside a "Read more" link line."""
    text = normalise(line).strip()
    if not text or len(text.split()) > SHORT_LINE_WORDS or text.endswith((".", '."', ".'")):
        return False
    return any(_READ_MORE.search(normalise(n)) for n in neighbours)
