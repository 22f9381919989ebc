# phoihop — two commands set everything up: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test lint migrate demo screenshots messages clean fuzz bench-load bench-crash bench-voters

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON)) / Python 3.11 is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

migrate: install
	$(BIN)/phoihop migrate --noinput
	$(BIN)/phoihop createcachetable
	$(BIN)/phoihop roles sync

demo: migrate
	$(BIN)/phoihop demo load

# The web server and one task worker (its queue is a SQLite file beside the database).
run: demo
	PHOIHOP_PORT=$(PORT) $(BIN)/phoihop demo accounts
	$(BIN)/phoihop run_huey --quiet & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/phoihop runserver 127.0.0.1:$(PORT)

# Lint, layering contracts (import-linter), types of the shared modules, migrations, then the
# suite with the coverage floor ([tool.coverage.report] fail_under in pyproject.toml).
test: install
	$(BIN)/ruff check phoihop bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/phoihop makemigrations --check --dry-run --settings=phoihop.settings.test
	$(BIN)/pytest -n 2 -q phoihop --cov --cov-report=term

lint: install
	$(BIN)/ruff check phoihop bench
	$(BIN)/ruff format --check phoihop bench

screenshots: install
	$(BIN)/python -m phoihop.web.browser docs/screenshots
	PHOIHOP_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q -p no:xdist -m browser phoihop/reception phoihop/letters

clean:
	rm -rf $(VENV) var

# Refresh the English catalogue (needs GNU gettext for extraction); the compiled .mo is committed.
messages: install
	cd phoihop && ../$(BIN)/phoihop makemessages -l en --ignore "*/tests/*" --ignore "migrations/*"
	$(BIN)/python -c "import polib; p='phoihop/locale/en/LC_MESSAGES/django'; polib.pofile(p+'.po').save_as_mofile(p+'.mo')"

bench-petitions: install
	$(BIN)/python -m bench.petitions

# Letter list, search and overdue list at 1,000,000 letters on SQLite and PostgreSQL (docs/letters-benchmark.md).
bench-letters: install
	$(BIN)/python -m bench.letters --count $${COUNT:-1000000}

# Schemathesis against a locally served instance (its own tool venv; bounded: FUZZ_EXAMPLES test
# cases per operation and phase). Fails on any 5xx or response that does not match the schema.
FUZZ_VENV := .venv-fuzz
FUZZ_EXAMPLES ?= 250
fuzz: install
	test -x $(FUZZ_VENV)/bin/st || { $(PYTHON) -m venv $(FUZZ_VENV) && \
	  $(FUZZ_VENV)/bin/python -m pip install --quiet schemathesis==4.32.5; }
	$(BIN)/python -m bench.api_fuzz --st $(FUZZ_VENV)/bin/st --max-examples $(FUZZ_EXAMPLES)

# Tabulating a national general election: 100,000 polling areas, goal < 10 s (figures, no assertions).
bench-elections: install
	$(BIN)/python -m bench.elections --areas $${AREAS:-100000}

# The production stack on loopback (deploy/local-stack.sh: PostgreSQL, Redis, gunicorn 4 workers,
# Huey) under ≥ 100 concurrent citizens mixing reads and writes, against a bare view in the same
# run; and kill -9 of the web tier during 1,000 concurrent portal submissions (docs/deployment.md).
bench-load: install
	$(BIN)/python -m bench.load --users $${USERS:-100} --seconds $${SECONDS:-30}

bench-crash: install
	$(BIN)/python -m bench.crash --citizens $${CITIZENS:-1000}

# Voter petitions at session scale: 5,000 petitions from 300 meetings, the review page and the
# officials' decisions on SQLite and PostgreSQL beside a bare view (docs/voters.md).
bench-voters: install
	$(BIN)/python -m bench.voters --petitions $${PETITIONS:-5000} --meetings $${MEETINGS:-300}
