"""Does the headline claim more than the story? Compare headline, standfirst and captions with the body.

For each headline, standfirst and caption sentence, the body sentences "about the same thing" are those that
share its content words (names, numbers, places, objects; ``lexicons/claims_stopwords.txt`` lists the words
that do not count, and a shared name or number counts double). Three findings are possible:

- ``overstated``: the headline or standfirst states its claim more firmly than its best body support
  (headline "confirmed", body only "said by" a source), or names a specific model the body only speculates
  about;
- ``caption_implies``: a caption names a specific model (a code such as "Kite-9", or a name before a weapon
  word of ``lexicons/claims_weapons.txt``) that the body never mentions or only speculates about, or blames a
  side for an attack ("Askar shelling", "where Kestrian troops left mines": a side's name up to three words
  before a word of ``lexicons/claims_attacks.txt``, in the same clause) that the body never blames in its own
  voice while it reports that blame denied or the attacker unknown;
- ``unsupported``: no body sentence shares the headline's or standfirst's subject at all.

A headline, standfirst or caption stated firmly with a word that the body uses only where it says, in its own
voice, that the evidence is missing ("Nothing in the documents shows that anyone leaked it") is ``overstated``
as well, however well its other words are backed.

An opinion piece (a headline labelled "Opinion:", a standfirst ending "..., asks/argues NAME" for the
by-lined writer, or a writer speaking as "I" in the body) whose headline states as fact a thesis the body only
argues with hedges (at least ``HEDGED_SHARE`` of its body sentences speculate) is ``overstated`` too.

A fair headline gives an empty frame. Firmness, from firmest: confirmed and unattributed (stated as fact),
then claimed, reported, speculated, denied.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .claims import CAPTION_CREDIT, classify_claims, cue_lexicon, frame_records, withheld_confirmation
from .lexicons import load_set, load_words

COLUMNS = ["part", "sentence_id", "text", "finding", "body_ids", "body_texts", "status", "body_status",
           "explanation"]
FIRMNESS = {"confirmed": 4, "unattributed": 4, "claimed": 3, "reported": 2, "speculated": 1, "denied": 0}
STATUS_WORDS = {"confirmed": "confirmed", "unattributed": "a plain fact (no source, no hedge)",
                "claimed": "claimed by a named source", "reported": "reported second-hand",
                "speculated": "speculation", "denied": "denied"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|\d[\d,.]*\d|\d")
CODE_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])")
NOT_A_CODE = re.compile(r"\d+(?:s|st|nd|rd|th|am|pm|km|m|kg|mm)?", re.I)
DEMONYM_ENDINGS = ("ian", "ish", "ese", "an", "i")
STEM_LENGTH = 6
CLAUSE_PUNCTUATION = re.compile(r"[,;:.()]")
BLAME_REACH = 3  # words from a side's name to its attack word: "Kestrian shelling", "Kestrian troops left mines"
MIN_SCORE = 2
SUPPORT_SHARE = 0.75  # body sentences scoring at least this share of the best score are "about the same thing"
HEDGED_SHARE = 0.2  # an opinion body with this share of speculating sentences argues rather than establishes
OPINION_LABELS = ("opinion", "comment", "editorial", "column", "op-ed", "view", "viewpoint")
COLUMNIST_LINE = re.compile(r",\s*(?:asks|argues|writes|says|warns)\s+((?:[A-Z][\w.'-]*\s*){1,4})\.?\s*$")
EVIDENCE_MISSING_OPENINGS = ("no ", "nothing", "none ")  # "no evidence", "no sign of", "nothing to back"
FIRST_PERSON = re.compile(r"(?:^|[\s(])I(?:\s|'m\b|'ve\b|'d\b)")


@dataclass(frozen=True)
class Words:
    """The content of one sentence: stems, the stems that are names or numbers, and model names."""

    stems: frozenset
    keys: frozenset
    models: tuple


@lru_cache(maxsize=None)
def _ignored() -> frozenset:
    cue_words = {word for cue in cue_lexicon().entries for word in cue.split() if not word.startswith("{")}
    return load_set("claims_stopwords.txt") | cue_words


def stem(word: str) -> str:
    """A light stem: lower case, no possessive, no plural -s, at most six letters ("Kestrian" ~ "Kestria")."""
    word = word.lower()
    word = re.sub(r"'s?$", "", word)
    if any(ch.isdigit() for ch in word):
        return word
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM_LENGTH]


@lru_cache(maxsize=None)
def _attack_stems() -> frozenset:
    return frozenset(stem(word) for word in load_words("claims_attacks.txt"))


@lru_cache(maxsize=None)
def _actors():
    from .actors import ActorLookup
    return ActorLookup()


def _is_place_or_people(word: str) -> bool:
    """ "Calvorian drones", "Kestria drones": a nationality or a country, not a model name."""
    found = _actors().match(word)
    return word.lower().endswith(DEMONYM_ENDINGS) or (found is not None and found[0] == word
                                                       and (found[1] == word or word.endswith(DEMONYM_ENDINGS)))


def content(text: str, names: frozenset) -> Words:
    """The content words of ``text``; ``names`` holds the stems written with a capital inside body sentences."""
    tokens = TOKEN.findall(text)
    kept = [t for t in tokens if t.lower() not in _ignored() and (len(t) > 2 or any(c.isdigit() for c in t))]
    stems = frozenset(stem(t) for t in kept)
    keys = frozenset(s for s in stems if s in names or any(c.isdigit() for c in s))
    models = [m.group() for m in CODE_TOKEN.finditer(text) if re.search(r"\d", m.group())
              and re.search(r"[A-Za-z]", m.group()) and not NOT_A_CODE.fullmatch(m.group())]
    for before, after in zip(tokens, tokens[1:]):
        if after.lower() in load_set("claims_weapons.txt") and before[:1].isupper() \
                and before.lower() not in _ignored() and not _is_place_or_people(before) and not before.isupper() and before not in models:
            models.append(before)
    return Words(stems, keys, tuple(models))


def _without(words: Words, outlet: frozenset) -> Words:
    """The words without the outlet's own name: "told Highland Dispatch" is not what a sentence is about."""
    return Words(words.stems - outlet, words.keys - outlet, words.models)


