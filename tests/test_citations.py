"""Who cites whom: origins of attributions and the citation graph (invented outlets and people)."""
import matplotlib

matplotlib.use("Agg")

import dispatches as dp  # noqa: E402
from dispatches.citations import citation_graph, is_vague, plot_citation_graph, report_origins  # noqa: E402


def report(body: str, outlet: str, published: str) -> dp.Article:
    return dp.Article.from_text(f"Report\n\n{body}", published=published, outlet=outlet)


ARTICLES = [
    report("A drone destroyed a fuel depot at Marrow Ford, according to a popular account on social media. "
           "The account, @ValleyWatch, posted a short video of the depot burning. "
           "The regional governor, Ilse Marten, said the fire was under control.", "Daily Lantern", "2024-05-02"),
    report("The fuel depot at Marrow Ford was destroyed by a drone, Radio Tollen reported. "
           "Governor Ilse Marten said nobody was hurt.", "State Bulletin", "2024-05-04"),
]


def test_sources_resolve_to_accounts_outlets_and_officials():
    origins = report_origins(ARTICLES[0])
    assert "@ValleyWatch" in set(origins["origin"])
    first = origins[origins["sentence_id"] == origins["sentence_id"].min()]
    assert first["origin"].iloc[0] == "@ValleyWatch"  # "a popular account" is the one handle the article names
    assert "official" in set(origins["origin_kind"])


def test_vague_sources_name_no_origin():
    assert is_vague("reports") and is_vague("online sources") and is_vague("several users")
    assert not is_vague("Radio Tollen") and not is_vague("the regional governor")


def test_citation_graph_lists_who_cites_whom():
    edges = citation_graph(ARTICLES)
    assert list(edges.columns) == ["citing", "cited", "cited_kind", "mentions", "articles", "first", "last"]
    pairs = set(zip(edges["citing"], edges["cited"], edges["cited_kind"]))
    assert ("Daily Lantern", "@ValleyWatch", "account") in pairs
    assert ("State Bulletin", "Radio Tollen", "outlet") in pairs
    officials = edges[edges["cited_kind"] == "official"]
    assert set(officials["citing"]) == {"Daily Lantern", "State Bulletin"}
    assert (edges["mentions"] >= 1).all()


def test_citation_graph_of_uncited_reports_is_empty_with_columns():
    edges = citation_graph([report("Farmers harvested barley early this year.", "Valley Courier", "2024-09-01")])
    assert edges.empty and "cited" in edges.columns


def test_plot_citation_graph_draws_every_name():
    edges = citation_graph(ARTICLES)
    figure = plot_citation_graph(edges)
    labels = {text.get_text() for text in figure.axes[0].texts}
    assert {"Daily Lantern", "State Bulletin", "@ValleyWatch", "Radio Tollen"} <= labels
    assert isinstance(figure, matplotlib.figure.Figure)
