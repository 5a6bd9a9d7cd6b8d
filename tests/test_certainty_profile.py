"""Claim statuses counted per article and per outlet, and drawn as a chart."""
import matplotlib

matplotlib.use("Agg")

import dispatches as dp  # noqa: E402
from dispatches.claims import STATUSES  # noqa: E402
from dispatches.profiles import certainty_profile, plot_certainty_profile  # noqa: E402


def make(outlet: str, body: str):
    return dp.Article.from_text(f"---\nheadline: \"Report\"\noutlet: {outlet}\n---\n{body}\n")


ARTICLES = [make("Daily Courier", "The bridge may have fallen. The army denied it. Rain fell."),
            make("Daily Courier", "The ministry said ten tanks were destroyed."),
            make("Valley Radio", "The convoy was reportedly hit.")]


def test_counts_per_article_match_the_claims_frames():
    table = certainty_profile(ARTICLES)
    assert list(table.columns[:3]) == ["article", "outlet", "sentences"] and set(STATUSES) <= set(table.columns)
    for row, art in zip(table.to_dict("records"), ARTICLES):
        counts = art.claims()["status"].value_counts()
        assert row["sentences"] == len(art.claims())
        assert all(row[status] == counts.get(status, 0) for status in STATUSES)
    first = table.iloc[0]
    assert (first["speculated"], first["denied"]) == (1, 1)
    assert first["share_hedged"] == round(1 / first["sentences"], 3)


def test_counts_per_outlet_add_up():
    table = certainty_profile(ARTICLES, by="outlet").set_index("outlet")
    assert table.loc["Daily Courier", "sentences"] == len(ARTICLES[0].claims()) + len(ARTICLES[1].claims())
    assert table.loc["Valley Radio", "reported"] == 1


def test_plot_has_one_bar_per_row_and_status():
    table = certainty_profile(ARTICLES)
    figure = plot_certainty_profile(table)
    axes = figure.axes[0]
    assert len(axes.patches) == len(table) * len(STATUSES)
    assert [t.get_text() for t in axes.get_legend().get_texts()] == list(
        dict.fromkeys(["confirmed", "unattributed", "claimed", "reported", "speculated", "denied"]))
