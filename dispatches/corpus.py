"""Many articles at once: the three analyses over a corpus, in parallel processes, stacked into three frames.

    import dispatches as dp
    result = dp.analyze_corpus(["a.txt", "b.html"])        # paths, Articles, or a frame with a `text` column
    result.sources, result.claims, result.timeline          # each with an `article` column first
    sources, claims, timeline = result                      # or unpack the three frames

One machine uses its cores through ``concurrent.futures``. A corpus larger than one machine is split into
partitions by an existing engine; :func:`analyze_one` is the unit to map and :func:`combine` joins the pieces
(it is associative, so pieces may be combined per partition first)::

    import dask.bag as db
    from dispatches.corpus import analyze_one, combine
    pieces = db.from_sequence(paths, npartitions=64).map(analyze_one).compute()
    result = combine(pieces)
"""
from __future__ import annotations

import dataclasses
import importlib
import os
import sys
import time
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .dates import parse_published
from .layout import DispatchesWarning

FRAMES = ("sources", "claims", "timeline")
IN_PROCESS_BELOW = 20   # with fewer articles, starting worker processes costs more than it saves
PROGRESS_ABOVE = 50     # the progress line appears by itself on longer runs (when stderr is a terminal)


@dataclasses.dataclass
class CorpusAnalysis:
    """The analyses of many articles: one row per article in ``articles``, an ``article`` column in the rest.

    ``notes`` lists the warnings the analysers gave (one row per article and message). Unpacking yields the
    three analyses: ``sources, claims, timeline = result``.
    """

    articles: pd.DataFrame
    sources: pd.DataFrame
    claims: pd.DataFrame
    timeline: pd.DataFrame
    notes: pd.DataFrame

    def __iter__(self):
        return iter((self.sources, self.claims, self.timeline))

    def __repr__(self) -> str:
        return (f"CorpusAnalysis(articles={len(self.articles)}, sources={len(self.sources)}, "
                f"claims={len(self.claims)}, timeline={len(self.timeline)}, notes={len(self.notes)})")


ARTICLE_COLUMNS = ["article", "outlet", "published", "headline", "sentences", "words", "path"]
NOTE_COLUMNS = ["article", "category", "message"]


def _columns(name: str) -> list[str]:
    return ["article"] + importlib.import_module(f"{__package__}.{name}").COLUMNS


def empty() -> CorpusAnalysis:
    """A corpus analysis with no articles: every frame empty, with its columns."""
    return CorpusAnalysis(pd.DataFrame(columns=ARTICLE_COLUMNS),
                          *(pd.DataFrame(columns=_columns(name)) for name in FRAMES),
                          pd.DataFrame(columns=NOTE_COLUMNS))


def _is_path(item) -> bool:
    return isinstance(item, os.PathLike) or isinstance(item, str)


def default_name(item, position: int = 0) -> str:
    """The ``article`` label of an input: a file's name without extension, a mapping's ``article`` entry, an
    Article's file name or headline, else ``article N`` from its position."""
    if _is_path(item):
        return Path(item).stem
    if isinstance(item, Mapping):
        return f"article {position + 1}" if _missing(item.get("article")) else str(item["article"])
    from .timelines import article_name
    return article_name(item, position)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _article(item, published):
    """The Article for one input: read a path, build from a mapping's ``text``, or re-date a given Article."""
    from .article import Article
    from .reading import read_article
    if _is_path(item):
        if isinstance(item, str) and "\n" in item:
            raise ValueError("analyze_corpus and analyze_one read a string as a file path, and this one holds "
                             "line breaks, so it looks like article text: pass texts as a DataFrame with a "
                             "`text` column, or as Articles (dp.Article.from_text).")
        return read_article(item, published=published)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise ValueError(f"An article given as a mapping needs a 'text' entry; this one has "
                             f"{', '.join(map(repr, item)) or 'nothing'}.")
        if published is None and not _missing(item.get("published")):
            published = item["published"]
        return Article.from_text(item["text"], published=published,
                                 outlet=None if _missing(item.get("outlet")) else item["outlet"])
    if isinstance(item, Article):
        if published is None:
            return item
        return dataclasses.replace(item, published=parse_published(published), meta=dict(item.meta), _cache={})
    raise TypeError(f"analyze_corpus takes file paths, Articles, or a DataFrame with a `text` column; "
                    f"not {type(item).__name__}.")


def analyze_one(item, published=None, name: str | None = None) -> CorpusAnalysis:
    """Read and analyse one article: the unit of work to map over a corpus (with any engine).

    ``item`` is a file path, an :class:`~dispatches.Article`, or a mapping such as a frame row with ``text``
    and optional ``published``, ``outlet`` and ``article`` entries. ``published`` wins over a date in the item;
    ``name`` (default: the file name without extension) fills the ``article`` column. The analysers'
    warnings are collected in ``notes`` rather than printed. Join results with :func:`combine`::

        import dask.bag as db
        pieces = db.from_sequence(paths, npartitions=64).map(analyze_one).compute()
        result = combine(pieces)
    """
    name = default_name(item) if name is None else name
    published = None if _missing(published) else parse_published(published)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = _article(item, published)
        except (ValueError, TypeError) as error:
            if _is_path(item):
                raise   # the reader's own message already names the file
            raise type(error)(f"article {name!r}: {error}") from error
        frames = [article.sources(), article.claims(), article.timeline()]
    for frame in frames:
        frame.insert(0, "article", name)
    overview = pd.DataFrame([{
        "article": name, "outlet": article.outlet, "published": article.published, "headline": article.headline,
        "sentences": len(article.sentences), "words": len(article.text.split()),
        "path": article.meta.get("path")}], columns=ARTICLE_COLUMNS)
    notes = pd.DataFrame([(name, w.category.__name__, str(w.message)) for w in caught], columns=NOTE_COLUMNS)
    return CorpusAnalysis(overview, *frames, notes)


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    filled = [frame for frame in frames if len(frame)]
    if not filled:
        return frames[0].iloc[0:0].reset_index(drop=True)
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0].reset_index(drop=True)


