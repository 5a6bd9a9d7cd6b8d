"""Exercises that answer back, one module per skill (the corpus they use is fiction).

    from dispatches.exercises import sourcing as ex, ____
    ex.q1.show()          # what the question is about
    ex.q1.check(____)     # replace ____ with your answer
    ex.q1.hint()          # one more hint each time
    ex.q1.solution()      # the answer and why
    ex.progress()         # where you stand

Modules: ``sourcing``, ``confirmation``, ``timeline``, ``crosschecking``. Expected answers come from the gold
annotations and the ground truth in ``datasets/``; the engine is in :mod:`dispatches.exercises.checking`.
"""
from __future__ import annotations

from importlib import import_module

from .checking import PLACEHOLDER, ____, Feedback

SETS = ("sourcing", "confirmation", "timeline", "crosschecking")

__all__ = ["PLACEHOLDER", "SETS", "____", "Feedback", "answer_key", "exercise_set"]


def exercise_set(name: str):
    """The exercise module ``name`` (one of ``SETS``)."""
    if name not in SETS:
        raise KeyError(f"No exercise set {name!r}; known: {', '.join(SETS)}")
    return import_module(f"{__name__}.{name}")


def answer_key(name: str | None = None) -> str:
    """The answer key of one exercise set (or all of them) as Markdown, computed from the gold annotations.

    Reading it does not count as a learner seeing the solutions.
    """
    parts = []
    for set_name in [name] if name else SETS:
        module = exercise_set(set_name)
        parts.append(f"## {module.exercises.title} (`{set_name}`)")
        for question in module.exercises.questions:
            seen = question.solution_seen
            parts.append(f"### {question.name}: {question.title}\n\n{question.solution().message}")
            question.solution_seen = seen
    return "\n\n".join(parts)
