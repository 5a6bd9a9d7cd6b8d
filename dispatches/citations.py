"""Who cites whom: trace each attribution to the origin a report says it rests on, and draw the web of citations.

An origin is what a sentence's source comes down to: another outlet ("told Kanal Brenn", "according to
Meridian Wire"), a social-media account ("@FrontlineMonitor"), a named official or expert, anonymous sources
of one outlet, a document, or the outlet's own reporting. Vague sources ("according to reports", "online
sources") name no origin; :mod:`dispatches.crosscheck` traces them through the other sources the same article
gives for the same claim.

    edges = dp.citation_graph(articles)      # one row per (citing outlet, cited origin)
    dp.plot_citation_graph(edges)            # a two-column matplotlib figure: who (left) cites whom (right)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .actors import scenario_kinds
from .lexicons import load_table, load_words
from .text import normalise

HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
DETERMINERS = ("a", "an", "the", "some", "several", "many", "its", "his", "her", "their", "one", "two", "three")
SINGULAR_SOCIAL = re.compile(r"\b(account|post|channel|user|blogger)\b", re.IGNORECASE)
KIND_OF_TYPE = {"official": "official", "expert": "expert", "witness": "witness", "anonymous": "anonymous",
                "document": "document", "unnamed_group": "group", "media": "outlet", "social_media": "account"}
EDGE_COLUMNS = ["citing", "cited", "cited_kind", "mentions", "articles", "first", "last"]


@dataclass(frozen=True)
class Origin:
    """What a report rests on: ``name`` (None for a vague source) and ``kind``.

    Kinds: outlet, account, official, expert, witness, anonymous, document, group, own reporting, unnamed.
    """

    name: str | None
    kind: str

    @property
    def vague(self) -> bool:
        return self.name is None


def article_name(article, index: int = 0) -> str:
    """A short name for an article: its file name when it was read from a file, else outlet and number."""
    path = (getattr(article, "meta", None) or {}).get("path")
    if path:
        return Path(path).stem
    return f"{article.outlet or 'article'} #{index + 1}"


@lru_cache(maxsize=None)
def _lexicon_outlets() -> tuple[str, ...]:
    media = [word for word in load_words("sources_media.txt") if word[:1].isupper()]
    scenario = [name for name, kind in scenario_kinds().items() if kind in ("outlet", "account")]
    return tuple(media + scenario)


@lru_cache(maxsize=None)
def _scenario_canonical() -> dict[str, str]:
    """Alias -> canonical name for the scenario's people, outlets and accounts."""
    canonical = {}
    for row in load_table("actors_scenario.csv"):
        if row["kind"] in ("person", "outlet", "account", "organisation"):
            for alias in [row["name"], *[a.strip() for a in row.get("aliases", "").split("|") if a.strip()]]:
                canonical.setdefault(alias, row["name"])
    return canonical


class OutletNames:
    """Finds outlet names in a source phrase and maps them to one spelling (articles' own outlets first)."""

    def __init__(self, articles=()):
        names = {}
        for name in [a.outlet for a in articles if a.outlet] + list(_lexicon_outlets()):
            for variant in {name, re.sub(r"^The ", "", name)}:
                names.setdefault(variant, _scenario_canonical().get(name, name))
        self.names = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w@])(" + "|".join(map(re.escape, ordered)) + r")(?!\w)") if ordered else None

    def find(self, phrase: str) -> str | None:
        found = self.pattern.search(phrase) if self.pattern and phrase else None
        return self.names[found.group(1)] if found else None