def surface_words(stems, text: str) -> list[str]:
    """The words of ``text`` as written whose stems are in ``stems``, in the order they appear there, each once
    ("Calvorian", "drones" rather than the stems "calvor", "drone"); a stem not written in ``text`` is kept."""
    found: dict[str, str] = {}
    for token in TOKEN.findall(text):
        key = stem(token)
        if key in stems and key not in found:
            found[key] = re.sub(r"'s?$", "", token)
    return list(found.values()) + sorted(set(stems) - set(found))


def _body_names(sentences: pd.DataFrame) -> frozenset:
    names = set()
    for text in sentences["norm"]:
        for match in list(TOKEN.finditer(text))[1:]:
            if match.group()[0].isupper():
                names.add(stem(match.group()))
    return frozenset(names)


def overlap(claim: Words, body: Words) -> tuple[int, list[str]]:
    """Score of shared content (a name or number counts 2, another word 1) and the shared stems."""
    shared = sorted(claim.stems & body.stems)
    return sum(2 if s in claim.keys or s in body.keys else 1 for s in shared), shared


def is_state_summary(row: dict) -> bool:
    """ "Kestria has acknowledged ...": a confirmation credited to a whole state, the outlet's summary of what
    somebody said; the learner should look for who said it and in what words."""
    source, party = row.get("source"), row.get("party")
    if row["status"] != "confirmed" or not isinstance(source, str) or not isinstance(party, str):
        return False
    return re.sub(r"^the\s+", "", source.strip(), flags=re.I).lower() == party.lower()


def withholds(row: dict) -> bool:
    """A body sentence that says a confirmation was not given, and confirms nothing else."""
    return bool(row.get("withheld")) and row["part"] == "body" and row["status"] != "confirmed"


def firmness(row: dict) -> int:
    """How firmly a sentence states its claim; a state-level confirmation counts as a claim, and a sentence
    that says a confirmation was withheld ("has not confirmed") supports no more than speculation."""
    if withholds(row):
        return min(FIRMNESS[row["status"]], FIRMNESS["speculated"])
    return FIRMNESS["claimed"] if is_state_summary(row) else FIRMNESS[row["status"]]


