"""Test-suite wiring shared by tests/, notebooks/ and exercises/: report how long the notebooks took."""
_notebook_seconds: dict[str, float] = {}


def pytest_runtest_logreport(report):
    if report.when == "call" and report.nodeid.split("::")[0].endswith(".ipynb"):
        _notebook_seconds[report.nodeid] = report.duration


def pytest_terminal_summary(terminalreporter):
    if _notebook_seconds:
        total = sum(_notebook_seconds.values())
        terminalreporter.write_sep("-", f"notebook suite: {len(_notebook_seconds)} notebooks executed in "
                                        f"{total:.1f} s (target: under 120 s on 2 cores)")
