"""Recognise the parts of a news page pasted as plain text: furniture, headline, standfirst, captions, byline.

The decisions follow the shape of each line, in the order a page is laid out:
- furniture (see :mod:`dispatches.furniture`) is dropped into ``removed``, and so are the story titles listed
  under a "Most read" heading (see :func:`listed_titles`);
- a short first line that is the site's name or a section label above the headline is dropped too (see
  :func:`site_line_reason`);
- the first remaining line is the headline, unless the caller already knows it;
- a line ending with a photo credit in brackets, "Photo: ...", "© <credit>" or a glued "Name/Agency", or opening
  with "Image caption", is a caption wherever it stands;
- "By <Name>[, <title>][ in <City>]", "<Name>, <title>" or a wire's "Reporting by ...; Editing by ..." is the
  byline (the city becomes the dateline); a second byline-shaped line is dropped;
- a line that holds only a date ("Published 6 October 2020") is page metadata: it dates the article;
- the one line between the headline and the byline or a caption is the standfirst;
- everything else is a story paragraph, kept whole; a wire dateline opening the first one is lifted out.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field

from .datelines import find_dateline
from .dates import MONTH_PATTERN, month_day_year
from .furniture import SHORT_LINE_WORDS, furniture_reason, is_teaser
from .lexicons import load_set, load_words
from .text import normalise


class DispatchesWarning(UserWarning):
    """A warning about an article that the reader could read only in part (for example, no date)."""


_CREDIT_WORDS = r"(?:photo(?:graph)?s?|image|picture|pictured|credit|video|file photo|illustration)"
_CAPTION = re.compile(
    rf"(?:\((?:{_CREDIT_WORDS}\b[^()]{{0,60}}|[A-Z][A-Za-z&.\-/ ]{{1,40}})\)$"    # ... (AFP)  ... (Photo: X)
    rf"|\({_CREDIT_WORDS}\b[^()]{{0,60}}\)\.?$"                                   # ... (Photo: X).
    rf"|\b{_CREDIT_WORDS}\s*:\s*[A-Z][^.]{{1,60}}$"                              # ... Photograph: AFP/Getty
    rf"|^(?:image|photo|picture) caption\s*[:,]"                                   # Image caption, ...
    rf"|[.!?]\s*©\s*[A-Z][^.©]{{1,60}}$"                                           # .... © Jane Doe/Agency
    rf"|[.!?]\s*(?-i:[A-Z][\w'-]+(?: [A-Z][\w'-]+){{1,3}}/[A-Z][\w&-]+(?: [A-Z][\w&-]+| via){{0,3}})$)",  # ...Jane Doe/AFP
    re.IGNORECASE,
)
_CREDIT_INSIDE = re.compile(r"\(([^()]+)\)$")
_PARTICLES = "de|van|von|der|al|el|bin|ibn|da|di|la|le"
_NAME = rf"[A-Z][\w'.-]+(?: (?:[A-Z][\w'.-]+|{_PARTICLES}))*"
_ROLES = "|".join(sorted((re.escape(word) for word in load_words("reader_byline_roles.txt")), key=len, reverse=True))
_TITLE = rf"(?:[\w'&.-]+ ){{0,5}}(?i:{_ROLES})s?"                  # "SPR Highlands correspondent", "Defence Editor"
_CITY = r"(?P<city>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?)"
_CREDITS = r"(?:; (?i:additional reporting|reporting|writing|editing|compiled) by [^;]{1,80})*"   # "; Editing by X"
_BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Rr]eporting by)\s+(?P<names>{_NAME}(?:(?:, | and | & ){_NAME})*)"
    rf"(?:, {_TITLE})?(?:,? in {_CITY})?(?:, {_TITLE}|, [A-Z][\w ]{{2,40}})?{_CREDITS}\.?$"
)
_NAMED_BYLINE = re.compile(                                                     # "Jane Doe, Reporter": no "By"
    rf"^(?P<names>[A-Z][\w'.-]+(?: (?:[A-Z][\w'.-]+|{_PARTICLES})){{1,3}}), {_TITLE}(?:,? in {_CITY})?\.?$"
)
_DATE_ONLY = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)\s*(?:on|:)?\s*)?"
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]*,?\s+)?"
    rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_PATTERN}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<month2>{MONTH_PATTERN})\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
    rf"(?:\s*(?:[|,-]|at)?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?"
    rf"(?:\s*[|,-]?\s*(?:last )?updated\b[^|]{{0,40}})?\.?$",                    # ... | Updated: 6:34 pm
    re.IGNORECASE,
)
STANDFIRST_MAX_WORDS = 45
SITE_LINE_MAX_WORDS = 5
HEADLINE_MAX_WORDS = 30
BYLINE_MAX_WORDS = 24
LIST_HEADING_MAX_CHARS = 80
_SECTIONS = load_set("reader_sections.txt")
_HEADLINE_VERBS = load_set("reader_headline_verbs.txt")
_NAME_LINKS = frozenset({"of", "the", "and", "&", "for", "de", "del", "la", "le", "el", "al", "du", "des", "da", "di",
                         "van", "von", "der"})
_SECTION_SEPARATOR = re.compile(r"\s*[|/>›»:·•]\s*|\s+-\s+")
_LIST_HEADINGS = "|".join(sorted((re.escape(h) for h in load_words("reader_list_headings.txt")), key=len, reverse=True))
_LIST_HEADING = re.compile(rf"^(?:{_LIST_HEADINGS})(?:\s+(?:on|in|from|at)\s+[\w&'. -]{{1,40}})?\s*[:»›>|-]*$",
                           re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?$", re.IGNORECASE)


@dataclass
class ArticleParts:
    """What a reader found in a file or a paste, before it becomes an :class:`~dispatches.Article`."""

    headline: str | None = None
    standfirst: str | None = None
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    meta: dict = field(default_factory=dict)


def text_blocks(text: str) -> list[str]:
    """Split text into blocks, one per line; a hard-wrapped line continues when the next starts lower-case."""
    blocks: list[str] = []
    continuing = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if continuing and stripped and stripped[0].islower() and blocks:
            blocks[-1] = f"{blocks[-1]} {stripped}"
        else:
            blocks.append(line)
        continuing = bool(stripped) and not normalise(stripped).endswith((".", "!", "?", '"', "'", ":", ")"))
    return blocks


def is_caption(line: str) -> bool:
    """True for a photo caption: a line ending in a photo credit."""
    text = normalise(line).strip()
    if not _CAPTION.search(text) or len(text.split()) > 80:
        return False
    inside = _CREDIT_INSIDE.search(text)
    if inside and not re.match(_CREDIT_WORDS, inside.group(1), re.IGNORECASE):
        credit = inside.group(1)
        # A bare bracket at the end is a credit only when it looks like an agency: capitals or a slash.
        return (credit.isupper() or "/" in credit or "getty" in credit.lower()
                or (text[: inside.start()].rstrip().endswith(".") and credit.istitle()))
    return True


def byline_match(line: str) -> re.Match | None:
    """The byline match of ``line``, or None: "By Jane Doe in Kyiv", "By Jane Doe, defence editor", "Jane Doe,
    Reporter" (a title from ``reader_byline_roles.txt``), "Reporting by Jane Doe; Editing by John Roe"."""
    if len(line.split()) > BYLINE_MAX_WORDS:       # before normalising: a story paragraph is long
        return None
    text = normalise(line).strip()
    return _BYLINE.match(text) or _NAMED_BYLINE.match(text)