def is_overstated(claim_status: str, support: int) -> bool:
    """Two steps firmer than the body ("fact" over "reported"), or "confirmed" over anything weaker."""
    gap = FIRMNESS[claim_status] - support
    return gap >= 2 or (claim_status == "confirmed" and gap >= 1)


def _describe(row: dict) -> str:
    status = row["status"]
    who = f" by {row['source']}" if isinstance(row.get("source"), str) and row["source"] else ""
    cue = f" ('{row['cue']}')" if isinstance(row.get("cue"), str) and row["cue"] else ""
    text = f"sentence {row['sentence_id']} is {STATUS_WORDS[status]}{who if status != 'unattributed' else ''}{cue}"
    if withholds(row):
        text += f", and it says the confirmation was not given ('{row['withheld']}')"
    if is_state_summary(row):
        text += (f", credited to the whole state of {row['party']}: the outlet's summary, so ask who said it "
                 f"and in what words")
    return text


def _finding(claim: dict, kind: str, body: list[dict], body_status: str | None, explanation: str) -> dict:
    return {"part": claim["part"], "sentence_id": claim["sentence_id"], "text": claim["text"], "finding": kind,
            "body_ids": [b["sentence_id"] for b in body], "body_texts": [b["text"] for b in body],
            "status": claim["status"], "body_status": body_status, "explanation": explanation}


def _model_finding(claim: dict, words: Words, body: list[dict], body_words: list[Words]) -> dict | None:
    kind = "caption_implies" if claim["part"] == "caption" else "overstated"
    for model in words.models:
        key = stem(model)
        mentions = [b for b, w in zip(body, body_words) if key in w.stems or model in w.models]
        if not mentions:
            return _finding(claim, kind, [], None,
                            f"The {claim['part']} names '{model}', but the body never mentions it: the reader "
                            f"is shown something the story does not establish.")
        firmest = max(mentions, key=lambda b: FIRMNESS[b["status"]])
        if FIRMNESS[firmest["status"]] < FIRMNESS[claim["status"]] and FIRMNESS[firmest["status"]] <= 2:
            return _finding(claim, kind, mentions, firmest["status"],
                            f"The {claim['part']} presents '{model}' as {STATUS_WORDS[claim['status']]}, but the "
                            f"body only mentions it as {STATUS_WORDS[firmest['status']]}: "
                            + "; ".join(_describe(b) for b in mentions) + ".")
    return None


def _is_side(word: str) -> bool:
    found = _actors().match(word)
    return (found is not None and found[0] == word) or _is_place_or_people(word)


def blamed_sides(text: str) -> list[tuple[str, str]]:
    """(side, attack word) for each side named just before an attack word ("Askar shelling", "a Kestrian
    missile strike"): the sentence blames that side."""
    found = list(TOKEN.finditer(text))
    tokens = [match.group() for match in found]
    pairs = []
    for i, word in enumerate(tokens):
        if word[:1].isupper() and word.lower() not in _ignored() and _is_side(word):
            attack = next((t for t in found[i + 1:i + 1 + BLAME_REACH] if stem(t.group()) in _attack_stems()), None)
            if attack and not CLAUSE_PUNCTUATION.search(text, found[i].end(), attack.start()):
                pairs.append((word, attack.group()))  # "Gosha, where mines were found": no side's act
    return pairs


def _blame_finding(claim: dict, text: str, body: list[dict], body_words: list[Words]) -> dict | None:
    """A caption that blames a side for an attack which the body blames only through a party's accusation,
    while the body also reports a denial or says the attacker is unknown (or never names that side)."""
    for side, attack in blamed_sides(text):
        about = [(b, w) for b, w in zip(body, body_words) if w.stems & _attack_stems()]
        naming = [b for b, w in about if stem(side) in w.stems]
        if any(FIRMNESS[b["status"]] >= FIRMNESS["unattributed"] for b in naming):
            continue
        doubts = [b for b, _ in about if b["status"] in ("denied", "speculated")]
        if naming and not doubts:
            continue
        shown = (naming + [b for b in doubts if b not in naming])[:6]
        why = (f"the body never blames {side} for it" if not naming else
               f"the body blames {side} only through what somebody says, and it also reports a denial or doubt")
        return _finding(claim, "caption_implies", shown, min((b["status"] for b in shown),
                                                             key=lambda st: FIRMNESS[st], default=None),
                        f"The caption presents the {attack.lower()} as {side}'s, but {why}: "
                        + "; ".join(_describe(b) for b in shown) + ". Who attacked is not established.")
    return None


