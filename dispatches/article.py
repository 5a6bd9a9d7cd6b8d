"""The Article: one report, cleaned and split into parts and sentences, with its analyses one call away."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from .dates import parse_published
from .frames import typed_frame
from .frontmatter import has_front_matter, parse_front_matter
from .layout import ArticleParts, lift_dateline, parse_paste
from .sentences import split_sentences
from .text import normalise

SENTENCE_COLUMNS = ["sentence_id", "part", "paragraph", "start", "end", "text", "norm"]
_COLUMN_TYPES = {"sentence_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64"}
# pandas 3 copies a frame's data only when one of its copies is written to (copy on write), so a caller may
# get a shallow copy of a cached analysis and change it freely; pandas 2 shares the data, so it needs a deep one.
_DEEP_COPIES = int(pd.__version__.split(".")[0]) < 3


def looks_like_html(text: str) -> bool:
    """True when pasted text is an HTML page rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _sentence_frame(blocks: list[tuple[str, str]]) -> tuple[str, pd.DataFrame]:
    """Join (part, block) pairs into the article text and list its sentences with offsets."""
    rows, pieces, offset = [], [], 0
    for paragraph, (part, block) in enumerate(blocks):
        spans = [(0, len(block))] if part in ("headline", "byline") else split_sentences(block)
        for start, end in spans:
            rows.append((len(rows), part, paragraph, offset + start, offset + end, block[start:end],
                         normalise(block[start:end])))
        pieces.append(block)
        offset += len(block) + 2
    columns = list(zip(*rows)) if rows else [()] * len(SENTENCE_COLUMNS)
    return "\n\n".join(pieces), typed_frame(dict(zip(SENTENCE_COLUMNS, columns)), _COLUMN_TYPES)


@dataclass(frozen=True, eq=False)
class Article:
    """A news report: its parts, its cleaned text and its sentences (see SPEC.md for the columns)."""

    headline: str | None
    standfirst: str | None
    byline: str | None
    dateline: str | None
    outlet: str | None
    published: dt.date | None
    captions: list[str]
    text: str
    removed: list[str]
    sentences: pd.DataFrame = field(repr=False)
    updated: dt.date | None = None
    meta: dict = field(default_factory=dict, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_parts(cls, parts: ArticleParts, published=None, outlet: str | None = None) -> "Article":
        """Build an Article from what a reader found; ``published`` and ``outlet`` given here win."""
        published = parse_published(published)
        if published is None:
            published = parts.published or parts.meta.get("dateline_date") or parts.meta.get("page_date")
        blocks = [("headline", parts.headline)] if parts.headline else []
        blocks += [("standfirst", parts.standfirst)] if parts.standfirst else []
        blocks += [("caption", caption) for caption in parts.captions]
        blocks += [("byline", parts.byline)] if parts.byline else []
        blocks += [("body", paragraph) for paragraph in parts.paragraphs]
        if not any(part == "body" for part, _ in blocks):
            raise ValueError("No story paragraphs were found: the text holds only a headline or page furniture. "
                             "Paste the whole article, paragraphs included.")
        text, sentences = _sentence_frame(blocks)
        meta = {k: v for k, v in parts.meta.items() if v is not None}
        return cls(headline=parts.headline, standfirst=parts.standfirst, byline=parts.byline,
                   dateline=parts.dateline, outlet=outlet or parts.outlet, published=published,
                   captions=list(parts.captions), text=text, removed=list(parts.removed), sentences=sentences,
                   updated=parts.updated, meta=meta)

    @classmethod
    def from_text(cls, text: str, published=None, headline: str | None = None,
                  outlet: str | None = None) -> "Article":
        """Read an article from a string: a web paste, Markdown with front matter, or an HTML page."""
        if not isinstance(text, str):
            raise TypeError(f"Article.from_text needs the article as a string, not {type(text).__name__}.")
        if not text.strip():
            raise ValueError("The article text is empty: paste the article, or give read_article a file path.")
        published = parse_published(published)
        if has_front_matter(text):
            parts = parse_front_matter(text)
        elif looks_like_html(text):
            from .html_page import parse_html  # trafilatura is imported only when a page needs it
            parts = parse_html(text)
        else:
            parts = parse_paste(text, headline=headline)
            lift_dateline(parts)
        if headline:
            parts.headline = headline.strip()
        return cls.from_parts(parts, published=published, outlet=outlet)

    @property
    def body(self) -> str:
        """The story paragraphs alone, separated by blank lines."""
        rows = self.sentences[self.sentences["part"] == "body"]
        return self.text[rows["start"].min():rows["end"].max()] if len(rows) else ""

    def _cached(self, name: str, compute) -> pd.DataFrame:
        """The frame computed once per article; callers inside this class must not modify it."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def _sources(self) -> pd.DataFrame:
        from .sources import find_sources
        return self._cached("sources", lambda: find_sources(self))

    def _claims(self) -> pd.DataFrame:
        from .claims import classify_claims
        return self._cached("claims", lambda: classify_claims(self, sources=self._sources()))

    def _timeline(self) -> pd.DataFrame:
        from .timeline import build_timeline
        return self._cached("timeline", lambda: build_timeline(self, claims=self._claims()))

    def sources(self, actors=None) -> pd.DataFrame:
        """Who speaks: one row per attribution (see :func:`dispatches.sources.find_sources`)."""
        if actors is not None:
            from .sources import find_sources
            return find_sources(self, actors=actors)
        return self._sources().copy(deep=_DEEP_COPIES)

    def claims(self) -> pd.DataFrame:
        """How firmly: one row per sentence (see :func:`dispatches.claims.classify_claims`)."""
        return self._claims().copy(deep=_DEEP_COPIES)

    def timeline(self) -> pd.DataFrame:
        """When: one row per time expression (see :func:`dispatches.timeline.build_timeline`)."""
        return self._timeline().copy(deep=_DEEP_COPIES)

    def headline_check(self) -> pd.DataFrame:
        """Headline, standfirst and captions against the body (see :mod:`dispatches.headline_check`)."""
        from .headline_check import headline_check
        return self._cached("headline_check",
                            lambda: headline_check(self, claims=self._claims(), sources=self._sources())
                            ).copy(deep=_DEEP_COPIES)

    def show(self, what: str = "sources"):
        """The article as highlighted HTML: ``"sources"``, ``"claims"`` or ``"timeline"``."""
        from . import display
        views = {"sources": (display.show_sources, self.sources), "claims": (display.show_claims, self.claims),
                 "timeline": (display.show_timeline, self.timeline)}
        if what not in views:
            raise ValueError(f"show() takes one of {', '.join(views)}, not {what!r}.")
        draw, analyse = views[what]
        return draw(self, analyse())

    def __repr__(self) -> str:
        return (f"Article(headline={self.headline!r}, outlet={self.outlet!r}, published={self.published}, "
                f"sentences={len(self.sentences)})")
