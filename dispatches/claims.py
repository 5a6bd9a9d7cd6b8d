"""How firmly a report states each claim: one status per sentence, with the cue words that decided it.

Every sentence of the headline, standfirst, captions and body gets one status (SPEC.md), chosen by priority
when several cues apply: denied > speculated > reported > confirmed > claimed > unattributed.
The cues come from two places:

1. Words in the sentence (``lexicons/claims_cues.csv``): confirming and denying verbs, hedging modals, adverbs
   and verbs, report markers ("reportedly", "it is understood") and reporting verbs; a question mark, and a
   sentence opening with "If ..." that holds "would/could/might". Cues inside quotations count: a source who
   hedges is still hedging. A negator just before a cue (``claims_negators.txt``) cancels a denial, a reporting
   verb or a named source's confirmation ("did not deny", "has not commented", "the army did not confirm"),
   but a confirmation nobody could give ("could not be verified", "impossible to verify") or nobody gave
   ("nobody has confirmed", ``claims_negative_subjects.txt``) leaves the claim unconfirmed (speculated).
   A passive "was reported" with no "by" is second-hand; an outlet's own check ("The Times verified") confirms.
   Phrases in ``claims_not_cues.txt`` ("denied access", "military might") and a capitalised "May" used as the
   month are not cues; "will" and "would" are plain futures, never hedges ("nobody will admit it" is a refusal).
   A negative subject a few words before its verb negates it ("None of this proves"). A short wh-question that
   is its own paragraph, one announced by "the question ...:", one in the writer's voice opening its paragraph
   ("Will it hold? Diplomats say ...") and one put to someone by name ("Minister, what ...?") are signposts,
   not hedges; "What is it hiding, asks NAME" is a question without its mark. "If ..., ..." states a
   condition unless it addresses the reader; "missing evidence" cues deny only when negated ("nobody has
   produced evidence"); a bare "prove" confirms only with an object, and "was never proven" is unconfirmed.
   "Not a single" denies only in an official's denial.
   A subject that is the outlet itself (``claims_own_voice.txt``, or its name) makes a reporting verb its own
   voice ("Our correspondent reports"). A concessive or parenthetical clause ("Although the army denied it,
   ...", ", who has denied sending troops,") is a side remark whose cues do not decide, unless it says the
   claim could not be checked. "Suspected"/"alleged" labelling a person or an offence (``claims_identity_nouns.txt``),
   rumours a verb acts on (``claims_rumour_verbs.txt``), a thing's capacity ("the bridge could carry tanks",
   ``claims_ability_verbs.txt``) and "claim" as a bare noun are not cues. Evidence that shows nothing denies
   ("Nothing in the files shows ...", "images showed no radar": ``claims_evidence_*.txt``); an open question as
   the subject ("Whether ... is another matter") speculates; an elliptical "It doesn't." denies; a modal
   defining a hypothetical thing ("any attack that could ...") and an agentless "is disputed" are not cues.
2. The sentence's attributions found by :func:`dispatches.sources.find_sources`: a sentence attributed to an
   anonymous source, another outlet, social media or a vague group is at least "reported"; one attributed to
   an official, expert, witness or document is at least "claimed", as is a headline opening with its speaker
   ("Defence Ministry: ..."), unless the words before the colon are a label, the outlet's brand or a topic
   ("Fact check: ...", "Back to Tashir: ..."), and so is a body line standing alone without a full stop (a live
   blog's key event). The outlet's own staff ("a Meridian Wire photographer said") are not second-hand. The
   sentence's ``source`` is that attribution's source (a pronoun is replaced by the name it refers to).
   A photo credit in a caption credits the picture, not the claim.
"""
from __future__ import annotations

import math
import re
import string
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .alternation import alternation
from .clauses import ClauseBreaks
from .folded import Folded
from .frames import typed_frame
from .lexicons import load_set, load_table, load_words

COLUMNS = ["sentence_id", "part", "text", "status", "cue", "source", "cue_start", "cue_end", "cue_family"]
# object columns: None, not NaN, when absent
COLUMN_TYPES = {"sentence_id": "int64", "cue": "object", "source": "object", "cue_start": "Int64", "cue_end": "Int64",
                "cue_family": "object"}
STATUSES = ["denied", "speculated", "reported", "confirmed", "claimed", "unattributed"]
PRIORITY = {status: rank for rank, status in enumerate(reversed(STATUSES))}
SECOND_HAND_TYPES = {"anonymous", "media", "social_media"}
ATTRIBUTION_FAMILIES = {"on-record source", "second-hand source", "claim verb", "report marker", "headline speaker"}

# Grammar words the rules need; the vocabulary of certainty lives in the lexicon files.
BE_WORDS = ("is", "are", "was", "were", "be", "been", "being", "'s", "'re")
BE_FORMS = r"(?:" + "|".join(BE_WORDS) + r")(?:\s+\w+ly)?"
GAP_WORDS = r"(?:the|a|an|its|his|her|their|our|them|him|it|this|that|these|those)"
MONTH_WORDS_BEFORE = {"in", "on", "since", "until", "till", "by", "from", "last", "early", "late", "mid", "of",
                      "through", "next", "this", "during", "before", "after", "between", "and", "to", "each",
                      "every", "throughout"}
PERSON_SUBJECTS = {"i", "we", "they", "he", "she", "you", "everyone", "everybody", "nobody", "anyone", "someone",
                   "one"}
INABILITY = re.compile(r"\b(?:able|unable|could|can|cannot|be|been|being|independent|independently|possible|impossible"
                       r"|difficult|hard)\b|can't", re.I)
NEGATION_BRIDGE = {"be", "been", "being", "have", "has", "had", "yet", "to", "able", "so", "far", "ever", "even",
                   "also", "and", "can", "could", "will", "would", "did", "does", "do", "is", "are", "was", "were",
                   "once"}
