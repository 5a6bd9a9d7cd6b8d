"""A remembered function answers once per article, and nothing is kept once the article is read."""
from dispatches.memo import one_article, remembered


def test_answers_are_kept_inside_one_article_only():
    calls = []

    @remembered
    def head(phrase):
        calls.append(phrase)
        return phrase.split()[-1]

    assert head("the army") == "army" and head("the army") == "army"
    assert calls == ["the army", "the army"]            # outside an article: every call runs
    with one_article():
        assert [head("the army"), head("the army"), head("a witness")] == ["army", "army", "witness"]
        with one_article():                             # a nested article starts afresh
            head("the army")
    assert calls == ["the army"] * 2 + ["the army", "a witness"] + ["the army"]
    with one_article():                                 # the next article does not see the last one's answers
        head("the army")
    assert calls[-1] == "the army" and len(calls) == 6
