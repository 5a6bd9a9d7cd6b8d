"""A reading report for one article, as plain text for the terminal: parts, sources, claims and timeline."""
from __future__ import annotations

import textwrap

import pandas as pd

from .article import Article

WIDTH = 100


def _table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "  (none found)"
    shown = frame[columns].astype(object).where(frame[columns].notna(), "")
    with pd.option_context("display.max_colwidth", 48, "display.width", WIDTH, "display.max_rows", 500):
        return textwrap.indent(shown.to_string(index=False), "  ")


def _findings(findings: pd.DataFrame) -> list[str]:
    """Each headline-check finding as a wrapped paragraph (the explanations are sentences, not cells)."""
    if findings.empty:
        return ["  (no finding: headline, standfirst and captions are no firmer than the body)"]
    lines = []
    for row in findings.itertuples():
        lines += textwrap.wrap(f"[{row.part}, {row.finding}] {row.explanation}", WIDTH,
                               initial_indent="  - ", subsequent_indent="    ")
    return lines


def metadata_lines(article: Article) -> list[str]:
    """The article's metadata, one line per field that is known."""
    fields = [("Headline", article.headline), ("Standfirst", article.standfirst), ("Outlet", article.outlet),
              ("Published", article.published or "unknown - pass --published YYYY-MM-DD to date relative times"),
              ("Updated", article.updated), ("Byline", article.byline), ("Dateline", article.dateline)]
    lines = [f"{name + ':':<12}{value}" for name, value in fields if value]
    lines += [f"{'Caption:':<12}{caption}" for caption in article.captions]
    return lines


def sentence_lines(article: Article) -> list[str]:
    """Each sentence, labelled with its part and paragraph."""
    lines = []
    for row in article.sentences.itertuples():
        label = f"[{row.sentence_id:>3} {row.part}{'' if row.part != 'body' else f' p{row.paragraph}'}]"
        lines += textwrap.wrap(row.text, WIDTH, initial_indent=f"{label:<16}", subsequent_indent=" " * 16)
    return lines


def text_report(article: Article) -> str:
    """The full reading report of ``article`` as text."""
    out = ["READING REPORT", "=" * WIDTH, *metadata_lines(article), ""]
    if article.removed:
        out += [f"Removed as page furniture ({len(article.removed)} lines):"]
        out += [f"  - {line.strip() or repr(line)}"[:WIDTH] for line in article.removed] + [""]
    out += ["SENTENCES", "-" * WIDTH, *sentence_lines(article), ""]
    out += ["SOURCES: who is speaking", "-" * WIDTH,
            _table(article.sources(), ["sentence_id", "source", "source_type", "party", "cue", "on_record"]), ""]
    out += ["CLAIMS: how firmly each sentence is stated", "-" * WIDTH,
            _table(article.claims(), ["sentence_id", "part", "status", "cue", "source"]), ""]
    out += ["HEADLINE CHECK: does the headline claim more than the body?", "-" * WIDTH,
            *_findings(article.headline_check()), ""]
    out += ["TIMELINE: when things happened", "-" * WIDTH,
            _table(article.timeline(), ["sentence_id", "expression", "start", "end", "granularity", "event"]), ""]
    return "\n".join(out)
