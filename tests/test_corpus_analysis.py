"""analyze_corpus: the three analyses over many articles, in one process or several, from paths, Articles or a frame."""
import warnings

import pandas as pd
import pytest

import dispatches as dp
from dispatches import datasets
from dispatches.corpus import analyze_corpus, analyze_one, combine

NAMES = datasets.article_names()[:5]
SPEC_COLUMNS = {
    "sources": ["sentence_id", "source", "source_type", "party", "cue", "channel", "on_record", "quote", "refers_to"],
    "claims": ["sentence_id", "part", "text", "status", "cue", "source"],
    "timeline": ["sentence_id", "expression", "start", "end", "granularity", "anchored", "date_prec", "event",
                 "status", "source"],
}


def corpus_paths():
    return [datasets.data_dir() / datasets.gold(name)["file"] for name in NAMES]


def corpus_dates():
    return [datasets.gold(name)["published"] for name in NAMES]


def assert_same(left, right):
    for frame in ("articles", "sources", "claims", "timeline", "notes"):
        pd.testing.assert_frame_equal(getattr(left, frame), getattr(right, frame))


@pytest.fixture(scope="module")
def in_process():
    return analyze_corpus(corpus_paths(), workers=1, published=corpus_dates())


def test_every_frame_names_its_article_and_keeps_the_spec_columns(in_process):
    for frame, columns in SPEC_COLUMNS.items():
        result = getattr(in_process, frame)
        assert list(result.columns[:1]) == ["article"]
        assert set(columns) <= set(result.columns)
        assert set(result["article"]) <= set(NAMES)
    assert in_process.articles["article"].tolist() == NAMES
    assert set(in_process.claims["article"]) == set(NAMES)   # every article has sentences to classify


def test_rows_match_the_articles_read_one_by_one(in_process):
    for name, path, published in zip(NAMES, corpus_paths(), corpus_dates()):
        article = dp.read_article(path, published=published)
        for frame in ("sources", "claims", "timeline"):
            alone = getattr(article, frame)()
            mine = getattr(in_process, frame).query("article == @name").drop(columns="article")
            pd.testing.assert_frame_equal(mine.reset_index(drop=True), alone.reset_index(drop=True))


def test_two_processes_give_the_same_result_as_one(in_process):
    parallel = analyze_corpus(corpus_paths(), workers=2, published=corpus_dates(), chunksize=1)
    assert_same(parallel, in_process)


def test_analyze_one_mapped_over_partitions_and_combined_equals_the_whole(in_process):
    tasks = list(zip(corpus_paths(), corpus_dates()))
    partitions = [tasks[:2], tasks[2:3], tasks[3:]]
    pieces = [combine(analyze_one(path, published=date) for path, date in part) for part in partitions]
    assert_same(combine(pieces), in_process)


def test_a_frame_of_texts_with_dates_and_names():
    paths, dates = corpus_paths()[:3], corpus_dates()[:3]
    frame = pd.DataFrame({"article": ["one", "two", "three"],
                          "text": [path.read_text(encoding="utf-8") for path in paths],
                          "published": pd.to_datetime(dates)})
    result = analyze_corpus(frame, workers=1)
    assert result.articles["article"].tolist() == ["one", "two", "three"]
    assert [str(day) for day in result.articles["published"]] == dates
    alone = dp.Article.from_text(frame["text"][1], published=dates[1]).timeline()
    pd.testing.assert_frame_equal(
        result.timeline.query("article == 'two'").drop(columns="article").reset_index(drop=True), alone)


def test_a_frame_without_names_is_named_from_its_index_and_needs_text():
    frame = pd.DataFrame({"text": [corpus_paths()[0].read_text(encoding="utf-8")]}, index=[7])
    assert analyze_corpus(frame, workers=1, published="2025-09-23").articles["article"].tolist() == ["article 7"]
    with pytest.raises(ValueError, match="`text` column"):
        analyze_corpus(pd.DataFrame({"body": ["x"]}))


def test_empty_input_gives_empty_frames_with_their_columns():
    for nothing in ([], pd.DataFrame(columns=["text"])):
        result = analyze_corpus(nothing)
        for frame, columns in SPEC_COLUMNS.items():
            assert len(getattr(result, frame)) == 0
            assert ["article"] + columns == list(getattr(result, frame).columns[:len(columns) + 1])
        sources, claims, timeline = result
        assert len(sources) == len(claims) == len(timeline) == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_path_gives_the_readers_error_naming_the_file(tmp_path, workers):
    missing = tmp_path / "no_such_report.txt"
    with pytest.raises(FileNotFoundError, match="no_such_report.txt"):
        analyze_corpus([corpus_paths()[0], missing], workers=workers, chunksize=1)


def test_article_text_passed_as_a_path_is_explained():
    with pytest.raises(ValueError, match="DataFrame with a `text` column"):
        analyze_corpus(["Headline\n\nA first paragraph of the story."], workers=1)


def test_articles_are_accepted_and_published_wins_over_their_own_date():
    article = datasets.article(NAMES[0])
    result = analyze_corpus([article, article], workers=1, published=["2030-01-02", None])
    assert result.articles["article"].tolist() == [NAMES[0], f"{NAMES[0]} (2)"]
    assert [str(day) for day in result.articles["published"]] == ["2030-01-02", str(article.published)]
    with pytest.raises(ValueError, match="2 dates for 1 articles"):
        analyze_corpus([article], published=["2030-01-02", None])


def test_analyser_warnings_are_gathered_in_notes_and_summed_up_once():
    paste = datasets.data_dir() / datasets.gold(datasets.EXAMPLE)["file"]   # a web paste: no date in the text
    undated = [dp.read_article(paste), dp.read_article(paste)]
    assert undated[0].published is None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = analyze_corpus(undated, workers=1)
    assert set(result.notes["article"]) == set(result.articles["article"]) == {paste.stem, f"{paste.stem} (2)"}
    assert result.notes["message"].str.contains("published").all()
    summaries = [w for w in caught if issubclass(w.category, dp.DispatchesWarning)]
    assert len(summaries) == 1 and "notes" in str(summaries[0].message)


def test_progress_line_on_request(capsys):
    analyze_corpus(corpus_paths()[:2], workers=1, published=corpus_dates()[:2], progress=True, chunksize=1)
    err = capsys.readouterr().err
    assert "\ranalysing articles: 1/2" in err and "2/2" in err and err.endswith("\n")
    analyze_corpus(corpus_paths()[:2], workers=1, published=corpus_dates()[:2])
    assert capsys.readouterr().err == ""
