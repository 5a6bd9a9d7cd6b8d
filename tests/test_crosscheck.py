"""Cross-checking several reports: claim clusters, origins, independence and contradictions.

The articles are small invented reports about an invented town (Marrow Ford) and bridge (Tollen bridge).
"""
import datetime as dt

import pytest

import dispatches as dp
from dispatches.crosscheck import Count, cross_check, revisions, sentence_counts, sentence_keys


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


def test_a_correction_note_that_changes_a_figure_is_flagged_with_both_figures():
    articles = [
        report("Shelling of Marrow Ford market on Friday killed three civilians, the mayor said.\n\n"
               "Correction: An earlier version of this article said 13 civilians were killed in the shelling of "
               "Marrow Ford market; the figure is three.", "Valley Courier", "2024-06-08"),
        report("Three civilians were killed when shelling hit Marrow Ford market on Friday, the army said.",
               "Coastal Herald", "2024-06-09"),
    ]
    cc = cross_check(articles)
    flagged = cc.contradictions.query("kind == 'correction'")
    assert len(flagged) == 1
    assert "13 civilians killed" in flagged["explanation"].iloc[0] and "three" in flagged["explanation"].iloc[0]
    assert "earlier version" in flagged["side_a"].iloc[0] and flagged["article_a"].iloc[0] == flagged["article_b"].iloc[0]
    roles = cc.reports.set_index("text")["role"]
    assert roles[roles.index.str.contains("earlier version")].eq("retracts").all()
    assert cc.contradictions.query("kind == 'numbers'").empty  # the withdrawn 13 is nobody's claim any more
    row = cc.clusters.set_index("cluster").loc[int(flagged["cluster"].iloc[0])]
    assert "correction note" in row["merged_on"]


def test_an_update_note_pairs_the_new_figure_with_the_one_it_replaces():
    article = report("Five civilians were killed in the shelling of Marrow Ford on Friday, the mayor said.\n\n"
                     "Update (9 June): The mayor now says nine civilians were killed.", "Valley Courier",
                     "2024-06-08")
    found = revisions(article.sentences)
    assert [(r.kind, r.old.value, r.new.value) for r in found] == [("update", 5, 9)]
    assert found[0].cue.startswith("Update")
    flagged = cross_check([article]).contradictions
    assert list(flagged["kind"]) == ["update"] and "count grew" in flagged["explanation"].iloc[0]


def test_in_a_note_the_figure_after_not_is_the_replaced_one():
    article = report("Three civilians were killed in Marrow Ford, the mayor said.\n\n"
                     "Correction: The death toll is three, not 13.", "Valley Courier", "2024-06-08")
    assert [(r.old.value, r.new.value) for r in revisions(article.sentences)] == [(13, 3)]
    plain = report("Three civilians were killed in Marrow Ford, and 13 were wounded.", "Valley Courier", "2024-06-08")
    assert revisions(plain.sentences) == []


def test_the_second_pass_joins_clusters_naming_the_same_place_on_the_same_day():
    articles = [
        report("Shells hit the grain market in Marrow Ford on 3 May, destroying stalls, a bakery and two parked "
               "lorries, the mayor said.", "Valley Courier", "2024-05-04"),
        report("In Marrow Ford on 3 May, volunteers from the Red Lantern charity handed out blankets, bread and "
               "bottled water to families.", "Coastal Herald", "2024-05-05"),
        report("Farmers near Tollen complained about the price of diesel and seed this spring.", "Daily Lantern",
               "2024-05-04"),
        report("The Tollen council debated a new bus timetable for the summer.", "Daily Lantern", "2024-05-04"),
    ]
    assert cross_check(articles, merge_threshold=None).clusters.empty
    cc = cross_check(articles)
    assert cluster_of(cc, "Valley Courier", "grain market") == cluster_of(cc, "Coastal Herald", "volunteers")
    merged_on = cc.clusters["merged_on"].iloc[0]
    assert "marrow" in merged_on and "2024-05-03" in merged_on
    assert "Groups joined because" in cc.explain(int(cc.clusters["cluster"].iloc[0]))


def test_the_second_pass_keeps_apart_two_events_at_one_place_on_one_day():
    articles = [
        report("A drone destroyed a radar station at Marrow Ford on 3 May, an account claimed.",
               "Valley Courier", "2024-05-04"),
        report("The radar station at Marrow Ford was destroyed by a drone on 3 May, the Valley Courier reported.",
               "State Bulletin", "2024-05-05"),
        report("Drones struck a supply convoy of fuel trucks at Marrow Ford on 3 May, the army said.",
               "Coastal Herald", "2024-05-04"),
        report("Fuel trucks in a supply convoy burned at Marrow Ford on 3 May after a drone attack, witnesses said.",
               "Radio Tollen", "2024-05-04"),
    ]
    cc = cross_check(articles, merge_threshold=0.0)  # even with no similarity bar, the words must agree
    radar = cluster_of(cc, "State Bulletin", "radar")
    assert radar == cluster_of(cc, "Valley Courier", "radar") != cluster_of(cc, "Radio Tollen", "convoy")
    assert bool(cc.clusters.set_index("cluster").loc[radar, "single_sourced"])


def test_explain_tells_the_echo_chain_in_words():
    cc = cross_check(ECHO)
    text = cc.explain(cluster_of(cc, "State Bulletin", "fuel depot"))
    assert "State Bulletin cites Radio Tollen, which cites Daily Lantern, which cites @ValleyWatch" in text
    assert "Repetition is not confirmation" in text
