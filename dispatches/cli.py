"""The ``dispatches`` command: read an article and print (or save) its reading report."""
from __future__ import annotations

import argparse
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
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface, one sub-command per task."""
    parser = argparse.ArgumentParser(prog="dispatches", description="Read war reporting critically.")
    commands = parser.add_subparsers(dest="command", required=True)
    read = commands.add_parser("read", help="print the reading report of an article (.txt, .md, .html)")
    read.add_argument("file", nargs="?", help="article file; the bundled example when omitted")
    read.add_argument("--published", help="publication date, YYYY-MM-DD (wins over a date in the file)")
    read.add_argument("--html", metavar="OUT.html", help="also write a self-contained HTML report")
    read.set_defaults(run=_read)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; problems with the input are one line on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    warnings.simplefilter("always", DispatchesWarning)
    warnings.formatwarning = lambda message, category, *rest: f"dispatches: warning: {message}\n"
    try:
        return args.run(args)
    except (OSError, ValueError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"dispatches: error: {message}", file=sys.stderr)
        return 2
