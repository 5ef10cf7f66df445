# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= warehouse/kinerja.duckdb

.PHONY: run test install samples clean

$(BIN)/kinerja: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/pip install -qq -e '.[dev]'
	touch $@

install: $(BIN)/kinerja

run: install
	$(BIN)/kinerja ingest samples/ --db $(DB)

test: install
	$(BIN)/python -m pytest -q

samples: install
	$(BIN)/pip install --quiet -e '.[dev,samples]'
	$(BIN)/python -m samples.generators.build

clean:
	rm -rf $(VENV) $(DB) $(DB).wal
