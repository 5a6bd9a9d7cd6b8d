"""The checking engine of the exercises: questions that answer back in Markdown, never with a traceback.

A question is a small class that knows its expected answer, a few hints revealed one at a time, an
explanation and how to compare an answer with what it expects. ``check``, ``hint`` and ``solution`` return
:class:`Feedback` objects, which notebooks display as Markdown and consoles print as plain text. The
placeholder ``____`` tells "not attempted yet" apart from a wrong answer, so a student notebook runs top to
bottom without an error.

The question modules (``sourcing``, ``confirmation``, ``timeline``, ``crosschecking``) declare the questions;
nothing here knows about articles or annotations.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..text import normalise


class _Blank:
    """The placeholder a student replaces with an answer."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"


____ = _Blank()
PLACEHOLDER = ____

HEADINGS = {
    "correct": ("✅", "Correct."),
    "accepted": ("✅", "Answer recorded."),
    "partial": ("🟡", "Partly right."),
    "incorrect": ("❌", "Not quite."),
    "not_attempted": ("✏️", "Not attempted yet."),
    "advice": ("ℹ️", "Check the form of your answer."),
    "hint": ("💡", "Hint."),
    "solution": ("📖", "Solution."),
    "info": ("📋", ""),
}


class Feedback:
    """What a check, a hint or a solution says: Markdown in a notebook, plain text in a console."""

    def __init__(self, outcome: str, message: str, score: float = 0.0, heading: str | None = None):
        if outcome not in HEADINGS:
            raise ValueError(f"Unknown outcome {outcome!r}; use one of {', '.join(HEADINGS)}.")
        self.outcome = outcome
        self.message = message.strip()
        self.score = float(score)
        self.heading = HEADINGS[outcome][1] if heading is None else heading

    @property
    def passed(self) -> bool:
        """True when the answer is right (or, for a reflection, when an answer was given)."""
        return self.outcome in ("correct", "accepted")

    def _repr_markdown_(self) -> str:
        symbol = HEADINGS[self.outcome][0]
        head = f"{symbol} **{self.heading}**" if self.heading else symbol
        return f"{head} {self.message}".strip()

    def __str__(self) -> str:
        plain = self.message.replace("**", "")
        return f"{self.heading} {plain}".strip()

    def __repr__(self) -> str:
        return str(self)


class AnswerProblem(Exception):
    """Raised inside a comparison when an answer has the wrong form; turned into advice, never shown."""


# ---------------------------------------------------------------------------------------------------------
# Small helpers: tolerant comparison and safe echoing of answers

_ARTICLE_PREFIX = re.compile(r"^(?:the|a|an) ")
_WORD = re.compile(r"[@#]?\w[\w'@#.-]*\w|\w")
COMMON_WORDS = frozenset(
    "that this with from have has had been were was which their there they them then than into about after "
    "before while when where what also said says will would could should other some more most such only over "
    "under your ours ourselves itself being does done each every many much very just even still both".split())


def canonical(value) -> str:
    """A short answer with case, spacing, quotes, underscores, hyphens, a leading '@' or 'the' ignored."""
    text = normalise(str(value)).casefold()
    text = re.sub(r"[\s_\-]+", " ", text).strip(" .,;:!?'\"`()[]").lstrip("@#")
    return _ARTICLE_PREFIX.sub("", text)


def words(text: str) -> list[str]:
    """The words of a text, in canonical form."""
    return [canonical(word) for word in _WORD.findall(normalise(str(text)))]


