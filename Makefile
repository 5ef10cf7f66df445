# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= warehouse/kinerja.duckdb

.PHONY: run test install browser samples clean

$(BIN)/kinerja: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/pip install -qq -e '.[dev]'
	touch $@

install: $(BIN)/kinerja

# Headless Chromium renders `kinerja report` pages in tests/test_report.py. Installed with
# apt-get when missing (root on Debian/Ubuntu); otherwise say how, and let the test name it.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else \
	    echo "chromium is missing: install it (Debian: sudo apt-get install chromium fonts-dejavu-core) for tests/test_report.py" >&2; \
	  fi; }

run: install browser
	$(BIN)/kinerja ingest samples/ --db $(DB)

test: install browser
	$(BIN)/python -m pytest -q

samples: install
	$(BIN)/pip install --quiet -e '.[dev,samples]'
	$(BIN)/python -m samples.generators.build

clean:
	rm -rf $(VENV) $(DB) $(DB).wal
