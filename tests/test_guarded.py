"""Every guarded rule is tried only on texts holding one of its strings; those strings must be ones that every
match holds: taking them out of texts the rule matches leaves nothing for it to match."""
import pytest

from dispatches import datasets, sources
from dispatches.guarded import Guarded

# Invented sentences (a fictional war), at least one each rule matches
SAMPLES = [
    "The claim was first posted by a channel and later shared widely by several accounts.",
    "The attack is believed by analysts to have come from the north.",
    "The general was quoted as saying the line held.",
    "Radio Tashir quoted an army spokesman as saying the bridge was intact.",
    "According to the ministry, 12 people died; according to residents, more.",
    "The agency reported the strike, citing two officials.",
    "Asked about the report by Lantern, the minister said nothing.",
    "The department counted 14 dead and the hospital gave the toll at 20.",
    "The regional office puts the death toll at 31.",
    "The army repeated its denial, and the ministry renewed the accusation.",
    "State television carried the ministry's statement in full; the paper ran the minister's remarks.",
    "The video, filmed by a resident and verified by Lantern, shows smoke.",
    "Speaking to Radio Tashir, the mayor denied it; in comments to Lantern, an aide said the same.",
]


def _guarded_rules():
    return {name: rule for name, rule in vars(sources).items() if isinstance(rule, Guarded)}


def _texts():
    return SAMPLES + [text for article in datasets.articles("dev") for text in article.sentences["norm"]]


def test_there_are_guarded_rules_and_each_matches_a_sample():
    rules = _guarded_rules()
    assert len(rules) >= 10
    for name, rule in rules.items():
        assert any(rule.pattern.search(text) for text in SAMPLES), name


@pytest.mark.parametrize("name", sorted(_guarded_rules()))
def test_a_text_without_the_guard_strings_is_not_matched(name):
    rule = _guarded_rules()[name]
    for text in _texts():
        if not rule.pattern.search(text):
            continue
        assert list(rule.finditer(text)) and [m.span() for m in rule.finditer(text)] == \
            [m.span() for m in rule.pattern.finditer(text)]
        stripped = text
        for need in rule.needs:
            stripped = stripped.replace(need, "#" * len(need))
        assert rule.pattern.search(stripped) is None, (name, text)
