"""Pre/post assessment: two parallel forms, answer sheets, answer files and scoring with discernment.

    from dispatches.assessment import start_form, ____
    sheet = start_form("A", occasion="pre", learner="owl-07")
    sheet.show(1); sheet.answer(1, "shaky"); ...; sheet.export()

A form (``exercises/assessment/form_A.json``) has two kinds of item. A *judgement* item shows a passage and a
claim; the learner says whether the passage makes the claim "solid" or "shaky". A *date* item asks for the date
or dates an expression stands for, as one day or a from-to range. Scoring gives accuracy per skill and, over
the judgements, signal-detection discernment: ``d'`` (how well solid and shaky are told apart) and the
criterion ``c`` (the lean towards answering "shaky", negative, or "solid", positive). A learner who calls
everything shaky gets a strongly negative ``c`` and a ``d'`` of zero, not a high score.

Rates of 0 or 1 are corrected with the log-linear rule (Hautus 1995): add 0.5 to each count and 1 to each
total before taking rates, for every learner, so that ``d'`` and ``c`` are always finite and comparable.

Every passage is fiction (the course's invented war); see the forms' ``fiction_note``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from statistics import NormalDist

import pandas as pd

from .exercises.checking import ____, AnswerProblem, Feedback, to_date
from .text import normalise

__all__ = ["OCCASIONS", "SKILLS", "AnswerSheet", "ClassScores", "Form", "Item", "____", "answer_key",
           "discernment", "export_answers", "export_answers_main", "form_names", "load_form", "paper_form",
           "read_answer_folder", "score_answers", "score_class", "start_form"]

OCCASIONS = ("pre", "post", "retention")
SKILLS = ("sourcing", "confirmation", "timeline")
JUDGEMENTS = ("solid", "shaky")
SIGNAL = "shaky"                     # the claim a learner should detect; "solid" is the noise
PARTIAL_CREDIT = 0.5                 # a date with the right arithmetic counted from the wrong anchor
FILE_FORMAT = "dispatches-assessment-answers"
ANSWERS_FOLDER = "assessment-answers"
LEARNER_MAX = 40


class Markdown(str):
    """Text that a notebook renders as Markdown and a console prints as it is."""

    def _repr_markdown_(self) -> str:
        return str(self)


def long_date(day: dt.date) -> str:
    """A date as a reader says it: 'Tuesday 30 September 2025'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


# ---------------------------------------------------------------------------------------------------------
# Forms


def forms_dir() -> Path:
    """The folder of the assessment forms (``exercises/assessment``)."""
    from .course import course_dir

    return course_dir("exercises") / "assessment"


def form_names() -> list[str]:
    """The names of the shipped forms: ``["A", "B"]``."""
    return sorted(path.stem.split("_", 1)[1] for path in forms_dir().glob("form_*.json"))


@lru_cache(maxsize=None)
def _paragraphs(article: str) -> tuple[list[str], dict]:
    from . import datasets

    return datasets.article(article).text.split("\n\n"), datasets.gold(article)