def date_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a full date (and perhaps a time), else None."""
    match = _DATE_ONLY.match(normalise(line).strip())
    if not match:
        return None
    if match["iso"]:
        return dt.date.fromisoformat(match["iso"])
    try:
        month, day, year = month_day_year(match["month"] or match["month2"], match["day"] or match["day2"],
                                          match["year"] or match["year2"])
    except ValueError:
        return None
    return dt.date(year, month, day)


def _is_name_shaped(words: list[str]) -> bool:
    """True for a short run of capitalised words with no headline verb: "Highland Dispatch", "THE LEDGER"."""
    if not 1 <= len(words) <= SITE_LINE_MAX_WORDS:
        return False
    for word in words:
        bare = word.strip("'\u2019")
        if bare.lower() in _NAME_LINKS:
            continue
        if not re.fullmatch(r"[A-Z0-9][\w'.&-]*", bare) or bare.rstrip(".").lower() in _HEADLINE_VERBS:
            return False
    return not words[-1].endswith(".") or words[-1].isupper()


def _is_section_label(text: str) -> bool:
    """True for "NEWS", "World", "World - Europe": known section words, alone or joined by separators."""
    pieces = [piece.strip().lower() for piece in _SECTION_SEPARATOR.split(text)]
    return all(piece in _SECTIONS for piece in pieces if piece) and any(pieces)


def _named_again(name: str, page: str) -> str | None:
    """How ``page`` writes ``name`` a second time as a name (every main word capitalised), else None."""
    words = name.split()
    if name.lower().startswith("the ") and len(words) > 1:
        words = words[1:]
    pattern = re.compile(r"(?<![\w@])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w@])", re.IGNORECASE)
    found = [match.group(0) for match in pattern.finditer(page)
             if all(w[0].isupper() or w.lower() in _NAME_LINKS for w in match.group(0).split())]
    if len(found) < 2:
        return None
    return next((form for form in found if not form.isupper()), found[0])


def _could_be_headline(line: str) -> bool:
    """True for a line shaped like a headline: short, opening with a capital or a quotation, no closing stop."""
    text = normalise(line).strip()
    words = text.split()
    return (2 <= len(words) <= HEADLINE_MAX_WORDS and bool(re.match(r"[\"'A-Z0-9]", text))
            and not text.endswith(".") and not is_caption(text) and not byline_match(text)
            and date_line(text) is None)


def _is_header_line(line: str) -> bool:
    """True for a byline, a caption or a date line: the lines that close a page's header."""
    return bool(byline_match(line) or is_caption(line) or date_line(line))


