"""The class report: a folder of learners' answer files turned into one self-contained HTML page.

    from dispatches.class_report import class_report
    class_report("exercises/assessment/example_class", "class_report.html")

The page shows accuracy per skill on each occasion (pre, post, retention), each learner's discernment d' and
criterion c with their shift from pre to post, and the items most missed with their wording. Figures are
matplotlib PNGs embedded as base64; every piece of text from the files is escaped.
"""
from __future__ import annotations

import argparse
import base64
import io
import sys
from html import escape
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .assessment import OCCASIONS, SKILLS, ClassScores, key_text, load_form, score_class

MOST_MISSED = 6
STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;
vertical-align:top}th{background:#f2f2f2}.num{text-align:right}.note{color:#555}.skipped{color:#8a1c1c}
img{max-width:100%}"""


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{data}">'


def skills_figure(learners: pd.DataFrame) -> str:
    """Grouped bars: mean accuracy per skill on each occasion present."""
    occasions = [o for o in OCCASIONS if o in set(learners["occasion"])]
    figure = Figure(figsize=(7, 3.2))
    axes = figure.add_subplot()
    width = 0.8 / max(len(occasions), 1)
    for shift, occasion in enumerate(occasions):
        means = learners.loc[learners["occasion"] == occasion, list(SKILLS)].mean()
        positions = [index + shift * width for index in range(len(SKILLS))]
        axes.bar(positions, means.values * 100, width=width, label=occasion)
    axes.set_xticks([index + width * (len(occasions) - 1) / 2 for index in range(len(SKILLS))], SKILLS)
    axes.set_ylim(0, 100)
    axes.set_ylabel("mean score (%)")
    axes.legend(title="occasion", fontsize="small")
    figure.tight_layout()
    return _png(figure)


def shifts_figure(shifts: pd.DataFrame) -> str:
    """Two panels, d' and c, one line per learner from pre to post, the class mean in black."""
    figure = Figure(figsize=(7, 3.2))
    for index, (before, after, label) in enumerate((("d_before", "d_after", "d' (telling solid from shaky)"),
                                                    ("c_before", "c_after", "c (below 0: leans 'shaky')"))):
        axes = figure.add_subplot(1, 2, index + 1)
        for _, row in shifts.iterrows():
            axes.plot([0, 1], [row[before], row[after]], color="0.6", marker="o", linewidth=1)
        axes.plot([0, 1], [shifts[before].mean(), shifts[after].mean()], color="black", marker="o", linewidth=3,
                  label="class mean")
        axes.axhline(0, color="0.85", linewidth=1, zorder=0)
        axes.set_xticks([0, 1], ["pre", "post"])
        axes.set_xlim(-0.3, 1.3)
        axes.set_title(label, fontsize="medium")
    figure.axes[0].legend(fontsize="small")
    figure.tight_layout()
    return _png(figure)


def most_missed(scores: ClassScores, count: int = MOST_MISSED) -> pd.DataFrame:
    """The items with the lowest mean credit (below full), with their wording, key and commonest wrong answer."""
    rows = []
    for (form_name, item_id), answers in scores.items.groupby(["form", "item"]):
        mean = answers["credit"].mean()
        if mean >= 1:
            continue
        item = load_form(form_name).item(item_id)
        wrong = answers.loc[answers["credit"] < 1, "answer"].fillna("(no answer)")
        rows.append({"form": form_name, "item": item_id, "number": item.number, "skill": item.skill,
                     "mean_credit": mean, "answered": len(answers), "wording": item.wording,
                     "source": item.source_line, "key": key_text(item),
                     "common_wrong": wrong.mode().iloc[0] if len(wrong) else "", "rationale": item.rationale})
    table = pd.DataFrame(rows, columns=["form", "item", "number", "skill", "mean_credit", "answered", "wording",
                                        "source", "key", "common_wrong", "rationale"])
    return table.sort_values(["mean_credit", "form", "number"]).head(count).reset_index(drop=True)


def _number(value: float, pattern: str = "{:.2f}") -> str:
    return "" if pd.isna(value) else pattern.format(value)


def _table(headers: list[str], rows: list[list[str]], attributes: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f"<tr{attributes[i] if attributes else ''}>" + "".join(rows[i]) + "</tr>"
                   for i in range(len(rows)))
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(text, numeric: bool = False) -> str:
    return f'<td class="num">{escape(str(text))}</td>' if numeric else f"<td>{escape(str(text))}</td>"


def _class_sentence(shifts: pd.DataFrame) -> str:
    d_change, c_change = shifts["d_change"].mean(), shifts["c_change"].mean()
    if d_change >= 0.5:
        telling = "the class got better at telling solid claims from shaky ones"
    elif d_change <= -0.5:
        telling = "the class got worse at telling solid claims from shaky ones"
    else:
        telling = "the class's ability to tell solid claims from shaky ones barely changed"
    if c_change <= -0.5:
        lean = "and it became quicker to call claims shaky (more suspicious, which is not the same as more discerning)"
    elif c_change >= 0.5:
        lean = "and it became quicker to call claims solid (more trusting)"
    else:
        lean = "and its lean towards 'solid' or 'shaky' stayed about where it was"
    return (f"From pre to post ({len(shifts)} learners with both), mean d' changed by {d_change:+.2f} and mean c by "
            f"{c_change:+.2f}: {telling}, {lean}.")


def render(scores: ClassScores, title: str = "Class report: reading war reports") -> str:
    """The report as an HTML string."""
    learners = scores.learners
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
             f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>",
             f"<p>{len(learners)} answer sheets from {learners['learner'].nunique()} learners were scored. "
             "The passages of the forms are fiction, written for teaching.</p>"]
    if scores.problems:
        items = "".join(f"<li>{escape(problem)}</li>" for problem in scores.problems)
        parts.append(f"<h2>Files skipped</h2><ul class='skipped'>{items}</ul>")
    parts.append("<h2>How to read d' and c</h2><p>Half the claims on each form are solid and half are shaky. "
                 "<b>d'</b> (d-prime) measures how well a learner tells them apart: 0 is guessing, about 1 is "
                 "fair, 2 or more is good. <b>c</b> (the criterion) measures the lean: below 0 the learner "
                 "calls claims shaky more readily, above 0 solid. Doubting everything gives a d' of 0 and a "
                 "strongly negative c: suspicion is not the same as discernment.</p>")
    if len(learners):
        parts.append("<h2>Skills on each occasion</h2>" + skills_figure(learners))
        rows = []
        for occasion in [o for o in OCCASIONS if o in set(learners["occasion"])]:
            chosen = learners[learners["occasion"] == occasion]
            rows.append([_cell(occasion), _cell(len(chosen), True)]
                        + [_cell(_number(chosen[s].mean() * 100, "{:.0f}%"), True) for s in SKILLS]
                        + [_cell(_number(chosen["d_prime"].mean()), True),
                           _cell(_number(chosen["criterion"].mean()), True)])
        parts.append(_table(["occasion", "learners", *SKILLS, "mean d'", "mean c"], rows))
    shifts = scores.shifts()
    parts.append("<h2>Discernment from pre to post</h2>")
    if len(shifts):
        parts.append(f"<p>{escape(_class_sentence(shifts))}</p>" + shifts_figure(shifts))
        rows = [[_cell(r.learner), _cell(_number(r.d_before), True), _cell(_number(r.d_after), True),
                 _cell(_number(r.d_change, "{:+.2f}"), True), _cell(_number(r.c_before), True),
                 _cell(_number(r.c_after), True), _cell(_number(r.c_change, "{:+.2f}"), True), _cell(r.reading)]
                for r in shifts.itertuples()]
        attributes = [f' data-learner="{escape(r.learner)}" data-shift="pre-post"' for r in shifts.itertuples()]
        parts.append(_table(["learner", "d' pre", "d' post", "change", "c pre", "c post", "change", "in words"],
                            rows, attributes))
    else:
        parts.append("<p class='note'>No learner has both a pre and a post sheet yet.</p>")
    if len(learners):
        parts.append("<h2>Every sheet</h2>")
        rows = [[_cell(r.learner), _cell(r.occasion), _cell(r.form)]
                + [_cell(_number(getattr(r, s) * 100, "{:.0f}%"), True) for s in SKILLS]
                + [_cell(_number(r.d_prime), True), _cell(_number(r.criterion), True), _cell(r.reading)]
                for r in learners.itertuples()]
        attributes = [f' data-learner="{escape(r.learner)}" data-occasion="{escape(r.occasion)}"'
                      for r in learners.itertuples()]
        parts.append(_table(["learner", "occasion", "form", *SKILLS, "d'", "c", "in words"], rows, attributes))
        missed = most_missed(scores)
        parts.append("<h2>Items most missed</h2>")
        if len(missed):
            rows = [[_cell(f"{r.item} (question {r.number})"), _cell(r.skill), _cell(_number(r.mean_credit * 100, "{:.0f}%"), True),
                     f"<td>{escape(r.wording)}<br><small class='note'>{escape(r.source)}</small></td>",
                     _cell(r.key), _cell(r.common_wrong), _cell(r.rationale)]
                    for r in missed.itertuples()]
            attributes = [f' data-item="{escape(r.item)}"' for r in missed.itertuples()]
            parts.append(_table(["item", "skill", "mean score", "wording", "key", "commonest wrong answer", "why"],
                                rows, attributes))
        else:
            parts.append("<p class='note'>Every item was answered right by everyone.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def class_report(folder, out_html, title: str = "Class report: reading war reports") -> Path:
    """Score every answer file in ``folder`` and write the HTML report to ``out_html``; return its path."""
    return _write(score_class(folder), out_html, title)


def _write(scores: ClassScores, out_html, title: str) -> Path:
    path = Path(out_html)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(scores, title), encoding="utf-8")
    return path


def class_report_main(argv: list[str] | None = None) -> int:
    """``dispatches class-report FOLDER``: write the class report and list any files skipped."""
    parser = argparse.ArgumentParser(prog="dispatches class-report",
                                     description="Score a folder of answer files and write an HTML class report.")
    parser.add_argument("folder", help="folder holding the learners' answer files (*.json)")
    parser.add_argument("--out", default="class_report.html", help="where to write the report (class_report.html)")
    parser.add_argument("--title", default="Class report: reading war reports", help="the report's title")
    args = parser.parse_args(argv)
    try:
        scores = score_class(args.folder)
    except FileNotFoundError as error:
        print(f"dispatches: error: {error}", file=sys.stderr)
        return 2
    for problem in scores.problems:
        print(f"dispatches: warning: {problem}", file=sys.stderr)
    path = _write(scores, args.out, args.title)
    print(f"Class report written to {path} ({len(scores.learners)} sheets scored, {len(scores.problems)} files "
          "skipped).")
    return 0