@dataclass(frozen=True)
class Item:
    """One question of a form; ``number`` is its position (1, 2, ...), ``id`` its stable name ("A01")."""

    id: str
    number: int
    skill: str
    kind: str
    difficulty: str
    passage: dict
    key: object
    rationale: str
    claim: str = ""
    question: str = ""
    expression: str = ""
    partial: tuple = ()

    @property
    def wording(self) -> str:
        """What the learner is asked, in one line: the claim, or the date question."""
        return f"Claim: {self.claim}" if self.kind == "judgement" else self.question

    @property
    def published(self) -> dt.date:
        """The publication date shown with the passage."""
        if "article" in self.passage:
            return dt.date.fromisoformat(_paragraphs(self.passage["article"])[1]["published"])
        return dt.date.fromisoformat(self.passage["published"])

    @property
    def source_line(self) -> str:
        """Where the passage comes from: outlet, headline, publication date."""
        if "article" in self.passage:
            gold = _paragraphs(self.passage["article"])[1]
            line = f"{gold['outlet']}, \"{gold['headline']}\", published {long_date(self.published)}"
            if gold.get("form") == "web_paste":
                line += " (the date is not on the pasted page; it comes from the site's archive)"
            return line
        return f"{self.passage['outlet']}, published {long_date(self.published)} ({self.passage['note']})"

    @property
    def passage_text(self) -> str:
        """The passage: the corpus paragraphs holding the quoted words, or the text written for the form."""
        if "text" in self.passage:
            return self.passage["text"]
        paragraphs = _paragraphs(self.passage["article"])[0]
        quotes = self.passage["quote"]
        chosen = []
        for quote in [quotes] if isinstance(quotes, str) else quotes:
            found = [p for p in paragraphs if normalise(quote) in normalise(p)]
            if len(found) != 1:
                raise ValueError(f"Item {self.id}: {quote!r} is in {len(found)} paragraphs of "
                                 f"{self.passage['article']}, not exactly one.")
            chosen.append(found[0])
        return "\n\n".join(sorted(set(chosen), key=paragraphs.index))


@dataclass(frozen=True)
class Form:
    """An assessment form: a title, a fiction note and its items in order."""

    name: str
    title: str
    fiction_note: str
    items: tuple

    def item(self, ref) -> Item:
        """An item by its number (1, 2, ...) or its id ("A07")."""
        for item in self.items:
            if ref == item.number or (isinstance(ref, str) and ref.strip().upper() in (item.id, str(item.number))):
                return item
        raise KeyError(f"Form {self.name} has no item {ref!r}: use a number from 1 to {len(self.items)}.")


def load_form(name) -> Form:
    """A form by name ("A", "B") or from a JSON file path."""
    path = Path(name) if str(name).endswith(".json") else forms_dir() / f"form_{str(name).strip().upper()}.json"
    if not path.is_file():
        raise KeyError(f"No assessment form {name!r}; known: {', '.join(form_names())}")
    return _load_form(str(path))


@lru_cache(maxsize=None)
def _load_form(path: str) -> Form:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = []
    for number, raw in enumerate(data["items"], start=1):
        fields = {k: raw[k] for k in ("id", "skill", "kind", "difficulty", "passage", "key", "rationale")}
        extras = {k: raw[k] for k in ("claim", "question", "expression") if k in raw}
        items.append(Item(number=number, partial=tuple(raw.get("partial", ())), **fields, **extras))
    return Form(data["form"], data["title"], data["fiction_note"], tuple(items))


# ---------------------------------------------------------------------------------------------------------
# Reading answers


def read_judgement(value) -> str:
    """'solid' or 'shaky' from a learner's answer; ValueError with advice otherwise."""
    text = normalise(str(value)).strip().strip("'\"").casefold()
    if text not in JUDGEMENTS:
        raise ValueError(f"{str(value)[:40]!r} is not an answer here: write \"solid\" or \"shaky\".")
    return text


def read_interval(value) -> tuple[dt.date, dt.date]:
    """A (start, end) pair from one date, a pair, {"start", "end"} or text like '2025-09-29 to 2025-10-05'."""
    if isinstance(value, dict):
        parts = [value.get("start"), value.get("end")]
    elif isinstance(value, (list, tuple)):
        parts = list(value)
    elif isinstance(value, str) and re.search(r"\.\.| to ", value):
        parts = re.split(r"\.\.| to ", value, maxsplit=1)
    else:
        parts = [value, value]
    try:
        days = [to_date(part.strip() if isinstance(part, str) else part) for part in parts]
    except AnswerProblem:
        days = [None]
    if len(days) != 2 or None in days:
        raise ValueError(f"{str(value)[:60]!r} could not be read as dates: write one day like \"2025-09-29\" "
                         "or a range like (\"2025-09-29\", \"2025-10-05\").")
    return min(days), max(days)


def read_answer(item: Item, value):
    """The canonical form of an answer to ``item``: 'solid'/'shaky' or a (start, end) pair of dates."""
    return read_judgement(value) if item.kind == "judgement" else read_interval(value)


