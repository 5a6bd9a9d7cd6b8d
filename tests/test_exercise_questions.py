"""Every question of every exercise set: its own solution passes, a typical wrong answer gets the right feedback."""
from __future__ import annotations

import datetime as dt
import inspect

import pandas as pd
import pytest

from dispatches import datasets
from dispatches.exercises import SETS, ____, answer_key, exercise_set
from dispatches.exercises.checking import (EqualityQuestion, LabelsQuestion, OrderingQuestion, ReflectionQuestion,
                                           SetQuestion, TableQuestion, canonical)

QUESTIONS = [(name, question) for name in SETS for question in exercise_set(name).exercises.questions]
IDS = [f"{name}-{question.name}" for name, question in QUESTIONS]


@pytest.fixture(autouse=True)
def fresh_progress():
    yield
    for name in SETS:
        exercise_set(name).exercises.reset()


@pytest.mark.parametrize("name, question", QUESTIONS, ids=IDS)
def test_the_expected_answer_passes_and_the_placeholder_is_not_attempted(name, question):
    assert question.check(question.answer).passed, question.check(question.answer)
    assert question.check(____).outcome == "not_attempted"
    assert question.hints, "every question offers at least one hint"
    assert question.show().message and question.solution().message


def typical_mistake(question):
    """A plausible wrong answer for a question, and words its feedback must contain."""
    answer = question.answer
    if isinstance(question, SetQuestion):
        return answer[1:] if len(answer) > 1 else ["nobody"], "Look again at"
    if isinstance(question, LabelsQuestion):
        wrong = dict(answer)
        first = next(iter(wrong))
        wrong[first] = next(label for label in question.labels if canonical(label) != canonical(wrong[first]))
        return wrong, first
    if isinstance(question, TableQuestion):
        wrong = answer.copy()
        row = wrong["start"].first_valid_index()
        shifted = dt.date.fromisoformat(wrong.loc[row, "start"]) - dt.timedelta(days=7)
        wrong.loc[row, ["start", "end"]] = [shifted.isoformat(), shifted.isoformat()]
        return wrong, wrong.loc[row, "expression"]
    if isinstance(question, OrderingQuestion):
        return list(reversed(answer)), "Look again at"
    if isinstance(question, EqualityQuestion):
        if question.mistakes:
            wrong, note = next(iter(question.mistakes.items()))
            return wrong, note
        if getattr(question, "choices", ()):
            return next(c for c in question.choices if canonical(c) != canonical(answer)), "not"
        if isinstance(answer, bool):
            return not answer, "not the answer"
        if isinstance(answer, int):
            return answer + 1, "not the answer"
        return answer + dt.timedelta(days=7), "not the answer"
    raise AssertionError(f"no typical mistake for {type(question).__name__}")


@pytest.mark.parametrize("name, question", [(n, q) for n, q in QUESTIONS if not isinstance(q, ReflectionQuestion)],
                         ids=[i for i, (_, q) in zip(IDS, QUESTIONS) if not isinstance(q, ReflectionQuestion)])
def test_a_typical_mistake_is_caught_and_explained(name, question):
    wrong, words = typical_mistake(question)
    result = question.check(wrong)
    assert result.outcome in ("incorrect", "partial"), result
    assert words in result.message
    assert result.score < 1


@pytest.mark.parametrize("name, question", [(n, q) for n, q in QUESTIONS if isinstance(q, SetQuestion)],
                         ids=[i for i, (_, q) in zip(IDS, QUESTIONS) if isinstance(q, SetQuestion)])
def test_a_missed_item_is_pointed_to_without_being_named(name, question):
    for missing in question.answer:
        result = question.check([value for value in question.answer if value != missing])
        cue = result.message.split("with `")[-1].split("`")[0]
        assert cue and canonical(cue) not in {canonical(word) for value in question.answer for word in value.split()}


@pytest.mark.parametrize("name, question", [(n, q) for n, q in QUESTIONS if isinstance(q, ReflectionQuestion)],
                         ids=[i for i, (_, q) in zip(IDS, QUESTIONS) if isinstance(q, ReflectionQuestion)])
def test_reflections_accept_text_and_refuse_nothing(name, question):
    assert question.check("I would ask who gains from this claim and whether anyone checked it.").passed
    assert question.check("").outcome == "advice"
    assert question.model_answer in question.solution().message


def engine_form(question) -> str:
    """The engine class a question is built on (EqualityQuestion, SetQuestion, ...)."""
    return next(c.__name__ for c in type(question).__mro__ if c.__module__.endswith(".checking"))


@pytest.mark.parametrize("name", SETS)
def test_each_set_has_six_or_more_questions_of_varied_forms(name):
    module = exercise_set(name)
    questions = module.exercises.questions
    assert len(questions) >= 6
    assert len({engine_form(q) for q in questions}) >= 4
    assert any(isinstance(q, ReflectionQuestion) for q in questions)
    rows = [line for line in module.progress()._repr_markdown_().splitlines() if line.startswith("| q") and ":" in line]
    assert [row.split(":")[0] for row in rows] == [f"| q{n}" for n in range(1, len(questions) + 1)]


@pytest.mark.parametrize("name", SETS)
def test_exercises_use_only_dev_articles(name):
    source = inspect.getsource(exercise_set(name))
    test_split = set(datasets.article_names("test"))
    assert not [article for article in test_split if article in source]


def test_answer_key_covers_every_question_without_marking_solutions_seen():
    key = answer_key()
    for name, question in QUESTIONS:
        assert f"### {question.name}: {question.title}" in key
        assert not question.solution_seen


def test_answers_follow_the_gold_annotations():
    from dispatches.exercises import confirmation, crosschecking, sourcing, timeline

    gold = datasets.gold("hd_drones_acknowledged")
    frontline = next(s for s in gold["sources"] if s["source"] == "@FrontlineMonitor")
    assert sourcing.q1.answer == frontline["type"]
    last_week = next(t for t in gold["times"] if t["expression"] == "last week")
    assert timeline.q2.answer.set_index("expression").loc["last week", "start"] == last_week["start"]
    assert set(confirmation.q2.answer.values()) == {c["status"] for c in gold["claims"]}
    events = datasets.events().set_index("event_id")
    assert crosschecking.q1.answer == events.loc["E22", "actor"]
    assert crosschecking.q7.answer == len({events.loc["E22", "actor"]}) == 1
    assert isinstance(timeline.q2.answer, pd.DataFrame)
