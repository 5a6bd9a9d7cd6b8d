"""The claim lexicon finds cues and not-cue phrases from one scan of a sentence's opening words, and each
index finds exactly what its own scan would."""
import pytest

from dispatches import datasets
from dispatches.claims import cue_lexicon

TRICKY_TEXTS = ["He's reported it.", "'Said' the officer.", "a think-tank said so", "un-reported and re-said",
                "the army 's reported", "It's not clear who denied access", "'could not be verified'",
                "Military might, not confirmed, 'not clear' she said", "''said''", "said-to"]


def _sentences() -> list[str]:
    return TRICKY_TEXTS + [text for article in datasets.articles("dev")[:6] for text in article.sentences["norm"]]


@pytest.mark.parametrize("index", ["cues", "not_cues"])
def test_shared_openings_find_what_each_index_finds_alone(index):
    lexicon = cue_lexicon()
    phrases = getattr(lexicon, index)
    for text in _sentences():
        alone = [(match.span(), id(value)) for match, value in phrases.finditer(text)]
        shared = [(match.span(), id(value)) for match, value in phrases.finditer(text, lexicon.opening_words(text))]
        assert shared == alone, text
