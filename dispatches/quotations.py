"""Quotations: where quoted text lies in a sentence, and which sentences continue one quotation.

Double quotation marks are read as they are; British single marks are told apart from apostrophes by what
surrounds them. A quotation may run over several sentences and paragraphs: :func:`continue_quotations` gives
each unattributed sentence of a run the source of the attributed sentence nearest to it.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right

SINGLE_OPEN = re.compile(r"(?<![\w'])'(?=[^\s',.])")
SINGLE_CLOSE = re.compile(r"(?<=\S)'(?!\w)")


def quote_segments(text: str, open_mark: str | None) -> tuple[list[tuple[int, int]], str | None]:
    """Spans of quoted text in a sentence (without the marks) and the quotation mark still open at its end;
    ``open_mark`` is the mark left open by the sentence before, if any.

    Double quotation marks are used when the sentence has any (single ones inside them are nested quotes);
    otherwise British single marks, told apart from apostrophes ("Russia's", "don't") by what surrounds them:
    an opening mark follows a space or the start, a closing one follows a word or punctuation.
    """
    mark = open_mark if open_mark else ('"' if '"' in text or "'" not in text else "'")
    if mark == "'" and '"' in text and not open_mark:
        mark = '"'
    segments, begin = [], 0 if open_mark else None
    if mark == '"':
        for match in re.finditer(r'"', text):
            if begin is None:
                begin = match.end()
            else:
                segments.append((begin, match.start()))
                begin = None
    else:
        position = 0
        while True:
            if begin is None:
                opening = SINGLE_OPEN.search(text, position)
                if not opening:
                    break
                begin = position = opening.end()
                continue
            closing = _single_close(text, position)
            if closing is None:
                break
            segments.append((begin, closing))
            begin, position = None, closing + 1
    if begin is not None:
        segments.append((begin, len(text)))
    return [s for s in segments if text[s[0]:s[1]].strip()], (mark if begin is not None else None)


def _single_close(text: str, position: int) -> int | None:
    """The closing single quotation mark after ``position``: one after punctuation or before punctuation or the
    end of the sentence is preferred; a plural possessive ("soldiers' families") is passed over."""
    weak = None
    for match in SINGLE_CLOSE.finditer(text, position):
        at = match.start()
        before, after = text[at - 1], text[at + 1:at + 2]
        if before in ".,!?;:" or after == "" or after in ".,;:!?)-":
            return at
        if weak is None and before != "s":
            weak = at
    return weak


def inside(span: tuple[int, int], segments: list[tuple[int, int]]) -> bool:
    """True when ``span`` lies within one of the quoted ``segments`` (in text order and apart, as
    :func:`quote_segments` gives them, so only the last one starting at or before ``span`` can hold it)."""
    index = bisect_right(segments, (span[0], math.inf)) - 1
    return index >= 0 and span[1] <= segments[index][1]


def nearest_quote(segments: list[tuple[int, int]], text: str, cue_span: tuple[int, int] | None) -> str | None:
    """The quoted text closest to the attributing cue (the first quotation when there is no cue): the segment
    with an end nearest the cue, the earlier one on a tie. Segments are in text order and apart, so the nearest
    is the one holding the cue or next to it."""
    if not segments:
        return None
    anchor = cue_span[0] if cue_span else 0
    index = bisect_right(segments, (anchor, math.inf)) - 1
    near = range(max(0, index - 1), min(len(segments), index + 2))
    lo, hi = segments[min(near, key=lambda i: (min(abs(segments[i][0] - anchor), abs(segments[i][1] - anchor)), i))]
    return text[lo:hi].strip().strip(",").strip() or None


def quote_led(entry: dict) -> bool:
    """True when a sentence opens with a quotation mark (or inside one) and is mostly quotation."""
    text = entry["text"].lstrip()
    quoted = sum(hi - lo for lo, hi in entry["segments"])
    return bool(entry["segments"]) and (entry["starts_inside"] or text.startswith(('"', "'"))) and \
        quoted >= 0.6 * len(text)


def continue_quotations(paragraphs: list[list[dict]], continuation) -> None:
    """Give each unattributed sentence of a quotation the source of the attributed sentence next to it.

    ``paragraphs`` holds one dict per sentence (``text``, ``segments``, ``starts_inside`` and ``found``, the
    rows found there, each with a ``quote``); ``continuation(row, sentence)`` makes the row a continued
    sentence receives.

    A quotation run is a stretch of sentences joined by an open quotation mark, or quoted sentences that follow
    one another. A paragraph made only of unattributed quotation continues the quotation that ended the
    paragraph before it, or the speaker who introduced it with a colon ("The minister replied:").
    """
    last_quoted = None
    for paragraph in paragraphs:
        runs, current = [], []
        for entry in paragraph:
            joins = current and (entry["starts_inside"] or quote_led(entry) and current[-1]["segments"])
            if not joins:
                if current:
                    runs.append(current)
                current = []
            if entry["segments"] or joins:
                current.append(entry)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        if last_quoted and all(quote_led(e) and not e["found"] for e in paragraph):
            for entry in paragraph:
                entry["found"].append(continuation(last_quoted, entry))
        for run in runs:
            attributed = [(index, a) for index, e in enumerate(run) for a in e["found"] if a.quote]
            for index, entry in enumerate(run):
                if not entry["found"] and attributed:
                    origin = min(attributed, key=lambda pair: abs(pair[0] - index))[1]
                    entry["found"].append(continuation(origin, entry))
        final = paragraph[-1]["found"] if paragraph else []
        introduces = bool(final) and paragraph[-1]["text"].rstrip().endswith(":")   # 'The minister replied:'
        last_quoted = final[-1] if final and (final[-1].quote and paragraph[-1]["segments"] or introduces) else None
