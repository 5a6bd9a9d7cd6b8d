"""Read a saved HTML page: the story text and its metadata, through trafilatura.

trafilatura (a well-kept extraction library) removes scripts, styles, navigation, share buttons and footers and
finds the title, author, site name and date; photo captions come from the page's ``<figcaption>`` elements.
"""
from __future__ import annotations

import datetime as dt
import re

import lxml.html
import trafilatura

from .layout import ArticleParts, is_caption, split_furniture
from .text import normalise


def _captions(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    captions = (" ".join(node.text_content().split()) for node in tree.xpath("//figcaption"))
    return [caption for caption in captions if caption]


def parse_html(html: str) -> ArticleParts:
    """Extract headline, byline, outlet, date, captions and story paragraphs from a web page."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, include_images=False)
    if document is None or not (document.text or "").strip():
        raise ValueError("No article text could be found in this HTML page: save the page as HTML from the "
                         "browser (File > Save Page As), or copy the article text into a .txt file.")
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    headline = (document.title or "").strip() or None
    if headline and lines and normalise(lines[0]) == normalise(headline):
        lines = lines[1:]
    captions = _captions(html)
    caption_keys = {normalise(c) for c in captions}
    lines = [line for line in lines if normalise(line) not in caption_keys and not is_caption(line)]
    kept, removed = split_furniture(lines)
    published = None
    if document.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.date[:10]):
        published = dt.date.fromisoformat(document.date[:10])
    return ArticleParts(
        headline=headline,
        captions=captions,
        byline=f"By {document.author}" if document.author else None,
        paragraphs=kept,
        removed=removed,
        outlet=document.sitename or None,
        published=published,
        meta={"description": document.description, "url": document.url},
    )
