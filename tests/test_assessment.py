"""Assessment forms, answer files, discernment scoring and the class report."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path
from statistics import NormalDist

import nbformat
import pytest

from dispatches import datasets
from dispatches.text import normalise
from dispatches.assessment import (PARTIAL_CREDIT, ____, discernment, export_answers, export_answers_main,
                                   item_credit, load_form, paper_form, answer_key, read_answer, read_answer_folder,
                                   score_answers, score_class, start_form)
from dispatches.class_report import class_report, class_report_main, most_missed

ROOT = Path(__file__).resolve().parents[1]
ASSESSMENT = ROOT / "exercises" / "assessment"
FORMS = [load_form("A"), load_form("B")]
Z = NormalDist().inv_cdf


def right(item):
    """The keyed answer of an item, as a learner would type it."""
    return item.key if item.kind == "judgement" else (item.key["start"], item.key["end"])


def answers_for(form, judge, dates=right):
    """Answers to every item: ``judge(item)`` for claims, ``dates(item)`` for date items."""
    return {item.id: judge(item) if item.kind == "judgement" else dates(item) for item in form.items}


def canonical(form, answers):
    return {ref: read_answer(form.item(ref), value) for ref, value in answers.items()}


def flip(item):
    return "solid" if item.key == "shaky" else "shaky"


def half_and_half(item):
    """Calls exactly half of the shaky and half of the solid claims shaky: answers unrelated to the truth."""
    same_key = [other for other in item_form(item).items if other.kind == "judgement" and other.key == item.key]
    return "shaky" if same_key.index(item) % 2 == 0 else "solid"


def item_form(item):
    return next(form for form in FORMS if item in form.items)


# ------------------------------------------------------------------------------------------------ the forms


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_form_shape_and_balance(form):
    assert 12 <= len(form.items) <= 16
    assert {item.skill for item in form.items} == {"sourcing", "confirmation", "timeline"}
    assert [item.number for item in form.items] == list(range(1, len(form.items) + 1))
    assert len({item.id for item in form.items}) == len(form.items)
    judgements = [item for item in form.items if item.kind == "judgement"]
    assert Counter(item.key for item in judgements) == {"solid": 6, "shaky": 6}
    for skill in ("sourcing", "confirmation"):
        keys = Counter(item.key for item in judgements if item.skill == skill)
        assert keys["solid"] == keys["shaky"] > 0
    for item in form.items:
        assert item.rationale and item.wording and item.difficulty in ("easy", "medium", "hard")


def test_forms_are_parallel():
    def profile(form):
        return Counter((i.skill, i.kind, i.difficulty, i.key if i.kind == "judgement" else i.key["match"],
                        len(i.partial)) for i in form.items)
    assert profile(FORMS[0]) == profile(FORMS[1])
    claims = [{item.claim for item in form.items if item.kind == "judgement"} for form in FORMS]
    assert not claims[0] & claims[1]


def test_passages_come_from_test_articles_or_are_written_for_the_form():
    test_split = set(datasets.article_names("test"))
    for form in FORMS:
        for item in form.items:
            if "article" in item.passage:
                assert item.passage["article"] in test_split, item.id
            else:
                assert "written for this assessment" in item.passage["note"], item.id
            assert len(item.passage_text) > 40 and item.source_line


def test_a_quote_must_sit_in_exactly_one_paragraph():
    item = FORMS[0].item(1)
    broken = type(item)(**{**item.__dict__, "passage": {"article": item.passage["article"], "quote": "Tashir"}})
    with pytest.raises(ValueError, match="not exactly one"):
        broken.passage_text


def _gold_time(item):
    for entry in datasets.gold(item.passage["article"])["times"]:
        if (entry["expression"].casefold() == item.expression.casefold()
                and normalise(entry["sentence"]) in normalise(item.passage_text)):
            return entry
    raise AssertionError(f"{item.id}: no gold time for {item.expression!r}")


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _resolve_written(expression: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The few expressions used in passages written for the forms, resolved by the course's conventions."""
    if expression.startswith("yesterday"):
        return anchor - dt.timedelta(days=1), anchor - dt.timedelta(days=1)
    if expression.startswith("this morning"):
        return anchor, anchor
    weekday = re.fullmatch(r"since (\w+)day", expression)
    if weekday:
        names = ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]
        return _weekday_on_or_before(anchor, names.index(weekday.group(1).casefold())), anchor
    raise AssertionError(f"no test resolver for {expression!r}")


