"""Profiles: counts of source types per article and per outlet, and the chart drawn from them."""
import matplotlib

matplotlib.use("Agg")

import dispatches as dp  # noqa: E402
from dispatches.profiles import plot_source_profile, source_profile  # noqa: E402

OFFICIAL = ("Officials speak\n\nDefence Minister Lena Sorvik said the line held. "
            "Colonel Arvid Pell said six drones were downed. Critics said the figures were inflated.")
ANONYMOUS = ("Sources speak\n\nSources familiar with the plan said the attack was delayed. "
             '"We were ready," said a senior official who asked not to be named. "Nobody told us why."')


def articles():
    return [dp.Article.from_text(OFFICIAL, outlet="KesPress"), dp.Article.from_text(ANONYMOUS, outlet="SPR"),
            dp.Article.from_text(OFFICIAL, outlet="KesPress")]


def test_counts_by_type_and_record_per_article():
    table = source_profile(articles())
    assert list(table["outlet"]) == ["KesPress", "SPR", "KesPress"]
    first, second = table.iloc[0], table.iloc[1]
    assert (first["sources"], first["official"], first["unnamed_group"]) == (3, 2, 1)
    assert (first["on_record"], first["off_record"]) == (2, 1)
    assert first["party: Kestria"] == 2
    # the quotation's second sentence continues the first and is not a new source
    assert (second["sources"], second["anonymous"], second["share_anonymous"]) == (2, 2, 1.0)


def test_counts_per_outlet_add_up_articles():
    table = source_profile(articles(), by="outlet").set_index("outlet")
    assert table.loc["KesPress", "sources"] == 6
    assert table.loc["KesPress", "official"] == 4
    assert table.loc["SPR", "off_record"] == 2


def test_labels_from_a_dict():
    table = source_profile({"one": articles()[0]})
    assert list(table["article"]) == ["one"]


def test_plot_has_one_bar_per_type_and_row():
    table = source_profile(articles())
    figure = plot_source_profile(table)
    axes = figure.axes[0]
    assert len(axes.patches) == 8 * len(table)
    assert axes.get_legend() is not None