def code(value, limit: int = 80) -> str:
    """An answer echoed safely as Markdown inline code (nothing in it is interpreted)."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def quoted_list(values) -> str:
    """'`a`, `b` and `c`'."""
    values = [code(value) for value in values]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def contains_blank(answer) -> bool:
    """True when the placeholder ``____`` is still somewhere in the answer."""
    if answer is ____:
        return True
    if isinstance(answer, pd.DataFrame):
        return any(value is ____ for column in answer.columns for value in answer[column])
    if isinstance(answer, dict):
        return any(contains_blank(key) or contains_blank(value) for key, value in answer.items())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return any(contains_blank(item) for item in answer)
    return False


def is_empty(answer) -> bool:
    """True for None, blank text and empty collections or tables."""
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, pd.DataFrame):
        return answer.empty
    if isinstance(answer, (list, tuple, set, frozenset, dict)):
        return len(answer) == 0
    return False


def to_date(value) -> dt.date | None:
    """A date from a date, a timestamp or text such as '2025-09-22' or '22 September 2025'; None for blanks."""
    if value is None or value is ____:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text or canonical(text) in ("none", "nan", "nat", "unknown", "unresolved", "?"):
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            parsed = pd.to_datetime(text, dayfirst=True)
        except (ValueError, OverflowError, TypeError):
            parsed = None
        if parsed is not None and not pd.isna(parsed):
            return parsed.date()
    raise AnswerProblem(f"{code(value)} could not be read as a date: write dates like `'2025-09-22'`.")


def python_literal(value) -> str:
    """How to write an answer in a notebook cell."""
    if isinstance(value, pd.DataFrame):
        columns = ", ".join(f"{column!r}: {python_literal(list(value[column]))}" for column in value.columns)
        return f"pd.DataFrame({{{columns}}})"
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{python_literal(k)}: {python_literal(v)}" for k, v in value.items()) + "}"
    if value is None or (isinstance(value, float) and value != value):
        return "None"
    return repr(value)


# ---------------------------------------------------------------------------------------------------------
# The base class

class Question:
    """One exercise question. Subclasses set ``hints`` and ``explanation`` and implement ``expected``.

    ``check(answer)`` compares an answer with the expected one; ``hint()`` reveals the next hint;
    ``solution()`` gives the answer with its explanation; ``show()`` displays the material the question is about.
    """

    title = "Question"
    hints: tuple[str, ...] = ()
    explanation = ""
    answer_form = "Give your answer as the question asks, then run the cell again."

    def __init__(self):
        self.number: int | None = None
        self.reset()

    def reset(self) -> None:
        """Forget attempts, hints and solution views (a fresh start)."""
        self.hints_shown = 0
        self.attempts = 0
        self.best = "not attempted"
        self.solution_seen = False

    # what subclasses provide ------------------------------------------------------------------------
    def expected(self):
        """The expected answer, computed from the gold annotations."""
        raise NotImplementedError

    def compare(self, answer) -> Feedback:
        """Compare a well-formed, non-empty answer with the expected one."""
        raise NotImplementedError

    def form_problem(self, answer) -> str | None:
        """Advice when the answer has the wrong type, else None."""
        return None

    def format_answer(self) -> str:
        """The expected answer as Markdown."""
        return code(self.answer)

    def context(self) -> str:
        """Markdown material the question is about (a passage, a list of sentences), or ''."""
        return ""

    # what every question does -----------------------------------------------------------------------
    @cached_property
    def answer(self):
        """The expected answer, in the form a student would give it."""
        return self.expected()

    @property
    def name(self) -> str:
        return f"q{self.number}" if self.number else type(self).__name__.lower()

    @property
    def call(self) -> str:
        """How a notebook reaches this question (exercise modules are imported as ``ex``)."""
        return f"ex.{self.name}"

    def check(self, answer) -> Feedback:
        """Compare ``answer`` with the expected one and say what is right, what is missing and why."""
        try:
            result = self._check(answer)
        except AnswerProblem as problem:
            result = Feedback("advice", f"{problem} {self.answer_form}")
        except Exception as error:  # a learner sees advice, never a traceback
            result = Feedback("advice", f"This answer could not be checked ({type(error).__name__}: "
                                        f"{code(error)}). {self.answer_form}")
        self._record(result)
        return result

    def _check(self, answer) -> Feedback:
        if contains_blank(answer):
            return Feedback("not_attempted", "Replace `____` with your answer, then run the cell again. "
                                             f"Stuck? `{self.call}.hint()` gives a hint.")
        if is_empty(answer):
            return Feedback("advice", f"Your answer is empty. {self.answer_form}")
        problem = self.form_problem(answer)
        if problem:
            return Feedback("advice", f"{problem} {self.answer_form}")
        return self.compare(answer)

    def _record(self, result: Feedback) -> None:
        if result.outcome in ("not_attempted", "advice"):
            return
        self.attempts += 1
        order = ["not attempted", "tried", "partly right", "correct"]
        reached = {"correct": "correct", "accepted": "correct", "partial": "partly right"}.get(result.outcome, "tried")
        if order.index(reached) > order.index(self.best):
            self.best = reached

    def hint(self) -> Feedback:
        """The next hint; each call reveals one more."""
        if not self.hints:
            return Feedback("hint", f"There is no hint for this one; `{self.call}.solution()` shows the answer.",
                            heading="No hint.")
        if self.hints_shown < len(self.hints):
            self.hints_shown += 1
        number = self.hints_shown
        message = self.hints[number - 1]
        if number == len(self.hints):
            message += f"\n\n(That was the last hint. `{self.call}.solution()` shows the answer.)"
        return Feedback("hint", message, heading=f"Hint {number} of {len(self.hints)}.")

    def solution(self) -> Feedback:
        """The expected answer, why it is right, and how to write it."""
        self.solution_seen = True
        parts = [self.format_answer()]
        if self.explanation:
            parts.append(self.explanation)
        parts.append(f"```python\n{self.call}.check({python_literal(self.answer)})\n```")
        return Feedback("solution", "\n\n".join(parts))

    def show(self) -> Feedback:
        """The material this question is about, as Markdown."""
        return Feedback("info", self.context() or "This question needs no extra material.", heading="")


# ---------------------------------------------------------------------------------------------------------
# Single answers: equality and choice

class EqualityQuestion(Question):
    """One expected value: a word or phrase, a number, a yes/no or a date.

    ``mistakes`` maps a typical wrong answer to what to say about it; ``close_days`` gives partial credit to a
    date that is that many days away or fewer.
    """

    mistakes: dict = {}
    close_days = 0

    def form_problem(self, answer):
        expected = self.answer
        if isinstance(answer, (list, tuple, set, dict, pd.DataFrame)):
            return "This question wants a single answer, not a collection."
        if isinstance(expected, bool):
            if not isinstance(answer, bool) and canonical(answer) not in ("yes", "no", "true", "false"):
                return f"Answer `True` or `False` (or `'yes'` / `'no'`), not {code(answer)}."
        elif isinstance(expected, int) and not isinstance(expected, bool):
            if isinstance(answer, bool) or not re.fullmatch(r"-?\d+(?:\.0+)?", str(answer).strip()):
                return f"This answer is a whole number, such as `3`; {code(answer)} is not one."
        return None

    def _same(self, answer) -> bool:
        expected = self.answer
        if isinstance(expected, bool):
            return (answer if isinstance(answer, bool) else canonical(answer) in ("yes", "true")) == expected
        if isinstance(expected, int):
            return int(float(str(answer).strip())) == expected
        if isinstance(expected, dt.date):
            return to_date(answer) == expected
        return canonical(answer) == canonical(expected)

    def compare(self, answer) -> Feedback:
        if self._same(answer):
            return Feedback("correct", self.explanation_short(), score=1.0)
        said = self._mistake_note(answer)
        expected = self.answer
        if isinstance(expected, dt.date) and self.close_days:
            gap = abs((to_date(answer) - expected).days)
            if gap <= self.close_days:
                return Feedback("partial", f"{code(answer)} is within {gap} day(s) of the right date. {said}"
                                           "Count again from the publication date.", score=0.5)
        return Feedback("incorrect", f"{code(answer)} is not the answer. {said}"
                                     f"`{self.call}.hint()` gives a hint.")

    def _mistake_note(self, answer) -> str:
        for wrong, note in self.mistakes.items():
            if canonical(wrong) == canonical(answer):
                return note + " "
        return ""

    def explanation_short(self) -> str:
        return self.explanation


class ChoiceQuestion(EqualityQuestion):
    """One answer out of ``choices``; a neighbouring choice (see ``neighbours``) earns partial credit.

    ``neighbours`` maps a pair of choices, as a frozenset, to the question that tells them apart.
    """

    choices: tuple[str, ...] = ()
    neighbours: dict = {}

    def form_problem(self, answer):
        problem = super().form_problem(answer)
        if problem or not self.choices:
            return problem
        if canonical(answer) not in {canonical(choice) for choice in self.choices}:
            return f"{code(answer)} is not one of the options: {quoted_list(self.choices)}."
        return None

    def compare(self, answer) -> Feedback:
        if self._same(answer):
            return Feedback("correct", self.explanation_short(), score=1.0)
        distinction = neighbour_note(self.neighbours, answer, self.answer)
        said = self._mistake_note(answer)
        if distinction:
            return Feedback("partial", f"{code(answer)} is close, but not the best label. {said}{distinction}",
                            score=0.5)
        return Feedback("incorrect", f"{code(answer)} is not the answer. {said}"
                                     f"`{self.call}.hint()` gives a hint.")


def neighbour_note(neighbours: dict, given, expected) -> str:
    """The question that separates two neighbouring labels, or '' when they are not neighbours."""
    pair = frozenset((canonical(given), canonical(expected)))
    for key, note in neighbours.items():
        if frozenset(canonical(label) for label in key) == pair:
            return note
    return ""


# ---------------------------------------------------------------------------------------------------------
# Collections: a set of items found in a text

@dataclass(frozen=True)
class Item:
    """One expected item of a set: its value, the sentence it comes from, the cue that signals it."""

    value: str
    sentence: str = ""
    cue: str | None = None
    optional: bool = False


def _tokens(text: str) -> list[str]:
    return [word for word in words(text) if word]


def loosely_equal(given: str, expected: str) -> bool:
    """Same item, or one names the other in fewer words ('Hadrel' for 'President Tomas Hadrel')."""
    a, b = _tokens(given), _tokens(expected)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) == 1 and (len(shorter[0]) < 4 or shorter[0] in COMMON_WORDS):
        return False
    span = len(shorter)
    return any(longer[i:i + span] == shorter for i in range(len(longer) - span + 1))


def pair_up(given: list[str], expected: list[Item], loose: bool = True) -> dict[int, int]:
    """Match given answers to expected items one to one, exact matches first: {given index: item index}."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    tests = [lambda g, e: canonical(g) == canonical(e)]
    if loose:
        tests.append(loosely_equal)
    for test in tests:
        for i, value in enumerate(given):
            if i in pairs:
                continue
            for j, item in enumerate(expected):
                if j not in taken and test(value, item.value):
                    pairs[i] = j
                    taken.add(j)
                    break
    return pairs


