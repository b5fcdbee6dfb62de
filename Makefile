# debrief — two commands: `make run` (serve the embedded default) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format bench worker clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: install  ## migrate, print a development API key, serve GraphiQL on http://$(HOST):$(PORT)/graphql
	HF_HUB_OFFLINE=1 $(BIN)/debrief migrate
	HF_HUB_OFFLINE=1 $(BIN)/debrief keys create --org development
	HF_HUB_OFFLINE=1 $(BIN)/debrief serve --host $(HOST) --port $(PORT)

worker: install  ## an arq worker (needs DEBRIEF_REDIS_URL)
	HF_HUB_OFFLINE=1 $(BIN)/debrief worker

test: install  ## lint, then the whole suite against SQLite, PostgreSQL, moto S3, Redis
	$(BIN)/ruff check .
	HF_HUB_OFFLINE=1 $(BIN)/pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .

bench: install  ## every benchmark; each prints a table
	for script in bench/*.py; do HF_HUB_OFFLINE=1 $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) data