def site_line_reason(lines: list[str], page: str) -> tuple[str, str | None] | None:
    """Why ``lines[0]`` is the site's name or a section label printed above the headline, or None.

    The line must be short and have no verb-like shape (a web address, a section label, or a few capitalised
    words with none of ``reader_headline_verbs.txt``), and a headline-shaped line must follow it. Then it is
    dropped when it is a section label (``reader_sections.txt``) or a list heading (``reader_list_headings.txt``),
    a web address, a name the page repeats
    elsewhere (in a photo credit, the footer, "told <name>"), or a name above a full header: a headline and a
    standfirst closed by a byline, caption or date line. A short real headline with no site line keeps its place,
    because a standfirst alone is not followed by a second header line.

    Returns ``(reason, outlet)``, where ``outlet`` is the repeated name as the page writes it, or None.
    """
    text = normalise(lines[0]).strip() if lines else ""
    following = 1
    while following < len(lines) and _is_section_label(normalise(lines[following]).strip()):
        following += 1      # "Highland Dispatch", then "World", then the headline
    header = lines[following:following + 3]
    if not header or not _could_be_headline(header[0]) or _is_header_line(text):
        return None
    if _is_section_label(text):
        return "section label", None
    if _LIST_HEADING.match(text):
        return "list heading", None         # "Trending" printed above the headline
    if _WEB_ADDRESS.match(text):
        return "web address", None
    if not _is_name_shaped(text.split()):
        return None
    outlet = _named_again(text, normalise(page))
    if outlet:
        return "site name, repeated in the page", outlet
    full_header = (len(header) == 3 and len(header[0].split()) > len(text.split()) and not _is_header_line(header[1])
                   and len(header[1].split()) <= STANDFIRST_MAX_WORDS and _is_header_line(header[2]))
    return ("name above the headline", None) if full_header else None


def _is_listed_title(text: str) -> bool:
    """True for a line shaped like a story title in a list: short, no closing full stop, not a header line."""
    return (len(text.split()) <= SHORT_LINE_WORDS and not text.endswith((".", '."', ".'"))
            and not _is_header_line(text))


