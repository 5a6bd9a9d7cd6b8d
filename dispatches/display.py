"""What people see: an article as escaped HTML with highlighted sources, claim statuses or time expressions.

Display only draws frames the analysers already computed; it never decides a label. Styles are inline (no
``<style>`` block), so highlights survive JupyterLab's sanitiser, nbconvert exports and printing; every label
has a numbered footnote as well as a hover text, because paper has no hover.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

SOURCE_COLOURS = {
    "official": "#9ecae1", "expert": "#c7e9c0", "witness": "#fdd0a2", "anonymous": "#d9d9d9",
    "unnamed_group": "#fbb4b9", "social_media": "#dadaeb", "media": "#ffffb2", "document": "#ccebc5",
}
STATUS_COLOURS = {
    "denied": "#f4a582", "speculated": "#fddbc7", "reported": "#e0e0e0", "confirmed": "#92c5de",
    "claimed": "#d1e5f0", "unattributed": "#ffffff",
}
GRANULARITY_COLOURS = {"day": "#a6dba0", "week": "#c2a5cf", "month": "#fee08b", "year": "#fdae61",
                       "range": "#80cdc1", "fuzzy": "#e0e0e0"}
_BLOCK_TAGS = {"headline": ("h2", "margin:0.2em 0"), "standfirst": ("p", "font-weight:bold"),
               "caption": ("p", "font-style:italic;font-size:90%;color:#444"),
               "byline": ("p", "font-size:90%;color:#444"), "body": ("p", "")}


@dataclass(frozen=True)
class Mark:
    """A stretch of article text to highlight: offsets, inline style, hover text and footnote number."""

    start: int
    end: int
    style: str
    title: str = ""
    note: int | None = None


@dataclass(frozen=True)
class HTMLView:
    """An HTML fragment that shows itself in a notebook and can be saved as a standalone page."""

    html: str
    title: str = "dispatches"

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def save(self, path) -> Path:
        """Write a self-contained HTML page and return its path."""
        path = Path(path)
        path.write_text(page(self.title, self.html), encoding="utf-8")
        return path


def page(title: str, body: str) -> str:
    """A complete, self-contained HTML page around ``body``."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            "</head><body style=\"font-family:Georgia,serif;max-width:60em;margin:2em auto;line-height:1.5\">"
            f"{body}</body></html>\n")