def cue_word(item: Item, context: list[str], hidden: list[str]) -> str:
    """A word of the item's sentence that points a reader to it without naming any answer.

    The item's own cue comes first when no other sentence of ``context`` holds it; otherwise the longest word
    found in no other sentence; words of ``hidden`` (the answers) are never used.
    """
    secret = {token for value in hidden for token in _tokens(value)}
    sentence_words = _tokens(item.sentence)
    candidates = []
    if item.cue and not set(_tokens(item.cue)) & secret:
        candidates.append(canonical(item.cue))
    candidates += [w for w in sentence_words
                   if len(w) >= 4 and w not in COMMON_WORDS and w not in secret and not w.isdigit()]
    others = [f" {' '.join(_tokens(s))} " for s in context if canonical(s) != canonical(item.sentence)]
    as_written = {canonical(word): word for word in _WORD.findall(normalise(item.sentence))}
    unique = [candidate for candidate in candidates if not any(f" {candidate} " in other for other in others)]
    if item.cue and unique and unique[0] == canonical(item.cue):
        chosen = unique[0]
    elif unique:
        chosen = max(unique, key=len)
    else:
        chosen = candidates[0] if candidates else ""
    return as_written.get(chosen, chosen)


class SetQuestion(Question):
    """Several items in any order, such as every source named in a paragraph.

    ``items`` come from the gold annotations; a missing item is pointed to by a cue word of its sentence.
    ``loose`` accepts a shorter or longer naming of the same item ('Hadrel' for 'President Tomas Hadrel').
    """

    noun = "items"
    pointer = "the sentence with"
    loose = True
    answer_form = "Give a list of strings, such as `['first', 'second']`."

    def items(self) -> list[Item]:
        raise NotImplementedError

    def context_sentences(self) -> list[str]:
        """Every sentence the items could come from (used to pick cue words that point to one sentence)."""
        return [item.sentence for item in self.items()]

    def expected(self):
        return [item.value for item in self.items() if not item.optional]

    def form_problem(self, answer):
        if isinstance(answer, str):
            return f"Put your answer in a list, even a single item: `[{answer.strip()!r}]`."
        if not isinstance(answer, (list, tuple, set, frozenset)):
            return f"This question wants a list, not {type(answer).__name__}."
        if not all(isinstance(value, (str, int)) and not isinstance(value, bool) for value in answer):
            return "Every item of the list should be text in quotes (or a number where numbers are asked for)."
        return None

    def compare(self, answer) -> Feedback:
        items = self.items()
        given = list(dict.fromkeys(str(value).strip() for value in answer))
        pairs = pair_up(given, items, loose=self.loose)
        required = [j for j, item in enumerate(items) if not item.optional]
        found = [j for j in required if j in pairs.values()]
        extras = [given[i] for i in range(len(given)) if i not in pairs]
        if len(found) == len(required) and not extras:
            return Feedback("correct", f"All {len(required)} {self.noun} found. {self.explanation}", score=1.0)
        notes = [f"{len(found)} of {len(required)} {self.noun} found."]
        missing = [items[j] for j in required if j not in found]
        if missing:
            cue = cue_word(missing[0], self.context_sentences(), [item.value for item in items])
            if cue:
                notes.append(f"Look again at {self.pointer} {code(cue)}.")
        if extras:
            verb = "is" if len(extras) == 1 else "are"
            notes.append(f"{quoted_list(extras)} {verb} not among the {self.noun} this question is after.")
        score = len(found) / (len(required) + len(extras))
        return Feedback("partial" if found else "incorrect", " ".join(notes), score=score)

    def format_answer(self) -> str:
        return "\n".join(f"- {code(value)}" for value in self.answer)