def _strip_determiners(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def is_vague(phrase: str) -> bool:
    """True when a source phrase names no origin: "reports", "online sources", "a popular account"."""
    vague = set(load_words("crosscheck_vague_sources.txt"))
    words = re.findall(r"[\w'-]+", _strip_determiners(phrase).lower())
    return bool(words) and all(word in vague for word in words)


def _person(phrase: str) -> str | None:
    canonical = _scenario_canonical()
    for alias in sorted(canonical, key=len, reverse=True):
        if re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", phrase):
            return canonical[alias]
    return None


def resolve_source(source: str, source_type: str, article, outlets: OutletNames, refers_to=None) -> Origin:
    """The origin one attribution points to (a vague source gives ``Origin(None, kind)``)."""
    phrase = normalise(str(refers_to if isinstance(refers_to, str) and refers_to else source)).strip()
    handle = HANDLE.search(phrase)
    if handle:
        return Origin(handle.group(0), "account")
    outlet = outlets.find(phrase)
    named_outright = outlet is not None and outlets.names.get(_strip_determiners(phrase)) == outlet
    if source_type in ("media", "social_media") or named_outright:
        if outlet:
            if outlet == article.outlet:
                return Origin(f"{outlet} (own reporting)", "own reporting")
            return Origin(outlet, "account" if outlet.startswith("@") or outlet == "Frontline Monitor" else "outlet")
        if source_type == "social_media":
            handles = article_handles(article)
            if len(handles) == 1 and SINGULAR_SOCIAL.search(phrase) and not is_vague_plural(phrase):
                return Origin(handles[0], "account")
        if source_type == "media" and not is_vague(phrase):
            return Origin(_strip_determiners(phrase), "outlet")
        return Origin(None, "account" if source_type == "social_media" else "outlet")
    if is_vague(phrase):
        return Origin(None, "unnamed")
    if source_type == "anonymous":
        return Origin(f"anonymous sources ({article.outlet or 'this outlet'})", "anonymous")
    person = _person(phrase) if source_type in ("official", "expert", "witness") else None
    return Origin(person or _named_person(phrase) or _strip_determiners(phrase.split(",")[0]),
                  KIND_OF_TYPE.get(source_type, "unnamed"))


def _named_person(phrase: str) -> str | None:
    """The name in "The regional governor, Ilse Marten" or "Defence Minister Lena Sorvik", titles dropped."""
    titles = set(load_words("crosscheck_titles.txt"))
    parts = phrase.split(",")
    for position, part in reversed(list(enumerate(parts))):
        run = []
        for word in part.split():
            run = run + [word] if word[:1].isupper() and word.isalpha() or word in titles else []
        if run and (run[0] in titles or position > 0):
            name = [word for word in run if word not in titles]
            if len(name) >= 2:
                return " ".join(name)
    return None


def is_vague_plural(phrase: str) -> bool:
    """True for a crowd of accounts ("users", "channels", "bloggers"), which no single handle stands for."""
    return bool(re.search(r"\b(accounts|posts|channels|users|bloggers)\b", phrase, re.IGNORECASE))


def article_handles(article) -> list[str]:
    """The distinct social-media handles an article names, in order of first mention."""
    return list(dict.fromkeys(HANDLE.findall(normalise(article.text))))


def report_origins(article, outlets: OutletNames | None = None) -> pd.DataFrame:
    """One row per attribution of an article with the origin it resolves to (``origin`` None when vague)."""
    outlets = outlets or OutletNames([article])
    rows = []
    for row in article.sources().itertuples(index=False):
        origin = resolve_source(row.source, row.source_type, article, outlets, getattr(row, "refers_to", None))
        rows.append({"sentence_id": row.sentence_id, "source": row.source, "source_type": row.source_type,
                     "cue": row.cue, "origin": origin.name, "origin_kind": origin.kind})
    return pd.DataFrame(rows, columns=["sentence_id", "source", "source_type", "cue", "origin", "origin_kind"])


def citation_graph(articles, kinds=("outlet", "account", "official"), captions: bool = False) -> pd.DataFrame:
    """Who cites whom: one row per (citing outlet, cited origin) with how often and in which articles.

    ``kinds`` chooses the cited origins kept (outlet, account, official, expert, witness, anonymous, document,
    group); vague sources and unresolved pronouns ("he", "the president") are left out, and so are photo
    credits in captions unless ``captions=True``. Columns: citing, cited, cited_kind, mentions, articles, first, last.
    """
    articles = list(articles)
    outlets = OutletNames(articles)
    rows = []
    for index, article in enumerate(articles):
        skipped = set() if captions else set(article.sentences.loc[article.sentences["part"] == "caption", "sentence_id"])
        for row in report_origins(article, outlets).itertuples(index=False):
            if row.sentence_id in skipped:
                continue
            unresolved = isinstance(row.origin, str) and " " not in row.origin and row.origin.islower()
            if isinstance(row.origin, str) and row.origin_kind in kinds and not unresolved:
                rows.append({"citing": article.outlet or article_name(article, index), "cited": row.origin,
                             "cited_kind": row.origin_kind, "article": article_name(article, index),
                             "published": article.published})
    if not rows:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    frame = pd.DataFrame(rows)
    edges = (frame.groupby(["citing", "cited", "cited_kind"], sort=False)
             .agg(mentions=("article", "size"),
                  articles=("article", lambda names: ", ".join(dict.fromkeys(names))),
                  first=("published", lambda d: min((x for x in d if x), default=None)),
                  last=("published", lambda d: max((x for x in d if x), default=None)))
             .reset_index())
    return edges.sort_values(["cited_kind", "mentions"], ascending=[True, False], ignore_index=True)[EDGE_COLUMNS]


KIND_COLOURS = {"outlet": "#1f77b4", "account": "#d62728", "official": "#2ca02c", "expert": "#9467bd",
                "witness": "#8c564b", "anonymous": "#7f7f7f", "document": "#bcbd22", "group": "#17becf"}


def plot_citation_graph(edges: pd.DataFrame, max_cited: int = 25, ax=None):
    """Draw a citation table as two columns: citing outlets on the left, what they cite on the right.

    An arrow's width grows with the number of mentions; the right-hand names are coloured by kind (outlet,
    account, official...). An outlet that both cites and is cited appears in both columns, so an echo chain
    reads left to right and back again. Only the ``max_cited`` most cited names are drawn. Returns the Figure.
    """
    import matplotlib.pyplot as plt

    totals = edges.groupby(["cited", "cited_kind"])["mentions"].sum().sort_values(ascending=False)
    kept = totals.head(max_cited)
    cited = sorted(kept.index, key=lambda item: (list(KIND_COLOURS).index(item[1])
                                                 if item[1] in KIND_COLOURS else 99, item[0]))
    shown = edges[edges["cited"].isin([name for name, _ in cited])]
    citing = sorted(shown["citing"].unique())
    height = max(len(cited), len(citing), 3)
    if ax is None:
        fig, ax = plt.subplots(figsize=(10, 0.38 * height + 1.5))
    else:
        fig = ax.figure
    left = {name: height - (i + 0.5) * height / max(len(citing), 1) for i, name in enumerate(citing)}
    right = {name: height - (i + 0.5) * height / len(cited) for i, (name, _) in enumerate(cited)}
    for row in shown.itertuples(index=False):
        ax.annotate("", xy=(0.62, right[row.cited]), xytext=(0.38, left[row.citing]),
                    arrowprops={"arrowstyle": "->", "lw": min(0.8 + 0.9 * row.mentions ** 0.5, 5.0), "alpha": 0.55,
                                "color": KIND_COLOURS.get(row.cited_kind, "#555555")})
    for name, y in left.items():
        ax.text(0.36, y, name, ha="right", va="center", fontsize=9, fontweight="bold")
    for name, kind in cited:
        ax.text(0.64, right[name], f"{name}", ha="left", va="center", fontsize=9,
                color=KIND_COLOURS.get(kind, "#333333"))
    for kind in (k for k in KIND_COLOURS if k in {kind for _, kind in cited}):
        ax.plot([], [], color=KIND_COLOURS[kind], lw=3, label=kind)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.08), ncol=6, frameon=False, fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.2, height + 0.2)
    ax.axis("off")
    ax.set_title("Who cites whom: reporting outlets (left) and the origins they cite (right)", fontsize=10)
    fig.tight_layout()
    return fig
