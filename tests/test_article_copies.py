"""An analysis handed out by an Article is the caller's to change: the article's own copy stays as it was."""
import dispatches as dp

TEXT = ("# Army confirms the bridge fell\n\nThe army said on Monday that the bridge fell. Witnesses told "
        "reporters it was shelled, according to a local official.\n")


def test_changing_a_returned_analysis_leaves_the_article_unchanged():
    article = dp.Article.from_text(TEXT, published="2025-10-01")
    for name in ("sources", "claims", "timeline", "headline_check"):
        first = getattr(article, name)()
        assert len(first), name
        expected = first.copy(deep=True)
        column = first.columns[1]
        first.loc[first.index[0], column] = None
        first["added"] = 1
        again = getattr(article, name)()
        assert again.equals(expected) and list(again.columns) == list(expected.columns), name