def is_opinion(article, rows: list[dict], sources_of: dict) -> bool:
    """An opinion piece: a headline labelled "Opinion:"/"Comment:", a headline or standfirst ending with
    "..., asks NAME" for the by-lined writer, or two body sentences where the writer, unquoted, says "I"."""
    headline = getattr(article, "headline", None) or ""
    if re.match(r"\W*(?:" + "|".join(OPINION_LABELS) + r")\s*:", headline, re.I):
        return True
    byline = getattr(article, "byline", None) or ""
    for row in rows:
        line = COLUMNIST_LINE.search(row["text"]) if row["part"] in ("headline", "standfirst") else None
        if line and byline and all(name in byline for name in line.group(1).split()):
            return True
    writer = [r for r in rows if r["part"] == "body" and not sources_of.get(r["sentence_id"])
              and not re.search(r"[\"\u2018\u2019\u201c\u201d]", r["text"]) and FIRST_PERSON.search(r["text"])]
    return len(writer) >= 2


def _opinion_finding(claim: dict, body: list[dict]) -> dict | None:
    """An opinion headline stated as fact over a body that argues its case with hedges."""
    hedged = [b for b in body if b["status"] == "speculated"]
    if FIRMNESS[claim["status"]] < FIRMNESS["unattributed"] or not body or len(hedged) < HEDGED_SHARE * len(body):
        return None
    return _finding(claim, "overstated", hedged[:6], "speculated",
                    f"This is an opinion piece whose {claim['part']} states its thesis as "
                    f"{STATUS_WORDS[claim['status']]}, but the writer argues it with hedges: {len(hedged)} of "
                    f"{len(body)} body sentences speculate, for instance "
                    + "; ".join(_describe(b) for b in hedged[:6]) + ". The headline is firmer than the argument.")


def says_evidence_missing(row: dict) -> bool:
    """A body sentence denied because the evidence is missing ("Nothing in the files shows", "no evidence",
    "images showed no radar"), rather than because somebody calls a story false."""
    cue = str(row.get("cue") or "").lower()
    return row["status"] == "denied" and (row.get("cue_family") == "missing evidence"
                                          or cue.startswith(EVIDENCE_MISSING_OPENINGS))


def _denied_word_finding(claim: dict, words: Words, body: list[dict], body_words: list[Words]) -> dict | None:
    """A firm headline or caption word that the body uses only where, in its own voice, it denies it or says
    the evidence for it is missing ("Nothing in the documents shows that anyone leaked it"): the headline
    asserts what the body says it cannot show, however well the rest of the headline is backed."""
    if FIRMNESS[claim["status"]] < FIRMNESS["claimed"]:
        return None
    for key in sorted(words.stems - words.keys):
        mentions = [b for b, w in zip(body, body_words) if key in w.stems]
        denials = [b for b in mentions if says_evidence_missing(b) and not isinstance(b.get("source"), str)]
        if not denials or any(firmness(b) > FIRMNESS["speculated"] for b in mentions):
            continue
        word = surface_words({key}, _claim_text(claim))[0]
        return _finding(claim, "overstated", mentions, "denied",
                        f"The {claim['part']} states '{word}' as {STATUS_WORDS[claim['status']]}, but the body "
                        f"uses that word only where it says, in its own voice, that the evidence for it is missing: "
                        + "; ".join(_describe(b) for b in mentions)
                        + f". The {claim['part']} asserts what the story says it cannot show.")
    return None


def _claim_text(claim: dict) -> str:
    if claim["part"] != "caption":
        return claim["text"]
    credit = CAPTION_CREDIT.search(claim["text"])
    return claim["text"][:credit.start()] if credit and credit.start() > 0 else claim["text"]