def _stored(answer):
    return answer if isinstance(answer, str) else {"start": answer[0].isoformat(), "end": answer[1].isoformat()}


def answer_text(answer) -> str:
    """A canonical answer as a learner would write it: 'shaky', '2025-09-29' or '2025-09-29 to 2025-10-05'."""
    if answer is None or isinstance(answer, str):
        return answer or ""
    return answer[0].isoformat() if answer[0] == answer[1] else f"{answer[0]} to {answer[1]}"


# ---------------------------------------------------------------------------------------------------------
# Scoring


def _inside(answer: tuple, interval: dict, match: str) -> bool:
    start, end = dt.date.fromisoformat(interval["start"]), dt.date.fromisoformat(interval["end"])
    if match == "span":
        return answer == (start, end)
    return start <= answer[0] and answer[1] <= end


def item_credit(item: Item, answer) -> float:
    """Credit for one canonical answer: 1 right, 0.5 right arithmetic from a wrong anchor, 0 otherwise.

    A date answer is right when every day it allows is a day the keyed expression allows ("within"), or, for
    a stretch of time ("span"), when it is exactly the keyed range.
    """
    if answer is None:
        return 0.0
    if item.kind == "judgement":
        return float(answer == item.key)
    match = item.key.get("match", "within")
    if _inside(answer, item.key, match):
        return 1.0
    if any(_inside(answer, alternative, match) for alternative in item.partial):
        return PARTIAL_CREDIT
    return 0.0


def discernment(hits: int, n_shaky: int, false_alarms: int, n_solid: int) -> tuple[float, float]:
    """Signal-detection ``d'`` and criterion ``c`` with the log-linear correction.

    A hit is a shaky claim called shaky; a false alarm is a solid claim called shaky. Rates are
    (count + 0.5) / (total + 1). ``c`` below zero means a lean towards "shaky" (doubting), above zero towards
    "solid" (trusting).
    """
    z = NormalDist().inv_cdf
    hit_rate = (hits + 0.5) / (n_shaky + 1)
    false_alarm_rate = (false_alarms + 0.5) / (n_solid + 1)
    return z(hit_rate) - z(false_alarm_rate), -(z(hit_rate) + z(false_alarm_rate)) / 2


def plain_reading(d_prime: float, criterion: float) -> str:
    """``d'`` and ``c`` in plain words, as the class report prints them."""
    if d_prime >= 1.5:
        telling = "tells solid from shaky well"
    elif d_prime >= 0.5:
        telling = "tells solid from shaky somewhat"
    elif d_prime > -0.5:
        telling = "no better than guessing"
    else:
        telling = "mixes solid and shaky up"
    if criterion <= -0.5:
        lean = "leans to 'shaky' (doubts a lot)"
    elif criterion >= 0.5:
        lean = "leans to 'solid' (trusts a lot)"
    else:
        lean = "no strong lean"
    return f"{telling}; {lean}"


def score_answers(form: Form, answers: dict) -> tuple[dict, list[dict]]:
    """Scores of one answer sheet: a summary (accuracy per skill, d', c) and one row per item.

    ``answers`` maps item ids to canonical answers; a missing item scores 0 and, for a judgement, is left
    out of the d' counts.
    """
    rows = []
    for item in form.items:
        answer = answers.get(item.id)
        rows.append({"item": item.id, "number": item.number, "skill": item.skill, "kind": item.kind,
                     "answer": answer_text(answer) or None,
                     "credit": item_credit(item, answer)})
    summary = {skill: _mean([r["credit"] for r in rows if r["skill"] == skill]) for skill in SKILLS}
    summary["overall"] = _mean([r["credit"] for r in rows])
    judged = [(item.key, answers.get(item.id)) for item in form.items if item.kind == "judgement"]
    counts = {
        "hits": sum(key == SIGNAL and given == SIGNAL for key, given in judged),
        "n_shaky": sum(key == SIGNAL and given is not None for key, given in judged),
        "false_alarms": sum(key != SIGNAL and given == SIGNAL for key, given in judged),
        "n_solid": sum(key != SIGNAL and given is not None for key, given in judged),
    }
    d_prime, criterion = discernment(**counts)
    summary.update(counts, d_prime=d_prime, criterion=criterion, reading=plain_reading(d_prime, criterion))
    return summary, rows


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


