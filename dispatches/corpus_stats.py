"""Coverage counts of the bundled corpus: how often each source type, claim status and time convention occurs."""
from __future__ import annotations

import re

import pandas as pd

from . import datasets

SOURCE_TYPES = ["official", "expert", "witness", "anonymous", "unnamed_group", "social_media", "media", "document"]
STATUSES = ["denied", "speculated", "reported", "confirmed", "claimed", "unattributed"]
TARGETS = {"source type": 5, "claim status": 10}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)day"
# SPEC.md's time conventions, each recognised by the shape of the gold expression (first match wins).
CONVENTIONS = [
    ("live-blog time stamp", r"^\d{1,2}[:.]\d{2}$"),
    ("the Nth of last month", r"of last month"),
    ("range", r"\bbetween\b|\bfrom\b.*\bto\b|\d+\s*(-|to)\s*\d+ " + _MONTH),
    ("since ...", r"^since\b"),
    ("numeric date", r"\d{1,2}/\d{1,2}/\d{2,4}"),
    ("explicit date with weekday", _WEEKDAY + r",? (the )?\d|" + _WEEKDAY + r",? " + _MONTH + r" \d"),
    ("explicit date", r"\d{1,2}(st|nd|rd|th)? " + _MONTH + r"|" + _MONTH + r" \d{1,2}\b"),
    ("bare weekday", r"^(on |last |this )?" + _WEEKDAY + r"( (morning|afternoon|evening|night))?$"),
    ("last/this week", r"\b(last|this|past) week\b"),
    ("last/this month", r"\b(last|this) month\b"),
    ("earlier this year/month", r"earlier this (year|month)"),
    ("in <Month>", r"^(in |since |early |late |mid-)?" + _MONTH + r"$"),
    ("yesterday/today/tonight/tomorrow", r"yesterday|today|tonight|tomorrow|this (morning|afternoon|evening)"),
    ("overnight/last night", r"overnight|last night"),
    ("N days/weeks ago", r"\bago\b"),
    ("decade", r"\d{4}s\b"),
    ("year", r"\b(19|20)\d{2}\b"),
]


def convention_of(expression: str) -> str:
    """The SPEC time convention a gold expression exercises, by its shape ("other" when none fits)."""
    text = expression.lower().strip()
    return next((name for name, pattern in CONVENTIONS if re.search(pattern, text)), "other (fuzzy etc.)")


def corpus_stats() -> pd.DataFrame:
    """One row per counted category (articles, forms, source types, statuses, time granularities)."""
    records = [datasets.gold(name) for name in datasets.article_names()]
    rows = [("articles", "all", len(records), 16)]
    forms = pd.Series([r.get("form") for r in records]).value_counts()
    rows.append(("forms", "distinct", len(forms), 5))
    rows += [("form", name, int(count), None) for name, count in forms.items()]
    sources = pd.Series([s["type"] for r in records for s in r.get("sources", [])])
    rows += [("source type", t, int((sources == t).sum()), TARGETS["source type"]) for t in SOURCE_TYPES]
    statuses = pd.Series([c["status"] for r in records for c in r.get("claims", [])])
    rows += [("claim status", s, int((statuses == s).sum()), TARGETS["claim status"]) for s in STATUSES]
    times = [t for r in records for t in r.get("times", [])]
    rows.append(("time expressions", "all", len(times), 60))
    granularity = pd.Series([t.get("granularity") for t in times]).value_counts()
    rows += [("time granularity", g, int(n), None) for g, n in granularity.items()]
    conventions = pd.Series([convention_of(t["expression"]) for t in times]).value_counts()
    rows += [("time convention", c, int(conventions.get(c, 0)), 1) for c, _ in CONVENTIONS]
    rows.append(("time convention", "other (fuzzy etc.)", int(conventions.get("other (fuzzy etc.)", 0)), None))
    frame = pd.DataFrame(rows, columns=["what", "category", "count", "target"])
    frame["meets target"] = ["" if pd.isna(t) else ("yes" if c >= t else "NO")
                             for c, t in zip(frame["count"], frame["target"])]
    frame["target"] = frame["target"].map(lambda t: "" if t is None or pd.isna(t) else f">= {int(t)}")
    return frame
