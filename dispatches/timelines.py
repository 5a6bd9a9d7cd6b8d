"""Many reports on one line: stack timelines, draw them, and check them against what really happened.

Three dates are kept apart: when an event happened (``start``/``end``), when the report was published
(``published``) and when it was updated (``updated``, from the file's metadata or a correction note).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .lexicons import load_words
from .timeline import COLUMNS, build_timeline, find_mentions, resolve

ARTICLE_COLUMNS = ["article", "outlet", "published", "updated"]
STATUS_COLOURS = {
    "denied": "#c0392b", "speculated": "#e67e22", "reported": "#8e44ad", "confirmed": "#27ae60",
    "claimed": "#2f6fb3", "unattributed": "#7f8c8d", None: "#b8b8b8",
}
_UPDATE_NOTE = re.compile(r"^\s*(?:correction|corrected|update|updated|clarification|editor's note)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


# ---------------------------------------------------------------- stacking

def article_name(article, position: int) -> str:
    """A short name for an article: its file name without extension, else its headline, else its position."""
    path = getattr(article, "meta", {}).get("path")
    if path:
        return Path(path).stem
    if article.headline:
        return article.headline if len(article.headline) <= 40 else article.headline[:39] + "..."
    return f"article {position + 1}"


def update_date(article) -> dt.date | None:
    """When the report was updated: its metadata, else the date written in a correction or update note."""
    if getattr(article, "updated", None):
        return article.updated
    for row in article.sentences.itertuples(index=False):
        if not _UPDATE_NOTE.match(row.text):
            continue
        for mention in find_mentions(row.norm):
            place = resolve(mention, article.published, row.norm)
            if place is not None and place.start is not None and place.start == place.end:
                return place.start
    return None


def _about_pattern(about) -> re.Pattern:
    """One case-insensitive pattern matching any of ``about`` (a word or phrase, or a list of them) as whole words."""
    words = [about] if isinstance(about, str) else list(about) if isinstance(about, (list, tuple, set)) else []
    if not words or not all(isinstance(word, str) and word.strip() for word in words):
        raise ValueError("about= takes a word or a list of words, such as about=\"Karvel\" or "
                         f"about=[\"Karvel\", \"radar\"], not {about!r}.")
    phrases = (r"\s+".join(re.escape(part) for part in word.split()) for word in words)
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


def stack_timelines(articles, about=None) -> pd.DataFrame:
    """The timelines of several articles in one frame, with ``article``, ``outlet``, ``published``, ``updated``.

    ``articles`` is a list of Articles, a ``{name: Article}`` dictionary or one Article. A ``sentence`` column
    is added at the end (the sentence each expression comes from) for labels and for :func:`compare_timeline`.

    ``about`` keeps only the rows whose sentence mentions one of the given words: a string or a list of strings,
    matched case-insensitively and as whole words (``about="radar"`` keeps "Radar" and "radar's" but not
    "radars": list every form you want, ``about=["radar", "radars"]``; a phrase such as "Karvel junction" matches
    those words in a row). The rows keep their order and are numbered afresh.
    """
    pattern = _about_pattern(about) if about is not None else None
    if hasattr(articles, "sentences"):
        articles = [articles]
    named = articles.items() if isinstance(articles, dict) else (
        (article_name(article, i), article) for i, article in enumerate(articles))
    frames, seen = [], {}
    for name, article in named:
        seen[name] = seen.get(name, 0) + 1
        name = name if seen[name] == 1 else f"{name} ({seen[name]})"
        try:
            timeline = article.timeline()
        except ModuleNotFoundError:  # the claims or sources analyser is not installed: no status column
            timeline = build_timeline(article)
        sentences = article.sentences.set_index("sentence_id")
        timeline.insert(0, "article", name)
        timeline.insert(1, "outlet", article.outlet)
        timeline.insert(2, "published", article.published)
        timeline.insert(3, "updated", update_date(article))
        timeline["sentence"] = timeline["sentence_id"].map(sentences["text"])
        if pattern is not None:
            mentions = timeline["sentence_id"].map(sentences["norm"]).map(lambda norm: bool(pattern.search(norm)))
            timeline = timeline[mentions.astype(bool)]
        frames.append(timeline)
    columns = ARTICLE_COLUMNS + COLUMNS + ["sentence"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


# ---------------------------------------------------------------- drawing

def _label(row) -> str:
    event = row.event if isinstance(row.event, str) else None
    text = event or row.expression
    text = text if len(text) <= 38 else text[:37] + "..."
    label = f"{text}  ({row.expression})" if event else text
    return f"{label}  [{row.article}]" if isinstance(getattr(row, "article", None), str) else label


def _window(placed: pd.DataFrame, reports, since, until) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates to show: as asked, else around the rows of a month or less and the publication dates."""
    focus = placed[(placed["end"] - placed["start"]).dt.days < 31]
    dates = list(focus["start"]) + list(focus["end"]) + [d for _, p, u in reports for d in (p, u) if d is not None]
    if not dates:
        dates = list(placed["start"]) + list(placed["end"]) or [pd.Timestamp.today()]
    low = pd.Timestamp(since) if since is not None else min(dates) - pd.Timedelta(days=3)
    high = pd.Timestamp(until) if until is not None else max(dates) + pd.Timedelta(days=4)
    return low, high


