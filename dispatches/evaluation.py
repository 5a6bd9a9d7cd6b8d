"""Score the reader and the three analysers against gold annotations (SPEC.md's format and scoring rules).

- reader: headline exact, boilerplate lines removed, kept substrings survived;
- sources: a prediction matches a gold source in the same sentence whose words overlap it (one to one; a
  pronoun or short form also matches through ``refers_to``, the name it resolves to, on either side);
  precision, recall and F1, and source-type accuracy over the matches; ``optional`` gold entries are neither
  hits nor misses;
- claims: status accuracy over the gold sentences;
- times: detection precision/recall/F1 (same sentence, overlapping expression) and normalisation accuracy
  (start and end both equal) over the matches;
- headline: of the headlines and captions the gold ``headline_check`` marks as overstating their body, how many
  the headline check flags; of those it marks ``fair``, how many it wrongly flags.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .datasets import data_dir
from .reading import read_article
from .text import normalise

COMPONENTS = ("reader", "sources", "claims", "times", "headline")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an the of in on at to for by and or with from its his her their this that".split())


def words(text: str | None) -> set[str]:
    """Lower-case content words of ``text``, for overlap tests."""
    return {w for w in _WORD.findall(normalise(text or "").lower()) if w not in _STOP}


def overlaps(a: str | None, b: str | None) -> bool:
    """True when two strings share a content word (or are both empty of words but equal)."""
    wa, wb = words(a), words(b)
    return bool(wa & wb) if wa and wb else normalise(a or "").strip().lower() == normalise(b or "").strip().lower()


def sentence_of(article, substring: str) -> int | None:
    """The id of the article sentence that contains ``substring``, or None if cleaning lost it."""
    at = normalise(article.text).find(normalise(substring))
    if at < 0:
        return None
    rows = article.sentences[(article.sentences["start"] <= at) & (article.sentences["end"] > at)]
    return int(rows["sentence_id"].iloc[0]) if len(rows) else None


def _date(value) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value


def _names(entry: dict, key: str) -> list:
    """The strings an entry may be matched by: its own text and, for sources, the name it refers to."""
    return [entry.get(key)] + ([entry.get("refers_to")] if key == "source" and entry.get("refers_to") else [])


def _match(gold: list[dict], predicted: list[dict], gold_text: str, predicted_text: str):
    """Greedy one-to-one matching within a sentence; returns matched (gold, predicted) pairs and leftovers."""
    pairs, free = [], list(predicted)
    for item in gold:
        for candidate in free:
            if candidate["sentence_id"] == item["sentence_id"] and any(
                    overlaps(a, b) for a in _names(item, gold_text) for b in _names(candidate, predicted_text)):
                pairs.append((item, candidate))
                free.remove(candidate)
                break
    matched = {id(g) for g, _ in pairs}
    return pairs, [g for g in gold if id(g) not in matched], free


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _locate(article, entries: list[dict]) -> list[dict]:
    return [{**entry, "sentence_id": sentence_of(article, entry["sentence"])} for entry in entries]


def score_reader(article, record: dict) -> dict:
    text = normalise(article.text)
    lines = [normalise(line).strip() for line in record.get("boilerplate", [])]
    removed = sum(1 for line in lines if (line not in text if line else True))
    kept = sum(1 for item in record.get("keep", []) if normalise(item) in text)
    headline = record.get("headline")
    return {"boilerplate_total": len(lines), "boilerplate_removed": removed,
            "keep_total": len(record.get("keep", [])), "keep_survived": kept,
            "headline_exact": None if headline is None else normalise(article.headline or "") == normalise(headline)}


def score_sources(article, record: dict) -> dict:
    gold = _locate(article, record.get("sources", []))
    predicted = article.sources().to_dict("records")
    pairs, missed, extra = _match(gold, predicted, "source", "source")
    # optional gold entries: a match is not a hit, a miss is not a miss; a prediction they absorb is not false
    hits = [(g, p) for g, p in pairs if not g.get("optional")]
    missed = [g for g in missed if not g.get("optional")]
    result = _prf(len(hits), len(extra), len(missed))
    result["type_correct"] = sum(1 for g, p in hits if g["type"] == p["source_type"])
    result["missed"] = [f"{g['source']} ({g['sentence'][:40]})" for g in missed]
    result["false_alarms"] = [f"{p['source']} (sentence {p['sentence_id']})" for p in extra]
    return result


def score_claims(article, record: dict) -> dict:
    predicted = article.claims().set_index("sentence_id")["status"].to_dict()
    gold = _locate(article, record.get("claims", []))
    rows = [(g["status"], predicted.get(g["sentence_id"])) for g in gold]
    return {"total": len(rows), "correct": sum(1 for want, got in rows if want == got),
            "confusion": rows,
            "wrong": [f"{g['sentence'][:40]}: gold {g['status']}, got {predicted.get(g['sentence_id'])}"
                      for g in gold if g["status"] != predicted.get(g["sentence_id"])]}


def score_times(article, record: dict) -> dict:
    gold = _locate(article, record.get("times", []))
    predicted = article.timeline().to_dict("records")
    pairs, missed, extra = _match(gold, predicted, "expression", "expression")
    normalised = [(g, p) for g, p in pairs
                  if _date(g.get("start")) == _date(p["start"]) and _date(g.get("end")) == _date(p["end"])]
    result = _prf(len(pairs), len(extra), len(missed))
    result["normalised"] = len(normalised)
    result["missed"] = [f"{g['expression']} ({g['sentence'][:40]})" for g in missed]
    result["false_alarms"] = [f"{p['expression']} (sentence {p['sentence_id']})" for p in extra]
    result["wrong_dates"] = [f"{g['expression']}: gold {g.get('start')}..{g.get('end')}, "
                             f"got {_date(p['start'])}..{_date(p['end'])}"
                             for g, p in pairs if (g, p) not in normalised]
    return result


def score_headline(article, record: dict) -> dict:
    flagged = set(article.headline_check()["sentence_id"])
    gold = _locate(article, record.get("headline_check", []))
    planted = [g for g in gold if g["finding"] != "fair"]
    fair = [g for g in gold if g["finding"] == "fair"]
    return {"planted": len(planted), "caught": sum(1 for g in planted if g["sentence_id"] in flagged),
            "fair": len(fair), "false_findings": sum(1 for g in fair if g["sentence_id"] in flagged),
            "missed": [g["sentence"] for g in planted if g["sentence_id"] not in flagged],
            "false_alarms": [g["sentence"] for g in fair if g["sentence_id"] in flagged]}


SCORERS = {"reader": score_reader, "sources": score_sources, "claims": score_claims, "times": score_times,
           "headline": score_headline}


@dataclass
class Evaluation:
    """Scores per article (``details``) and their totals (``summary``), one row per figure."""

    details: dict
    summary: pd.DataFrame
    per_article: pd.DataFrame

    def to_json(self) -> str:
        """Everything as JSON, for scripts and CI."""
        return json.dumps({"summary": self.summary.to_dict("records"), "articles": self.details},
                          indent=2, default=str)


def gold_files(gold_dir: Path, split: str | None) -> list[Path]:
    """The gold files of ``gold_dir``, restricted to a split when ``splits.csv`` is there."""
    files = sorted(gold_dir.glob("*.json"))
    if split in (None, "all"):
        return files
    if split not in ("dev", "test"):
        raise ValueError(f"--split must be dev, test or all, not {split!r}.")
    splits_file = gold_dir / "splits.csv"
    if not splits_file.is_file():
        raise FileNotFoundError(f"{gold_dir} has no splits.csv, so --split {split} means nothing; use --split all.")
    chosen = set(pd.read_csv(splits_file).query("split == @split")["id"])
    return [path for path in files if path.stem in chosen]


def _totals(details: dict, components) -> pd.DataFrame:
    rows = []

    def add(component, figure, numerator, denominator):
        rows.append({"component": component, "figure": figure, "value": numerator / denominator if denominator
                     else None, "count": f"{numerator}/{denominator}"})

    if "reader" in components:
        scores = [d["reader"] for d in details.values()]
        add("reader", "headline exact", sum(1 for s in scores if s["headline_exact"]),
            sum(1 for s in scores if s["headline_exact"] is not None))
        add("reader", "boilerplate removed", sum(s["boilerplate_removed"] for s in scores),
            sum(s["boilerplate_total"] for s in scores))
        add("reader", "kept text survived", sum(s["keep_survived"] for s in scores),
            sum(s["keep_total"] for s in scores))
    for component, label in (("sources", "source"), ("times", "time")):
        if component not in components:
            continue
        scores = [d[component] for d in details.values()]
        tp, fp, fn = (sum(s[k] for s in scores) for k in ("tp", "fp", "fn"))
        prf = _prf(tp, fp, fn)
        add(component, f"{label} precision", tp, tp + fp)
        add(component, f"{label} recall", tp, tp + fn)
        rows.append({"component": component, "figure": f"{label} F1", "value": prf["f1"], "count": ""})
        if component == "sources":
            add(component, "source-type accuracy", sum(s["type_correct"] for s in scores), tp)
        else:
            add(component, "normalisation accuracy", sum(s["normalised"] for s in scores), tp)
    if "claims" in components:
        scores = [d["claims"] for d in details.values()]
        add("claims", "claim-status accuracy", sum(s["correct"] for s in scores), sum(s["total"] for s in scores))
    if "headline" in components:
        scores = [d["headline"] for d in details.values()]
        add("headline", "overstatements caught", sum(s["caught"] for s in scores), sum(s["planted"] for s in scores))
        add("headline", "fair headlines flagged", sum(s["false_findings"] for s in scores),
            sum(s["fair"] for s in scores))
    return pd.DataFrame(rows, columns=["component", "figure", "value", "count"])


def _per_article(details: dict, components) -> pd.DataFrame:
    rows = []
    for name, d in details.items():
        row = {"article": name}
        if "reader" in components:
            row["headline"] = d["reader"]["headline_exact"]
        if "sources" in components:
            row["source F1"] = round(d["sources"]["f1"], 3)
        if "claims" in components:
            row["claim acc"] = round(d["claims"]["correct"] / d["claims"]["total"], 3) if d["claims"]["total"] else None
        if "times" in components:
            row["time F1"] = round(d["times"]["f1"], 3)
            row["time norm"] = f"{d['times']['normalised']}/{d['times']['tp']}"
        if "headline" in components:
            row["overstated caught"] = f"{d['headline']['caught']}/{d['headline']['planted']}"
        rows.append(row)
    return pd.DataFrame(rows)


def evaluate(gold_dir=None, split: str | None = "test", components=COMPONENTS, articles=None) -> Evaluation:
    """Score ``components`` on the gold files of ``gold_dir`` (the bundled corpus by default), optionally only
    the ``articles`` named (gold file names without ``.json``) within the split."""
    gold_dir = Path(gold_dir) if gold_dir else data_dir() / "annotations"
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"No gold folder at {gold_dir}.")
    files = gold_files(gold_dir, split)
    if articles is not None:
        unknown = sorted(set(articles) - {path.stem for path in files})
        if unknown:
            raise ValueError(f"No gold file for {', '.join(unknown)} in split {split!r} of {gold_dir}; "
                             "name articles by their file name without .json.")
        files = [path for path in files if path.stem in set(articles)]
    if not files:
        raise FileNotFoundError(f"No gold annotation files (*.json) for split {split!r} in {gold_dir}.")
    details = {}
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        article_path = next((base / record["file"] for base in (gold_dir.parent, gold_dir)
                             if (base / record["file"]).is_file()), gold_dir.parent / record["file"])
        article = read_article(article_path, published=record.get("published"), outlet=record.get("outlet"))
        details[record["id"]] = {name: SCORERS[name](article, record) for name in components}
    return Evaluation(details, _totals(details, components), _per_article(details, components))
