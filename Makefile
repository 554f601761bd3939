# Jigsaw: `make run` serves the demo site, `make test` runs the whole suite.
# Each target installs what it needs, so both work on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DATABASE_URL_POSTGRES ?= postgres://postgres@127.0.0.1:5432/jigsaw_test
CHROMIUM := /usr/bin/chromium
PYTEST_ARGS ?=

export DJANGO_ALLOW_ASYNC_UNSAFE := true

.PHONY: install frontend chromium compilemessages messages run worker migrate seed test screenshots test-postgres test-production lint check clean

$(BIN)/.installed: requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed

# Sass from govuk-frontend with the partnership's colours, plus govuk-frontend's
# JavaScript module and assets. Built files live in frontend/build (not committed).
frontend: node_modules/.installed
	npm run --silent build
	mkdir -p frontend/build/js frontend/build/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js frontend/build/js/
	cp frontend/js/*.mjs frontend/build/js/
	cp -R frontend/static/. frontend/build/
	rm -rf frontend/build/govuk/assets && cp -R node_modules/govuk-frontend/dist/govuk/assets frontend/build/govuk/assets

# Interface translations: locale/<language>/LC_MESSAGES/django.po is in the repo, the
# .mo files Django reads are built here. polib compiles them (pure Python, installed
# with wagtail-localize), so a fresh machine needs no gettext tools.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
LOCALES ?= $(patsubst locale/%/LC_MESSAGES/django.po,%,$(PO_FILES))

compilemessages: $(PO_FILES:.po=.mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(BIN)/.installed
	$(BIN)/python -m home.locale_files $<

# After adding or changing interface text: collect it into every .po file, then
# translate the new entries (docs/editor-guide.md). A new language: LOCALES="ur cy".
# makemessages needs xgettext, so gettext is installed here if it is missing.
messages: install
	@command -v xgettext >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemessages --no-obsolete --add-location=file \
		--ignore=node_modules --ignore=frontend --ignore=staticfiles --ignore=media --ignore=tests --ignore=test-results \
		$(addprefix --locale=,$(LOCALES))
	$(BIN)/python -m home.locale_files --check || echo "Translate the entries listed above, then run make compilemessages."

# Debian's Chromium for the browser tests; Playwright never downloads a browser.
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's wrk for the page benchmark.
wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# Public pages against a static file under gunicorn, SQLite and PostgreSQL, page cache on and
# off; writes docs/performance.md. BENCH_SECONDS=5 for a quick run (bench/pages.py lists the options).
bench: install frontend compilemessages wrk
	$(BIN)/python bench/pages.py

# One newsletter to 10,000 confirmed subscribers through a local SMTP sink (aiosmtpd) with one
# worker; prints emails a second and the worker's peak memory, and writes the "Newsletter
# sending" section of docs/performance.md. SUBSCRIBERS=2000 for a quick run.
bench-newsletter: install
	$(BIN)/python bench/newsletter_send.py --subscribers $${SUBSCRIBERS:-10000} --write-docs

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py setup_editorial

# Serves the demo on SQLite with local media, and a task worker in the same
# process group with the scheduler (publish_scheduled every minute), stopped together with the server.
run: install frontend compilemessages seed
	@echo ""
	@echo "  Jigsaw demo: http://127.0.0.1:$(PORT)/   admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo admin login: admin / jigsaw-demo-admin"
	@echo "  Demo editors (police.drafter, council.reviewer, cse.lead...): password jigsaw-demo-editor"
	@echo ""
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker & \
	$(BIN)/python manage.py run_scheduler & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: install frontend chromium compilemessages lint check
	$(BIN)/pytest $(PYTEST_ARGS)

# Retake the editor guide's screenshots (docs/images) from the browser test of the editorial flow.
screenshots: install frontend chromium compilemessages
	UPDATE_DOCS_SCREENSHOTS=1 $(BIN)/pytest tests/editorial/test_flow_in_browser.py

test-postgres: install frontend chromium compilemessages
	DATABASE_URL=$${DATABASE_URL:-$(DATABASE_URL_POSTGRES)} $(BIN)/pytest $(PYTEST_ARGS)

# The scale-out proof (docs/operations.md): the machine's PostgreSQL and Redis, moto's S3
# server, a task worker and two gunicorn instances with production settings, on loopback.
test-production: install frontend compilemessages
	bash scripts/test_production.sh $(PYTEST_ARGS)

clean:
	rm -rf frontend/build staticfiles .pytest_cache