def _is_set(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NaT


def _render_block(text: str, offset: int, outer: list[Mark], inner: list[Mark]) -> str:
    """Escape one block of text and wrap its marks in spans; inner marks nest inside outer ones."""
    events = []
    for rank, marks in ((0, outer), (1, inner)):
        for mark in marks:
            events.append((mark.start - offset, 1, rank, mark))
            events.append((mark.end - offset, 0, -rank, mark))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out, cursor = [], 0
    for position, opening, _, mark in events:
        out.append(html.escape(text[cursor:position]))
        cursor = position
        if opening:
            out.append(f'<span style="{mark.style}" title="{html.escape(mark.title, quote=True)}">')
        else:
            out.append("</span>" + (f"<sup>{mark.note}</sup>" if mark.note else ""))
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _clip(inner: list[Mark], outer: list[Mark]) -> list[Mark]:
    """Drop inner marks that overlap an earlier inner mark, and clip them to the outer mark they start in."""
    kept, last_end = [], -1
    for mark in sorted(inner, key=lambda m: (m.start, -m.end)):
        if mark.start < last_end or mark.end <= mark.start:
            continue
        host = next((o for o in outer if o.start <= mark.start < o.end), None)
        end = min(mark.end, host.end) if host else mark.end
        kept.append(Mark(mark.start, end, mark.style, mark.title, mark.note))
        last_end = end
    return kept


def render_article(article, outer: list[Mark] = (), inner: list[Mark] = ()) -> str:
    """The article, block by block, with its marks; every character of text is escaped."""
    outer = sorted(outer, key=lambda m: m.start)
    inner = _clip(list(inner), outer)
    blocks, offset = [], 0
    parts = article.sentences.groupby("paragraph")["part"].first().to_dict()
    for number, block in enumerate(article.text.split("\n\n")):
        end = offset + len(block)
        tag, style = _BLOCK_TAGS[parts.get(number, "body")]
        mine = lambda marks: [m for m in marks if offset <= m.start < end]  # noqa: E731
        body = _render_block(block, offset, mine(outer), mine(inner))
        blocks.append(f'<{tag} style="{style}">{body}</{tag}>')
        offset = end + 2
    return "\n".join(blocks)


def legend(colours: dict[str, str], heading: str) -> str:
    """A row of coloured chips naming each label."""
    chips = "".join(f'<span style="background:{c};border:1px solid #999;padding:0 0.4em;margin-right:0.4em">'
                    f"{html.escape(name.replace('_', ' '))}</span>" for name, c in colours.items())
    return f'<p style="font-family:sans-serif;font-size:85%"><b>{html.escape(heading)}</b> {chips}</p>'


def notes(rows: list[str]) -> str:
    """Numbered footnotes (already escaped) under a view."""
    items = "".join(f"<li>{row}</li>" for row in rows)
    return f'<ol style="font-family:sans-serif;font-size:85%">{items}</ol>' if rows else ""


def _fields(row: dict, names: list[str]) -> str:
    return "; ".join(f"{name}: {row[name]}" for name in names if _is_set(row.get(name)) and row.get(name) != "")


def show_sources(article, sources: pd.DataFrame) -> HTMLView:
    """Sources highlighted by type (cues underlined), with a legend and a footnote per attribution."""
    inner, footnotes = [], []
    fields = ["source", "source_type", "party", "cue", "channel", "on_record", "refers_to"]
    for number, row in enumerate(sources.to_dict("records"), start=1):
        colour = SOURCE_COLOURS.get(row["source_type"], "#eeeeee")
        title = _fields(row, fields)
        if _is_set(row.get("source_start")):
            inner.append(Mark(int(row["source_start"]), int(row["source_end"]), f"background:{colour}", title, number))
        if _is_set(row.get("cue_start")):
            inner.append(Mark(int(row["cue_start"]), int(row["cue_end"]),
                              "text-decoration:underline;text-decoration-thickness:2px", f"cue: {row['cue']}"))
        footnotes.append(f'<span style="background:{colour}">{html.escape(str(row["source"]))}</span> '
                         f"{html.escape(_fields(row, fields[1:]))} (sentence {row['sentence_id']})")
    body = (legend(SOURCE_COLOURS, "Source types:") + render_article(article, inner=inner) + notes(footnotes))
    return HTMLView(body, title=f"Sources: {article.headline or 'article'}")


def show_claims(article, claims: pd.DataFrame) -> HTMLView:
    """Each sentence shaded by its claim status, the deciding cue underlined, with a legend."""
    outer, inner = [], []
    bounds = article.sentences.set_index("sentence_id")
    for row in claims.to_dict("records"):
        sentence = bounds.loc[row["sentence_id"]]
        colour = STATUS_COLOURS.get(row["status"], "#ffffff")
        title = _fields(row, ["status", "cue", "source"])
        outer.append(Mark(int(sentence["start"]), int(sentence["end"]),
                          f"background:{colour};border-bottom:1px dotted #888", title))
        if _is_set(row.get("cue_start")):
            inner.append(Mark(int(row["cue_start"]), int(row["cue_end"]),
                              "text-decoration:underline;text-decoration-thickness:2px;font-weight:bold",
                              f"{row['status']} because of: {row['cue']}"))
    body = legend(STATUS_COLOURS, "Claim status:") + render_article(article, outer=outer, inner=inner)
    return HTMLView(body, title=f"Claims: {article.headline or 'article'}")


def _date_text(value) -> str:
    if not _is_set(value):
        return "?"
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def show_timeline(article, timeline: pd.DataFrame) -> HTMLView:
    """Time expressions highlighted by granularity, each with the dates it resolves to."""
    inner, footnotes = [], []
    for number, row in enumerate(timeline.to_dict("records"), start=1):
        colour = GRANULARITY_COLOURS.get(row["granularity"], "#eeeeee")
        span = f"{_date_text(row['start'])} to {_date_text(row['end'])}"
        title = f"{row['granularity']}: {span}" + ("" if row["anchored"] else " (not anchored to a publication date)")
        if _is_set(row.get("expr_start")):
            inner.append(Mark(int(row["expr_start"]), int(row["expr_end"]), f"background:{colour}", title, number))
        footnotes.append(f"<b>{html.escape(str(row['expression']))}</b>: {html.escape(title)}"
                         + (f" - {html.escape(str(row['event']))}" if _is_set(row.get("event")) else ""))
    body = legend(GRANULARITY_COLOURS, "Time expressions:") + render_article(article, inner=inner) + notes(footnotes)
    return HTMLView(body, title=f"Timeline: {article.headline or 'article'}")


def _frame_html(frame: pd.DataFrame) -> str:
    shown = frame[[c for c in frame.columns if not c.endswith(("_start", "_end"))]]
    return shown.to_html(index=False, escape=True, na_rep="", border=0)


def report_html(article) -> str:
    """A self-contained HTML reading report: metadata, the three highlighted views and their tables."""
    meta = [("Headline", article.headline), ("Outlet", article.outlet), ("Published", article.published),
            ("Byline", article.byline), ("Dateline", article.dateline)]
    rows = "".join(f"<tr><th style='text-align:left'>{k}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in meta if v)
    sections = [f"<h1>Reading report</h1><table>{rows}</table>",
                "<h2>Who is speaking</h2>", show_sources(article, article.sources()).html,
                _frame_html(article.sources()),
                "<h2>How firmly each claim is stated</h2>", show_claims(article, article.claims()).html,
                "<h3>Headline check</h3>", _frame_html(article.headline_check()),
                "<h2>When things happened</h2>", show_timeline(article, article.timeline()).html,
                _frame_html(article.timeline())]
    return page(f"Reading report: {article.headline or 'article'}", "\n".join(sections))
