"""Who speaks in a report: find every attribution, type its source and link short forms back to names.

The rules, in the order they run on each sentence (all word lists are files in ``dispatches/lexicons/``):

1. Passives with an agent ("is believed by analysts", "was shared by several channels"), "X was quoted as
   saying" and "Radio Y quoted an army spokesman as saying", "according to X", "citing X", and in headlines
   "Defence Ministry: ...".
2. Reporting verbs (``sources_verbs.csv``): the source is the noun phrase before the verb ("the ministry
   said"), stepping over descriptions between commas ("Jane Doe, an analyst at X, said"), or after the verb
   when it comes first ('"...," said the minister'); "X told Y" makes Y the channel, and a news outlet Y a
   source too; "X and Y reported" gives two sources; "..., saying" goes back to the sentence's subject.
   Adverbs, times and bracketed acronyms between subject and verb are stepped over ("the ministry on Sunday
   said", "Doctors Without Borders (MSF) said"); "declined to comment" names its subject; "Asked about a
   report by X" cites the report.
   Also: a stance held ("officials are optimistic that"), a leak ("were passed to the paper by X"), a live blog's
   "..., via Reuters" and "Name: ... \"quote\"".
3. Photo credits in captions: "(AFP)", "(Photo: Reuters)".
4. Quotations running over several sentences (double marks, or British single ones told apart from
   apostrophes, :mod:`dispatches.quotations`): each sentence of the quotation gets the same source, with the
   cue "continuation of '<cue>'".
Then every source is typed (:func:`source_type`), given a party (``dispatches.actors``), a channel ("in a
statement", "on Telegram", "in an interview with X") and its quotation, and pronouns or short forms ("he",
"the ministry", a surname, "one of them") are linked to the last compatible source in ``refers_to``
(:mod:`dispatches.coreference`). The reporting outlet's own voice ("Meridian Wire could not confirm") is not
a source.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .actors import ActorLookup, scenario_kinds
from .alternation import alternation
from .coreference import OBJECT_PRONOUNS, PART_OF_GROUP, PRONOUNS, Resolver, is_short_form
from .folded import Folded
from .frames import typed_frame
from .guarded import Guarded
from .lexicons import load_set, load_table, load_words
from .memo import one_article, remembered
from .quotations import continue_quotations, inside, nearest_quote, quote_segments
from .spans import SpanSet
from .text import normalise

COLUMNS = ["sentence_id", "source", "source_type", "party", "cue", "channel", "on_record", "quote", "refers_to",
           "source_start", "source_end", "cue_start", "cue_end"]
COLUMN_TYPES = {"sentence_id": "int64", "on_record": "bool", "source_start": "Int64", "source_end": "Int64",
                "cue_start": "Int64", "cue_end": "Int64"}
SOURCE_TYPES = ["official", "expert", "witness", "anonymous", "unnamed_group", "social_media", "media", "document"]

# Grammar words the rules need; the vocabulary of sources lives in the lexicon files.
SKIPPED_BEFORE_VERB = {"has", "have", "had", "also", "later", "earlier", "previously", "then", "repeatedly",
                       "publicly", "again", "first", "recently", "once", "separately", "further", "would",
                       "will", "could", "may", "might", "did", "does", "do", "not", "never", "long", "reportedly",
                       "already", "initially", "subsequently", "originally", "officially", "privately",
                       "openly", "quickly", "flatly", "firmly", "strongly", "vehemently", "categorically",
                       "angrily", "simply", "only", "just", "still", "allegedly", "apparently", "all",
                       "both", "themselves", "himself", "herself", "itself", "yet", "has since", "since",
                       "sharply", "swiftly", "immediately", "directly", "personally", "tacitly", "widely", "yesterday",
                       "today", "tonight", "now", "last", "night", "week", "this", "morning", "at first",
                       "together"}
QUOTE_MARKS = {'"', "'"}
PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "being"}
CLAUSE_WORDS = {"that", "which", "while", "when", "as", "but", "because", "after", "before", "since", "although",
                "though", "if", "where", "so", "whereas", "until", "than", "whether", "how", "what", "why",
                "whom", "whose", "what", "once", "unless", "nor", "meanwhile", "however", "thus", "hence",
                "yet", "indeed", "instead", "moreover", "also", "separately", "now", "elsewhere", "still",
                "later", "earlier", "previously", "then", "recently", "again"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
              "tonight", "week", "month", "year", "morning", "evening", "night", "afternoon", "ago", "weekend",
              "january", "february", "march", "april", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec", "overnight", "day", "days"}
RIGHT_STOPS = {"in", "on", "at", "during", "when", "while", "after", "before", "that", "adding", "as",
               "according", "to", "from", "last", "this", "who", "whose", "which", "about", "and", "but", "or",
               "with", "without", "by", "via", "over", "amid", "if", "than", "under", "through", "because",
               "since", "although", "though", "where", "citing", "speaking", "saying", "told", "said", "says",
               "added", "insisted", "warned", "also", "later", "earlier", "previously", "then", "however",
               "not", "it", "he", "she", "they", "was", "were", "is", "are", "had", "has", "have", "would",
               "will", "could", "can", "may", "might", "should", "did", "does", "do", "be", "been", *TIME_WORDS}
PREPOSITIONS = {"of", "for", "with", "to", "in", "at", "from", "by", "on", "inside", "near", "within"}
INVERTED_SUBJECT_ENDS = {"in", "on", "at", "during", "when", "while", "who", "adding", "after", "before", "last",
                         "this", "according", "from", "to", "told", "as", "speaking", "citing", "via",
                         *TIME_WORDS}
NOUNS_TAKING_PLACE = {"source", "sources", "official", "officials", "resident", "residents", "analyst",
                      "analysts", "expert", "experts", "researcher", "researchers", "diplomat", "diplomats",
                      "some", "many", "others", "people", "spokesman", "spokeswoman", "spokesperson",
                      "correspondent", "reporter", "commander", "officer", "insider", "insiders", "aide",
                      "aides", "one", "critics", "observers", "fellow", "professor", "lecturer", "doctor",
                      "doctors", "worker", "workers", "villagers", "soldiers", "soldier", "user", "users", "woman",
                      "man", "women", "men", "people", "account", "accounts", "blogger", "bloggers"}
DETERMINERS = {"a", "an", "the", "some", "several", "many", "one", "two", "three", "four", "five", "most",
               "few", "other", "another", "his", "her", "its", "their", "our", "your", "this", "these", "those"}
LEADING_NOISE = {"and", "but", "or", "so", "meanwhile", "however", "also", "separately", "still", "now",
                 "instead", "yet", "then", "indeed", "moreover", "elsewhere", "later", "earlier", "thus", "here",
                 "there"}
TITLE_ABBREVIATIONS = {"gen", "col", "maj", "lt", "dr", "mr", "mrs", "ms", "prof", "sgt", "capt", "rep", "sen",
                       "gov", "st", "u.s", "u.n", "cmdr", "adm", "brig", "pres", "no", "jr", "sr"}
STRONG_VERBS = {"said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "wrote",
                "writes", "tweeted", "insisted", "insists", "posted"}
# Rules tried only on sentences holding one of the strings every match holds (dispatches.guarded)
PASSIVE_WITH_AGENT = Guarded(re.compile(
    r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?(believed|considered|thought|regarded|seen|described|"
    r"understood|said|reported|alleged|rumou?red|suspected|estimated|told|quoted|accused|denied|confirmed|"
    r"claimed|disputed|rejected|dismissed|shared|posted|published|released|circulated|filmed|issued|"
    r"cited|quoted|spread|amplified|reposted|retweeted)(?:\s+(?!by\b)[\w-]+){0,4}?\s+by\s+"), ("by",))
LEAKED_BY = re.compile(r"\b(?:is|are|was|were|been)\s+(leaked|passed|handed|shown)"
                       r"(?:\s+to\s+((?:(?!by\b)[\w'-]+\s+){0,2}(?!by\b)[\w'-]+))?\s+by\s+")
QUOTED_AS = Guarded(re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?quoted\s+as\s+"
                               r"(saying|telling|writing)\b"), ("quoted",))
PARTICIPLE_CUE = re.compile(r",\s+(saying|adding|stating|noting|insisting|warning|claiming|arguing|explaining|"
                            r"telling)\b")
ACTIVE_QUOTED = Guarded(re.compile(r"\b(quoted|quotes|quoting)\s+(?!as\b)"), ("quot",))
CITING = Guarded(re.compile(r"\b(citing)\s+"), ("citing",))
HEADLINE_SOURCE = re.compile(r"^\s*([A-Z][^:\"]{1,60}?):\s+\S")
HEADLINE_TAIL = re.compile(r"\w\S*\s*(:|\s-)\s+((?:[\w'.-]+\s+){0,2}[\w'.-]+)\s*$")
COMES_FROM = re.compile(r"\b(comes?|came|come)\s+(?:directly\s+)?(from)\s+")
FIGURE_WORDS = {"toll", "figure", "figures", "number", "numbers", "data", "information", "estimate", "estimates",
                "tally", "count", "statistics", "details"}
VIA = re.compile(r"(?:^\s*|[,:(–-]\s*)([Vv]ia)\s+")
ASKED_ABOUT = Guarded(re.compile(r"\b[Aa]sked\s+(?:about|over|on)\s+"), ("sked",))
ACCORDING_TO = Guarded(re.compile(r"\b[Aa]ccording\s+to\s+"), ("ccording",))
TOKEN = re.compile(r"@?\w+(?:[-'./&]\w+|,(?=\d{3}\b)(?<=\d,)\d{3})*(?:(?<=\.\w)\.)?|[^\w\s]")
# ("U.S." keeps its last dot and "400,000" its comma)
CAPTION_CREDIT = re.compile(
    r"(?:\(\s*(?:(Photos?|Photograph|Picture|Image|Video|Credit|Footage|Source)\s*:\s*)?([^()]{2,80}?)\s*\)\s*$)"
    r"|(?:\b(Photos?|Photograph|Picture|Image|Video|Credit|Footage|Source)\s*:\s*([^()]{2,80}?)\s*\.?\s*$)")


def _word_pattern(entries, ignore_case: bool) -> re.Pattern | None:
    if not any(entries):
        return None
    body = alternation(entries, flexible_spaces=False, ignore_case=ignore_case)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists the rules use."""

    verbs: dict
    verb_re: re.Pattern
    anonymity_re: re.Pattern
    anonymity_heads: frozenset
    groups: frozenset
    witnesses: frozenset
    experts_re: re.Pattern
    expert_heads: frozenset
    media_names_re: re.Pattern
    media_words: frozenset
    media_words_re: re.Pattern
    social_re: re.Pattern
    social_heads: frozenset
    platforms: tuple
    platform_re: re.Pattern
    witnesses_re: re.Pattern
    documents: frozenset
    official_kind: dict
    officials_re: re.Pattern
    channel_nouns: frozenset
    channel_re: re.Pattern
    not_source_re: Folded


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    """Load and compile the sources lexicons once."""
    verbs = {row["verb"]: row for row in load_table("sources_verbs.csv")}
    verb_re = re.compile(r"(?<![\w-])(" + alternation(verbs, ignore_case=False) + r")(?![\w-])")
    anonymity = load_words("sources_anonymity.txt")
    media = load_words("sources_media.txt")
    media_names = [m for m in media if m != m.lower()]
    media_words = [m for m in media if m == m.lower()] + ["tv"]
    social = load_words("sources_social.txt")
    officials = {row["word"]: row["kind"] for row in load_table("sources_officials.csv")}
    channels = load_words("sources_channels.txt")
    channel_words = alternation(channels, ignore_case=False)
    channel_re = re.compile(
        r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Vv]ia|[Tt]hrough)\s+"
        r"(?:(?:a|an|the|his|her|its|their|one|another|this|that)\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:" + channel_words + r")\b(?:\s+(?:on|last|this|late|early)\s+\w+)*"
        r"(?:\s+(?:with|to|on|for|by|published by|aired by|broadcast by)\s+)?")
    experts = load_words("sources_experts.txt")
    platforms = tuple(s for s in social if s != s.lower()) + ("social media",)
    return Lexicon(
        verbs=verbs, verb_re=verb_re,
        anonymity_re=_word_pattern([a for a in anonymity if " " in a], True),
        anonymity_heads=frozenset(a for a in anonymity if " " not in a),
        groups=load_set("sources_groups.txt"),
        witnesses=load_set("sources_witnesses.txt"),
        experts_re=_word_pattern(experts, True),
        expert_heads=frozenset(e for e in experts if " " not in e),
        media_names_re=_word_pattern(media_names + [name for name, kind in scenario_kinds().items()
                                                    if kind == "outlet"], False),
        media_words=frozenset(media_words), media_words_re=_word_pattern(media_words, True),
        social_re=_word_pattern([s for s in social if s != s.lower()], False),
        platforms=platforms,
        platform_re=re.compile(r"\b(?:on|via)\s+(?:(?:his|her|its|their|the|an?)\s+(?:official\s+)?)?("
                               + alternation(platforms, flexible_spaces=False, ignore_case=False)
                               + r")(?![\w-])"),
        witnesses_re=_word_pattern(load_words("sources_witnesses.txt"), True),
        social_heads=frozenset(s for s in social if s == s.lower()),
        documents=load_set("sources_documents.txt"),
        official_kind=officials, officials_re=_word_pattern(officials, True),
        channel_nouns=frozenset(c.split()[-1] for c in channels),
        channel_re=channel_re,
        not_source_re=Folded(r"(?<![\w-])", load_words("sources_not.txt"), r"(?![\w-])", flexible_spaces=False),
    )


# ---------------------------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str  # the text in lower case, kept because the rules ask for it many times per token

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "@"

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0] == "@"


def _tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), word, word.lower()) for m in TOKEN.finditer(text) for word in (m.group(),)]


