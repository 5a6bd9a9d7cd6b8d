"""The student exercise notebooks are exactly what the script writes from the solution notebooks."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "exercises" / "solutions").glob("*.ipynb"))
SCRIPT = ROOT / "scripts" / "make_student_copies.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_student_copies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_is_a_solution_notebook_per_skill():
    assert [p.stem[:2] for p in SOLUTIONS] == ["01", "02", "03", "04"]


def test_regenerated_copies_match_the_committed_ones(tmp_path):
    script = load_script()
    assert script.main(["--dest", str(tmp_path)]) == 0
    for solution in SOLUTIONS:
        committed = ROOT / "exercises" / solution.name
        assert committed.exists(), f"{committed.name} is missing: run python scripts/make_student_copies.py"
        assert (tmp_path / solution.name).read_bytes() == committed.read_bytes(), (
            f"{committed.name} is out of date: run python scripts/make_student_copies.py")
    assert script.main(["--check"]) == 0


def test_check_mode_fails_on_a_stale_copy(tmp_path):
    script = load_script()
    script.main(["--dest", str(tmp_path)])
    stale = tmp_path / SOLUTIONS[0].name
    stale.write_text(stale.read_text(encoding="utf-8").replace("Question 1", "Question one"), encoding="utf-8")
    assert script.main(["--check", "--dest", str(tmp_path)]) == 1


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_no_solution_or_selftest_leaks_into_a_student_copy(solution):
    student = cells(ROOT / "exercises" / solution.name)
    sources = ["".join(cell["source"]) for cell in student]
    for cell in student:
        tags = cell["metadata"].get("tags", [])
        assert "solution" not in tags and "selftest" not in tags and "dispatches" not in cell["metadata"]
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    hidden = [cell for cell in cells(solution) if {"solution", "selftest"} & set(cell["metadata"].get("tags", []))]
    assert hidden, "a solution notebook holds solution and selftest cells"
    for cell in hidden:
        assert "".join(cell["source"]) not in sources
    by_id = {cell["id"]: "".join(cell["source"]) for cell in student}
    for cell in hidden:
        if "solution" in cell["metadata"]["tags"]:
            assert "____" in by_id[cell["id"]], "each solution becomes a cell with the ____ placeholder"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_solution_notebooks_are_committed_without_outputs_and_test_themselves(solution):
    notebook = cells(solution)
    for cell in notebook:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    tags = [tag for cell in notebook for tag in cell["metadata"].get("tags", [])]
    assert tags.count("solution") == tags.count("selftest") >= 6