@pytest.mark.parametrize("item", [i for f in FORMS for i in f.items if i.kind == "date"], ids=lambda i: i.id)
def test_date_keys_follow_their_anchor(item):
    key = item.key
    anchor = dt.date.fromisoformat(key["anchor"])
    assert f"{anchor:%A} {anchor.day} {anchor:%B}" in key["anchor_is"]
    assert key["start"] <= key["end"] and key["match"] in ("within", "span")
    if "article" in item.passage:
        gold = _gold_time(item)
        assert (gold["start"], gold["end"]) == (key["start"], key["end"])
        assert anchor == item.published
    else:
        assert tuple(str(d) for d in _resolve_written(item.expression, anchor)) == (key["start"], key["end"])
        assert anchor == item.published or f"{anchor:%A} {anchor.day} {anchor:%B}" in item.passage_text
    for alternative in item.partial:
        wrong_anchor = dt.date.fromisoformat(alternative["anchor"])
        assert wrong_anchor != anchor and alternative["why"]
        assert tuple(str(d) for d in _resolve_written(item.expression, wrong_anchor)) == (
            alternative["start"], alternative["end"])


def test_paper_form_and_key():
    paper = paper_form("B")
    assert "fiction" in paper and paper.count("Answer:") == 16 and "Question 16 of 16" in paper
    assert "solid |" not in paper
    key = answer_key("A")
    assert key.count("\n| ") == 17 and "anchor: the day the nurse spoke" in key
    assert key._repr_markdown_() == str(key)


# ------------------------------------------------------------------------------------------------ date credit


def test_date_answers_inside_the_keyed_interval_earn_full_credit():
    last_week = FORMS[0].item("A14")                       # 29 Sep to 5 Oct, any day inside
    assert item_credit(last_week, read_answer(last_week, "2025-09-29 to 2025-10-05")) == 1
    assert item_credit(last_week, read_answer(last_week, "1 October 2025")) == 1
    assert item_credit(last_week, read_answer(last_week, ("2025-10-03", "2025-09-30"))) == 1
    assert item_credit(last_week, read_answer(last_week, "2025-09-28..2025-10-05")) == 0   # one day too early
    assert item_credit(last_week, read_answer(last_week, "2025-10-01 to 2025-10-07")) == 0  # a rolling week


def test_a_stretch_of_time_must_be_given_whole():
    since = FORMS[0].item("A15")                           # since Sunday: 5 to 10 October
    assert item_credit(since, read_answer(since, {"start": "2025-10-05", "end": "2025-10-10"})) == 1
    assert item_credit(since, read_answer(since, "2025-10-05")) == 0


def test_right_day_from_the_wrong_anchor_earns_partial_credit():
    quoted = FORMS[0].item("A16")                          # 'yesterday' said on 3 Oct, broadcast on 6 Oct
    assert item_credit(quoted, read_answer(quoted, "2025-10-02")) == 1
    assert item_credit(quoted, read_answer(quoted, "2025-10-05")) == PARTIAL_CREDIT
    assert item_credit(quoted, read_answer(quoted, "2025-10-04")) == 0
    update = FORMS[1].item(16)
    assert item_credit(update, read_answer(update, "2025-09-25")) == PARTIAL_CREDIT
    assert item_credit(update, None) == 0


def test_unreadable_answers_get_advice():
    with pytest.raises(ValueError, match="solid"):
        read_answer(FORMS[0].item(1), "maybe")
    with pytest.raises(ValueError, match="could not be read"):
        read_answer(FORMS[0].item(13), "the Monday before")


# ------------------------------------------------------------------------------------------------ discernment