# ---------------------------------------------------------------------------------------------------------
# Answer files


def check_learner(learner) -> str:
    """The learner's name or code as typed (trimmed); ValueError when it is missing or too long."""
    if learner is ____ or not isinstance(learner, str) or not re.search(r"\w", learner):
        raise ValueError("Type your name or a code your teacher gave you, e.g. learner=\"owl-07\".")
    learner = " ".join(learner.split())
    if len(learner) > LEARNER_MAX:
        raise ValueError(f"Keep the name or code under {LEARNER_MAX} characters.")
    return learner


def check_occasion(occasion) -> str:
    """'pre', 'post' or 'retention'; ValueError otherwise."""
    text = str(occasion).strip().casefold()
    if text not in OCCASIONS:
        raise ValueError(f"The occasion must be one of {', '.join(OCCASIONS)}, not {str(occasion)[:20]!r}.")
    return text


def answer_file_name(learner: str, form: str, occasion: str) -> str:
    """'owl-07_A_pre.json': the learner's code made safe for a file name."""
    slug = re.sub(r"[^\w-]+", "-", learner.casefold(), flags=re.ASCII).strip("-") or "learner"
    return f"{slug}_{form}_{occasion}.json"


def export_answers(learner, form, occasion, answers: dict, folder=ANSWERS_FOLDER) -> Path:
    """Write one learner's answers to ``folder/<code>_<form>_<occasion>.json`` and return the path.

    ``answers`` maps item numbers or ids to answers ("solid", "shaky", a date or a pair of dates); blanks are
    left out. The file holds only the name or code the learner typed, the form, the occasion and the answers.
    """
    learner, occasion = check_learner(learner), check_occasion(occasion)
    form = form if isinstance(form, Form) else load_form(form)
    stored = {}
    for ref, value in answers.items():
        if value is None or value is ____ or (isinstance(value, str) and not value.strip()):
            continue
        item = form.item(ref)
        stored[item.id] = _stored(read_answer(item, value))
    record = {"format": FILE_FORMAT, "version": 1, "learner": learner, "form": form.name,
              "occasion": occasion, "answers": dict(sorted(stored.items()))}
    path = Path(folder) / answer_file_name(learner, form.name, occasion)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def parse_answer_file(path: Path) -> dict:
    """One answer file as {learner, form, occasion, answers (canonical), file}; ValueError says what is wrong."""
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not valid JSON ({error.__class__.__name__})") from None
    if not isinstance(record, dict) or record.get("format") != FILE_FORMAT:
        raise ValueError("not a dispatches answer file (no \"format\": \"dispatches-assessment-answers\")")
    missing = [key for key in ("learner", "form", "occasion", "answers") if key not in record]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    learner, occasion = check_learner(record["learner"]), check_occasion(record["occasion"])
    if str(record["form"]) not in form_names():
        raise ValueError(f"unknown form {str(record['form'])[:10]!r}")
    form = load_form(record["form"])
    if not isinstance(record["answers"], dict):
        raise ValueError("\"answers\" is not a mapping of item ids to answers")
    answers = {}
    for ref, value in record["answers"].items():
        try:
            item = form.item(ref)
        except KeyError:
            raise ValueError(f"item {str(ref)[:10]!r} is not on form {form.name}") from None
        answers[item.id] = read_answer(item, value)
    return {"learner": learner, "form": form.name, "occasion": occasion, "answers": answers,
            "file": Path(path).name}


