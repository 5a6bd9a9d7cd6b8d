"""Score the cross-check against the scenario's ground truth (the gold ``events`` field of each article).

Each gold entry ties a sentence to the event(s) of ``datasets/scenario/events.csv`` it reports. Scores are
B-cubed over those sentences: **purity** (of the sentences clustered with a sentence, the share that report
the same event) and **completeness** (of the sentences that report the same event, the share clustered with
it). A gold sentence left out of every cluster counts as a cluster of its own.

    dp.crosscheck_report()          # the figures as a table (the CLI's `dispatches crosscheck --score`)
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from .citations import article_name
from .text import normalise

# The lessons planted in the corpus (datasets/scenario/events.csv): what the cross-check must find.
PLANTED_CHAIN = {"event": "E22", "origin": "@FrontlineMonitor",
                 "echoes": ("ledger_karvel_radar_claim", "kanal_brenn_karvel_echo", "kespress_karvel_echo")}
# Each planted contradiction: the events it concerns, the kinds of flag that count, and whether BOTH sides of
# the flag must be gold sentences of those events (true for figures: two numbers for the same event).
PLANTED_CONTRADICTIONS = {
    "casualty figures, Dorvan shelling (E09)": (("E09",), ("numbers", "confirm/deny"), True),
    "loss figures of the 17-18 Sep briefings (E10/E11)": (("E10", "E11"), ("numbers", "confirm/deny"), True),
    "casualty figures, Tashir shelling (E23)": (("E23",), ("numbers",), True),
    "hospital death toll corrected (E26)": (("E26",), ("numbers", "correction"), True),
    "Lerin withdrawal denied, then confirmed (E30/E31/E32)": (("E30", "E31", "E32"), ("confirm/deny",), False),
    "ceasefire reported before it was agreed (E37)": (("E37",), ("timing", "confirm/deny"), False),
}


@dataclass
class ClusterScores:
    """``figures`` (purity, completeness, F1, counts), ``clusters`` (cluster -> best event), ``events``."""

    figures: dict
    clusters: pd.DataFrame
    events: pd.DataFrame


def gold_sentences(articles, gold=None) -> dict[tuple[str, int], set[str]]:
    """(article name, sentence_id) -> gold event ids, for every article whose gold file has ``events``."""
    from . import datasets

    labelled = {}
    for index, article in enumerate(articles):
        name = article_name(article, index)
        record = (gold or {}).get(name)
        if record is None:
            try:
                record = datasets.gold(name)
            except KeyError:
                continue
        sentences = list(zip(article.sentences["sentence_id"], article.sentences["text"].map(normalise)))
        for entry in record.get("events", []):
            needle = normalise(entry["sentence"])
            hit = next((sid for sid, text in sentences if needle in text), None)
            if hit is not None and entry.get("event_ids"):
                labelled[(name, int(hit))] = set(entry["event_ids"])
    return labelled


def _reports(clusters) -> pd.DataFrame:
    return clusters.reports if hasattr(clusters, "reports") else clusters


def score_clusters(clusters, articles, gold=None) -> ClusterScores:
    """Compare claim clusters (a CrossCheck or its ``reports``) with the gold events of ``articles``."""
    reports = _reports(clusters)
    labelled = gold_sentences(articles, gold)
    assigned = {(r.article, int(r.sentence_id)): r.cluster for r in reports.itertuples()}
    predicted = {item: assigned.get(item, f"alone:{item}") for item in labelled}
    members = defaultdict(list)
    for item, label in predicted.items():
        members[label].append(item)
    by_event = defaultdict(set)
    for item, events in labelled.items():
        for event in events:
            by_event[event].add(item)
    precision, recall = [], []
    for item, events in labelled.items():
        together = members[predicted[item]]
        same = set().union(*(by_event[e] for e in events))
        precision.append(sum(other in same for other in together) / len(together))
        recall.append(sum(predicted[other] == predicted[item] for other in same) / len(same))
    purity = sum(precision) / len(precision) if precision else float("nan")
    completeness = sum(recall) / len(recall) if recall else float("nan")
    f1 = 2 * purity * completeness / (purity + completeness) if purity + completeness else 0.0
    cluster_rows = []
    for label, items in members.items():
        if str(label).startswith("alone:"):
            continue
        votes = Counter(event for item in items for event in labelled[item])
        event, hits = votes.most_common(1)[0]
        cluster_rows.append({"cluster": label, "event_id": event, "gold_sentences": len(items),
                             "reporting_event": hits, "share": round(hits / len(items), 3)})
    cluster_frame = pd.DataFrame(cluster_rows, columns=["cluster", "event_id", "gold_sentences", "reporting_event",
                                                        "share"]).sort_values("cluster", ignore_index=True)
    event_rows = []
    for event, items in sorted(by_event.items()):
        where = Counter(predicted[item] for item in items)
        best, hits = where.most_common(1)[0]
        event_rows.append({"event_id": event, "gold_sentences": len(items),
                           "best_cluster": None if str(best).startswith("alone:") else best,
                           "in_best_cluster": hits, "clusters_used": len(where)})
    figures = {"gold sentences": len(labelled), "clusters": int(reports["cluster"].nunique()) if len(reports) else 0,
               "purity": round(purity, 3), "completeness": round(completeness, 3), "f1": round(f1, 3)}
    return ClusterScores(figures, cluster_frame, pd.DataFrame(event_rows))


def planted_checks(cc, articles, gold=None) -> pd.DataFrame:
    """Did the cross-check find the planted circular chain and flag every planted contradiction?"""
    labelled = gold_sentences(articles, gold)
    rows = []
    chain = PLANTED_CHAIN
    reports = cc.reports
    echo_rows = reports[[(a, int(s)) in labelled and chain["event"] in labelled[(a, int(s))] and a in chain["echoes"]
                         for a, s in zip(reports["article"], reports["sentence_id"])]]
    best = echo_rows.groupby("cluster")["article"].nunique().sort_values(ascending=False)
    found = False
    detail = "no cluster holds the echo articles' reports of the claim"
    if len(best):
        number = best.index[0]
        row = cc.clusters.set_index("cluster").loc[number]
        found = bool(row["single_sourced"]) and chain["origin"] in row["origins"] and best.iloc[0] >= 2
        detail = (f"cluster {number}: {best.iloc[0]} of {len(chain['echoes'])} echo articles, "
                  f"single_sourced={bool(row['single_sourced'])}, origins={row['origins']}")
    rows.append({"check": f"circular chain traced to {chain['origin']} and called single-sourced ({chain['event']})",
                 "passed": found, "detail": detail})
    conflicts = cc.contradictions
    for label, (events, kinds, both) in PLANTED_CONTRADICTIONS.items():
        hits = []
        for c in conflicts[conflicts["kind"].isin(kinds)].itertuples():
            sides = [bool(labelled.get((c.article_a, int(c.sentence_a)), set()) & set(events)),
                     bool(labelled.get((c.article_b, int(c.sentence_b)), set()) & set(events))]
            if all(sides) if both else any(sides):
                hits.append(f"cluster {c.cluster} ({c.kind})")
        rows.append({"check": f"contradiction flagged: {label}", "passed": bool(hits),
                     "detail": "; ".join(dict.fromkeys(hits)) or "not flagged"})
    return pd.DataFrame(rows)


def crosscheck_report(articles=None, threshold: float | None = None) -> pd.DataFrame:
    """The cross-check's figures on the corpus as one table: purity, completeness, F1 and the planted checks."""
    from . import datasets
    from .crosscheck import LINK_THRESHOLD, cross_check

    articles = datasets.articles() if articles is None else list(articles)
    cc_threshold = LINK_THRESHOLD if threshold is None else threshold
    cc = cross_check(articles, threshold=cc_threshold)
    scores = score_clusters(cc, articles)
    rows = [{"measure": name, "value": value} for name, value in scores.figures.items()]
    first_pass = score_clusters(cross_check(articles, threshold=cc_threshold, merge_threshold=None), articles)
    rows += [{"measure": f"{name} (first pass only, no place-and-day merges)", "value": first_pass.figures[name]}
             for name in ("purity", "completeness", "f1")]
    rows += [{"measure": "single-sourced clusters", "value": int(cc.clusters["single_sourced"].sum())},
             {"measure": "contradictions flagged", "value": len(cc.contradictions)}]
    checks = planted_checks(cc, articles)
    rows += [{"measure": row.check, "value": "yes" if row.passed else "NO"} for row in checks.itertuples()]
    rows.append({"measure": "planted checks passed", "value": f"{int(checks['passed'].sum())}/{len(checks)}"})
    return pd.DataFrame(rows)
