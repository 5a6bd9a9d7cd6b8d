"""The evaluator follows SPEC.md's scoring rules, on a gold folder built here."""
import json

import pytest

from dispatches.evaluation import evaluate, overlaps

ARTICLE = """---
headline: "Drone strike hits depot"
outlet: Test Wire
published: 2025-09-24
---
Officials said a drone hit the depot on Monday. The claim could not be independently verified.

"We saw the fire," said Mira Lenk, a resident. "It burned all night," she added.
"""


def gold_folder(tmp_path, **overrides):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.md").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "id": "one", "file": "articles/one.md", "published": "2025-09-24", "headline": "Drone strike hits depot",
        "boilerplate": ["Sign up for our newsletter"], "keep": ["a drone hit the depot"],
        "sources": [
            {"sentence": "Officials said a drone", "source": "Officials", "type": "official"},
            {"sentence": "We saw the fire", "source": "Mira Lenk, a resident", "type": "witness"},
            {"sentence": "It burned all night", "source": "she", "refers_to": "Mira Lenk", "type": "witness"},
            {"sentence": "could not be independently", "source": "unnamed", "type": "anonymous", "optional": True},
        ],
        "claims": [{"sentence": "Officials said a drone", "status": "claimed"},
                   {"sentence": "could not be independently", "status": "speculated"}],
        "times": [{"sentence": "Officials said a drone", "expression": "on Monday",
                   "start": "2025-09-22", "end": "2025-09-22"}],
    }
    gold.update(overrides)
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    (annotations / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    return annotations


def figure(result, name):
    return result.summary.set_index("figure").loc[name, "value"]


def test_overlap_is_on_content_words():
    assert overlaps("Defence Minister Lena Sorvik", "Sorvik")
    assert not overlaps("the ministry", "the army")
    assert overlaps("", "")


def test_scores_follow_the_spec_rules(tmp_path):
    result = evaluate(gold_folder(tmp_path), split="all")
    assert figure(result, "headline exact") == 1.0
    assert figure(result, "boilerplate removed") == 1.0 and figure(result, "kept text survived") == 1.0
    sources = result.details["one"]["sources"]
    # the optional entry is neither a hit nor a miss; "she" matches through refers_to
    assert sources["fn"] == 0, sources["missed"]
    assert sources["tp"] == 3
    assert figure(result, "time recall") == 1.0
    assert figure(result, "normalisation accuracy") == 1.0


def test_wrong_gold_lowers_the_scores(tmp_path):
    folder = gold_folder(tmp_path, headline="Another headline",
                         keep=["a sentence that is not in the article"],
                         times=[{"sentence": "Officials said a drone", "expression": "on Monday",
                                 "start": "2025-09-15", "end": "2025-09-15"},
                                {"sentence": "It burned all night", "expression": "last year",
                                 "start": "2024-01-01", "end": "2024-12-31"}],
                         claims=[{"sentence": "Officials said a drone", "status": "denied"}])
    result = evaluate(folder, split="all")
    assert figure(result, "headline exact") == 0.0
    assert figure(result, "kept text survived") == 0.0
    assert figure(result, "time recall") == 0.5
    assert figure(result, "normalisation accuracy") == 0.0
    assert figure(result, "claim-status accuracy") == 0.0


def test_articles_narrow_the_evaluation_and_unknown_names_are_refused(tmp_path):
    folder = gold_folder(tmp_path)
    two = json.loads((folder / "one.json").read_text(encoding="utf-8"))
    two.update(id="two", claims=[{"sentence": "Officials said a drone", "status": "denied"}])
    (folder / "two.json").write_text(json.dumps(two), encoding="utf-8")
    assert sorted(evaluate(folder, split="all", components=("claims",)).details) == ["one", "two"]
    only = evaluate(folder, split="all", components=("claims",), articles=["two"])
    assert list(only.details) == ["two"]
    assert figure(only, "claim-status accuracy") == 0.0
    with pytest.raises(ValueError, match="three"):
        evaluate(folder, split="all", articles=["three"])


def test_split_needs_a_splits_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="splits.csv"):
        evaluate(gold_folder(tmp_path), split="test")


def test_headline_check_scoring_counts_planted_and_fair(tmp_path):
    folder = gold_folder(tmp_path, headline_check=[{"sentence": "Drone strike hits depot", "finding": "overstated"}])
    result = evaluate(folder, split="all", components=("headline",))
    scores = result.details["one"]["headline"]
    assert (scores["planted"], scores["fair"]) == (1, 0)
    assert scores["caught"] + len(scores["missed"]) == 1


def test_headline_check_flags_a_confirmed_headline_over_a_speculating_body(tmp_path):
    body = ("---\nheadline: \"Kestria confirms drones destroyed the Karvel radar\"\npublished: 2025-09-28\n---\n"
            "A drone may have struck a radar near Karvel, according to unverified posts on social media.\n\n"
            "Nobody has confirmed that the Karvel radar was destroyed.\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "two.md").write_text(body, encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    gold = {"id": "two", "file": "articles/two.md", "published": "2025-09-28", "headline": None,
            "headline_check": [{"sentence": "Kestria confirms drones destroyed", "finding": "overstated"}]}
    (tmp_path / "annotations" / "two.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(tmp_path / "annotations", split="all", components=("headline",))
    assert figure(result, "overstatements caught") == 1.0
