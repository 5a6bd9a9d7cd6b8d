"""Remember what a function of a phrase answered, for as long as one article is being read.

The source rules ask for the same phrase's head words and type many times in one article: where the source is
found, when its row is decided, when a later pronoun is linked to it. A function marked ``@remembered``
answers each question once while :func:`one_article` is open and forgets every answer when it closes, so
nothing is carried from one article to the next. Outside it, the function is simply called.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar

_answers: ContextVar[dict | None] = ContextVar("answers", default=None)


def remembered(function):
    """Mark ``function`` (of hashable positional arguments, returning a value nobody changes) as remembered."""
    @functools.wraps(function)
    def wrapper(*args):
        answers = _answers.get()
        if answers is None:
            return function(*args)
        key = (function, args)
        if key not in answers:
            answers[key] = function(*args)
        return answers[key]
    return wrapper


@contextmanager
def one_article():
    """Keep the answers of remembered functions until the block ends (an article is read inside it)."""
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)
