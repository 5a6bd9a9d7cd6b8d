"""Split a paragraph into sentences with character offsets.

The rule is the one a reader applies: a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or
brackets after it) when white space and a capital, digit, quote or bracket follow, unless the word before the
stop is an abbreviation from ``lexicons/reader_abbreviations.txt`` or a single initial. A new line that starts
a list item also ends a sentence. A bracketed photo credit at the end of a paragraph stays with its sentence.
"""
from __future__ import annotations

import re
import string

from .lexicons import load_set
from .text import normalise

_BOUNDARY = re.compile(r"""[.!?]+["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")
_LIST_ITEM = re.compile(r"\n(?=\s*(?:[-*\u2022]|\d+[.)])\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHARACTERS = frozenset(string.ascii_letters + ".")
_CREDIT_TAIL = re.compile(r"\s*\([^()]{1,80}\)\s*$")
_ABBREVIATIONS = load_set("reader_abbreviations.txt")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    match = _WORD_BEFORE.search(text, _run_start(text, stop), stop)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _run_start(text: str, stop: int) -> int:
    """Where the letters and dots ending at ``stop`` (or at a new line just before it) begin: the word before a
    full stop is looked for from there, not from the start of the paragraph, so that long paragraphs stay linear."""
    start = stop - 1 if stop > 0 and text[stop - 1] == "\n" else stop
    while start > 0 and text[start - 1] in _WORD_CHARACTERS:
        start -= 1
    return start


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``paragraph``, white space trimmed."""
    text = normalise(paragraph)
    cuts = {m.start() for m in _LIST_ITEM.finditer(text)}
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()) or _CREDIT_TAIL.fullmatch(text, match.end()):
            continue
        cuts.add(match.end())
    spans, begin = [], 0
    for cut in sorted(cuts) + [len(text)]:
        start = begin + (len(text[begin:cut]) - len(text[begin:cut].lstrip()))
        end = begin + len(text[begin:cut].rstrip())
        if end > start:
            spans.append((start, end))
        begin = cut
    return spans