@dataclass
class ClassAnswers:
    """The usable answer sheets of a folder, and one message per file skipped."""

    sheets: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def read_answer_folder(folder) -> ClassAnswers:
    """Read every ``*.json`` answer file in ``folder``; malformed and duplicate files are reported and skipped.

    A duplicate is a second file for the same learner (ignoring case) and occasion; the first file in name
    order is kept. Files of other kinds are reported too, so nothing is silently ignored.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"No folder {folder}: give the folder holding the learners' answer files.")
    result, seen = ClassAnswers(), {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() != ".json":
            result.problems.append(f"{path.name}: skipped, not a .json answer file")
            continue
        try:
            sheet = parse_answer_file(path)
        except ValueError as error:
            result.problems.append(f"{path.name}: skipped, malformed: {error}")
            continue
        key = (sheet["learner"].casefold(), sheet["occasion"])
        if key in seen:
            result.problems.append(f"{path.name}: skipped, a duplicate of {seen[key]} (same learner "
                                   f"{sheet['learner']!r} and occasion {sheet['occasion']!r})")
            continue
        seen[key] = path.name
        result.sheets.append(sheet)
    return result


@dataclass
class ClassScores:
    """A class's scores: one row per learner and occasion, one row per answer, and the files skipped."""

    learners: pd.DataFrame
    items: pd.DataFrame
    problems: list

    def shifts(self, before: str = "pre", after: str = "post") -> pd.DataFrame:
        """Per learner with both occasions: d' and c before and after, and their changes."""
        columns = ["learner", "d_before", "d_after", "d_change", "c_before", "c_after", "c_change", "reading"]
        table = self.learners.set_index(["learner", "occasion"])
        rows = []
        for learner in self.learners["learner"].drop_duplicates():
            if (learner, before) in table.index and (learner, after) in table.index:
                first, second = table.loc[(learner, before)], table.loc[(learner, after)]
                d_change = second["d_prime"] - first["d_prime"]
                c_change = second["criterion"] - first["criterion"]
                rows.append([learner, first["d_prime"], second["d_prime"], d_change, first["criterion"],
                             second["criterion"], c_change, shift_reading(d_change, c_change)])
        return pd.DataFrame(rows, columns=columns)


def shift_reading(d_change: float, c_change: float) -> str:
    """A change in d' and c in plain words."""
    if d_change >= 0.5:
        telling = "better at telling solid from shaky"
    elif d_change <= -0.5:
        telling = "worse at telling solid from shaky"
    else:
        telling = "about as good at telling solid from shaky"
    if c_change <= -0.5:
        return f"{telling}; more ready than before to call claims shaky"
    if c_change >= 0.5:
        return f"{telling}; more ready than before to call claims solid"
    return telling


def score_class(folder) -> ClassScores:
    """Read a folder of answer files and score every sheet."""
    read = read_answer_folder(folder)
    summaries, answers = [], []
    for sheet in read.sheets:
        summary, rows = score_answers(load_form(sheet["form"]), sheet["answers"])
        base = {"learner": sheet["learner"], "occasion": sheet["occasion"], "form": sheet["form"]}
        summaries.append({**base, **summary, "file": sheet["file"]})
        answers.extend({**base, **row} for row in rows)
    learners = pd.DataFrame(summaries, columns=["learner", "occasion", "form", *SKILLS, "overall", "hits",
                                                "n_shaky", "false_alarms", "n_solid", "d_prime", "criterion",
                                                "reading", "file"])
    ranks = learners["occasion"].map({occasion: rank for rank, occasion in enumerate(OCCASIONS)})
    learners = learners.assign(_name=learners["learner"].str.casefold(), _rank=ranks)
    learners = learners.sort_values(["_name", "_rank"]).drop(columns=["_name", "_rank"]).reset_index(drop=True)
    items = pd.DataFrame(answers, columns=["learner", "occasion", "form", "item", "number", "skill", "kind",
                                           "answer", "credit"])
    return ClassScores(learners, items, read.problems)


# ---------------------------------------------------------------------------------------------------------
# Taking a form in a notebook, and printing it on paper


