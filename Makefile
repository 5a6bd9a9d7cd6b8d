# Every target sets up .venv first (created with python3 -m venv when missing), so a fresh clone needs only make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup lab test demo handouts start students bench evaluate clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project into it

lab: setup  ## open JupyterLab on the course notebooks
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

test: setup  ## run the whole test suite, notebooks included
	$(PY) -m pytest

demo: setup  ## print a reading report for the bundled example article
	$(VENV)/bin/dispatches read

start: setup  ## copy the exercise notebooks into my-work/ (never overwrites your work)
	$(VENV)/bin/dispatches start

handouts: setup  ## run every notebook and write printable HTML into build/handouts/
	$(VENV)/bin/dispatches handouts

students: setup  ## rewrite the student exercise notebooks from exercises/solutions/
	$(PY) scripts/make_student_copies.py

bench: setup  ## measure speed, memory, import and notebook times; record them in benchmarks/RESULTS.md
	$(PY) -m pip install --quiet -e ".[dev,bench]"
	$(PY) benchmarks/run.py --write

evaluate: setup  ## score the analysers against the corpus gold annotations (test split)
	$(VENV)/bin/dispatches evaluate --split test

clean:  ## remove the virtual environment and build products
	rm -rf $(VENV) build