# ---------------------------------------------------------------------------------------------------------
# A label for each key: statuses per sentence, types per source

class LabelsQuestion(Question):
    """A dictionary of labels, such as a claim status for each lettered sentence.

    ``labels`` lists the allowed labels; ``neighbours`` (as for :class:`ChoiceQuestion`) earns half credit.
    ``sentences`` (key -> sentence) lets feedback point to a sentence without giving its label away.
    """

    labels: tuple[str, ...] = ()
    neighbours: dict = {}
    noun = "labels"
    answer_form = "Give a dictionary such as `{'A': 'claimed', 'B': 'denied'}`."

    def sentences(self) -> dict[str, str]:
        return {}

    def form_problem(self, answer):
        if not isinstance(answer, dict):
            return f"This question wants a dictionary of labels, not {type(answer).__name__}."
        allowed = {canonical(label) for label in self.labels}
        odd = [value for value in answer.values() if allowed and canonical(value) not in allowed]
        if odd:
            return f"{quoted_list(odd)}: use only these labels: {quoted_list(self.labels)}."
        return None

    def compare(self, answer) -> Feedback:
        expected = {canonical(key): (key, label) for key, label in self.answer.items()}
        given = {canonical(key): value for key, value in answer.items()}
        right, close, wrong, missing = [], [], [], []
        for key, (shown, label) in expected.items():
            if key not in given:
                missing.append(shown)
            elif canonical(given[key]) == canonical(label):
                right.append(shown)
            elif neighbour_note(self.neighbours, given[key], label):
                close.append((shown, given[key], label))
            else:
                wrong.append(shown)
        unknown = [key for key in answer if canonical(key) not in expected]
        total = len(expected)
        if len(right) == total and not unknown:
            return Feedback("correct", f"All {total} {self.noun} right. {self.explanation}", score=1.0)
        notes = [f"{len(right)} of {total} {self.noun} right."]
        for shown, value, label in close:
            notes.append(f"{code(shown)}: {code(value)} is close. {neighbour_note(self.neighbours, value, label)}")
        if wrong:
            notes.append(f"Look again at {quoted_list(wrong)}.")
            hint = self._cue_for(wrong[0])
            if hint:
                notes.append(hint)
        if missing:
            notes.append(f"Not labelled yet: {quoted_list(missing)}.")
        if unknown:
            notes.append(f"Not part of this question: {quoted_list(unknown)}.")
        score = (len(right) + 0.5 * len(close)) / total
        outcome = "partial" if right or close else "incorrect"
        return Feedback(outcome, " ".join(notes), score=score)

    def _cue_for(self, key) -> str:
        return ""

    def format_answer(self) -> str:
        rows = "\n".join(f"| {code(key)} | {code(label)} |" for key, label in self.answer.items())
        return f"| | label |\n|---|---|\n{rows}"


