"""The bundled teaching corpus (a FICTIONAL war) and the documented real case, loadable from anywhere.

The files live in the repository's ``datasets/`` folder; an installed wheel carries a copy inside the package
(``dispatches/_datasets``). Every loader finds whichever is there, so notebooks work from any folder.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .article import Article
from .reading import read_article

FICTION_NOTE = ("The articles, outlets, people and events of this corpus are FICTION, written for teaching "
                "and modelled on the patterns of real war reporting.")
EXAMPLE = "hd_drones_acknowledged"


def data_dir() -> Path:
    """The datasets folder: the package's bundled copy, or the repository's ``datasets/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_datasets", here.parent / "datasets"):
        if (candidate / "annotations").is_dir():
            return candidate
    raise FileNotFoundError("The dispatches datasets were not found next to the package; reinstall it with "
                            "`pip install -e .` from a clone of the repository.")


@lru_cache(maxsize=None)
def _gold(name: str) -> dict:
    path = data_dir() / "annotations" / f"{name}.json"
    if not path.is_file():
        raise KeyError(f"No article called {name!r}; known: {', '.join(article_names())}")
    return json.loads(path.read_text(encoding="utf-8"))


def splits() -> pd.DataFrame:
    """The ``dev``/``test`` split of every corpus article (columns ``id``, ``split``)."""
    return pd.read_csv(data_dir() / "annotations" / "splits.csv")


def article_names(split: str | None = None) -> list[str]:
    """Names of the corpus articles, optionally only those of one split (``"dev"`` or ``"test"``)."""
    names = sorted(p.stem for p in (data_dir() / "annotations").glob("*.json"))
    if split is None or split == "all":
        return names
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev', 'test', 'all' or None, not {split!r}.")
    chosen = set(splits().query("split == @split")["id"])
    return [name for name in names if name in chosen]


def gold(name: str) -> dict:
    """The gold annotation of one corpus article (SPEC.md's format), as a dictionary."""
    return json.loads(json.dumps(_gold(name)))


def article(name: str) -> Article:
    """One corpus article, read with its gold publication date and outlet (web pastes carry neither)."""
    record = _gold(name)
    loaded = read_article(data_dir() / record["file"], published=record.get("published"), outlet=record.get("outlet"))
    loaded.meta["id"] = name
    return loaded


def articles(split: str | None = None) -> list[Article]:
    """The corpus articles (a fictional war), optionally one split only."""
    return [article(name) for name in article_names(split)]


def annotations() -> pd.DataFrame:
    """One row per corpus article: id, file, outlet, form, published, headline and split."""
    rows = [{key: record.get(key) for key in ("id", "file", "outlet", "form", "published", "headline")}
            for record in map(_gold, article_names())]
    frame = pd.DataFrame(rows)
    return frame.merge(splits(), on="id", how="left") if len(frame) else frame


def events() -> pd.DataFrame:
    """The ground truth of the fictional war: what really happened, with start and end dates."""
    return pd.read_csv(data_dir() / "scenario" / "events.csv", parse_dates=["start", "end"])


def outlets() -> pd.DataFrame:
    """The fictional outlets: name, country, ownership, stance and kind."""
    return pd.read_csv(data_dir() / "scenario" / "outlets.csv")


def real_case(name: str = "karabakh_2020_drones") -> pd.DataFrame:
    """A documented real case: dated reports with outlet, URL, who is cited, status and a paraphrase."""
    path = data_dir() / "real_cases" / f"{name}.csv"
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.csv"))
        raise KeyError(f"No real case called {name!r}; known: {', '.join(known)}")
    return pd.read_csv(path, parse_dates=["date"])


def example_article() -> Article:
    """The bundled example: a web paste shaped like the report the project started from."""
    return article(EXAMPLE)
