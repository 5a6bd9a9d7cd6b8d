"""Read Markdown or text with YAML front matter: the format of the project's own dataset articles.

Keys understood: ``headline``, ``standfirst``, ``outlet``, ``published``, ``updated``, ``byline``, ``dateline``,
``captions`` (a list); any other key (``form``, ``fiction``, ...) is kept in ``Article.meta``.
"""
from __future__ import annotations

import re

import yaml

from .dates import parse_published
from .layout import ArticleParts, lift_dateline, split_furniture

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_LIST_LINE = re.compile(r"\n(?!\s*(?:[-*\u2022]|\d+[.)])\s)")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data as SafeLoader gives
KNOWN_KEYS = {"headline", "standfirst", "outlet", "published", "updated", "byline", "dateline", "captions"}


def has_front_matter(text: str) -> bool:
    """True when ``text`` opens with a ``---`` YAML block."""
    return bool(_FRONT_MATTER.match(text))


def _date(meta: dict, key: str):
    try:
        return parse_published(meta.get(key))
    except ValueError:
        raise ValueError(f"The front matter's {key}: {meta.get(key)!r} is not a date; write it as YYYY-MM-DD.")


def _load_yaml(block: str):
    """The YAML block's data, read by PyYAML's C parser when it is installed (ten times faster); an error is
    raised by the pure-Python parser, whose message shows the faulty line, the same on every machine."""
    try:
        return yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(block)


def parse_front_matter(text: str) -> ArticleParts:
    """Split the YAML block from the body and build the article's parts from both."""
    match = _FRONT_MATTER.match(text)
    try:
        meta = _load_yaml(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"The front matter (between the --- lines) is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError("The front matter (between the --- lines) must be 'key: value' lines.")
    body = text[match.end():].replace("\r\n", "\n")
    chunks = [_LIST_LINE.sub(" ", chunk.strip()) for chunk in re.split(r"\n\s*\n", body) if chunk.strip()]
    headline = meta.get("headline")
    if not headline and chunks and chunks[0].startswith("# "):
        headline, chunks = chunks[0][2:].strip(), chunks[1:]
    kept, removed = split_furniture(chunks)
    captions = meta.get("captions") or []
    parts = ArticleParts(
        headline=str(headline).strip() if headline else None,
        standfirst=str(meta["standfirst"]).strip() if meta.get("standfirst") else None,
        captions=[str(c).strip() for c in ([captions] if isinstance(captions, str) else captions)],
        byline=str(meta["byline"]).strip() if meta.get("byline") else None,
        dateline=str(meta["dateline"]).strip() if meta.get("dateline") else None,
        paragraphs=kept,
        removed=removed,
        outlet=str(meta["outlet"]).strip() if meta.get("outlet") else None,
        published=_date(meta, "published"),
        updated=_date(meta, "updated"),
        meta={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
    )
    front_dateline = parts.dateline
    lift_dateline(parts)
    parts.dateline = front_dateline or parts.dateline
    return parts
