# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.app-installed $@

# `make run` is the demo: demo accounts on the login page and a generated cookie key under
# data/. A production start sets KERNBRIEF_SECRET_KEY and leaves KERNBRIEF_DEMO unset.
run: $(VENV)/.app-installed
	KERNBRIEF_DEMO=1 $(PY) manage.py init-db --demo-if-empty
	KERNBRIEF_DEMO=1 $(PY) -m streamlit run web/server.py --server.port=$(PORT) --server.headless=true

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest -n 2

bench: $(VENV)/.dev-installed
	$(PY) -m bench.run_all

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