def check_claim(claim: dict, words: Words, body: list[dict], body_words: list[Words]) -> dict | None:
    """The finding for one headline, standfirst or caption sentence, or None when the body supports it."""
    found = _model_finding(claim, words, body, body_words)
    if not found and claim["part"] == "caption":
        found = _blame_finding(claim, _claim_text(claim), body, body_words)
    if not found:
        found = _denied_word_finding(claim, words, body, body_words)
    if found or claim["part"] == "caption":
        return found
    scored = [(overlap(words, w), b) for b, w in zip(body, body_words)]
    related = [(score, shared, b) for (score, shared), b in scored if score >= MIN_SCORE]
    if not related and FIRMNESS[claim["status"]] <= FIRMNESS["speculated"]:
        return None  # a question or a hedge claims nothing the body must back
    if not related:
        return _finding(claim, "unsupported", [], None,
                        f"No body sentence shares the subject of this {claim['part']} (its names, numbers, places "
                        f"or objects): nothing in the story backs it up.")
    best_score = max(score for score, _, _ in related)
    support = sorted((r for r in related if r[0] >= SUPPORT_SHARE * best_score), key=lambda r: -r[0])[:5]
    firmest = max((b for _, _, b in support), key=firmness)
    if not is_overstated(claim["status"], firmness(firmest)):
        return None
    summaries = [b for _, _, b in support if is_state_summary(b)]
    words_of = [(0, [], b) for b in body if summaries and b not in [s for _, _, s in support]
                and b.get("party") == summaries[0]["party"] and b["status"] != "unattributed"
                and b.get("source") != summaries[0]["source"]][:4]
    support += words_of
    shared = surface_words({s for _, words_shared, _ in support for s in words_shared}, _claim_text(claim))
    compared = next(status for status, level in FIRMNESS.items() if level == firmness(firmest))
    cue = f" ('{claim['cue']}')" if isinstance(claim.get("cue"), str) and claim["cue"] else ""
    return _finding(claim, "overstated", [b for _, _, b in support], compared,
                    f"The {claim['part']} presents this as {STATUS_WORDS[claim['status']]}{cue}. The body "
                    f"sentences about the same thing (sharing {', '.join(shared)}) give it at most as "
                    f"{STATUS_WORDS[compared]}: " + "; ".join(_describe(b) for _, _, b in support)
                    + f". The {claim['part']} is firmer than the story behind it.")


def _party(sentence_sources: list[dict], claim: dict) -> str | None:
    """The party of the source the claims frame linked to this sentence, from the sources rows of the sentence."""
    for row in sentence_sources:
        if claim.get("source") in (row.get("source"), row.get("refers_to")) and isinstance(row.get("party"), str):
            return row["party"]
    return None


def headline_check(article, claims: pd.DataFrame | None = None, sources: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """One row per finding on the headline, standfirst and captions; an empty frame for a fair headline."""
    if claims is None or sources is None:
        from .sources import find_sources
        sources = find_sources(article) if sources is None else sources
        claims = classify_claims(article, sources=sources) if claims is None else claims
    norms = dict(zip(article.sentences["sentence_id"], article.sentences["norm"]))
    sources_of: dict[int, list[dict]] = {}
    for row in frame_records(sources):
        sources_of.setdefault(row["sentence_id"], []).append(row)
    rows = [{**row, "party": _party(sources_of.get(row["sentence_id"], []), row),
             "withheld": withheld_confirmation(norms[row["sentence_id"]])} for row in claims.to_dict("records")]
    names = _body_names(article.sentences[article.sentences["part"] == "body"])
    outlet = frozenset(stem(word) for word in TOKEN.findall(getattr(article, "outlet", None) or ""))
    body = [r for r in rows if r["part"] == "body"]
    body_words = [_without(content(norms[r["sentence_id"]], names), outlet) for r in body]
    findings = []
    opinion = is_opinion(article, rows, sources_of)
    for claim in rows:
        if claim["part"] not in ("headline", "standfirst", "caption"):
            continue
        norm_claim = {**claim, "text": norms[claim["sentence_id"]]}
        words = _without(content(_claim_text(norm_claim), names), outlet)
        if not words.stems:
            continue
        found = check_claim(norm_claim, words, body, body_words)
        if found is None and opinion and claim["part"] == "headline":
            found = _opinion_finding(claim, body)
        if found:
            findings.append({**found, "text": claim["text"]})
    return pd.DataFrame(findings, columns=COLUMNS)