def listed_titles(lines: list[str]) -> set[int]:
    """Indexes of list headings ("Most read", ``reader_list_headings.txt``) and of the story titles under them.

    The titles are the short lines with no closing full stop that follow the heading (blank lines and furniture
    such as "Read more" between them are skipped). At least two are needed, the heading must come after the
    first story sentence (a line of six words or more ending with a full stop), and the run must not end on a
    byline, caption or date line: a heading printed above the article's own headline and standfirst leaves them
    in place.
    """
    found: set[int] = set()
    story_started = False
    for index, line in enumerate(lines):
        if not story_started:
            story_started = normalise(line).rstrip().endswith((".", '."')) and len(line.split()) > 5
            continue
        if len(line) > LIST_HEADING_MAX_CHARS or not _LIST_HEADING.match(normalise(line).strip()):
            continue
        titles, following = [], index + 1
        while following < len(lines):
            text = normalise(lines[following]).strip()
            if text and not furniture_reason(text):
                if not _is_listed_title(text):
                    break
                titles.append(following)
            following += 1
        closes_header = following < len(lines) and _is_header_line(lines[following])
        if len(titles) >= 2 and not closes_header:
            found.update([index, *titles])
    return found


def split_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Separate story lines from furniture; returns ``(kept, removed)``, both in page order.

    A byline that a furniture pattern also matches ("Reporting by ...; Editing by ...") is kept for the header.
    """
    kept, removed = [], []
    listed = listed_titles(lines)
    for index, line in enumerate(lines):
        neighbours = [lines[j] for j in (index - 1, index + 1) if 0 <= j < len(lines)]
        if index in listed or ((furniture_reason(line) or is_teaser(line, neighbours)) and not byline_match(line)):
            if line.strip() or "\u00a0" in line:
                removed.append(line)
        else:
            kept.append(line.strip())
    return kept, removed


def parse_paste(text: str, headline: str | None = None) -> ArticleParts:
    """Recognise furniture, headline, standfirst, captions, byline and paragraphs in a pasted page."""
    lines, removed = split_furniture(text_blocks(text))
    parts = ArticleParts(removed=removed)
    while (found := site_line_reason(lines, text)) is not None:
        parts.removed.append(lines[0])
        parts.outlet = parts.outlet or found[1]
        lines = lines[1:]
    if headline:
        parts.headline = headline.strip()
        if lines and normalise(lines[0]).strip() == normalise(parts.headline):
            lines = lines[1:]
    elif lines:
        parts.headline, lines = lines[0], lines[1:]
    header_candidates: list[str] = []
    in_header, byline_in_header = True, False
    for line in lines:
        byline = byline_match(line)
        dated = date_line(line)
        if is_caption(line):
            parts.captions.append(line)
        elif byline and parts.byline is None:
            parts.byline, byline_in_header = line, in_header
            parts.dateline = parts.dateline or byline["city"]
        elif byline:
            parts.removed.append(line)      # a second byline: an author box, or a wire's closing credits
            continue
        elif dated and in_header:
            parts.removed.append(line)
            parts.meta.setdefault("page_date", dated)
            continue
        elif in_header and parts.byline is None and not parts.captions and not header_candidates:
            header_candidates.append(line)
            continue
        else:
            parts.paragraphs.append(line)
        in_header = in_header and not parts.paragraphs
    if header_candidates:
        candidate = header_candidates[0]
        header_shaped = byline_in_header or bool(parts.captions)      # not a wire's credits after the story
        if header_shaped and len(candidate.split()) <= STANDFIRST_MAX_WORDS:
            parts.standfirst = candidate
        else:
            parts.paragraphs.insert(0, candidate)
    return parts


def lift_dateline(parts: ArticleParts) -> None:
    """Move a wire dateline opening the first paragraph into ``parts.dateline`` (and its date, if any)."""
    if not parts.paragraphs:
        return
    found = find_dateline(parts.paragraphs[0])
    if not found:
        return
    parts.paragraphs[0] = parts.paragraphs[0][found.length:].lstrip()
    parts.dateline = found.city
    parts.meta["dateline_agency"] = found.agency
    if found.month is None:
        return
    fallback = parts.published or parts.meta.get("page_date")
    dated = found.date(fallback.year if fallback else None)
    if dated is None:
        warnings.warn(
            f"The dateline gives {found.day}/{found.month} without a year, so the publication date is unknown; "
            "pass published=\"YYYY-MM-DD\" to date the article.", DispatchesWarning, stacklevel=4)
    parts.meta.setdefault("dateline_date", dated)
