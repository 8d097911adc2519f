# Korte Keten platform. `make help` lists the targets.
.DEFAULT_GOAL := help
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# One worker per core, each with its own S3 server and test database. Plain load distribution hands
# each worker its tests in pytest-django's order, so transactional tests (which flush) run last.
PYTEST_ARGS ?= -n auto
STAMP := $(VENV)/.installed

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

.PHONY: help install run test test-postgres seed lint bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the pinned requirements

run: $(STAMP) ## Run the site on http://127.0.0.1:8000 with S3, worker and scheduler (Ctrl-C stops all)
	$(PY) -m cms.run_local

test: $(STAMP) ## Run the whole test suite (own S3 server, real FFmpeg, headless Chromium)
	bash tests/ensure_browser.sh
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(STAMP) ## The suite against PostgreSQL (DATABASE_URL, default the local server's `test`)
	bash tests/ensure_browser.sh
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PY) -m pytest $(PYTEST_ARGS)

seed: $(STAMP) ## Build the demo content (needs the S3 server of `make run`)
	$(PY) manage.py seed_demo

lint: $(STAMP) ## ruff, Django checks, deploy checks and missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y DATABASE_URL=sqlite:///var/check.sqlite3 \
	  $(PY) manage.py check --deploy --fail-level WARNING

bench: $(STAMP) ## Run the benchmarks in bench/
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done
