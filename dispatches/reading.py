"""Read an article from a file: plain text (a web paste), Markdown with front matter, or a saved HTML page."""
from __future__ import annotations

import re
from pathlib import Path

from .article import Article
from .dates import parse_published

SUPPORTED = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def _decode(raw: bytes, path: Path, kind: str) -> str:
    encodings = ["utf-8-sig"]
    declared = _CHARSET.search(raw[:4096]) if kind == "html" else None
    if declared and declared.group(1).decode("ascii").lower() not in ("utf-8", "utf8"):
        encodings.append(declared.group(1).decode("ascii"))
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = f"byte 0x{raw[error.start]:02x} at position {error.start}"
    raise ValueError(f"{path} could not be decoded as {' or '.join(encodings)} ({problem}). "
                     "Save the file as UTF-8 text and try again.")


def read_article(path, published=None, headline: str | None = None, outlet: str | None = None) -> Article:
    """Read the article in ``path`` (.txt, .md, .html or .htm); ``published`` ("YYYY-MM-DD") wins over the file."""
    published = parse_published(published)
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give the path of one article file inside it.")
    if not path.exists():
        raise FileNotFoundError(f"No file at {path}: check the name and the folder you are in "
                                f"(the current folder is {Path.cwd()}).")
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path.name} has the extension {path.suffix or '(none)'!r}, which dispatches cannot "
                         f"read; save the article as one of {', '.join(SUPPORTED)}.")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError(f"{path} is a binary file, not text or HTML; save the article as .txt or .html.")
    text = _decode(raw, path, kind)
    if not text.strip():
        raise ValueError(f"{path} is empty (or holds only white space): paste the article into it first.")
    article = Article.from_text(text, published=published, headline=headline, outlet=outlet)
    article.meta["path"] = str(path)
    return article