# ---------------------------------------------------------------------------------------------------------
# A table of resolved dates

@dataclass(frozen=True)
class DateRow:
    """One expected row: the expression as written and the interval it stands for (None when fuzzy)."""

    expression: str
    start: dt.date | None
    end: dt.date | None
    granularity: str = "day"


class TableQuestion(Question):
    """A DataFrame with columns ``expression``, ``start`` and ``end``: the dates a text refers to.

    A row is right when both ends match; an interval that contains the right one, or a day inside the right
    interval, earns partial credit. ``advice`` maps a granularity to a reminder for a wrong row.
    """

    advice: dict = {}
    noun = "dates"
    answer_form = ("Give a DataFrame with the columns `expression`, `start` and `end`, dates written like "
                   "`'2025-09-22'`, and `None` where a date cannot be pinned down.")

    def rows(self) -> list[DateRow]:
        raise NotImplementedError

    def expected(self):
        rows = self.rows()
        return pd.DataFrame({"expression": [row.expression for row in rows],
                             "start": [row.start.isoformat() if row.start else None for row in rows],
                             "end": [row.end.isoformat() if row.end else None for row in rows]})

    def form_problem(self, answer):
        if isinstance(answer, (list, dict)) and not isinstance(answer, pd.DataFrame):
            return "Turn your answer into a table first: `pd.DataFrame(...)`."
        if not isinstance(answer, pd.DataFrame):
            return f"This question wants a table (a pandas DataFrame), not {type(answer).__name__}."
        columns = {canonical(column) for column in answer.columns}
        missing = [name for name in ("expression", "start") if name not in columns]
        if missing:
            return f"The table needs the column(s) {quoted_list(missing)}."
        return None

    def _read(self, answer: pd.DataFrame) -> dict[str, tuple]:
        columns = {canonical(column): column for column in answer.columns}
        read = {}
        for _, row in answer.iterrows():
            start = to_date(row[columns["start"]])
            end = to_date(row[columns["end"]]) if "end" in columns else start
            read[canonical(row[columns["expression"]])] = (start, end if end else start)
        return read

    def compare(self, answer) -> Feedback:
        given = self._read(answer)
        expected = self.rows()
        right, wider, inside, wrong, missing = [], [], [], [], []
        for row in expected:
            key = canonical(row.expression)
            if key not in given:
                missing.append(row.expression)
                continue
            start, end = given[key]
            if start == row.start and end == row.end:
                right.append(row.expression)
            elif row.start is None or start is None:
                wrong.append(row)
            elif start <= row.start and end >= row.end:
                wider.append(row.expression)
            elif row.start <= start and end <= row.end:
                inside.append(row.expression)
            else:
                wrong.append(row)
        unknown = [key for key in given if key not in {canonical(row.expression) for row in expected}]
        total = len(expected)
        if len(right) == total:
            return Feedback("correct", f"All {total} {self.noun} resolved. {self.explanation}", score=1.0)
        notes = [f"{len(right)} of {total} {self.noun} right."]
        if wider:
            notes.append(f"{quoted_list(wider)}: your interval contains the right days but is wider than the "
                         "text allows; narrow it down.")
        if inside:
            notes.append(f"{quoted_list(inside)}: your dates fall inside the right interval, but the text "
                         "does not say which day; give the whole interval it allows.")
        for row in wrong:
            reminder = self.advice.get(row.granularity, "Count again from the publication date.")
            if row.start is None:
                reminder = "This expression cannot be pinned to dates: leave its start and end as `None`."
            notes.append(f"{code(row.expression)}: not right yet. {reminder}")
        if missing:
            notes.append(f"No row yet for {quoted_list(missing)}.")
        if unknown:
            notes.append(f"Not asked for (ignored): {quoted_list(unknown)}.")
        score = (len(right) + 0.5 * (len(wider) + len(inside))) / total
        outcome = "partial" if right or wider or inside else "incorrect"
        return Feedback(outcome, " ".join(notes), score=score)

    def format_answer(self) -> str:
        frame = self.answer.fillna("None")
        lines = ["| expression | start | end |", "|---|---|---|"]
        lines += [f"| {code(e)} | {s} | {n} |" for e, s, n in zip(frame["expression"], frame["start"], frame["end"])]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Putting things in order

