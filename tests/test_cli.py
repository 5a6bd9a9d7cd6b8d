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


def test_read_without_a_file_reports_the_bundled_example(capsys):
    assert main(["read"]) == 0
    out = capsys.readouterr().out
    assert "FICTION" in out and "READING REPORT" in out
    for section in ("SOURCES", "CLAIMS", "HEADLINE CHECK", "TIMELINE"):
        assert section in out
    assert "Some in Velmora" in out and "unnamed_group" in out


def test_read_writes_an_escaped_html_report_and_a_timeline_plot(tmp_path, capsys):
    paste = tmp_path / "paste.txt"
    paste.write_text("Strike on depot <script>alert(1)</script>\n\nOfficials said a drone hit the depot on Monday.\n",
                     encoding="utf-8")
    html, png = tmp_path / "report.html", tmp_path / "timeline.png"
    assert main(["read", str(paste), "--published", "2025-09-24", "--html", str(html), "--png", str(png)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert png.read_bytes().startswith(b"\x89PNG")
