# DUO — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
DUO := $(PYTHON) bin/duo

.PHONY: run reset test test-odoo lint bench db-start db-stop help

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run:  ## serve DUO with demo data on http://localhost:8069 (creates the database once)
	$(DUO) run

reset:  ## drop the local database; the next `make run` starts fresh
	$(DUO) reset

test:  ## throw-away database, every test (tours included), ruff, pylint-odoo, compose check
	$(DUO) test

test-odoo:  ## Odoo's own event, website_event, survey, crm and calendar tests with DUO installed (CI)
	$(DUO) test --odoo-suites

lint:  ## ruff and pylint-odoo only
	$(DUO) lint

bench:  ## run the benchmarks under bench/
	$(PYTHON) bench/run_all.py

db-start:  ## start the embedded PostgreSQL cluster
	$(DUO) db start

db-stop:  ## stop the embedded PostgreSQL cluster
	$(DUO) db stop
