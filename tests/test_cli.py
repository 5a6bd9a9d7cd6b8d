"""The command line: one clear line for bad input, reports for good input."""
import subprocess
import sys
from pathlib import Path

import pytest

from dispatches.cli import main

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("argv, message", [
    (["read", "no/such/file.txt"], "No file at"),
    (["read", str(DATA / "anatomy_paste.txt"), "--published", "6/10/2020"], "YYYY-MM-DD"),
    (["read", str(DATA)], "is a folder"),
])
def test_bad_input_is_one_line_on_stderr(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


def test_module_entry_point_reports_errors_without_traceback():
    result = subprocess.run([sys.executable, "-m", "dispatches", "read", "missing.html"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("dispatches: error: No file at") and "Traceback" not in result.stderr


def test_corpus_stats_meets_every_coverage_target(capsys):
    assert main(["corpus", "--stats"]) == 0
    table = capsys.readouterr().out
    assert "source type" in table and "claim status" in table and "time convention" in table
    assert " NO" not in table, table
