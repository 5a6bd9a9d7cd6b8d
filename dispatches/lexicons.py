"""Load the word lists that drive the analysers.

Lexicons are plain data files in ``dispatches/lexicons/`` so that a teacher can extend them without touching
code: ``.txt`` files hold one entry per line, ``.csv`` files one entry per row with a header. Blank lines and
lines starting with ``#`` are ignored in both.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")


def lexicon_path(name: str) -> Path:
    """Return the path of the lexicon file ``name`` (with its extension), or raise a helpful error."""
    path = LEXICON_DIR / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in LEXICON_DIR.iterdir() if p.suffix in {".txt", ".csv"}))
        raise FileNotFoundError(f"No lexicon called {name!r} in {LEXICON_DIR}. Known lexicons: {known}")
    return path


def _data_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Return the entries of a one-entry-per-line lexicon such as ``"hedges.txt"``."""
    return tuple(line.strip() for line in _data_lines(lexicon_path(name)))


@lru_cache(maxsize=None)
def load_set(name: str) -> frozenset[str]:
    """Return the entries of a one-entry-per-line lexicon as a set, for membership tests."""
    return frozenset(load_words(name))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict, ...]:
    """Return the rows of a CSV lexicon such as ``"reporting_verbs.csv"`` as dictionaries of stripped strings."""
    rows = csv.DictReader(_data_lines(lexicon_path(name)))
    return tuple({key.strip(): (value or "").strip() for key, value in row.items()} for row in rows)
