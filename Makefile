# The two commands of the README: `make run` (site with demo content) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run demo test lint format plugin-check

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[site,dev]'
	touch $@

# migrate, load_demo and ensure_admin in one process: Django starts and checks once.
demo: setup
	$(PY) manage.py prepare_demo

run: demo
	@echo "Familientisch runs at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

# Both cores (pytest-xdist); `TEST_WORKERS=0` runs in one process. Outside CI the test database
# is kept between runs (`PYTEST_ARGS=--create-db` starts a new one after changing migrations).
TEST_WORKERS ?= 2
test: setup
	$(PY) -m pytest -n $(TEST_WORKERS) $(if $(CI),--create-db,--reuse-db) $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo
	$(PY) manage.py makemigrations --check --dry-run

# The plugin from its wheel in a new `wagtail start` site, as README "Add Familientisch to an
# existing Wagtail site" says (about 30 s; needs the package index).
plugin-check: setup
	.ci/plugin-host-site

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Production (docs/production.md): settings from the environment, at least SECRET_KEY and
# DATABASE_URL; workers from WEB_CONCURRENCY.
PROD := DJANGO_SETTINGS_MODULE=familysite.settings.production

.PHONY: migrate-production serve-production worker backup restore benchmark

migrate-production: setup
	$(PROD) $(PY) manage.py migrate --noinput
	$(PROD) $(PY) manage.py createcachetable

serve-production: setup
	$(PROD) $(PY) manage.py collectstatic --noinput
	$(PROD) $(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py

worker: setup
	$(PROD) $(PY) manage.py db_worker --no-reload

backup:
	deploy/backup.sh $(BACKUP_DIR)

restore:
	deploy/restore.sh $(BACKUP_DIR)

benchmark: setup
	benchmarks/baseline.sh