class OrderingQuestion(Question):
    """Put items in order (events by date, reports by publication). Items with equal keys may come either way."""

    noun = "items"
    answer_form = "Give a list with every item once, earliest first, such as `['B', 'A', 'C']`."

    def keyed_items(self) -> list[tuple[str, object]]:
        """(item, sort key) pairs; the key decides the order."""
        raise NotImplementedError

    def expected(self):
        return [item for item, _ in sorted(self.keyed_items(), key=lambda pair: pair[1])]

    def form_problem(self, answer):
        if not isinstance(answer, (list, tuple)):
            return f"This question wants a list in order, not {type(answer).__name__}."
        items = {canonical(item) for item, _ in self.keyed_items()}
        given = [canonical(value) for value in answer]
        unknown = [value for value in answer if canonical(value) not in items]
        if unknown:
            return f"{quoted_list(unknown)}: not one of the items to order ({quoted_list(self.answer)})."
        repeated = sorted({value for value in answer if given.count(canonical(value)) > 1})
        if repeated:
            return f"{quoted_list(repeated)} appear(s) more than once."
        missing = [item for item, _ in self.keyed_items() if canonical(item) not in given]
        if missing:
            return f"Every item must appear once; missing: {quoted_list(missing)}."
        return None

    def compare(self, answer) -> Feedback:
        keys = {canonical(item): key for item, key in self.keyed_items()}
        order = [keys[canonical(value)] for value in answer]
        pairs = [(i, j) for i in range(len(order)) for j in range(i + 1, len(order)) if order[i] != order[j]]
        in_order = sum(order[i] < order[j] for i, j in pairs)
        if in_order == len(pairs):
            return Feedback("correct", f"All {len(answer)} {self.noun} in order. {self.explanation}", score=1.0)
        first = next(i for i in range(len(order) - 1) if order[i] > order[i + 1])
        score = in_order / len(pairs)
        message = (f"{in_order} of {len(pairs)} pairs are in the right order. Look again at "
                   f"{code(answer[first])} and {code(answer[first + 1])}: which came first?")
        return Feedback("partial" if score >= 0.5 else "incorrect", message, score=score)

    def format_answer(self) -> str:
        return "\n".join(f"{n}. {code(item)}" for n, item in enumerate(self.answer, start=1))


