"""Cross-check several reports: which sentences report the same claim, what each rests on, do they agree.

    cc = dp.cross_check(articles)
    cc.clusters        # one row per claim cluster: outlets, first/last report, origins, single_sourced, ...
    cc.reports         # one row per (cluster, report sentence): status, source, origin, what it traces to
    cc.contradictions  # one row per conflict, both sides and a plain-words explanation
    cc.explain(3)      # one cluster told in sentences

How it works, step by step (every step is a rule a reader can check):
1. Keys. Each sentence becomes a set of keys: actors (countries folded with their demonyms and capitals),
   other names (places, people: words written with a capital inside sentences), weapon model codes
   ("Kite-9"), numbers ("thirteen" = 13), dates (resolved by the timeline), and the remaining content words
   after the stopword list, folded through a synonym list ("truce" -> ceasefire). Lexicons:
   ``crosscheck_*.txt``.
2. Similarity. A key shared by few sentences counts more than a common one (inverse document frequency);
   two sentences are compared only when they share a rare key (blocking), so the work grows with the number
   of sentences, not its square. Sentences that give different dates for themselves count half.
3. Clusters. Groups merge, most similar first, while the average similarity between their sentences stays
   above a threshold (average linkage over the sparse pairs). A second pass joins clusters that name the same
   rare place, person or weapon on the same day, at a lower bar, when most members of each use the other's
   telling words (so that two events at one place on one day stay apart); each merge is listed in
   ``merged_on``. A correction note's old figure joins the sentence giving the new one.
4. Origins. Each report's sources are traced (:mod:`dispatches.citations`) to what it rests on; a report
   that cites another outlet in the same cluster inherits that outlet's origins. Independent origins are the
   distinct roots; a claim carried by two or more outlets with one root is ``single_sourced``.
5. Contradictions: different figures for the same count, a denial against a confirmation, a report
   published before the date another report gives for the same event, and a correction or update note that
   replaces a figure ("An earlier version said thirteen...; the figure is three"): see :func:`revisions`.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .citations import OutletNames, Origin, article_name, report_origins
from .lexicons import load_set, load_table, load_words
from .text import normalise

KEY_WEIGHTS = {"weapon": 1.6, "name": 1.3, "number": 1.0, "date": 0.8, "actor": 0.6, "word": 1.0, "speaker": 0.4}
LINK_THRESHOLD = 0.3       # average similarity two groups need to merge
MERGE_THRESHOLD = 0.1      # second pass: the same, for clusters naming the same rare place on the same day
MIN_SHARED_KEYS = 2        # a pair of sentences must share at least this many keys to count as similar
BLOCK_SHARE = 0.06         # keys held by more than this share of sentences (or 20) do not propose pairs
ASSERTING = ("confirmed", "unattributed", "claimed", "reported")
ROLE_OF_STATUS = {"denied": "disputes", "speculated": "hedges"}
CLUSTER_COLUMNS = ["cluster", "claim", "n_reports", "n_articles", "outlets", "first_report", "last_report",
                   "origins", "independent_origins", "echoes", "single_sourced", "contradiction", "explanation",
                   "merged_on"]
REPORT_COLUMNS = ["cluster", "claim", "article", "outlet", "published", "sentence_id", "part", "text", "status",
                  "source", "role", "origin", "origin_kind", "traces_to", "echo", "shared_keys"]
CONTRADICTION_COLUMNS = ["cluster", "claim", "kind", "side_a", "side_b", "article_a", "sentence_a", "article_b",
                         "sentence_b", "explanation"]

WEAPON_CODE = re.compile(r"(?<![\w-])[A-Za-z]{1,10}-?\d{1,4}[A-Za-z]{0,3}(?![\w-])")
DIGITS = re.compile(r"(?<![\w/.:-])\d{1,3}(?:,\d{3})+(?![\w-])|(?<![\w/.:,-])\d+(?![\w/:,-]|\.\d)")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")


# ---------------------------------------------------------------- lexicons
def _comma_groups(name: str) -> dict[str, str]:
    """'head: a, b, c' lines -> {variant: head} (the head maps to itself)."""
    groups = {}
    for line in load_words(name):
        head, _, rest = line.partition(":")
        for variant in [head, *rest.split(",")]:
            if variant.strip():
                groups[variant.strip().lower()] = head.strip().lower()
    return groups


@dataclass(frozen=True)
class _Lexicon:
    stopwords: frozenset
    synonyms: dict
    phrase_pattern: re.Pattern
    numbers: dict
    quantities: dict
    counted: dict
    bounds: dict
    actors: dict


@lru_cache(maxsize=None)
def lexicon() -> _Lexicon:
    """The cross-check word lists, loaded once (``dispatches/lexicons/crosscheck_*.txt`` and the actors)."""
    synonyms = _comma_groups("crosscheck_synonyms.txt")
    phrases = sorted((v for v in synonyms if " " in v), key=len, reverse=True)
    actors = {}
    for row in load_table("actors_countries.csv"):
        for name in [row["country"], *row["aliases"].split("|"), *row["demonyms"].split("|"),
                     *row["capital"].split("|")]:
            if name.strip():
                actors[name.strip().lower()] = row["country"].lower()
    for row in load_table("actors_scenario.csv"):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip() and " " not in name.strip():
                actors[name.strip().lower()] = row["name"].lower() if row["kind"] == "country" else name.lower()
    bounds = {}
    for line in load_words("crosscheck_bounds.txt"):
        phrase, _, kind = line.rpartition(",")
        bounds[phrase.strip().lower()] = kind.strip()
    numbers = {word: int(value) for word, value in (line.split() for line in load_words("crosscheck_numbers.txt"))}
    return _Lexicon(stopwords=load_set("crosscheck_stopwords.txt"), synonyms=synonyms,
                    phrase_pattern=re.compile(r"\b(" + "|".join(map(re.escape, phrases)) + r")\b"),
                    numbers=numbers, quantities=_comma_groups("crosscheck_quantities.txt"),
                    counted=_comma_groups("crosscheck_counted.txt"), bounds=bounds, actors=actors)


# ---------------------------------------------------------------- keys
def _number_value(token: str) -> int | None:
    token = token.lower()
    if token in lexicon().numbers:
        return lexicon().numbers[token]
    if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", token):
        return int(token.replace(",", ""))
    return None


def _fold(word: str) -> str:
    """One spelling per word: synonyms, demonyms -> country, possessives and plurals removed."""
    lex = lexicon()
    word = re.sub(r"'s$|'$", "", word.lower())
    if word in lex.synonyms:
        return lex.synonyms[word]
    if word in lex.actors:
        return lex.actors[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _masked(text: str, spans) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def sentence_keys(text: str, dates=(), date_spans=(), names=frozenset(), source_spans=(),
                  outlets: re.Pattern | None = None) -> dict[str, str]:
    """The keys of one sentence, as {key: kind}; kinds are weapon, number, date, actor, name, word, speaker.

    ``dates`` are resolved dates (ISO strings) of its time expressions and ``date_spans`` their offsets,
    which are blanked so that "14 September" gives a date and not the number 14. ``names`` are the words
    written with a capital inside sentences somewhere in the set (places, people): they are kind "name".
    Keys found only inside ``source_spans`` (who speaks, not what is said) are kind "speaker" and count
    little; names matched by ``outlets`` (who publishes) are ignored.
    """
    text = normalise(text)
    if outlets is not None:
        text = outlets.sub(lambda m: " " * len(m.group(0)), text)
    keys = _content_keys(text, dates, date_spans, names)
    if source_spans:
        said = _content_keys(_masked(text, source_spans), dates, date_spans, names)
        keys = {key: (kind if key in said else "speaker") for key, kind in keys.items()}
    return keys


def _content_keys(text: str, dates, date_spans, names) -> dict[str, str]:
    lex = lexicon()
    text = _masked(text, date_spans)
    keys = {f"date:{day}": "date" for day in dates}
    for code in WEAPON_CODE.findall(text):
        if re.search(r"[A-Za-z]", code) and re.search(r"\d", code):
            keys[code.lower()] = "weapon"
    text = WEAPON_CODE.sub(lambda m: " " * len(m.group(0)) if re.search(r"\d", m.group(0)) else m.group(0), text)
    for match in DIGITS.finditer(text):
        value = _number_value(match.group(0))
        if value is not None and not (1900 <= value <= 2100 and "," not in match.group(0)) and value != 1:
            keys[f"n:{value}"] = "number"
    lowered = lex.phrase_pattern.sub(lambda m: lex.synonyms[m.group(1)].replace(" ", "_"), text.lower())
    for word in WORD.findall(lowered):
        if word in lex.numbers:
            keys[f"n:{lex.numbers[word]}"] = "number"
            continue
        if word in lex.stopwords or len(word) < 3:
            continue
        folded = _fold(word)
        if folded in lex.stopwords or len(folded) < 3:
            continue
        kind = "actor" if word in lex.actors or folded in lex.actors.values() else \
            "name" if folded in names else "word"
        keys[folded] = kind
    return keys


def _capitalised_words(texts) -> frozenset:
    """Folded words written with a capital letter inside sentences (not first, not in all-caps lines)."""
    upper, lower = set(), set()
    for text in texts:
        if text.isupper():
            continue
        for i, word in enumerate(WORD.findall(normalise(text))):
            (upper if word[0].isupper() and i > 0 else lower if word[0].islower() else set()).add(_fold(word))
    return frozenset(upper - lower)


# ---------------------------------------------------------------- numbers for contradictions
@dataclass(frozen=True)
class Count:
    """A number a sentence gives for something: value, bound (exact/at_least/at_most/about), kind, group."""

    value: int
    bound: str
    kind: str
    group: str | None
    words: str  # the figure in words: "at least 43 civilians killed"

    def conflicts_with(self, other: "Count") -> bool:
        """True when the two figures cannot both be right (bounds and estimates are allowed their slack)."""
        if self.kind != other.kind or (self.group and other.group and self.group != other.group):
            return False
        low, high = sorted((self, other), key=lambda c: c.value)
        if low.value == high.value:
            return False
        if "about" in (low.bound, high.bound):
            return (high.value - low.value) / high.value > 0.25
        if low.bound == "at_least" or high.bound == "at_most":
            return False
        return True


def sentence_counts(text: str, date_spans=()) -> list[Count]:
    """The casualty-like counts in a sentence: a number with a word saying what it counts within a few words."""
    lex = lexicon()
    text = _masked(normalise(text), date_spans).lower()
    tokens = [(m.group(0), m.start()) for m in re.finditer(r"\d{1,3}(?:,\d{3})+|\d+|[a-z][a-z'-]*", text)]
    words = [t for t, _ in tokens]
    counts = []
    for i, word in enumerate(words):
        value = _number_value(word)
        if value is None or (1900 <= value <= 2100 and "," not in word) or value == 1:
            continue
        if i + 1 < len(words) and words[i + 1] in ("percent", "per", "km", "kilometres", "metres", "hours",
                                                     "minutes", "years", "days", "weeks", "months", "times"):
            continue
        bound = "exact"
        for size in (3, 2, 1):
            if " ".join(words[max(i - size, 0):i]) in lex.bounds:
                bound = lex.bounds[" ".join(words[max(i - size, 0):i])]
                break
        stop = next((j for j in range(i + 1, min(i + 7, len(words))) if _number_value(words[j]) is not None), i + 7)
        after, before = words[i + 1:stop], words[max(i - 4, 0):i]
        kind = _first_kind(after, lex.quantities) or _first_kind(before, lex.quantities, backwards=True)
        if kind is None:
            continue
        group = _first_kind(words[i + 1:i + 4], lex.counted)
        said = " ".join(w for w in (bound.replace("_", " ") if bound != "exact" else "", word, group or "", kind) if w)
        counts.append(Count(value, bound, kind, group, said))
    return counts


def _first_kind(words: list[str], table: dict, backwards: bool = False) -> str | None:
    """The kind of the entry of ``table`` nearest the start of ``words`` (nearest the end if ``backwards``)."""
    positions = range(len(words) - 1, -1, -1) if backwards else range(len(words))
    for i in positions:
        for size in (3, 2, 1):
            phrase = " ".join(words[i:i + size])
            if phrase in table and i + size <= len(words):
                return table[phrase]
    return None


# ---------------------------------------------------------------- correction and update notes
CLAUSE_BREAK = re.compile(r"(;|:|,?\s+(?:but|while|whereas|not|rather than|instead of)\s+)", re.IGNORECASE)
TIMESTAMP = r"(?:\d{1,2}[:.]\d{2}\s*(?:-|\u2013|\u2014)?\s*)?"


@dataclass(frozen=True)
class Revision:
    """A figure an article replaced: ``old`` (given in sentence ``old_id``) and the figure it now gives, ``new``.

    ``kind`` is "correction" (the old figure was wrong) or "update" (the figure changed, perhaps because the
    count grew); ``cue`` is the words that opened the note.
    """

    kind: str
    cue: str
    old_id: int
    new_id: int
    old: Count
    new: Count


@lru_cache(maxsize=None)
def _note_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict]:
    roles = {}
    for line in load_words("crosscheck_corrections.txt"):
        phrase, _, role = line.rpartition(",")
        roles[phrase.strip().lower()] = role.strip()

    def alternatives(*wanted):
        phrases = sorted((p for p, r in roles.items() if r in wanted), key=len, reverse=True)
        return "|".join(map(re.escape, phrases))

    heading = re.compile(rf"^\W*{TIMESTAMP}({alternatives('correction', 'update')})\b[^:\n]{{0,30}}:", re.IGNORECASE)
    opener = re.compile(rf"(?<!\w)({alternatives('note')})(?!\w)", re.IGNORECASE)
    replaced = re.compile(rf"(?<!\w)({alternatives('replaced')})(?!\w)", re.IGNORECASE)
    return heading, opener, replaced, roles


def _clause_counts(text: str) -> list[tuple[Count, bool]]:
    """The counts of a sentence of a note, each with True when its clause gives the figure being replaced.

    A clause is "replaced" when it carries a cue such as "an earlier version"; a clause opened by "not",
    "rather than" or "instead of" takes the opposite side of the clause before it ("three, not thirteen").
    A bare number in a later clause counts what the clause before it counted ("...; the figure is three").
    """
    replaced_cue = _note_patterns()[2]
    parts = CLAUSE_BREAK.split(text)  # clause, separator, clause, separator, ...
    found, old = [], False
    for i in range(0, len(parts), 2):
        separator = parts[i - 1].strip(" ,").lower() if i else ""
        old = bool(replaced_cue.search(parts[i])) or (separator in ("not", "rather than", "instead of") and not old)
        counts = sentence_counts(parts[i])
        if not counts and found:
            before = found[-1][0]
            counts = [Count(value, "exact", before.kind, before.group, f"{word} {before.kind}")
                      for word in re.findall(r"\d{1,3}(?:,\d{3})+|\d+|[a-z]+", parts[i].lower())
                      if (value := _number_value(word)) is not None and value != 1]
        found += [(count, old) for count in counts]
    return found


def revisions(sentences: pd.DataFrame, date_spans: dict | None = None) -> list[Revision]:
    """The figures an article's correction and update notes replace, each paired with the figure now given.

    ``sentences`` is an article's ``sentences`` frame (sentence_id, part, paragraph, text); ``date_spans``
    maps a sentence id to the offsets of its dates, which are not read as numbers. A note opens at a heading
    ("Correction:", "Update (5 Oct):") or a phrase ("an earlier version of this story") and runs to the end of
    its paragraph. Inside it, a clause with a cue such as "an earlier version said" gives the old figure; the
    other clauses give the new one. When the note gives only one side, the other comes from the rest of the
    article (the text outside the note is the current version). Lexicon: ``crosscheck_corrections.txt``.
    """
    heading, opener, _, roles = _note_patterns()
    date_spans = date_spans or {}
    rows = list(sentences[["sentence_id", "part", "paragraph", "text"]].itertuples(index=False))
    notes, in_note = [], set()
    for position, row in enumerate(rows):
        if row.sentence_id in in_note or row.part in ("byline", "caption"):
            continue
        text = normalise(row.text)
        cue = heading.search(text) or opener.search(text)
        if cue is None:
            continue
        kind = "update" if roles.get(cue.group(1).lower()) == "update" else "correction"
        members = [r for r in rows[position:] if r.paragraph == row.paragraph]
        in_note |= {r.sentence_id for r in members}
        notes.append((kind, cue.group(0).strip(" :-"), members))
    outside = [(r.sentence_id, c) for r in rows if r.sentence_id not in in_note and r.part != "caption"
               for c in sentence_counts(r.text, date_spans.get(r.sentence_id, ()))]
    found, seen = [], set()
    for kind, cue, members in notes:
        counted = []
        for r in members:
            text = _masked(normalise(r.text), date_spans.get(r.sentence_id, ()))
            opening = heading.match(text)
            body = text[opening.end() if opening else 0:]
            counted += [(r.sentence_id, count, old) for count, old in _clause_counts(body)]
        old = [(sid, c) for sid, c, is_old in counted if is_old]
        new = [(sid, c) for sid, c, is_old in counted if not is_old]
        if not old and kind == "update":  # "Update: the toll rose to 15" replaces a figure given above it
            old = [(sid, c) for sid, c in outside if any(c.conflicts_with(n) for _, n in new)]
        for old_id, old_count in old:
            for new_id, new_count in sorted(new or outside, key=lambda item: abs(item[0] - old_id)):
                signature = (old_count.kind, old_count.value, new_count.value)
                if old_count.conflicts_with(new_count) and signature not in seen:
                    seen.add(signature)
                    found.append(Revision(kind, cue, old_id, new_id, old_count, new_count))
                    break
    return found


# ---------------------------------------------------------------- clustering
def _weights(sentence_keys_list) -> tuple[dict[str, float], dict[str, int]]:
    df = defaultdict(int)
    for keys in sentence_keys_list:
        for key in keys:
            df[key] += 1
    n = len(sentence_keys_list)
    return {key: math.log((n + 1) / (count + 1)) for key, count in df.items()}, df


def _rare_limit(n: int) -> float:
    """A key held by at most this many of ``n`` sentences is rare: it may propose pairs and merges."""
    return max(20, BLOCK_SHARE * n)


def _similarities(keyed: list[dict], idf: dict, df: dict) -> dict[tuple[int, int], float]:
    """Cosine of idf-weighted key sets, for pairs that share at least one rare key (blocking)."""
    limit = _rare_limit(len(keyed))
    index = defaultdict(list)
    for i, keys in enumerate(keyed):
        for key in keys:
            if df[key] <= limit:
                index[key].append(i)
    weight = [{k: (idf[k] * KEY_WEIGHTS[kind]) ** 2 for k, kind in keys.items()} for keys in keyed]
    norms = [math.sqrt(sum(w.values())) for w in weight]
    pairs = {}
    for members in index.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if (a, b) in pairs:
                    continue
                shared = weight[a].keys() & weight[b].keys()
                if len(shared) < MIN_SHARED_KEYS or not norms[a] or not norms[b]:
                    pairs[(a, b)] = 0.0
                    continue
                score = sum(weight[a][k] for k in shared) / (norms[a] * norms[b])
                dates_a = {k for k in weight[a] if k.startswith("date:")}
                dates_b = {k for k in weight[b] if k.startswith("date:")}
                if dates_a and dates_b and not dates_a & dates_b:
                    score /= 2
                pairs[(a, b)] = score
    return {pair: score for pair, score in pairs.items() if score > 0}


def _average_linkage(n: int, pairs: dict, threshold: float, groups: list[int] | None = None,
                     may_start: set | None = None, agree=None) -> list[int]:
    """Sparse average-linkage clustering: returns a cluster label per item.

    ``groups`` (a label per item) starts from clusters already made instead of single items; when
    ``may_start`` is given, two clusters may merge only if one of these item pairs links them; ``agree``
    (members, members) -> bool can veto a merge.
    """
    groups = list(range(n)) if groups is None else list(groups)
    members = defaultdict(list)
    for item, label in enumerate(groups):
        members[label].append(item)
    links, allowed = defaultdict(dict), set()
    for (a, b), score in pairs.items():
        ga, gb = groups[a], groups[b]
        if ga != gb:
            links[ga][gb] = links[gb][ga] = links[ga].get(gb, 0.0) + score
            if may_start is None or (a, b) in may_start:
                allowed.add(frozenset((ga, gb)))
    size = {label: len(items) for label, items in members.items()}
    heap = [(-links[a][b] / (size[a] * size[b]), a, b) for a, b in map(tuple, allowed)]
    heapq.heapify(heap)
    next_id = max(size) + 1 if size else 0
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in size or b not in size:
            continue
        if -negative < threshold:
            break
        if agree is not None and not agree(members[a], members[b]):
            continue
        c, next_id = next_id, next_id + 1
        size[c] = size.pop(a) + size.pop(b)
        members[c] = members.pop(a) + members.pop(b)
        for other in (set(links[a]) | set(links[b])) - {a, b}:
            total = links[a].get(other, 0.0) + links[b].get(other, 0.0)
            links[other].pop(a, None)
            links[other].pop(b, None)
            links[c][other] = links[other][c] = total
            if frozenset((a, other)) in allowed or frozenset((b, other)) in allowed:
                allowed.add(frozenset((c, other)))
                heapq.heappush(heap, (-total / (size[c] * size[other]), c, other))
        del links[a], links[b]
    labels = [0] * n
    for label, items in members.items():
        for item in items:
            labels[item] = label
    return labels


def _place_and_day(a: int, b: int, keyed: list[dict], df: dict, limit: float) -> str | None:
    """The rare place, person or weapon and the day two sentences share, in words, or None."""
    shared = keyed[a].keys() & keyed[b].keys()
    places = sorted(k for k in shared if keyed[a][k] in ("name", "weapon") and keyed[b][k] in ("name", "weapon")
                    and df[k] <= limit)
    days = sorted(k[5:] for k in shared if k.startswith("date:"))
    return f"{' + '.join(places)} on {' + '.join(days)}" if places and days else None


def _merge_pass(labels: list[int], pairs: dict, keyed: list[dict], df: dict, threshold: float = MERGE_THRESHOLD,
                links=()) -> tuple[list[int], dict[int, list[str]]]:
    """Second pass: join clusters that name the same rare place, person or weapon on the same day.

    The first pass keeps a big event in several clusters, because most of its sentences share only a few keys.
    Here two clusters may join when a sentence of one and a sentence of the other share a rare name or weapon
    key AND a date key; they do join, most similar first, while the average similarity of their sentences stays
    above ``threshold`` (lower than the first pass's), so that one sentence naming two places does not chain
    two events together. ``links`` are sentence pairs that must end together, with the reason ("a correction
    note replaces ..."). Returns the new labels and, per label, the reasons of its merges in words.
    """
    limit = _rare_limit(len(keyed))
    why = {pair: reason for pair in pairs if (reason := _place_and_day(*pair, keyed, df, limit))}

    def telling(items, size: int = 2) -> list[str]:  # words many members share and few other sentences use
        counts = defaultdict(int)
        for item in items:
            for key, kind in keyed[item].items():
                if kind == "word":
                    counts[key] += 1
        held = [k for k in counts if counts[k] >= 2]
        return sorted(held, key=lambda k: (-counts[k] * math.log((len(keyed) + 1) / (df[k] + 1)), k))[:size]

    def agree(a_items, b_items) -> bool:  # most members of each cluster use the other's telling words
        def uses(words, items):
            return all(2 * sum(word in keyed[i] for i in items) > len(items) for word in words)
        return uses(telling(a_items), b_items) and uses(telling(b_items), a_items)

    merged = _average_linkage(len(keyed), pairs, threshold, groups=labels, may_start=set(why), agree=agree)
    for a, b, _ in links:
        old, new = merged[a], merged[b]
        merged = [new if label == old else label for label in merged]
    reasons = defaultdict(list)
    for (a, b), reason in why.items():
        if labels[a] != labels[b] and merged[a] == merged[b]:
            reasons[merged[a]].append(f"same {reason}")
    for a, b, reason in links:
        reasons[merged[a]].append(reason)
    return merged, {label: list(dict.fromkeys(found)) for label, found in reasons.items()}


# ---------------------------------------------------------------- the result
@dataclass
class CrossCheck:
    """The cross-check of several articles: ``clusters``, ``reports`` and ``contradictions`` frames."""

    clusters: pd.DataFrame
    reports: pd.DataFrame
    contradictions: pd.DataFrame

    def cluster(self, number: int) -> pd.DataFrame:
        """The reports of one cluster, earliest first."""
        return self.reports[self.reports["cluster"] == number].reset_index(drop=True)

    def explain(self, number: int) -> str:
        """One cluster in plain words: what it is about, who carries it, what it rests on, what conflicts."""
        row = self.clusters.set_index("cluster").loc[number]
        reports = self.cluster(number)
        lines = [f"Cluster {number} is about: {row['claim']} (the words most of its sentences share).",
                 f"It holds {row['n_reports']} sentences from {row['n_articles']} article(s) by {row['outlets']}; "
                 f"first reported {row['first_report']}, last {row['last_report']}."]
        chains = _chains(reports.to_dict("records"))
        if chains and not row["single_sourced"]:  # a single-sourced explanation already gives the chains
            lines.append("Where each outlet's report comes from: " + " ".join(chains))
        lines.append(row["explanation"])
        others = (("disputes", "disputes it"), ("hedges", "only hedges it"), ("retracts", "retracts a figure"))
        for role, verb in others:
            for item in reports[reports["role"] == role].drop_duplicates("outlet").itertuples():
                lines.append(f"{item.outlet} {verb}: \"{_short(item.text, 200)}\"")
        if row.get("merged_on"):
            lines.append(f"Groups joined because: {row['merged_on']}.")
        for item in self.contradictions[self.contradictions["cluster"] == number].itertuples():
            lines.append(f"Contradiction ({item.kind}): {item.explanation}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        single = int(self.clusters["single_sourced"].sum()) if len(self.clusters) else 0
        return (f"CrossCheck: {len(self.clusters)} claim clusters over {self.reports['article'].nunique()} "
                f"articles; {single} single-sourced; {len(self.contradictions)} contradictions. "
                f"See .clusters, .reports, .contradictions, .explain(n).")


def _short(text: str, size: int = 110) -> str:
    return text if len(text) <= size else text[:size - 3] + "..."


def _chains(reports: list[dict]) -> list[str]:
    """Each asserting outlet's chain of citations in words: "KesPress cites Kanal Brenn, which cites ..."."""
    cites = {}
    for item in reports:
        if item["role"] == "asserts":
            cites.setdefault(item["outlet"], [o for o in item["origin"].split("; ") if o and o != item["outlet"]])
    sentences = []
    for outlet, origins in cites.items():
        if not origins or origins[0].endswith("(own reporting)"):
            sentences.append(f"{outlet} reports it on its own account.")
            continue
        path, current = [outlet], origins[0]
        while current not in path:
            path.append(current)
            current = next(iter(cites.get(current, [])), None)
            if current is None:
                break
        sentences.append(f"{path[0]} cites {path[1]}" + "".join(f", which cites {p}" for p in path[2:]) + ".")
    return sentences


def _sentence_table(articles) -> pd.DataFrame:
    """Every headline, standfirst, caption and body sentence with its status, source, dates and keys."""
    rows = []
    outlets = OutletNames(articles)
    for index, article in enumerate(articles):
        name = article_name(article, index)
        claims = article.claims()
        timeline = article.timeline()
        origins = report_origins(article, outlets)
        sources = article.sources()
        cited_elsewhere = _cited_outlets(article, origins)
        offsets = article.sentences.set_index("sentence_id")["start"]
        spans_of = {}
        for t in timeline[timeline["expr_start"].notna()].itertuples():
            start = offsets[t.sentence_id]
            spans_of.setdefault(t.sentence_id, []).append((int(t.expr_start) - start, int(t.expr_end) - start))
        revised = revisions(article.sentences, spans_of)
        for claim in claims.itertuples(index=False):
            times = timeline[timeline["sentence_id"] == claim.sentence_id]
            start = offsets[claim.sentence_id]
            day_rows = times[times["granularity"].eq("day") & times["start"].notna()]
            spans = spans_of.get(claim.sentence_id, [])
            found = origins[origins["sentence_id"] == claim.sentence_id]
            said_by = sources[(sources["sentence_id"] == claim.sentence_id) & sources["source_start"].notna()]
            source_spans = [(int(x.source_start) - start, int(x.source_end) - start) for x in said_by.itertuples()]
            rows.append({"article": name, "article_index": index, "outlet": article.outlet,
                         "published": article.published, "sentence_id": claim.sentence_id, "part": claim.part,
                         "text": claim.text, "status": claim.status, "source": claim.source,
                         "dates": sorted({str(pd.Timestamp(d).date()) for d in day_rows["start"]}),
                         "date_events": [(str(pd.Timestamp(t.start).date()), str(t.event or ""))
                                         for t in day_rows.itertuples()],
                         "date_spans": spans, "source_spans": source_spans, "cited_elsewhere": cited_elsewhere,
                         "retracted": any(r.old_id == claim.sentence_id for r in revised),
                         "revisions": [r for r in revised if claim.sentence_id in (r.old_id, r.new_id)],
                         "origins": [Origin(o.origin if isinstance(o.origin, str) else None, o.origin_kind)
                                     for o in found.itertuples()]})
    return pd.DataFrame(rows), outlets


def _cited_outlets(article, origins: pd.DataFrame) -> list[Origin]:
    """The outlets and accounts an article cites outside its captions (photo credits are not sources)."""
    body = set(article.sentences.loc[article.sentences["part"] != "caption", "sentence_id"])
    chosen = origins[origins["sentence_id"].isin(body) & origins["origin_kind"].isin(["outlet", "account"])
                     & origins["origin"].notna()]
    return list(dict.fromkeys(Origin(o.origin, o.origin_kind) for o in chosen.itertuples()))


def cross_check(articles, threshold: float = LINK_THRESHOLD, min_reports: int = 2,
                merge_threshold: float | None = MERGE_THRESHOLD) -> CrossCheck:
    """Group the sentences of several articles into claim clusters and check their origins and agreement.

    ``threshold`` is the average similarity two groups of sentences need to merge (higher: smaller, purer
    clusters). ``merge_threshold`` is the lower bar of the second pass, for clusters naming the same rare place
    on the same day (None: no second pass). Clusters with fewer than ``min_reports`` sentences are left out.
    """
    articles = list(articles)
    table, outlets = _sentence_table(articles)
    if table.empty:
        return CrossCheck(pd.DataFrame(columns=CLUSTER_COLUMNS), pd.DataFrame(columns=REPORT_COLUMNS),
                          pd.DataFrame(columns=CONTRADICTION_COLUMNS))
    names = _capitalised_words(table["text"])
    keyed = [sentence_keys(r.text, r.dates, r.date_spans, names, r.source_spans, outlets.pattern)
             for r in table.itertuples()]
    idf, df = _weights(keyed)
    pairs = _similarities(keyed, idf, df)
    row_of = {(r.article, r.sentence_id): i for i, r in enumerate(table.itertuples())}
    links = [(row_of[(r.article, v.old_id)], row_of[(r.article, v.new_id)],
              f"{v.kind} note in {r.article}: '{v.old.words}' replaced by '{v.new.words}'")
             for r in table.itertuples() for v in r.revisions
             if v.new_id == r.sentence_id and (r.article, v.old_id) in row_of]
    labels = _average_linkage(len(keyed), pairs, threshold)
    labels, merges = _merge_pass(labels, pairs, keyed, df, 2.0 if merge_threshold is None else merge_threshold,
                                 links)
    table["keys"] = keyed
    table["label"] = labels
    sizes = table["label"].map(table["label"].value_counts())
    table = table[sizes >= min_reports]
    order = (table.groupby("label").agg(first=("published", lambda d: min((x for x in d if x), default=None)),
                                        size=("label", "size"))
             .reset_index().sort_values(["first", "size"], ascending=[True, False], na_position="last"))
    number = {label: i + 1 for i, label in enumerate(order["label"])}
    reports, clusters, conflicts = [], [], []
    for label in order["label"]:
        group = table[table["label"] == label].sort_values(["published", "article", "sentence_id"],
                                                           na_position="last")
        claim = _claim_label(group["keys"].tolist(), idf)
        rows = _trace(group, number[label], claim, idf)
        found = _contradictions(rows, group, number[label], claim)
        for row in rows:
            row["in_contradiction"] = any((row["article"], row["sentence_id"]) in
                                          {(c["article_a"], c["sentence_a"]), (c["article_b"], c["sentence_b"])}
                                          for c in found)
        reports += rows
        conflicts += found
        clusters.append(_summary(rows, found, number[label], claim) | {"merged_on": "; ".join(merges.get(label, []))})
    report_frame = pd.DataFrame(reports)
    report_frame = report_frame[REPORT_COLUMNS + ["in_contradiction"]] if reports else \
        pd.DataFrame(columns=REPORT_COLUMNS + ["in_contradiction"])
    return CrossCheck(pd.DataFrame(clusters, columns=CLUSTER_COLUMNS), report_frame,
                      pd.DataFrame(conflicts, columns=CONTRADICTION_COLUMNS))


def _claim_label(keys_list: list[dict], idf: dict, size: int = 4) -> str:
    """The keys most members share, rarest first: a short name for what the cluster is about."""
    counts = defaultdict(int)
    for keys in keys_list:
        for key in keys:
            counts[key] += 1
    ranked = sorted(counts, key=lambda k: (-(counts[k] * idf.get(k, 0)), k))
    return " · ".join(k.replace("n:", "").replace("date:", "").replace("_", " ") for k in ranked[:size])


@lru_cache(maxsize=None)
def _refutation_pattern() -> re.Pattern:
    phrases = sorted(load_words("crosscheck_refutations.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, phrases)) + r")(?!\w)", re.IGNORECASE)


def _role(status: str, text: str = "", retracted: bool = False) -> str:
    """asserts, hedges (speculated), disputes (denied, or the sentence calls a claim false), or retracts (a
    correction note giving the figure the outlet no longer stands by)."""
    if retracted:
        return "retracts"
    if status != "denied" and _refutation_pattern().search(normalise(text)):
        return "disputes"
    return ROLE_OF_STATUS.get(status, "asserts")


# ---------------------------------------------------------------- origins and independence
def _trace(group: pd.DataFrame, number: int, claim: str, idf: dict) -> list[dict]:
    """One row per report of a cluster with its direct origin and the roots it traces back to."""
    records = list(group.itertuples(index=False))
    named = defaultdict(list)  # article -> outlets and accounts its asserting or hedging members cite
    for r in records:
        if _role(r.status, r.text, r.retracted) in ("asserts", "hedges"):
            named[r.article] += [o for o in r.origins if o.kind in ("outlet", "account") and not o.vague]
    direct = {}
    for r in records:  # sentences with sources: a vague source is traced through the article's other citations
        resolved = []
        for origin in r.origins:
            if not origin.vague:
                resolved.append(origin)
            else:
                resolved += (named[r.article] or r.cited_elsewhere or
                             [Origin(f"unnamed {'accounts' if origin.kind == 'account' else 'reports'} ({r.outlet})",
                                     "unnamed")])
        direct[(r.article, r.sentence_id)] = list(dict.fromkeys(resolved))
    carried = defaultdict(list)
    for r in records:
        if r.origins and _role(r.status, r.text, r.retracted) in ("asserts", "hedges"):
            carried[r.article] += [o for o in direct[(r.article, r.sentence_id)] if o.kind != "own reporting"]
    for r in records:  # sentences without sources: a headline or summary rests on what its article cites
        if not r.origins:
            own = Origin(f"{r.outlet or r.article} (own reporting)", "own reporting")
            inherited = carried[r.article] if r.status == "unattributed" else []
            direct[(r.article, r.sentence_id)] = list(dict.fromkeys(inherited)) or [own]
    by_outlet = defaultdict(list)
    for r in records:
        if _role(r.status, r.text, r.retracted) in ("asserts", "hedges"):
            by_outlet[r.outlet].append(r)

    def roots(origin: Origin, seen: frozenset) -> set:
        if origin.kind != "outlet" or origin.name not in by_outlet or origin.name in seen:
            return {origin.name}
        found = set()
        for cited in by_outlet[origin.name]:
            for parent in direct[(cited.article, cited.sentence_id)]:
                found |= roots(parent, seen | {origin.name})
        return found or {origin.name}

    key_counts = defaultdict(int)
    for r in records:
        for key in r.keys:
            key_counts[key] += 1
    rows = []
    for r in records:
        origins = direct[(r.article, r.sentence_id)]
        traced = set().union(*(roots(o, frozenset({r.outlet})) for o in origins)) if origins else set()
        shared = sorted((k for k in r.keys if key_counts[k] > 1), key=lambda k: -idf.get(k, 0))
        rows.append({"cluster": number, "claim": claim, "article": r.article, "outlet": r.outlet,
                     "published": r.published, "sentence_id": r.sentence_id, "part": r.part, "text": r.text,
                     "status": r.status, "source": r.source, "role": _role(r.status, r.text, r.retracted),
                     "origin": "; ".join(o.name for o in origins), "origin_kind": "; ".join(dict.fromkeys(o.kind for o in origins)),
                     "traces_to": "; ".join(sorted(traced)),
                     "echo": any(o.kind == "outlet" and o.name in by_outlet for o in origins),
                     "shared_keys": ", ".join(k.replace("n:", "").replace("date:", "") for k in shared[:6])})
    return rows


def _summary(rows: list[dict], conflicts: list[dict], number: int, claim: str) -> dict:
    asserting = [r for r in rows if r["role"] == "asserts"]
    roots = sorted({root for r in asserting for root in r["traces_to"].split("; ") if root})
    outlets = list(dict.fromkeys(r["outlet"] for r in rows))
    carrying = list(dict.fromkeys(r["outlet"] for r in asserting))
    echo_outlets = list(dict.fromkeys(r["outlet"] for r in asserting if r["echo"]))
    dated = [r for r in rows if r["published"]]
    first = min(dated, key=lambda r: r["published"]) if dated else rows[0]
    last = max(dated, key=lambda r: r["published"]) if dated else rows[-1]
    single = len(roots) == 1 and len(carrying) >= 2
    if not asserting:
        explanation = "No report in this cluster asserts the claim: it is only hedged or denied."
    elif single:
        explanation = (f"Single-sourced: {len(carrying)} outlets carry this claim, but every chain of citations "
                       f"ends at one origin, {roots[0]}. {' '.join(_chains(_first_per_outlet(asserting)))} "
                       "Repetition is not confirmation.")
    elif len(carrying) == 1:
        explanation = f"Only {carrying[0]} carries this claim; it rests on {', '.join(roots) or 'no named origin'}."
    else:
        explanation = (f"{len(roots)} independent origins ({'; '.join(roots)}) across {len(carrying)} outlets"
                       + (f"; {', '.join(echo_outlets)} repeat another outlet of this cluster." if echo_outlets else "."))
    kinds = list(dict.fromkeys(c["kind"] for c in conflicts))
    if kinds:
        explanation += f" Contradiction: {', '.join(kinds)} (see .contradictions)."
    return {"cluster": number, "claim": claim, "n_reports": len(rows),
            "n_articles": len({r["article"] for r in rows}), "outlets": ", ".join(o for o in outlets if o),
            "first_report": f"{first['published']} {first['outlet']}", "last_report": f"{last['published']} {last['outlet']}",
            "origins": "; ".join(roots), "independent_origins": len(roots), "echoes": len(echo_outlets),
            "single_sourced": single, "contradiction": ", ".join(kinds), "explanation": explanation}


def _first_per_outlet(rows: list[dict]) -> list[dict]:
    chosen = {}
    for row in rows:
        current = chosen.get(row["outlet"])
        if current is None or (current["origin"].endswith("(own reporting)") and not row["origin"].endswith("(own reporting)")):
            chosen[row["outlet"]] = row
    return list(chosen.values())


# ---------------------------------------------------------------- contradictions
def _side(record) -> str:
    text = record.text if len(record.text) <= 140 else record.text[:137] + "..."
    return f"{record.outlet} ({record.published}): {text}"


def _conflict(kind, a, b, number, claim, explanation) -> dict:
    return {"cluster": number, "claim": claim, "kind": kind, "side_a": _side(a), "side_b": _side(b),
            "article_a": a.article, "sentence_a": a.sentence_id, "article_b": b.article,
            "sentence_b": b.sentence_id, "explanation": explanation}


def _contradictions(rows: list[dict], group: pd.DataFrame, number: int, claim: str) -> list[dict]:
    records = list(group.itertuples(index=False))
    found = _revision_conflicts(records, number, claim)
    found += _number_conflicts(records, number, claim)
    found += _denial_conflicts(records, number, claim)
    found += _timing_conflicts(records, number, claim)
    return found


def _number_conflicts(records, number, claim) -> list[dict]:
    counts = [(r, c) for r in records if not r.retracted for c in sentence_counts(r.text, r.date_spans)]
    found, seen = [], set()
    for i, (a, count_a) in enumerate(counts):
        for b, count_b in counts[i + 1:]:
            same_report = a.article == b.article and a.source == b.source
            if same_report or not count_a.conflicts_with(count_b):
                continue
            signature = (count_a.kind, tuple(sorted((count_a.value, count_b.value))))
            if signature in seen:
                continue
            seen.add(signature)
            what = f"{count_a.kind}" + (f" ({count_a.group or count_b.group})" if count_a.group or count_b.group else "")
            found.append(_conflict("numbers", a, b, number, claim,
                                   f"Different figures for the same count, {what}: {a.outlet} gives "
                                   f"'{count_a.words}' ({_by(a)}), {b.outlet} gives '{count_b.words}' ({_by(b)}). "
                                   "At most one of them can be right; look for who counted and when."))
    return found


def _revision_conflicts(records, number, claim) -> list[dict]:
    """A correction or update note that replaces a figure: the old figure against the one that replaced it."""
    by_id = {(r.article, r.sentence_id): r for r in records}
    found, seen = [], set()
    for record in records:
        for revision in record.revisions:
            old, new = by_id.get((record.article, revision.old_id)), by_id.get((record.article, revision.new_id))
            if old is None or new is None or (record.article, revision) in seen:
                continue
            seen.add((record.article, revision))
            outlet = old.outlet or old.article
            if revision.kind == "correction":
                meaning = ("The outlet now says the earlier figure was wrong; any report that copied the earlier "
                           "version still carries it.")
            else:
                meaning = ("An update can mean the count grew rather than that the first figure was wrong; check "
                           "which figure other reports copied, and when.")
            found.append(_conflict(revision.kind, old, new, number, claim,
                                   f"{outlet} changed its own figure in a {revision.kind} note "
                                   f"('{revision.cue}'): the earlier version gave '{revision.old.words}', the "
                                   f"current text gives '{revision.new.words}'. {meaning}"))
    return found


def _by(record) -> str:
    return f"according to {record.source}" if isinstance(record.source, str) and record.source else "in its own voice"


STRENGTH = {"confirmed": 0, "unattributed": 1, "claimed": 2, "reported": 3}


def _denial_conflicts(records, number, claim) -> list[dict]:
    found, done = [], set()
    denials = [r for r in records if _role(r.status, r.text, r.retracted) == "disputes"]
    assertions = [r for r in records if r.status in ASSERTING and _role(r.status, r.text, r.retracted) == "asserts"]
    for denial in denials:
        if denial.article in done:
            continue
        others = [a for a in assertions if not (a.article == denial.article and a.source == denial.source)]
        if not others:
            continue
        best = min(others, key=lambda a: (a.article == denial.article, STRENGTH[a.status], str(a.published)))
        done.add(denial.article)
        verb = {"confirmed": "confirms", "unattributed": "states as fact", "claimed": "reports the claim",
                "reported": "reports"}[best.status]
        found.append(_conflict("confirm/deny", denial, best, number, claim,
                               f"{denial.outlet} reports a denial ({_by(denial)}), while {best.outlet} {verb} "
                               f"({_by(best)}). Both cannot be right: check which side had the evidence and "
                               "whether a later report settles it."))
    return found


@lru_cache(maxsize=None)
def _future_pattern() -> re.Pattern:
    words = list(load_words("time_future.txt")) + ["could", "would", "may", "might", "expected", "likely"]
    return re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def _timing_conflicts(records, number, claim) -> list[dict]:
    """A report presenting as done an event that another report dates after the first was published."""
    found, done = [], set()
    for a in records:
        if _role(a.status, a.text, a.retracted) != "asserts" or not a.published or a.article in done or _future_pattern().search(a.text):
            continue
        words_a = {k for k, kind in a.keys.items() if kind == "word"}
        for b in records:
            shared = {k for k, kind in a.keys.items() if kind in ("word", "name", "weapon") and k in b.keys}
            if b.article == a.article or len(shared) < 2:
                continue
            for day, event in b.date_events:
                event_words = {_fold(w) for w in WORD.findall(normalise(event).lower())}
                if str(a.published) < day and words_a & event_words & shared:
                    found.append(_conflict("timing", a, b, number, claim,
                                           f"{a.outlet} reported this on {a.published} as already done, but "
                                           f"{b.outlet} dates it {day}, after that report was published: it was "
                                           "reported before it happened, or the two reports disagree on the date."))
                    done.add(a.article)
                    break
            if a.article in done:
                break
    return found
