# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench bench-load clean

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

# Test-only tools from npm (package.json, package-lock.json): axe-core for
# tests/test_accessibility.py, in node_modules/.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

test: lint node_modules/axe-core/axe.min.js
	$(PY) -m pytest -n 2

bench: $(VENV)/.dev-installed
	$(PY) -m bench.run_all

# The load test (bench/load.py): 10 participants on one server on SQLite and on PostgreSQL, 40 on
# 2 servers behind haproxy on PostgreSQL, and that again with a server killed half-way. It starts
# PostgreSQL and haproxy itself, unprivileged on loopback ports, and prints a markdown table.
# One set-up: make bench-load LOAD_ARGS="--setup cluster --participants 40 --kill-after 30"
LOAD_ARGS ?= --all
bench-load: $(VENV)/.dev-installed
	$(PY) -m bench.load $(LOAD_ARGS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