def _item_markdown(item: Item, total: int) -> str:
    passage = "\n".join(f"> {line}" if line else ">" for line in item.passage_text.split("\n"))
    lines = [f"**Question {item.number} of {total}** ({item.skill})", "", f"*{item.source_line}*", "", passage, ""]
    if item.kind == "judgement":
        lines += [f"**Claim:** {item.claim}", "",
                  "On the evidence in this passage, is the claim **solid** or **shaky**?"]
    else:
        lines += [f"**{item.question}**", "",
                  f"The words to date: \"{item.expression}\". Write one day (\"2025-09-29\") or a range "
                  "(\"2025-09-29 to 2025-10-05\")."]
    return "\n".join(lines)


HOW_TO_ANSWER = ("Judge each claim by what the passage gives you on the day it was published, not by what you "
                 "may know from elsewhere. **Solid**: people in a position to know say it on the record, or it "
                 "is confirmed by evidence or by a side admitting something against its own interest. "
                 "**Shaky**: a single partisan or anonymous source, an echo of another report, a hedge "
                 "(may, appears, likely), or a confirmation of something vaguer than the claim. For dates, "
                 "count from the right moment, and give a range when the words allow several days.")


class AnswerSheet:
    """One learner taking one form on one occasion, in a notebook."""

    def __init__(self, form: Form, learner, occasion: str):
        self.form, self.learner, self.occasion = form, learner, check_occasion(occasion)
        self.answers: dict[str, object] = {}

    def instructions(self) -> Feedback:
        """How to answer, and whether a name or code has been typed."""
        note = ""
        try:
            check_learner(self.learner)
        except ValueError as problem:
            note = f"\n\nBefore you export: {problem} Put it in the first cell, instead of `____`, and run it again."
        return Feedback("info", f"**{self.form.title}** ({len(self.form.items)} questions, occasion: "
                        f"{self.occasion}). *{self.form.fiction_note}*\n\n{HOW_TO_ANSWER}\n\nShow a question "
                        f"with `sheet.show(1)`, answer with `sheet.answer(1, \"shaky\")`; at the end, "
                        f"`sheet.export()` saves your answers.{note}", heading="")

    def show(self, number) -> Feedback:
        """The passage and the question of item ``number``."""
        return Feedback("info", _item_markdown(self.form.item(number), len(self.form.items)), heading="")

    def answer(self, number, value) -> Feedback:
        """Record an answer (no right or wrong is shown: this is an assessment)."""
        item = self.form.item(number)
        if value is ____ or value is None or (isinstance(value, str) and not value.strip()):
            self.answers.pop(item.id, None)
            return Feedback("not_attempted", f"Replace `____` with your answer to question {item.number}.")
        try:
            self.answers[item.id] = read_answer(item, value)
        except ValueError as problem:
            return Feedback("advice", str(problem))
        return Feedback("accepted", f"Question {item.number}: {answer_text(self.answers[item.id])}.")

    def review(self) -> Feedback:
        """Which questions have an answer so far."""
        lines = ["| question | skill | your answer |", "|---|---|---|"]
        for item in self.form.items:
            shown = answer_text(self.answers.get(item.id)) or "*(none yet)*"
            lines.append(f"| {item.number} | {item.skill} | {shown} |")
        done = sum(item.id in self.answers for item in self.form.items)
        return Feedback("info", f"{done} of {len(self.form.items)} answered.\n\n" + "\n".join(lines), heading="")

    def export(self, folder=ANSWERS_FOLDER) -> Feedback:
        """Save the answers to one small file for the teacher; only the name or code typed is kept."""
        try:
            path = export_answers(self.learner, self.form, self.occasion, self.answers, folder)
        except ValueError as problem:
            return Feedback("advice", f"{problem} Nothing was saved.")
        return Feedback("accepted", f"{len(self.answers)} answers saved to `{path}`. Hand this file to your "
                        "teacher; running this cell again replaces it.")

    def feedback(self) -> Feedback:
        """Each answer with the key and the reason: for after the last occasion, when the teacher says so."""
        summary, rows = score_answers(self.form, self.answers)
        lines = [f"Overall {summary['overall']:.0%}; d' {summary['d_prime']:.2f}, c {summary['criterion']:.2f} "
                 f"({summary['reading']}).", ""]
        for item, row in zip(self.form.items, rows):
            lines.append(f"- **{item.number}.** {item.wording} Key: {key_text(item)}; yours: "
                         f"{row['answer'] or 'none'} (credit {row['credit']:g}). {item.rationale}")
        return Feedback("info", "\n".join(lines), heading="")


