"""Printable handouts: execute every course notebook offline and write it as HTML, with an index page."""
from __future__ import annotations

import html
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from .course import course_dir

TIMEOUT_SECONDS = 300


def execute_notebook(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its own folder and return it with its outputs."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def build_handouts(out_dir="build/handouts", notebooks=None) -> Path:
    """Execute ``notebooks`` (default: the course's) and write one HTML page each plus ``index.html``.

    Returns the index page's path.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    notebooks = [Path(p) for p in notebooks] if notebooks else sorted(course_dir("notebooks").glob("*.ipynb"))
    exporter = HTMLExporter(template_name="lab")
    entries = []
    for path in notebooks:
        began = time.perf_counter()
        body, _ = exporter.from_notebook_node(execute_notebook(path))
        target = out_dir / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        entries.append((path.stem, target.name, time.perf_counter() - began))
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(stem.replace("_", " "))}</a> '
                      f"<small>(ran in {seconds:.1f} s)</small></li>" for stem, name, seconds in entries)
    index = out_dir / "index.html"
    index.write_text("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dispatches handouts"
                     "</title></head><body style=\"font-family:sans-serif;max-width:50em;margin:2em auto\">"
                     "<h1>dispatches: handouts</h1><p>Reading war reporting critically. Each page is a course "
                     "notebook, run from top to bottom; print it from the browser.</p>"
                     f"<ol>{items}</ol></body></html>\n", encoding="utf-8")
    return index