REFUSAL_WORDS = {"will", "would", "won't", "wouldn't"}  # "nobody will admit it": a refusal, not a want of evidence
CLAUSE_OPENERS = {"so", "yet", "thus", "hence", "then", "still"}  # may stand before a clause's negative subject
NEGATIVE_SUBJECT_REACH = 7  # words a negative subject may stand from its verb ("Nothing in the files seen by us shows")
CLAUSE_BREAK = re.compile(r"[,;:()\"]|\s-\s|\b(?:that|but|and|which|who|while|because|although)\b", re.I)
CLAUSE_BREAK_REACH = len("although") + 2  # the longest break, the character after it, one to spare
WORD = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?|n't")
CAPTION_CREDIT = re.compile(r"(?:\(\s*[^()]{1,80}\)|\b(?:Photo|Photograph|Picture|Image|Credit|Video|Footage)s?"
                            r"\s*:\s*[^()]{1,80})\s*\.?\s*$")
# "If the talks fail, the guns will return", "'If I wait, the crop will rot,' she said": a claim made on a
# condition; "Should ... would/could" likewise. "If you have seen ..., send it to us" addresses the reader and
# "If anything, ..." is an idiom: neither is conditional.
CONDITIONAL_OPENING = re.compile(r"^\W*(?:(?:If|Unless)\b(?!\s+(?:you|anything)\b)"
                                 r"(?:[^.]*?,|[^.]*\b(?:would|could|might|may)\b)"
                                 r"|Should\b[^.]*\b(?:would|could|might|may)\b)")
HEADLINE_SPEAKER = re.compile(r"^\W*((?:[A-Z][\w.'-]*\s+){0,4}[A-Z][\w.'-]*)\s*:\s+\S")
# "'We left with what we could carry': families fill the shelters": a headline led by a quotation it credits
HEADLINE_QUOTE = re.compile(r"""^\s*(['"])(?=\w)(.{3,}?)\1\s*:\s+\S""")
# "What is it hiding, asks Brann Holt": a question an opinion writer poses, with no question mark
ASKED_QUESTION = re.compile(r"^\W*(?:what|why|who|whom|whose|how|which|where|when|is|are|was|were|do|does|did|can"
                            r"|could|should|will|would|has|have)\b[^.?!\"]*,\s*(?:asks|asked|wonders|wondered)\s+\S",
                            re.I)
# "What about civilians?" as a subhead, "the question everyone asks: which drones is it flying?": a question
# that announces what the next lines explain, not a hedge on a claim
SIGNPOST_OPENING = re.compile(r"^\s*(?:what|why|how|who|which|where|when)\b", re.I)
ANNOUNCED_QUESTION = re.compile(r"\bquestions?\b[^:?\"]*(?::\s*[^:\"]*\?\s*|\"[^\"]*\?\"\s*\.?\s*)$", re.I)
# "Minister, what was on those planes?", "Dana, what are they saying?": a question put to someone by name
VOCATIVE_QUESTION = re.compile(r"^\W*(?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*,\s+(?:what|why|who|how|which|where|when"
                               r"|is|are|was|were|do|does|did|can|could|will|would|should|have|has)\b")
SIGNPOST_WORDS = 8
# Words that open a headline's topic label rather than a speaker's name ("Back to Tashir: ...")
LABEL_OPENERS = {"back", "to", "in", "on", "at", "from", "after", "before", "inside", "behind", "into", "beyond",
                 "out", "up", "down", "over", "under", "across", "through", "along", "why", "how", "what", "where",
                 "when", "who", "which", "once", "again", "still", "now", "here", "there", "life", "return"}
NOT_VOCATIVE = LABEL_OPENERS | {"so", "but", "and", "yet", "meanwhile", "however", "today", "instead", "also", "for",
                               "with", "by"}  # words that open a sentence, not a name addressed
OWN_VOICE_REACH = 10  # words from the start of a sentence to a reporting verb whose subject is the outlet
# after "show"/"showed": "no radar", or an object and then ", and no fresh craters" (what the evidence lacks)
SHOWS_NONE = re.compile(r"(\s+(?:[^.;]*?,?\s+(?:and|but)\s+)?)(no)\s+(?!one\b|longer\b|doubt\b|more\b)[\w'-]+", re.I)
PUNCTUATION_BREAK = re.compile(r"[,;:()\"]|\s-\s")
SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s*$")
QUESTION_END = re.compile(r"\?[\s\"')\]]*$")
# '"Who will pay for this?" asked one resident.': a quoted question closed by a short attribution
QUOTED_QUESTION = re.compile(r"\?[\"')\]]+\s*,?\s*(?:[\w.'-]+\s+){0,7}[\w.'-]+\s*[.!]?[\s\"')\]]*$")
PASSIVE_WITH_AGENT = re.compile(r"\s+by\b", re.I)
# "the claim was never proven", "it is not verified": a passive confirmation nobody gave, so unconfirmed
PASSIVE_BE = re.compile(r"\b(?:is|are|was|were)\b", re.I)
NEGATABLE = {"confirm", "deny", "claim verb", "missing evidence"}
BARE_PROVE = {"prove", "proves", "proved", "proven"}
# What may follow a bare "prove" that proves something: a determiner, a name, a number, "that"
PROVE_OBJECT = re.compile(r"\s+(?:(?:that|the|a|an|this|these|those|its|his|her|their|our|my|beyond|it|them|him)\b"
                          r"|[A-Z0-9])")
# "Although the army denied it, ...", "..., though the figure could not be verified", "Despite denials, ...":
# a concessive clause; ", which was denied," / ", who denied it,": a parenthetical relative clause
CONCESSIVE = re.compile(r"(?<![\w-])(?<!as )(?:although|though|even if|despite|in spite of|whereas)\b", re.I)
PARENTHETICAL = re.compile(r",\s*(?:which|who)\b[^,;]*,")
CLAUSE_END = re.compile(r"[,;]|\s-\s")
SENTENCE_OPENING = re.compile(r"[\s\"'(]*(?:(?:and|but|yet|so)\s+)?", re.I)  # what may stand before an opening clause
# with "negated confirm" and "missing evidence": what a side clause says of the claim's proof
VERIFICATION_CUES = {"unverified", "unconfirmed", "no evidence", "no proof"}
# Words after which "alleged"/"suspected" is an adjective ("the alleged attack", "six suspected militants")
ADJECTIVE_POSITION = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "of",
                      "on", "in", "into", "for", "over", "about", "after", "against", "with", "by", "from", "any",
                      "some", "such", "several", "many", "few", "more", "other", "two", "three", "four", "five", "six",
                      "seven", "eight", "nine", "ten", "dozens", "hundreds", "at"}
