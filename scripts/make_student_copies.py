"""Write the student exercise notebooks from the solution notebooks, which are the single source.

    python scripts/make_student_copies.py          # writes exercises/NN_name.ipynb from exercises/solutions/
    python scripts/make_student_copies.py --check  # exits 1 when a committed student copy is out of date

In a solution notebook, a code cell tagged ``solution`` holds the worked answer; its metadata
``{"dispatches": {"student": "..."}}`` holds the cell the student gets instead (usually ``answer = ____``).
Cells tagged ``selftest`` are removed. Outputs and execution counts are cleared, so the copies are the same
byte for byte every time.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "exercises" / "solutions"
STUDENT = ROOT / "exercises"
SOLUTION_TAG, SELFTEST_TAG = "solution", "selftest"


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def student_cell(cell, notebook_name: str):
    """The cell a student sees in place of a solution cell."""
    try:
        source = cell["metadata"]["dispatches"]["student"]
    except KeyError:
        raise SystemExit(f"{notebook_name}: the solution cell {cell.get('id')!r} has no "
                         "metadata['dispatches']['student'] giving the student's starting cell.") from None
    replacement = nbformat.v4.new_code_cell(source)
    replacement["id"] = cell["id"]
    return replacement


def student_copy(notebook, notebook_name: str = "notebook"):
    """A student version of a solution notebook: solutions replaced, self-tests removed, outputs cleared."""
    copied = copy.deepcopy(notebook)
    cells = []
    for cell in copied.cells:
        tags = _tags(cell)
        if SELFTEST_TAG in tags:
            continue
        if SOLUTION_TAG in tags:
            cell = student_cell(cell, notebook_name)
        cell["metadata"].pop("dispatches", None)
        if cell.cell_type == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cells.append(cell)
    copied.cells = cells
    return copied


def render(path: Path) -> str:
    """The text of the student copy of one solution notebook."""
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(student_copy(notebook, path.name)) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale copies instead of writing them")
    parser.add_argument("--solutions", type=Path, default=SOLUTIONS, help="folder of solution notebooks")
    parser.add_argument("--dest", type=Path, default=STUDENT, help="folder for the student copies")
    args = parser.parse_args(argv)
    sources = sorted(args.solutions.glob("*.ipynb"))
    if not sources:
        print(f"No solution notebooks in {args.solutions}.", file=sys.stderr)
        return 1
    stale = []
    for source in sources:
        target = args.dest / source.name
        text = render(source)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if args.check:
            if current != text:
                stale.append(target)
        elif current != text:
            args.dest.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote     {target}")
        else:
            print(f"unchanged {target}")
    if stale:
        for target in stale:
            print(f"out of date: {target} (run python scripts/make_student_copies.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