def _index_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (tokens are in text order)."""
    return bisect_left(tokens, offset, key=_token_start)


def _token_start(token: Token) -> int:
    return token.start


def _is_abbreviation_dot(tokens: list[Token], i: int) -> bool:
    return tokens[i].text == "." and i > 0 and tokens[i - 1].low in TITLE_ABBREVIATIONS


# ---------------------------------------------------------------------------------------------- phrases


def _trim(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Drop leading conjunctions/adverbs and trailing punctuation from tokens[lo:hi]; None if nothing is left."""
    while lo < hi and (tokens[lo].low in LEADING_NOISE or not tokens[lo].is_word and tokens[lo].text != "@"):
        lo += 1
    while hi > lo and not tokens[hi - 1].is_word and not _is_abbreviation_dot(tokens, hi - 1):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _left_phrase(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (exclusive), scanning leftwards to a clause boundary.

    An acronym in brackets is stepped over ("Doctors Without Borders (MSF) said"), a short relative clause is
    left out ("a witness who saw the blast said" -> "a witness"), and a subject longer than 14 words is cut to
    its head ("The commander of ... said" -> "The commander") when the head names a source.
    """
    end = _before_time_adverbial(tokens, end)
    end = _before_bracket(tokens, end)
    k, relative, list_commas, separator = end - 1, None, [], None
    while k >= 0:
        token = tokens[k]
        if token.text == ")" and k < end - 1:
            opening = _bracket_start(tokens, k)
            if opening is not None:
                k = opening - 1
                continue
        if not token.is_word and not _is_abbreviation_dot(tokens, k):
            if token.text in "'&/@":
                k -= 1
                continue
            if token.text == "," and separator is not None and separator - k <= 5 and k > 0 and \
                    (tokens[k - 1].is_capitalised or _list_noun(tokens[k - 1].low)):
                list_commas.append(k)       # 'Videos, satellite images and a leaked document point to'
                separator = k
                k -= 1
                continue
            break
        low = token.low
        if low in CLAUSE_WORDS and not (k > 0 and tokens[k - 1].low in ("a", "an", "the")) or \
                low in TIME_WORDS or low.isdigit() or _is_speech_verb(tokens, k):
            break           # (but 'a still from a video', 'the then minister' are noun phrases)
        if low in {"and", "or", "&"}:
            joins_names = (k + 1 < end and tokens[k + 1].low not in PRONOUNS and k > 0
                           and (tokens[k - 1].is_capitalised or _list_noun(tokens[k - 1].low) and end - k <= 5))
            if not joins_names:
                break
            separator = k if separator is None else separator
        if low in ("who", "whom") and not _anonymity_clause(tokens, k, end):
            if relative is not None or end - k > 9 or k == 0 or not tokens[k - 1].is_word:
                break
            relative = k
        k -= 1
    if relative is not None:
        if any(t.low in PASSIVE_AUX or t.low in PRONOUNS for t in tokens[k + 1:relative]):
            return None         # 'It was Smith who said': a cleft, not a subject
        end = relative
    while list_commas and (tokens[k + 1].low in PREPOSITIONS or tokens[k + 1].low in OPENING_PREPOSITIONS or
                           list_commas[-1] - k > 5):
        k = list_commas.pop()       # 'In Kharkiv, officials and residents said': the list starts after the comma
    if end - (k + 1) > 14:
        return _long_subject_head(tokens, k + 1, end)
    return _trim(tokens, k + 1, end)


def _before_relative(tokens: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """'A file that began circulating on Wednesday purports to be ...': a subject read leftwards that stops at a
    relative 'that' or 'which' is the relative clause; the source is the noun phrase before it."""
    if span is None or span[0] < 2 or tokens[span[0] - 1].low not in ("that", "which"):
        return span
    first = tokens[span[0]]
    if first.is_capitalised or not (first.low.endswith("ed") or first.low in RELATIVE_VERBS):
        return span
    before = tokens[span[0] - 2]
    noun_after_determiner = span[0] > 2 and tokens[span[0] - 3].low in DETERMINERS    # 'the report that'
    if not before.is_word or before.low in lexicon().verbs and not noun_after_determiner or \
            before.low in CLAUSE_WORDS:
        return span         # 'the ministry said that ...', 'so that'
    head = _left_phrase(tokens, span[0] - 1)
    return head or span


def _evidence_noun(word: str) -> bool:
    """'footage', 'satellite images', 'posts': a document or an online post that can support or contradict."""
    lex = lexicon()
    return word in lex.documents or word.removesuffix("s") in lex.documents or word in lex.social_heads or \
        word.removesuffix("s") in lex.social_heads


def _evidence_before(tokens: list[Token], participle: int) -> int | None:
    """Where the evidence phrase ending just before a participle starts ('a map' in 'A map released by X puts',
    'footage' in 'in footage broadcast by X'), when that phrase opens the sentence or follows 'in' or 'on';
    None when the word before the participle is not a document or a post, or the phrase is an object ('cannot
    verify reports issued by X' cites X)."""
    k = participle - 1
    if k < 0 or not _evidence_noun(tokens[k].low):
        return None
    while k > 0 and participle - k < 4 and tokens[k - 1].is_word and tokens[k - 1].low not in PREPOSITIONS and \
            tokens[k - 1].low not in CLAUSE_WORDS and tokens[k - 1].low not in lexicon().verbs:
        k -= 1
        if tokens[k].low in DETERMINERS:
            break
    before = tokens[k - 1] if k > 0 else None
    return k if before is None or before.low in ("in", "on") or not before.is_word else None


def _without_next_verb(tokens: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """'the foreign ministry puts the bridge ...': an agent phrase read rightwards that took in the next verb
    (a last lower-case word no word list knows, after a phrase that names a source) ends before it."""
    if span is None or span[1] - span[0] < 2:
        return span
    hi = span[1]
    while hi - span[0] > 1 and _is_adverb(tokens, hi - 1):
        hi -= 1         # 'the council differ sharply'
    last = tokens[hi - 1]
    if last.low in lexicon().verbs or not last.is_capitalised and not _list_noun(last.low) and \
            not _list_noun(_singular(last.low)) and last.low not in lexicon().official_kind and \
            last.low not in CHUNK_TAILS and tokens[hi - 2].is_word:
        rest = " ".join(t.text for t in tokens[span[0]:hi - 1])
        if _lexical_type(rest) or _has_name(_head_chunk(rest)):
            return span[0], hi - 1
    return span


CHUNK_TAILS = {"staff", "team", "unit", "office", "press", "service", "forces", "command", "authorities", "media"}


def _contact_clause(tokens: list[Token], k: int) -> bool:
    """'Officials I have spoken to insist': the preposition at ``k`` ends a relative clause without 'who'."""
    return tokens[k].low in ("to", "with") and any(t.low in ("i", "we", "you") for t in tokens[max(0, k - 4):k])


POSTING_PARTICIPLES = {"posted", "published", "shared", "uploaded", "released", "filmed", "circulated", "aired"}


def _after_document(tokens: list[Token], i: int) -> bool:
    """True when the word before token ``i`` (adverbs aside) is a document ('footage first posted')."""
    k = i - 1
    while k >= 0 and (tokens[k].low in SKIPPED_BEFORE_VERB or _is_adverb(tokens, k)):
        k -= 1
    lex = lexicon()
    return k >= 0 and (tokens[k].low in lex.documents or tokens[k].low.removesuffix("s") in lex.documents)


def _participial_subject(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """'A clip viewed 400,000 times since Wednesday shows', 'A woman interviewed at the camp on Tuesday said':
    a sentence that opens with a source noun and a participle phrase; the whole phrase up to ``end`` (the
    verb) is the subject, as long as no finite verb, relative word or comma comes between."""
    k = 0
    while k < end and tokens[k].low in LEADING_NOISE:
        k += 1
    start, participle = k, None
    while k < min(end, start + 6):
        token = tokens[k]
        if not token.is_word:
            return None
        if k > start and not token.is_capitalised and (token.low.endswith("ed") or token.low in PARTICIPLES):
            participle = k
            break
        k += 1
    if participle is None or not _list_noun(tokens[participle - 1].low) or end - start > 18 or \
            tokens[participle - 1].low in lexicon().verbs:
        return None
    for token in tokens[participle + 1:end]:
        if token.low in FINITE_MARKERS or token.text in ',;:"(':
            return None
    return _trim(tokens, start, end)


FINITE_MARKERS = PASSIVE_AUX | {"has", "have", "had", "who", "which", "that", "will", "would", "can", "could"}


def _quantifier(tokens: list[Token], k: int) -> bool:
    """'At least four videos', 'at most two officials': a preposition that counts, not one that places."""
    return tokens[k].low == "at" and k + 1 < len(tokens) and tokens[k + 1].low in ("least", "most")


def _list_noun(word: str) -> bool:
    """A head that can stand in a list of sources: a kind of person, or evidence ('videos', 'satellite images')."""
    lex = lexicon()
    return _source_noun(word) or word in lex.documents or word.removesuffix("s") in lex.documents or \
        word in lex.social_heads or word in lex.media_words


def _agent_with_its_noun(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """'A report published this morning by Open Hands': a subject read leftwards that stops at 'by' is the agent
    of a participle; the subject is the noun phrase before that participle, agent included."""
    for k in range(span[0] - 1, max(-1, span[0] - 5), -1):
        if not tokens[k].is_word:
            return None
        if tokens[k].low.endswith(("ed", "en")) or tokens[k].low in IRREGULAR_FORMS:
            noun = _left_phrase(tokens, k)
            return (noun[0], span[1]) if noun else None
    return None


def _possessor(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """'carried the ministry's denial' -> 'the ministry': the words before a possessive, back to a verb."""
    verbs, k = lexicon().verbs, end - 1
    while k > 0 and end - k < 6 and tokens[k - 1].is_word and tokens[k - 1].low not in verbs and \
            tokens[k - 1].low not in CLAUSE_WORDS and tokens[k - 1].low not in PREPOSITIONS and \
            not (tokens[k - 1].low.endswith("ed") and not tokens[k - 1].is_capitalised):
        k -= 1
    return _trim(tokens, k, end) if k < end else None


def _source_noun(word: str) -> bool:
    """A plural or collective head that names a kind of source ('officials', 'residents', 'analysts')."""
    lex = lexicon()
    return word in lex.anonymity_heads or word in lex.groups or word in lex.witnesses or \
        word.removesuffix("s") in lex.official_kind or word in lex.official_kind


def _bracket_start(tokens: list[Token], close: int) -> int | None:
    """Index of the '(' that opens the short bracket closing at ``close`` ('(ISW)', '(MSF)'), else None."""
    for i in range(close - 1, max(-1, close - 6), -1):
        if tokens[i].text == "(":
            return i
        if not tokens[i].is_word and not _is_abbreviation_dot(tokens, i):
            return None
    return None


def _before_bracket(tokens: list[Token], end: int) -> int:
    """Leave out a bracketed acronym that ends a subject: 'Doctors Without Borders (MSF) said'."""
    if end > 0 and tokens[end - 1].text == ")":
        opening = _bracket_start(tokens, end - 1)
        if opening is not None and opening > 0 and tokens[opening - 1].is_word:
            return opening
    return end


SPEECH_BREAKS = {"says", "tells", "writes", "adds", "say", "tell"}


def _is_speech_verb(tokens: list[Token], k: int) -> bool:
    """A finite reporting verb ('said', 'told', 'reported') ends a subject read leftwards: in 'Hamas said the
    campaign threatened ...' the subject of 'threatened' is not 'Hamas said the campaign'."""
    token = tokens[k]
    if token.is_capitalised or token.low not in lexicon().verbs:
        return False
    if not (token.low.endswith("ed") or token.low in IRREGULAR_FORMS or token.low in SPEECH_BREAKS):
        return False
    if any(t.low in ("who", "whom") for t in tokens[max(0, k - 3):k]):
        return False        # 'an official who asked not to be named told reporters'
    if token.low not in IRREGULAR_FORMS and k + 1 < len(tokens) and tokens[k + 1].low in PARTICIPLE_FOLLOWERS \
            and k > 0 and tokens[k - 1].is_word and tokens[k - 1].low not in PRONOUNS:
        return False        # 'a still from a video posted on Sept. 27 appears to show': a participle
    return k == 0 or tokens[k - 1].low not in DETERMINERS | QUALIFIERS


PARTICIPLE_FOLLOWERS = {"on", "online", "by", "overnight"}
QUALIFIERS = {"no", "any", "each", "every", "such", "un", "non", "widely", "officially", "newly"}


def _long_subject_head(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The head of an over-long subject ('The commander of the last stronghold in ...'), if it names a source."""
    span = _trim(tokens, lo, hi)
    if not span:
        return None
    k = span[0]
    while k < span[1] and k - span[0] < 6 and (k == span[0] or tokens[k].low not in CHUNK_ENDS):
        if not tokens[k].is_word and not _is_abbreviation_dot(tokens, k) and tokens[k].text != "'":
            return None
        k += 1
    head = _trim(tokens, span[0], k)
    if not head:
        return None
    phrase = " ".join(t.text for t in tokens[head[0]:head[1]])
    return head if _lexical_type(phrase) or _has_name(_head_chunk(phrase)) else None


def _before_time_adverbial(tokens: list[Token], end: int) -> int:
    """Step back over a time phrase that ends a subject ('Footage filmed by residents on Tuesday shows')."""
    k = end
    while k > 0 and (tokens[k - 1].low in TIME_WORDS or tokens[k - 1].low.isdigit() or
                     tokens[k - 1].text == "." and k > 1 and tokens[k - 2].low in TIME_WORDS):
        k -= 1
    if k < end and k > 0 and tokens[k - 1].low in ("on", "last", "this", "in", "late", "early", "next", "since"):
        k -= 1
    return k if k < end and k > 0 and tokens[k - 1].is_word else end


def _anonymity_clause(tokens: list[Token], lo: int, hi: int) -> bool:
    text = " ".join(t.text for t in tokens[lo:hi])
    return bool(lexicon().anonymity_re.search(text))


def _right_phrase(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``start``, scanning rightwards to a preposition or punctuation."""
    if start < len(tokens) and tokens[start].low in RIGHT_STOPS - DETERMINERS:
        return None
    k = start
    while k < len(tokens):
        token = tokens[k]
        low = token.low
        if not token.is_word:
            if _is_abbreviation_dot(tokens, k) or token.text in "'&/@":
                k += 1
                continue
            break
        previous = tokens[k - 1].low if k > start else ""
        if low in ("with", "to", "on") and previous in ("familiar", "close", "linked", "loyal", "allied",
                                                        "affiliated", "connected", "briefed", "near"):
            k += 1
            continue
        if low == "by" and (previous.endswith(("ed", "seen", "taken", "shown", "written")) and k - 1 > start
                            or previous in lexicon().documents):     # 'a report by the institute'
            k += 1
            continue
        if low in ("in", "at", "inside", "within", "from", "on") and previous in NOUNS_TAKING_PLACE:
            k += 1
            continue
        if low == "who" and _anonymity_clause(tokens, k, min(len(tokens), k + 8)):
            k = _end_of_clause(tokens, k)
            continue
        if k > start and (low in RIGHT_STOPS or low.isdigit() and not tokens[k - 1].is_capitalised):
            break
        if k > start and low in ("the", "a", "an") and previous not in PREPOSITIONS and \
                not (low == "the" and previous in lexicon().media_words and k + 1 < len(tokens)
                     and tokens[k + 1].is_capitalised):
            break       # but 'the British newspaper The Times' names the paper after its description
        if k > start and low in ("and", "or") and not (tokens[k - 1].is_capitalised and k + 1 < len(tokens)
                                                       and tokens[k + 1].is_capitalised):
            break
        k += 1
    if k - start > 14:
        k = start + 14
    return _trim(tokens, start, k)


def _ends_inverted_subject(tokens: list[Token], end: int) -> bool:
    """An inverted subject ('said the minister') is followed by punctuation, the end or a prepositional phrase."""
    return end >= len(tokens) or not tokens[end].is_word or tokens[end].low in INVERTED_SUBJECT_ENDS


def _end_of_clause(tokens: list[Token], k: int) -> int:
    while k < len(tokens) and tokens[k].is_word:
        k += 1
    return k


APPOSITIVE_OPENERS = {"a", "an", "the", "who", "whose", "which", "including", "such", "among", "one", "two", "three",
                      "both", "several", "his", "her", "their", "its", "now", "then", "formerly", "himself",
                      "herself", "once", "until", "also", "from"}
GROUPING_OPENERS = {"including", "such", "among"}


PRONOUN_DETERMINERS = {"some", "many", "several", "most", "few", "both", "others", "all", "another"}
LY_NOUNS = {"family", "ally", "assembly", "daily", "rally", "supply", "anomaly", "monopoly", "reply", "weekly",
            "monthly", "italy", "belly", "bully", "lily", "fly", "holy", "only", "early", "july"}


def _is_adverb(tokens: list[Token], j: int) -> bool:
    """'the authorities suddenly announced': an -ly adverb between a subject and its verb."""
    low = tokens[j].low
    return low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS and not tokens[j].is_capitalised and \
        j > 0 and tokens[j - 1].low not in DETERMINERS


def _is_time_word(tokens: list[Token], j: int) -> bool:
    """'The institute on Sunday wrote': a time phrase between a subject and its verb."""
    low = tokens[j].low
    if low in TIME_WORDS:
        return True
    return low in ("on", "late", "early", "earlier", "later", "in") and j + 1 < len(tokens) and \
        tokens[j + 1].low in TIME_WORDS     # ('images analysed by X in October showed')


ROLE_WORDS_LIMIT = 12


def _role_appositive(tokens: list[Token], lo: int, hi: int) -> bool:
    """'press secretary of the State Emergency Service', '49': a bare role or an age describing a name."""
    if hi - lo == 1 and tokens[lo].text.isdigit():
        return True
    if hi - lo > ROLE_WORDS_LIMIT or tokens[lo].is_capitalised:
        return False
    phrase = " ".join(t.text for t in tokens[lo:hi])
    return _lexical_type(phrase) is not None or _described_type("", phrase) is not None


def _starts_appositive(tokens: list[Token], k: int) -> bool:
    """True when tokens[k] opens a description of the source ("a farmer near Tashir", "who ...", "Kestria's")."""
    if k >= len(tokens) or not tokens[k].is_word:
        return False
    first = tokens[k]
    return first.low in APPOSITIVE_OPENERS or first.text.endswith("'s") and first.is_capitalised or \
        not first.is_capitalised and (first.low.endswith(("ing", "ed")) or first.low in PARTICIPLES)


PARTICIPLES = {"taken", "shown", "seen", "written", "given", "shot", "drawn", "known", "hidden", "stolen", "sent",
               "made", "found", "caught", "held", "brought"}   # 'The photos, taken by X and shared with Y, show'


def _appositive_left(tokens: list[Token], comma: int):
    """For 'NAME, DESCRIPTION, said' (tokens[comma] is the last comma): (source span, description span).

    Up to three comma-separated descriptions are stepped over ('Several users, including the account X,
    which is ..., have speculated'); 'TITLE, NAME, said' keeps both parts.
    """
    hi = comma
    for _ in range(3):
        k = hi - 1
        while k >= 0 and tokens[k].text not in ",;:\"()":
            k -= 1
        if k < 0 or tokens[k].text != "," or not 1 <= hi - k - 1 <= 22:
            return None
        head = _left_phrase(tokens, k)
        if hi == comma and tokens[k + 1].low in INTERRUPTIONS and hi - k - 1 <= 10:
            if head and tokens[head[0]].low not in OPENING_PREPOSITIONS and not _is_clause_opener(tokens[head[0]]):
                return head, head       # 'Jane Doe, in her nightly address, said': where, not who
            return None
        if head and hi == comma and all(t.is_capitalised or not t.is_word for t in tokens[k + 1:hi]) \
                and hi - k - 1 <= 5:
            return (head[0], comma), (head[0], comma)     # 'The President of X, Jane Doe, said'
        if not _starts_appositive(tokens, k + 1) and not _role_appositive(tokens, k + 1, hi):
            return None
        if head and head[0] > 0 and tokens[head[0] - 1].low in ("who", "whose", "which"):
            hi = k
            continue            # 'Jane Doe, who heads the mission of X, a monitoring body, said'
        if head and not _is_clause_opener(tokens[head[0]]):
            if PART_OF_GROUP.fullmatch(" ".join(t.low for t in tokens[head[0]:head[1]])) and \
                    tokens[k + 1].low in ("a", "an"):
                end = next((m for m in range(k + 2, hi) if tokens[m].low in ("who", "whose", "which")), hi)
                return (head[0], end), (head[0], comma)   # 'one of them, a retired driver who ..., said'
            return head, (head[0], comma)
        hi = k
    return None


INTERRUPTIONS = {"in", "on", "during", "via", "through", "for", "meanwhile", "however", "though", "too", "instead",
                 "nevertheless", "nonetheless", "likewise", "separately", "again", "later", "earlier", "then",
                 "courtesy", "or"}     # 'images, courtesy of X, show'; 'the Food Security Classification, or IPC, said'


def _is_clause_opener(token: Token) -> bool:
    """'including ...', 'which ...', 'speaking ...': a phrase that describes, never one that names."""
    return token.low in GROUPING_OPENERS | {"which", "who", "whose"} or \
        token.low.endswith("ing") and not token.is_capitalised


def _appositive_right(tokens: list[Token], end: int) -> int:
    """Where a description after an inverted source ends ('said Jane Doe, an analyst at X.'); ``end`` if none."""
    if end + 1 >= len(tokens) or tokens[end].text != "," or not _starts_appositive(tokens, end + 1):
        return end
    k = end + 1
    while k < len(tokens) and (tokens[k].text not in ",;:\"()." or _is_abbreviation_dot(tokens, k)):
        k += 1
    return k


# ---------------------------------------------------------------------------------------------- typing


@remembered
def _head_chunk(phrase: str) -> tuple[str, ...]:
    """The words of a source phrase before its first preposition, participle or comma ("a spokesman")."""
    words, all_words = [], TOKEN.findall(phrase)
    for index, word in enumerate(all_words):
        low = word.lower()
        if not (word[0].isalnum() or word[0] == "@") and word != "'":
            break
        followed_by_agent = index + 1 < len(all_words) and all_words[index + 1] == "by"
        if words and (low in CHUNK_ENDS or low.endswith("ed") and (followed_by_agent or word[0].islower() and
                                                                 _list_noun(words[-1].lower()))):
            break           # 'a clip viewed 400,000 times', 'images released by X'
        words.append(word)
    return tuple(words)


CHUNK_ENDS = {"of", "for", "in", "at", "from", "with", "who", "that", "including", "close", "familiar",
              "released", "published", "posted", "circulating", "shared", "by", "obtained", "seen", "called", "briefed",
              "named", "known", "on", "near", "inside", "linked", "loyal", "taken", "filmed", "showing", "issued",
              "based", "whose", "which", "and", "there", "here", "involved", "sympathetic", "affiliated", "allied",
              "aligned", "opposed", "friendly", "hostile", "posting", "sharing", "writing", "photographed",
              "recorded", "captured", "geolocated", "dated", "time-stamped", "broadcast",
              "i", "we", "you"}     # 'officials I have spoken to': a contact clause after the head


BLOC_ADJECTIVES = {"Western", "European", "Arab", "Gulf", "African", "Asian", "Latin", "Nordic", "Baltic", "Balkan",
                   "Eastern", "Southern", "Northern"}


@lru_cache(maxsize=None)
def _is_demonym_or_place(word: str) -> bool:
    """Demonyms, countries and capitals describe a source but do not name it ("Turkish sources")."""
    kinds = scenario_kinds()
    if word in kinds:
        return kinds[word] in ("country", "place")
    if word in BLOC_ADJECTIVES:
        return True         # 'a Western diplomat', 'European officials': where from, not who
    return ActorLookup().match(word) is not None or ActorLookup().match(word + ".") is not None


def _has_name(chunk: list[str], sentence_initial: bool = False) -> bool:
    """True when a phrase's words carry a proper name (a capitalised word that is not a determiner or demonym)."""
    for index, word in enumerate(chunk):
        if not (word[0].isupper() or word[0] == "@") or word.lower() in DETERMINERS:
            continue
        if index == 0 and (sentence_initial and (len(chunk) > 1 and not chunk[1][0].isupper()
                                                 or word.endswith("ing")) or _source_noun(word.lower())):
            continue        # 'Officials said', 'Residents say': a capital that only opens the sentence
        if PLURAL_ACRONYM.fullmatch(word):
            continue        # 'Some MPs', 'NGOs': a common noun in capitals, not a name
        if _is_demonym_or_place(word.removesuffix("'s")):
            continue
        return True
    return False


PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
YEAR_OLD = re.compile(r"\d+-year-old")
PARTITIVE = re.compile(r"(?:most|some|many|several|all|both|few|none|hundreds|dozens|thousands|scores)\s+of\s+"
                       r"(?:the\s+|those\s+|these\s+)?(?=[a-z])", re.IGNORECASE)
AGED = re.compile(r"^[\s,]*\d{1,3}\s*(?:,|$)")    # 'Jane Doe, 58, ...': an age introduces a private person
FORMER = re.compile(r"(?:(?:a|an|the)\s+)?(?:former|retired|ex-)\s*", re.IGNORECASE)
UNNAMED_ONES = {"a", "an", "one", "two", "three", "four", "several", "some", "another"}
ORDINAL_ONES = {"another", "second", "third", "fourth", "fifth", "sixth"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "ambassador"}
MEDIA_HEADS = {"agency", "network", "channel", "site", "service", "group", "daily", "weekly", "tv"}


@remembered
def _lexical_type(phrase: str, sentence_initial: bool = False) -> str | None:
    """The source type the lexicons give a phrase, or None when no word in it decides."""
    lex = lexicon()
    chunk = _head_chunk(phrase)
    if not chunk:
        return None
    head = chunk[-1].lower()
    chunk_text = " ".join(chunk)
    lowered = phrase.lower()
    named = _has_name(chunk, sentence_initial)
    kinds = scenario_kinds()
    known = next((kinds[w] for w in (chunk_text, *chunk) if w in kinds), None)
    if YEAR_OLD.fullmatch(head) and not named:
        return "witness"    # 'the 30-year-old', 'a 47-year-old soldier'
    if known == "account" or any(word.startswith("@") for word in chunk):
        return "social_media"
    if known == "outlet":
        return "media"
    media_name = lex.media_names_re.search(chunk_text) if lex.media_names_re else None
    if media_name and (media_name.end() == len(chunk_text) or head in lex.media_words or head in MEDIA_HEADS):
        return "media"      # 'the Washington Post', "Russia's Sputnik agency"
    media_word = lex.media_words_re.search(chunk_text)
    if media_word and media_word.end() == len(chunk_text) and " " in media_word.group():
        return "media"      # 'the Russian RIA news agency'
    if "online" in (w.lower() for w in chunk) and not named or chunk_text.lower().endswith("social media"):
        return "social_media"   # 'online sources', 'Image: social media'
    partitive = PARTITIVE.match(phrase)
    if partitive and not named:
        return _lexical_type(phrase[partitive.end():])     # 'most of the families': the families decide
    if head in lex.anonymity_heads and not named:
        return "anonymous"
    if head in lex.social_heads:
        return "social_media"
    if head in lex.documents or head.removesuffix("s") in lex.documents:
        online = ONLINE_DOCUMENT.search(lowered) or \
            (lex.social_re and lex.social_re.search(phrase))
        return "social_media" if online else "document"
    if head in lex.media_words or head.endswith("s") and _singular(head) in lex.media_words:
        return "media"      # 'state television', 'several outlets'
    if lex.anonymity_re.search(phrase):
        return "anonymous"
    if lex.social_re and lex.social_re.search(chunk_text) or "social media" in lowered:
        return "social_media"
    titles = [m.span() for m in lex.officials_re.finditer(chunk_text)]
    if any(not _overlaps(m.span(), titles) for m in lex.media_words_re.finditer(chunk_text)) and \
            head not in lex.official_kind and head not in lex.channel_nouns:
        return "media"      # 'a radio host', but not 'press secretary John Kirby'
    if chunk[0].lower() in UNNAMED_ONES and lex.official_kind.get(head) == "person" and not named \
            and not (head in SPOKESPEOPLE and re.search(r"\b(?:for|of|at|from)\s", lowered)):
        return "anonymous"      # 'one senior officer at Central Command', but 'a spokesman for the army' speaks for it
    if head in ("official", "officials"):
        return "anonymous"  # 'a senior Defence Ministry official': an unnamed person of a named body
    if head in ORDINAL_ONES and all(w.lower() in UNNAMED_ONES or w.lower() in ORDINAL_ONES for w in chunk):
        return "anonymous"  # 'Two officers said ..., and a third said': one more of the same unnamed people
    if head in lex.expert_heads or lex.experts_re.search(chunk_text):
        return "expert" if named or head not in lex.groups else "unnamed_group"
    if head in lex.witnesses or any(w.lower().removesuffix("'s") in lex.witnesses for w in chunk[:-1]
                                    if w[0].islower()):
        return "witness"
    if head in lex.groups or chunk[0].lower() in ("some", "many", "others") and not named:
        return "unnamed_group"
    if head in lex.official_kind or head.endswith("ies") and _singular(head) in lex.official_kind or \
            lex.officials_re.search(chunk_text):        # 'the agencies', not 'all units have reported'
        return "official"
    return None


def _singular(plural: str) -> str:
    """'agencies' -> 'agency', 'outlets' -> 'outlet' (good enough for the head words of sources)."""
    return plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")


def source_type(phrase: str, description: str | None = None, sentence_initial: bool = False) -> str:
    """The SPEC source type of a source phrase; ``description`` is an appositive that may decide it.

    The head of the phrase decides first ("sources" -> anonymous, "state TV" -> media, "satellite images" ->
    document); then what the phrase or its description adds ("Jane Doe **of the Halvard Institute**", "Aren
    Tosk, **a farmer**"); a named person or body is official.
    """
    found = _lexical_type(phrase, sentence_initial)
    described = _described_type(phrase, description)
    overridden = {"official": ("expert", "witness", "anonymous"), "document": ("social_media",),
                  "unnamed_group": ("expert", "anonymous"), "witness": ("social_media",)}
    if found and described not in overridden.get(found, ()):
        return found
    if described or found:
        return described or found
    chunk = _head_chunk(phrase)
    if chunk and chunk[-1].lower() not in PRONOUNS and not _has_name(chunk, sentence_initial) and _plural(phrase):
        return "unnamed_group"      # 'its fans say': people nobody names and no word list places
    return "official"


RELATIVE_PERSON = re.compile(r"[\s,]*who\s+(?!asked|spoke|declined|requested|was|is|were|are)")
LINKING_WORD = re.compile(r"^[\s,]*(?:who|whose|of|at|from|with)?\b")
CLAUSE_OPENING = re.compile(r"(?:which|that|[a-z]+ing)\b")
ONLINE_DOCUMENT = re.compile(r"circulating|online|social media|posted on|shared on")
ONLINE = re.compile(r"circulat|online|social media|post(?:ed|ing) on|shar(?:ed|ing) on|went viral|messaging",
                    re.IGNORECASE)


def _described_type(phrase: str, description: str | None) -> str | None:
    """The type given by what a phrase adds after its head, or by its description ('Jane Doe, a farmer')."""
    chunk = " ".join(_head_chunk(phrase))
    extras = [phrase[len(chunk):]] if phrase.startswith(chunk) and len(chunk) < len(phrase) else []
    if description and description.startswith(phrase):
        extras.append(description[len(phrase):])
    elif description:
        extras.append(description)
    lex = lexicon()
    if description and any(AGED.match(extra) for extra in extras) and _lexical_type(phrase) is None:
        aged = next(extra for extra in extras if AGED.match(extra))
        return _described_type(phrase, aged[AGED.match(aged).end():]) or "witness"
    for extra in extras:
        if RELATIVE_PERSON.match(extra) and lex.experts_re.search(extra):
            return "expert"     # 'who studies online propaganda at the University of X': the field, not a post
        extra = LINKING_WORD.sub("", extra).strip(" ,")
        former = FORMER.match(extra)
        if former and _lexical_type(extra[former.end():]) == "official":
            return "expert"     # 'a former air force officer' speaks for no one but himself
        if lex.anonymity_re.search(extra):
            return "anonymous"
        if CLAUSE_OPENING.match(extra):
            if ONLINE.search(extra) or lex.social_re and lex.social_re.search(extra):
                return "social_media"   # 'the footage, which circulated on social media'
            continue        # 'Jane Doe, visiting wounded soldiers', 'the army, which said ...': what it did
        found = _lexical_type(extra)
        if found:
            return found
        if lex.experts_re.search(extra):
            return "expert"
        if lex.witnesses_re.search(extra):
            return "witness"
    return None


def _is_person(phrase: str, kind: str = "official") -> bool:
    """Guess whether a named source is a person (for "he"/"she") rather than an organisation (for "it")."""
    kinds = scenario_kinds()
    chunk = _head_chunk(phrase)
    if any(kinds.get(word) == "person" for word in chunk):
        return True
    if kinds.get(" ".join(chunk)) in ("organisation", "outlet", "account", "country", "place"):
        return False
    named_after = phrase.split(",", 1)[1].split() if "," in phrase else []
    if len(named_after) >= 2 and all(word[0].isupper() for word in named_after):
        return True         # 'Our defence commentator, Oren Sallis'
    lex = lexicon()
    titled = next((k for k in range(len(chunk) - 2, -1, -1) if lex.official_kind.get(chunk[k].lower()) == "person"),
                  None)
    if titled is not None and all(word[0].isupper() for word in chunk[titled + 1:]):
        return True         # 'The Houthi military spokesman Yahya Sarea': a title and a name
    head = chunk[-1].lower() if chunk else ""
    organisation = lex.official_kind.get(head) == "organisation" or any(
        lex.official_kind.get(m.group().lower()) == "organisation" for m in lex.officials_re.finditer(" ".join(chunk)))
    if organisation or head in lex.media_words or head in lex.documents or kind in ("media", "document",
                                                                                  "social_media"):
        return False
    if kind in ("witness", "expert") and chunk and chunk[-1][0].isupper():
        return True
    if any(lex.official_kind.get(w.lower()) == "person" for w in chunk) or head in lex.witnesses:
        return True
    capitals = [w for w in chunk if w[0].isupper()]
    return len(capitals) >= 2 and lex.official_kind.get(capitals[-1].lower()) is None \
        and not (lex.media_names_re and lex.media_names_re.search(" ".join(chunk)))


# ---------------------------------------------------------------------------------------------- rows


@dataclass
class Attribution:
    """One source found in one sentence (offsets local to the sentence until the frame is built)."""

    sentence_id: int
    source: str
    cue: str
    source_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None
    description: str | None = None
    channel: str | None = None
    quote: str | None = None
    credit: bool = False
    origin: "Attribution | None" = None
    own_staff: bool = False     # 'a Meridian Wire photographer' in Meridian Wire, 'our correspondent': a witness


SPEAKING_TO = Guarded(re.compile(r"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:to|with|for)\s+|"
                                 r"\b(?:[Ii]n|[Dd]uring)\s+(?:comments|remarks|an\s+interview|a\s+call)"
                                 r"\s+(?:to|with)\s+"),
                      ("peaking", "alking", "riting", "comments", "remarks", "interview", "call"))


class _Channels:
    """Where the words of one sentence were said or published: the channel phrases, the outlets spoken to and the
    platforms it names, found once; each attribution takes the one nearest its cue."""

    def __init__(self, text: str, tokens: list[Token]):
        lex = lexicon()
        self.phrases = [(match.start(), _channel_phrase(text, match, tokens))
                        for match in lex.channel_re.finditer(text)]
        self.outlets = []       # 'speaking to the BBC', 'in comments to Reuters'
        for match in SPEAKING_TO.finditer(text):
            named = _right_phrase(tokens, _index_at(tokens, match.end()))
            if named:
                name = text[tokens[named[0]].start:tokens[named[1] - 1].end]
                if _lexical_type(name) == "media":
                    self.outlets.append((match.start(), name))
        first_seen: dict[str, int] = {}
        for found in lex.platform_re.finditer(text):
            first_seen.setdefault(found.group(1), found.start())
        self.platforms = [(first_seen[platform], platform) for platform in lex.platforms if platform in first_seen]

    def nearest(self, cue_start: int) -> str | None:
        """The channel phrase or outlet nearest the cue (the earlier one when two are as near; a phrase before an
        outlet), unless a platform is named within 40 characters of as near."""
        best = _nearest(self.phrases, cue_start)
        outlet = _nearest(self.outlets, cue_start)
        if outlet and (best is None or outlet[0] < best[0]):
            best = outlet
        for start, platform in self.platforms:
            distance = abs(start - cue_start)
            if best is None or distance <= best[0] + 40:
                best = (distance, platform)
        return best[1] if best else None


def _nearest(found: list[tuple[int, str]], position: int) -> tuple[int, str] | None:
    """(distance, text) of the entry of ``found`` (in text order) starting nearest ``position``, the earlier on
    a tie."""
    index = bisect_left(found, position, key=_first)
    near = [(abs(start - position), text) for start, text in found[max(0, index - 1):index + 1]]
    return min(near, key=_first) if near else None


def _first(pair: tuple) -> int:
    return pair[0]


def _channel_phrase(text: str, match: re.Match, tokens: list[Token]) -> str:
    """The channel a match of ``channel_re`` names: 'in a statement', or the outlet or platform after 'on',
    'with', 'to' ('in an interview with the BBC': the BBC)."""
    phrase = match.group().strip()
    if phrase.split()[-1] in ("with", "to", "on", "for", "by"):
        named = _right_phrase(tokens, _index_at(tokens, match.end()))
        if named:
            name = text[tokens[named[0]].start:tokens[named[1] - 1].end]
            capital_run = re.search(r"[A-Z@][\w'&.-]*(?:\s(?:[A-Z@][\w'&.-]*|\d+))*$", name)
            if capital_run:
                phrase = capital_run.group().strip()
            elif _lexical_type(name) == "media":
                phrase = name
            else:       # 'at a meeting with officials': the meeting is the channel, not the officials
                phrase = " ".join(phrase.split()[:-1])
        else:
            phrase = " ".join(phrase.split()[:-1])
    if phrase.split()[0].lower() in ("in", "on", "at", "during", "via", "through"):
        phrase = phrase.split(None, 1)[1]
    return phrase


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(lo < span[1] and span[0] < hi for lo, hi in spans)


def _plausible(phrase: str, cue: str, sentence_initial: bool) -> bool:
    """A weak reporting verb ("reported", "showed", "claimed") needs a subject that looks like a source."""
    if cue.split()[0] in STRONG_VERBS:
        return True
    chunk = _head_chunk(phrase)
    if not chunk:
        return False
    if chunk[-1].lower() in PRONOUNS or _lexical_type(phrase, sentence_initial):
        return True
    if _described_type(" ".join(chunk), phrase) == "official":
        return True         # 'the communications branch of the armed forces cautioned'

    if _has_name(chunk, sentence_initial) or _actor_head(chunk):
        return True
    capitals = [w for w in chunk if w[0].isupper() and not w.endswith("ing")]
    return sentence_initial and len(chunk) <= 3 and len(capitals) == len(chunk)


def _actor_head(chunk: list[str]) -> bool:
    """'Moscow warned', 'Kestria's army claimed': the head itself is an actor, not 'the Israeli campaign'."""
    found = ActorLookup().match(" ".join(chunk))
    return bool(found) and (chunk[-1].removesuffix("'s") == found[0].split()[-1] or chunk[0].startswith(found[0]))


LETTER = re.compile(r"[A-Za-z]")
NUMBER_WORDS = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                r"ninety|hundreds|dozens|thousands)\b")
FIGURE_GIVEN = Guarded(re.compile(r"\b(gave|gives|counted|counts|recorded|records|registered|registers|"
                                  r"puts?(?=\s+the\s+(?:death\s+)?(?:toll|number|figure)\s+at\s))\s+"
                                  r"(?:the\s+(?:death\s+)?(?:toll|number|figure)\s+at\s+)?"
                                  r"(?:at least\s+|about\s+|around\s+|nearly\s+|only\s+|some\s+|more than\s+)?"
                                  + NUMBER_WORDS), ("gave", "give", "count", "record", "regist", "put"))
STANCE_RESTATED = Guarded(re.compile(r"\b(repeated|repeats|renewed|renews)\s+(?:the|an?|its|his|her|their)\s+"
                                     r"(?:[a-z]+\s+)?(?:accusation|claim|charge|call|warning|denial|demand|appeal"
                                     r"|allegation)s?\b"), ("repeat", "renew"))
STANCE_HELD = re.compile(r"\b((?:is|are|was|were|remains?|remained)\s+(?:[a-z]+ly\s+)?(?:optimistic|pessimistic|"
                         r"confident|convinced|certain|adamant|hopeful|sceptical|skeptical|doubtful|unconvinced|"
                         r"worried|concerned|fearful|wary))\s+(?:that|about)\b")
OWNED_STATEMENT = Guarded(re.compile(r"(\b[\w-]+'s)\s+(denial|statement|assertion|accusation|announcement|remarks|"
                                     r"allegation|admission)s?\b(?!\s+of\b)"), ("'s",))
PARTICIPLE_AGENT = Guarded(re.compile(
    r"\b(?<![Ii]s\s)(?<![Aa]re\s)(?<![Ww]as\s)(?<![Ww]ere\s)(?<![Bb]een\s)(?<![Bb]e\s)"
    r"(posted|published|released|shared|circulated|repeated|issued|filmed|described|reported|cited|quoted|aired|"
    r"broadcast|verified|confirmed|documented|compiled)\s+(?:(?!by\b)[\w-]+\s+){0,3}?by\s+"), ("by",))
MEDIA_CARRIED = Guarded(re.compile(r"\b(carried|carries|aired|airs|ran|runs)\s+"
                                   r"(?:the|an?|its|his|her|their|[\w-]+'s)\s"), ("carrie", "air", "ran", "run"))
OWN_VOICE = {"this", "our", "we", "us"}
EITHER_SIDE = {"either", "each", "both", "neither", "any"}


BY_AGENT_OPENERS = DETERMINERS | {"@", "its", "their"}
SKIPPED_OR_PASSIVE = SKIPPED_BEFORE_VERB | PASSIVE_AUX
SKIPPED_OR_BEEN = SKIPPED_BEFORE_VERB | {"been"}


SPEAKER_LABEL = re.compile(r"\s*([A-Z][A-Z'.-]*(?:\s+[A-Z][A-Z'.-]*){0,3}|[A-Z][a-z-]+)"   # 'HAKAN VEREL', 'Host'
                           r"(?:,\s*([A-Z][\w'. -]{1,40}?))?"           # ', CNN ANCHOR'
                           r"(?:\s*\(([^()]{2,40})\))?"                  # ' (Jane Doe)'
                           r"\s*(:)\s+(?=\S)")
STAFF_INTRO = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}?([a-z-]+),?\s+((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)")


class _Speakers:
    """Who may speak in a transcript's speaker labels: anyone but the outlet's presenters and correspondents
    (role words in ``sources_transcript_roles.txt``, the names given with them, and 'our correspondent X')."""

    def __init__(self, article_text: str, dateline: str | None):
        self.article_text, self.dateline = article_text, (dateline or "").strip().upper()
        self._staff: set[str] | None = None

    def staff(self) -> set[str]:
        if self._staff is None:
            roles = load_set("sources_transcript_roles.txt")
            self._staff = {found.group(2).upper() for found in STAFF_INTRO.finditer(normalise(self.article_text))
                           if found.group(1) in roles}
        return self._staff

    def speaks(self, label: re.Match) -> bool:
        """True when a speaker label names a source rather than the outlet's own voice."""
        name, role, bracket = label.group(1), label.group(2) or "", label.group(3) or ""
        roles = load_set("sources_transcript_roles.txt")
        if name.lower() in roles or any(word in roles for word in role.lower().split()):
            if bracket:
                self.staff().add(bracket.upper())     # 'PRESENTER (Jane Doe):' and later 'JANE DOE:'
            return False
        letters = sum(ch.isalpha() for ch in name)
        if not name.isupper() or letters < 2 or name.lower() in RUBRICS or name == self.dateline or \
                _is_place_name(name.title()):
            return False        # 'Update:', 'Q:', 'BREAKING:', a dateline or a place
        return name not in self.staff()


def _is_place_name(name: str) -> bool:
    """'New Delhi', 'Brennholt': the whole phrase is a country or a place (so 'NEW DELHI:' is a dateline)."""
    kind = scenario_kinds().get(name)
    if kind:
        return kind in ("country", "place")
    found = ActorLookup().match(name)
    return bool(found) and found[0] == name


ANONYMITY_REASON = re.compile(r"\b(?:anonymity|anonymously|named|identified|authori[sz]ed\s+to\s+\w+)\s+"
                              r"(because\b[^,;]*)")


class _SentenceRules:
    """Apply the attribution rules to one normalised sentence."""

    def __init__(self, sentence_id: int, text: str, part: str, segments, outlet: str | None = None,
                 speakers=None):
        self.sentence_id, self.text, self.part, self.segments = sentence_id, text, part, segments
        self.outlet, self.speakers = outlet, speakers
        self.tokens = _tokens(text)
        self.blocked = SpanSet(m.span() for m in lexicon().not_source_re.finditer(text))
        self.reasons = SpanSet(m.span(1) for m in ANONYMITY_REASON.finditer(text)) if "because" in text else SpanSet()
        self.found: list[Attribution] = []
        self.taken = SpanSet()
        self.cues_used = SpanSet()

    def span(self, token_span):
        return (self.tokens[token_span[0]].start, self.tokens[token_span[1] - 1].end) if token_span else None

    def add(self, token_span, cue, cue_span, description_span=None, **extra) -> bool:
        span = self.span(token_span)
        if span is None or self.taken.overlaps(span) or self.blocked.overlaps(span) or \
                self.reasons.overlaps(span):
            return False        # (nor is anyone in the reason given for anonymity: 'because her agency ...')
        source = self.text[span[0]:span[1]]
        if not LETTER.search(source) or source.lower() in NOT_SUBJECTS:
            return False
        if self.outlet and not extra.get("credit") and cue not in OWN_REPORTING_CUES and \
                _chunk_is(source, self.outlet):
            return False        # the outlet's own voice ('Meridian Wire could not confirm') is not a source
        description = self.text[slice(*self.span(description_span))] if description_span else None
        self.taken.add(span)
        if cue_span:
            self.cues_used.add(cue_span)
        own_staff = False
        if self.outlet and self.outlet.removeprefix("The ") in source or source.lower().startswith("our "):
            head = _head_chunk(source)
            own_staff = bool(head) and head[-1].islower()
        self.found.append(Attribution(self.sentence_id, source, cue, span, cue_span, description,
                                      own_staff=own_staff, **extra))
        return True

    def run(self) -> list[Attribution]:
        if self.speakers is not None:
            self.speaker_label()
        self.passive_agents()
        self.quoted_as()
        self.according_to()
        if "from " in self.text and ("come" in self.text or "came" in self.text):
            self.figures_from()
        self.citing()
        self.asked_about()
        if self.part in ("headline", "standfirst"):
            self.headline_colon()
        elif '"' in self.text and ": " in self.text[:40]:
            self.quoted_colon()
        self.reporting_verbs()
        self.figures_and_stances()
        self.participle_agents()
        if not self.found:
            self.participle_cue()
        if not self.found and "ia " in self.text:
            self.relayed_via()
        if self.part == "caption":
            self.photo_credit()
        self.found.sort(key=lambda a: a.source_span[0])
        channels = None
        for attribution in self.found:
            cue_span = attribution.cue_span or (0, 0)
            if attribution.channel is None:
                channels = channels or _Channels(self.text, self.tokens)
                attribution.channel = channels.nearest(cue_span[0])
            if attribution.cue != "asked about":       # the report asked about did not say the quotation
                attribution.quote = nearest_quote(self.segments, self.text, attribution.cue_span)
        return self.found

    def passive_agents(self):
        """'is believed by analysts', 'was told by officials', 'were passed to the paper by a person ...'."""
        if "by " not in self.text:
            return
        for match in (*PASSIVE_WITH_AGENT.finditer(self.text), *LEAKED_BY.finditer(self.text)):
            if match.group(1) == "told" and self.text.startswith(" to ", match.end(1)):
                continue        # 'residents were told to leave by noon': an order, not a report
            if match.re is LEAKED_BY and match.group(1) != "leaked" and not self.newsroom(match.group(2)):
                continue        # 'passed to the Ledger by X' leaks, 'passed to the militia by X' supplies
            if not inside(match.span(), self.segments):
                agent = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
                if agent and self.tokens[agent[1] - 1].low in GENERIC_AUDIENCES:
                    continue    # 'a copy of which was seen by reporters': the reporters read, they do not say
                if agent:
                    end = _appositive_right(self.tokens, agent[1])
                    self.add(agent, match.group(1) + " by", match.span(1), (agent[0], end))

    def newsroom(self, phrase: str | None) -> bool:
        """'the Ledger' (this outlet), 'reporters', 'Reuters', 'this newspaper': someone who publishes."""
        if not phrase:
            return False
        phrase = phrase.strip()
        head = phrase.split()[-1].lower()
        return head in GENERIC_AUDIENCES or head in ("us", "newspaper", "paper") or \
            _lexical_type(phrase) == "media" or bool(self.outlet) and _chunk_is(phrase, self.outlet)

    def quoted_as(self):
        """'X was quoted as saying'; 'Radio Y quoted an army spokesman as saying' gives two sources."""
        for match in ACTIVE_QUOTED.finditer(self.text):
            if inside(match.span(), self.segments):
                continue
            quoted = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
            following = self.text[self.span(quoted)[1]:] if quoted else ""
            named = re.match(r",\s+((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*),(?=\s+as\s)", following)
            if named:       # 'quoted the spokesman for X, Jane Doe, as saying'
                end = _index_at(self.tokens, self.span(quoted)[1] + named.end(1))
                quoted = (quoted[0], end)
                following = following[named.end():]
            saying = re.match(r"\s+as\s+(saying|telling|writing)\b", following)
            if not saying:
                continue
            reporter = _left_phrase(self.tokens, _index_at(self.tokens, match.start()))
            if reporter:
                self.add(reporter, match.group(1), match.span(1))
            offset = len(self.text) - len(following)
            self.add(quoted, "quoted as " + saying.group(1), (match.start(1), offset + saying.end()))
        for match in QUOTED_AS.finditer(self.text):
            subject = _left_phrase(self.tokens, _index_at(self.tokens, match.start()))
            self.cues_used.add(match.span())
            if subject:
                self.add(subject, "quoted as " + match.group(1), match.span())

    def citing(self):
        """'..., citing Calvorian industry sources'."""
        for match in CITING.finditer(self.text):
            if not inside(match.span(), self.segments):
                phrase = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
                if phrase and _lexical_type(self.text[slice(*self.span(phrase))]) not in (None, "witness") or \
                        phrase and _has_name(_head_chunk(self.text[slice(*self.span(phrase))])):
                    self.add(phrase, "citing", match.span(1), phrase)

    def asked_about(self):
        """'Asked about a report by X, the minister said ...': the report or outlet put to the speaker is cited."""
        for match in ASKED_ABOUT.finditer(self.text):
            if inside(match.span(), self.segments):
                continue
            phrase = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
            if phrase and _lexical_type(self.text[slice(*self.span(phrase))]) in ("document", "media"):
                self.add(phrase, "asked about", (match.start(), match.end() - 1), phrase)

    def headline_colon(self):
        """'Defence Ministry: 46 tanks destroyed' in a headline or standfirst."""
        match = HEADLINE_SOURCE.match(self.text)
        if self.headline_tail() or not match:
            return
        if match.group(1).strip().lower() in RUBRICS or \
                match.group(1).split()[-1].lower() in RUBRICS or \
                match.group(1).isupper() and len(match.group(1).strip()) > 5:
            return
        phrase = match.group(1).strip()
        words = TOKEN.findall(phrase)
        if self.outlet and any(w in self.outlet.split() for w in words if w[0].isupper() and w != "The"):
            return              # 'The Morning Ledger: ...' from The Northern Ledger: the newsletter's name
        if _lexical_type(phrase) in ("official", "anonymous", "expert", "witness", "media") or \
                _has_name(_head_chunk(phrase)) and all(w[0].isupper() for w in words if w[0].isalpha()):
            lo = match.start(1)
            span = (_index_at(self.tokens, lo), _index_at(self.tokens, match.end(1)))
            self.add(span, ":", (match.end(1), match.end(1) + 1))

    def quoted_colon(self):
        """'Olesk: Sarvenia "will watch every metre"': a live blog's summary line giving a quotation to a name."""
        match = HEADLINE_SOURCE.match(self.text)
        if not match or '"' not in self.text[match.end(1):]:
            return
        phrase = match.group(1).strip()
        words = TOKEN.findall(phrase)
        if len(words) == 1 and (self.speakers is None or self.speakers.article_text.count(phrase) < 2):
            return              # 'Note: ...': a lone word must be a name the article gives elsewhere
        if len(words) > 4 or not all(w[0].isupper() for w in words if w[0].isalpha()) or \
                phrase.lower() in RUBRICS or words[-1].lower() in RUBRICS or _is_place_name(phrase) or \
                phrase.isupper() or phrase.lower() in load_set("sources_transcript_roles.txt"):
            return              # 'Update: ...', 'Dorvan: ...' (a dateline), 'PRESENTER:' (transcripts have their rule)
        if _has_name(_head_chunk(phrase)) or _lexical_type(phrase) in ("official", "anonymous", "expert", "media"):
            span = (_index_at(self.tokens, match.start(1)), _index_at(self.tokens, match.end(1)))
            self.add(span, ":", (match.end(1), match.end(1) + 1))

    def headline_tail(self) -> bool:
        """'Drone strike kills four: Russian officials', '... - sources': a wire headline's closing credit."""
        match = HEADLINE_TAIL.search(self.text)
        if not match or len(TOKEN.findall(self.text[:match.start(1)])) < 3:
            return False        # 'Fact check: Old video' is a rubric and its topic
        phrase = match.group(2)
        if _lexical_type(phrase) in ("official", "anonymous", "expert", "witness", "media", "document") or \
                _has_name(_head_chunk(phrase)) and all(w[0].isupper() for w in TOKEN.findall(phrase)):
            span = (_index_at(self.tokens, match.start(2)), _index_at(self.tokens, match.end(2)))
            return self.add(span, match.group(1).strip(), match.span(1))
        return False

    def according_to(self):
        """'according to X'."""
        for match in ACCORDING_TO.finditer(self.text):
            if not inside(match.span(), self.segments):
                phrase = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
                if phrase:
                    end = _appositive_right(self.tokens, phrase[1])
                    self.add(phrase, "according to", (match.start(), match.end() - 1), (phrase[0], end))

    def figures_from(self):
        """'The death toll ... comes from the health department': figures or information credited to where they
        came from (not 'the drones came from X' or 'the shelling came from the north')."""
        for match in COMES_FROM.finditer(self.text):
            if inside(match.span(), self.segments):
                continue
            k = _index_at(self.tokens, match.start())
            if not any(t.low in FIGURE_WORDS for t in self.tokens[max(0, k - 8):k]):
                continue
            phrase = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
            if phrase:
                text = self.text[slice(*self.span(phrase))]
                if _lexical_type(text) not in (None, "witness") or _has_name(_head_chunk(text)):
                    self.add(phrase, " ".join(match.group(1, 2)), match.span(), phrase)

    def reporting_verbs(self):
        lex, tokens = lexicon(), self.tokens
        for match in reversed(list(lex.verb_re.finditer(self.text))):
            cue_span, form = match.span(), " ".join(match.group(1).split())
            if inside(cue_span, self.segments) or self.blocked.overlaps(cue_span) or \
                    self.cues_used.overlaps(cue_span):
                continue
            entry = lex.verbs[form]
            i, after = _index_at(tokens, cue_span[0]), _index_at(tokens, cue_span[1])
            progressive = form.endswith("ing") and _progressive(tokens, i)
            if form.endswith("ing") and not progressive:
                continue        # ', saying ...' is read by participle_cue; only 'is telling its followers' here
            if after + 1 < len(tokens) and tokens[after].low == "to" and tokens[after + 1].low in ("be", "have") \
                    and form.endswith(("ed", "said", "thought")) and not (form in EVIDENCE_VERBS and _speaker_before(tokens, i)):
                continue        # 'damage said to be from a bombing': what is said of it, not who said it
            if _narrative_use(tokens, form, i, after):
                continue        # 'the group continued to advance', 'both recalled their envoys': no speech
            if form in NAMING_VERBS and (after >= len(tokens) or not tokens[after].text[0].islower()):
                continue        # 'an account called Frontline Monitor' names, it does not speak
            if form in ACT_VERBS and after < len(tokens) and tokens[after].is_word and \
                    tokens[after].low not in ("that", "the", "a", "an", "it", "its", "his", "her", "their"):
                continue        # 'declared martial law' is an act, not a statement
            if form.endswith("s") and form not in SPEECH_BREAKS and i > 0 and not tokens[i - 1].is_capitalised \
                    and (tokens[i - 1].low.endswith("ed") or i > 1 and tokens[i - 2].low in MODALS_OR_TO):
                continue        # 'bloggers published reports', 'cannot verify reports': a noun after a verb
            if i > 0 and (tokens[i - 1].low.endswith("'s") or tokens[i - 1].low in ("his", "her", "its", "their")
                          or tokens[i - 1].text == "'" and i > 1 and tokens[i - 2].low.endswith("s")):
                continue        # 'the ministry's claim', "the rebels' claim", 'his estimate': a noun after a possessive
            if form in NOUN_FORMS and after < len(tokens) and tokens[after].low == "of" or \
                    form.endswith("s") and form not in SPEECH_BREAKS and after < len(tokens) and \
                    tokens[after].low in ("are", "were", "have"):
                continue        # 'Kestrian reports of shelling', 'the lists are long': a noun, not a verb
            if form in POSTING_PARTICIPLES and _after_document(tokens, i):
                continue        # 'footage first posted on 16 September': a participle, not a finite verb
            if after + 1 < len(tokens) and tokens[after].low == "by" and (
                    tokens[after + 1].is_capitalised or tokens[after + 1].low in BY_AGENT_OPENERS
                    or tokens[after + 1].text.startswith("@")):
                continue        # 'the claim, first posted by X' (an agent follows), not 'said by telephone'
            j, passive, helped = i - 1, False, False
            while j >= 0 and (tokens[j].low in SKIPPED_OR_PASSIVE or _is_adverb(tokens, j) or
                              _is_time_word(tokens, j) or
                              tokens[j].low == "first" and j > 0 and tokens[j - 1].low == "at"):
                passive = passive or tokens[j].low in PASSIVE_AUX
                helped = helped or tokens[j].low in MODALS
                j -= 2 if tokens[j].low == "first" and j > 0 and tokens[j - 1].low == "at" else 1
            while j >= 1 and tokens[j].low == "to" and tokens[j - 1].low in CONTROL_VERBS:
                if tokens[j - 1].low in REFUSALS:     # 'declined to comment': the refusal is the cue
                    form = f"{tokens[j - 1].low} to {form}"     # (its span stays on the verb, after the negator)
                j, helped = j - 2, True
                while j >= 0 and tokens[j].low in SKIPPED_OR_BEEN:
                    j -= 1
            passive = passive and not progressive
            if form in EVIDENCE_ONLY and not (j >= 0 and _evidence_noun(tokens[j].low)):
                continue        # 'the footage does not support': the evidence word stands just before the verb
            stands_alone = j >= 0 and tokens[j].low in PRONOUN_DETERMINERS and (j == 0 or not tokens[j - 1].is_word)
            if passive or j >= 0 and (tokens[j].low in DETERMINERS and not stands_alone or
                                      tokens[j].low in PREPOSITIONS and not _contact_clause(tokens, j)):
                continue
            if j >= 0 and tokens[j].low == "and":
                subject = _opening_subject(tokens, j)
                if subject and _plausible(self.text[slice(*self.span(subject))], form, True):
                    self.add(subject, form, cue_span, subject)
                continue
            found = _appositive_left(tokens, j) if j >= 0 and tokens[j].text == "," else None
            after_quote = j >= 1 and tokens[j].text == "," and tokens[j - 1].text in QUOTE_MARKS or \
                j >= 0 and tokens[j].text in QUOTE_MARKS
            if (after_quote or not found) and j >= 0 and tokens[j].text in ",\"'" and entry["inverts"] == "yes" \
                    and self.inverted(after, form, cue_span):
                continue
            opening = None
            if j >= 0 and tokens[j].text == ",":
                subject, description = found if found else (None, None)
                if not found and self.part == "headline":
                    subject = description = _headline_subject(tokens, j)    # 'X does Y, says Z'
            else:
                subject = description = _left_phrase(tokens, j + 1)
                opening = _participial_subject(tokens, j + 1) if j >= 0 and not self.fits(subject) else None
                subject = description = opening or subject
            if not subject:
                continue
            subject = _before_relative(tokens, _pronoun_tail(tokens, subject))
            if tokens[subject[0]].low == "by":
                subject = _agent_with_its_noun(tokens, subject)    # 'a report published by X says'
            if subject and tokens[subject[0]].low in ("of", "from") and subject[0] > 0:
                noun = _left_phrase(tokens, subject[0])     # 'a still from a video posted online'
                subject = (noun[0], subject[1]) if noun else None
            if subject is None or tokens[subject[0]].low in PREPOSITIONS and not _quantifier(tokens, subject[0]) \
                    or tokens[subject[0]].low == "including":
                continue        # 'including in a clip posted overnight': a participle, not a speaker
            phrase = self.text[slice(*self.span(subject))]
            if tokens[subject[0]].low in QUESTION_AUXILIARIES | NEGATIVE_SUBJECTS or \
                    subject[0] > 0 and tokens[subject[0] - 1].low == "of" and tokens[subject[0]].low in ABSTRACT:
                continue        # 'What do the armies say?', 'nobody has said', 'all of it suggests': no speaker
            if form in NOUN_FORMS and any(tokens[k].low in MODALS_OR_TO for k in range(*subject)):
                continue        # 'The agency cannot verify battlefield reports': an object, not a subject
            if form in NOUN_FORMS and subject[1] - subject[0] == 1 and DEMONYM_ENDING.search(tokens[subject[0]].low) \
                    and _is_demonym_or_place(tokens[subject[0]].text):
                continue        # 'rejected Kestrian claims that ...': an adjective and a noun
            if form.split()[0] in EVIDENCE_VERBS and _lexical_type(phrase) in ("witness", "unnamed_group") and \
                    not _source_noun(tokens[subject[1] - 1].low):
                continue        # 'the hospital strike showed how ...': an event illustrates, but critics attest
            plausible = _plausible(phrase, form, subject[0] == 0)
            if not plausible and not opening and j >= 0 and tokens[j].text != ",":
                opening = _participial_subject(tokens, j + 1)   # 'A post published hours after the attack claimed'
                if opening:
                    subject = description = opening
                    phrase = self.text[slice(*self.span(subject))]
                    plausible = _plausible(phrase, form, subject[0] == 0)
            if not plausible or \
                    _is_base_form(form) and not helped and not _plural(phrase):
                continue        # 'Test report on ...': a bare 'report' needs a plural subject or a helper
            if form in CHECKING_VERBS and any(t.low in ("not", "never", "unable") for t in tokens[j + 1:i]) \
                    and _lexical_type(phrase) == "media":
                continue        # 'NBC News has not verified the claims': a newsroom's own caveat
            parts = [subject] if opening else _coordinated(tokens, subject)
            if len(parts) > 1:
                for part in parts:
                    self.add(part, form, cue_span, part)
                continue
            channel, addressee = None, None
            if entry["object"] == "yes" and after < len(tokens):
                addressee = _right_phrase(tokens, after)
                named = self.text[slice(*self.span(addressee))] if addressee else ""
                head = _head_chunk(named)[-1].lower() if addressee else ""
                if addressee and _lexical_type(named) == "media" and not _chunk_is(named, self.outlet or "") \
                        and (head not in GENERIC_AUDIENCES or named[0].isupper() or " " in named
                             and named.split()[1][0].isupper()):     # 'the press', but 'The Associated Press'
                    channel = named
                else:
                    channel = named if head in lex.channel_nouns else None     # 'told a news conference'
                    addressee = None
            if self.add(subject, form, cue_span, description, channel=channel) and addressee:
                self.add(addressee, form, cue_span, addressee, channel=channel)   # the outlet that was told
            if description and description[1] > subject[1]:
                self.included(subject[1], description[1], form, cue_span)

    def fits(self, subject) -> bool:
        """Whether a subject read leftwards can be the speaker; if not ('400,000 times', 'reviewed by X'), 'A
        clip viewed 400,000 times ...' or 'Satellite images taken ... and reviewed by X' is tried whole
        (:func:`_participial_subject`), as is a subject that does not look like a source ('the attack' in 'A
        post published hours after the attack claimed')."""
        if not subject:
            return False
        first = self.tokens[subject[0]]
        return not (first.low in PREPOSITIONS or first.text[0].isdigit() or
                    not first.is_capitalised and first.low.endswith("ed"))

    def figures_and_stances(self):
        """'the department counted seven dead', 'X repeated the accusation', 'state media carried the ministry's
        denial', 'officials are cautiously optimistic that': a figure given, a stance restated or held, a
        statement owned by a possessive."""
        tokens = self.tokens
        stances = (STANCE_HELD,) if not self.found and (" that " in self.text or " about " in self.text) else ()
        for pattern in (FIGURE_GIVEN, STANCE_RESTATED, MEDIA_CARRIED, *stances):
            for match in pattern.finditer(self.text):
                if inside(match.span(1), self.segments) or self.cues_used.overlaps(match.span(1)) or \
                        pattern is STANCE_HELD and self.found:
                    continue        # ('the army is confident that ..., the minister said': the minister's words;
                    #                  a stance is read only in a sentence with no other source so far)
                j = _index_at(tokens, match.start(1)) - 1
                while j >= 0 and (tokens[j].low in SKIPPED_BEFORE_VERB or _is_adverb(tokens, j) or
                                  _is_time_word(tokens, j)):
                    j -= 1
                if j >= 0 and tokens[j].text == ",":
                    found = _appositive_left(tokens, j)     # 'Their latest report, issued overnight, records'
                    subject = found[0] if found else None
                else:
                    subject = _left_phrase(tokens, j + 1) if j >= 0 and tokens[j].is_word else None
                if subject and tokens[subject[0]].low not in PREPOSITIONS:
                    phrase = self.text[slice(*self.span(subject))]
                    kind = _lexical_type(phrase, subject[0] == 0)
                    if pattern is MEDIA_CARRIED and kind != "media":
                        continue        # 'state TV carried the statement', not 'the trucks carried aid'
                    if kind or _has_name(_head_chunk(phrase), subject[0] == 0) or phrase.lower() in PRONOUNS:
                        self.add(subject, match.group(1).lower(), match.span(1), subject)
        for match in OWNED_STATEMENT.finditer(self.text):
            if inside(match.span(2), self.segments):
                continue
            owner = _possessor(tokens, _index_at(tokens, match.start(2)))
            if not owner:
                continue
            lo, hi = self.span(owner)
            hi -= 2                                     # without the "'s"
            phrase = self.text[lo:hi]
            if hi <= lo or self.taken.overlaps((lo, hi)) or not (_lexical_type(phrase) or
                                                                    _has_name(_head_chunk(phrase))):
                continue
            self.taken.add((lo, hi))
            self.found.append(Attribution(self.sentence_id, phrase, match.group(2).lower(), (lo, hi),
                                          match.span(2), phrase))

    def participle_agents(self):
        """'the claim, first posted by @X and repeated by several outlets': the agent of a bare participle."""
        for match in PARTICIPLE_AGENT.finditer(self.text):
            if inside(match.span(), self.segments):
                continue
            agent = _without_next_verb(self.tokens, _right_phrase(self.tokens, _index_at(self.tokens, match.end())))
            if not agent or self.tokens[agent[0]].low in OWN_VOICE or self.tokens[agent[0]].low in EITHER_SIDE:
                continue        # 'by this newspaper'; 'reports issued by either side': nobody in particular
            phrase = self.text[slice(*self.span(agent))]
            if _lexical_type(phrase) or _has_name(_head_chunk(phrase)):
                evidence = _evidence_before(self.tokens, _index_at(self.tokens, match.start(1)))
                if evidence is not None:    # 'footage broadcast by X', 'A map released by X puts': the evidence
                    agent = (evidence, agent[1])
                self.add(agent, match.group(1) + " by", match.span(1), agent)

    def relayed_via(self):
        """'More detail on the talks, via Reuters': a live blog relaying another outlet (not a platform such as
        Telegram, which is a channel, nor 'via' after a speaker, which gives only the channel)."""
        for match in VIA.finditer(self.text):
            if inside(match.span(), self.segments):
                continue
            phrase = _right_phrase(self.tokens, _index_at(self.tokens, match.end()))
            if phrase and _lexical_type(self.text[slice(*self.span(phrase))]) == "media":
                self.add(phrase, "via", match.span(1), phrase)

    def included(self, start: int, end: int, form: str, cue_span):
        """'Several users, including the account @X, ...': the named member is a source of its own."""
        for k in range(start, end):
            if self.tokens[k].low == "including" or self.tokens[k].low == "such" and \
                    k + 1 < end and self.tokens[k + 1].low == "as":
                member = _right_phrase(self.tokens, k + (2 if self.tokens[k].low == "such" else 1))
                if member and _has_name(_head_chunk(self.text[slice(*self.span(member))])):
                    self.add(member, form, cue_span, member)

    def participle_cue(self):
        """'The minister praised the drones, saying ...': the source is the subject opening the sentence."""
        match = PARTICIPLE_CUE.search(self.text)
        if not match or inside(match.span(1), self.segments):
            return
        tokens = self.tokens
        subject = _opening_subject(tokens, _index_at(tokens, match.start()))
        if subject and subject[1] < _index_at(tokens, match.start()):
            phrase = self.text[slice(*self.span(subject))]
            if _plausible(phrase, match.group(1), True) and _lexical_type(phrase) != "document":
                self.add(subject, match.group(1), match.span(1))

    def inverted(self, after: int, form: str, cue_span) -> bool:
        """'"...," said the minister': the source follows the verb."""
        subject = _right_phrase(self.tokens, after)
        if not subject or not _ends_inverted_subject(self.tokens, subject[1]):
            return False
        last = self.tokens[subject[1] - 1]
        if subject[1] - subject[0] > 1 and not last.is_capitalised and last.low.endswith("ed") and \
                self.tokens[subject[1] - 2].low not in PASSIVE_AUX and \
                not any(t.low == "of" for t in self.tokens[subject[0]:subject[1]]):
            return False        # 'said the shell landed': a clause, not a speaker
        phrase = self.text[slice(*self.span(subject))]
        if phrase.lower() in NOT_SUBJECTS or self.tokens[subject[0]].low == "that":
            return False
        if not _plausible(phrase, form, False):
            return False
        end = _appositive_right(self.tokens, subject[1])
        return self.add(subject, form, cue_span, (subject[0], end))

    def speaker_label(self):
        """'HAKAN VEREL: Medicine, ...' opening a transcript paragraph: the speaker of the turn is a source; a
        presenter, anchor or correspondent of the outlet ('PRESENTER (Jane Doe):') is its own voice."""
        match = SPEAKER_LABEL.match(self.text)
        if match and self.speakers.speaks(match):
            span = (_index_at(self.tokens, match.start(1)), _index_at(self.tokens, match.start(4)))
            self.add(span, ":", match.span(4))

    def photo_credit(self):
        """'(AFP)', '(Photo: Meridian Wire)', 'Photo: Reuters' at the end of a caption."""
        match = CAPTION_CREDIT.search(self.text)
        if not match:
            return
        group = 2 if match.group(2) else 4
        label_group = 1 if match.group(2) else 3
        label = match.group(label_group)
        lo, hi = match.span(group)
        token_span = (_index_at(self.tokens, lo), _index_at(self.tokens, hi))
        self.add(token_span, label + ":" if label else "photo credit",
                 match.span(label_group) if label else None, credit=True)


OPENING_PREPOSITIONS = {"in", "on", "at", "after", "before", "during", "from", "with", "speaking", "asked",
                        "for", "since", "despite", "amid", "under", "as", "while", "when"}
OWN_REPORTING_CUES = {"reported", "reports", "wrote", "revealed", "according to", "quoted"}
GENERIC_AUDIENCES = {"reporters", "journalists", "correspondents", "press", "media", "reporter", "journalist",
                     "newsmen", "audience", "viewers", "listeners", "readers"}
ACT_VERBS = {"declared", "declares"}
CHECKING_VERBS = {"verify", "verified", "confirm", "confirmed", "independently verify"}
REFUSALS = {"declined", "declines", "refused", "refuses"}
NAMING_VERBS = {"called", "calls", "described", "describes"}
CONTROL_VERBS = {"rushed", "rush", "refused", "refuses", "declined", "declines", "moved", "sought", "hastened",
                 "tried", "wanted", "wants", "continued", "continues", "appeared", "appears", "seemed", "seems",
                 "went", "expected", "failed", "hurried", "quick", "able", "unable", "willing", "ready"}
NOUN_FORMS = {"reports", "report", "claims", "claim", "accounts", "statements", "warnings", "denials", "estimates"}
ABSTRACT = {"it", "this", "that", "these", "those"}
DEMONYM_ENDING = re.compile(r"(?:ian|ean|ese|ish|ic|i)$")
EVIDENCE_ONLY = {"support", "supports", "supported", "contradict", "contradicts", "contradicted", "corroborate",
                 "corroborates", "corroborated", "links"}     # 'the report links', not 'have Israeli links'
EVIDENCE_VERBS = {"show", "shows", "showed", "indicate", "indicates", "indicated", "point", "points", "pointed"}
QUESTION_AUXILIARIES = {"do", "does", "did"}
NEGATIVE_SUBJECTS = {"nobody", "none", "noone", "neither", "no"}
# "Analysis:", "Fact check:": the kind of piece before a headline colon, not a speaker (shared with claims)
RUBRICS = load_set("claims_headline_labels.txt")


def _chunk_is(phrase: str, name: str) -> bool:
    """True when a phrase's head words are exactly ``name`` (an optional 'The' aside), its initials ('SPR' for
    Sarvenian Public Radio) or its last word ('the Ledger' for The Northern Ledger)."""
    chunk = " ".join(_head_chunk(phrase)).removeprefix("The ").removeprefix("the ")
    name = name.removeprefix("The ")
    words = name.split()
    return bool(chunk) and (chunk == name or len(words) > 1 and (
        chunk == "".join(w[0] for w in words if w[0].isupper()) or chunk == words[-1]))


IRREGULAR_FORMS = {"said", "told", "wrote", "thought", "put", "shown", "spoke", "saw", "heard", "felt", "meant"}
IRREGULAR_PAST = {"sat", "went", "came", "met", "took", "gave", "made", "held", "left", "flew", "ran", "stood", "began",
                  "sent", "brought", "kept", "found", "fought", "led", "got", "saw", "spoke", "wrote", "told"}
RELATIVE_VERBS = {"has", "have", "had", "is", "are", "was", "were", *IRREGULAR_PAST}
MODALS = {"do", "did", "does", "will", "would", "could", "can", "may", "might", "should", "must", "not", "never"}
MODALS_OR_TO = MODALS | {"to", "cannot"}
COLLECTIVES = {"people", "police", "media", "data", "staff", "military", "army", "government", "public", "press", "some",
               "many", "they", "we", "you", "i", "both", "others", "few", "most", "all", "leadership"}


CONTINUE_FORMS = {"continued", "continues", "continue"}
AGREE_FORMS = {"agreed", "agrees", "agree"}
RECALL_FORMS = {"recalled", "recalls", "recall"}
AFTER_SPEECH = {".", ",", ":", '"', "'", "that"}
TOLD_FORMS = {"told"}
SUSPECT_FORMS = {"suspect", "suspects", "suspected"}
ASK_FORMS = {"asked", "asks"}
NAME_REQUESTS = {f"{word} {owner} name" for word in ("for", "that") for owner in ("his", "her", "their", "its", "my")}
NARRATIVE_FORMS = CONTINUE_FORMS | RECALL_FORMS | AGREE_FORMS | TOLD_FORMS | SUSPECT_FORMS | ASK_FORMS


def _narrative_use(tokens: list[Token], form: str, i: int, after: int) -> bool:
    """'continued' speaks only around a quotation ('"...," he continued.'; 'she continued: ...'), never in
    'the group continued to advance'; 'recalled its ambassador' withdraws an envoy, it does not remember;
    'agreed' speaks only before 'that', a quotation or a colon ('negotiators agreed to stop fighting' is an act);
    'told to leave' is an order; 'suspect' attributes a belief only before 'that'; 'asked not to be named' or
    'asked for her name to be withheld' asks for anonymity, it does not report."""
    if form not in NARRATIVE_FORMS:
        return False
    following = tokens[after].low if after < len(tokens) else "."
    if form in SUSPECT_FORMS:
        return following != "that"     # 'members suspect that it was', not 'police suspect him of'
    if form in ASK_FORMS:               # 'She asked for her name not to be used': a request for anonymity
        return following == "not" or " ".join(t.low for t in tokens[after:after + 3]) in NAME_REQUESTS
    if form in RECALL_FORMS:
        return following in ("its", "their")
    if form in TOLD_FORMS:
        return following == "to"      # 'farmers told to keep out': an order (headline passive), not speech
    if form in AGREE_FORMS:
        return following not in AFTER_SPEECH    # 'agreed to stop fighting', 'ceasefire agreed in X': an act
    return following not in AFTER_SPEECH and not (i > 0 and tokens[i - 1].text in ",\"'")


def _speaker_before(tokens: list[Token], i: int) -> bool:
    """'which analysts later showed to be false': a kind of person (adverbs aside) just before the verb."""
    k = i - 1
    while k >= 0 and (tokens[k].low in SKIPPED_BEFORE_VERB or _is_adverb(tokens, k)):
        k -= 1
    return k >= 0 and (_list_noun(tokens[k].low) or tokens[k].low in lexicon().expert_heads) and \
        not _evidence_noun(tokens[k].low)


PROGRESSIVE_AUX = {"is", "are", "was", "were", "been"}


def _progressive(tokens: list[Token], i: int) -> bool:
    """'The account is telling its followers', 'officials were privately warning': an -ing form after 'be'."""
    k = i - 1
    if k >= 0 and _is_adverb(tokens, k):
        k -= 1
    return k >= 0 and tokens[k].low in PROGRESSIVE_AUX


def _is_base_form(form: str) -> bool:
    """Base forms ('say', 'report') as opposed to 'says', 'said', 'saying'."""
    first = form.split()[0]
    return not first.endswith(("s", "ed", "ing")) and first not in IRREGULAR_FORMS


def _plural(phrase: str) -> bool:
    """Whether a subject can take a base-form verb: a plural noun, a collective or a coordination."""
    chunk = _head_chunk(phrase)
    words = [w.lower() for w in TOKEN.findall(phrase)]
    head = chunk[-1].lower() if chunk else ""
    return head.endswith("s") and not head.endswith("ss") or head in COLLECTIVES or "and" in words or \
        bool(chunk) and chunk[0].lower() in COLLECTIVES


def _opening_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject that opens a sentence ('Peace activists marched ..., and say'), ending before ``limit``."""
    k = 0
    if tokens and tokens[0].low in OPENING_PREPOSITIONS:
        comma = next((i for i in range(limit) if tokens[i].text == ","), None)
        k = comma + 1 if comma is not None else limit
        while k < limit and (_is_time_word(tokens, k) or tokens[k].low.isdigit()):
            comma = next((i for i in range(k, limit) if tokens[i].text == ","), None)
            k = comma + 1 if comma is not None else k      # 'On Monday, Sept. 22, the president ...'
            if comma is None:
                break
    while k < limit and (tokens[k].low in LEADING_NOISE or not tokens[k].is_word):
        k += 1
    start = k
    if k < limit and tokens[k].low in PRONOUNS:
        return k, k + 1
    verbs = lexicon().verbs
    while k < limit and (tokens[k].is_word or _is_abbreviation_dot(tokens, k) or tokens[k].text == "'"):
        low = tokens[k].low
        if k > start and (low in RIGHT_STOPS - {"of", "for"} or low in verbs or low in SKIPPED_BEFORE_VERB
                          or low in IRREGULAR_PAST
                          or not tokens[k].is_capitalised and low.endswith("ed")):
            break
        k += 1
    if k > start and k + 1 < limit and tokens[k].text == ",":
        name_end = k + 1
        while name_end < limit and tokens[name_end].is_capitalised:
            name_end += 1
        if name_end > k + 1 and name_end < limit and tokens[name_end].text == ",":
            k = name_end        # "Calvoria's foreign minister, Hakan Verel, denied ... and called"
    return _trim(tokens, start, k) if k > start else None


def _headline_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """'Aid group documents 131 deaths, says toll is higher': in a headline, the subject that opens the first
    clause also speaks after the comma; it ends before that clause's verb, a word in -s after a singular noun
    ('documents' after 'group') or a listed reporting verb."""
    verbs, k = lexicon().verbs, 0
    while k < limit and tokens[k].is_word and k < 6:
        low = tokens[k].low
        if k > 0 and not tokens[k].is_capitalised and (
                low in verbs or low in IRREGULAR_PAST or low.endswith("ed") or
                low.endswith("s") and not low.endswith("ss") and not _source_noun(low)
                and not tokens[k - 1].low.endswith("s")):
            return (0, k) if _plausible(" ".join(t.text for t in tokens[:k]), "says", True) else None
        k += 1
    return None


def _coordinated(tokens: list[Token], span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split 'Kanal Brenn and online sources' and 'Askar, Kestria and Sarvenia' into their conjuncts (not 'the
    Ministry of Defence and Security'); a list of evidence ('Videos, satellite images and a leaked document')
    stays one source."""
    listed = any(t.text == "," for t in tokens[span[0]:span[1]]) and \
        any(t.low in ("and", "or") for t in tokens[span[0]:span[1]])
    if listed and not all(t.is_capitalised for t in tokens[span[0]:span[1]] if t.is_word and t.low != "and"):
        return [span]
    parts, lo = [], span[0]
    for k in range(span[0], span[1]):
        if (tokens[k].low == "and" or listed and tokens[k].text == ",") and not any(t.low in ("of", "for") for t in tokens[lo:k]):
            parts.append((lo, k))
            lo = k + 1
    parts.append((lo, span[1]))
    return [part for part in parts if part[1] > part[0]]


NOT_SUBJECTS = {"i", "we", "you", "one", "this", "that", "which", "who", "what", "there", "it all", "the"}


def _pronoun_tail(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """'the drones it admitted using': the subject is the pronoun at the end of the phrase."""
    if span[1] - span[0] > 1 and tokens[span[1] - 1].low in PRONOUNS:
        return span[1] - 1, span[1]
    return span


# ---------------------------------------------------------------------------------------------- linking


def _remember(resolver: Resolver, source: str, decided: tuple):
    """Let ``resolver`` link later short forms to ``source``: a person, an organisation or a group."""
    chunk = _head_chunk(source)
    plural = _plural(source) and not (chunk and chunk[-1][0].isupper() and not _source_noun(chunk[-1].lower()))
    if decided[0] == "unnamed_group" or decided[0] == "anonymous" and plural:
        kind = "group"
    else:
        kind = "person" if _is_person(source, decided[0]) or decided[0] == "anonymous" else "organisation"
    resolver.remember(source, decided, kind, chunk[-1].lower() if chunk else "")


def _introduce(resolver: Resolver, sentence: str, lookup: ActorLookup):
    """A person who opens a sentence without speaking ('Jane Doe, 49, was at home when ...') can be the
    'he' or 'she' of the next quotation, so they become the most recent person; likewise a group of people
    for a later 'they'."""
    if _introduce_body(resolver, sentence, lookup):
        return
    found = PERSON_OPENING.match(sentence)
    if found:
        _meet(resolver, found.group(1), sentence[found.end(1):], lookup)
        return
    thing = THING_OPENING.match(sentence)
    if thing:
        referent = resolver.resolve(thing.group(2))
        if referent:
            resolver.touch(referent)    # 'The account did not respond, but it added ...'
        elif thing.group(2).split()[-1] in lexicon().documents:
            _remember(resolver, thing.group(1), ("document", None, True))   # 'The text of the agreement ... it says'
        return
    group = GROUP_OPENING.match(sentence)
    if group and group.group(1).split()[0].lower() in PRONOUNS:
        return          # 'He said soldiers had taken it': a pronoun speaking, not a group met
    if group and group.group(1) not in resolver.named and _plural(group.group(1)) and \
            source_type(group.group(1), sentence_initial=True) in ("witness", "unnamed_group"):
        _remember(resolver, group.group(1), ("witness", None, False))    # 'Hundreds of villagers ... They told us'


def _introduce_body(resolver: Resolver, sentence: str, lookup: ActorLookup) -> bool:
    """'The Askar administration published a list of men it says are missing': a body that opens a sentence
    without a reporting verb is the 'it' of that sentence and the next (a body met before is touched again)."""
    kinds = lexicon().official_kind
    if not any(kinds.get(word.lower()) == "organisation" for word in sentence[:60].split()[:5]):
        return False
    found = BODY_OPENING.match(sentence)
    if not found or kinds.get(found.group(2).lower()) != "organisation":
        return False
    phrase = found.group(1)
    referent = resolver.resolve(phrase) if is_short_form(phrase) else phrase if phrase in resolver.named else None
    if referent:
        resolver.touch(referent)
    else:
        kind = source_type(phrase, sentence_initial=True)
        _remember(resolver, phrase, (kind, lookup.party(phrase), _on_record(phrase, kind, True)))
    return True


def _introduce_aged(resolver: Resolver, sentence: str, lookup: ActorLookup, speakers: set):
    """'For Jane Doe, 61, a veteran, ...', 'the farm of Jane Doe, a shepherd': a name given with an age or a
    description, anywhere, is a person met here, so a later 'Doe said' takes the type the description gives
    (a name that speaks in the sentence, one of ``speakers``, is remembered with its row instead)."""
    for found in AGED_NAME.finditer(sentence):
        if found.group(1) not in speakers:
            _meet(resolver, found.group(1), sentence[found.end(1):found.end(1) + 120], lookup)


def _meet(resolver: Resolver, name: str, description: str, lookup: ActorLookup):
    words = name.split()
    while words and words[0].lower() in DETERMINERS | PREPOSITIONS | LEADING_NOISE | OPENING_PREPOSITIONS:
        words.pop(0)        # 'For Jane Doe, 61,', 'The Highlands are': not part of a name
    if len(words) < 2 or name.split()[0].lower() in DETERMINERS:
        return
    name = " ".join(words)
    chunk = _head_chunk(name)
    if resolver.named.get(name) or len(chunk) < 2 or not _is_person(name) or not _has_name(chunk) or \
            lookup.match(name) == (name, name):
        return
    kind = source_type(name, description)
    if kind == "official" and _lexical_type(name) is None and lookup.party(name) is None and \
            not ROLE_GIVEN.match(description):
        kind = "witness"    # 'Jane Doe sat on a camp bed': no title, no body, no side: a private person
        #                     (but 'Jane Doe, the army spokesman, was ...' and 'Jane Doe heads the office' hold posts)
    _remember(resolver, name, (kind, lookup.party(name), _on_record(name, kind)))
    resolver.hint_gender(name, description)


BODY_OPENING = re.compile(r"[\s*\u2022-]*((?:The\s+)?(?:[\w'.-]+\s+){0,3}?([\w-]+))\s+(?:has\s+|had\s+|also\s+)?"
                          r"(?:[a-z]+ed|[a-z]+s|put|gave|sent|made|ran|held|began|took|set|kept)\b")
ROLE_GIVEN = re.compile(r"\s*(?:,\s*(?:the|an?|its|their)\s|(?:is|was|has\s+been|had\s+been|became|heads|headed|"
                        r"leads|led|runs|ran|chairs|chaired|commands|commanded|directs|directed|serves\s+as|"
                        r"served\s+as)\s)")
THING_OPENING = re.compile(r"\s*((The\s+[a-z-]+)(?:\s+of\s+the\s+[a-z-]+)?)(?=[\s,])")
GROUP_OPENING = re.compile(r"\s*((?:Hundreds|Dozens|Thousands|Scores|Many|Some|Several|Most)\s+of\s+[a-z]+|"
                           r"[A-Z][a-z]+(?:\s+[a-z]+){0,2}?)(?=\s+(?:from\s+[\w\s]{1,30}?\s+)?"
                           r"(?:are|were|have|had|fled|left|live|lived|sleep|slept|queue|queued|wait|waited|"
                           r"gathered|returned)\b)")
# the name's first capital comes first and the word boundary is checked behind it, so re tries only capitals
AGED_NAME = re.compile(r"([A-Z](?<!\w[A-Z])[\w'-]*\.?\s+(?:[A-Z][\w'-]*\.?\s+){0,2}[A-Z][\w'-]+),\s*"
                       r"(?:\d{1,3},|(?=(?:an?|the)\s))")
PERSON_OPENING = re.compile(r"\s*((?:[A-Z][\w'-]*\.?\s+){1,4}[A-Z][\w'-]+)(?=,|\s+[a-z])")


# ---------------------------------------------------------------------------------------------- entry point


def find_sources(article, actors=None) -> pd.DataFrame:
    """One row per attribution in ``article`` (columns: SPEC.md plus source/cue offsets into ``article.text``).

    ``actors`` adds your own party names: ``{"Hamas": "Palestine"}`` or a DataFrame with columns name and party.
    """
    with one_article():     # a phrase's head and type are worked out once per article
        return _find_sources(article, actors)


def _find_sources(article, actors) -> pd.DataFrame:
    paragraphs: list[list[dict]] = []
    previous_paragraph, open_quote = None, False
    outlet = normalise(article.outlet) if getattr(article, "outlet", None) else None
    speakers = _Speakers(article.text, getattr(article, "dateline", None))
    frame = article.sentences
    for sentence_id, part, paragraph, start, norm in zip(*(frame[column].tolist() for column in (
            "sentence_id", "part", "paragraph", "start", "norm"))):
        opens = paragraph != previous_paragraph
        if opens:
            open_quote = False
            paragraphs.append([])
            previous_paragraph = paragraph
        starts_inside = open_quote
        segments, open_quote = quote_segments(norm, open_quote)
        paragraphs[-1].append({
            "id": sentence_id, "start": start, "text": norm, "segments": segments, "starts_inside": starts_inside,
            "found": _SentenceRules(sentence_id, norm, part, segments, outlet,
                                    speakers if opens and part == "body" else None).run()})
    continue_quotations(paragraphs, _continuation)
    _continue_turns(paragraphs)
    return _frame(paragraphs, ActorLookup(actors))


def _continue_turns(paragraphs: list[list[dict]]):
    """A transcript turn ('HAKAN VEREL: ...') is the labelled speaker's to the end of its paragraph: each later
    sentence with no source of its own continues it."""
    for paragraph in paragraphs:
        label = next((row for row in paragraph[0]["found"] if row.cue == ":"), None) if paragraph else None
        if label is None or len(paragraph) < 2:
            continue
        for entry in paragraph[1:]:
            if not entry["found"]:
                entry["found"].append(_continuation(label, entry))


def _continuation(origin: Attribution, entry: dict) -> Attribution:
    root = origin.origin or origin
    return Attribution(entry["id"], root.source, f"continuation of '{root.cue}'", None, None,
                       channel=root.channel, quote=nearest_quote(entry["segments"], entry["text"], None),
                       origin=root)


def _decide(paragraphs: list[list[dict]], lookup: ActorLookup) -> dict:
    """Type, party, record and referent of every non-continuation row, in reading order."""
    resolver, decided = Resolver(), {}
    for entry in (entry for paragraph in paragraphs for entry in paragraph):
        quoted = entry["starts_inside"] or entry["text"].lstrip().startswith(('"', "'"))
        if all(row.source.lower() in PRONOUNS for row in entry["found"]) and not quoted:
            _introduce(resolver, entry["text"], lookup)   # 'Jane Doe, 49, was at home when ..., she said'
        _introduce_aged(resolver, entry["text"], lookup, {row.source for row in entry["found"]})
        for row in entry["found"]:
            if row.origin is not None:
                continue
            source = row.source
            refers_to = resolver.resolve(source) if is_short_form(source) else None
            if row.cue == ":" and source.isupper():     # 'HAKAN VEREL:' after 'Foreign Minister Hakan Verel'
                refers_to = next((name for name in resolver.decided if name.upper().endswith(source)), None)
            if refers_to:
                kind, party, on_record = resolver.decided[refers_to]
                party = party or lookup.party(source)
                resolver.touch(refers_to)       # 'the report says ... It lists': mentioned again, most recent
            elif source in resolver.decided and (row.description or source) == source:
                kind, party, on_record = resolver.decided[source]     # a name met before keeps its type
            else:
                sentence_initial = row.source_span is not None and row.source_span[0] == 0
                kind = source_type(source, row.description, sentence_initial)
                if row.credit and kind == "official":
                    kind = "media"
                elif row.own_staff and kind == "media":
                    kind = "witness"    # the outlet's own reporter or photographer at the scene
                elif kind == "official" and _private_person(source, row.description, lookup, resolver):
                    kind = "witness"
                party = lookup.party(source) or _description_party(source, row.description, lookup)
                on_record = _on_record(source, kind, sentence_initial)
                short = source.lower() in PRONOUNS or source.lower() in OBJECT_PRONOUNS or \
                    source.lower().startswith("the ") and is_short_form(source)
                if not row.credit and not short:
                    _remember(resolver, source, (kind, party, on_record))
                    resolver.hint_gender(source, entry["text"][row.source_span[1]:] if row.source_span else "")
            decided[id(row)] = (kind, party, on_record, refers_to)
        resolver.mentions(entry["text"])
    return decided


def _private_person(source: str, description: str | None, lookup: ActorLookup, resolver: Resolver) -> bool:
    """'Davor Kell, who drove the second truck, said': a full name with no title, body or side, described only by
    what the person did, is a private person speaking from experience (a name met before with a title is not)."""
    if not description or not description.startswith(source) or \
            not RELATIVE_PERSON.match(description[len(source):]):
        return False
    words = source.split()
    if len(words) < 2 or not all(word[0].isupper() for word in words) or words[-1] in resolver.by_surname:
        return False
    return _is_person(source) and _lexical_type(source) is None and \
        _described_type(source, description) is None and lookup.party(source) is None and \
        lookup.party(description) is None


CLAUSE_DESCRIPTION = re.compile(r"[\s,]*(?:who|which|whose|including|such|among|[a-z]+ing)\b")


def _description_party(source: str, description: str | None, lookup: ActorLookup) -> str | None:
    """The party a description gives ('Jane Doe, a Kestrian officer'), not a clause about others ('which is
    considered close to the Calvorian state')."""
    if not description or description == source:
        return None
    extra = description[len(source):] if description.startswith(source) else description
    if CLAUSE_DESCRIPTION.match(extra):
        return None
    return lookup.party(extra)


def _frame(paragraphs: list[list[dict]], lookup: ActorLookup) -> pd.DataFrame:
    decided, columns = _decide(paragraphs, lookup), {name: [] for name in COLUMNS}
    for entry in (entry for paragraph in paragraphs for entry in paragraph):
        named_here, referents = {row.source for row in entry["found"]}, set()
        for row in entry["found"]:
            source = row.source
            kind, party, on_record, refers_to = decided[id(row.origin if row.origin is not None else row)]
            if row.origin is not None and refers_to and row.origin.source.lower() in PRONOUNS:
                source, refers_to = refers_to, None     # a continued quotation is given to the name
            elif row.origin is not None:
                refers_to = None
            if source.lower() in PRONOUNS and (refers_to in named_here or row is not entry["found"][0]
                                               and entry["found"][0].source.lower() not in PRONOUNS) or \
                    refers_to and refers_to in referents:
                continue        # 'the ministry said ..., but it did not confirm': one source, not two
            referents.add(refers_to)
            offset = entry["start"]
            values = (int(row.sentence_id), source, kind, party, row.cue, row.channel, bool(on_record), row.quote,
                      refers_to,
                      offset + row.source_span[0] if row.source_span else None,
                      offset + row.source_span[1] if row.source_span else None,
                      offset + row.cue_span[0] if row.cue_span else None,
                      offset + row.cue_span[1] if row.cue_span else None)
            for name, value in zip(COLUMNS, values):
                columns[name].append(value)
    # text is inferred; a text column with a None in an optional field keeps None (an object column)
    types = {name: COLUMN_TYPES.get(name) or ("object" if None in values else None) for name, values in columns.items()}
    return typed_frame(columns, types)


def _on_record(phrase: str, kind: str, sentence_initial: bool = False) -> bool:
    """Anonymous sources, vague groups and online accounts are off the record; so are unnamed witnesses
    ('Residents said': the capital only opens the sentence)."""
    if kind in ("anonymous", "unnamed_group", "social_media"):
        return False
    if kind == "witness":
        return _has_name(_head_chunk(phrase), sentence_initial)
    return True