RUMOUR_WORDS = {"rumour", "rumours", "rumor", "rumors"}
# Words between a verb and its object "rumours" ("spreading false rumours", "dispel these rumours")
RUMOUR_MODIFIERS = {"the", "these", "those", "such", "any", "false", "wild", "online", "persistent", "malicious",
                    "new", "further", "fresh", "more", "its", "their", "his", "her", "of"}
CLAIM_NOUN_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "such", "any", "no"}
CLAIM_NOUN_KEEP = {"that", "to", "by", "of", "from", "made"}  # "the claim that ...", "a claim by the army"
# "Whether the route was passed on is a different question": an open question as the sentence's subject
WHETHER_SUBJECT = re.compile(r"^\W*Whether\b(?!\s+or\s+not\b)[^,;:]*?\s(?:is|was|are|were|remains|remained)\b", re.I)
# "It doesn't.", "No, they did not.": an elliptical answer that says a claim put just before is untrue
ELLIPTICAL_DENIAL = re.compile(r"^\W*(?:no,?\s+)?(?:it|they|he|she|this|that)\s+"
                               r"(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would)"
                               r"(?:n't|\s+not)(?:\s+\w+ly)?\s*[.!]?\W*$", re.I)
# "any counter-offensive that could roll back its gains": a modal inside a relative clause that defines a
# hypothetical thing ("any", "anyone", "no ..."), not a hedge on the sentence's claim
HYPOTHETICAL_HEAD = re.compile(r"\b(?:any|anyone|anybody|anything|every|whatever|whoever|no)\b(?:\s+[\w'-]+){0,3}?"
                               r"\s+(?:that|which|who)\s*$", re.I)
ABILITY_NOT_OBJECT = {"out", "up", "off", "on", "until", "if", "unless", "for", "firm", "back"}
FIRST_WORD = re.compile(r"'?\w+")
ASCII_LETTERS = frozenset(string.ascii_letters)


@dataclass(frozen=True)
class Cue:
    """A piece of evidence for a status: where it is (offsets in the sentence) and what it says."""

    status: str
    text: str
    start: int | None
    end: int | None
    family: str
    strength: str = ""
    attribution: int | None = None  # row of the sources frame this cue came from


@dataclass(frozen=True)
class PhraseIndex:
    """Phrase patterns grouped by the word they open with, so that a sentence is matched only at the words
    where some phrase can start instead of trying every phrase at every word; one regex finds those words."""

    by_word: dict  # opening word (lower case) -> (pattern of that word's phrases, one group each; their values)
    # Where a cue can start: a word (or a word opening with an apostrophe, "'s") not preceded by a word or hyphen,
    # that is an opening word (or is one after its apostrophe), in any case
    openings: Folded

    @classmethod
    def build(cls, phrases: list[tuple[str, str, object]]) -> PhraseIndex:
        """``phrases``: (phrase as written in the lexicon, its regex, its value), the preferred ones first."""
        grouped: dict[str, list[tuple[str, object]]] = {}
        for phrase, pattern, value in phrases:
            for word in _opening_words(phrase):
                grouped.setdefault(word, []).append((pattern, value))
        return cls({word: (re.compile("(?:" + "|".join(f"({p})" for p, _ in group) + r")(?![\w-])", re.I),
                           tuple(value for _, value in group))
                    for word, group in grouped.items()}, openings_pattern(grouped))

    def finditer(self, text: str, openings: list[re.Match] | None = None):
        """(match, value) for each phrase found, left to right and never overlapping: what one regex alternating
        all the phrases in order would find, with no word character or hyphen just before or after a match.
        ``openings``: the matches in ``text`` of an :func:`openings_pattern` of words including this index's,
        when the caller has them (a word is matched whole, so more words find the same ones and others)."""
        end, by_word = 0, self.by_word
        for word in self.openings.finditer(text) if openings is None else openings:
            key, start = word.group().lower(), word.start()
            if start >= end and key in by_word:
                pattern, values = by_word[key]
                match = pattern.match(text, start)
                if match:
                    end = match.end()
                    yield match, values[match.lastindex - 1]
            if key.startswith("'") and start + 1 >= end and key[1:] in by_word:
                pattern, values = by_word[key[1:]]  # "'said": "said" may open a phrase too
                match = pattern.match(text, start + 1)
                if match:
                    end = match.end()
                    yield match, values[match.lastindex - 1]


def openings_pattern(words) -> Folded:
    """Where a phrase opening with one of ``words`` can start: one of them (or, for one such as "'s", the word
    after its apostrophe) as a whole word, not after a word character or hyphen, in any case."""
    return Folded(r"(?<![\w-])'?", {word.lstrip("'") for word in words}, r"(?!\w)")


def _opening_words(phrase: str) -> tuple[str, ...]:
    """The words a lexicon phrase can open with, cut where a word character ends ("think" for "think-tank")."""
    first = phrase.split()[0].lower()
    if first == "{be}":
        return BE_WORDS
    word = FIRST_WORD.match(first)
    if word is None:
        raise ValueError(f"lexicon phrase {phrase!r} must open with a word or {{be}}")
    return (word.group(),)


@dataclass(frozen=True)
class CueLexicon:
    """The compiled cue lists."""

    entries: dict
    cues: PhraseIndex
    negator_re: re.Pattern
    not_cues: PhraseIndex
    openings: Folded  # where a cue or a phrase that is not one can start: one scan serves both

    def opening_words(self, text: str) -> list[re.Match]:
        """The words of ``text`` where a cue or a not-cue phrase can start, for ``openings`` below."""
        return list(self.openings.finditer(text))

    def find_cues(self, text: str, openings: list[re.Match] | None = None):
        """(match, lexicon row) for each cue written in ``text``; the longest cue wins where several start
        (``openings``: the text's :meth:`opening_words`, when known)."""
        return self.cues.finditer(text, openings)

    def blocked_spans(self, text: str, openings: list[re.Match] | None = None) -> list[tuple[int, int]]:
        """Spans of phrases that look like cues but are not ("denied access", "military might")."""
        return [match.span() for match, _ in self.not_cues.finditer(text, openings)]


