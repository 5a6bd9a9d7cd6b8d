"""One regular expression for a long list of words or phrases, factored by the letters they start with.

Python's ``re`` tries the branches of ``said|stated|added|...`` one after another at every position of a text,
so a lexicon of 200 verbs costs 200 tries per character. The same list as a prefix tree,
``(?:s(?:tated|aid)|added)``, costs a few. The tree tries a longer entry before a shorter one it starts with,
which is the order of the list sorted longest first, so a pattern matches exactly what the plain alternation
of the sorted list matched. When that could differ, the plain alternation is returned instead: in a pattern
that may match case-insensitively, when two entries differ only by the case of a letter or hold letters
outside ASCII (which case-insensitive matching folds in ways a tree of characters does not see).
"""
from __future__ import annotations

import re


def alternation(entries, flexible_spaces: bool = True, ignore_case: bool = True) -> str:
    """A regex matching any of ``entries``, longest first, each escaped (inner spaces match any white space
    when ``flexible_spaces``), as a non-capturing group; empty entries are left out (none left: ``(?:)``).
    ``ignore_case=False`` promises that the pattern is never matched case-insensitively."""
    words = sorted({entry for entry in entries if entry}, key=len, reverse=True)
    if not _safe_to_factor(words, ignore_case):
        plain = (re.escape(word) for word in words)
        return "(?:" + "|".join(piece.replace(r"\ ", r"\s+") if flexible_spaces else piece for piece in plain) + ")"
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    space = r"\s+" if flexible_spaces else re.escape(" ")
    return "(?:" + "|".join(_branches(tree, space)) + ")"


def _safe_to_factor(words: list[str], ignore_case: bool) -> bool:
    """True when no text character can match two branches of one node."""
    if not words or any(c.isspace() and c != " " for word in words for c in word):
        return False
    return not ignore_case or all(word.isascii() for word in words) and _no_case_twins(words)


def _no_case_twins(words: list[str]) -> bool:
    """No two entries share a start and then differ only by the case of the next letter ("AP", "ap")."""
    starts = {word[:i] for word in words for i in range(len(word) + 1)}
    return len({start.lower() for start in starts}) == len(starts)


def _branches(node: dict, space: str) -> list[str]:
    """The regexes of a tree node's branches. Entries went in longest first, so they are already in order: the
    branch with the longest entry first, and the end of an entry ("") last."""
    return [(space if key == " " else re.escape(key)) + _group(child, space) if key else ""
            for key, child in node.items()]


def _group(node: dict, space: str) -> str:
    pieces = _branches(node, space)
    return pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"
