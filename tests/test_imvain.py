"""The IMVAIN table: one row per distinct source, the page's facts filled in, the judgements left to the learner."""
import pandas as pd
import pytest

import dispatches as dp
from dispatches.imvain import IMVAIN_COLUMNS, JUDGED_BY_THE_LEARNER

REPORT = ("Depot burns after strike\n\n"
          "Defence Minister Lena Stroud said the depot near Mesk was hit on Monday. She said two soldiers were hurt. "
          "Sources familiar with the matter said the toll was higher. Satellite images show a crater beside the "
          "depot. Stroud later said the army would rebuild it. Residents said they heard three blasts.")
MINISTER = "Defence Minister Lena Stroud"


@pytest.fixture(scope="module")
def article():
    return dp.Article.from_text(REPORT, published="2025-09-23")


@pytest.fixture(scope="module")
def table(article):
    return dp.imvain_table(article)


def test_one_row_per_distinct_source_with_pronouns_and_short_forms_folded_in(article, table):
    assert list(table.columns) == IMVAIN_COLUMNS
    assert table["source"].is_unique
    minister = table[table["source"] == MINISTER].iloc[0]
    assert {"She", "Stroud"} <= set(minister["also_written"].split(" / "))
    assert not {"She", "Stroud"} & set(table["source"])
    sources = article.sources()
    cites = sources[(sources["source"] == MINISTER) | (sources["refers_to"] == MINISTER)]
    assert minister["sentences"] == cites["sentence_id"].nunique() >= 3
    assert table["sentences"].sum() <= len(sources)


def test_rows_follow_the_order_sources_first_appear(article, table):
    sources = article.sources()
    first_named = sources["refers_to"].where(sources["refers_to"].notna(), sources["source"])
    assert list(table["source"]) == list(dict.fromkeys(first_named))


def test_named_and_verifies_come_from_the_page(article, table):
    sources = article.sources()
    for row in table.itertuples(index=False):
        rows = sources[(sources["source"] == row.source) | (sources["refers_to"] == row.source)]
        assert row.Named == ("named" if rows["on_record"].any() else "unnamed")
        assert row.Verifies == ("verifies" if row.source_type == "document" else "asserts")
    assert table.loc[table["source"] == "Sources familiar with the matter", "Named"].item() == "unnamed"
    assert table.loc[table["source_type"] == "document", "Verifies"].tolist() == ["verifies"]


def test_judgement_columns_are_left_empty_for_the_learner(table):
    assert set(JUDGED_BY_THE_LEARNER) == {"Independent", "Multiple", "Authoritative/Informed"}
    for column in JUDGED_BY_THE_LEARNER:
        assert (table[column] == "").all()


def test_party_is_none_when_unknown_and_comes_from_actors_when_given(article, table):
    assert table["party"].isna().all() and all(party is None for party in table["party"])
    with_actors = dp.imvain_table(article, actors={"Lena Stroud": "Kestria"})
    assert with_actors.loc[with_actors["source"] == MINISTER, "party"].item() == "Kestria"


def test_an_article_without_sources_gives_an_empty_table_with_the_columns():
    quiet = dp.Article.from_text("Quiet day\n\nThe market in the old town opened at eight.")
    table = dp.imvain_table(quiet)
    assert table.empty and list(table.columns) == IMVAIN_COLUMNS
    assert isinstance(table, pd.DataFrame)