def combine(pieces) -> CorpusAnalysis:
    """Join the results of :func:`analyze_one` (or of earlier combines) in the order given."""
    pieces = list(pieces)
    if not pieces:
        return empty()
    return CorpusAnalysis(*(_stack([getattr(piece, field.name) for piece in pieces])
                            for field in dataclasses.fields(CorpusAnalysis)))


def analyze_chunk(tasks: list[tuple]) -> CorpusAnalysis:
    """Analyse ``(item, published, name)`` tasks one after another and combine them (one worker's share)."""
    return combine(analyze_one(item, published, name) for item, published, name in tasks)


def _inputs(paths_or_frame) -> list:
    if isinstance(paths_or_frame, pd.DataFrame):
        if "text" not in paths_or_frame.columns:
            raise ValueError(f"A frame of articles needs a `text` column (and may have `published`, `outlet` and "
                             f"`article`); this one has {', '.join(map(str, paths_or_frame.columns)) or 'none'}.")
        records = paths_or_frame.to_dict("records")
        if "article" not in paths_or_frame.columns:
            for record, label in zip(records, paths_or_frame.index):
                record["article"] = f"article {label}"
        return records
    if _is_path(paths_or_frame) or hasattr(paths_or_frame, "sentences"):
        return [paths_or_frame]
    return list(paths_or_frame)


def _dates(published, count: int) -> list:
    if published is None or isinstance(published, str) or not hasattr(published, "__iter__"):
        return [published] * count
    dates = list(published)
    if len(dates) != count:
        raise ValueError(f"published= holds {len(dates)} dates for {count} articles: give one date for all, "
                         f"or one per article in the same order.")
    return dates


def unique_names(names: list[str]) -> list[str]:
    """Names made distinct by numbering repeats: ``x``, ``x (2)``, ``x (3)``."""
    seen: Counter = Counter()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


class _Progress:
    """A one-line progress count on stderr, rewritten in place."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.enabled, self.began = total, 0, enabled, time.perf_counter()

    def advance(self, count: int) -> None:
        self.done += count
        if self.enabled:
            rate = self.done / max(time.perf_counter() - self.began, 1e-9)
            sys.stderr.write(f"\ranalysing articles: {self.done}/{self.total} ({rate:.0f}/s)")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _workers(workers: int | None, count: int) -> int:
    if workers is None:
        return 1 if count < IN_PROCESS_BELOW else min(os.cpu_count() or 1, count)
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (or None for all cores), "
                         f"not {workers!r}.")
    return workers


def analyze_corpus(paths_or_frame, workers: int | None = None, published=None, progress: bool | None = None,
                   chunksize: int | None = None) -> CorpusAnalysis:
    """Sources, claims and timeline of many articles, each frame with an ``article`` column.

    ``paths_or_frame`` is a list of file paths, a list of Articles, or a DataFrame with a ``text`` column and
    optional ``published``, ``outlet`` and ``article`` columns (without ``article``, rows are named from the
    index). ``published`` is one date for every article or one per article, and wins over dates in the
    inputs. ``workers`` is the number of processes: None uses every core (in-process for under 20 articles),
    1 runs in this process. ``progress`` shows a count on stderr; by default only for more than 50 articles
    when stderr is a terminal. Repeated names get a number: ``x``, ``x (2)``. Warnings from the analysers are
    gathered in ``notes`` and summed up in one warning.
    """
    items = _inputs(paths_or_frame)
    names = unique_names([default_name(item, i) for i, item in enumerate(items)])
    tasks = list(zip(items, _dates(published, len(items)), names))
    workers = _workers(workers, len(tasks))
    if progress is None:
        progress = len(tasks) > PROGRESS_ABOVE and sys.stderr.isatty()
    if chunksize is None:
        chunksize = max(1, min(25, -(-len(tasks) // (workers * 4))))
    chunks = [tasks[i:i + chunksize] for i in range(0, len(tasks), chunksize)]
    meter = _Progress(len(tasks), progress)
    try:
        if workers == 1:
            pieces = []
            for chunk in chunks:
                pieces.append(analyze_chunk(chunk))
                meter.advance(len(chunk))
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed  # only runs that use processes pay
            pieces = [None] * len(chunks)
            with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
                running = {pool.submit(analyze_chunk, chunk): i for i, chunk in enumerate(chunks)}
                for future in as_completed(running):
                    pieces[running[future]] = future.result()
                    meter.advance(len(chunks[running[future]]))
    finally:
        meter.close()
    result = combine(pieces)
    _summarise_notes(result.notes)
    return result


def _summarise_notes(notes: pd.DataFrame) -> None:
    if not len(notes):
        return
    first = notes.iloc[0]
    count = notes["article"].nunique()
    warnings.warn(f"{count} article{'s' if count > 1 else ''} gave warnings, for example {first['article']}: "
                  f"{first['message']} (all of them are in the result's `notes` frame)",
                  DispatchesWarning, stacklevel=3)
