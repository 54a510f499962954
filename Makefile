# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q

.PHONY: demo test setup setup-dev lint check clean train train-ner train-zh lock audit

# Every dependency comes from a lock file with SHA-256 hashes (requirements/, see its README);
# mcfwatch itself is installed last, without dependencies and without fetching build tools.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements/build.lock

# Chinese extraction needs Baidu LAC on PaddlePaddle, installed in an order a pip extra cannot express.
setup: $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/runtime.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	sh scripts/install-zh.sh $(VENV)

# yente (its response models check our API in tests) pins versions nomenklatura 4.17 cannot share: no deps.
setup-dev: $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/dev.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	$(PIP) install --require-hashes --no-deps -r requirements/yente.lock
	sh scripts/install-zh.sh $(VENV)

demo: setup
	$(BIN)/mcfwatch demo --db demo.db

test: setup-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/python -m pytest -q

lint: setup-dev
	$(BIN)/ruff check src tests benchmarks

check: setup-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

# Retrain the English entity typer (src/mcfwatch/extract/en/models/) and the relation model
# (src/mcfwatch/extract/relmodel/models/) from corpus/train and the dev gold, never the blind split.
train: train-ner
	nice -n 10 $(BIN)/python -m mcfwatch.extract.en.typer_train
	nice -n 10 $(BIN)/python -m mcfwatch.extract.relmodel.train en zh

# Fine-tune the English model's ner on corpus/train and the dev gold (src/mcfwatch/extract/en/models/ner/;
# never the blind split): a few minutes of CPU.
train-ner: setup-dev
	nice -n 10 $(BIN)/python -m mcfwatch.extract.en.ner_train

# Retrain the Chinese NER model shipped in src/mcfwatch/extract/zh/models/ from the public training splits
# (read from ../shared; skipped with a message when absent), sampled, plus corpus/train/zh.jsonl's gold mentions
# twice (never the blind split). About 4 minutes of wall time on the loaded, shared 2-core machine; niced.
ZH_NER_DATA ?= ../shared/data/zh-ner-train
ZH_NER_TEST ?= ../shared/data/benchmarks/zh-ner
ZH_NER_SAMPLE ?= 15000
ZH_NER_REPEAT ?= 2
train-zh: setup-dev
	nice -n 10 $(BIN)/python -m mcfwatch.extract.zh.train --data $(ZH_NER_DATA) --sample $(ZH_NER_SAMPLE) \
		--corpus corpus/train/zh.jsonl --corpus-repeat $(ZH_NER_REPEAT) --test $(ZH_NER_TEST)

# Maintainers' tools (uv, pip-audit) live in their own venv, installed from their own hashed lock.
TOOLS ?= .venv-tools
UV_COMPILE = $(TOOLS)/bin/uv pip compile --quiet --no-header --generate-hashes --python-version 3.11 \
	--python-platform x86_64-manylinux_2_28 --index-url https://pypi.org/simple

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip --disable-pip-version-check -q install --require-hashes --no-deps -r requirements/tools.lock

# Regenerate every lock from pyproject.toml and requirements/*.in (needs PyPI; zh.lock builds LAC's metadata
# in $(VENV), which must hold setuptools < 70: run `make setup-dev` first).
lock: $(TOOLS)/bin/uv $(BIN)/python
	$(UV_COMPILE) pyproject.toml --extra dev --extra ftm --extra postgres --extra spark -c requirements/build.in -o requirements/dev.lock
	$(UV_COMPILE) pyproject.toml -c requirements/dev.lock -o requirements/runtime.lock
	$(UV_COMPILE) requirements/build.in -c requirements/dev.lock -o requirements/build.lock
	$(UV_COMPILE) requirements/tools.in -o requirements/tools.lock
	$(UV_COMPILE) requirements/yente.in --no-deps -o requirements/yente.lock
	$(UV_COMPILE) requirements/zh.in -c requirements/dev.lock -c requirements/build.lock \
		--python $(BIN)/python --no-build-isolation-package lac -o requirements/zh.lock

# Known vulnerabilities in the locked versions (pip-audit); says plainly when no advisory database is reachable.
audit: $(TOOLS)/bin/uv
	sh scripts/audit.sh $(TOOLS)

clean:
	rm -rf $(VENV) $(TOOLS) demo.db* .pytest_cache