def plot_timeline(df: pd.DataFrame, path=None, title: str | None = None, since=None, until=None):
    """Draw a timeline frame: intervals as bars (wider = less certain), single days as points, colour by claim
    status, and a lane on top for when each report was published (and updated).

    The dates shown run from ``since`` to ``until`` (default: around the rows of a month or less and the
    publication dates; longer spans such as "in the 1990s" are cut at the edges, and rows wholly outside are
    left out and counted, as are fuzzy and unresolved rows). Saves to ``path`` (.png or .svg) when given;
    returns the matplotlib Figure."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    placed = df[df["start"].notna() & df["end"].notna()].copy()
    placed["start"] = pd.to_datetime(placed["start"])
    placed["end"] = pd.to_datetime(placed["end"])
    reports = _reports(df)
    low, high = _window(placed, reports, since, until)
    placed = placed[(placed["end"] >= low) & (placed["start"] <= high)]
    placed = placed.sort_values(["start", "end"]).reset_index(drop=True)
    height = 1.2 + 0.32 * max(len(placed), 1) + (0.3 * len(reports) + 0.6 if reports else 0)
    fig = Figure(figsize=(11, height), layout="constrained")
    if reports:
        lane, main = fig.subplots(2, 1, sharex=True, height_ratios=[0.3 * len(reports) + 0.6,
                                                                    0.32 * max(len(placed), 1) + 0.6])
        _draw_reports(lane, reports)
    else:
        main = fig.subplots()
    for y, row in enumerate(placed.itertuples(index=False)):
        colour = STATUS_COLOURS.get(row.status, STATUS_COLOURS[None])
        if row.start == row.end:
            main.plot(row.start + pd.Timedelta(hours=12), y, "o", color=colour, markersize=7)
        else:
            width = (row.end - row.start) + pd.Timedelta(days=1)
            main.barh(y, width, left=row.start, height=0.6, color=colour, alpha=0.55, edgecolor=colour)
    main.set_yticks(range(len(placed)), [_label(row) for row in placed.itertuples(index=False)], fontsize=8)
    main.set_ylim(max(len(placed), 1) - 0.5, -0.5)
    main.grid(axis="x", alpha=0.3)
    main.set_xlim(low, high)
    left_out = len(df) - len(placed)
    note = f"\n{left_out} fuzzy, unresolved or out-of-range expression(s) not drawn" if left_out else ""
    main.set_xlabel("when it happened (bars: the span the words allow; dots: a single day)" + note, fontsize=9)
    main.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    for label in main.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    statuses = [s for s in STATUS_COLOURS if s in set(placed["status"].dropna())] + \
        ([None] if placed["status"].isna().any() else [])
    handles = [Line2D([], [], marker="s", linestyle="", color=STATUS_COLOURS[s], label=s or "no status")
               for s in statuses]
    if handles:
        main.legend(handles=handles, title="claim status", fontsize=8, title_fontsize=8, loc="best")
    if not len(placed):
        main.text(0.5, 0.5, "no dated expressions to draw", ha="center", va="center", transform=main.transAxes)
    fig.suptitle(title or "Timeline: when it happened, and when we heard", fontsize=11)
    if path is not None:
        fig.savefig(path, dpi=150, bbox_inches="tight")
    return fig


def _reports(df: pd.DataFrame) -> list[tuple[str, pd.Timestamp, pd.Timestamp | None]]:
    """(article, published, updated) for every article of a stacked frame that has a publication date."""
    if "published" not in df:
        return []
    first = df.drop_duplicates("article") if "article" in df else df.head(1)
    reports = []
    for row in first.itertuples(index=False):
        if pd.notna(row.published):
            name = getattr(row, "article", "this report")
            updated = getattr(row, "updated", None)
            reports.append((name, pd.Timestamp(row.published), pd.Timestamp(updated) if pd.notna(updated) else None))
    return sorted(reports, key=lambda report: report[1])


def _draw_reports(ax, reports) -> None:
    for y, (name, published, updated) in enumerate(reports):
        ax.plot(published + pd.Timedelta(hours=12), y, "D", color="#34495e", markersize=6)
        if updated is not None:
            ax.plot(updated + pd.Timedelta(hours=12), y, "D", markerfacecolor="white", color="#34495e",
                    markersize=6)
            ax.plot([published + pd.Timedelta(hours=12), updated + pd.Timedelta(hours=12)], [y, y],
                    color="#34495e", linewidth=1)
    ax.set_yticks(range(len(reports)), [name for name, _, _ in reports], fontsize=8)
    ax.set_ylim(len(reports) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("when we heard: publication (filled) and update (open)", fontsize=9, loc="left")


# ---------------------------------------------------------------- checking against ground truth

def _content_words(*texts) -> set[str]:
    stop = set(load_words("time_stopwords.txt"))
    words = set()
    for text in texts:
        if isinstance(text, str):
            words |= {w.lower().strip("'-") for w in _WORD.findall(text)} - stop
    return {w[:-2] if w.endswith("'s") else w for w in words}


def _gap_days(start, end, other_start, other_end) -> int:
    """Days between two intervals (0 when they overlap)."""
    if end < other_start:
        return (other_start - end).days
    if other_end < start:
        return (start - other_end).days
    return 0


def compare_timeline(df: pd.DataFrame, events, tolerance_days: int = 3, max_span_days: int = 31,
                     min_score: float = 4.0) -> pd.DataFrame:
    """Which ground-truth ``events`` a timeline found, how far off its dates are, what it missed, what is extra.

    A row matches an event when their dates overlap or lie within ``tolerance_days`` of each other AND the
    row's event phrase and sentence share enough words (four letters or more, not common words) with the event's
    place, actor and description: each shared word scores 1 + log(events / events using it), so rare words count
    most, and the total must reach ``min_score`` (with the bundled 38 events: one word used by a single event,
    or two less common ones, but not two words that half the events share). The best event has the highest
    score, then the nearest dates. Rows spanning more than ``max_span_days`` ("earlier this year") are too
    coarse to match and are left out, as are fuzzy and unresolved rows. ``events`` is a frame like
    ``dp.datasets.events()`` or a path to such a CSV file.

    The result has one row per match (``outcome`` "found"), per event no row found ("missed") and per dated row
    that matched nothing ("unmatched"); ``start_off_days``/``end_off_days`` say how many days the row's start and
    end lie after the event's.
    """
    events = pd.read_csv(events) if isinstance(events, (str, Path)) else events.copy()
    events["start"] = pd.to_datetime(events["start"]).dt.date
    events["end"] = pd.to_datetime(events["end"]).dt.date
    event_words = {e.event_id: _content_words(e.place, e.actor, e.what_happened)
                   for e in events.itertuples(index=False)}
    usage = Counter(word for words in event_words.values() for word in words)
    weight = {word: 1 + math.log(len(event_words) / count) for word, count in usage.items()}
    records, found = [], set()
    for index, row in df.iterrows():
        if row["start"] is None or pd.isna(row["start"]) or row["end"] is None or pd.isna(row["end"]):
            continue
        start, end = pd.Timestamp(row["start"]).date(), pd.Timestamp(row["end"]).date()
        if (end - start).days + 1 > max_span_days:
            continue
        words = _content_words(row.get("event"), row.get("sentence"))
        best = None
        for event in events.itertuples(index=False):
            gap = _gap_days(start, end, event.start, event.end)
            shared = words & event_words[event.event_id]
            score = sum(weight[word] for word in shared)
            if gap <= tolerance_days and score >= min_score and (best is None or (score, -gap) > best[0]):
                best = ((score, -gap), event, shared)
        record = {"row": index, "article": row.get("article"), "expression": row["expression"],
                  "event": row.get("event"), "start": start, "end": end}
        if best is None:
            records.append({**record, "outcome": "unmatched"})
            continue
        _, event, shared = best
        found.add(event.event_id)
        records.append({**record, "outcome": "found", "event_id": event.event_id,
                        "what_happened": event.what_happened, "event_start": event.start, "event_end": event.end,
                        "start_off_days": (start - event.start).days, "end_off_days": (end - event.end).days,
                        "shared_words": ", ".join(sorted(shared))})
    for event in events.itertuples(index=False):
        if event.event_id not in found:
            records.append({"outcome": "missed", "event_id": event.event_id, "what_happened": event.what_happened,
                            "event_start": event.start, "event_end": event.end})
    columns = ["outcome", "event_id", "what_happened", "event_start", "event_end", "row", "article", "expression",
               "event", "start", "end", "start_off_days", "end_off_days", "shared_words"]
    result = pd.DataFrame(records, columns=columns)
    order = {"found": 0, "missed": 1, "unmatched": 2}
    result = result.sort_values(["outcome", "event_id", "row"], key=lambda s: s.map(order) if s.name == "outcome"
                                else s, na_position="last").reset_index(drop=True)
    return result.astype({"start_off_days": "Int64", "end_off_days": "Int64", "row": "Int64"})