NP_STOP = (r"(?!(?:the|a|an|one|and|or|but|that|this|which|who|when|where|whether|if|is|was|were|are|be|been"
           r"|has|have|had|not|such|evidence|proof|sign|signs|indication|doubt)\b)")
# "no inspection of the cargo": up to three words, then possibly "of" and one or two more after an article
NOUN_PHRASE = (rf"(?:{NP_STOP}[\w'-]+\s+){{0,2}}{NP_STOP}[\w'-]+"
               rf"(?:\s+of\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:{NP_STOP}[\w'-]+\s+)?{NP_STOP}[\w'-]+)?")


def _phrase_pattern(phrase: str) -> str:
    placeholders = {"{be}": BE_FORMS, "{gap}": r"(?:[\w'-]+,?\s+){0,7}?[\w'-]+", "{np}": NOUN_PHRASE}
    return r"\s+".join(placeholders.get(word, re.escape(word)) for word in phrase.split())


@lru_cache(maxsize=None)
def cue_lexicon() -> CueLexicon:
    """Load and compile the claim cue lexicons (once)."""
    rows = load_table("claims_cues.csv")
    entries = {row["cue"].lower(): row for row in rows}
    by_length = sorted(entries, key=len, reverse=True)
    cues = PhraseIndex.build([(c, _phrase_pattern(c), entries[c]) for c in by_length])
    negators = load_words("claims_negators.txt")
    contractions = [re.escape(n) for n in negators if n.startswith("n'")]  # "n't" ends a word, it is not one
    negator_re = re.compile("|".join([r"\b" + alternation([n for n in negators if not n.startswith("n'")],
                                                          flexible_spaces=False) + r"\b", *contractions]),
                            re.IGNORECASE)
    not_cues = PhraseIndex.build([(phrase, rf"\s+(?:{GAP_WORDS}\s+)?".join(re.escape(w) for w in phrase.split()),
                                   phrase) for phrase in load_words("claims_not_cues.txt")])
    return CueLexicon({c: entries[c] for c in by_length}, cues, negator_re, not_cues,
                      openings_pattern([*cues.by_word, *not_cues.by_word]))


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _last_letters(text: str, position: int) -> str:
    """The last run of ASCII letters before ``position`` ("" when there is none), looked for backwards: what
    ``re.findall("[A-Za-z]+", text[:position])[-1]`` gives without reading the whole sentence before it."""
    end = position
    while end > 0 and text[end - 1] not in ASCII_LETTERS:
        end -= 1
    start = end
    while start > 0 and text[start - 1] in ASCII_LETTERS:
        start -= 1
    return text[start:end]


def _is_month(text: str, match: re.Match) -> bool:
    """True when a capitalised "May" is the month rather than the modal verb."""
    written = match.group()
    if not written.startswith("M"):
        return False
    before = _last_letters(text, match.start())
    after = text[match.end():].lstrip()
    if before.lower() in MONTH_WORDS_BEFORE or not after or after[0].isdigit() \
            or not after[0].isalpha():
        return True
    shouting = written.isupper() and len(written) > 1
    return not (shouting or _is_title_case(text))


def clause_breaks(text: str) -> ClauseBreaks:
    """The clause breaks of one sentence, for :func:`negator_before`."""
    return ClauseBreaks(CLAUSE_BREAK, text, CLAUSE_BREAK_REACH)


def negator_before(text: str, start: int, breaks: ClauseBreaks | None = None) -> re.Match | None:
    """The negator within the four words before ``start`` in the same clause ("could not be ... verified");
    ``breaks``: the sentence's :func:`clause_breaks`, when the caller asks about several positions."""
    lo = (breaks or clause_breaks(text)).clause_start(start)
    words = list(WORD.finditer(text, lo, start))
    if not words:
        return None
    window_start = words[max(0, len(words) - 4)].start()
    found = list(cue_lexicon().negator_re.finditer(text, window_start, start))
    if not found:
        return _negative_subject(text, start, words)
    negator = found[-1]
    between = WORD.findall(text, negator.end(), start)
    if negator.group().lower() in ("no", "neither", "nor"):
        between = between[1:]  # "no independent confirmation", "neither figure can be checked"
    if any(w.lower() not in NEGATION_BRIDGE and not w.lower().endswith("ly") for w in between):
        return _negative_subject(text, start, words)  # "asked not to be named said": another verb's negator
    if between and between[0].lower() == "only":
        return None
    return negator


def _negative_subject(text: str, end: int, words: list[re.Match]) -> re.Match | None:
    """A clause (ending at ``end``) opening with a negative subject a few words before the verb ("None of this
    proves", "Nobody in the capital has told us", "Neither set of figures can be checked"): the subject negates
    the verb."""
    if words and words[0].group().lower() in CLAUSE_OPENERS:
        words = words[1:]  # ", so none of this can be verified"
    if not words or len(words) > NEGATIVE_SUBJECT_REACH + 1:
        return None
    found = cue_lexicon().negator_re.match(text, words[0].start(), end)
    if found is None or re.sub(r"\s+", " ", found.group().lower()) not in load_words("claims_negative_subjects.txt"):
        return None
    return found


def _word_before(text: str, position: int) -> int:
    """Start of the word just before ``position`` ("could" in "could not confirm"), or ``position``."""
    before = list(WORD.finditer(text, max(0, position - 40), position))
    return before[-1].start() if before else position


def _nobody_confirmed(text: str, negator: re.Match, cue_start: int) -> bool:
    """ "nobody has confirmed", "no official has confirmed", "neither side has confirmed": a negative subject
    says the claim is unconfirmed, whereas "the ministry did not confirm" only reports a silence."""
    word = re.sub(r"\s+", " ", negator.group().lower())
    if word not in load_words("claims_negative_subjects.txt"):
        return False
    if any(w.lower() in REFUSAL_WORDS for w in WORD.findall(text[negator.end():cue_start])):
        return False
    return word != "neither" or bool(WORD.findall(text[negator.end():cue_start]))


