"""Cross-checking several reports: claim clusters, origins, independence and contradictions.

The articles are small invented reports about an invented town (Marrow Ford) and bridge (Tollen bridge).
"""
import datetime as dt

import pytest

import dispatches as dp
from dispatches.crosscheck import Count, cross_check, sentence_counts, sentence_keys


def report(body: str, outlet: str, published: str, headline: str = "Report") -> dp.Article:
    return dp.Article.from_text(f"{headline}\n\n{body}", published=published, outlet=outlet)


def cluster_of(cc, outlet: str, fragment: str) -> int | None:
    rows = cc.reports[(cc.reports["outlet"] == outlet) & cc.reports["text"].str.contains(fragment, regex=False)]
    return None if rows.empty else int(rows["cluster"].iloc[0])


BRIDGE = [
    report("Rebel fighters blew up the Tollen bridge near Marrow Ford on Tuesday, the army said. "
           "Separately, the city council voted to extend the school holidays.", "Valley Courier", "2024-03-06"),
    report("The Tollen bridge near Marrow Ford was blown up by rebel fighters on Tuesday, police said. "
           "Grain prices rose sharply at the weekly market.", "Coastal Herald", "2024-03-07"),
]


def test_the_same_claim_in_two_outlets_forms_one_cluster():
    cc = cross_check(BRIDGE)
    first = cluster_of(cc, "Valley Courier", "Tollen bridge")
    assert first is not None and first == cluster_of(cc, "Coastal Herald", "Tollen bridge")
    assert cluster_of(cc, "Valley Courier", "school holidays") != first
    row = cc.clusters.set_index("cluster").loc[first]
    assert set(row["outlets"].split(", ")) == {"Valley Courier", "Coastal Herald"}
    assert row["first_report"].startswith("2024-03-06") and row["last_report"].startswith("2024-03-07")


def test_numbers_and_names_are_normalised_before_comparing():
    keys = sentence_keys("Thirteen Norvish soldiers died near the Kestel-7 launcher.")
    assert keys["n:13"] == "number"
    assert keys["kestel-7"] == "weapon"
    assert sentence_keys("13 soldiers")["n:13"] == "number"
    assert "the" not in keys and "near" not in keys


ECHO = [
    report("A drone destroyed a fuel depot at Marrow Ford, according to a popular account on social media. "
           "The account, @ValleyWatch, posted a short video of the fuel depot burning at Marrow Ford.",
           "Daily Lantern", "2024-05-02"),
    report("A drone destroyed a fuel depot at Marrow Ford, according to reports. "
           "The Daily Lantern reported that the fuel depot at Marrow Ford had burned for hours.",
           "Radio Tollen", "2024-05-03"),
    report("The fuel depot at Marrow Ford was destroyed by a drone, Radio Tollen reported.",
           "State Bulletin", "2024-05-04"),
]


def test_an_echo_chain_traced_to_one_account_is_single_sourced():
    cc = cross_check(ECHO)
    number = cluster_of(cc, "State Bulletin", "fuel depot")
    assert number == cluster_of(cc, "Daily Lantern", "fuel depot") == cluster_of(cc, "Radio Tollen", "fuel depot")
    row = cc.clusters.set_index("cluster").loc[number]
    assert row["origins"] == "@ValleyWatch"
    assert row["independent_origins"] == 1
    assert bool(row["single_sourced"])
    assert row["echoes"] >= 2
    assert "Single-sourced" in row["explanation"]
    bulletin = cc.cluster(number).query("outlet == 'State Bulletin'")
    assert bulletin["echo"].all() and (bulletin["traces_to"] == "@ValleyWatch").all()


def test_an_independent_confirmation_counts_two_origins():
    articles = [
        report("A drone destroyed a fuel depot at Marrow Ford, the regional governor, Ilse Marten, said.",
               "Daily Lantern", "2024-05-02"),
        report("A Radio Tollen reporter at Marrow Ford saw the destroyed fuel depot, hit by a drone, still burning.",
               "Radio Tollen", "2024-05-02"),
    ]
    cc = cross_check(articles)
    number = cluster_of(cc, "Daily Lantern", "fuel depot")
    assert number == cluster_of(cc, "Radio Tollen", "fuel depot")
    row = cc.clusters.set_index("cluster").loc[number]
    assert row["independent_origins"] == 2
    assert not row["single_sourced"]


