# debrief — two commands: `make run` (serve the embedded default) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format bench worker clean web web-check

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

test: install web-check  ## lint, import contracts, type-check, the web build check, then the whole suite (SQLite, PostgreSQL, moto S3, Redis)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy debrief
	HF_HUB_OFFLINE=1 $(BIN)/pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .

bench: install  ## every benchmark; each prints a table
	for script in bench/*.py; do HF_HUB_OFFLINE=1 $(BIN)/python $$script || exit 1; done

# The browser client: `make run` serves the committed build (no Node needed); these rebuild it.
WEB_BUILT := web/src/generated debrief/http/web/static

web: web/node_modules/.installed  ## rebuild the web client from web/ into debrief/http/web/static
	cd web && npm run build

# npm ci (the npm registry, at install time only) once per lock file, not on every build.
web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web-check: web  ## fail when the committed build differs from what the sources build
	@git diff --quiet -- $(WEB_BUILT) && test -z "$$(git status --porcelain -- $(WEB_BUILT))" \
	  || { git status --short -- $(WEB_BUILT); \
	       echo "web build differs from the committed one: run 'make web' and commit it"; exit 1; }

clean:
	rm -rf $(VENV) data