def _is_ability(text: str, match: re.Match) -> bool:
    """ "they could sleep", "not everyone could be moved": "could" of a person's past ability, not a hedge."""
    after = text[match.end():]
    if match.group().lower() != "could" or re.match(r"\s+have\b", after):
        return False
    if re.match(r"\s+(?:only|not)\b|n't", after):
        return True
    before = _last_letters(text, match.start())
    person = before.lower() in PERSON_SUBJECTS
    participle = re.match(r"\s+be\s+\w+(?:ed|en)\b", after)
    if person:
        return participle is not None or not re.match(r"\s+be\b", after)
    # "the bridge could carry tanks": a thing's capacity, a verb of claims_ability_verbs.txt with an object after it
    verb = re.match(r"\s+([a-z]+)\s+([\w'-]+)", after)
    return before.islower() and verb is not None and verb.group(1) in load_set("claims_ability_verbs.txt") \
        and verb.group(2).lower() not in ABILITY_NOT_OBJECT


def _evidence_shows_none(text: str, start: int, end: int) -> re.Match | None:
    """ "Satellite images taken on Monday showed no radar", "images show the damage, and no fresh craters": a
    piece of evidence, subject of the verb in the same clause, shows that something is absent (the match of
    "no" and the words naming what is absent)."""
    absent = SHOWS_NONE.match(text, end)
    if absent is None:
        return None
    clause = text[:start]
    breaks = list(PUNCTUATION_BREAK.finditer(clause))
    subject = WORD.findall(clause[breaks[-1].end() if breaks else 0:])
    return absent if any(word.lower() in load_set("claims_evidence_nouns.txt") for word in subject) else None


def _agentless_dispute(text: str, start: int, end: int) -> bool:
    """ "Who laid the mines is disputed": the outlet says a point is contested (like "remains disputed"), which
    denies nothing; "is disputed by the army" names who denies it."""
    return _previous_word(text, start) in BE_WORDS and not PASSIVE_WITH_AGENT.match(text[end:])


def _previous_word(text: str, position: int) -> str:
    """The word just before ``position``, lower case ("" at the start of the sentence or after a clause break)."""
    before = WORD.findall(text[max(0, position - 40):position])
    return "" if not before or _mark_before(text, position) in (",", ";", ":", "(", '"') else before[-1].lower()


