"""Profiles across several articles: which kinds of source each outlet leans on, and how firmly it states claims."""
from __future__ import annotations

import pandas as pd

from .sources import SOURCE_TYPES, find_sources

TYPE_COLOURS = {"official": "#1f77b4", "expert": "#2ca02c", "witness": "#ff7f0e", "anonymous": "#7f7f7f",
                "unnamed_group": "#bcbd22", "social_media": "#9467bd", "media": "#17becf", "document": "#8c564b"}


def _labelled(articles) -> list[tuple[str, object]]:
    """Accept a list of Articles or a dict {label: Article}; label each by its name, headline or position."""
    if isinstance(articles, dict):
        return list(articles.items())
    if hasattr(articles, "sentences"):
        articles = [articles]
    labelled = []
    for position, article in enumerate(articles, start=1):
        label = getattr(article, "meta", {}).get("id") or article.headline or f"article {position}"
        labelled.append((label, article))
    return labelled


def _attributions(article) -> pd.DataFrame:
    """An article's sources without the rows that only continue an earlier quotation."""
    frame = article.sources() if hasattr(article, "sources") else find_sources(article)
    return frame[~frame["cue"].str.startswith("continuation", na=False)]


def source_profile(articles, by: str = "article") -> pd.DataFrame:
    """Count each article's (or outlet's) sources by type, on/off the record and party.

    One row per article (``by="article"``) or per outlet (``by="outlet"``): ``sources`` (attributions, without
    quotation continuations), one column per source type, ``on_record``, ``off_record``, ``share_anonymous``
    (anonymous plus unnamed groups, as a share of all) and one ``party: <name>`` column per side quoted.
    """
    if by not in ("article", "outlet"):
        raise ValueError("by= must be 'article' or 'outlet'.")
    rows = []
    for label, article in _labelled(articles):
        frame = _attributions(article)
        row = {"article": label, "outlet": article.outlet or "(unknown outlet)", "sources": len(frame)}
        row.update({kind: int((frame["source_type"] == kind).sum()) for kind in SOURCE_TYPES})
        row["on_record"] = int(frame["on_record"].sum())
        row["off_record"] = len(frame) - row["on_record"]
        for party, count in frame["party"].dropna().value_counts().items():
            row[f"party: {party}"] = int(count)
        rows.append(row)
    table = pd.DataFrame(rows, columns=["article", "outlet", "sources", *SOURCE_TYPES, "on_record", "off_record"])
    party_columns = sorted({key for row in rows for key in row if key.startswith("party: ")})
    for column in party_columns:
        table[column] = [row.get(column, 0) for row in rows]
    if by == "outlet":
        table = table.drop(columns="article").groupby("outlet", as_index=False).sum(numeric_only=True)
    unsure = (table["anonymous"] + table["unnamed_group"])
    table.insert(table.columns.get_loc("off_record") + 1, "share_anonymous",
                 (unsure / table["sources"].where(table["sources"] > 0)).fillna(0.0).round(3))
    return table


def _plot_shares(table: pd.DataFrame, colours: dict, total_column: str, xlabel: str, title: str):
    """One horizontal bar per row of ``table``, split into the share of each column named in ``colours``."""
    import matplotlib.pyplot as plt

    label_column = "article" if "article" in table.columns else "outlet"
    labels = [str(label)[:50] for label in table[label_column]]
    totals = table[total_column].where(table[total_column] > 0, 1)
    figure, axes = plt.subplots(figsize=(10, 0.5 * len(table) + 1.8))
    left = pd.Series(0.0, index=table.index)
    for column, colour in colours.items():
        share = table[column] / totals
        axes.barh(labels, share, left=left, color=colour, label=column.replace("_", " "))
        left += share
    axes.set_xlim(0, 1)
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    axes.invert_yaxis()
    axes.legend(fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    figure.tight_layout()
    return figure


def plot_source_profile(table: pd.DataFrame, title: str = "Who speaks in each report"):
    """A horizontal stacked bar per row of a :func:`source_profile` table: the share of each source type."""
    return _plot_shares(table, {kind: TYPE_COLOURS[kind] for kind in SOURCE_TYPES}, "sources",
                        "share of attributions", title)


STATUS_COLOURS = {"confirmed": "#2ca02c", "unattributed": "#c7c7c7", "claimed": "#1f77b4", "reported": "#17becf",
                  "speculated": "#ff7f0e", "denied": "#d62728"}


def certainty_profile(articles, by: str = "article") -> pd.DataFrame:
    """Count each article's (or outlet's) sentences by claim status (see :mod:`dispatches.claims`).

    One row per article (``by="article"``) or per outlet (``by="outlet"``): ``sentences`` (headline,
    standfirst, captions and body), one column per status in SPEC.md's order, and ``share_firm`` (confirmed
    plus unattributed) and ``share_hedged`` (speculated plus reported), as shares of all sentences.
    """
    from .claims import STATUSES, classify_claims

    if by not in ("article", "outlet"):
        raise ValueError("by= must be 'article' or 'outlet'.")
    rows = []
    for label, article in _labelled(articles):
        claims = article.claims() if hasattr(article, "claims") else classify_claims(article)
        row = {"article": label, "outlet": article.outlet or "(unknown outlet)", "sentences": len(claims)}
        row.update({status: int((claims["status"] == status).sum()) for status in STATUSES})
        rows.append(row)
    table = pd.DataFrame(rows, columns=["article", "outlet", "sentences", *STATUSES])
    if by == "outlet":
        table = table.drop(columns="article").groupby("outlet", as_index=False).sum(numeric_only=True)
    total = table["sentences"].where(table["sentences"] > 0)
    table["share_firm"] = ((table["confirmed"] + table["unattributed"]) / total).fillna(0.0).round(3)
    table["share_hedged"] = ((table["speculated"] + table["reported"]) / total).fillna(0.0).round(3)
    return table


def plot_certainty_profile(table: pd.DataFrame, title: str = "How firmly each report states its claims"):
    """A horizontal stacked bar per row of a :func:`certainty_profile` table: the share of each status."""
    return _plot_shares(table, STATUS_COLOURS, "sentences", "share of sentences", title)
