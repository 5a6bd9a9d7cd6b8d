"""The set-up promises: conda/Binder files list what pyproject.toml lists, and the commands exist."""
import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def requirement_names(requirements):
    return {re.split(r"[<>=!~ \[]", r, maxsplit=1)[0].lower() for r in requirements}


def conda_names(path):
    listed = yaml.safe_load(path.read_text())["dependencies"]
    return {re.split(r"[<>=!~ ]", d, maxsplit=1)[0].lower() for d in listed if isinstance(d, str)} - {"python", "pip"}


def test_environment_files_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = [r for r in project["optional-dependencies"]["dev"] if "python_version" not in r]
    wanted = requirement_names(project["dependencies"] + dev)
    assert conda_names(ROOT / "environment.yml") == wanted
    assert conda_names(ROOT / "binder" / "environment.yml") == wanted


def test_conda_installs_the_package_and_binder_does_it_in_postbuild():
    conda = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    assert {"pip": ["-e ."]} in conda
    binder = (ROOT / "binder" / "environment.yml").read_text()
    assert "-e ." not in binder and "prefix:" not in binder
    assert "pip install" in (ROOT / "binder" / "postBuild").read_text()


def test_lower_bounds_only_and_no_build_strings():
    for path in (ROOT / "environment.yml", ROOT / "binder" / "environment.yml"):
        for dependency in yaml.safe_load(path.read_text())["dependencies"]:
            if isinstance(dependency, str):
                assert "==" not in dependency and "<" not in dependency and dependency.count("=") <= 1, dependency


def test_make_targets_set_up_the_venv_first():
    makefile = (ROOT / "Makefile").read_text()
    assert "-m venv" in makefile
    for target in ("lab", "test", "demo"):
        assert re.search(rf"^{target}: setup", makefile, re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_block = readme[: readme.index("make test") + 20]
    assert "make lab" in first_block and len(first_block) < 1500
