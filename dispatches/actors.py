"""Which side a source belongs to, looked up in the actor lexicons.

Three tiers are searched in order, and the first tier with a match decides: the ``actors=`` the user passes,
then the fictional scenario's actors (``actors_scenario.csv``), then the world's countries with their
demonyms and capitals (``actors_countries.csv``: "Turkish sources" -> Turkey, "Moscow said" -> Russia).
Within a tier the name found first in the text wins. Matching is case-sensitive and on whole words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .alternation import alternation
from .lexicons import load_table


def _split(field: str) -> list[str]:
    return [item.strip() for item in (field or "").split("|") if item.strip()]


def _compile(pairs: list[tuple[str, str]]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex over all aliases (longest first) and the alias -> party map."""
    parties = {alias: party for alias, party in pairs if alias and party}
    if not parties:
        return None, {}
    names = alternation(parties, flexible_spaces=False, ignore_case=False)
    pattern = re.compile(r"(?<![\w@-])(" + names + r")(?![\w-])")
    return pattern, parties


@lru_cache(maxsize=None)
def _country_tier():
    pairs = []
    for row in load_table("actors_countries.csv"):
        names = [row["country"], *_split(row.get("aliases", "")), *_split(row.get("demonyms", "")),
                 *_split(row.get("capital", ""))]
        pairs += [(name, row["country"]) for name in names]
    return _compile(pairs)


@lru_cache(maxsize=None)
def _scenario_tier():
    pairs = []
    for row in load_table("actors_scenario.csv"):
        pairs += [(name, row["party"]) for name in [row["name"], *_split(row.get("aliases", ""))]]
    return _compile(pairs)


@lru_cache(maxsize=None)
def scenario_kinds() -> dict[str, str]:
    """Map every scenario name and alias to its kind (person, organisation, outlet, account, ...)."""
    kinds = {}
    for row in load_table("actors_scenario.csv"):
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            kinds[name] = row["kind"]
    return kinds


def _user_pairs(actors) -> list[tuple[str, str]]:
    """Accept a dict {name: party} or a DataFrame/records with columns name and party (aliases optional)."""
    if actors is None:
        return []
    if isinstance(actors, dict):
        return [(str(name), str(party)) for name, party in actors.items()]
    records = actors.to_dict("records") if hasattr(actors, "to_dict") else list(actors)
    pairs = []
    for row in records:
        if "name" not in row or "party" not in row:
            raise ValueError("actors= needs a dict {name: party} or a table with columns 'name' and 'party' "
                             "(and optionally 'aliases', separated by '|').")
        for name in [row["name"], *_split(str(row.get("aliases") or ""))]:
            pairs.append((str(name), str(row["party"])))
    return pairs


class ActorLookup:
    """The party lookup for one set of user actors; build it once and call ``party`` per source."""

    def __init__(self, actors=None):
        self.tiers = [_compile(_user_pairs(actors)), _scenario_tier(), _country_tier()]

    def match(self, text: str) -> tuple[str, str] | None:
        """Return (name as found, party) for the first actor named in ``text``, or None."""
        for pattern, parties in self.tiers:
            found = pattern.search(text) if pattern and text else None
            if found:
                return found.group(1), parties[found.group(1)]
        return None

    def party(self, text: str) -> str | None:
        """Return the party of the first actor named in ``text``, or None."""
        found = self.match(text)
        return found[1] if found else None


def party_of(text: str, actors=None) -> str | None:
    """The side a phrase belongs to: ``party_of("Turkish sources") == "Turkey"``; None when no actor is named.

    ``actors`` adds your own names: ``{"Hamas": "Palestine"}`` or a DataFrame with columns name and party.
    """
    return ActorLookup(actors).party(text)
