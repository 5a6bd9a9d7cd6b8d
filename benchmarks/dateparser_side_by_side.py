"""Side by side: the dispatches timeline against dateparser's ``search_dates`` on the gold corpus.

    python benchmarks/dateparser_side_by_side.py [--split dev|test|all]

Both systems get the same publication date as their base (dateparser through ``RELATIVE_BASE``, preferring
past dates as news reports do) and are scored like ``python -m dispatches evaluate``: an expression is found
when a predicted one in the same sentence shares a content word with the gold one; it is normalised when the
start and end dates both equal the gold ones. dateparser returns one moment per expression, so it is taken as a
single day; "day-level accuracy" scores only the gold expressions that are single days, where that is no
handicap. dateparser is an optional dependency (the ``bench`` extra): this script exits with a message when it
is missing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings

try:
    from dateparser.search import search_dates
except ImportError:
    sys.exit("This benchmark needs dateparser, which dispatches does not install by default.\n"
             "Install it with:  pip install -e \".[bench]\"   (or: pip install dateparser)")

import pandas as pd

from dispatches import datasets
from dispatches.evaluation import overlaps, sentence_of
from dispatches.timeline import build_timeline


NO_CLAIMS = pd.DataFrame()  # time the timeline alone, without running the claims analyser for its status column


def dispatches_times(article) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = build_timeline(article, claims=NO_CLAIMS)
    return [{"sentence_id": r["sentence_id"], "expression": r["expression"], "start": r["start"], "end": r["end"]}
            for r in frame.to_dict("records")]


def dateparser_times(article) -> list[dict]:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if article.published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(article.published, dt.time(12))
    found = []
    for row in article.sentences.itertuples(index=False):
        for text, moment in search_dates(row.norm, languages=["en"], settings=settings) or []:
            found.append({"sentence_id": row.sentence_id, "expression": text, "start": moment.date(),
                          "end": moment.date()})
    return found


def score(gold: list[dict], predicted: list[dict]) -> dict:
    """Greedy one-to-one matching within a sentence, as the project's evaluation does."""
    free, tp, normalised, days, days_right = list(predicted), 0, 0, 0, 0
    for item in gold:
        single_day = item.get("start") and item.get("start") == item.get("end")
        days += bool(single_day)
        for candidate in free:
            if candidate["sentence_id"] == item["sentence_id"] and overlaps(item["expression"],
                                                                            candidate["expression"]):
                free.remove(candidate)
                tp += 1
                right = (str(candidate["start"]) == str(item.get("start"))
                         and str(candidate["end"]) == str(item.get("end")))
                if item.get("start") is None:
                    right = candidate["start"] is None or candidate["start"] != candidate["start"]
                normalised += right
                days_right += bool(single_day and right)
                break
    return {"tp": tp, "fp": len(free), "fn": len(gold) - tp, "normalised": normalised, "days": days,
            "days_right": days_right}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    split = parser.parse_args().split
    totals = {name: dict.fromkeys(["tp", "fp", "fn", "normalised", "days", "days_right", "seconds"], 0)
              for name in ("dispatches", "dateparser")}
    names = datasets.article_names(split)
    for name in names:
        article, record = datasets.article(name), datasets.gold(name)
        gold = [{**t, "sentence_id": sentence_of(article, t["sentence"])} for t in record.get("times", [])]
        for system, run in (("dispatches", dispatches_times), ("dateparser", dateparser_times)):
            began = time.perf_counter()
            predicted = run(article)
            totals[system]["seconds"] += time.perf_counter() - began
            for key, value in score(gold, predicted).items():
                totals[system][key] += value
    print(f"{len(names)} articles ({split} split)\n")
    print(f"{'system':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'normalised':>12}{'day-level':>11}"
          f"{'ms/article':>12}")
    for system, t in totals.items():
        precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        normalised = t["normalised"] / t["tp"] if t["tp"] else 0.0
        day_level = t["days_right"] / t["days"] if t["days"] else 0.0
        per_article = 1000 * t["seconds"] / max(len(names), 1)
        print(f"{system:<12}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{normalised:>12.3f}{day_level:>11.3f}"
              f"{per_article:>12.1f}")


if __name__ == "__main__":
    main()