def start_form(form="A", occasion="pre", learner=____) -> AnswerSheet:
    """Begin taking form ``form`` ("A" or "B") on an occasion ("pre", "post" or "retention")."""
    return AnswerSheet(load_form(form), learner, occasion)


def key_text(item: Item) -> str:
    """The key of an item in words, with the anchor it assumes and any half-credit answer."""
    if item.kind == "judgement":
        return item.key
    key = item.key
    span = key["start"] if key["start"] == key["end"] else f"{key['start']} to {key['end']}"
    rule = "the whole range" if key.get("match") == "span" else "any day or range inside it"
    text = f"{span} ({rule}; anchor: {key['anchor_is']})"
    for alternative in item.partial:
        text += f"; half credit for {alternative['start']}, {alternative['why']}"
    return text


def paper_form(name="A") -> Markdown:
    """The form as Markdown for printing, with an answer line under each question."""
    form = load_form(name)
    parts = [f"# {form.title}", "", f"*{form.fiction_note}*", "",
             "Name or code: ______________________   Occasion (pre / post / retention): __________", "",
             HOW_TO_ANSWER, ""]
    for item in form.items:
        parts += [_item_markdown(item, len(form.items)), "",
                  "Answer: ( ) solid   ( ) shaky" if item.kind == "judgement" else
                  "Answer: from ____________ to ____________", "", "---", ""]
    return Markdown("\n".join(parts))


def answer_key(name="A") -> Markdown:
    """The teacher's key of a form: each item's skill, difficulty, key and reason."""
    form = load_form(name)
    lines = [f"# Key to {form.title}", "", "| # | id | skill | difficulty | wording | key | why |",
             "|---|---|---|---|---|---|---|"]
    for item in form.items:
        cells = [str(item.number), item.id, item.skill, item.difficulty, item.wording, key_text(item),
                 item.rationale]
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return Markdown("\n".join(lines))


# ---------------------------------------------------------------------------------------------------------
# Command line: dispatches export-answers


def export_answers_main(argv: list[str] | None = None) -> int:
    """``dispatches export-answers``: write an answer file from answers typed on the command line (paper forms)."""
    parser = argparse.ArgumentParser(
        prog="dispatches export-answers",
        description="Save one learner's answers to a small JSON file (for answers given on paper).",
        epilog="Example: dispatches export-answers --learner owl-07 --form A --occasion pre 1=solid 2=shaky "
               "13=2025-09-29 14=2025-09-29..2025-10-05")
    parser.add_argument("--learner", required=True, help="the name or code the learner wrote")
    parser.add_argument("--form", required=True, help="A or B")
    parser.add_argument("--occasion", required=True, choices=OCCASIONS)
    parser.add_argument("--out", default=ANSWERS_FOLDER, help=f"folder for the file ({ANSWERS_FOLDER}/)")
    parser.add_argument("answers", nargs="*", metavar="N=ANSWER",
                        help="question number and answer: 3=shaky, 13=2025-09-29, 14=2025-09-29..2025-10-05")
    args = parser.parse_args(argv)
    answers = {}
    for pair in args.answers:
        number, sep, value = pair.partition("=")
        if not sep:
            print(f"dispatches: error: {pair!r} is not N=ANSWER (e.g. 3=shaky)", file=sys.stderr)
            return 2
        answers[number.strip()] = value.strip()
    try:
        path = export_answers(args.learner, args.form, args.occasion, answers, args.out)
    except (KeyError, ValueError) as error:
        print(f"dispatches: error: {error.args[0] if error.args else error}", file=sys.stderr)
        return 2
    print(f"{len([v for v in answers.values() if v])} answers saved to {path}")
    return 0
