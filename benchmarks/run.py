"""How fast is dispatches? Throughput, memory, import time, growth with article length, notebook run time.

    python benchmarks/run.py [--articles 1000] [--no-notebooks] [--profile] [--write]

Prints one table (each figure with its target) and, with ``--write``, records it with the machine and the date
in benchmarks/RESULTS.md. ``benchmarks/README.md`` explains every figure. Run it through ``make bench``.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import dispatches as dp  # noqa: E402
from dispatches import datasets  # noqa: E402
from dispatches.corpus import analyze_corpus  # noqa: E402

IMPORT_SNIPPET = "import time; t = time.perf_counter(); import dispatches; print(time.perf_counter() - t)"
BASE_WORDS = 600
BASE_DATE = "2025-10-01"


class Table:
    """Rows of (section, figure, value, target, verdict), printed as text or Markdown."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, section: str, figure: str, value: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("met" if met else "MISSED")
        self.rows.append((section, figure, value, target, verdict))
        print(f"  {figure:<52} {value:>16}  {target:<16} {verdict}", flush=True)

    def markdown(self) -> str:
        lines = ["| section | figure | value | target | verdict |", "|---|---|---:|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def import_time(runs: int = 5) -> float:
    """Median seconds to ``import dispatches`` in a fresh interpreter (interpreter start-up excluded)."""
    times = [float(subprocess.run([sys.executable, "-c", IMPORT_SNIPPET], capture_output=True, text=True,
                                  check=True, cwd=ROOT).stdout) for _ in range(runs)]
    return statistics.median(times)


def replicate_corpus(folder: Path, count: int) -> tuple[list[Path], list[str]]:
    """Copy the corpus articles into ``folder`` round-robin until there are ``count`` files; their dates too."""
    records = [datasets.gold(name) for name in datasets.article_names()]
    paths, dates = [], []
    for i in range(count):
        record = records[i % len(records)]
        source = datasets.data_dir() / record["file"]
        target = folder / f"{i:05d}_{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
        dates.append(record["published"])
    return paths, dates


def corpus_paragraphs() -> list[str]:
    """The body paragraphs of every corpus article, in corpus order."""
    paragraphs = []
    for article in datasets.articles():
        body = article.sentences[article.sentences["part"] == "body"]
        for _, rows in body.groupby("paragraph", sort=True):
            paragraphs.append(article.text[rows["start"].min():rows["end"].max()])
    return paragraphs


def article_of(words: int, paragraphs: list[str]) -> str:
    """A dated Markdown article of about ``words`` words, built from corpus paragraphs taken in turn."""
    chosen, total, i = [], 0, 0
    while total < words:
        paragraph = paragraphs[i % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph.split())
        i += 1
    head = f"---\ntitle: Benchmark article of {words} words\noutlet: Benchmark\ndate: {BASE_DATE}\n---\n\n"
    return head + "\n\n".join(chosen) + "\n"


def one_block_article(words: int, paragraphs: list[str], sentence: bool) -> str:
    """A dated article whose body is one paragraph of about ``words`` words, built from corpus paragraphs;
    with ``sentence``, one sentence too (each full stop, question or exclamation mark turned into a comma)."""
    chosen, total, i = [], 0, 0
    while total < words:
        chosen.append(paragraphs[i % len(paragraphs)])
        total += len(chosen[-1].split())
        i += 1
    body = " ".join(chosen)
    if sentence:
        body = re.sub(r"[.!?]+(?=[^\w\s]*(?:\s|$))", ",", body)
    return f"---\ntitle: One {'sentence' if sentence else 'paragraph'}\noutlet: Benchmark\ndate: {BASE_DATE}\n---\n\n{body}\n"


def full_reading(text: str) -> dict[str, float]:
    """Seconds for each step of the full reading of one text: read, sources, claims, timeline."""
    steps, began = {}, time.perf_counter()
    article = dp.Article.from_text(text, published=BASE_DATE)
    steps["read"] = time.perf_counter() - began
    for name in ("sources", "claims", "timeline"):   # each step reuses the cached result of the one before
        began = time.perf_counter()
        getattr(article, name)()
        steps[name] = time.perf_counter() - began
    steps["total"] = sum(steps.values())
    steps["words"] = len(article.text.split())
    return steps


def best_of(text: str, repeats: int) -> dict[str, float]:
    runs = [full_reading(text) for _ in range(repeats)]
    return min(runs, key=lambda run: run["total"])


def _busy(seconds: float) -> float:
    """Spin the CPU for about ``seconds`` of wall time; return the loop count reached."""
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        count += 1
    return count


def free_parallelism(cores: int) -> float:
    """How many cores' worth of work the machine gives right now: busy loops in ``cores`` processes against one."""
    from concurrent.futures import ProcessPoolExecutor
    alone = _busy(0.5)
    with ProcessPoolExecutor(max_workers=cores) as pool:
        together = sum(pool.map(_busy, [0.5] * cores))
    return together / alone


def peak_memory_mb(who: int) -> float:
    """Peak resident memory in MB (ru_maxrss is kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def throughput(table: Table, count: int, profile: bool) -> None:
    print(f"\nThroughput: the full reading of the corpus replicated to {count} articles", flush=True)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        paths, dates = replicate_corpus(Path(folder), count)
        warm = len(datasets.article_names())   # load the lexicons and compile the rules before timing
        analyze_corpus(paths[:warm], workers=1, published=dates[:warm], progress=False)
        began = time.perf_counter()
        one = analyze_corpus(paths, workers=1, published=dates, progress=False)
        single = time.perf_counter() - began
        words = one.articles["words"].mean()
        table.add("throughput", f"articles/s, one core ({words:.0f} words each on average)",
                  f"{count / single:.1f}", ">= 100", count / single >= 100)
        table.add("throughput", "words/s, one core", f"{one.articles['words'].sum() / single:,.0f}")
        began = time.perf_counter()
        analyze_corpus(paths, workers=cores, published=dates, progress=False)
        several = time.perf_counter() - began
        table.add("throughput", f"articles/s, all cores ({cores})", f"{count / several:.1f}")
        table.add("throughput", "speed-up over one core", f"{single / several:.2f}x",
                  f"~{free_parallelism(cores):.2f}x free")
        if profile:
            where_time_goes(paths[:100], dates[:100])
    table.add("memory", "peak resident memory, this process (MB)", f"{peak_memory_mb(resource.RUSAGE_SELF):.0f}")
    table.add("memory", "peak resident memory, largest worker (MB)",
              f"{peak_memory_mb(resource.RUSAGE_CHILDREN):.0f}")


def where_time_goes(paths: list[Path], dates: list[str]) -> None:
    """Profile the one-core reading of ``paths`` and print the dispatches functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.runcall(analyze_corpus, paths, workers=1, published=dates, progress=False)
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("tottime").print_stats(r"dispatches", 15)
    print(f"\nWhere the one-core time goes ({len(paths)} articles under cProfile; own time, dispatches code only):")
    print("\n".join(line for line in report.getvalue().splitlines() if line.strip() and "restriction" not in line))


def length_scaling(table: Table) -> None:
    print("\nGrowth with article length (one article, one core, best of a few runs)", flush=True)
    paragraphs = corpus_paragraphs()
    base = None
    for multiple, repeats in ((1, 20), (10, 5), (100, 2)):
        run = best_of(article_of(BASE_WORDS * multiple, paragraphs), repeats)
        per_word = run["total"] / run["words"]
        base = base or per_word
        if multiple == 1:
            table.add("length", f"articles/s, one core, {BASE_WORDS}-word article", f"{1 / run['total']:.1f}",
                      ">= 100", 1 / run["total"] >= 100)
        steps = ", ".join(f"{name} {run[name]:.3f}" for name in ("read", "sources", "claims", "timeline"))
        ratio = per_word / base
        table.add("length", f"{multiple}x ({run['words']:,.0f} words): s per 10,000 words",
                  f"{per_word * 10_000:.3f}", "ratio to 1x <= 2" if multiple > 1 else "",
                  ratio <= 2 if multiple > 1 else None)
        print(f"    seconds by step: {steps}; cost per word {ratio:.2f}x the 1x article's")
    run = best_of(article_of(50_000, paragraphs), 1)
    per_10k = run["total"] / run["words"] * 10_000
    table.add("length", f"{run['words']:,.0f}-word article: total seconds", f"{run['total']:.2f}")
    table.add("length", "  of which s per 10,000 words", f"{per_10k:.3f}", "< 1 s", per_10k < 1)
    for sentence in (False, True):
        one_block_growth(table, paragraphs, sentence)


def one_block_growth(table: Table, paragraphs: list[str], sentence: bool) -> None:
    """Cost per word of one paragraph (or one sentence) of 1x, 10x and 100x the base length, against 1x: rules
    that look back over their sentence or paragraph for every cue would make it grow with the length."""
    shape, base = ("one sentence" if sentence else "one paragraph"), None
    for multiple, repeats in ((1, 20), (10, 5), (100, 2)):
        run = best_of(one_block_article(BASE_WORDS * multiple, paragraphs, sentence), repeats)
        per_word = run["total"] / run["words"]
        base = base or per_word
        ratio = per_word / base
        table.add("length", f"{shape}, {multiple}x ({run['words']:,.0f} words): s per 10,000 words",
                  f"{per_word * 10_000:.3f}", "ratio to 1x <= 2" if multiple > 1 else "",
                  ratio <= 2 if multiple > 1 else None)
        steps = ", ".join(f"{name} {run[name]:.3f}" for name in ("read", "sources", "claims", "timeline"))
        print(f"    seconds by step: {steps}; cost per word {ratio:.2f}x the 1x {shape}'s")


def notebook_suite(table: Table) -> str | None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        table.add("notebooks", "notebook suite", "no notebooks")
        return None
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        table.add("notebooks", "notebook suite", "nbclient missing")
        return None
    print(f"\nNotebook suite: executing {len(notebooks)} notebooks", flush=True)
    total, failures = 0.0, []
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        began, failure = time.perf_counter(), None
        try:
            NotebookClient(notebook, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute(stderr=subprocess.DEVNULL)
        except Exception as error:  # a failing notebook is reported, and the suite goes on
            reason = f"{getattr(error, 'ename', type(error).__name__)}: {getattr(error, 'evalue', '')}".strip(": ")
            failure = f"{path.name}: {reason[:200]}"
            failures.append(failure)
        seconds = time.perf_counter() - began
        total += seconds
        table.add("notebooks", f"  {path.name} (s)", f"{seconds:.1f}", "runs", failure is None)
    table.add("notebooks", f"notebook suite, {len(notebooks)} notebooks (s)", f"{total:.1f}",
              "all run", not failures)
    return "; ".join(failures) or None


def dateparser_side_by_side() -> str | None:
    script = HERE / "dateparser_side_by_side.py"
    if not script.is_file():
        return None
    print("\nTimeline against dateparser (benchmarks/dateparser_side_by_side.py --split all)", flush=True)
    done = subprocess.run([sys.executable, str(script), "--split", "all"], capture_output=True, text=True,
                          cwd=ROOT)
    output = (done.stdout + done.stderr).strip()
    print(output)
    return output


def machine() -> str:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return (f"{platform.platform()}; {platform.processor() or platform.machine()}; {os.cpu_count()} cores; "
            f"Python {platform.python_version()}; load average {load} at start")


def write_results(table: Table, where: str, count: int, notes: list[str], side_by_side: str | None) -> Path:
    text = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py --write` (`make bench`); benchmarks/README.md explains each figure.",
        "",
        f"- Date: {dt.date.today().isoformat()}",
        f"- Machine: {where}",
        f"- dispatches {dp.__version__}; corpus replicated to {count} articles",
        "",
        table.markdown(),
        "",
    ]
    text += [f"Note: {note}" for note in notes] + ([""] if notes else [])
    if side_by_side:
        text += ["## Timeline against dateparser", "", "```", side_by_side, "```", ""]
    path = HERE / "RESULTS.md"
    path.write_text("\n".join(text), encoding="utf-8")
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size for the throughput figures")
    parser.add_argument("--no-notebooks", action="store_true", help="skip executing the notebook suite")
    parser.add_argument("--profile", action="store_true", help="print where the one-core time goes (cProfile)")
    parser.add_argument("--write", action="store_true", help="record the figures in benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    where = machine()
    print(f"dispatches benchmark on {where}")
    print(f"  {'figure':<52} {'value':>16}  {'target':<16} verdict")
    table, notes = Table(), []
    seconds = import_time()
    table.add("import", "import dispatches, fresh process (s)", f"{seconds:.3f}", "< 1 s", seconds < 1)
    throughput(table, args.articles, args.profile)
    length_scaling(table)
    if args.no_notebooks:
        notes.append("the notebook suite was not run (--no-notebooks).")
    else:
        failed = notebook_suite(table)
        if failed:
            notes.append(f"notebooks that failed: {failed}")
    side_by_side = dateparser_side_by_side()
    if args.write:
        print(f"\nWrote {write_results(table, where, args.articles, notes, side_by_side).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