def test_log_linear_correction_keeps_perfect_scores_finite():
    d_prime, criterion = discernment(hits=6, n_shaky=6, false_alarms=0, n_solid=6)
    assert d_prime == pytest.approx(2 * Z(6.5 / 7)) and criterion == pytest.approx(0)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_simulated_learners(form):
    perfect, _ = score_answers(form, canonical(form, answers_for(form, right)))
    doubter, _ = score_answers(form, canonical(form, answers_for(form, lambda item: "shaky")))
    believer, _ = score_answers(form, canonical(form, answers_for(form, lambda item: "solid")))
    coin, _ = score_answers(form, canonical(form, answers_for(form, half_and_half)))
    backwards, _ = score_answers(form, canonical(form, answers_for(form, flip)))
    assert perfect["d_prime"] > 2.5 and perfect["overall"] == 1 and abs(perfect["criterion"]) < 0.01
    assert doubter["d_prime"] == pytest.approx(0) and doubter["criterion"] < -1.2
    assert doubter["sourcing"] == doubter["confirmation"] == 0.5     # doubting everything is chance
    assert believer["d_prime"] == pytest.approx(0) and believer["criterion"] > 1.2
    assert coin["d_prime"] == pytest.approx(0) and coin["criterion"] == pytest.approx(0)
    assert backwards["d_prime"] < -2.5
    assert "leans to 'shaky'" in doubter["reading"] and "no better than guessing" in doubter["reading"]
    assert perfect["reading"].startswith("tells solid from shaky well")


def test_random_answerers_average_d_prime_near_zero():
    generator = random.Random(7)
    form = FORMS[0]
    def coin_toss(item):
        return generator.choice(["solid", "shaky"])
    scores = [score_answers(form, canonical(form, answers_for(form, coin_toss)))[0] for _ in range(400)]
    mean_d = sum(s["d_prime"] for s in scores) / len(scores)
    mean_c = sum(s["criterion"] for s in scores) / len(scores)
    assert abs(mean_d) < 0.15 and abs(mean_c) < 0.15
    assert 0.4 < sum(s["confirmation"] for s in scores) / len(scores) < 0.6


def test_unanswered_claims_are_left_out_of_the_counts():
    form = FORMS[0]
    answers = canonical(form, {"A01": "solid", "A02": "shaky"})
    summary, rows = score_answers(form, answers)
    assert (summary["n_solid"], summary["n_shaky"], summary["hits"], summary["false_alarms"]) == (1, 1, 1, 0)
    assert summary["overall"] == pytest.approx(2 / 16)
    assert [row["credit"] for row in rows][:3] == [1, 1, 0]


# ------------------------------------------------------------------------------------------------ answer files


