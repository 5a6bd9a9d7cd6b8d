"""A five-question (IMVAIN) rating table for an article's sources, with the toolkit's part filled in.

News-literacy courses rate every source with five questions: is it Independent, are there Multiple sources,
does it Verify or only assert, is it Authoritative or Informed, is it Named? The toolkit can answer the
questions that the page itself settles and leaves the others to the learner.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

JUDGED_BY_THE_LEARNER = ["Independent", "Multiple", "Authoritative/Informed"]
IMVAIN_COLUMNS = ["source", "also_written", "source_type", "party", "sentences",
                  "Independent", "Multiple", "Verifies", "Authoritative/Informed", "Named"]
EVIDENCE_TYPES = {"document"}     # a report, leaked paper, footage or imagery cited as the source


def imvain_table(article, actors=None) -> pd.DataFrame:
    """One row per distinct source of ``article``, ready for rating with the five IMVAIN questions.

    Filled from ``article.sources()`` (``actors=`` is passed on to it):
    ``source`` the source as the report names it, with "he" or "the minister" counted under the named source
    it refers to; ``also_written`` the other ways the report writes it ("Hadrel / He" under "President Tomas
    Hadrel"), else ""; ``source_type`` and ``party``, the most frequent over its rows (the first on a tie);
    ``sentences`` how many sentences cite it; ``Named`` "named" when it speaks on the record, else "unnamed";
    ``Verifies`` "verifies" for a document, footage or imagery (evidence a reader can check), else "asserts"
    (words alone: change it when the text shows how the source knows).

    Left empty (""), for the learner: ``Independent``, ``Multiple`` and ``Authoritative/Informed``. The page
    does not say what a source gains from the story or whether it was in a position to know: that takes
    knowledge of the war, the people and the outlet, and is the judgement the exercise trains. Whether several
    sources say the same thing is a question about each claim, not about one source, so it is left to the
    learner too.
    """
    sources = article.sources(actors=actors) if actors is not None else article.sources()
    if sources.empty:
        return pd.DataFrame(columns=IMVAIN_COLUMNS)
    sources = sources.assign(identity=sources["refers_to"].where(sources["refers_to"].notna(), sources["source"]))
    rows = []
    for identity, group in sources.groupby("identity", sort=False):
        others = [form for form in dict.fromkeys(group["source"]) if form != identity]
        source_type = _most_frequent(group["source_type"])
        rows.append({
            "source": identity, "also_written": " / ".join(others), "source_type": source_type,
            "party": _most_frequent(group["party"]),
            "sentences": group["sentence_id"].nunique(),
            **{column: "" for column in JUDGED_BY_THE_LEARNER},
            "Verifies": "verifies" if source_type in EVIDENCE_TYPES else "asserts",
            "Named": "named" if group["on_record"].any() else "unnamed",
        })
    table = pd.DataFrame(rows, columns=IMVAIN_COLUMNS)
    table["party"] = pd.Series([row["party"] for row in rows], dtype=object)   # None, as in sources(), not NaN
    return table


def _most_frequent(values: pd.Series):
    """The most frequent non-missing value, the first met on a tie; None when all are missing."""
    counts = Counter(value for value in values if isinstance(value, str))
    return counts.most_common(1)[0][0] if counts else None
