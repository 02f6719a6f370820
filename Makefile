# Back Relief. `make run` and `make test` work on a fresh machine with Python 3.11+, Node 20, make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# `make bench` runs on Python 3.13, the Lambda runtime's version, in a venv of its own.
BENCH_VENV := .venv-bench
BENCH_PY := $(BENCH_VENV)/bin/python
PORT ?= 3000
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)
export BACK_RELIEF_DATA_DIR ?= $(CURDIR)/.data

.PHONY: setup run serve chat test lint model bench eval eval-heard package release-check deploy destroy clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

model: $(VENV)/.installed
	$(PY) -m interaction_models.build

run: $(VENV)/.installed model
	PORT=$(PORT) $(PY) -m back_relief.hosting --dev --host 127.0.0.1 --port $(PORT)

serve: $(VENV)/.installed model
	@test -n "$$SKILL_ID" || { echo "serve: set SKILL_ID (production mode verifies requests)"; exit 2; }
	$(PY) -m back_relief.hosting --host $${HOST:-0.0.0.0} --port $(PORT)

chat: $(VENV)/.installed model
	$(PY) -m back_relief.simulator

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check lambda interaction_models tests scripts bench
	$(VENV)/bin/ruff format --check lambda interaction_models tests scripts bench
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict scripts/package.py scripts/model_reach.py scripts/wire_endpoint.py scripts/release_check.py \
		scripts/ask_stack.py scripts/evaluate.py scripts/bytecode.py

test: setup
	$(PY) -m interaction_models.build --check
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest

$(BENCH_VENV)/.installed: requirements.txt requirements-dev.txt bench/requirements.txt
	rm -rf $(BENCH_VENV)
	python313="$$($(PYTHON) bench/python313.py)" && "$$python313" -m venv $(BENCH_VENV)
	# The project's pins as constraints: pip refuses extras there (moto[server]), so drop them.
	grep -hv '^-r' requirements.txt requirements-dev.txt | sed -E 's/\[[^]]*\]//' \
		> $(BENCH_VENV)/constraints.txt
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check \
		-c $(BENCH_VENV)/constraints.txt -r bench/requirements.txt
	touch $@

# dynalite (node_modules) runs both DynamoDB-backed skills: without it there is no bench.
bench: $(BENCH_VENV)/.installed node_modules/.installed
	$(BENCH_PY) -m bench.run

# Held-out evaluation (reports, never fails on the figures): tests/heldout/README.md.
eval: $(VENV)/.installed model
	$(PY) scripts/evaluate.py
	$(PY) scripts/evaluate.py --set second
	$(PY) scripts/evaluate.py --set third
	$(PY) scripts/evaluate.py --set fourth
	$(PY) scripts/evaluate.py --set fifth
	$(PY) scripts/evaluate.py --set sixth

eval-heard: $(VENV)/.installed model
	$(PY) scripts/evaluate.py --heard
	$(PY) scripts/evaluate.py --heard --set second
	$(PY) scripts/evaluate.py --heard --set third
	$(PY) scripts/evaluate.py --heard --set fourth
	$(PY) scripts/evaluate.py --heard --set fifth
	$(PY) scripts/evaluate.py --heard --set sixth

package: $(VENV)/.installed
	$(PY) scripts/package.py

# Everything Alexa's console and certification would refuse that can be checked offline.
release-check: $(VENV)/.installed
	$(PY) scripts/release_check.py

# deploy.sh runs the release check itself, after filling in ASSETS_BASE_URL, before any
# call to Alexa.
deploy: setup package
	PACKAGE=true bash scripts/deploy.sh deploy

# DELETE_SKILL=1 make destroy also deletes the skill.
destroy: setup
	bash scripts/deploy.sh destroy

clean:
	rm -rf $(VENV) $(BENCH_VENV) .venv-bench-tools node_modules build .aws-sam .data .pytest_cache .mypy_cache .ruff_cache
