"""Coreference: which earlier source a pronoun or short form points back to.

"he" and "she" go to the last person of a compatible gender, "it" to the last organisation, "they" to the
last source, "one of them" to the last group, "the ministry" to the last source whose name holds "ministry",
and a surname alone to the last full name ending in it. The analyser (:mod:`dispatches.sources`) decides what
each source is (person, organisation or group) and tells the :class:`Resolver` as it reads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicons import load_table

PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "any"}
OBJECT_PRONOUNS = {"him": "person", "her": "person", "them": "any"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
GENDERED_WORDS = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "spokesman": "m", "chairman": "m",
                  "congressman": "m", "father": "m", "son": "m", "husband": "m", "brother": "m", "man": "m",
                  "boy": "m", "grandfather": "m", "uncle": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
                  "dame": "f", "lady": "f", "queen": "f", "princess": "f", "spokeswoman": "f", "chairwoman": "f",
                  "congresswoman": "f", "mother": "f", "daughter": "f", "wife": "f", "sister": "f", "woman": "f",
                  "girl": "f", "grandmother": "f", "widow": "f", "aunt": "f"}
PART_OF_GROUP = re.compile(r"(?:one|two|three|some|many|several|most|all|each|both|none|either|neither|another)"
                           r" of (?:them|those|these)")
GENERIC_BODIES = {"company", "firm", "charity", "group", "organisation", "organization", "manufacturer", "maker",
                  "institution", "body", "contractor"}     # 'the company' without a name holding 'company'
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr"}    # 'Mr Omar' is the surname of someone named in full
WORD = re.compile(r"\w+(?:[-'./&]\w+)*")
GENDERED_PRONOUN = re.compile(r"\b(?:(he|his|himself)|(she|her|herself))\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _first_names() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in load_table("sources_first_names.csv")}


def gender_of(source: str) -> str | None:
    """'m' or 'f' when a title, a gendered noun or a listed first name in the phrase says so, else None."""
    words = WORD.findall(source)
    for word in words:
        gender = GENDERED_WORDS.get(word.lower().rstrip("."))
        if gender:
            return gender
    names = _first_names()
    return next((names[word] for word in words if word in names), None)


def is_short_form(source: str) -> bool:
    """Pronouns, 'one of them', 'the ministry'-like phrases without a name, and single capitalised words."""
    words = source.split()
    if source.lower() in PRONOUNS or source.lower() in OBJECT_PRONOUNS or PART_OF_GROUP.fullmatch(source.lower()):
        return True
    if words[0].lower() == "the" and len(words) <= 3 and all(w[0].islower() for w in words[1:]):
        return True
    if len(words) == 2 and words[0].lower().rstrip(".") in COURTESY_TITLES and words[1][0].isupper():
        return True
    return len(words) == 1 and source[0].isupper()


class Resolver:
    """Links pronouns and short forms to the last compatible source mentioned.

    "he" and "she" skip organisations and people known to be of the other gender (from a title such as "Mr" or
    "spokeswoman", a first name in ``sources_first_names.csv``, a "his"/"her" in the sentence that named them,
    or an earlier "he"/"she" linked to them); a person whose gender nothing tells stays a candidate for both;
    "the official" links back to an unnamed official as well as a named one.
    """

    def __init__(self):
        self.named: dict[str, tuple[str, int]] = {}   # source -> (person|organisation|group, last mention),
                                                       # kept in order of last mention
        self.decided: dict[str, tuple] = {}            # source -> (source_type, party, on_record)
        self.heads: dict[str, str] = {}                # source -> its head word, lower case
        self.gender: dict[str, str] = {}               # person -> "m" | "f"
        self.clock = 0
        self.met: dict[str, int] = {}                  # source -> order first met
        self.by_surname: dict[str, list[str]] = {}     # surname -> named people, in the order first met
        self.surname_re: re.Pattern | None = None      # one pattern of all surnames, rebuilt when one is added

    def remember(self, source: str, decided: tuple, kind: str, head: str):
        """``source`` was just met: ``kind`` is person, organisation or group; ``decided`` is what later short
        forms inherit (source_type, party, on_record)."""
        self.clock += 1
        self.met.setdefault(source, len(self.met))
        self.named.pop(source, None)
        self.named[source] = (kind, self.clock)
        self.decided[source] = decided
        self.heads[source] = head
        last = source.split()[-1]
        if kind == "person" and len(source.split()) > 1 and last[0].isupper() and \
                source not in self.by_surname.get(last, ()):
            if last not in self.by_surname:
                self.surname_re = None
            self.by_surname.setdefault(last, []).append(source)
        gender = gender_of(source)
        if kind == "person" and gender:
            self.gender[source] = gender

    def hint_gender(self, source: str, following: str):
        """'Jane Doe lost her house': a person of unknown gender followed in their sentence only by 'he/his' or
        only by 'she/her' is taken to be of that gender, so a later pronoun of the other gender skips them."""
        if source in self.gender or self.named.get(source, ("",))[0] != "person":
            return
        found = set()
        for pronoun in GENDERED_PRONOUN.finditer(following):
            found.add("m" if pronoun.group(1) else "f")
            if len(found) == 2:
                return      # both: nothing to learn (and no need to read the rest of a long sentence)
        if found:
            self.gender[source] = found.pop()

    def mentions(self, sentence: str):
        """A named source mentioned again by surname in any sentence becomes the most recent one."""
        if not self.by_surname:
            return
        if self.surname_re is None:
            self.surname_re = re.compile(r"\b(" + "|".join(
                re.escape(s) for s in sorted(self.by_surname, key=len, reverse=True)) + r")\b")
        seen = {found.group(1) for found in self.surname_re.finditer(sentence)}
        for name in sorted((n for s in seen for n in self.by_surname[s] if self.named[n][0] == "person"),
                           key=self.met.__getitem__):
            self.clock += 1
            del self.named[name]
            self.named[name] = ("person", self.clock)

    def resolve(self, source: str) -> str | None:
        """The remembered source that ``source`` (a pronoun or short form) points back to, or None."""
        ordered = ((name, self.named[name]) for name in reversed(self.named))     # most recent first
        low = source.lower()
        if low in PRONOUNS or low in OBJECT_PRONOUNS or PART_OF_GROUP.fullmatch(low):
            wanted = PRONOUNS.get(low) or OBJECT_PRONOUNS.get(low) or "group"
            gender = PRONOUN_GENDER.get(low)
            found = next((name for name, (kind, _) in ordered if wanted in ("any", kind)
                          and not (gender and self.gender.get(name, gender) != gender)), None)
            if found and gender and self.named[found][0] == "person":
                self.gender.setdefault(found, gender)     # a later 'she' will not be linked to him
            return found
        words = source.split()
        if words[0].lower() == "the":
            head = words[-1].lower()
            holds_head = re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)")
            ordered = list(ordered)
            found = next((name for name, (kind, _) in ordered if (kind != "group" or self._same_head(name, head))
                          and holds_head.search(name.lower())), None)
            if found is None and head in GENERIC_BODIES:     # 'Vireon Dynamics said ... The company reported'
                bodies = [name for name, (kind, _) in ordered if kind == "organisation"
                          and self.decided[name][0] in ("official", "expert")]
                found = next((name for name in bodies if GENERIC_BODIES & set(name.lower().split())),
                             bodies[0] if bodies else None)     # 'the shipping firm X' before 'Central Command'
            return found
        gender = None
        if len(words) == 2 and words[0].lower().rstrip(".") in COURTESY_TITLES:
            gender, source, words = GENDERED_WORDS.get(words[0].lower().rstrip(".")), words[1], words[1:]
        if len(words) == 1:
            return next((name for name, (kind, _) in ordered
                         if kind == "person" and len(name.split()) > 1 and source in re.findall(r"[\w'-]+", name)
                         and not (gender and self.gender.get(name, gender) != gender)), None)
        return None

    def touch(self, name: str):
        """``name`` was just mentioned again ('the report says'), so it is the most recent of its kind."""
        if name in self.named:
            self.clock += 1
            kind = self.named.pop(name)[0]
            self.named[name] = (kind, self.clock)

    def _same_head(self, name: str, head: str) -> bool:
        """'the officials' and 'Ukrainian officials' share their head word; 'the ministry' and 'ministry
        officials' do not."""
        return self.heads.get(name, "") in (head, head + "s", head.removesuffix("s"))
