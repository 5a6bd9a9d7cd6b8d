"""Where the course lives, and ``dispatches start``: copy the exercise notebooks into the learner's own folder.

A learner's work is never overwritten: a notebook is copied only where no file of that name exists yet.
"""
from __future__ import annotations

import shutil
from pathlib import Path

WORK_DIR = "my-work"


def course_dir(name: str) -> Path:
    """The course folder ``name`` ("notebooks" or "exercises"): the repository's, or the package's copy."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / name, here / "_course" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The course folder {name!r} was not found; work from a clone of the dispatches "
                            "repository (git clone, then make lab).")


def start(destination=None, source=None) -> list[str]:
    """Copy each student exercise notebook into ``destination`` (``my-work/``) unless it is already there.

    Returns one line per notebook saying what was done, for the learner to read.
    """
    source = Path(source) if source else course_dir("exercises")
    destination = Path(destination) if destination else source.parent / WORK_DIR
    destination.mkdir(parents=True, exist_ok=True)
    report = []
    for notebook in sorted(source.glob("*.ipynb")):
        target = destination / notebook.name
        if target.exists():
            report.append(f"kept    {target} (your work is already there; nothing was overwritten)")
        else:
            shutil.copy2(notebook, target)
            report.append(f"copied  {target}")
    if not report:
        report.append(f"No exercise notebooks were found in {source}.")
    return report
