"""The exercise engine: every question class answers right, wrong, partial, blank, empty and odd answers kindly."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dispatches.exercises import ____
from dispatches.exercises.checking import (ChoiceQuestion, DateRow, EqualityQuestion, ExerciseSet, Feedback, Item,
                                           LabelsQuestion, OrderingQuestion, ReflectionQuestion, SetQuestion,
                                           TableQuestion, canonical, cue_word)

STATUSES = ("confirmed", "claimed", "reported", "speculated", "denied", "unattributed")
NEIGHBOURS = {("claimed", "reported"): "Named on the record, or second-hand?"}


class Colour(ChoiceQuestion):
    title = "a colour"
    choices = ("social_media", "anonymous", "official")
    neighbours = {("anonymous", "official"): "Named or not?"}
    mistakes = {"official": "Officials speak for a government."}
    hints = ("first hint", "second hint")
    explanation = "Because."

    def expected(self):
        return "social_media"


class Count(EqualityQuestion):
    hints = ("count them",)

    def expected(self):
        return 3


class YesNo(EqualityQuestion):
    def expected(self):
        return False


class Day(EqualityQuestion):
    close_days = 2

    def expected(self):
        return dt.date(2025, 9, 22)


class Sources(SetQuestion):
    noun = "sources"
    hints = ("Look for said and told.",)

    def items(self):
        return [Item("President Tomas Hadrel", "Our operators now reach positions, President Tomas Hadrel said.", "said"),
                Item("Calvorian sources", "Calvorian sources told a weekly magazine in June.", "told"),
                Item("Defence Horizon Weekly", "Calvorian sources told Defence Horizon Weekly in June.", "told"),
                Item("Some in Velmora", "Some in Velmora have speculated that staff stayed.", "have speculated"),
                Item("He", "He did not say which model.", None, optional=True)]


class Statuses(LabelsQuestion):
    labels = STATUSES
    neighbours = NEIGHBOURS

    def expected(self):
        return {"A": "claimed", "B": "denied", "C": "speculated"}


class Dates(TableQuestion):
    advice = {"week": "Weeks run Monday to Sunday."}

    def rows(self):
        return [DateRow("last week", dt.date(2025, 9, 15), dt.date(2025, 9, 21), "week"),
                DateRow("on Monday", dt.date(2025, 9, 22), dt.date(2025, 9, 22), "day"),
                DateRow("in recent years", None, None, "fuzzy")]


class Order(OrderingQuestion):
    def keyed_items(self):
        return [("A", 3), ("B", 1), ("C", 2), ("D", 2)]


class Reflect(ReflectionQuestion):
    model_answer = "A model answer."


def test_feedback_renders_markdown_and_plain_text():
    result = Feedback("partial", "2 of 3 **found**.", score=2 / 3)
    assert result._repr_markdown_().startswith("🟡 **Partly right.**")
    assert "**" not in str(result) and str(result).startswith("Partly right.")
    assert not result.passed and Feedback("correct", "").passed and Feedback("accepted", "").passed
    with pytest.raises(ValueError):
        Feedback("great", "")


def test_canonical_ignores_case_spacing_quotes_and_separators():
    assert canonical("  Social-Media ") == canonical("social_media") == canonical("SOCIAL  media")
    assert canonical("Calvoria’s minister") == canonical("Calvoria's minister")
    assert canonical("@FrontlineMonitor") == canonical("frontlinemonitor")
    assert canonical("The Northern Ledger") == canonical("northern ledger")


def test_choice_right_wrong_neighbour_and_not_an_option():
    q = Colour()
    assert q.check("Social Media").outcome == "correct"
    wrong = q.check("official")
    assert wrong.outcome == "incorrect" and "speak for a government" in wrong.message
    assert Colour().check("anonymous").outcome == "incorrect"
    assert q.check("banana").outcome == "advice" and "not one of the options" in q.check("banana").message


def test_choice_neighbour_gets_partial_credit():
    class Official(Colour):
        def expected(self):
            return "official"

    result = Official().check("anonymous")
    assert result.outcome == "partial" and result.score == 0.5 and "Named or not?" in result.message


@pytest.mark.parametrize("answer", [____, [____, "x"]])
def test_placeholder_means_not_attempted(answer):
    q = Colour()
    result = q.check(answer)
    assert result.outcome == "not_attempted" and "____" in str(result)
    assert q.attempts == 0 and q.best == "not attempted"


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_empty_answers_get_advice(answer):
    assert Colour().check(answer).outcome == "advice"


@pytest.mark.parametrize("question, answer", [(Colour, ["social_media"]), (Colour, {"a": 1}), (Colour, 3.5),
                                              (Sources, {"a": 1}), (Sources, 3.5), (Sources, [object()]),
                                              (Dates, "last week"), (Dates, object()), (Statuses, "A")])
def test_wrong_types_get_advice_never_an_exception(question, answer):
    result = question().check(answer)
    assert result.outcome in ("advice", "incorrect") and result.message


def test_numbers_booleans_and_dates():
    assert Count().check(3).passed and Count().check("3").passed and not Count().check(4).passed
    assert Count().check("three").outcome == "advice"
    assert YesNo().check("No").passed and YesNo().check(False).passed and not YesNo().check("yes").passed
    assert YesNo().check("maybe").outcome == "advice"
    assert Day().check("2025-09-22").passed and Day().check(dt.date(2025, 9, 22)).passed
    assert Day().check(pd.Timestamp("2025-09-22")).passed and Day().check("22 September 2025").passed
    assert Day().check("2025-09-21").outcome == "partial" and Day().check("2025-09-15").outcome == "incorrect"
    assert Day().check("someday").outcome == "advice"


def test_hints_come_one_at_a_time_in_order():
    q = Colour()
    first, second, third = q.hint(), q.hint(), q.hint()
    assert "first hint" in first.message and first.heading == "Hint 1 of 2."
    assert "second hint" in second.message and "last hint" in second.message
    assert third.heading == "Hint 2 of 2." and q.hints_shown == 2
    assert "no hint" in Reflect().hint().message.lower()


def test_solution_shows_answer_and_how_to_write_it():
    q = Sources()
    result = q.solution()
    assert result.outcome == "solution" and q.solution_seen
    assert "`Calvorian sources`" in result.message and "check([" in result.message
    assert "He" not in q.answer  # optional items are not required


def test_set_question_counts_and_points_to_a_missing_item_without_naming_it():
    q = Sources()
    assert q.check(["Hadrel", "calvorian sources", "Defence Horizon Weekly", "some in velmora"]).passed
    assert q.check(["Hadrel", "Calvorian sources", "Defence Horizon Weekly", "Some in Velmora", "He"]).passed
    result = q.check(["Hadrel", "Calvorian sources", "Some in Velmora"])
    assert result.outcome == "partial" and "3 of 4 sources found" in result.message
    assert "Defence" not in result.message and "Weekly" not in result.message
    assert "look again at the sentence with" in result.message.lower()
    extra = q.check(["Hadrel", "Calvorian sources", "Defence Horizon Weekly", "Some in Velmora", "Gosha"])
    assert extra.outcome == "partial" and "`Gosha`" in extra.message
    assert q.check(["Gosha"]).outcome == "incorrect"
    assert q.check("Hadrel").outcome == "advice" and "['Hadrel']" in q.check("Hadrel").message


def test_cue_word_prefers_a_word_unique_to_the_missing_sentence():
    item = Item("Defence Horizon Weekly", "Calvorian sources told Defence Horizon Weekly in June.", "told")
    other = "Sources familiar with the issue told Highland Dispatch about the order."
    cue = cue_word(item, [item.sentence, other], ["Defence Horizon Weekly", "Calvorian sources"])
    assert cue == "June"
    alone = cue_word(item, [item.sentence], ["Defence Horizon Weekly"])
    assert alone == "told"


def test_labels_right_close_wrong_missing_and_unknown():
    q = Statuses()
    assert q.check({"a": "Claimed", "B": "denied", "C": "speculated"}).passed
    close = q.check({"A": "reported", "B": "denied", "C": "speculated"})
    assert close.outcome == "partial" and "Named on the record" in close.message and close.score == pytest.approx(2.5 / 3)
    wrong = q.check({"A": "claimed", "B": "confirmed"})
    assert "Look again at `B`" in wrong.message and "Not labelled yet: `C`" in wrong.message
    assert q.check({"A": "claimed", "B": "denied", "C": "speculated", "Z": "denied"}).outcome == "partial"
    assert q.check({"A": "probable"}).outcome == "advice"
    assert q.check(["claimed"]).outcome == "advice"


def test_table_of_dates_right_wider_inside_wrong_and_missing():
    q = Dates()
    right = pd.DataFrame({"Expression": ["Last week", "on Monday", "in recent years"],
                          "start": ["2025-09-15", dt.date(2025, 9, 22), None], "end": ["2025-09-21", None, None]})
    assert q.check(right).passed
    assert q.check([{"expression": "last week"}]).outcome == "advice"
    partial = q.check(pd.DataFrame({"expression": ["last week", "on Monday", "in recent years"],
                                    "start": ["2025-09-14", "2025-09-15", "2025-01-01"],
                                    "end": ["2025-09-21", "2025-09-15", "2025-12-31"]}))
    assert partial.outcome == "partial"
    assert "contains the right days" in partial.message and "Count again" in partial.message
    assert "cannot be pinned" in partial.message
    inside = q.check(pd.DataFrame({"expression": ["last week"], "start": ["2025-09-16"], "end": ["2025-09-16"]}))
    assert "inside the right interval" in inside.message and "No row yet" in inside.message
    wrong = q.check(pd.DataFrame({"expression": ["last week"], "start": ["2025-09-08"], "end": ["2025-09-14"]}))
    assert wrong.outcome == "incorrect" and "Monday to Sunday" in wrong.message
    assert q.check(pd.DataFrame({"expression": ["last week"], "start": ["soon"]})).outcome == "advice"
    assert q.check(pd.DataFrame({"when": ["x"]})).outcome == "advice"
    assert q.check(pd.DataFrame({"expression": ["last week"], "start": [____], "end": [____]})).outcome == "not_attempted"


def test_ordering_allows_ties_and_points_to_a_pair():
    q = Order()
    assert q.check(["B", "C", "D", "A"]).passed and q.check(["b", "D", "C", "A"]).passed
    result = q.check(["B", "A", "C", "D"])
    assert result.outcome == "partial" and "`A` and `C`" in result.message
    assert q.check(["A", "C", "D", "B"]).outcome == "incorrect"
    assert q.check(["B", "C", "A"]).outcome == "advice"
    assert q.check(["B", "C", "A", "A"]).outcome == "advice"
    assert q.check(["B", "C", "A", "Z"]).outcome == "advice"


def test_reflection_accepts_any_text_and_shows_the_model():
    q = Reflect()
    result = q.check("Because the president is not independent of the war he is fighting, and he asserts.")
    assert result.passed and "A model answer." in result.message
    assert "sentence or two more" in q.check("short").message
    assert q.check("").outcome == "advice" and q.check(42).outcome == "advice"
    assert "A model answer." in q.solution().message


def test_progress_tracks_best_status_hints_and_solutions():
    questions = [Colour(), Sources(), Reflect()]
    exercises = ExerciseSet("Test set", questions)
    assert [q.name for q in questions] == ["q1", "q2", "q3"]
    questions[0].check("anonymous")
    questions[0].check("social_media")
    questions[0].check("anonymous")  # a later slip does not undo a correct answer
    questions[1].check(["Hadrel"])
    questions[1].hint()
    questions[2].solution()
    table = exercises.progress()._repr_markdown_()
    assert "1 of 3 questions answered correctly" in table
    assert "| q1: a colour | correct | 3 |" in table
    assert "| q2: Question | partly right | 1 | 1 of 1 | no |" in table
    assert "| q3: Question | not attempted | 0 | 0 of 0 | yes |" in table
    exercises.reset()
    assert "0 of 3" in str(exercises.progress()) and questions[0].attempts == 0


def test_unexpected_errors_become_advice():
    class Broken(ChoiceQuestion):
        def expected(self):
            raise RuntimeError("gold missing")

    result = Broken().check("x")
    assert result.outcome == "advice" and "gold missing" in result.message
