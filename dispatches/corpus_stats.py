"""Coverage counts of the bundled corpus: how often each source type, claim status and time convention occurs."""
from __future__ import annotations

import pandas as pd

from . import datasets

SOURCE_TYPES = ["official", "expert", "witness", "anonymous", "unnamed_group", "social_media", "media", "document"]
STATUSES = ["denied", "speculated", "reported", "confirmed", "claimed", "unattributed"]
TARGETS = {"source type": 5, "claim status": 10}


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
    frame = pd.DataFrame(rows, columns=["what", "category", "count", "target"])
    frame["meets target"] = [("yes" if c >= t else "NO") if t else "" for c, t in zip(frame["count"], frame["target"])]
    frame["target"] = frame["target"].map(lambda t: "" if t is None or pd.isna(t) else f">= {int(t)}")
    return frame