# ---------------------------------------------------------------------------------------------------------
# Free text

class ReflectionQuestion(Question):
    """A free-text answer: any honest attempt is accepted, and the model answer is shown to compare with."""

    model_answer = ""
    answer_form = "Write your answer as text in quotes: `'''...'''` lets it run over several lines."

    def expected(self):
        return self.model_answer

    def form_problem(self, answer):
        if not isinstance(answer, str):
            return f"Write your answer as text, not {type(answer).__name__}."
        return None

    def compare(self, answer) -> Feedback:
        nudge = ""
        if len(answer.split()) < 12:
            nudge = "A sentence or two more would make your reasoning easier to discuss. "
        return Feedback("accepted", f"{nudge}Compare your answer with this model answer:\n\n> {self.model_answer}",
                        score=1.0)

    def format_answer(self) -> str:
        return f"> {self.model_answer}"

    def solution(self) -> Feedback:
        self.solution_seen = True
        text = f"A model answer (yours may differ and still be good):\n\n> {self.model_answer}"
        if self.explanation:
            text += f"\n\n{self.explanation}"
        return Feedback("solution", text)


# ---------------------------------------------------------------------------------------------------------
# A set of exercises and its progress

class ExerciseSet:
    """The questions of one exercise notebook, numbered q1, q2, ... in the order given."""

    def __init__(self, title: str, questions: list[Question]):
        self.title = title
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            question.number = number

    def progress(self) -> Feedback:
        """A table of where you stand: status, hints used and whether the solution was shown."""
        lines = ["| question | status | attempts | hints used | solution seen |", "|---|---|---|---|---|"]
        for question in self.questions:
            lines.append(f"| {question.name}: {question.title} | {question.best} | {question.attempts} | "
                         f"{question.hints_shown} of {len(question.hints)} | "
                         f"{'yes' if question.solution_seen else 'no'} |")
        done = sum(question.best == "correct" for question in self.questions)
        summary = f"{done} of {len(self.questions)} questions answered correctly."
        return Feedback("info", f"**{self.title}**: {summary}\n\n" + "\n".join(lines), heading="")

    def reset(self) -> None:
        """Start again: forget every attempt, hint and solution view."""
        for question in self.questions:
            question.reset()
