"""Expected answers read from the gold annotations and the ground truth, so that no answer is typed twice.

Every helper returns plain values or frames built from ``dispatches.datasets``; the question modules pick
what they ask about, and these helpers say what the right answer is.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pandas as pd

from .. import datasets
from ..text import normalise
from .checking import DateRow, Item

SOURCE_TYPES = ("official", "expert", "witness", "anonymous", "unnamed_group", "social_media", "media", "document")
STATUSES = ("confirmed", "claimed", "reported", "speculated", "denied", "unattributed")

# Labels that are easy to confuse earn partial credit, with the question that tells them apart.
TYPE_NEIGHBOURS = {
    ("anonymous", "unnamed_group"): "Are the informants specific people who are simply not named (anonymous), or a "
                                    "vague collective such as 'critics' or 'some in the capital' (unnamed group)?",
    ("official", "expert"): "Does the person speak for a government, army, party or organisation (official), or "
                            "as an analyst or researcher (expert)?",
    ("official", "anonymous"): "Is the official named and speaking on the record (official), or unnamed "
                               "(anonymous)?",
    ("witness", "unnamed_group"): "Do these people speak from their own experience of the events (witness), or "
                                  "voice a vague opinion (unnamed group)?",
    ("media", "document"): "Is it another news organisation's reporting (media), or a text, footage or image "
                           "cited directly (document)?",
    ("media", "social_media"): "Is it a news organisation (media), or accounts, users and posts online "
                               "(social media)?",
    ("social_media", "unnamed_group"): "Are these accounts and users online (social media), or a vague group in "
                                       "the real world (unnamed group)?",
}
STATUS_NEIGHBOURS = {
    ("claimed", "reported"): "Who passes the claim on: a named source speaking on the record (claimed), or "
                             "anonymous sources, other media or 'reportedly' (reported)?",
    ("claimed", "confirmed"): "Did the source simply assert it (claimed), or acknowledge, admit or verify "
                              "it (confirmed)?",
    ("reported", "speculated"): "Is the claim passed on as information (reported), or hedged as a guess with "
                                "words such as may, believe or appears (speculated)?",
    ("claimed", "unattributed"): "Does the sentence name who says it (claimed), or is it the outlet's own "
                                 "voice (unattributed)?",
    ("claimed", "denied"): "Does the speaker reject or dismiss something? A denial outranks a plain claim.",
    ("speculated", "unattributed"): "Is there a hedge (may, could, believe, appears), or does the outlet state it "
                                    "flatly in its own voice?",
}
# How firmly a status presents a claim as fact (for comparing a headline with its body).
FIRMNESS = {"unattributed": 3, "confirmed": 3, "claimed": 2, "reported": 1, "speculated": 0, "denied": 0}


@lru_cache(maxsize=None)
def article(name: str):
    """A corpus article, read once."""
    return datasets.article(name)


def _located(name: str, fragment: str) -> pd.Series:
    """The sentence row of ``name`` that contains the gold fragment."""
    sentences = article(name).sentences
    hits = sentences[sentences["norm"].str.contains(normalise(fragment), regex=False)]
    if hits.empty:
        raise LookupError(f"The gold fragment {fragment!r} was not found in a sentence of {name}.")
    return hits.iloc[0]


def sentence(name: str, fragment: str) -> str:
    """The whole sentence of article ``name`` that holds a gold fragment."""
    return _located(name, fragment)["text"]


def paragraph(name: str, fragment: str) -> int:
    """The paragraph number of the sentence that holds a gold fragment."""
    return int(_located(name, fragment)["paragraph"])


def paragraph_text(name: str, number: int) -> str:
    """The text of one paragraph of an article."""
    rows = article(name).sentences.query("paragraph == @number")
    return " ".join(rows["text"])


def paragraph_sentences(name: str, number: int) -> list[str]:
    """The sentences of one paragraph, in reading order."""
    return list(article(name).sentences.query("paragraph == @number")["text"])


def _records(name: str, key: str) -> pd.DataFrame:
    frame = pd.DataFrame(datasets.gold(name)[key])
    if frame.empty:
        return frame
    frame["text"] = [sentence(name, fragment) for fragment in frame["sentence"]]
    frame["paragraph"] = [paragraph(name, fragment) for fragment in frame["sentence"]]
    return frame


def sources(name: str) -> pd.DataFrame:
    """Gold sources of an article, with the whole sentence (``text``) and its ``paragraph``."""
    frame = _records(name, "sources")
    frame["optional"] = frame["optional"].fillna(False).astype(bool) if "optional" in frame else False
    return frame


def claims(name: str) -> pd.DataFrame:
    """Gold claim statuses of an article, with the whole sentence and its paragraph."""
    return _records(name, "claims")


def times(name: str) -> pd.DataFrame:
    """Gold time expressions of an article, with the whole sentence and its paragraph."""
    return _records(name, "times")


def event_links(name: str) -> pd.DataFrame:
    """Which ground-truth events each annotated sentence of an article reports (one row per link)."""
    links = datasets.gold(name).get("events", [])
    rows = [{"sentence": link["sentence"], "event_id": event} for link in links for event in link["event_ids"]]
    return pd.DataFrame(rows, columns=["sentence", "event_id"])


def source_row(name: str, source: str) -> pd.Series:
    """The first gold source of an article named exactly ``source``."""
    frame = sources(name)
    hits = frame[frame["source"] == source]
    if hits.empty:
        raise LookupError(f"No gold source {source!r} in {name}.")
    return hits.iloc[0]


def claim_status(name: str, fragment: str) -> str:
    """The gold status of the claim whose sentence holds ``fragment``."""
    frame = claims(name)
    hits = frame[frame["sentence"] == fragment]
    if hits.empty:
        raise LookupError(f"No gold claim {fragment!r} in {name}.")
    return hits.iloc[0]["status"]


def source_items(name: str, paragraph_number: int) -> list[Item]:
    """The gold sources of one paragraph as items of a set question (each source once)."""
    frame = sources(name).query("paragraph == @paragraph_number")
    seen, items = set(), []
    for _, row in frame.iterrows():
        if row["source"] in seen:
            continue
        seen.add(row["source"])
        cue = row["cue"] if isinstance(row["cue"], str) else None
        items.append(Item(row["source"], row["text"], cue, bool(row["optional"])))
    return items


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def date_rows(name: str, expressions: list[str] | None = None) -> list[DateRow]:
    """The gold intervals of an article's time expressions (all of them, or those named, in that order)."""
    frame = times(name)
    if expressions is not None:
        frame = pd.concat([frame[frame["expression"] == expression].head(1) for expression in expressions])
    return [DateRow(row["expression"], _date(row["start"]), _date(row["end"]), row.get("granularity") or "day")
            for _, row in frame.iterrows()]


