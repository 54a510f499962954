# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q

.PHONY: demo test setup setup-dev lint check clean train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -U pip

# Chinese extraction needs Baidu LAC on PaddlePaddle, installed in an order a pip extra cannot express.
setup: $(BIN)/python
	$(PIP) install -e .
	sh scripts/install-zh.sh $(VENV)

setup-dev: $(BIN)/python
	$(PIP) install -e ".[dev,ftm]"
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

# Retrain the relation model (src/mcfwatch/extract/relmodel/models/) from corpus/train and the dev gold.
train: setup-dev
	nice -n 10 $(BIN)/python -m mcfwatch.extract.relmodel.train en zh

clean:
	rm -rf $(VENV) demo.db* .pytest_cache