def test_export_keeps_only_the_code_typed_and_the_answers(tmp_path):
    path = export_answers("  Owl 07 ", "A", "pre", {1: "Solid", "A13": "2025-09-29", 3: ____, 4: ""}, tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == "owl-07_A_pre.json"
    assert set(record) == {"format", "version", "learner", "form", "occasion", "answers"}
    assert record["learner"] == "Owl 07"
    assert record["answers"] == {"A01": "solid", "A13": {"start": "2025-09-29", "end": "2025-09-29"}}
    assert export_answers("Owl 07", "A", "pre", {1: "shaky"}, tmp_path) == path      # replaced, not doubled
    assert len(list(tmp_path.iterdir())) == 1
    for learner in (____, "", "   ", "x" * 41):
        with pytest.raises(ValueError):
            export_answers(learner, "A", "pre", {}, tmp_path)
    with pytest.raises(ValueError, match="occasion"):
        export_answers("owl", "A", "midterm", {}, tmp_path)
    with pytest.raises(ValueError, match="solid"):
        export_answers("owl", "A", "pre", {1: "sure"}, tmp_path)


def test_broken_and_duplicate_files_are_reported_and_skipped(tmp_path):
    good = export_answers("Fox", "A", "pre", {1: "solid"}, tmp_path)
    export_answers("fox", "B", "post", {1: "solid"}, tmp_path)
    (tmp_path / "fox_again.json").write_text(good.read_text(encoding="utf-8").replace('"Fox"', '"FOX"'))
    (tmp_path / "cut.json").write_text(good.read_text(encoding="utf-8")[:30])
    (tmp_path / "other.json").write_text('{"format": "something else"}')
    (tmp_path / "form_c.json").write_text(good.read_text(encoding="utf-8").replace('"form": "A"', '"form": "C"'))
    (tmp_path / "form_path.json").write_text(good.read_text(encoding="utf-8").replace(
        '"form": "A"', '"form": "../form_A.json"').replace('"Fox"', '"Vole"'))
    (tmp_path / "item.json").write_text(good.read_text(encoding="utf-8").replace('"A01"', '"A99"').replace(
        '"Fox"', '"Hare"'))
    (tmp_path / "value.json").write_text(good.read_text(encoding="utf-8").replace('"solid"', '"sure"').replace(
        '"Fox"', '"Mole"'))
    (tmp_path / "notes.txt").write_text("not an answer file")
    read = read_answer_folder(tmp_path)
    assert sorted((s["learner"], s["occasion"]) for s in read.sheets) == [("Fox", "pre"), ("fox", "post")]
    messages = "\n".join(read.problems)
    assert len(read.problems) == 8
    assert "fox_again.json: skipped, a duplicate of fox_A_pre.json" in messages
    assert "cut.json: skipped, malformed: not valid JSON" in messages
    assert "other.json: skipped, malformed: not a dispatches answer file" in messages
    assert "form_c.json: skipped, malformed: unknown form" in messages
    assert "form_path.json: skipped, malformed: unknown form" in messages
    assert "item.json: skipped, malformed: item 'A99' is not on form A" in messages
    assert "value.json: skipped, malformed:" in messages and "notes.txt: skipped" in messages
    with pytest.raises(FileNotFoundError):
        read_answer_folder(tmp_path / "missing")


# ------------------------------------------------------------------------------------------------ class report


def _row(html: str, learner: str, occasion: str | None = None) -> list[str]:
    marker = f'data-learner="{learner}" ' + (f'data-occasion="{occasion}"' if occasion else 'data-shift="pre-post"')
    row = re.search(re.escape(marker) + r">(.*?)</tr>", html).group(1)
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def test_class_report_shows_what_each_simulated_learner_did(tmp_path):
    form_a, form_b = FORMS
    half_wrong = {item.id for item in form_a.items if item.kind == "judgement" and item.difficulty != "easy"}
    pre_partly = answers_for(form_a, lambda item: flip(item) if item.id in half_wrong else right(item))
    for learner, pre, post in [
        ("doubter", answers_for(form_a, lambda item: "shaky"), answers_for(form_b, lambda item: "shaky")),
        ("coin", answers_for(form_a, half_and_half), answers_for(form_b, half_and_half)),
        ("perfect", answers_for(form_a, right), answers_for(form_b, right)),
        ("improver", pre_partly, answers_for(form_b, right)),
        ("grew suspicious", answers_for(form_a, right), answers_for(form_b, lambda item: "shaky")),
    ]:
        export_answers(learner, "A", "pre", pre, tmp_path / "class")
        export_answers(learner, "B", "post", post, tmp_path / "class")
    out = class_report(tmp_path / "class", tmp_path / "report.html")
    html = out.read_text(encoding="utf-8")

    for occasion in ("pre", "post"):
        doubter = _row(html, "doubter", occasion)
        assert doubter[6] == "0.00" and float(doubter[7]) < -1.2
        assert doubter[8] == "no better than guessing; leans to &#x27;shaky&#x27; (doubts a lot)"
        coin = _row(html, "coin", occasion)
        assert coin[6] == "0.00" and coin[7] in ("0.00", "-0.00") and coin[8].startswith("no better than guessing")
        perfect = _row(html, "perfect", occasion)
        assert float(perfect[6]) > 2.5 and perfect[3:6] == ["100%"] * 3
        assert perfect[8] == "tells solid from shaky well; no strong lean"
    improver = _row(html, "improver")
    assert float(improver[3]) > 1.5 and improver[7].startswith("better at telling solid from shaky")
    suspicious = _row(html, "grew suspicious")
    assert float(suspicious[3]) < -2 and float(suspicious[6]) < -1.2
    assert "worse at telling solid from shaky; more ready than before to call claims shaky" in suspicious[7]
    assert html.count("data:image/png;base64,") == 2
    assert "Files skipped" not in html


def test_most_missed_items_carry_their_wording(tmp_path):
    form = FORMS[1]
    for learner in ("a", "b", "c"):
        export_answers(learner, "B", "pre", answers_for(form, lambda item: flip(item) if item.number == 5 else
                                                         right(item)), tmp_path)
    missed = most_missed(score_class(tmp_path))
    assert list(missed["item"]) == ["B05"] and missed.loc[0, "common_wrong"] == "solid"
    assert missed.loc[0, "wording"] == f"Claim: {form.item(5).claim}"
    html = class_report(tmp_path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert re.search(r'data-item="B05"><td>B05 \(question 5\)</td><td>sourcing</td><td class="num">0%</td>', html)


def test_report_text_is_escaped(tmp_path):
    export_answers("<b>bold</b>", "A", "pre", {1: "solid"}, tmp_path / "class")
    (tmp_path / "class" / "<script>.json").write_text("{")
    html = class_report(tmp_path / "class", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;.json: skipped" in html


def test_example_class_renders_with_its_broken_files_skipped(tmp_path, capsys):
    assert class_report_main([str(ASSESSMENT / "example_class"), "--out", str(tmp_path / "example.html")]) == 0
    captured = capsys.readouterr()
    assert "2 files skipped" in captured.out
    assert "fox-04_A_pre_again.json: skipped, a duplicate" in captured.err
    assert "stoat-09_A_pre.json: skipped, malformed" in captured.err
    html = (tmp_path / "example.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2 and "Items most missed" in html
    scores = score_class(ASSESSMENT / "example_class")
    assert scores.learners["learner"].nunique() == 8 and set(scores.learners["occasion"]) == {"pre", "post"}
    assert scores.shifts()["d_change"].mean() > 0.5


def test_class_report_without_a_folder_is_an_error_not_a_traceback(tmp_path, capsys):
    assert class_report_main([str(tmp_path / "nowhere")]) == 2
    assert "No folder" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ notebook and CLI


def test_answer_sheet_in_a_notebook(tmp_path):
    sheet = start_form("B", occasion="post", learner=____)
    assert "Before you export" in sheet.instructions().message
    assert "Question 3 of 16" in sheet.show(3).message
    assert sheet.answer(1, ____).outcome == "not_attempted"
    assert sheet.answer(1, "perhaps").outcome == "advice"
    assert sheet.answer(1, "SOLID").outcome == "accepted"
    assert sheet.answer(14, ("2025-09-16", "2025-09-18")).message.endswith("2025-09-16 to 2025-09-18.")
    assert "2 of 16 answered" in sheet.review().message
    assert sheet.export(tmp_path).outcome == "advice" and not list(tmp_path.iterdir())
    sheet.learner = "kit-3"
    assert sheet.export(tmp_path).outcome == "accepted"
    assert json.loads((tmp_path / "kit-3_B_post.json").read_text())["answers"]["B14"]["end"] == "2025-09-18"
    assert "Key: solid" in sheet.feedback().message


def test_the_notebook_holds_only_library_calls_and_no_outputs():
    notebook = nbformat.read(ASSESSMENT / "take_assessment.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) == 2 * 16 + 3
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
        assert not re.search(r"^\s*(for|if|while|def|class|try)\b", cell.source, flags=re.M)


def test_export_answers_command(tmp_path, capsys):
    argv = ["--learner", "owl-07", "--form", "A", "--occasion", "pre", "--out", str(tmp_path),
            "1=solid", "2=shaky", "14=2025-09-29..2025-10-05"]
    assert export_answers_main(argv) == 0
    record = json.loads((tmp_path / "owl-07_A_pre.json").read_text())
    assert record["answers"]["A14"] == {"start": "2025-09-29", "end": "2025-10-05"}
    assert "3 answers saved" in capsys.readouterr().out
    assert export_answers_main(argv[:-1] + ["14 is last week"]) == 2
    assert export_answers_main(argv[:-1] + ["99=solid"]) == 2
    assert "no item" in capsys.readouterr().err
