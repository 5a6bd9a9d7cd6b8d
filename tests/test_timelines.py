"""Several reports on one line: stacking, drawing, and checking against ground-truth events."""
from __future__ import annotations

import datetime as dt

import matplotlib
import pandas as pd
import pytest

import dispatches as dp
from dispatches.timeline import COLUMNS
from dispatches.timelines import ARTICLE_COLUMNS, compare_timeline, plot_timeline, stack_timelines

matplotlib.use("Agg")


def _article(body: str, published: str, outlet: str) -> dp.Article:
    return dp.Article.from_text("Report\n\n" + body, published=published, outlet=outlet)


@pytest.fixture()
def two_reports():
    first = _article("The Mesk bridge fell on Saturday, the ministry said. Fighting broke out last week along the "
                     "line of contact.",
                     "2025-09-23", "Meridian Wire")
    second = _article("Kestrian forces captured the Mesk bridge on 20 September.\n\n"
                      "Correction (25 September): an earlier version gave the wrong unit.", "2025-09-24", "KesPress")
    return {"wire": first, "agency": second}


def test_stack_keeps_when_it_happened_when_published_and_when_updated(two_reports):
    stacked = stack_timelines(two_reports)
    assert list(stacked.columns[:4]) == ARTICLE_COLUMNS
    assert list(stacked.columns[4:4 + len(COLUMNS)]) == COLUMNS
    assert set(stacked["article"]) == {"wire", "agency"}
    agency = stacked[stacked["article"] == "agency"]
    assert set(agency["published"]) == {dt.date(2025, 9, 24)}
    assert set(agency["updated"]) == {dt.date(2025, 9, 25)}
    assert stacked[stacked["article"] == "wire"]["updated"].isna().all()
    assert set(stacked["outlet"]) == {"Meridian Wire", "KesPress"}


def test_stack_of_a_list_names_articles_by_position_or_headline(two_reports):
    stacked = stack_timelines(list(two_reports.values()))
    assert stacked["article"].nunique() == 2


def test_about_keeps_rows_whose_sentence_mentions_a_word(two_reports):
    everything = stack_timelines(two_reports)
    bridge = dp.timeline(two_reports, about="bridge")
    assert 0 < len(bridge) < len(everything)
    assert bridge["sentence"].str.contains("bridge").all()
    assert set(bridge["article"]) == {"wire", "agency"}
    assert "last week" not in set(bridge["expression"])
    assert list(bridge.index) == list(range(len(bridge)))
    assert list(bridge.columns) == list(everything.columns)


def test_about_is_case_insensitive_and_matches_whole_words_only(two_reports):
    assert dp.timeline(two_reports, about="MESK").equals(dp.timeline(two_reports, about="mesk"))
    assert dp.timeline(two_reports, about="bridges").empty       # a whole word: no plural by itself
    assert dp.timeline(two_reports, about="fight").empty
    assert list(dp.timeline(two_reports, about="fighting")["expression"]) == ["last week"]


def test_about_takes_a_list_or_a_phrase_and_keeps_the_order(two_reports):
    either = dp.timeline(two_reports, about=["fighting", "Bridge"])
    everything = stack_timelines(two_reports)
    wanted = everything[everything["sentence"].str.contains("bridge|Fighting")].reset_index(drop=True)
    assert either.equals(wanted)
    assert list(dp.timeline(two_reports, about="line of  contact")["expression"]) == ["last week"]


@pytest.mark.parametrize("bad", [[], "", ["bridge", 3], 7])
def test_about_needs_words(two_reports, bad):
    with pytest.raises(ValueError, match="about="):
        dp.timeline(two_reports, about=bad)


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_saves_and_returns_a_figure(two_reports, tmp_path, suffix):
    path = tmp_path / f"timeline.{suffix}"
    figure = plot_timeline(stack_timelines(two_reports), path=path)
    assert path.stat().st_size > 1000
    assert isinstance(figure, matplotlib.figure.Figure)
    labels = [tick.get_text() for axis in figure.axes for tick in axis.get_yticklabels()]
    assert "wire" in labels and "agency" in labels  # the "when we heard" lane
    assert any("Saturday" in label for label in labels)


def test_plot_of_an_empty_timeline_still_draws():
    empty = stack_timelines([_article("Nothing is dated here.", "2025-09-23", "X")])
    assert isinstance(plot_timeline(empty), matplotlib.figure.Figure)


EVENTS = pd.DataFrame([
    {"event_id": "E1", "start": "2025-09-20", "end": "2025-09-20", "place": "Mesk bridge",
     "actor": "Kestrian armed forces", "what_happened": "Kestrian forces capture the Mesk bridge."},
    {"event_id": "E2", "start": "2025-09-14", "end": "2025-09-14", "place": "line of contact",
     "actor": "Kestrian armed forces", "what_happened": "The offensive begins along the line of contact."},
    {"event_id": "E3", "start": "2025-07-01", "end": "2025-07-01", "place": "Brennholt",
     "actor": "export office", "what_happened": "An export licence is recorded."},
])


def test_compare_finds_misses_and_measures_how_far_off(two_reports):
    result = compare_timeline(stack_timelines(two_reports), EVENTS)
    found = result[result["outcome"] == "found"]
    assert set(found["event_id"]) == {"E1", "E2"}
    bridge = found[found["event_id"] == "E1"]
    assert set(bridge["start_off_days"]) == {0} and len(bridge) == 2  # "on Saturday" and "on 20 September"
    war = found[found["event_id"] == "E2"].iloc[0]
    assert war["expression"] == "last week"
    assert war["start_off_days"] == (dt.date(2025, 9, 15) - dt.date(2025, 9, 14)).days
    assert set(result.loc[result["outcome"] == "missed", "event_id"]) == {"E3"}


def test_compare_without_tolerance_needs_overlapping_dates(two_reports):
    result = compare_timeline(stack_timelines(two_reports), EVENTS, tolerance_days=0)
    assert set(result.loc[result["outcome"] == "missed", "event_id"]) == {"E2", "E3"}
    unmatched = result[result["outcome"] == "unmatched"]
    assert "last week" in set(unmatched["expression"])


def test_compare_needs_a_shared_word_as_well_as_a_date(two_reports):
    unrelated = EVENTS.assign(place="elsewhere", actor="nobody", what_happened="Something unrelated occurs.")
    result = compare_timeline(stack_timelines(two_reports), unrelated)
    assert (result["outcome"] != "found").all()