def _mark_before(text: str, position: int) -> str:
    """The last character before ``position`` that is not white space ("" when there is none): the end of
    ``text[:position].rstrip()``, found without copying the sentence before it."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return text[position - 1] if position else ""


def _is_adjective(text: str, match: re.Match) -> bool:
    """ "the alleged attack", "six suspected militants", "arrested suspected spies", "on reported drone attacks":
    "alleged"/"suspected"/"reported" before a noun, not a verb with a subject ("the ministry alleged that")."""
    word = _previous_word(text, match.start())
    noun_follows = not re.match(r"\s+(?:that|to|by|on)\b", text[match.end():])
    return noun_follows and (word == "" or word in ADJECTIVE_POSITION or word.isdigit()
                             or word.endswith(("ed", "ing", "'s")) or _mark_before(text, match.start()) == "'")


def _labels_identity(text: str, end: int) -> bool:
    """A noun of claims_identity_nouns.txt within the three words after ``end`` ("suspected Kestrian
    saboteurs", "alleged war crimes"), before any clause break."""
    following = re.match(r"[^,;:.()\"]*", text[end:]).group()
    return any(word.lower() in load_set("claims_identity_nouns.txt") for word in WORD.findall(following)[:3])


def _rumour_as_object(text: str, start: int) -> bool:
    """ "spreading rumours", "to quash the rumours": rumours a verb acts on, not a hedge on the claim."""
    words = [w.lower() for w in WORD.findall(text[max(0, start - 60):start])]
    while words and words[-1] in RUMOUR_MODIFIERS:
        words.pop()
    if not words or words[-1] in BE_WORDS or words[-1] == "being":
        return False
    return words[-1] in load_set("claims_rumour_verbs.txt") or words[-1].endswith(("ed", "ing"))


def _claim_noun(text: str, match: re.Match) -> bool:
    """ "did not comment on the claim": "claim" as a noun after an article, not a reporting verb; "the claim
    that ..." and "a claim by the army" still attribute."""
    after = WORD.findall(text[match.end():match.end() + 20])
    return _previous_word(text, match.start()) in CLAIM_NOUN_BEFORE and not (after and after[0].lower()
                                                                                in CLAIM_NOUN_KEEP)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(lo <= span[0] and span[1] <= hi for lo, hi in spans)


def _inside_ordered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """``_inside`` for spans in text order that do not overlap (such as blocked spans): only the last one
    starting at or before ``span`` can hold it."""
    index = bisect_right(spans, (span[0], math.inf)) - 1
    return index >= 0 and span[1] <= spans[index][1]


def word_cues(text: str, blocked: list[tuple[int, int]] | None = None,
              openings: list[re.Match] | None = None) -> list[Cue]:
    """The cues written in one (normalised) sentence, negation and false hedges already handled
    (``blocked``, ``openings``: the sentence's :meth:`CueLexicon.blocked_spans` and :meth:`CueLexicon.opening_words`,
    when already known)."""
    lexicon = cue_lexicon()
    if blocked is None:
        openings = lexicon.opening_words(text) if openings is None else openings
        blocked = lexicon.blocked_spans(text, openings)
    breaks, cues = clause_breaks(text), []
    for match, entry in lexicon.find_cues(text, openings):
        start, end = match.span()
        if _inside_ordered((start, end), blocked):
            continue
        if entry["cue"].split()[0] == "may" and _is_month(text, match):
            continue
        if entry["family"] == "hedge modal" and (_is_ability(text, match) or (
                entry["cue"] == "could" and re.match(r"\s*(?:not\b|n't)", text[end:]))
                or HYPOTHETICAL_HEAD.search(text, max(0, start - 60), start)):
            continue  # "could not reach", "they could sleep": an ability stated as fact ("may not" still hedges);
            # "any attack that could ...": the modal defines a hypothetical thing
        status, family, word = entry["status"], entry["family"], entry["cue"]
        if word in BARE_PROVE and not PROVE_OBJECT.match(text, end) and negator_before(text, start, breaks) is None:
            continue  # "proved decisive", "to prove difficult": a link verb, not a proof
        if word in ("suspected", "alleged", "reported") and _is_adjective(text, match):
            if word != "reported" and _labels_identity(text, end):
                continue  # "the suspected gunman", "alleged war crimes": who someone is said to be
            if word != "suspected":
                status, family = "reported", "report marker"  # "the alleged attack": as "the purported video"
        elif word in RUMOUR_WORDS and _rumour_as_object(text, start):
            continue
        elif word in ("claim", "claims") and _claim_noun(text, match):
            continue
        elif word == "disputed" and _agentless_dispute(text, start, end):
            continue
        absent = _evidence_shows_none(text, start, end) if word in load_set("claims_evidence_verbs.txt") else None
        if absent:
            lo = start if not absent.group(1).strip() else absent.start(2)
            cues.append(Cue("denied", text[lo:absent.end()], lo, absent.end(), "missing evidence"))
            continue
        negator = negator_before(text, start, breaks) if family in NEGATABLE else None
        if family == "missing evidence":
            if negator is None and not word.startswith("without"):
                continue  # "the army produced evidence": no cue; "nobody has produced evidence": a denial
            start = negator.start() if negator is not None else start
        elif negator is not None:
            # "could not be verified", "has not been able to confirm": unverifiable, so speculation;
            # "the ministry did not confirm", "did not deny", "did not say": no claim is made either way
            reach = _word_before(text, negator.start())
            inability = INABILITY.search(text, reach, end) or (
                PASSIVE_BE.search(text, reach, start) if word.endswith(("ed", "en")) else None)
            if word in load_set("claims_evidence_verbs.txt") and _nobody_confirmed(text, negator, start) \
                    and SENTENCE_OPENING.fullmatch(text, 0, negator.start()):
                cues.append(Cue("denied", text[negator.start():end], negator.start(), end, "missing evidence"))
                continue  # "Nothing in the files shows that ...": the sentence says the evidence is missing
            if family != "confirm" or not (inability or _nobody_confirmed(text, negator, start)):
                continue
            start = min(negator.start(), inability.start()) if inability else negator.start()
            status, family = "speculated", "negated confirm"
        elif family == "report marker" and entry["cue"].endswith("reported") and PASSIVE_WITH_AGENT.match(text[end:]):
            status, family = "claimed", "claim verb"  # "was reported by the ministry": the agent is the source
        cues.append(Cue(status, text[start:end], start, end, family, entry.get("strength", "")))
    question = QUESTION_END.search(text) or QUOTED_QUESTION.search(text)
    if question:
        cues.append(Cue("speculated", "?", question.start(), question.start() + 1, "question"))
    elif ASKED_QUESTION.match(text):
        asks = re.search(r"(?:asks|asked|wonders|wondered)\s*\S*", text[text.rfind(","):])
        start = text.rfind(",") + asks.start()
        cues.append(Cue("speculated", asks.group().split()[0], start, start + len(asks.group().split()[0]),
                        "question"))
    if "hether" in text[:12]:
        whether = WHETHER_SUBJECT.match(text)
        if whether:
            opening = re.search(r"Whether", text, re.I)
            cues.append(Cue("speculated", opening.group(), opening.start(), opening.end(), "question"))
    if len(text) < 40:
        ellipsis = ELLIPTICAL_DENIAL.match(text)
        if ellipsis:
            cues.append(Cue("denied", text.strip(), text.find(text.strip()), len(text.rstrip()), "deny"))
    conditional = CONDITIONAL_OPENING.search(text)
    if conditional:
        opening = re.search(r"If|Unless|Should", text)
        cues.append(Cue("speculated", opening.group(), opening.start(), opening.end(), "conditional"))
    return cues


def withheld_confirmation(text: str) -> str | None:
    """The words of a confirmation the sentence says was not given ("Kestria has not confirmed", "declined to
    confirm"), or None. Such a sentence states a silence, so it cannot back a headline that says "confirms"."""
    breaks = clause_breaks(text)
    for match, entry in cue_lexicon().find_cues(text):
        if entry["family"] == "confirm":
            negator = negator_before(text, match.start(), breaks)
            if negator is not None:
                return text[negator.start():match.end()]
    return None


def is_headline_label(label: str, outlet: str | None = None) -> bool:
    """True when the words before a headline's colon name the kind of piece or its topic, not a speaker: a
    label of claims_headline_labels.txt ("Fact check", "Analysis"), the outlet's own brand ("The Morning Ledger"
    in The Northern Ledger), or a phrase opening with a preposition or adverb ("Back to Tashir", "Inside the
    bunker")."""
    label = label.strip()
    if label.lower() in load_set("claims_headline_labels.txt"):
        return True
    words = WORD.findall(label)
    if words and words[0].lower() in LABEL_OPENERS:
        return True
    brand = {w.lower() for w in WORD.findall(outlet or "") if len(w) > 3 and w[0].isupper()}
    return bool(brand & {w.lower() for w in words if w[0].isupper()})


def headline_speaker(text: str, outlet: str | None = None) -> Cue | None:
    """ "Defence Ministry: 46 tanks destroyed": a headline that opens with its speaker and a colon."""
    match = HEADLINE_SPEAKER.match(text)
    if not match or match.group(1).isupper() or is_headline_label(match.group(1), outlet):
        return None
    return Cue("claimed", text[match.start(1):match.end() - 1].rstrip(), match.start(1), match.end() - 1,
               "headline speaker", "neutral")


def headline_quotation(text: str) -> Cue | None:
    """ "'We left with what we could carry': families fill the shelters": a headline led by a quotation."""
    match = HEADLINE_QUOTE.match(text)
    if not match:
        return None
    return Cue("claimed", match.group(0)[match.start(1):match.end(2) + 1], match.start(1), match.end(2) + 1,
               "headline quotation", "neutral")


def is_signpost(text: str, alone: bool, opens: bool = False) -> bool:
    """A question that announces what follows or is put to someone, instead of doubting a claim: a short
    wh-question standing as its own paragraph (an explainer's subhead, "What do the armies say?"); a question
    in the writer's own voice that opens a paragraph the rest of which answers it ("Will it hold? Diplomats
    say ..."); one announced by "the question" and a colon or quotation marks ("shared it with the question
    \"Where are the monitors?\""); one put to someone by name ("Minister, what was on the planes?")."""
    if ANNOUNCED_QUESTION.search(text) or VOCATIVE_QUESTION.match(text) and \
            WORD.search(text).group().lower() not in NOT_VOCATIVE:
        return True  # ("In Gaza, is any place safe?" opens with a place, not a person addressed)
    if '"' in text or text.lstrip().startswith("'"):
        return False  # a quoted question is the speaker's
    return opens or (alone and bool(SIGNPOST_OPENING.match(text)) and len(WORD.findall(text)) <= SIGNPOST_WORDS)


@lru_cache(maxsize=64)
def _own_voice_pattern(outlet: str | None) -> re.Pattern:
    names = sorted([*load_words("claims_own_voice.txt"), *([outlet.lower()] if outlet else [])], key=len, reverse=True)
    return re.compile(r"\W*(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.I)


def is_own_voice(subject: str, outlet: str | None = None) -> bool:
    """True when ``subject`` (a source, or the opening of a sentence) is the outlet itself: "our
    correspondent", "an earlier version of this story", "this magazine", or the outlet's own name."""
    return _own_voice_pattern(outlet).match(subject) is not None


def _opens_in_own_voice(text: str, cues: list[Cue], outlet: str | None) -> bool:
    """ "An earlier version said ...", "Our correspondent reports ...": the sentence opens with the outlet
    itself as the subject of its first reporting verb."""
    if re.match(r"\s*['\"]", text):
        return False  # a quotation's "we" is the speaker's
    verb = next((c.start for c in cues if c.family in ("claim verb", "report marker") and c.start), None)
    return verb is not None and len(WORD.findall(text[:verb])) <= OWN_VOICE_REACH and is_own_voice(text, outlet)


def _denial_speaker(attributions: list[dict]) -> bool:
    """An official denying, or a quotation that continues an official's denial ("She rejected the claims.
    'Not a single shell hit a school.'"): where a categorical "not a single" is a denial."""
    entries = cue_lexicon().entries
    for row in attributions:
        cue = str(row.get("cue") or "").lower()
        quoted = re.search(r"'([^']+)'", cue)
        word = quoted.group(1) if quoted else cue
        if row.get("source_type") == "official" and entries.get(word, {}).get("family") == "deny":
            return True
    return False


def _display_source(row: dict) -> str | None:
    for key in ("refers_to", "source"):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _outlet_verifies(row: dict) -> bool:
    """ "The Times verified the video", "confirmed by Reuters": a newsroom's own check is a confirmation, not
    second-hand reporting (the confirming word itself gives the status)."""
    cue = str(row.get("cue") or "").lower()
    entry = cue_lexicon().entries.get(re.sub(r"\s+by$", "", cue))
    return row.get("source_type") == "media" and entry is not None and entry["family"] == "confirm"


def _own_staff(row: dict, outlet: str | None) -> bool:
    """ "a Meridian Wire photographer at the crossing said" in a Meridian Wire story: the outlet's own staff
    saw it, which is first-hand, not another outlet's reporting."""
    source = row.get("source")
    return bool(outlet) and isinstance(source, str) and re.search(
        re.escape(outlet) + r"(?:'s)?\s+[a-z]", source, re.I) is not None and source.lower() != outlet.lower()


def attribution_cues(attributions: list[dict], text: str, offset: int, analysed_length: int,
                     blocked: list[tuple[int, int]] | None = None, outlet: str | None = None) -> list[Cue]:
    """Cues given by who the sentence is attributed to (an anonymous source or an outlet: "reported")."""
    blocked = cue_lexicon().blocked_spans(text) if blocked is None else blocked
    venues = {row.get("channel") for row in attributions if row.get("source_type") not in SECOND_HAND_TYPES}
    breaks, cues = clause_breaks(text), []
    for index, row in enumerate(attributions):
        if row.get("source_type") == "media" and row.get("source") in venues:
            continue  # "the minister told state television": the channel carried the claim, the minister made it
        start = row.get("cue_start")
        start = None if start is None or pd.isna(start) else int(start) - offset
        end = None if start is None or pd.isna(row.get("cue_end")) else int(row["cue_end"]) - offset
        source_start = row.get("source_start")
        if source_start is not None and not pd.isna(source_start) and int(source_start) - offset >= analysed_length:
            continue  # a photo credit after the caption: it credits the picture, not the claim
        if start is not None and 0 <= start <= len(text) and (negator_before(text, start, breaks) is not None
                                                              or _inside_ordered((start, end), blocked)):
            continue  # "the ministry has not commented": no claim; "the disputed region": no attribution
        second_hand = row.get("source_type") in SECOND_HAND_TYPES and not _outlet_verifies(row) \
            and not _own_staff(row, outlet)
        status, family = ("reported", "second-hand source") if second_hand else ("claimed", "on-record source")
        cues.append(Cue(status, str(row.get("cue") or ""), start, end, family, attribution=index))
    return cues


def subordinate_spans(text: str) -> list[tuple[int, int]]:
    """Spans of concessive clauses ("Although the army denied it, ...", "..., though the figure was disputed")
    and parenthetical relative clauses (", who has denied sending troops,"): a side remark, whose words do not
    decide how firmly the main clause states its claim."""
    spans = []
    if "hough" in text or "espite" in text or "ven if" in text or "spite of" in text or "hereas" in text:
        for opener in CONCESSIVE.finditer(text):
            start = opener.start()
            if re.match(r"\s*(?:[,;:.!?)-]|$)", text[opener.end():]):
                continue  # "The army, though, denied it": an adverb, not a clause
            close = CLAUSE_END.search(text, opener.end())
            if SENTENCE_OPENING.fullmatch(text, 0, start):
                if close is None:
                    continue  # the whole sentence is the concession: nothing else to decide it
                spans.append((start, close.start()))
            else:  # "..., though he never said which"; "... despite the truce, officials said": to the clause end
                spans.append((start, close.start() if close else len(text)))
    if ", which" in text or ", who" in text:
        spans += [match.span() for match in PARENTHETICAL.finditer(text)]
    return spans


def main_clause_cues(cues: list[Cue], text: str) -> list[Cue]:
    """The cues that speak for the sentence's main claim: those outside concessive and parenthetical clauses,
    and inside them only what they say of the claim's proof ("Although the figures could not be verified,
    officials said ...": the claim stays unverified, so speculated)."""
    spans = subordinate_spans(text) if cues else None
    if not spans:
        return cues
    return [cue for cue in cues if cue.start is None or cue.family in ("negated confirm", "missing evidence")
            or cue.text.lower() in VERIFICATION_CUES or not _inside((cue.start, cue.start), spans)]


def decide(cues: list[Cue]) -> Cue | None:
    """The deciding cue: highest status priority, then the earliest in the sentence."""
    if not cues:
        return None
    return max(cues, key=lambda cue: (PRIORITY[cue.status], -(cue.start if cue.start is not None else 10**6)))


def _analysed_length(part: str, text: str) -> int:
    if part != "caption":
        return len(text)
    credit = CAPTION_CREDIT.search(text)
    return credit.start() if credit and credit.start() > 0 else len(text)


def _find_sources(article):
    try:
        from .sources import find_sources
    except ImportError:
        return None
    return find_sources(article)


def classify_sentence(text: str, part: str = "body", attributions: list[dict] | None = None,
                      offset: int = 0, outlet: str | None = None, alone: bool = False, opens: bool = False
                      ) -> tuple[str, Cue | None, str | None]:
    """Status, deciding cue and source of one normalised sentence (``offset``: its start in the article;
    ``outlet``: the article's outlet, whose own reporters are its own voice; ``alone``: the sentence is a
    paragraph of its own, as a subhead is; ``opens``: it opens its paragraph)."""
    attributions = [row for row in attributions or [] if not is_own_voice(str(row.get("source") or ""), outlet)]
    length = _analysed_length(part, text)
    lexicon = cue_lexicon()
    openings = lexicon.opening_words(text)
    blocked = lexicon.blocked_spans(text, openings)
    cues = word_cues(text, blocked, openings) if length == len(text) else word_cues(text[:length])
    if part == "body" and any(cue.text == "?" for cue in cues) and is_signpost(text, alone, opens):
        cues = [cue for cue in cues if cue.family not in ("question", "claim verb")]  # "What do the armies say?"
    if not _denial_speaker(attributions):
        cues = [cue for cue in cues if cue.family != "categorical denial"]
    if _opens_in_own_voice(text, cues, outlet):
        cues = [cue for cue in cues if cue.family not in ("claim verb", "report marker")]
    cues += attribution_cues(attributions, text, offset, length, blocked, outlet)
    cues = main_clause_cues(cues, text)
    if part in ("headline", "standfirst") or (alone and part == "body" and not SENTENCE_END.search(text)):
        # a live blog's key-event line or a subhead is written like a headline ("Olesk: Sarvenia 'will watch'")
        cues += [cue for cue in (headline_speaker(text, outlet), headline_quotation(text)) if cue]
    best = decide(cues)
    status = best.status if best else "unattributed"
    counted = [c for c in cues if c.attribution is not None]
    if best is not None and best.attribution is None and best.start is not None:
        overlapping = [c for c in counted if c.start is not None and c.start < best.end and best.start < c.end]
        counted = overlapping + counted
    elif best is not None and best.attribution is not None:
        counted.insert(0, best)
    chosen = [attributions[c.attribution] for c in counted] + attributions
    source = next((s for s in map(_display_source, chosen) if s), None)
    return status, best, source


def classify_claims(article, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence of headline, standfirst, captions and body: its status, cue and source.

    ``sources`` is the frame of :func:`dispatches.sources.find_sources` for the same article (computed here
    when not given). Columns: SPEC.md's, then ``cue_start``/``cue_end`` (offsets of the cue in ``art.text``,
    None when the cue is not in the sentence) and ``cue_family`` (the kind of cue, for displays).
    """
    if sources is None:
        sources = _find_sources(article)
    by_sentence: dict[int, list[dict]] = {}
    for row in frame_records(sources):
        by_sentence.setdefault(int(row["sentence_id"]), []).append(row)
    sentences = article.sentences
    kept = [i for i, part in enumerate(sentences["part"].tolist()) if part != "byline"]
    ids, parts, texts, norms, starts = ([column[i] for i in kept] for column in (
        sentences[name].tolist() for name in ("sentence_id", "part", "text", "norm", "start")))
    statuses, cue_texts, source_names, cue_starts, cue_ends, families = [], [], [], [], [], []
    paragraphs = [(part, paragraph) for part, paragraph in zip(sentences["part"].tolist(),
                                                               sentences["paragraph"].tolist())]
    sizes = Counter(paragraphs)
    alone = [sizes[paragraphs[i]] == 1 for i in kept]
    opening = [i == 0 or paragraphs[i - 1] != paragraphs[i] for i in kept]
    outlet = getattr(article, "outlet", None)
    for sentence_id, part, norm, start, single, opens in zip(ids, parts, norms, starts, alone, opening):
        status, cue, source = classify_sentence(norm, part, by_sentence.get(int(sentence_id)), int(start),
                                                outlet=outlet, alone=single, opens=opens)
        has_span = cue is not None and cue.start is not None and cue.end is not None
        statuses.append(status)
        cue_texts.append(cue.text if cue else None)
        source_names.append(source)
        cue_starts.append(int(start) + cue.start if has_span else None)
        cue_ends.append(int(start) + cue.end if has_span else None)
        families.append(cue.family if cue else None)
    columns = {"sentence_id": [int(i) for i in ids], "part": parts, "text": texts, "status": statuses,
               "cue": cue_texts, "source": source_names, "cue_start": cue_starts, "cue_end": cue_ends,
               "cue_family": families}
    # a frame of no rows has object columns, as one built from no records
    return typed_frame(columns, COLUMN_TYPES if ids else {"cue_start": "Int64", "cue_end": "Int64"})


def frame_records(frame: pd.DataFrame | None) -> list[dict]:
    """The rows of a frame as dictionaries of Python values (what ``to_dict("records")`` gives, from one
    conversion of the whole frame rather than one per column)."""
    if frame is None or not len(frame):
        return []
    names = list(frame.columns)
    return [dict(zip(names, values)) for values in frame.to_numpy(dtype=object).tolist()]
