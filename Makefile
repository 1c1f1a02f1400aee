# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.PHONY: run test install migrate seed translations translations-check lint check ci-checks bench publish-scheduled clean

# Reinstalls only when a requirements file is newer than the last install.
$(INSTALLED): requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(INSTALLED)

install: $(INSTALLED)

translations: install
	$(BIN)/python manage.py compile_translations --verbosity 0

# Georgian coverage per catalogue; fails below 100% or on a project string without Georgian.
translations-check: install
	$(BIN)/python manage.py translation_coverage

migrate: translations
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: translations
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Publishes pages whose scheduled time (an embargo's end, say) has come, and sends the
# distributions that publication triggers. Cron, every minute:
#   * * * * *  cd /srv/ssa && make publish-scheduled
publish-scheduled: install
	$(BIN)/python manage.py publish_scheduled

clean:
	rm -rf $(VENV) var .pytest_cache
