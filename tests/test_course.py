"""`dispatches start` copies exercises without ever overwriting a learner's work."""
import json

from dispatches.course import start


def make_notebook(path, text):
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": text}],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


def test_start_copies_missing_notebooks_and_keeps_existing_work(tmp_path):
    source, work = tmp_path / "exercises", tmp_path / "my-work"
    source.mkdir()
    make_notebook(source / "01_sourcing.ipynb", "fresh copy")
    make_notebook(source / "02_confirmation.ipynb", "fresh copy")
    work.mkdir()
    make_notebook(work / "01_sourcing.ipynb", "MY ANSWERS")

    report = start(work, source=source)

    assert "MY ANSWERS" in (work / "01_sourcing.ipynb").read_text()
    assert "fresh copy" in (work / "02_confirmation.ipynb").read_text()
    assert any(line.startswith("kept") and "01_sourcing" in line for line in report)
    assert any(line.startswith("copied") and "02_confirmation" in line for line in report)
    second = start(work, source=source)
    assert len(second) == 2 and all(line.startswith("kept") for line in second)


def test_start_says_when_there_is_nothing_to_copy(tmp_path):
    (tmp_path / "empty").mkdir()
    assert "No exercise notebooks" in start(tmp_path / "w", source=tmp_path / "empty")[0]
