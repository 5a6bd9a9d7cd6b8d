"""The ``dispatches`` command: read an article and print (or save) its reading report."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from pathlib import Path

from .layout import DispatchesWarning


def _read(args) -> int:
    from . import datasets
    from .reading import read_article
    from .report import text_report

    if args.file:
        article = read_article(args.file, published=args.published)
    else:
        article = datasets.example_article()
        print(f"(No file given: reading the bundled example, {datasets.EXAMPLE}. {datasets.FICTION_NOTE})\n")
    print(text_report(article))
    if args.html:
        from .display import report_html
        Path(args.html).write_text(report_html(article), encoding="utf-8")
        print(f"HTML report written to {args.html}")
    if args.png:
        from .timelines import plot_timeline
        plot_timeline(article.timeline(), path=args.png, title=article.headline)
        print(f"Timeline plot written to {args.png}")
    return 0


def _evaluate(args) -> int:
    from .evaluation import evaluate

    components = tuple(args.components.split(",")) if args.components else None
    articles = tuple(args.articles.split(",")) if args.articles else None
    result = evaluate(args.gold, split=args.split, articles=articles,
                      **({"components": components} if components else {}))
    if args.json:
        print(result.to_json())
        return 0
    print(f"Evaluation on split {args.split!r} ({len(result.details)} articles)\n")
    print(result.summary.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print("\nPer article:\n" + result.per_article.to_string(index=False))
    if args.verbose:
        for name, detail in result.details.items():
            for component, scores in detail.items():
                for key in ("missed", "false_alarms", "wrong", "wrong_dates"):
                    for item in scores.get(key, []) if isinstance(scores, dict) else []:
                        print(f"{name} {component} {key}: {item}")
    return 0


def _corpus(args) -> int:
    from .corpus_stats import corpus_stats

    print(corpus_stats().to_string(index=False))
    return 0


def _start(args) -> int:
    from .course import start

    print("\n".join(start(args.to)))
    print("Open the copies in my-work/ (make lab), and work there: your answers are yours to keep.")
    return 0


def _handouts(args) -> int:
    from .handouts import build_handouts

    index = build_handouts(args.out)
    print(f"Handouts written; open {index} in a browser and print from there.")
    return 0


def _crosscheck(args) -> int:
    import pandas as pd

    from . import datasets
    from .crosscheck import cross_check
    from .crosscheck_eval import crosscheck_report

    with pd.option_context("display.max_colwidth", 100, "display.width", 200):
        if args.score:
            print(crosscheck_report().to_string(index=False))
        else:
            columns = ["cluster", "claim", "outlets", "independent_origins", "single_sourced", "contradiction"]
            print(cross_check(datasets.articles()).clusters[columns].to_string(index=False))
    return 0


# Sub-commands whose own module parses the rest of the command line.
DELEGATED = {"export-answers": ("assessment", "export_answers_main",
                                "save one learner's assessment answers to a small JSON file"),
             "class-report": ("class_report", "class_report_main",
                              "score a folder of answer files and write an HTML class report")}


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, one sub-command per task."""
    parser = argparse.ArgumentParser(prog="dispatches", description="Read war reporting critically.")
    commands = parser.add_subparsers(dest="command", required=True)
    read = commands.add_parser("read", help="print the reading report of an article (.txt, .md, .html)")
    read.add_argument("file", nargs="?", help="article file; the bundled example when omitted")
    read.add_argument("--published", help="publication date, YYYY-MM-DD (wins over a date in the file)")
    read.add_argument("--html", metavar="OUT.html", help="also write a self-contained HTML report")
    read.add_argument("--png", metavar="OUT.png", help="also draw the timeline (PNG or SVG by the extension)")
    read.set_defaults(run=_read)
    evaluate = commands.add_parser("evaluate", help="score the analysers against gold annotations")
    evaluate.add_argument("--gold", metavar="DIR", help="folder of gold *.json files (default: the bundled corpus)")
    evaluate.add_argument("--split", default="test", choices=["dev", "test", "all"], help="which articles (test)")
    evaluate.add_argument("--components", help="comma-separated subset of reader,sources,claims,times,headline")
    evaluate.add_argument("--articles", help="comma-separated article names: score only these (within --split)")
    evaluate.add_argument("--json", action="store_true", help="print the full scores as JSON")
    evaluate.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    evaluate.set_defaults(run=_evaluate)
    corpus = commands.add_parser("corpus", help="coverage counts of the bundled corpus (source types, statuses, times)")
    corpus.add_argument("--stats", action="store_true", help="print the coverage table (the default)")
    corpus.set_defaults(run=_corpus)
    start = commands.add_parser("start", help="copy the exercise notebooks into my-work/ (never overwrites)")
    start.add_argument("--to", metavar="DIR", help="where to copy them (default: my-work/ beside exercises/)")
    start.set_defaults(run=_start)
    handouts = commands.add_parser("handouts", help="run every notebook and write printable HTML handouts")
    handouts.add_argument("--out", default="build/handouts", help="output folder (build/handouts)")
    handouts.set_defaults(run=_handouts)
    crosscheck = commands.add_parser("crosscheck", help="cluster the corpus's claims, trace origins, flag contradictions")
    crosscheck.add_argument("--score", action="store_true", help="print cluster purity/completeness and planted checks")
    crosscheck.set_defaults(run=_crosscheck)
    for name, (_, _, description) in DELEGATED.items():
        commands.add_parser(name, help=f"{description} (see: dispatches {name} --help)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; problems with the input are one line on stderr and exit status 2."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in DELEGATED:
        module, function, _ = DELEGATED[argv[0]]
        return getattr(importlib.import_module(f".{module}", __package__), function)(argv[1:])
    args = build_parser().parse_args(argv)
    warnings.simplefilter("always", DispatchesWarning)
    warnings.formatwarning = lambda message, category, *rest: f"dispatches: warning: {message}\n"
    try:
        return args.run(args)
    except BrokenPipeError:  # the output was piped into a command such as `head` that stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ValueError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"dispatches: error: {message}", file=sys.stderr)
        return 2