def time_of(name: str, expression: str) -> DateRow:
    """The gold interval of one expression of an article."""
    rows = date_rows(name, [expression])
    if not rows:
        raise LookupError(f"No gold time expression {expression!r} in {name}.")
    return rows[0]


def published(name: str) -> dt.date:
    """The gold publication date of an article."""
    return dt.date.fromisoformat(datasets.gold(name)["published"])


def headline(name: str) -> str:
    """The gold headline of an article."""
    return datasets.gold(name)["headline"]


def outlet(name: str) -> str:
    """The outlet that published an article."""
    return datasets.gold(name)["outlet"]


@lru_cache(maxsize=None)
def _events() -> pd.DataFrame:
    return datasets.events().set_index("event_id")


def event(event_id: str) -> pd.Series:
    """One ground-truth event (what really happened, with start and end)."""
    return _events().loc[event_id]


def articles_reporting(event_id: str, names: list[str]) -> list[str]:
    """Which of ``names`` report the ground-truth event ``event_id`` according to their gold links."""
    return [name for name in names if event_id in set(event_links(name)["event_id"])]


def dev_articles() -> list[str]:
    """The articles of the ``dev`` split (the ones exercises may use)."""
    return datasets.article_names("dev")


def headline_claim(name: str) -> pd.Series | None:
    """The gold claim of an article's headline, or None when the headline is not annotated."""
    rows = article(name).sentences.query("part == 'headline'")
    if rows.empty:
        return None
    frame = claims(name)
    hits = frame[frame["paragraph"] == int(rows.iloc[0]["paragraph"])]
    return None if hits.empty else hits.iloc[0]


def headline_overstates(name: str) -> bool:
    """True when the headline states an event more firmly than any other sentence about it in the article.

    The events come from the gold links; firmness from the gold statuses (see ``FIRMNESS``).
    """
    head = headline_claim(name)
    if head is None:
        return False
    links = event_links(name)
    events = set(links.loc[links["sentence"] == head["sentence"], "event_id"])
    about = set(links.loc[links["event_id"].isin(events), "sentence"]) - {head["sentence"]}
    rest = claims(name)
    statuses = rest.loc[rest["sentence"].isin(about), "status"]
    return bool(len(statuses)) and FIRMNESS[head["status"]] > max(FIRMNESS[s] for s in statuses)


def first_claim_about(name: str, event_id: str) -> pd.Series:
    """The first gold claim of an article that reports a ground-truth event."""
    links = event_links(name)
    fragments = list(links.loc[links["event_id"] == event_id, "sentence"])
    frame = claims(name)
    hits = frame[frame["sentence"].isin(fragments)]
    if hits.empty:
        raise LookupError(f"{name} has no annotated claim about {event_id}.")
    return hits.iloc[0]