def test_different_death_tolls_for_the_same_shelling_are_flagged():
    articles = [
        report("Shelling of Marrow Ford market on Friday killed five civilians, the mayor said.",
               "Valley Courier", "2024-06-08"),
        report("Nine civilians were killed when shelling hit Marrow Ford market on Friday, the army said.",
               "Coastal Herald", "2024-06-09"),
    ]
    cc = cross_check(articles)
    flagged = cc.contradictions.query("kind == 'numbers'")
    assert len(flagged) == 1
    assert {"Valley Courier", "Coastal Herald"} <= {flagged["side_a"].iloc[0].split(" (")[0],
                                                    flagged["side_b"].iloc[0].split(" (")[0]}
    assert "five civilians killed" in flagged["explanation"].iloc[0]
    assert "nine civilians killed" in flagged["explanation"].iloc[0]
    assert cc.clusters["contradiction"].str.contains("numbers").any()


def test_a_bound_and_a_figure_that_fits_it_do_not_conflict():
    at_least, exact = sentence_counts("At least five civilians were killed."), sentence_counts("Nine civilians died.")
    assert at_least[0].bound == "at_least" and at_least[0].kind == exact[0].kind == "killed"
    assert not at_least[0].conflicts_with(exact[0])
    assert Count(5, "exact", "killed", None, "").conflicts_with(Count(9, "exact", "killed", "civilians", ""))
    assert not Count(5, "exact", "killed", "soldiers", "").conflicts_with(Count(9, "exact", "killed", "civilians", ""))
    assert not Count(5, "exact", "killed", None, "").conflicts_with(Count(9, "exact", "wounded", None, ""))


def test_one_outlet_denying_what_another_confirms_is_flagged():
    articles = [
        report("The army confirmed that its units withdrew from the Tollen valley near Marrow Ford.",
               "Valley Courier", "2024-07-01"),
        report("The defence ministry denied that any units withdrew from the Tollen valley near Marrow Ford.",
               "Coastal Herald", "2024-07-02"),
    ]
    cc = cross_check(articles)
    flagged = cc.contradictions.query("kind == 'confirm/deny'")
    assert len(flagged) == 1
    assert flagged["side_a"].iloc[0].startswith("Coastal Herald")
    assert flagged["side_b"].iloc[0].startswith("Valley Courier")
    assert "denial" in flagged["explanation"].iloc[0]
    roles = cc.reports.set_index("outlet")["role"]
    assert roles["Coastal Herald"] == "disputes" and roles["Valley Courier"] == "asserts"


def test_a_report_published_before_the_date_others_give_is_flagged():
    articles = [
        report("A truce between the two armies has been agreed in Marrow Ford, diplomats told the Valley Courier.",
               "Valley Courier", "2024-08-01"),
        report("The truce between the two armies was agreed in Marrow Ford on 3 August, officials said.",
               "Coastal Herald", "2024-08-04"),
    ]
    cc = cross_check(articles)
    flagged = cc.contradictions.query("kind == 'timing'")
    assert len(flagged) == 1 and "2024-08-03" in flagged["explanation"].iloc[0]


def test_unrelated_reports_give_no_clusters_and_the_same_columns():
    articles = [report("Farmers in Marrow Ford harvested barley early.", "Valley Courier", "2024-09-01"),
                report("A chess tournament opened in Tollen.", "Coastal Herald", "2024-09-02")]
    cc = cross_check(articles)
    assert cc.clusters.empty and cc.contradictions.empty
    assert list(cc.clusters.columns)[:3] == ["cluster", "claim", "n_reports"]
    assert "origins" in cc.clusters.columns and "explanation" in cc.contradictions.columns
    assert "CrossCheck" in repr(cc)


def test_a_higher_threshold_never_gives_bigger_clusters():
    loose, strict = cross_check(ECHO + BRIDGE, threshold=0.1), cross_check(ECHO + BRIDGE, threshold=0.9)
    assert strict.clusters["n_reports"].sum() <= loose.clusters["n_reports"].sum()
    assert isinstance(loose.clusters["first_report"].iloc[0], str)
    assert dt.date(2024, 5, 2) in set(loose.reports["published"])


@pytest.mark.parametrize("text,value", [("1,100 soldiers were killed", 1100), ("thirteen people died", 13)])
def test_counts_read_digits_and_words(text, value):
    assert sentence_counts(text)[0].value == value
